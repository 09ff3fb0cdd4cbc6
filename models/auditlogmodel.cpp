#include "auditlogmodel.h"

#include "format.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hb {

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) {}

namespace {

bool sameEntry(const AuditEntry &a, const AuditEntry &b)
{
    return a.tsMs == b.tsMs && a.action == b.action && a.actor == b.actor && a.detail == b.detail;
}

} // namespace

void AuditLogModel::setEntries(const QVector<AuditEntry> &tail)
{
    qsizetype known = -1; // where the top row sits in the tail
    if (!m_rows.isEmpty()) {
        for (qsizetype i = tail.size() - 1; i >= 0 && known < 0; --i) {
            if (sameEntry(tail.at(i), m_rows.constFirst()))
                known = i;
        }
    }
    if (known < 0) {
        beginResetModel();
        m_rows = QVector<AuditEntry>(tail.crbegin(), tail.crend());
        endResetModel();
        return;
    }
    const int fresh = int(tail.size() - 1 - known);
    if (fresh == 0)
        return;
    beginInsertRows({}, 0, fresh - 1);
    m_rows.insert(0, fresh, AuditEntry{});
    for (int i = 0; i < fresh; ++i)
        m_rows[i] = tail.at(tail.size() - 1 - i);
    endInsertRows();
    if (m_rows.size() > MaxRows) {
        beginRemoveRows({}, MaxRows, int(m_rows.size()) - 1);
        m_rows.resize(MaxRows);
        endRemoveRows();
    }
}

int AuditLogModel::appendOlder(const QVector<AuditEntry> &older)
{
    QVector<AuditEntry> added;
    for (auto it = older.crbegin(); it != older.crend(); ++it) {
        // Entries of the oldest shown millisecond may be shown already; none older can be.
        const bool shown = !m_rows.isEmpty() && it->tsMs >= oldestMs()
                           && std::any_of(m_rows.crbegin(), m_rows.crend(), [&](const AuditEntry &e) {
                                  return sameEntry(e, *it);
                              });
        if (!shown)
            added.append(*it);
    }
    const int room = std::max(0, MaxRows - int(m_rows.size()));
    added.resize(std::min<qsizetype>(added.size(), room));
    if (added.isEmpty())
        return 0;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
    m_rows.append(added);
    endInsertRows();
    return int(added.size());
}

QString AuditLogModel::readableDetail(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    if (o.isEmpty())
        return json;
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isObject() || v.isArray())
            text = QString::fromUtf8((v.isObject() ? QJsonDocument(v.toObject())
                                                   : QJsonDocument(v.toArray()))
                                         .toJson(QJsonDocument::Compact));
        else
            text = v.toVariant().toString();
        parts << it.key() + u": " + text;
    }
    return parts.join(QStringLiteral(" · "));
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_rows.at(index.row());
    const auto column = Column(index.column());
    if (role == Qt::ForegroundRole && e.action == u"refused")
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::ToolTipRole && column == DetailColumn)
        return e.detail;
    if (role == RawValueRole) {
        switch (column) {
        case TimeColumn:
            return e.tsMs;
        case ActorColumn:
            return e.actor;
        case ActionColumn:
            return e.action;
        case DetailColumn:
            return e.detail;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TimeColumn:
        return format::localTime(e.tsMs);
    case ActorColumn:
        return e.actor;
    case ActionColumn:
        return e.action;
    case DetailColumn:
        return readableDetail(e.detail);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case ActionColumn:
        return tr("Action");
    case DetailColumn:
        return tr("Details");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hb
