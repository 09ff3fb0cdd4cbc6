// heartbeat-dashboard: hosts the engine on a worker thread and shows it live.

#include "adminsession.h"
#include "analysiscli.h"
#include "appicon.h"
#include "cli.h"
#include "core/logging.h"
#include "mainwindow.h"
#include "notify/notifier.h"
#include "runtime.h"
#include "seedprogress.h"
#include "signalwatcher.h"
#include "startuplog.h"
#include "store/metricswriter.h"
#include "uisettings.h"
#include "wall/wallwindow.h"
#include "wallcli.h"
#include "remotesource.h"

#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QScreen>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QTimer>
#include <QTranslator>

#include <csignal>

using namespace hb;

namespace {

// Shows a problem both ways: one line on stderr (scripts, tests) and a dialog (people). When the
// run is scripted (--quit-after), the dialog closes itself so nothing waits for a click.
void reportError(const QString &message, bool scripted)
{
    cli::printError(message);
    QMessageBox box(QMessageBox::Critical, QCoreApplication::translate("main", "Heartbeat Dashboard"),
                    message, QMessageBox::Ok);
    if (scripted)
        QTimer::singleShot(500, &box, &QMessageBox::accept);
    box.exec();
}

void installTranslators(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("hb"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
}

// Writes the window to `screenshot` (when set) and closes it after `quitAfter` seconds (when
// scripted); a screenshot that cannot be written is said on stderr and makes the exit code 2.
void closeWhenScripted(QWidget *window, double quitAfter, const QString &screenshot, int *exitCode)
{
    if (quitAfter <= 0.0)
        return;
    QTimer::singleShot(int(quitAfter * 1000.0), window, [=] {
        if (!screenshot.isEmpty() && !window->grab().save(screenshot)) {
            cli::printError(
                QCoreApplication::translate("main", "%1: cannot write the screenshot").arg(screenshot));
            *exitCode = cli::ExitBadInput;
        }
        window->close();
    });
}

// `--open FILE.db`: the file read-only in the window, no engine, no data directory touched.
int showRecording(const QString &path, double quitAfter, const QString &screenshot)
{
    const bool scripted = quitAfter > 0.0;
    QString error;
    const auto clock = std::make_shared<SystemClock>();
    QPointer<MainWindow> window = MainWindow::openRecording(path, clock, &error);
    if (!window) {
        reportError(error, scripted);
        return cli::ExitBadInput;
    }
    window->setConfirmationsEnabled(!scripted);
    int exitCode = cli::ExitOk;
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::stopRequested, window, &QWidget::close);
    closeWhenScripted(window, quitAfter, screenshot, &exitCode);
    window->show();
    QApplication::exec();
    delete window; // when it was not closed (a signal quit the loop)
    return exitCode;
}

// What the wall's log line calls a state (stderr, the journal of its user unit); the screen
// says it in the interface language.
QString statusLine(const SourceStatus &status)
{
    switch (status.state) {
    case SourceStatus::State::Connecting:
        return QStringLiteral("wall: connecting");
    case SourceStatus::State::Live:
        return QStringLiteral("wall: live");
    case SourceStatus::State::Quiet:
        return QStringLiteral("wall: no update since %1: %2")
            .arg(QDateTime::fromMSecsSinceEpoch(status.sinceMs).toString(Qt::ISODate),
                 status.reason);
    case SourceStatus::State::Unreachable:
        return QStringLiteral("wall: engine unreachable: ") + status.reason;
    case SourceStatus::State::Unauthorised:
        return QStringLiteral("wall: not authorised: ") + status.reason;
    case SourceStatus::State::NewerApi:
        return QStringLiteral("wall: newer API: ") + status.reason;
    case SourceStatus::State::BadAddress:
        return QStringLiteral("wall: bad address: ") + status.reason;
    case SourceStatus::State::BadStream:
        return QStringLiteral("wall: bad stream: ") + status.reason;
    }
    return {};
}

// `--wall`: full screen on the chosen screen, fed by the planned source; nothing is commanded.
int showWall(const wall::Plan &plan, double quitAfter, const QString &screenshot)
{
    const auto clock = std::make_shared<SystemClock>();
    std::unique_ptr<DataSource> source;
    if (plan.kind == wall::Plan::Kind::Remote) {
        RemoteSource::Options options;
        options.baseUrl = plan.url;
        options.token = plan.token;
        options.clock = clock;
        source = std::make_unique<RemoteSource>(options);
        cli::printError(QStringLiteral("wall: showing ") + plan.url.toString());
    } else {
        QString error;
        std::unique_ptr<RecordedSource> file = RecordedSource::open(plan.metricsPath, &error);
        if (!file) {
            reportError(error, quitAfter > 0.0);
            return cli::ExitBadInput;
        }
        source = std::move(file);
        cli::printError(QStringLiteral("wall: showing ") + plan.metricsPath
                        + QStringLiteral(" (read-only; no engine serves the directory)"));
    }
    // One line per change of state or reason (not per update: "updated" moves every tick).
    auto logged = std::make_shared<QString>();
    QObject::connect(source.get(), &DataSource::statusChanged, source.get(),
                     [logged](const SourceStatus &status) {
                         const QString line = statusLine(status);
                         if (line != *logged)
                             cli::printError(line);
                         *logged = line;
                     });
    QTimer engineWatch;
    if (auto *file = qobject_cast<RecordedSource *>(source.get())) {
        // Live while an engine holds the directory and ticks reach the file (within two ticks
        // and a follow interval); with no engine at all, quiet at once: nothing will come.
        const QString dataDir = QFileInfo(plan.metricsPath).absolutePath();
        const qint64 quietAfter =
            2 * plan.config.tickIntervalMs + RecordedSource::FollowIntervalMs + 1'000;
        auto judge = [file, clock, dataDir, quietAfter] {
            file->watchFreshness(clock, wall::engineRunsOn(dataDir) ? quietAfter : 0);
        };
        judge();
        QObject::connect(&engineWatch, &QTimer::timeout, file, judge);
        engineWatch.start(RecordedSource::FollowIntervalMs);
        file->setFollowing(true);
    }
    WallWindow window(*source, plan.config, clock);
    window.setConfirmLeave(quitAfter <= 0.0);
    QObject::connect(&window, &WallWindow::leaveRequested, &window, &QWidget::close);
    int exitCode = cli::ExitOk;
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::stopRequested, &window, &QWidget::close);
    closeWhenScripted(&window, quitAfter, screenshot, &exitCode);
    const QList<QScreen *> screens = QGuiApplication::screens();
    window.showOnScreen(plan.screen >= 0 && plan.screen < screens.size() ? screens[plan.screen]
                                                                         : nullptr);
    source->start();
    QApplication::exec();
    return exitCode;
}

} // namespace

