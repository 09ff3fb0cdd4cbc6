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

    static constexpr int MaxRows = 50'000;

    explicit AuditLogModel(QObject *parent = nullptr);

    // The engine's live tail, oldest first (as the engine keeps it; at most `tailCapacity`,
    // -1: unbounded). Entries newer than the top row go on top; the rows below stay (older ones
    // read from the store included). Only a full tail that is all newer than the top row
    // (a burst larger than the tail: entries may be missing between) replaces everything.
    void setEntries(const QVector<AuditEntry> &tail, qsizetype tailCapacity = -1);
    // Entries read from metrics.db, oldest first, all at or before oldestMs(): they go at the
    // bottom, without those already shown (of the oldest shown millisecond, each shown row
    // accounts for one equal entry). Returns how many were added.
    int appendOlder(const QVector<AuditEntry> &older);
    qint64 oldestMs() const { return m_rows.isEmpty() ? 0 : m_rows.constLast().tsMs; }
    const AuditEntry &entryAt(int row) const { return m_rows.at(row); }

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
