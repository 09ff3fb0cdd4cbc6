// heartbeatd: the heartbeat engine with no GUI. Runs ticks, records everything in the data
// directory, and stops cleanly on SIGINT/SIGTERM or after --run-for.

#include "apiservice.h"
#include "cli.h"
#include "httplogging.h"
#include "machinecommand.h"
#include "core/logging.h"
#include "oracle/oraclelogging.h"
#include "runtime.h"
#include "schedulecommand.h"
#include "servicenotify.h"
#include "signalwatcher.h"
#include "startuplog.h"
#include "store/metricswriter.h"
#include "tokencommand.h"

#include <QCoreApplication>
#include <QTimer>

#include <csignal>

using namespace hb;

int main(int argc, char *argv[])
{
    // A write past a file-size limit must fail with an error we report, not kill the process.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("heartbeatd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HB_VERSION));
    if (const auto exitCode = cli::runTokenCommand(QCoreApplication::arguments()))
        return *exitCode;
    if (const auto exitCode = cli::runMachineCommand(QCoreApplication::arguments()))
        return *exitCode;
    if (const auto exitCode = cli::runScheduleCommand(QCoreApplication::arguments()))
        return *exitCode;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("heartbeatd", "The Heartbeat maintenance engine, headless.") +
        u"\n\n" +
        QCoreApplication::translate(
            "heartbeatd",
            "Commands (each with --help):\n"
            "  token create|list|revoke       API tokens of the data directory\n"
            "  machine add|list|remove|...    pushing machines of the data directory\n"
            "  schedule --cron EXPR           the next run times of a cron schedule"));
    cli::addCommonOptions(parser);
    parser.addOption({QStringLiteral("demo"),
                      QCoreApplication::translate(
                          "heartbeatd", "Demo mode: a new data directory gets the demo "
                                        "configuration; ticks every 2 s unless --tick-ms is given.")});
    parser.addOption({QStringLiteral("run-for"),
                      QCoreApplication::translate(
                          "heartbeatd", "Stop after this many seconds, as on SIGTERM."),
                      QStringLiteral("SECONDS")});

    parser.addOption({QStringLiteral("listen"),
                      QCoreApplication::translate(
                          "heartbeatd", "Serve the HTTP API on ADDRESS:PORT, or \"none\" "
                                        "(default: http.listen in config.json, 127.0.0.1:8089)."),
                      QStringLiteral("ADDR:PORT")});

    RuntimeOptions options;
    if (const auto exitCode = cli::parse(parser, &options))
        return *exitCode;
    // --listen, else $HEARTBEAT_LISTEN, else http.listen of config.json (read once it is loaded).
    QString listenText = parser.value(QStringLiteral("listen"));
    if (listenText.isEmpty())
        listenText = qEnvironmentVariable("HEARTBEAT_LISTEN");
    if (!listenText.isEmpty()) {
        QString error;
        if (!parseListenAddress(listenText, &error)) {
            cli::printError(QStringLiteral("--listen %1").arg(error));
            return cli::ExitBadInput;
        }
    }
    double runFor = 0.0;
    if (!cli::readSeconds(parser, QStringLiteral("run-for"), &runFor))
        return cli::ExitBadInput;
    options.demo = parser.isSet(QStringLiteral("demo"));

    std::unique_ptr<EngineRuntime> runtime;
    cli::StartupLog startupLog;
    options.filesAccepted = [&startupLog] { startupLog.release(); };
    try {
        runtime = std::make_unique<EngineRuntime>(options);
    } catch (const StoreError &e) {
        startupLog.discard();
        cli::printError(e.message());
        return cli::ExitBadInput;
    }
    startupLog.release();

    // Nobody watches a banner here: say once where prices come from, and what to set if the
    // answer is nowhere (or a simulation feeding a ledger that is not a demo).
    const QString oracleSource = runtime->oracleSource();
    if (oracleSource == OracleSourceName::None) {
        qCWarning(lcOracle).noquote()
            << QStringLiteral("no price source configured: prices are not updated; set "
                              "oracle.source to \"http\" or \"file\" in %1")
                   .arg(runtime->configPath());
    } else if (oracleSource == OracleSourceName::Demo && runtime->initialConfig().demo) {
        qCInfo(lcOracle) << "price oracle: the demo feed (simulated prices)";
    } else if (oracleSource == OracleSourceName::Demo) {
        qCWarning(lcOracle).noquote()
            << QStringLiteral("price oracle: the demo feed writes simulated prices into a ledger "
                              "that is not a demo; set oracle.source in %1")
                   .arg(runtime->configPath());
    }

    int exitCode = cli::ExitOk;
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::stopRequested, &app, [](int sig) {
        qCInfo(lcEngine) << "signal" << sig << "received; stopping";
        QCoreApplication::quit();
    });
    QObject::connect(&runtime->writer(), &MetricsWriter::writeFailed, &app,
                     [&exitCode](const QString &message) {
                         cli::printError(message);
                         exitCode = cli::ExitBadInput;
                         QCoreApplication::quit();
                     },
                     Qt::QueuedConnection);
    if (runFor > 0.0)
        QTimer::singleShot(int(runFor * 1000.0), &app, &QCoreApplication::quit);

    // Bound before the first tick: a port in use stops the start with nothing changed.
    const HeartbeatConfig &config = runtime->initialConfig();
    if (listenText.isEmpty())
        listenText = config.httpListen;
    std::unique_ptr<ApiService> api;
    if (const auto listen = parseListenAddress(listenText, nullptr); listen && !listen->isNone()) {
        ApiServerOptions apiOptions;
        apiOptions.listen = *listen;
        apiOptions.dataDir = runtime->dataDir();
        apiOptions.metricsPath = runtime->metricsPath();
        apiOptions.healthzRequiresToken = config.httpHealthzRequiresToken;
        apiOptions.metricsRequiresToken = config.httpMetricsRequiresToken;
        apiOptions.limits.requestTimeoutMs = int(config.httpRequestTimeoutMs);
        apiOptions.machines = &runtime->machines();
        api = std::make_unique<ApiService>(runtime->host(), apiOptions);
        QString error;
        if (!api->start(&error)) {
            cli::printError(error);
            return cli::ExitBadInput;
        }
    }
    runtime->start();
    // WatchdogSec= in the unit: alive is said only while the engine thread answers, so a
    // process whose engine the in-process watchdog cannot bring back is restarted by systemd.
    QTimer serviceWatchdog;
    if (const qint64 interval = cli::watchdogIntervalMs(); interval > 0) {
        QObject::connect(&serviceWatchdog, &QTimer::timeout, &app, [&runtime] {
            if (runtime->host().engineResponsive())
                cli::notifyWatchdog();
        });
        serviceWatchdog.start(int(std::min<qint64>(interval, 3'600'000)));
        qCInfo(lcEngine) << "service watchdog: WATCHDOG=1 every" << interval
                         << "ms while the engine answers";
    }
    qCInfo(lcEngine).noquote() << "heartbeatd running on" << runtime->dataDir();
    cli::notifyReady(
        api ? QCoreApplication::translate("heartbeatd", "running on %1, serving %2")
                  .arg(runtime->dataDir(), api->url())
            : QCoreApplication::translate("heartbeatd", "running on %1").arg(runtime->dataDir()));
    app.exec();
    cli::notifyStopping();
    api.reset(); // no request reaches the engine while it stops
    runtime->stop();
    if (runtime->writer().hasFailed())
        exitCode = cli::ExitBadInput;
    return exitCode;
}
