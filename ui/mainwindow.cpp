#include "mainwindow.h"

#include "adminsession.h"
#include "apiservice.h"
#include "alerttreemodel.h"
#include "appicon.h"
#include "auditlogmodel.h"
#include "auditpanel.h"
#include "breakerpanel.h"
#include "chartpanel.h"
#include "datasource.h"
#include "configdialog.h"
#include "enginehost.h"
#include "historypanel.h"
#include "machinespanel.h"
#include "notificationspanel.h"
#include "machines/machinemonitor.h"
#include "recordfeed.h"
#include "replaybar.h"
#include "tableview.h"
#include "format.h"
#include "healthbanner.h"
#include "metricspanel.h"
#include "tasktablemodel.h"
#include "tokensdialog.h"
#include "uisettings.h"

#include <QAction>
#include <QActionGroup>
#include <QLocale>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QSystemTrayIcon>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace hb {

MainWindow::MainWindow(EngineHost &host, AdminSession &session, std::shared_ptr<const Clock> clock,
                       const QString &dataDir, QWidget *parent)
    : MainWindow(new LiveSource(host, dataDir), &session, std::move(clock), dataDir, parent)
{
}

MainWindow::MainWindow(std::unique_ptr<RecordedSource> source, std::shared_ptr<const Clock> clock,
                       QWidget *parent)
    : MainWindow(source.get(), nullptr, std::move(clock),
                 QFileInfo(source->metricsPath()).absolutePath(), parent)
{
    source.release(); // owned through m_ownedSource since the delegated constructor
}

