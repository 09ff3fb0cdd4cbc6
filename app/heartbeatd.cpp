// heartbeatd: the heartbeat engine with no GUI. Runs ticks, records everything in the data
// directory, and stops cleanly on SIGINT/SIGTERM or after --run-for.

#include "cli.h"
#include "core/logging.h"
#include "oracle/oraclelogging.h"
#include "runtime.h"
#include "servicenotify.h"
#include "signalwatcher.h"
#include "startuplog.h"
#include "store/metricswriter.h"

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

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("heartbeatd", "The Heartbeat maintenance engine, headless."));
    cli::addCommonOptions(parser);
    parser.addOption({QStringLiteral("demo"),
                      QCoreApplication::translate(
                          "heartbeatd", "Demo mode: a new data directory gets the demo "
                                        "configuration; ticks every 2 s unless --tick-ms is given.")});
    parser.addOption({QStringLiteral("run-for"),
                      QCoreApplication::translate(
                          "heartbeatd", "Stop after this many seconds, as on SIGTERM."),
                      QStringLiteral("SECONDS")});

    RuntimeOptions options;
    if (const auto exitCode = cli::parse(parser, &options))
        return *exitCode;
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

    runtime->start();
    qCInfo(lcEngine).noquote() << "heartbeatd running on" << runtime->dataDir();
    cli::notifyReady(
        QCoreApplication::translate("heartbeatd", "running on %1").arg(runtime->dataDir()));
    app.exec();
    cli::notifyStopping();
    runtime->stop();
    if (runtime->writer().hasFailed())
        exitCode = cli::ExitBadInput;
    return exitCode;
}
