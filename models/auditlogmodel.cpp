#include "auditlogmodel.h"

#include "format.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hb {

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) {}

namespace {

bool sameEntry(const AuditEntry &a, const AuditEntry &b)
{
    return a.tsMs == b.tsMs && a.action == b.action && a.actor == b.actor && a.detail == b.detail;
}

} // namespace

void AuditLogModel::setEntries(const QVector<AuditEntry> &tail, qsizetype tailCapacity)
{
    if (tail.isEmpty())
        return; // nothing new (and nothing to drop: rows read from the store stay)
    qsizetype firstNew = 0;
    if (!m_rows.isEmpty()) {
        const AuditEntry &top = m_rows.constFirst();
        qsizetype known = -1; // where the top row sits in the tail
        for (qsizetype i = tail.size() - 1; i >= 0 && known < 0; --i) {
            if (sameEntry(tail.at(i), top))
                known = i;
        }
        if (known >= 0) {
            firstNew = known + 1;
        } else {
            // The top row is not in the tail: it came from the store, or more entries came
            // than the tail holds. New are those after it (at its millisecond, the unshown).
            const auto shown = [this, &top](const AuditEntry &e) {
                for (const AuditEntry &row : std::as_const(m_rows)) {
                    if (row.tsMs != top.tsMs)
                        return false;
                    if (sameEntry(row, e))
                        return true;
                }
                return false;
            };
            while (firstNew < tail.size()
                   && (tail.at(firstNew).tsMs < top.tsMs
                       || (tail.at(firstNew).tsMs == top.tsMs && shown(tail.at(firstNew)))))
                ++firstNew;
            if (firstNew == 0 && tailCapacity > 0 && tail.size() >= tailCapacity
                && tail.constFirst().tsMs > top.tsMs) {
                // A full tail, all newer than the top row: entries may be missing between
                // them. Start over from the tail rather than show a silent gap.
                beginResetModel();
                m_rows = QVector<AuditEntry>(tail.crbegin(), tail.crend());
                endResetModel();
                return;
            }
        }
    }
    const int fresh = int(tail.size() - firstNew);
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
    // Entries of the oldest shown millisecond may be shown already (none older can be): each
    // shown one stands for one equal incoming entry, so two equal entries of one millisecond
    // (the same action twice) are both kept.
    const qint64 oldest = oldestMs();
    QVector<AuditEntry> unmatched; // shown rows of the oldest millisecond not matched yet
    for (auto it = m_rows.crbegin(); it != m_rows.crend() && it->tsMs == oldest; ++it)
        unmatched.append(*it);
    QVector<AuditEntry> added;
    for (auto it = older.crbegin(); it != older.crend(); ++it) {
        if (!m_rows.isEmpty() && it->tsMs > oldest)
            continue; // newer than the bottom row: shown already
        if (!m_rows.isEmpty() && it->tsMs == oldest) {
            const auto match = std::find_if(unmatched.begin(), unmatched.end(),
                                            [&](const AuditEntry &e) { return sameEntry(e, *it); });
            if (match != unmatched.end()) {
                unmatched.erase(match);
                continue;
            }
        }
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
