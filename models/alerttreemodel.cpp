#include "alerttreemodel.h"

#include "format.h"
#include "machinelistmodel.h"

#include "core/config.h"

#include <QBrush>
#include <QColor>
#include <QSet>

namespace hb {

namespace {

const QString kMachine = QStringLiteral("machine:");
const QString kBreaker = QStringLiteral("breaker:");
const QString kAlert = QStringLiteral("alert:");

bool sameCondition(const Alert &a, const Alert &b)
{
    return a.source == b.source && a.key == b.key;
}

int severityRank(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return 0;
    case Severity::Warning:
        return 1;
    case Severity::Critical:
        return 2;
    }
    return 0;
}

} // namespace

AlertTreeModel::AlertTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

QString AlertTreeModel::conditionOf(const Alert &alert)
{
    // As the notifier names them: a breaker's alert is the breaker's condition.
    if (alert.key == u"breaker_open")
        return kBreaker + alert.source;
    return kAlert + alert.source + u'/' + alert.key;
}

QVector<Alert> AlertTreeModel::setSnapshot(const EngineSnapshot &snapshot)
{
    const QVector<Alert> &active = snapshot->activeAlerts;
    QVector<Alert> fresh;
    for (const Alert &a : active) {
        const bool known = std::any_of(m_rows.cbegin(), m_rows.cend(), [&](const Row &r) {
            return r.active && sameCondition(r.alert, a);
        });
        if (!known)
            fresh.append(a);
    }
    bool changed = !fresh.isEmpty();
    for (Row &r : m_rows) {
        if (!r.active)
            continue;
        const auto it = std::find_if(active.cbegin(), active.cend(),
                                     [&](const Alert &a) { return sameCondition(r.alert, a); });
        if (it == active.cend()) {
            r.active = false; // cleared
            changed = true;
        } else if (it->message != r.alert.message) {
            r.alert.message = it->message;
            changed = true;
        }
    }
    if (!changed)
        return {};
    beginResetModel();
    for (const Alert &a : std::as_const(fresh))
        m_rows.prepend({a, true});
    if (m_rows.size() > MaxRows)
        m_rows.resize(MaxRows);
    rebuild();
    endResetModel();
    return fresh;
}

void AlertTreeModel::setHeld(const QMap<QString, QStringList> &held,
                             const QVector<MachineInfo> &machines)
{
    QHash<QString, MachineInfo> rootMachines;
    for (const MachineInfo &m : machines) {
        if (held.contains(kMachine + m.name))
            rootMachines.insert(m.name, m);
    }
    const auto sameMachines = [&] {
        if (rootMachines.size() != m_machines.size())
            return false;
        for (auto it = rootMachines.cbegin(); it != rootMachines.cend(); ++it) {
            const MachineInfo old = m_machines.value(it.key());
            if (old.name != it->name || old.state != it->state ||
                old.downSinceMs != it->downSinceMs || old.stateSinceMs != it->stateSinceMs)
                return false;
        }
        return true;
    };
    if (held == m_held && sameMachines())
        return;
    beginResetModel();
    m_held = held;
    m_machines = rootMachines;
    rebuild();
    endResetModel();
}

void AlertTreeModel::setNow(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (!m_top.isEmpty())
        Q_EMIT dataChanged(index(0, AgeColumn), index(int(m_top.size()) - 1, AgeColumn),
                           {Qt::DisplayRole});
    for (int id = 0; id < m_nodes.size(); ++id) {
        const Node &n = m_nodes.at(id);
        if (n.children.isEmpty())
            continue;
        const QModelIndex parent = createIndex(n.row, 0, quintptr(id));
        Q_EMIT dataChanged(index(0, AgeColumn, parent),
                           index(int(n.children.size()) - 1, AgeColumn, parent), {Qt::DisplayRole});
    }
}

int AlertTreeModel::activeCount() const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.active; }));
}

