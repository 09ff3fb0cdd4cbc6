#include "summarypanel.h"

#include "background.h"
#include "format.h"
#include "store/metricsreader.h"

#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hb {

SummaryPanel::SummaryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_view(new QTableView(this))
    , m_note(new QLabel(this))
{
    m_model->setHorizontalHeaderLabels(
        {tr("Task"), tr("Runs"), tr("Failure rate"), tr("p50"), tr("p95"), tr("p99"), tr("Max")});
    m_view->setObjectName(QStringLiteral("summaryTable"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TaskColumn, QHeaderView::Stretch);
    m_note->setObjectName(QStringLiteral("summaryNote"));
    m_note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
}

QString SummaryPanel::noteText() const
{
    return m_note->text();
}

void SummaryPanel::setRange(qint64 fromMs, qint64 toMs)
{
    if (m_path.isEmpty() || toMs <= fromMs)
        return;
    const quint64 generation = ++m_generation;
    m_computing = true;
    m_note->setText(tr("Computing the figures of %1 – %2…")
                        .arg(format::localTime(fromMs), format::localTime(toMs)));
    attemptInBackground(
        this,
        [path = m_path, fromMs, toMs] { return MetricsReader(path).rangeSummary(fromMs, toMs); },
        [this, generation](const Attempt<RangeSummary> &answer) {
            if (generation != m_generation)
                return; // a newer range was asked for
            m_computing = false;
            if (!answer.ok()) {
                m_note->setText(tr("Cannot compute the figures: %1").arg(answer.error));
                return;
            }
            show(answer.value);
            Q_EMIT computed();
        });
}

void SummaryPanel::show(const RangeSummary &summary)
{
    m_summary = summary;
    m_view->setSortingEnabled(false);
    m_model->setRowCount(0);
    const auto item = [](const QString &text, double sortKey) {
        auto *cell = new QStandardItem(text);
        cell->setData(sortKey, Qt::UserRole + 1);
        cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return cell;
    };
    QVector<TaskRangeSummary> rows = summary.tasks;
    if (summary.total.runs > 0 || !rows.isEmpty()) {
        TaskRangeSummary total = summary.total;
        total.task.clear();
        rows.append(total);
    }
    for (const TaskRangeSummary &t : rows) {
        const DurationPercentiles &d = t.durations;
        const bool known = d.precision != Precision::Unavailable && t.runs > 0;
        const QString approx =
            d.precision == Precision::Estimated ? QStringLiteral("≈ ") : QString();
        const auto ms = [&](qint64 v) {
            return known ? approx + format::duration(v) : QStringLiteral("—");
        };
        auto *name =
            new QStandardItem(t.task.isEmpty() ? tr("All tasks") : format::taskTitle(t.task));
        name->setData(t.task.isEmpty() ? QStringLiteral("~") : t.task, Qt::UserRole + 1);
        m_model->appendRow(
            {name, item(QLocale().toString(t.runs), double(t.runs)),
             item(QLocale().toString(100.0 * t.failureRate(), 'f', 2) + u'%', t.failureRate()),
             item(ms(d.p50Ms), double(d.p50Ms)), item(ms(d.p95Ms), double(d.p95Ms)),
             item(ms(d.p99Ms), double(d.p99Ms)),
             item(t.runs > 0 ? format::duration(d.maxMs) : QStringLiteral("—"), double(d.maxMs))});
    }
    m_model->setSortRole(Qt::UserRole + 1);
    m_view->setSortingEnabled(true);
    const QString range =
        tr("%1 – %2").arg(format::localTime(summary.fromMs), format::localTime(summary.toMs));
    switch (summary.precision) {
    case Precision::Exact:
        m_note->setText(tr("%1 · %n runs · exact: from every run of the range", nullptr,
                           int(std::min<qint64>(summary.total.runs, INT_MAX)))
                            .arg(range));
        break;
    case Precision::Estimated:
        m_note->setText(tr("%1 · percentiles estimated from the per-minute and per-hour "
                           "histograms (≈), over whole buckets %2 – %3")
                            .arg(range, format::localTime(summary.spanFromMs),
                                 format::localTime(summary.spanToMs)));
        break;
    case Precision::Unavailable:
        m_note->setText(tr("%1 · percentiles unavailable: this part of the file was written "
                           "before duration histograms were kept")
                            .arg(range));
        break;
    }
}

} // namespace hb
