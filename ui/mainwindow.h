#pragma once

#include "core/actor.h"
#include "core/clock.h"
#include "snapshot.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;
class QDragEnterEvent;
class QDropEvent;
class QMenu;
class QDockWidget;
class QSystemTrayIcon;
class QLabel;
class QTableView;

namespace hb {

class AdminSession;
class DataSource;
class MachineMonitor;
class RecordedSource;
class AlertTreeModel;
class AlertsView;
class AuditLogModel;
class AuditPanel;
class BreakerPanel;
class ChartPanel;
class HistoryPanel;
class MachineMonitor;
class MachinesPanel;
class NotificationsPanel;
class Notifier;
class RecordFeed;
struct RecordBatch;
class EngineHost;
class HealthBanner;
class MetricsPanel;
class TaskTableModel;

// The dashboard's main window: health banner, seed metrics, the task table and the emergency
// controls. It never waits on the engine: commands are queued and answer later, snapshots
// arrive as values and are applied at most every 100 ms.
//
// The panels are fed by a DataSource (docs/architecture.md, "Sources"): the engine hosted in
// this process (live), or a metrics.db opened read-only (recorded), where no command is offered
// anywhere — no Engine menu, no emergency toolbar, no admin unlock, no breaker buttons.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int RedrawIntervalMs = 100;
    static constexpr int MaxRecentFiles = 8;

