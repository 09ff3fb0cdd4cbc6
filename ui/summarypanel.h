#pragma once

#include "store/rangesummary.h"

#include <QWidget>

class QLabel;
class QStandardItemModel;
class QTableView;

namespace hb {

// Analysis mode's per-task figures for the charts' range: runs, failure rate and the p50 / p95 /
// p99 / max duration, with a line saying whether they are exact (the raw runs of the range) or
// estimated (the rollups' per-bucket histograms). Computed off the GUI thread; a newer range
// drops an older answer.
class SummaryPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        TaskColumn,
        RunsColumn,
        FailureColumn,
        P50Column,
        P95Column,
        P99Column,
        MaxColumn,
        ColumnCount
    };

    explicit SummaryPanel(QWidget *parent = nullptr);

    void setMetricsPath(const QString &path) { m_path = path; }
    // Computes the figures of [fromMs, toMs) of the file.
    void setRange(qint64 fromMs, qint64 toMs);
    const RangeSummary &summary() const { return m_summary; }
    QStandardItemModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString noteText() const;
    bool isComputing() const { return m_computing; }

Q_SIGNALS:
    void computed(); // the figures of the newest range are shown

private:
    void show(const RangeSummary &summary);

    QString m_path;
    RangeSummary m_summary;
    QStandardItemModel *m_model;
    QTableView *m_view;
    QLabel *m_note;
    quint64 m_generation = 0;
    bool m_computing = false;
};

} // namespace hb
