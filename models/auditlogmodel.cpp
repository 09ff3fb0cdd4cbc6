#include "auditlogmodel.h"

#include "format.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hb {

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditLogModel::setEntries(const QVector<AuditEntry> &entries)
{
    QVector<AuditEntry> rows(entries.crbegin(), entries.crend());
    const bool same = rows.size() == m_rows.size()
                      && (rows.isEmpty()
                          || (rows.constFirst().tsMs == m_rows.constFirst().tsMs
                              && rows.constFirst().action == m_rows.constFirst().action));
    if (same)
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
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
