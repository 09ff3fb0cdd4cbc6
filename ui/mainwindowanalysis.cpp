#include "mainwindow.h"

// What a recorded window adds (docs/architecture.md, "Sources"): the charts bounded by the file,
// the replay bar, the per-task summary of the charts' range, drill-down from a chart into the
// History panel, and the Analysis menu: zoom history, custom range, exports and the report.

#include "analysisreport.h"
#include "auditlogmodel.h"
#include "background.h"
#include "chartpanel.h"
#include "comparedialog.h"
#include "datasource.h"
#include "historymodel.h"
#include "historypanel.h"
#include "replaybar.h"
#include "store/metricscsv.h"
#include "store/metricsreader.h"
#include "store/storeerror.h"
#include "summarypanel.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>
#include <QStatusBar>
#include <QTableView>

namespace hb {

namespace {

// Writes `path` whole or not at all; `write` throws StoreError on a read failure.
void saveWith(const QString &path, const std::function<void(QIODevice &)> &write)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        throw StoreError(path + QStringLiteral(": ") + out.errorString());
    write(out);
    if (!out.commit())
        throw StoreError(path + QStringLiteral(": ") + out.errorString());
}

} // namespace

void MainWindow::buildAnalysis(QMenu *analysis)
{
    RecordedSource *recorded = recording();
    const RecordedSource::Extent extent = recorded->extent();
    m_charts->setDataBounds(extent.firstMs, extent.lastMs);
    connect(recorded, &RecordedSource::extentChanged, m_charts, &ChartPanel::setDataBounds);

    // Replay: the panels show the state as of the bar's moment.
    m_replayBar->setRange(extent.firstMs, extent.lastMs);
    m_replayBar->setMoment(extent.lastMs);
    connect(m_replayBar, &ReplayBar::momentChanged, recorded, &RecordedSource::setMoment);
    connect(recorded, &RecordedSource::momentChanged, m_replayBar, &ReplayBar::setMoment);
    connect(recorded, &RecordedSource::extentChanged, m_replayBar,
            [this](qint64 firstMs, qint64 lastMs) { m_replayBar->setRange(firstMs, lastMs); });

    // The figures of the charts' range.
    m_summary = new SummaryPanel(this);
    m_summary->setObjectName(QStringLiteral("summaryPanel"));
    m_summary->setMetricsPath(recorded->metricsPath());
    QDockWidget *summary = addPanel(tr("Summary"), QStringLiteral("summaryDock"), m_summary);
    if (auto *tasks = findChild<QDockWidget *>(QStringLiteral("tasksDock")))
        tabifyDockWidget(tasks, summary);
    summary->raise();
    connect(m_charts, &ChartPanel::timeRangeChanged, m_summary, &SummaryPanel::setRange);
    const ChartPanel::TimeRange range = m_charts->timeRange();
    m_summary->setRange(range.fromMs, range.toMs);

    // Drill-down: a click on a chart lists the runs behind the bucket.
    connect(m_charts, &ChartPanel::bucketClicked, this,
            [this](qint64 fromMs, qint64 toMs, const QString &task) {
                m_history->showRange(m_source->history(), fromMs, toMs, task);
                if (auto *dock = findChild<QDockWidget *>(QStringLiteral("historyDock"))) {
                    dock->show();
                    dock->raise();
                }
            });

    analysis->addAction(m_charts->backAction());
    analysis->addAction(m_charts->forwardAction());
    QAction *custom =
        analysis->addAction(tr("Custom &range…"), m_charts, &ChartPanel::chooseCustomRange);
    custom->setObjectName(QStringLiteral("customRangeAction"));
    custom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction *compare = analysis->addAction(tr("&Compare ranges…"), this, [this] {
        const ChartPanel::TimeRange r = m_charts->timeRange();
        auto *dialog = new CompareDialog(m_source->metricsPath(), r.fromMs, r.toMs, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &CompareDialog::rangeBChanged, m_charts, &ChartPanel::setGhostRange);
        connect(m_charts, &ChartPanel::timeRangeChanged, dialog, &CompareDialog::setRangeA);
        connect(dialog, &QDialog::finished, m_charts, &ChartPanel::clearGhostRange);
        dialog->show();
    });
    compare->setObjectName(QStringLiteral("compareAction"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    analysis->addSeparator();
    QMenu *exports = analysis->addMenu(tr("&Export"));
    exports->setObjectName(QStringLiteral("exportMenu"));
    QAction *buckets = exports->addAction(tr("Per-task figures of the range (CSV)…"), this,
                                          [this] { exportCsv(CsvKind::Buckets); });
    buckets->setObjectName(QStringLiteral("exportBucketsAction"));
    buckets->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exports
        ->addAction(tr("Runs shown in History (CSV)…"), this, [this] { exportCsv(CsvKind::Runs); })
        ->setObjectName(QStringLiteral("exportRunsAction"));
    exports
        ->addAction(tr("Audit entries of the range (CSV)…"), this,
                    [this] { exportCsv(CsvKind::Audit); })
        ->setObjectName(QStringLiteral("exportAuditAction"));
    exports->addSeparator();
    const std::pair<ChartPanel::ChartId, const char *> charts[] = {
        {ChartPanel::ExecutionTimeChart, QT_TR_NOOP("Tick time chart (PNG)…")},
        {ChartPanel::SuccessRateChart, QT_TR_NOOP("Success rate chart (PNG)…")},
        {ChartPanel::ResourcesChart, QT_TR_NOOP("Cycles and memory chart (PNG)…")},
        {ChartPanel::ShardLoadChart, QT_TR_NOOP("Shard load chart (PNG)…")}};
    for (const auto &[id, text] : charts) {
        exports->addAction(tr(text), this, [this, id = id] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Save the chart"), {},
                                                              tr("PNG images (*.png)"));
            if (!path.isEmpty())
                savePicture(m_charts->renderChart(id), path);
        });
    }
    exports->addAction(tr("The window (PNG)…"), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save the window"), {}, tr("PNG images (*.png)"));
        if (!path.isEmpty())
            savePicture(grab().toImage(), path);
    });
    analysis->addSeparator();
    QAction *report = analysis->addAction(tr("Maintenance &report…"), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Write the maintenance report"), {},
                                         tr("PDF documents (*.pdf);;Web pages (*.html)"));
        if (!path.isEmpty())
            writeReport(path);
    });
    report->setObjectName(QStringLiteral("reportAction"));
    report->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
}

