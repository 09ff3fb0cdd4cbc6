#include "machinespanel.h"

#include "addmachinedialog.h"
#include "heartbeatstrip.h"
#include "machinelistmodel.h"
#include "machines/machinemonitor.h"
#include "tableview.h"

#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hb {

namespace {

bool sameEntries(const QVector<MachineEntry> &a, const QVector<MachineEntry> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const MachineEntry &x, const MachineEntry &y) {
                          return x.name == y.name && x.offlineAfterMs == y.offlineAfterMs &&
                                 x.paused == y.paused && x.createdAtMs == y.createdAtMs;
                      });
}

} // namespace

MachinesPanel::MachinesPanel(const QString &dataDir, QWidget *parent)
    : QWidget(parent)
    , m_registry(dataDir)
    , m_model(new MachineListModel(this))
    , m_view(new TableView(m_model, MachineListModel::NameColumn, this))
    , m_errorLabel(new QLabel(this))
    , m_add(new QPushButton(tr("&Add machine…"), this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_remove(new QPushButton(tr("Re&move…"), this))
{
    setObjectName(QStringLiteral("machinesPanel"));
    m_view->setObjectName(QStringLiteral("machineTable"));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setItemDelegateForColumn(MachineListModel::RecentColumn,
                                     new HeartbeatStripDelegate(m_view));
    m_view->horizontalHeader()->setSectionResizeMode(MachineListModel::RecentColumn,
                                                     QHeaderView::Fixed);
    m_view->horizontalHeader()->resizeSection(MachineListModel::RecentColumn,
                                              HeartbeatStripDelegate::PreferredWidth);
    m_view->setEmptyText(tr("No machines yet. An admin adds one with Add machine… (or "
                            "`heartbeatd machine add NAME`); it then pushes heartbeats to the "
                            "HTTP API."));

    m_errorLabel->setObjectName(QStringLiteral("machinesError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_errorLabel->hide();

    m_add->setObjectName(QStringLiteral("addMachineButton"));
    m_pause->setObjectName(QStringLiteral("pauseMachineButton"));
    m_remove->setObjectName(QStringLiteral("removeMachineButton"));
    connect(m_add, &QPushButton::clicked, this, &MachinesPanel::requestAdd);
    connect(m_pause, &QPushButton::clicked, this, &MachinesPanel::requestPauseToggle);
    connect(m_remove, &QPushButton::clicked, this, &MachinesPanel::requestRemove);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MachinesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MachinesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MachinesPanel::updateButtons);

    // Machines added or removed with `heartbeatd machine` show up while no monitor says so
    // (each check is one stat() when nothing changed).
    m_reloadTimer.setInterval(1000);
    connect(&m_reloadTimer, &QTimer::timeout, this, [this] {
        const QVector<MachineEntry> before = m_registry.list();
        const bool hadError = !m_loadError.isEmpty();
        QString error;
        const bool ok = m_registry.reloadIfChanged(&error);
        if (!ok || hadError || !sameEntries(before, m_registry.list()))
            refresh();
    });
    m_reloadTimer.start();
    refresh();
}

MachinesPanel::~MachinesPanel() = default;

void MachinesPanel::setMonitor(MachineMonitor *monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (m_monitor)
        connect(m_monitor, &MachineMonitor::machinesChanged, this, &MachinesPanel::refresh,
                Qt::QueuedConnection);
    refresh();
}

void MachinesPanel::setAdmin(bool admin)
{
    m_admin = admin;
    if (!admin) {
        for (QDialog *dialog : findChildren<QDialog *>()) {
            if (auto *add = qobject_cast<AddMachineDialog *>(dialog))
                add->lockOut();
            else
                dialog->reject();
        }
    }
    const QString why = tr("Unlock admin to change machines");
    m_add->setToolTip(admin ? tr("Register a machine and show its push token once") : why);
    m_pause->setToolTip(admin ? tr("Stop judging the selected machine (or judge it again)") : why);
    m_remove->setToolTip(admin ? tr("Forget the selected machine and its token") : why);
    updateButtons();
}

void MachinesPanel::setNow(qint64 nowMs)
{
    m_model->setNow(nowMs);
}

void MachinesPanel::refresh()
{
    QString error;
    m_loadError = m_registry.reloadIfChanged(&error) ? QString() : error;
    m_errorLabel->setText(m_loadError);
    m_errorLabel->setVisible(!m_loadError.isEmpty());

    const QVector<MachineInfo> judged = m_monitor ? m_monitor->machines() : QVector<MachineInfo>();
    QHash<QString, MachineInfo> byName;
    for (const MachineInfo &m : judged)
        byName.insert(m.name, m);
    // machines.json says which machines exist and which are paused: a change made here shows at
    // once, before the monitor has read it; the monitor says everything else.
    QVector<MachineInfo> rows;
    for (const MachineEntry &entry : m_registry.list()) {
        MachineInfo info = byName.value(entry.name);
        if (info.name.isEmpty()) {
            info.name = entry.name;
            info.createdMs = entry.createdAtMs;
            info.state = MachineState::New;
        }
        info.offlineAfterMs = entry.offlineAfterMs;
        if (entry.paused)
            info.state = MachineState::Paused;
        rows.append(info);
    }
    if (!m_loadError.isEmpty() && rows.isEmpty())
        rows = judged; // the file cannot be read: what the monitor last knew is still true
    m_model->setMachines(rows);
    updateButtons();
}

QString MachinesPanel::selectedName() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->nameAt(rows.constFirst().row());
}

void MachinesPanel::updateButtons()
{
    const QString name = selectedName();
    const std::optional<MachineEntry> entry = name.isEmpty() ? std::nullopt : m_registry.find(name);
    m_add->setEnabled(m_admin);
    m_pause->setEnabled(m_admin && entry.has_value());
    m_remove->setEnabled(m_admin && entry.has_value());
    m_pause->setText(entry && entry->paused ? tr("Res&ume") : tr("&Pause"));
}

void MachinesPanel::reportFailure(const QString &title, const QString &error)
{
    QMessageBox box(QMessageBox::Warning, title, error.left(1).toUpper() + error.mid(1),
                    QMessageBox::Close, this);
    box.setObjectName(QStringLiteral("machineChangeFailed"));
    box.exec();
}

void MachinesPanel::requestAdd()
{
    if (!m_admin)
        return;
    AddMachineDialog dialog(
        [this](const QString &name, qint64 offlineAfterMs, QString *error) -> QByteArray {
            if (!m_admin) {
                *error = tr("admin is locked");
                return {};
            }
            const std::optional<QByteArray> token = m_registry.add(name, offlineAfterMs, error);
            if (!token)
                return {};
            refresh();
            Q_EMIT machineChanged(QStringLiteral("machine_add"), name,
                                  {{QStringLiteral("offline_after_ms"), offlineAfterMs}});
            return *token;
        },
        m_pushBaseUrl, this);
    dialog.exec();
    const QString created = dialog.createdName();
    for (int row = 0; !created.isEmpty() && row < m_model->rowCount(); ++row) {
        if (m_model->nameAt(row) == created)
            m_view->selectRow(row);
    }
}

void MachinesPanel::requestPauseToggle()
{
    const QString name = selectedName();
    const std::optional<MachineEntry> entry = m_registry.find(name);
    if (!m_admin || !entry)
        return;
    const bool pause = !entry->paused;
    QString error;
    if (!m_registry.setPaused(name, pause, &error)) {
        reportFailure(pause ? tr("Pause machine") : tr("Resume machine"), error);
        refresh();
        return;
    }
    refresh();
    Q_EMIT machineChanged(
        pause ? QStringLiteral("machine_pause") : QStringLiteral("machine_resume"), name, {});
}

void MachinesPanel::requestRemove()
{
    const QString name = selectedName();
    if (!m_admin || name.isEmpty())
        return;
    QMessageBox confirm(QMessageBox::Warning, tr("Remove machine"),
                        tr("Remove the machine “%1”? Its token stops working and its heartbeats "
                           "are refused from now on; its past events stay in the history.")
                            .arg(name),
                        QMessageBox::Cancel, this);
    confirm.setObjectName(QStringLiteral("removeMachineConfirmation"));
    QPushButton *remove = confirm.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (!m_admin || confirm.clickedButton() != remove)
        return;
    QString error;
    if (!m_registry.remove(name, &error)) {
        reportFailure(tr("Remove machine"), error);
        refresh();
        return;
    }
    refresh();
    Q_EMIT machineChanged(QStringLiteral("machine_remove"), name, {});
}

} // namespace hb