MainWindow::MainWindow(DataSource *source, AdminSession *session,
                       std::shared_ptr<const Clock> clock, const QString &dataDir, QWidget *parent)
    : QMainWindow(parent)
    , m_ownedSource(source)
    , m_ownedSession(session ? nullptr
                             : std::make_unique<AdminSession>(QString(), QStringLiteral("analyst"),
                                                              clock))
    , m_source(source)
    , m_session(session ? session : m_ownedSession.get())
    , m_clock(std::move(clock))
    , m_banner(new HealthBanner(this))
    , m_metrics(new MetricsPanel(this))
    , m_taskModel(new TaskTableModel(this))
    , m_taskView(new QTableView(this))
    , m_charts(new ChartPanel(this))
    , m_breakers(new BreakerPanel(this))
    , m_history(new HistoryPanel(this))
    , m_alerts(new AlertTreeModel(this))
    , m_audit(new AuditPanel(this))
    // The data directory's machines and notifications: a recording has neither (and opening
    // the notification store beside a file would write to it).
    , m_machines(source->canCommand() ? new MachinesPanel(dataDir, this) : nullptr)
    , m_notificationsPanel(source->canCommand() ? new NotificationsPanel(dataDir, this) : nullptr)
    , m_statusActor(new QLabel(this))
    , m_passphraseBanner(new QLabel(this))
    , m_statusTick(new QLabel(this))
    , m_statusApi(new QLabel(this))
    , m_dataDir(dataDir)
{
    const bool live = m_source->canCommand();
    const QString metricsPath = m_source->metricsPath();
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true); // a metrics file dropped on the window opens read-only
    setWindowTitle(live ? tr("Heartbeat Dashboard")
                        : tr("%1 (read-only) — Heartbeat Dashboard")
                              .arg(QFileInfo(metricsPath).fileName()));
    setWindowIcon(appIcon());

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_banner);
    m_passphraseBanner->setObjectName(QStringLiteral("passphraseBanner"));
    m_passphraseBanner->setWordWrap(true);
    m_passphraseBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff1c9; color: #202020; padding: 6px 12px; border-radius: 3px; }"));
    m_passphraseBanner->setText(
        tr("No admin passphrase is set for this data directory: everyone here is a viewer. "
           "Choose Unlock admin to set one."));
    layout->addWidget(m_passphraseBanner);
    layout->addWidget(m_metrics);
    m_charts->setObjectName(QStringLiteral("charts"));
    m_charts->setClock(m_clock);
    m_charts->setMetricsPath(metricsPath);
    if (live)
        m_charts->seedLiveFromStore(); // the minutes before this window opened
    layout->addWidget(m_charts, 1);
    if (!live) {
        m_replayBar = new ReplayBar(central);
        m_replayBar->setObjectName(QStringLiteral("replayBar"));
        layout->addWidget(m_replayBar);
    }
    setCentralWidget(central);

    buildDocks();
    connect(m_source, &DataSource::recordsArrived, this, &MainWindow::onRecords);
    connect(m_source, &DataSource::recordsArrived, m_charts, &ChartPanel::addRecords);
    connect(m_charts, &ChartPanel::rangeIndexChanged, this, [live](int index) {
        if (!live)
            return; // a file's range (All, from its end) is not the live window's
        UiSettings settings = UiSettings::load();
        settings.chartRange = index;
        settings.save();
    });
    if (live && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(appIcon(), this);
        m_tray->setToolTip(tr("Heartbeat Dashboard"));
        m_tray->show();
    }

    buildActions();

    connect(m_session, &AdminSession::roleChanged, this, &MainWindow::onRoleChanged);
    connect(m_session, &AdminSession::unlockFinished, this, &MainWindow::onUnlockFinished);
    connect(m_session, &AdminSession::passphraseSetFinished, this,
            &MainWindow::onPassphraseSetFinished);
    connect(m_session, &AdminSession::passphraseChangeFinished, this,
            &MainWindow::onPassphraseChangeFinished);
    connect(m_session, &AdminSession::autoLocked, this, [this] {
        statusBar()->showMessage(tr("Admin locked after 5 idle minutes"), 10'000);
    });
    onRoleChanged();
    statusBar()->addPermanentWidget(m_statusApi);
    m_statusApi->setObjectName(QStringLiteral("statusApi"));
    m_statusApi->hide();
    statusBar()->addPermanentWidget(m_statusTick);
    statusBar()->addPermanentWidget(m_statusActor);
    // A normal widget, not a message: a passing message (an alert, a refusal) hides it for a
    // while and it comes back, where a message would be gone for good.
    auto *dataDirLabel = new QLabel(live ? tr("Data directory: %1").arg(dataDir)
                                         : tr("Read-only: %1").arg(metricsPath),
                                    this);
    dataDirLabel->setObjectName(QStringLiteral("statusDataDir"));
    statusBar()->addWidget(dataDirLabel, 1);

    m_redrawTimer.setSingleShot(true);
    connect(&m_redrawTimer, &QTimer::timeout, this, &MainWindow::applySnapshot);
    m_clockTimer.setInterval(1000);
    connect(&m_clockTimer, &QTimer::timeout, this, &MainWindow::refreshClockDependent);
    m_clockTimer.start();

    connect(m_source, &DataSource::snapshotChanged, this, &MainWindow::onSnapshot);
    if (RecordedSource *recorded = recording()) {
        connect(recorded, &RecordedSource::readFailed, this, [this](const QString &message) {
            statusBar()->showMessage(tr("Cannot read the file: %1").arg(message), 15'000);
        });
    }

    const UiSettings settings = UiSettings::load();
    if (!settings.windowGeometry.isEmpty())
        restoreGeometry(settings.windowGeometry);
    else
        resize(1280, 960);
    if (!settings.windowState.isEmpty()) {
        restoreState(settings.windowState);
    } else if (auto *tasks = findChild<QDockWidget *>(QStringLiteral("tasksDock"))) {
        resizeDocks({tasks}, {230}, Qt::Vertical); // the charts get the room by default
    }
    if (live)
        m_charts->setRangeIndex(settings.chartRange); // a file opens on All (setDataBounds)
    applySnapshot();
    m_source->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    m_pauseAction = new QAction(tr("Emergency &pause"), this);
    m_pauseAction->setObjectName(QStringLiteral("pauseAction"));
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseAction->setToolTip(tr("Stop every task now and cancel running ones (Ctrl+Shift+P)"));
    connect(m_pauseAction, &QAction::triggered, this, &MainWindow::requestPause);

    m_resumeAction = new QAction(tr("&Resume"), this);
    m_resumeAction->setObjectName(QStringLiteral("resumeAction"));
    m_resumeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_resumeAction->setToolTip(tr("Resume after an emergency pause (Ctrl+Shift+R)"));
    connect(m_resumeAction, &QAction::triggered, this, &MainWindow::requestResume);

    m_leaveSafeModeAction = new QAction(tr("Leave &safe mode"), this);
    m_leaveSafeModeAction->setObjectName(QStringLiteral("leaveSafeModeAction"));
    m_leaveSafeModeAction->setToolTip(
        tr("Run every enabled task again, not only the critical ones (admin)"));
    m_leaveSafeModeAction->setEnabled(false);
    connect(m_leaveSafeModeAction, &QAction::triggered, this, &MainWindow::requestLeaveSafeMode);

    m_maintenanceAction = new QAction(tr("&Maintenance mode"), this);
    m_maintenanceAction->setCheckable(true);
    m_maintenanceAction->setToolTip(tr("Keep recording heartbeats but run no task"));
    connect(m_maintenanceAction, &QAction::triggered, this, &MainWindow::requestMaintenance);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *resetBreakers = new QAction(tr("Reset all circuit &breakers"), this);
    connect(resetBreakers, &QAction::triggered, this, [this] {
        if (m_confirm && m_session->isAdmin()
            && QMessageBox::question(this, tr("Reset circuit breakers"),
                                     tr("Close every circuit breaker and clear its failure count?"))
                   != QMessageBox::Yes)
            return;
        const Actor actor = m_session->actor();
        runCommand(QStringLiteral("breaker_reset"),
                   [actor](HeartbeatEngine &e) { return e.resetBreaker(actor, {}); });
    });

    m_unlockAction = new QAction(tr("&Unlock admin…"), this);
    m_unlockAction->setObjectName(QStringLiteral("unlockAction"));
    m_unlockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    connect(m_unlockAction, &QAction::triggered, this, &MainWindow::requestUnlock);
    m_lockAction = new QAction(tr("&Lock"), this);
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_lockAction, &QAction::triggered, this, [this] {
        m_session->lock();
        const Actor actor = m_session->actor();
        sendCommand([actor](HeartbeatEngine &e) {
            e.recordSessionEvent(actor, QStringLiteral("admin_lock"));
            return CommandResult::success();
        });
    });

    m_changePassphraseAction = new QAction(tr("Change admin &passphrase…"), this);
    m_changePassphraseAction->setObjectName(QStringLiteral("changePassphraseAction"));
    connect(m_changePassphraseAction, &QAction::triggered, this,
            &MainWindow::requestPassphraseChange);

    const bool live = m_source->canCommand();
    m_openAction = new QAction(tr("&Open metrics…"), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a saved metrics.db read-only, in a window of its own (Ctrl+O)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::requestOpen);
    m_recentMenu = new QMenu(tr("Open &recent"), this);
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addMenu(m_recentMenu);
    file->addSeparator();
    if (live) {
        file->addAction(m_unlockAction);
        file->addAction(m_lockAction);
        file->addAction(m_changePassphraseAction);
        file->addSeparator();
    } else {
        // A recording: what a running heartbeatd still writes to it comes in while following.
        m_followAction = new QAction(tr("&Follow the file"), this);
        m_followAction->setObjectName(QStringLiteral("followAction"));
        m_followAction->setCheckable(true);
        m_followAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
        m_followAction->setToolTip(
            tr("Keep reading what is added to the file, so the right edge stays live (Ctrl+F)"));
        RecordedSource *recorded = recording();
        connect(m_followAction, &QAction::toggled, recorded, &RecordedSource::setFollowing);
        connect(recorded, &RecordedSource::followingChanged, m_followAction, &QAction::setChecked);
        file->addAction(m_followAction);
        file->addSeparator();
        quit->setText(tr("&Close"));
        quit->setShortcuts({QKeySequence(QKeySequence::Close), QKeySequence(QKeySequence::Quit)});
    }
    file->addAction(quit);
    auto *configure = new QAction(tr("&Configuration…"), this);
    configure->setObjectName(QStringLiteral("configAction"));
    configure->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(configure, &QAction::triggered, this, &MainWindow::openConfig);
    m_tokensAction = new QAction(tr("API &tokens…"), this);
    m_tokensAction->setObjectName(QStringLiteral("tokensAction"));
    connect(m_tokensAction, &QAction::triggered, this, &MainWindow::openTokens);

    QMenu *view = nullptr;
    if (!live) {
        view = menuBar()->addMenu(tr("&View"));
        buildViewMenu(view);
        QToolBar *toolbar = addToolBar(tr("Analysis"));
        toolbar->setObjectName(QStringLiteral("analysisToolbar"));
        toolbar->setMovable(false);
        toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
        toolbar->addAction(m_openAction);
        toolbar->addAction(m_followAction);
        QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
        analysis->setObjectName(QStringLiteral("analysisMenu"));
        buildAnalysis(analysis);
        return; // a recording offers no command: no Engine menu, no emergency toolbar
    }

    QMenu *engine = menuBar()->addMenu(tr("&Engine"));
    engine->addAction(configure);
    engine->addAction(m_tokensAction);
    engine->addSeparator();
    engine->addAction(m_pauseAction);
    engine->addAction(m_resumeAction);
    engine->addAction(m_leaveSafeModeAction);
    engine->addSeparator();
    engine->addAction(m_maintenanceAction);
    engine->addAction(resetBreakers);

    view = menuBar()->addMenu(tr("&View"));
    buildViewMenu(view);

    QToolBar *toolbar = addToolBar(tr("Emergency"));
    toolbar->setObjectName(QStringLiteral("emergencyToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_pauseAction);
    // The one control that must be found in a hurry: red, bold, first.
    if (QWidget *button = toolbar->widgetForAction(m_pauseAction)) {
        button->setStyleSheet(QStringLiteral(
            "QToolButton { background: #c62828; color: white; font-weight: bold;"
            " padding: 4px 14px; border-radius: 3px; }"
            "QToolButton:disabled { background: #e8b4b4; color: #fff; }"));
    }
    toolbar->addAction(m_resumeAction);
    toolbar->addSeparator();
    toolbar->addAction(m_maintenanceAction);
    toolbar->addSeparator();
    toolbar->addAction(m_unlockAction);
    toolbar->addAction(m_lockAction);
}

void MainWindow::buildViewMenu(QMenu *view)
{
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString current = UiSettings::load().language;
    for (const auto &[code, name] : {std::pair{"en", "English"}, std::pair{"id", "Bahasa Indonesia"}}) {
        QAction *choice = language->addAction(QString::fromUtf8(name));
        choice->setObjectName(QStringLiteral("language_") + QLatin1StringView(code));
        choice->setCheckable(true);
        choice->setChecked(current == QLatin1StringView(code)
                           || (current.isEmpty() && QLocale().language() == QLocale(QString::fromLatin1(code)).language()));
        languages->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code] {
            UiSettings settings = UiSettings::load();
            settings.language = QString::fromLatin1(code);
            settings.save();
            statusBar()->showMessage(tr("The language changes the next time the dashboard starts"),
                                     10'000);
        });
    }
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    // Ctrl+1 .. Ctrl+7 bring a panel to the front (shown, raised, focused) wherever it is.
    view->addSeparator();
    const QStringList panels{QStringLiteral("tasksDock"), QStringLiteral("breakersDock"),
                             QStringLiteral("alertsDock"), QStringLiteral("historyDock"),
                             QStringLiteral("auditDock"), QStringLiteral("machinesDock"),
                             QStringLiteral("notificationsDock")};
    for (int i = 0; i < panels.size(); ++i) {
        auto *dock = findChild<QDockWidget *>(panels.at(i));
        if (!dock)
            continue;
        QAction *go = view->addAction(tr("Go to %1").arg(dock->windowTitle()));
        go->setObjectName(QStringLiteral("goTo_") + panels.at(i));
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [dock] {
            dock->show();
            dock->raise();
            if (QWidget *w = dock->widget())
                w->setFocus(Qt::ShortcutFocusReason);
        });
    }
}

