#pragma once

#include "store/rangesummary.h"

#include <QDialog>

#include <functional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTableView;
QT_END_NAMESPACE

namespace hb {

class RangeCompareModel;

// Compares the range the charts show (A) with another one (B): per task runs, failure rate,
// p50 / p95 / max duration for A, B and the change, and whether those figures are exact or
// estimated from the rollups. B is a preset relative to A (the day before, the week before, the
// range just before) or a custom from–to. Non-modal: the chart draws B's lines as ghosts while
// it is open (rangeBChanged).
//
// The summaries are read from metrics.db on a worker thread; each choice of B is a request with
// an id, and a result that is no longer the newest request is dropped.
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    enum Preset { DayBefore, WeekBefore, JustBefore, Custom };
    Q_ENUM(Preset)

    CompareDialog(const QString &metricsPath, qint64 aFromMs, qint64 aToMs,
                  QWidget *parent = nullptr);
    ~CompareDialog() override;

    // Range A changed (the chart was zoomed or panned): B follows by its preset (a custom B
    // stays) and both are computed again. Connect ChartPanel::timeRangeChanged here.
    void setRangeA(qint64 fromMs, qint64 toMs);
    qint64 aFromMs() const { return m_aFromMs; }
    qint64 aToMs() const { return m_aToMs; }
    qint64 bFromMs() const { return m_bFromMs; }
    qint64 bToMs() const { return m_bToMs; }
    Preset preset() const;
    void setPreset(Preset preset);
    // A custom range B, [fromMs, toMs) (the preset becomes Custom).
    void setCustomRangeB(qint64 fromMs, qint64 toMs);

    // Writes the compare table as CSV (RFC 4180, UTF-8): task, then runs, failure rate, p50,
    // p95 and max for A, B and the change (A − B), as plain numbers (ms, fractions), and the
    // precision of A and B. Returns false with `error` set when the file cannot be written.
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    // Inspection, for tests.
    RangeCompareModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    bool isComputing() const { return m_computingId != 0; }
    int droppedResults() const { return m_droppedResults; }
    QString statusText() const;
    QString precisionText() const;

    // The function computing a range's summary on the worker thread; tests substitute one they
    // can hold back. Defaults to MetricsReader(path).rangeSummary(from, to).
    using Summarizer = std::function<RangeSummary(const QString &path, qint64 fromMs, qint64 toMs)>;
    void setSummarizer(Summarizer summarizer);

Q_SIGNALS:
    // Range B changed (a preset or a custom range): the chart draws its ghost lines.
    void rangeBChanged(qint64 bFromMs, qint64 bToMs);
    // The table shows the summaries of A and the current B.
    void computed();
    void computeFailed(const QString &error);

private:
    void onPresetChanged();
    void onCustomEdited();
    void applyRangeB(qint64 fromMs, qint64 toMs);
    void compute();
    void onComputed(quint64 id, const RangeSummary &a, const RangeSummary &b, const QString &error);
    void updatePrecision();
    void updateRangeALabel();
    void chooseExportFile();

    QString m_path;
    qint64 m_aFromMs;
    qint64 m_aToMs;
    qint64 m_bFromMs = 0;
    qint64 m_bToMs = 0;
    Summarizer m_summarizer;
    bool m_haveA = false; // A never changes: read once
    RangeSummary m_a;
    quint64 m_lastId = 0;
    quint64 m_computingId = 0;
    int m_droppedResults = 0;
    bool m_settingEdits = false;
    bool m_started = false; // the first comparison is queued after construction

    QLabel *m_rangeA;
    QComboBox *m_presets;
    QDateTimeEdit *m_bFrom;
    QDateTimeEdit *m_bTo;
    QLabel *m_status;
    QLabel *m_precision;
    QTableView *m_table;
    RangeCompareModel *m_model;
    QPushButton *m_export;
};

} // namespace hb
