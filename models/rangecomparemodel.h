#pragma once

#include "store/rangesummary.h"

#include <QAbstractTableModel>

namespace hb {

// Two time ranges side by side, one row per task (of either range) and a last row for all
// tasks: runs, failure rate, p50, p95 and max duration in range A, in range B, and the change.
// The change is A − B with its percentage of B: B is the reference (the same hour yesterday,
// say). Durations from the rollups' histograms read "≈ 120 ms"; a figure that cannot be had
// reads "—"; their tooltips say why.
class RangeCompareModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TaskColumn,
        RunsA,
        RunsB,
        RunsChange,
        FailureRateA,
        FailureRateB,
        FailureRateChange, // in percentage points
        P50A,
        P50B,
        P50Change,
        P95A,
        P95B,
        P95Change,
        MaxA,
        MaxB,
        MaxChange,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // the number (a change: A − B); invalid when unavailable
        ChangePercentRole, // change columns: (A − B) / B × 100; invalid when B is 0 or unavailable
        PrecisionRole,     // int(hb::Precision) of the figure
        TaskNameRole,      // the task's stable name; empty on the all-tasks row
    };

    explicit RangeCompareModel(QObject *parent = nullptr);

    void setRanges(const RangeSummary &a, const RangeSummary &b);
    const RangeSummary &rangeA() const { return m_a; }
    const RangeSummary &rangeB() const { return m_b; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString task; // empty: all tasks
        TaskRangeSummary a;
        TaskRangeSummary b;
    };
    enum class Metric { Runs, FailureRate, P50, P95, Max };
    struct Figure
    {
        double value = 0.0;
        Precision precision = Precision::Exact;
        bool available() const { return precision != Precision::Unavailable; }
    };
    static Metric metricOf(int column);
    static int sideOf(int column); // 0: A, 1: B, 2: change
    // `counts`: the range's precision (exact, or estimated over whole buckets around it).
    static Figure figure(const TaskRangeSummary &t, Precision counts, Metric metric);
    QString text(Metric metric, const Figure &f) const;
    QString changeText(Metric metric, const Figure &a, const Figure &b) const;

    RangeSummary m_a;
    RangeSummary m_b;
    QVector<Row> m_rows;
};

} // namespace hb