// --help and --version must answer on a machine without a display (a server, an SSH session):
// QApplication needs a platform before the options are parsed, so give it one that needs none.
// So must a headless export (--open FILE.db --export-csv OUT): it shows no window anyway.
static void allowHelpWithoutDisplay(int argc, char *argv[])
{
    if (analysis::wantsHeadlessRun(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return;
    }
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        return;
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version"
            || arg == "-v") {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

int main(int argc, char *argv[])
{
    std::signal(SIGXFSZ, SIG_IGN);
    allowHelpWithoutDisplay(argc, argv);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("heartbeat-dashboard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Heartbeat"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HB_VERSION));
    // Every window and dialog (the start-up error box too) shows the app icon; on Wayland the
    // desktop entry's name ties the windows to resources/heartbeat-dashboard.desktop.
    QApplication::setWindowIcon(appIcon());
    QGuiApplication::setDesktopFileName(QStringLiteral("heartbeat-dashboard"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Watch and steer the Heartbeat maintenance engine. On first run a demo data "
                "directory is created."));
    cli::addCommonOptions(parser);
    analysis::addOptions(parser);
    wall::addOptions(parser);
    parser.addOption({QStringLiteral("lang"),
                      QCoreApplication::translate("main", "User interface language: en or id."),
                      QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("screenshot"),
                      QCoreApplication::translate("main", "Write a PNG of the main window to FILE "
                                                          "when quitting (see --quit-after)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("quit-after"),
                      QCoreApplication::translate("main", "Quit after this many seconds."),
                      QStringLiteral("SECONDS")});

    RuntimeOptions options;
    if (const auto exitCode = cli::parse(parser, &options))
        return *exitCode;
    double quitAfter = 0.0;
    if (!cli::readSeconds(parser, QStringLiteral("quit-after"), &quitAfter))
        return cli::ExitBadInput;
    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    if (!screenshot.isEmpty() && quitAfter <= 0.0)
        quitAfter = 3.0;
    const bool scripted = quitAfter > 0.0;

    UiSettings settings = UiSettings::load();
    QString language = parser.value(QStringLiteral("lang"));
    if (!language.isEmpty() && language != u"en" && language != u"id") {
        cli::printError(QCoreApplication::translate("main", "--lang must be en or id (got '%1')")
                            .arg(language));
        return cli::ExitBadInput;
    }
    if (language.isEmpty())
        language = settings.language;
    installTranslators(app, language);

    // A saved metrics.db: checked here, before any window or data directory exists; an export
    // or a report ends here too, else the file opens read-only in the window.
    if (wall::wanted(parser)) {
        wall::Plan plan;
        if (const auto exitCode = wall::plan(parser, options.dataDir, &plan))
            return *exitCode;
        return showWall(plan, quitAfter, screenshot);
    }

    QString analysisFile;
    if (const auto exitCode = analysis::run(parser, &analysisFile))
        return *exitCode;
    if (!analysisFile.isEmpty())
        return showRecording(analysisFile, quitAfter, screenshot);

    options.demo = true; // a first run shows something moving right away
    DemoSeedProgress seedProgress;
    options.demoProgress = [&seedProgress](qint64 written, qint64 total) {
        seedProgress.report(written, total);
    };
    std::unique_ptr<EngineRuntime> runtime;
    cli::StartupLog startupLog;
    options.filesAccepted = [&startupLog] { startupLog.release(); };
    options.desktop = true;
    try {
        runtime = std::make_unique<EngineRuntime>(options);
    } catch (const StoreError &e) {
        seedProgress.finish();
        startupLog.discard();
        reportError(e.message(), scripted);
        return cli::ExitBadInput;
    }
    startupLog.release();

    // Everyone starts as a viewer; admins unlock with the data directory's passphrase.
    const auto clock = std::make_shared<SystemClock>();
    AdminSession session(runtime->dataDir() + QStringLiteral("/admin.json"),
                         qEnvironmentVariable("USER", QStringLiteral("operator")), clock);
    auto window = std::make_unique<MainWindow>(runtime->host(), session, clock, runtime->dataDir());
    window->setMachineMonitor(&runtime->machines());
    // The tray shows what the "desktop" channels of config.json take, by the notifiers' rules.
    window->setNotifier(runtime->notifier());
    if (Notifier *notifier = runtime->notifier())
        QObject::connect(notifier, &Notifier::desktopNotification, window.get(),
                         &MainWindow::showDesktopNotification, Qt::QueuedConnection);
    int exitCode = cli::ExitOk;
    // The engine pauses itself (emergency, with the reason) and raises a critical alert; the
    // ledger refuses changes until Resume finds the store writable again. Say so once, plainly.
    QObject::connect(&runtime->writer(), &MetricsWriter::writeFailed, window.get(),
                     [&](const QString &message) {
                         cli::printError(message);
                         if (!scripted)
                             QMessageBox::critical(
                                 window.get(),
                                 QCoreApplication::translate("main", "Metrics store failed"),
                                 QCoreApplication::translate(
                                     "main", "%1\n\nThe engine is paused and the ledger will not "
                                             "change until the metrics store can be written "
                                             "again. Free some space (or fix the file), then "
                                             "use Resume.")
                                     .arg(message));
                     },
                     Qt::QueuedConnection);

    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::stopRequested, window.get(), &QWidget::close);

    closeWhenScripted(window.get(), quitAfter, screenshot, &exitCode);

    window->show();
    runtime->start();
    app.exec();
    window->stopServing(); // no request reaches the engine while it stops
    runtime->stop();
    window.reset();
    if (runtime->writer().hasFailed())
        exitCode = cli::ExitBadInput; // the store never came back: what ran was not all recorded
    return exitCode;
}
