#pragma once

#include "core/records.h"

#include <QAbstractTableModel>

namespace hb {

// The audit log, newest first: who did what, when, and the details (JSON, shown readably).
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, DetailColumn, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1 };

    explicit AuditLogModel(QObject *parent = nullptr);

    // `entries` oldest first (as the engine keeps them).
    void setEntries(const QVector<AuditEntry> &entries);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "task: price_update · before: closed" from {"task":"price_update","before":"closed"}.
    static QString readableDetail(const QString &json);

private:
    QVector<AuditEntry> m_rows; // newest first
};

} // namespace hb