    // Live: the engine `host` runs in this process, over the data directory `dataDir`.
    MainWindow(EngineHost &host, AdminSession &session, std::shared_ptr<const Clock> clock,
               const QString &dataDir, QWidget *parent = nullptr);
    // Recorded: `source` is an opened metrics.db; the window owns it.
    MainWindow(std::unique_ptr<RecordedSource> source, std::shared_ptr<const Clock> clock,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path` read-only in a window of its own (deleted when closed) and remembers it in
    // the recent files; null, with `error` naming the file and what is wrong, when it cannot.
    static MainWindow *openRecording(const QString &path, std::shared_ptr<const Clock> clock,
                                     QString *error);

    DataSource &source() const { return *m_source; }
    // The recorded source, when this window shows a file; null when live.
    RecordedSource *recording() const;
    QAction *openAction() const { return m_openAction; }
    QAction *followAction() const { return m_followAction; }
    QMenu *recentMenu() const { return m_recentMenu; }
    // Analysis mode's own parts (null in a live window).
    class ReplayBar *replayBar() const { return m_replayBar; }
    class SummaryPanel *summaryPanel() const { return m_summary; }

    // Analysis → Export: a CSV of the charts' range — the per-task per-bucket figures, the runs
    // the History panel holds, or the audit entries — written off the GUI thread to `path`
    // (asked for when empty); fileWritten() says when it is done.
    enum class CsvKind { Buckets, Runs, Audit };
    void exportCsv(CsvKind kind, const QString &path = {});
    // Analysis → Maintenance report: the charts' range, as PDF or HTML by the suffix.
    void writeReport(const QString &path);

    // Tests turn the confirmation dialogs off; users always see them.
    void setConfirmationsEnabled(bool on) { m_confirm = on; }
    // What File → Open metrics… asks with (a file dialog by default; tests answer themselves).
    using FileChooser = std::function<QString(QWidget *parent, const QString &startDir)>;
    void setOpenFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    // Unlock (or, on first use, set the passphrase and unlock) without the dialogs.
    void unlockWith(const QString &passphrase);
    // Change admin's passphrase without the dialogs.
    void changePassphraseWith(const QString &current, const QString &replacement);

    // The same as the toolbar buttons, minus confirmation.
    void emergencyPause(const QString &reason);
    void resume();
    void setTaskEnabled(const QString &task, bool on);

    const EngineSnapshot &lastSnapshot() const { return m_shown; }

    // Stops serving the HTTP API (before the engine stops). Idempotent.
    void stopServing();
    // Where the API is served from this window ("http://127.0.0.1:8089"); empty when it is not.
    QString servingUrl() const;
    QString lastCommandError() const { return m_lastError; }
    HealthBanner *healthBanner() const { return m_banner; }
    MetricsPanel *metricsPanel() const { return m_metrics; }
    TaskTableModel *taskModel() const { return m_taskModel; }
    QAction *pauseAction() const { return m_pauseAction; }
    QAction *resumeAction() const { return m_resumeAction; }
    QAction *leaveSafeModeAction() const { return m_leaveSafeModeAction; }
    BreakerPanel *breakerPanel() const { return m_breakers; }
    ChartPanel *chartPanel() const { return m_charts; }
    HistoryPanel *historyPanel() const { return m_history; }
    AlertTreeModel *alertModel() const { return m_alerts; }
    AlertsView *alertsView() const { return m_alertsView; }
    AuditLogModel *auditModel() const;
    AuditPanel *auditPanel() const { return m_audit; }
    // Null in a recorded window.
    MachinesPanel *machinesPanel() const { return m_machines; }
    NotificationsPanel *notificationsPanel() const { return m_notificationsPanel; }
    // The notifier of this data directory (not owned; may be null): its deliveries refresh the
    // Notifications panel's log; what its dependency rules hold is shown in the Alerts tree.
    void setNotifier(Notifier *notifier);
    // The monitor judging this data directory's machines (not owned; null: the Machines panel
    // lists machines.json without states, and the served API's machine routes answer 503). Its
    // transitions become chart markers; the HTTP API records pushes with it. Set before the first
    // snapshot arrives.
    void setMachineMonitor(MachineMonitor *monitor);
    // A "desktop" notification channel's message (the notifier's desktopNotification signal,
    // connected queued): shown by the tray icon and the status bar. severity: info | warning |
    // critical.
    void showDesktopNotification(const QString &title, const QString &text,
                                 const QString &severity);
    int notificationsShown() const { return m_notifications; }
    QAction *unlockAction() const { return m_unlockAction; }
    QAction *lockAction() const { return m_lockAction; }
    QAction *changePassphraseAction() const { return m_changePassphraseAction; }
    QAction *tokensAction() const { return m_tokensAction; }
    // Shown while no admin passphrase is set for the data directory.
    bool passphraseBannerShown() const;

Q_SIGNALS:
    // A file was opened read-only in `window` (File → Open, Open recent, a drop).
    void recordingOpened(hb::MainWindow *window);
    // An export or a report was written (`error` empty) or not.
    void fileWritten(const QString &error);
    // After a command's answer arrived and was shown.
    void commandAnswered(const QString &action, bool ok, const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    MainWindow(DataSource *source, AdminSession *session, std::shared_ptr<const Clock> clock,
               const QString &dataDir, QWidget *parent);
    // File → Open metrics… (Ctrl+O): asks for a file and opens it in a window of its own.
    void requestOpen();
    // Opens `path` in a new window, or says in a dialog why it cannot.
    void openFile(const QString &path);
    void rebuildRecentMenu();
    void buildActions();
    void buildViewMenu(QMenu *view);
    // A recorded window's Analysis menu, replay bar, summary and drill-down
    // (mainwindowanalysis.cpp).
    void buildAnalysis(QMenu *analysis);
    // Runs `job` (which returns an error, empty on success) off the GUI thread with progress.
    void runFileJob(const QString &what, std::function<QString()> job);
    void savePicture(const QImage &image, const QString &path);
    // The docks and their connections (mainwindowdocks.cpp).
    void buildDocks();
    // Reads what the notifier holds now into the Alerts tree.
    void refreshHeld();
    void onSnapshot(const hb::EngineSnapshot &snapshot);
    void applySnapshot();
    void refreshClockDependent();
    void requestPause();
    void requestResume();
    void requestLeaveSafeMode();
    void requestMaintenance(bool on);
    void onTaskClicked(const QModelIndex &index);
    void onRecords(const hb::RecordBatch &batch);
    void notifyAlerts(const QVector<Alert> &alerts);
    QDockWidget *addPanel(const QString &title, const QString &name, QWidget *panel);
    void requestUnlock();
    // A viewer's command was refused: say so, and offer to unlock admin.
    void offerUnlock(const QString &error);
    void openConfig();
    void openTokens();
    void onUnlockFinished(bool ok);
    void requestPassphraseChange();
    void onPassphraseSetFinished(bool ok, const QString &error);
    void onPassphraseChangeFinished(bool ok, const QString &error);
    void onRoleChanged();
    // Runs `cmd` on the engine, answer unseen (recording what happened); nothing on a recording.
    void sendCommand(std::function<CommandResult(class HeartbeatEngine &)> cmd);
    // `after` (optional) runs once the engine answered, whatever the answer.
    void runCommand(const QString &action, std::function<CommandResult(class HeartbeatEngine &)> cmd,
                    std::function<void(const CommandResult &)> after = {});
    // Serves the HTTP API while http.dashboard is on, where http.listen says; an address that
    // cannot be bound is reported once (a dialog and the status bar), not retried every snapshot.
    void updateApiServing(const HeartbeatConfig &config);
    // Where machines push heartbeats, for the Machines panel's curl line.
    QString pushBaseUrl(const HeartbeatConfig &config) const;

    std::unique_ptr<DataSource> m_ownedSource;     // recorded windows own their source
    std::unique_ptr<AdminSession> m_ownedSession;  // and a session that is never unlocked
    DataSource *m_source;
    AdminSession *m_session;
    std::shared_ptr<const Clock> m_clock;
    bool m_confirm = true;

    HealthBanner *m_banner;
    MetricsPanel *m_metrics;
    TaskTableModel *m_taskModel;
    QTableView *m_taskView;
    RecordFeed *m_feed;
    ChartPanel *m_charts;
    BreakerPanel *m_breakers;
    HistoryPanel *m_history;
    AlertTreeModel *m_alerts;
    AlertsView *m_alertsView = nullptr;
    AuditPanel *m_audit;
    MachinesPanel *m_machines;
    NotificationsPanel *m_notificationsPanel;
    QSystemTrayIcon *m_tray = nullptr;
    int m_notifications = 0;
    QLabel *m_statusActor;
    QLabel *m_passphraseBanner;
    QLabel *m_statusTick;
    QLabel *m_statusApi;
    QString m_dataDir;
    std::unique_ptr<class ApiService> m_api;
    QString m_apiSettings; // what m_api (or its failure) was started with; empty: not serving
    MachineMonitor *m_machineMonitor = nullptr;
    QPointer<Notifier> m_notifier;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_leaveSafeModeAction = nullptr;
    QAction *m_maintenanceAction = nullptr;
    QAction *m_unlockAction = nullptr;
    QAction *m_lockAction = nullptr;
    QAction *m_changePassphraseAction = nullptr;
    QAction *m_tokensAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_followAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    FileChooser m_chooseFile;
    class ReplayBar *m_replayBar = nullptr;
    class SummaryPanel *m_summary = nullptr;

    EngineSnapshot m_pending;
    EngineSnapshot m_shown;
    QTimer m_redrawTimer;
    QTimer m_clockTimer;
    QString m_lastError;
};

} // namespace hb
