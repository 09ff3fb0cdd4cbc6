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

#include <QApplication>
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