void AlertTreeModel::rebuild()
{
    m_nodes.clear();
    m_top.clear();
    QHash<QString, int> activeRows; // condition -> its row in m_rows
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).active)
            activeRows.insert(conditionOf(m_rows.at(i).alert), i);
    }
    QSet<QString> heldKeys;
    for (const QStringList &keys : std::as_const(m_held)) {
        for (const QString &key : keys)
            heldKeys.insert(key);
    }
    QSet<QString> placed;
    // A root cause without an alert of its own (a machine down) comes first.
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (!heldKeys.contains(it.key()) && !activeRows.contains(it.key()))
            addNode(it.key(), -1, -1, activeRows, placed);
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        if (row.active) {
            const QString condition = conditionOf(row.alert);
            if (placed.contains(condition) || heldKeys.contains(condition))
                continue; // under its root
            addNode(condition, i, -1, activeRows, placed);
        } else {
            addNode(conditionOf(row.alert), i, -1, activeRows, placed);
        }
    }
    // Held under roots that hold each other (rules that make a cycle): shown on their own.
    for (auto it = activeRows.cbegin(); it != activeRows.cend(); ++it) {
        if (!placed.contains(it.key()))
            addNode(it.key(), it.value(), -1, activeRows, placed);
    }
}

int AlertTreeModel::addNode(const QString &condition, int alertRow, int parent,
                            QHash<QString, int> &activeRows, QSet<QString> &placed)
{
    const int id = int(m_nodes.size());
    Node node;
    node.parent = parent;
    node.alertRow = alertRow;
    node.condition = condition;
    node.row = int(parent < 0 ? m_top.size() : m_nodes.at(parent).children.size());
    m_nodes.append(node);
    if (parent < 0)
        m_top.append(id);
    else
        m_nodes[parent].children.append(id);
    if (alertRow >= 0 && !m_rows.at(alertRow).active)
        return id; // history: holds nothing
    placed.insert(condition);
    const auto held = m_held.constFind(condition);
    if (held == m_held.cend())
        return id;
    m_nodes[id].heldCount = int(held->size());
    for (const QString &key : *held) {
        if (!placed.contains(key))
            addNode(key, activeRows.value(key, -1), id, activeRows, placed);
    }
    return id;
}

bool AlertTreeModel::activeOf(const Node &node) const
{
    return node.alertRow < 0 || m_rows.at(node.alertRow).active;
}

qint64 AlertTreeModel::timeOf(const Node &node) const
{
    if (node.alertRow >= 0)
        return m_rows.at(node.alertRow).alert.tsMs;
    if (node.condition.startsWith(kMachine)) {
        const MachineInfo m = m_machines.value(node.condition.mid(kMachine.size()));
        return m.downSinceMs > 0 ? m.downSinceMs : m.stateSinceMs;
    }
    return 0;
}

Severity AlertTreeModel::severityOf(const Node &node) const
{
    // Only critical conditions are notified, so only they are roots or held.
    return node.alertRow >= 0 ? m_rows.at(node.alertRow).alert.severity : Severity::Critical;
}

QString AlertTreeModel::sourceOf(const Node &node) const
{
    if (node.alertRow >= 0)
        return format::taskTitle(m_rows.at(node.alertRow).alert.source);
    if (node.condition.startsWith(kMachine))
        return node.condition.mid(kMachine.size());
    if (node.condition.startsWith(kBreaker))
        return format::taskTitle(node.condition.mid(kBreaker.size()));
    if (node.condition.startsWith(kAlert))
        return format::taskTitle(node.condition.mid(kAlert.size()).section(u'/', 0, 0));
    if (node.condition == DependencyRule::OracleDown)
        return format::taskTitle(TaskName::OracleMonitoring);
    return node.condition;
}