void MainWindow::runFileJob(const QString &what, std::function<QString()> job)
{
    // Off the GUI thread; the progress dialog shows itself only when it takes over 300 ms.
    auto *progress = new QProgressDialog(what, QString(), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    runInBackground(
        this,
        [job = std::move(job)] {
            try {
                return job();
            } catch (const std::exception &e) {
                return QString::fromLocal8Bit(e.what());
            }
        },
        [this, progress, what](const QString &error) {
            progress->close();
            m_lastError = error;
            if (error.isEmpty()) {
                statusBar()->showMessage(tr("%1 done").arg(what), 8'000);
            } else {
                statusBar()->showMessage(error, 15'000);
                if (m_confirm)
                    QMessageBox::warning(this, what, error);
            }
            Q_EMIT fileWritten(error);
        });
}

void MainWindow::exportCsv(CsvKind kind, const QString &chosenPath)
{
    const QString path =
        !chosenPath.isEmpty()
            ? chosenPath
            : QFileDialog::getSaveFileName(this, tr("Export CSV"), {}, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const ChartPanel::TimeRange range = m_charts->timeRange();
    const QString metrics = m_source->metricsPath();
    if (kind == CsvKind::Runs) {
        // What the History panel holds (a drilled-down bucket, or the recent runs).
        QVector<ExecutionRecord> runs;
        const HistoryModel *model = m_history->shownModel();
        for (int row = model->rowCount() - 1; row >= 0; --row)
            runs.append(model->recordAt(row));
        runFileJob(tr("Exporting the runs"), [path, runs] {
            saveWith(path, [&](QIODevice &out) { writeRunsCsv(runs, out); });
            return QString();
        });
        return;
    }
    runFileJob(kind == CsvKind::Buckets ? tr("Exporting the per-task figures")
                                        : tr("Exporting the audit entries"),
               [kind, path, metrics, range] {
                   MetricsReader reader(metrics);
                   saveWith(path, [&](QIODevice &out) {
                       if (kind == CsvKind::Buckets)
                           writeAggregatesCsv(reader, range.fromMs, range.toMs,
                                              csv::bucketFor(range.toMs - range.fromMs), out);
                       else
                           writeAuditCsv(reader, range.fromMs, range.toMs, out);
                   });
                   return QString();
               });
}

void MainWindow::savePicture(const QImage &image, const QString &path)
{
    QSaveFile out(path);
    const bool ok = out.open(QIODevice::WriteOnly) && image.save(&out, "PNG") && out.commit();
    m_lastError = ok ? QString() : tr("%1: cannot write (%2)").arg(path, out.errorString());
    statusBar()->showMessage(ok ? tr("Saved %1").arg(path) : m_lastError, 10'000);
    if (!ok && m_confirm)
        QMessageBox::warning(this, tr("Not saved"), m_lastError);
    Q_EMIT fileWritten(m_lastError);
}

void MainWindow::writeReport(const QString &path)
{
    ReportRequest request;
    request.metricsPath = m_source->metricsPath();
    request.outPath = path;
    const ChartPanel::TimeRange range = m_charts->timeRange();
    request.fromMs = range.fromMs;
    request.toMs = range.toMs;
    // The charts as this window shows them, drawn here on the GUI thread.
    for (ChartPanel::ChartId id : {ChartPanel::ExecutionTimeChart, ChartPanel::SuccessRateChart,
                                   ChartPanel::ResourcesChart, ChartPanel::ShardLoadChart})
        request.charts.append(m_charts->renderChart(id));
    runFileJob(tr("Writing the report"), [request] { return writeAnalysisReport(request); });
}

} // namespace hb
