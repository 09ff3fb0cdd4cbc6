#include "mainwindow.h"

// The docks around the charts: tasks, circuit breakers, alerts, history, the audit log, machines
// and notifications, and what connects them to the engine.

#include "adminsession.h"
#include "alertsview.h"
#include "alerttreemodel.h"
#include "auditpanel.h"
#include "breakerpanel.h"
#include "chartpanel.h"
#include "datasource.h"
#include "enginehost.h"
#include "historypanel.h"
#include "machines/machinemonitor.h"
#include "machinespanel.h"
#include "notificationspanel.h"
#include "notify/notifier.h"
#include "tableview.h"
#include "tasktablemodel.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace hb {

void MainWindow::buildDocks()
{
    m_taskView->setObjectName(QStringLiteral("taskTable"));
    m_taskView->setModel(m_taskModel);
    m_taskView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_taskView->setAlternatingRowColors(true);
    m_taskView->verticalHeader()->hide();
    m_taskView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_taskView->horizontalHeader()->setSectionResizeMode(TaskTableModel::NameColumn,
                                                         QHeaderView::Stretch);
    connect(m_taskView, &QTableView::clicked, this, &MainWindow::onTaskClicked);

    auto *tasksBox = new QWidget(this);
    auto *tasksLayout = new QVBoxLayout(tasksBox);
    tasksLayout->setContentsMargins(0, 0, 0, 0);
    tasksLayout->addWidget(m_taskView);

    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    QDockWidget *tasks = addPanel(tr("Tasks"), QStringLiteral("tasksDock"), tasksBox);
    QDockWidget *breakers =
        addPanel(tr("Circuit breakers"), QStringLiteral("breakersDock"), m_breakers);
    tabifyDockWidget(tasks, breakers);
    m_alertsView = new AlertsView(m_alerts, this);
    m_alertsView->setObjectName(QStringLiteral("alertsTree"));
    m_alertsView->setEmptyText(tr("No alerts: cycles, memory, the treasury, the oracle and every "
                                  "circuit breaker are fine."));
    QDockWidget *alerts = addPanel(tr("Alerts"), QStringLiteral("alertsDock"), m_alertsView);
    QDockWidget *history = addPanel(tr("History"), QStringLiteral("historyDock"), m_history);
    m_audit->setHistory(m_source->history());
    m_history->loadEarlier(m_source->history());
    QDockWidget *audit = addPanel(tr("Audit log"), QStringLiteral("auditDock"), m_audit);
    tabifyDockWidget(breakers, alerts);
    tabifyDockWidget(alerts, history);
    tabifyDockWidget(history, audit);
    tasks->raise();
    if (!m_source->canCommand()) {
        // A recording: what the file says, nothing to change. Machines and notifications are
        // the data directory's, not the file's.
        m_breakers->setCommandsShown(false);
        m_audit->loadOlder(); // the audit log comes from the file, not from snapshots
        return;
    }
    QDockWidget *machines = addPanel(tr("Machines"), QStringLiteral("machinesDock"), m_machines);
    tabifyDockWidget(audit, machines);
    QDockWidget *notifications =
        addPanel(tr("Notifications"), QStringLiteral("notificationsDock"), m_notificationsPanel);
    tabifyDockWidget(machines, notifications);
    connect(m_notificationsPanel, &NotificationsPanel::addSilenceRequested, this,
            [this](const NotificationSilence &silence) {
                const Actor actor = m_session->actor();
                runCommand(
                    QStringLiteral("silence_add"),
                    [actor, silence](HeartbeatEngine &e) { return e.addSilence(actor, silence); },
                    [this](const CommandResult &) { m_notificationsPanel->refreshSilences(); });
            });
    connect(m_notificationsPanel, &NotificationsPanel::endSilenceRequested, this,
            [this](qint64 id) {
                const Actor actor = m_session->actor();
                runCommand(
                    QStringLiteral("silence_end"),
                    [actor, id](HeartbeatEngine &e) { return e.endSilence(actor, id); },
                    [this](const CommandResult &) { m_notificationsPanel->refreshSilences(); });
            });
    connect(m_machines, &MachinesPanel::machineChanged, this,
            [this](const QString &action, const QString &machine, QJsonObject detail) {
                detail.insert(QStringLiteral("machine"), machine);
                const Actor actor = m_session->actor();
                sendCommand([actor, action, detail](HeartbeatEngine &e) {
                    e.recordDashboardChange(actor, action, detail);
                    return CommandResult::success();
                });
            });
    connect(m_breakers, &BreakerPanel::resetRequested, this, [this](const QString &task) {
        const Actor actor = m_session->actor();
        runCommand(QStringLiteral("breaker_reset"),
                   [actor, task](HeartbeatEngine &e) { return e.resetBreaker(actor, task); });
    });
    connect(m_breakers, &BreakerPanel::forceOpenRequested, this, [this](const QString &task) {
        const Actor actor = m_session->actor();
        runCommand(QStringLiteral("breaker_force_open"),
                   [actor, task](HeartbeatEngine &e) { return e.forceOpenBreaker(actor, task); });
    });
}

QDockWidget *MainWindow::addPanel(const QString &title, const QString &name, QWidget *panel)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name); // saveState() needs it to remember the layout
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    return dock;
}

void MainWindow::setMachineMonitor(MachineMonitor *monitor)
{
    m_machineMonitor = monitor;
    if (m_machines)
        m_machines->setMonitor(monitor);
    refreshHeld();
    if (monitor)
        connect(monitor, &MachineMonitor::transition, m_charts, &ChartPanel::addMachineTransition,
                Qt::QueuedConnection);
}

void MainWindow::setNotifier(Notifier *notifier)
{
    if (m_notifier)
        disconnect(m_notifier, &Notifier::heldChanged, this, &MainWindow::refreshHeld);
    m_notifier = notifier;
    if (m_notificationsPanel)
        m_notificationsPanel->setNotifier(notifier);
    // heldChanged() is emitted on this (the notifier's owner's) thread; heldUnder() copies
    // under the notifier's lock.
    if (notifier)
        connect(notifier, &Notifier::heldChanged, this, &MainWindow::refreshHeld);
    refreshHeld();
}

void MainWindow::refreshHeld()
{
    // A machine that is a root cause has no alert row: the monitor tells its state.
    m_alerts->setHeld(m_notifier ? m_notifier->heldUnder() : HeldConditions(),
                      m_machineMonitor ? m_machineMonitor->machines() : QVector<MachineInfo>());
}

} // namespace hb