QString AlertTreeModel::messageOf(const Node &node) const
{
    QString text;
    if (node.alertRow >= 0) {
        text = m_rows.at(node.alertRow).alert.message;
    } else if (node.condition.startsWith(kMachine)) {
        const QString name = node.condition.mid(kMachine.size());
        const auto m = m_machines.constFind(name);
        text = tr("Machine %1 is %2")
                   .arg(name, MachineListModel::stateTitle(
                                  m == m_machines.cend() ? MachineState::Down : m->state));
    } else if (node.condition.startsWith(kBreaker)) {
        text = tr("The circuit breaker of %1 is open")
                   .arg(format::taskTitle(node.condition.mid(kBreaker.size())));
    } else if (node.condition == DependencyRule::OracleDown) {
        text = tr("Oracle down: no price is being fetched");
    } else if (node.condition.startsWith(kAlert)) {
        text = node.condition.mid(kAlert.size()).section(u'/', 1); // its key, until it is shown
    } else {
        text = node.condition;
    }
    if (node.heldCount > 0)
        text += u' ' + tr("(%n dependent alert(s) held)", nullptr, node.heldCount);
    return text;
}

QString AlertTreeModel::statusOf(const Node &node) const
{
    if (!activeOf(node))
        return tr("cleared");
    if (node.parent >= 0)
        return tr("held");
    if (node.alertRow < 0 && node.condition.startsWith(kMachine)) {
        const auto m = m_machines.constFind(node.condition.mid(kMachine.size()));
        return MachineListModel::stateTitle(m == m_machines.cend() ? MachineState::Down : m->state);
    }
    return tr("active");
}

QModelIndex AlertTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int id =
        parent.isValid() ? m_nodes.at(int(parent.internalId())).children.at(row) : m_top.at(row);
    return createIndex(row, column, quintptr(id));
}

QModelIndex AlertTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentId = m_nodes.at(int(child.internalId())).parent;
    if (parentId < 0)
        return {};
    return createIndex(m_nodes.at(parentId).row, 0, quintptr(parentId));
}

int AlertTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_top.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes.at(int(parent.internalId())).children.size());
}

int AlertTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant AlertTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = m_nodes.at(int(index.internalId()));
    const auto column = Column(index.column());
    const bool active = activeOf(node);
    const Severity severity = severityOf(node);
    switch (role) {
    case ConditionRole:
        return node.condition;
    case IdRole:
        return node.alertRow >= 0
                   ? node.condition + u'@' + QString::number(m_rows.at(node.alertRow).alert.tsMs)
                   : node.condition;
    case HeldCountRole:
        return node.heldCount;
    case Qt::ForegroundRole:
        if (!active)
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (column == SeverityColumn && severity == Severity::Critical)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (column == SeverityColumn && severity == Severity::Warning)
            return QBrush(QColor(0xb2, 0x6b, 0x00));
        return {};
    case Qt::ToolTipRole:
        return column == MessageColumn ? messageOf(node) : QVariant();
    case SortRole:
        switch (column) {
        case TimeColumn:
        case AgeColumn:
            return timeOf(node);
        case SeverityColumn:
            return severityRank(severity);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case TimeColumn:
        return format::localTime(timeOf(node));
    case AgeColumn: {
        const qint64 at = timeOf(node);
        return at > 0 && m_nowMs > 0 ? format::age(std::max<qint64>(0, m_nowMs - at))
                                     : QStringLiteral("—");
    }
    case SeverityColumn:
        switch (severity) {
        case Severity::Info:
            return tr("info");
        case Severity::Warning:
            return tr("warning");
        case Severity::Critical:
            return tr("critical");
        }
        return {};
    case SourceColumn:
        return sourceOf(node);
    case MessageColumn:
        return messageOf(node);
    case StatusColumn:
        return statusOf(node);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AlertTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case AgeColumn:
        return tr("Age");
    case SeverityColumn:
        return tr("Severity");
    case SourceColumn:
        return tr("Source");
    case MessageColumn:
        return tr("Message");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hb