RecordedSource *MainWindow::recording() const
{
    return m_source->kind() == DataSource::Kind::Recorded ? static_cast<RecordedSource *>(m_source)
                                                          : nullptr;
}

MainWindow *MainWindow::openRecording(const QString &path, std::shared_ptr<const Clock> clock,
                                      QString *error)
{
    std::unique_ptr<RecordedSource> source = RecordedSource::open(path, error);
    if (!source)
        return nullptr;
    UiSettings settings = UiSettings::load();
    settings.rememberFile(QFileInfo(path).absoluteFilePath(), MaxRecentFiles);
    settings.save();
    auto *window = new MainWindow(std::move(source), std::move(clock));
    window->setAttribute(Qt::WA_DeleteOnClose);
    return window;
}

void MainWindow::requestOpen()
{
    const QString start = recording() ? QFileInfo(m_source->metricsPath()).absolutePath() : m_dataDir;
    const QString path = m_chooseFile ? m_chooseFile(this, start)
                                      : QFileDialog::getOpenFileName(
                                            this, tr("Open metrics read-only"), start,
                                            tr("Metrics databases (*.db);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openFile(const QString &path)
{
    QString error;
    MainWindow *window = openRecording(path, m_clock, &error);
    if (!window) {
        m_lastError = error;
        statusBar()->showMessage(error, 15'000);
        if (m_confirm)
            QMessageBox::warning(this, tr("Cannot open the file"),
                                 tr("%1 cannot be opened.\n\n%2")
                                     .arg(QDir::toNativeSeparators(path), error));
        return;
    }
    window->setConfirmationsEnabled(m_confirm);
    window->show();
    Q_EMIT recordingOpened(window);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = UiSettings::load().recentFiles;
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files.at(i);
        QAction *open = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        open->setData(path);
        connect(open, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    m_recentMenu->setEnabled(true);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.constFirst().isLocalFile())
        return;
    event->acceptProposedAction();
    openFile(urls.constFirst().toLocalFile());
}

bool MainWindow::passphraseBannerShown() const
{
    return !m_passphraseBanner->isHidden();
}

void MainWindow::onRoleChanged()
{
    const Actor actor = m_session->actor();
    const bool admin = m_session->isAdmin() && m_source->canCommand();
    m_statusActor->setText(!m_source->canCommand() ? tr("Analysis (read only)")
                           : admin                 ? tr("Admin: %1").arg(actor.name)
                                                   : tr("Viewer (read only)"));
    m_unlockAction->setVisible(!admin);
    m_lockAction->setVisible(admin);
    m_changePassphraseAction->setVisible(admin);
    m_tokensAction->setEnabled(admin);
    if (m_machines)
        m_machines->setAdmin(admin);
    if (m_notificationsPanel)
        m_notificationsPanel->setAdmin(admin);
    m_tokensAction->setStatusTip(admin ? tr("Create and revoke tokens for the HTTP API")
                                       : tr("Unlock admin to manage API tokens"));
    m_passphraseBanner->setVisible(m_source->canCommand() && !m_session->passphraseSet());
}

void MainWindow::openTokens()
{
    if (!m_session->isAdmin())
        return;
    TokensDialog dialog(m_dataDir, this);
    // Locked (by hand or when idle) while open: the dialog and whatever it opened close.
    connect(m_session, &AdminSession::roleChanged, &dialog, [&dialog](Role role) {
        if (role != Role::Admin)
            dialog.lockOut();
    });
    dialog.exec();
}

void MainWindow::openConfig()
{
    ConfigDialog dialog(m_shown->config, m_session->isAdmin(), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.isValid())
        return;
    const Actor actor = m_session->actor();
    const HeartbeatConfig config = dialog.config();
    runCommand(QStringLiteral("config_change"),
               [actor, config](HeartbeatEngine &e) { return e.updateConfig(actor, config); });
}

void MainWindow::requestUnlock()
{
    if (!m_session->passphraseSet()) {
        bool ok = false;
        const QString first = QInputDialog::getText(
            this, tr("Set the admin passphrase"),
            tr("No admin passphrase is set yet. Choose one (at least %1 characters); only a "
               "salted hash is stored.")
                .arg(PassphraseFile::MinimumLength),
            QLineEdit::Password, {}, &ok);
        if (!ok)
            return;
        const QString again = QInputDialog::getText(this, tr("Set the admin passphrase"),
                                                    tr("Type it again:"), QLineEdit::Password, {},
                                                    &ok);
        if (!ok)
            return;
        if (first != again) {
            QMessageBox::warning(this, tr("Not set"), tr("The two passphrases differ."));
            return;
        }
        unlockWith(first);
        return;
    }
    bool ok = false;
    const QString passphrase = QInputDialog::getText(this, tr("Unlock admin"),
                                                     tr("Admin passphrase:"), QLineEdit::Password,
                                                     {}, &ok);
    if (ok)
        unlockWith(passphrase);
}

void MainWindow::unlockWith(const QString &passphrase)
{
    if (!m_session->passphraseSet()) {
        m_session->setPassphrase(passphrase); // answers in onPassphraseSetFinished()
        return;
    }
    m_session->unlock(passphrase);
}

void MainWindow::onPassphraseSetFinished(bool ok, const QString &error)
{
    if (!ok) {
        m_lastError = error;
        if (m_confirm)
            QMessageBox::warning(this, tr("Not set"), error);
        return;
    }
    m_lastError.clear();
    const QString user = m_session->actor().name;
    sendCommand([user](HeartbeatEngine &e) {
        e.recordSessionEvent({user, Role::Admin}, QStringLiteral("admin_passphrase_set"));
        return CommandResult::success();
    });
}

void MainWindow::requestPassphraseChange()
{
    bool ok = false;
    const QString title = tr("Change admin passphrase");
    const QString current =
        QInputDialog::getText(this, title, tr("Current passphrase:"), QLineEdit::Password, {}, &ok);
    if (!ok)
        return;
    const QString replacement = QInputDialog::getText(
        this, title,
        tr("New passphrase (at least %1 characters):").arg(PassphraseFile::MinimumLength),
        QLineEdit::Password, {}, &ok);
    if (!ok)
        return;
    const QString again =
        QInputDialog::getText(this, title, tr("Type it again:"), QLineEdit::Password, {}, &ok);
    if (!ok)
        return;
    if (replacement != again) {
        QMessageBox::warning(this, title, tr("The two passphrases differ."));
        return;
    }
    changePassphraseWith(current, replacement);
}

void MainWindow::changePassphraseWith(const QString &current, const QString &replacement)
{
    m_session->changePassphrase(current, replacement); // answers in onPassphraseChangeFinished()
}

void MainWindow::onPassphraseChangeFinished(bool ok, const QString &error)
{
    if (!ok) {
        m_lastError = error;
        statusBar()->showMessage(error, 8'000);
        if (m_confirm)
            QMessageBox::warning(this, tr("Change admin passphrase"), error);
        return;
    }
    m_lastError.clear();
    statusBar()->showMessage(tr("Admin passphrase changed"), 8'000);
    const Actor actor = m_session->actor();
    sendCommand([actor](HeartbeatEngine &e) {
        e.recordSessionEvent(actor, QStringLiteral("admin_passphrase_changed"));
        return CommandResult::success();
    });
}

void MainWindow::onUnlockFinished(bool ok)
{
    const Actor actor = m_session->actor();
    sendCommand([actor, ok](HeartbeatEngine &e) {
        e.recordSessionEvent(ok ? actor : Actor{actor.name, Role::Viewer},
                             ok ? QStringLiteral("admin_unlock") : QStringLiteral("admin_unlock_refused"));
        return CommandResult::success();
    });
    if (ok) {
        statusBar()->showMessage(tr("Admin unlocked; it locks again after 5 idle minutes"), 8'000);
        m_lastError.clear();
        return;
    }
    m_lastError = tr("Wrong passphrase");
    statusBar()->showMessage(m_lastError, 8'000);
    if (m_confirm)
        QMessageBox::warning(this, tr("Unlock admin"), m_lastError);
}

void MainWindow::onSnapshot(const EngineSnapshot &snapshot)
{
    m_pending = snapshot;
    if (!m_redrawTimer.isActive())
        m_redrawTimer.start(RedrawIntervalMs);
}

void MainWindow::showDesktopNotification(const QString &title, const QString &text,
                                         const QString &severity)
{
    ++m_notifications;
    statusBar()->showMessage(title + QStringLiteral(": ") + text, 10'000);
    if (m_tray)
        m_tray->showMessage(title, text,
                            severity == u"critical"  ? QSystemTrayIcon::Critical
                            : severity == u"warning" ? QSystemTrayIcon::Warning
                                                     : QSystemTrayIcon::Information);
}

AuditLogModel *MainWindow::auditModel() const
{
    return m_audit->model();
}

void MainWindow::onRecords(const RecordBatch &batch)
{
    m_history->addRecords(batch.executions);
    m_history->addTicks(batch.ticks);
}

void MainWindow::notifyAlerts(const QVector<Alert> &alerts)
{
    // The tray's messages come from the notifier's "desktop" channels
    // (showDesktopNotification), so they follow the same filters, silences and dedup as the
    // webhooks; the status bar shows every new alert.
    for (const Alert &alert : alerts)
        statusBar()->showMessage(tr("Alert: %1").arg(alert.message), 10'000);
}

void MainWindow::applySnapshot()
{
    m_shown = m_pending;
    const EngineState &state = *m_shown;
    m_taskModel->setSnapshot(m_shown);
    m_breakers->setSnapshot(m_shown);
    m_charts->setSnapshot(m_shown);
    m_audit->setEntries(state.recentAudit, HeartbeatEngine::AuditTail);
    const QVector<Alert> raised = m_alerts->setSnapshot(m_shown);
    if (m_source->canCommand())
        notifyAlerts(raised); // (a replay raises nothing now)
    QStringList tasks;
    for (const TaskStatus &t : state.tasks)
        tasks << t.name;
    m_history->setTasks(tasks);
    m_metrics->update(state);
    m_pauseAction->setEnabled(!state.emergencyStop);
    m_resumeAction->setEnabled(state.emergencyStop);
    m_leaveSafeModeAction->setEnabled(state.safeMode);
    m_maintenanceAction->setChecked(state.config.maintenanceMode);
    updateApiServing(state.config);
    if (m_machines)
        m_machines->setPushBaseUrl(pushBaseUrl(state.config));
    refreshClockDependent();
}

void MainWindow::updateApiServing(const HeartbeatConfig &config)
{
    // Only what the listening socket and its connections' guards are made with restarts the
    // server: a restart cuts the connections, among them the answer to a PUT config that made
    // the change. The token requirements apply live.
    const QString wanted = config.httpInDashboard && m_source->canCommand()
                               ? QStringLiteral("%1|%2")
                                     .arg(config.httpListen)
                                     .arg(config.httpRequestTimeoutMs)
                               : QString();
    if (wanted == m_apiSettings) {
        if (m_api
            && (m_api->options().healthzRequiresToken != config.httpHealthzRequiresToken
                || m_api->options().metricsRequiresToken != config.httpMetricsRequiresToken))
            m_api->setTokenRequirements(config.httpHealthzRequiresToken,
                                        config.httpMetricsRequiresToken);
        return;
    }
    stopServing();
    m_apiSettings = wanted;
    const std::optional<ListenAddress> listen = parseListenAddress(config.httpListen, nullptr);
    if (wanted.isEmpty() || !listen || listen->isNone())
        return;
    ApiServerOptions options;
    options.listen = *listen;
    options.dataDir = m_dataDir;
    options.metricsPath = m_dataDir + QStringLiteral("/metrics.db");
    options.healthzRequiresToken = config.httpHealthzRequiresToken;
    options.metricsRequiresToken = config.httpMetricsRequiresToken;
    options.limits.requestTimeoutMs = int(config.httpRequestTimeoutMs);
    options.machines = m_machineMonitor;
    auto api = std::make_unique<ApiService>(*m_source->commandHost(), options);
    QString error;
    if (!api->start(&error)) {
        m_statusApi->setText(tr("API: not serving"));
        m_statusApi->setToolTip(error);
        m_statusApi->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
        m_statusApi->show();
        statusBar()->showMessage(tr("The HTTP API is not served: %1").arg(error), 15'000);
        if (m_confirm) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("HTTP API not served"),
                                        tr("The dashboard could not serve the HTTP API.\n\n%1\n\n"
                                           "Choose another address in Configuration → HTTP API, "
                                           "or stop what uses this one.")
                                            .arg(error),
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        return;
    }
    m_api = std::move(api);
    m_statusApi->setText(tr("API: %1").arg(m_api->url()));
    m_statusApi->setToolTip(tr("The HTTP API is served from this dashboard (http.dashboard)"));
    m_statusApi->setStyleSheet(QString());
    m_statusApi->show();
}

QString MainWindow::pushBaseUrl(const HeartbeatConfig &config) const
{
    if (m_api)
        return m_api->url();
    // heartbeatd serves on http.listen unless told otherwise; where that says nothing usable,
    // the curl line keeps a placeholder for the user to fill in.
    const std::optional<ListenAddress> listen = parseListenAddress(config.httpListen, nullptr);
    QString host = QStringLiteral("HOST");
    QString port = QStringLiteral("PORT");
    if (listen && !listen->isNone()) {
        if (listen->host != u"0.0.0.0" && listen->host != u"::")
            host = listen->host.contains(u':') ? u'[' + listen->host + u']' : listen->host;
        if (listen->port != 0)
            port = QString::number(listen->port);
    }
    return QStringLiteral("http://%1:%2").arg(host, port);
}

void MainWindow::stopServing()
{
    m_api.reset();
    m_apiSettings.clear();
    m_statusApi->hide();
}

QString MainWindow::servingUrl() const
{
    return m_api ? m_api->url() : QString();
}

void MainWindow::refreshClockDependent()
{
    const EngineState &state = *m_shown;
    // A recording is shown as of its moment: ages and countdowns count from there.
    const qint64 now = recording() ? recording()->moment() : m_clock->nowMs();
    m_banner->update(state, now);
    m_breakers->setNow(now);
    if (m_machines)
        m_machines->setNow(now);
    m_alerts->setNow(now);
    m_statusTick->setText(state.metrics.lastTickMs > 0
                              ? tr("Last tick #%1, %2")
                                    .arg(state.metrics.lastTickId)
                                    .arg(format::age(now - state.metrics.lastTickMs))
                              : tr("No tick yet"));
}

void MainWindow::runCommand(const QString &action,
                            std::function<CommandResult(HeartbeatEngine &)> cmd,
                            std::function<void(const CommandResult &)> after)
{
    EngineHost *host = m_source->commandHost();
    if (!host)
        return; // a recording takes no command (none is offered)
    host->command(this, std::move(cmd), [this, action, after](const CommandResult &result) {
        if (after)
            after(result);
        m_lastError = result.ok ? QString() : result.error;
        if (!result.ok) {
            statusBar()->showMessage(tr("Refused: %1").arg(result.error), 10'000);
            if (m_confirm && !m_session->isAdmin())
                offerUnlock(result.error);
            else if (m_confirm)
                QMessageBox::warning(this, tr("Not done"), result.error);
        }
        Q_EMIT commandAnswered(action, result.ok, result.error);
    });
}

void MainWindow::sendCommand(std::function<CommandResult(HeartbeatEngine &)> cmd)
{
    if (EngineHost *host = m_source->commandHost())
        host->command(this, std::move(cmd));
}

void MainWindow::offerUnlock(const QString &error)
{
    // Not retried after the unlock: an admin action is taken knowingly, by the admin.
    QMessageBox box(QMessageBox::Warning, tr("Not done"), error, QMessageBox::Close, this);
    box.setInformativeText(
        tr("Viewers can watch but change nothing. Unlock admin, then do it again."));
    QPushButton *unlock = box.addButton(tr("Unlock admin…"), QMessageBox::AcceptRole);
    unlock->setObjectName(QStringLiteral("offerUnlockButton"));
    box.exec();
    if (box.clickedButton() == unlock)
        requestUnlock();
}

void MainWindow::emergencyPause(const QString &reason)
{
    const Actor actor = m_session->actor();
    runCommand(QStringLiteral("emergency_pause"), [actor, reason](HeartbeatEngine &e) {
        return e.setEmergencyStop(actor, true, reason);
    });
}

void MainWindow::resume()
{
    const Actor actor = m_session->actor();
    runCommand(QStringLiteral("resume"), [actor](HeartbeatEngine &e) {
        return e.setEmergencyStop(actor, false, {});
    });
}

void MainWindow::setTaskEnabled(const QString &task, bool on)
{
    const Actor actor = m_session->actor();
    runCommand(on ? QStringLiteral("task_enable") : QStringLiteral("task_disable"),
               [actor, task, on](HeartbeatEngine &e) { return e.setTaskEnabled(actor, task, on); });
}

void MainWindow::requestPause()
{
    QString reason = tr("paused from the dashboard");
    // A viewer is not asked to confirm what the engine will refuse anyway (and audit).
    if (m_confirm && m_session->isAdmin()) {
        bool ok = false;
        reason = QInputDialog::getText(
            this, tr("Emergency pause"),
            tr("Every task stops now and running tasks are cancelled.\n"
               "Reason (recorded in the audit log):"),
            QLineEdit::Normal, reason, &ok);
        if (!ok)
            return;
    }
    emergencyPause(reason);
}

void MainWindow::requestResume()
{
    if (m_confirm && m_session->isAdmin()
        && QMessageBox::question(this, tr("Resume"),
                                 tr("Resume the heartbeat? Tasks run again from the next tick."))
               != QMessageBox::Yes)
        return;
    resume();
}

void MainWindow::requestLeaveSafeMode()
{
    if (m_confirm && m_session->isAdmin()
        && QMessageBox::question(this, tr("Leave safe mode"),
                                 tr("Leave safe mode? Every enabled task runs again from the next "
                                    "tick, not only the critical ones."))
               != QMessageBox::Yes)
        return;
    const Actor actor = m_session->actor();
    runCommand(QStringLiteral("safe_mode_leave"),
               [actor](HeartbeatEngine &e) { return e.setSafeMode(actor, false, {}); });
}

void MainWindow::requestMaintenance(bool on)
{
    m_maintenanceAction->setChecked(m_shown->config.maintenanceMode); // the engine decides
    if (m_confirm && on && m_session->isAdmin()
        && QMessageBox::question(this, tr("Maintenance mode"),
                                 tr("Enter maintenance mode? Heartbeats are still recorded, but no "
                                    "task runs and running tasks are cancelled."))
               != QMessageBox::Yes)
        return;
    const Actor actor = m_session->actor();
    runCommand(on ? QStringLiteral("maintenance_on") : QStringLiteral("maintenance_off"),
               [actor, on](HeartbeatEngine &e) { return e.setMaintenanceMode(actor, on); });
}

void MainWindow::onTaskClicked(const QModelIndex &index)
{
    if (index.column() != TaskTableModel::EnabledColumn || !m_source->canCommand())
        return;
    const QString task = m_taskModel->taskAt(index.row());
    const bool enabled = index.data(TaskTableModel::RawValueRole).toBool();
    setTaskEnabled(task, !enabled);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    UiSettings settings = UiSettings::load();
    settings.windowGeometry = saveGeometry();
    settings.windowState = saveState();
    settings.save();
    event->accept();
    if (m_source->canCommand()) {
        // The engine stops with this window: the files opened from it close too.
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *other = qobject_cast<MainWindow *>(widget);
            if (other && other != this && other->recording())
                other->close();
        }
    }
}

} // namespace hb
