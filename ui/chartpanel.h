#pragma once

#include "chartframe.h"
#include "chartrangeloader.h"
#include "core/clock.h"
#include "core/config.h"
#include "livechartdata.h"
#include "machines/machinetypes.h"
#include "recordfeed.h"
#include "snapshot.h"

#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QButtonGroup;
class QChart;
class QLabel;
class QMenu;
class QToolButton;
QT_END_NAMESPACE

namespace hb {

class ChartView;
class ExecutionChart;
class LiveChart;

// The dashboard's live charts, a 2 × 2 grid: tick time (with running average and peak, chosen
// tasks' run times and admin actions as markers), success rate, cycles and memory against their
// thresholds, and shard load. Above them, the time range (5 min, 1 h, 24 h, 7 d) and the task
// picker.
//
// Feeding (GUI thread): addRecords() puts each batch into bounded buffers at once and
// setSnapshot() takes thresholds and audit entries; a single-shot timer redraws at most every
// RedrawDelayMs, handing every series at most two points per plot pixel via replace().
// 5 min draws from the live buffers. Longer ranges read metrics.db (setMetricsPath) on a worker
// thread; each read carries a request id and a result that is no longer the newest request is
// dropped, as is one whose panel is gone (docs/architecture.md, "Threads"). Without a metrics path,
// longer ranges show what the live buffers' coarser tiers hold (what this window has seen).
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    enum Range { Last5Minutes, LastHour, LastDay, LastWeek };
    Q_ENUM(Range)
    static constexpr int RangeCount = 4;
    enum ChartId { ExecutionTimeChart, SuccessRateChart, ResourcesChart, ShardLoadChart };
    Q_ENUM(ChartId)
    static constexpr int ChartCount = 4;

    static constexpr int RedrawDelayMs = 100;
    static constexpr int ScrollIntervalMs = 1'000;   // the live range moves with the clock
    static constexpr int RefreshIntervalMs = 30'000; // a long range re-reads the database
    static constexpr int ResizeSettleMs = 300;       // re-read at a new width once resizing stops

    explicit ChartPanel(QWidget *parent = nullptr);
    ~ChartPanel() override;

    // Defaults to the system clock; tests pass a FakeClock.
    void setClock(std::shared_ptr<const Clock> clock);

    void addRecords(const hb::RecordBatch &records);
    void setSnapshot(const hb::EngineSnapshot &snapshot);
    // A machine went down or came back: a marker on the tick-time chart, beside the admin ones.
    // (Longer ranges also read them from metrics.db's machine_events.)
    void addMachineTransition(const hb::MachineTransition &transition);

    // DATA/metrics.db, read-only, for ranges beyond 5 minutes. Empty: live buffers only.
    void setMetricsPath(const QString &path);
    QString metricsPath() const { return m_metricsPath; }

    // Fills the live buffers with the last SeedSpanMs of metrics.db (on a worker thread), so
    // the 5-minute view is not empty after a restart. Batches that arrive meanwhile wait, then
    // follow without what the store already gave. liveSeeded() says when it is done.
    static constexpr qint64 SeedSpanMs = 6 * 60'000;
    static constexpr int MaxHeldBatches = 600; // a minute of 100 ms ticks; then seeding gives up
    void seedLiveFromStore();
    bool isSeeding() const { return m_seeding; }

    // The selected range, a Range value (persisted by the main window's settings).
    int rangeIndex() const { return m_range; }
    void setRangeIndex(int index);
    static qint64 rangeSpanMs(int index);

    // Tasks whose run times the tick-time chart shows besides the tick (user's picks).
    QStringList shownTasks() const { return m_shownTasks; }
    void setShownTasks(const QStringList &tasks);
    void setTaskShown(const QString &task, bool shown);

    // Draws now what a pending redraw would draw.
    void redrawNow();

    // Inspection, for tests and the lead's integration checks.
    QChart *chart(ChartId id) const;
    ChartView *chartView(ChartId id) const;
    bool showsNoData(ChartId id) const;
    QList<qint64> markerTimes() const; // admin-action markers drawn on the tick-time chart
    int plotWidth() const;             // columns the redraw decimates to
    const LiveChartData &liveData() const { return m_live; }
    bool isLoading() const { return m_loadingRequestId != 0; }
    quint64 lastRequestId() const { return m_lastRequestId; }
    quint64 shownRequestId() const { return m_shownRequestId; }
    int droppedResults() const { return m_droppedResults; }
    QString statusText() const;

    // The function that reads a long range on the worker thread; tests substitute one they can
    // hold back. Defaults to loadChartRange.
    using RangeLoader = std::function<ChartFrame(const ChartRangeQuery &)>;
    void setRangeLoader(RangeLoader loader);

Q_SIGNALS:
    void rangeIndexChanged(int index);
    void shownTasksChanged(const QStringList &tasks);
    void redrawn();                      // after every redraw (none while hidden)
    void rangeLoaded(quint64 requestId); // a database result was drawn
    void liveSeeded(int ticks);          // -1: the store could not be read (logged)

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRedraw();
    void redraw();
    bool drawsFromDatabase() const;
    void requestRange();
    void onRangeLoaded(quint64 requestId, const ChartFrame &frame);
    void onSeeded(const RecordBatch &seed, const QString &error);
    void onPlotAreaChanged();
    void mergeAdminActions(const QVector<AuditEntry> &entries);
    void rebuildTaskMenu();
    void updateStatus();
    LiveChart *liveChart(ChartId id) const;

    std::shared_ptr<const Clock> m_clock;
    RangeLoader m_loader;
    LiveChartData m_live;
    HeartbeatConfig m_config;
    QStringList m_knownTasks;          // from snapshots, for the task picker
    QStringList m_shownTasks;
    QVector<AuditEntry> m_adminActions; // seen in snapshots, bounded, oldest first
    QVector<AuditEntry> m_machineMarkers; // machine_down / machine_up, bounded, oldest first
    QString m_metricsPath;
    int m_range = Last5Minutes;
    bool m_seeding = false;
    quint64 m_seedId = 0;               // the seed being read; a given-up one is ignored
    QVector<RecordBatch> m_heldBatches; // arrived while seeding

    std::optional<ChartFrame> m_loaded; // the newest database result for the current range
    quint64 m_lastRequestId = 0;
    quint64 m_loadingRequestId = 0;
    quint64 m_shownRequestId = 0;
    int m_droppedResults = 0;
    int m_requestedColumns = 0;
    int m_drawnColumns = 0;

    QButtonGroup *m_rangeButtons;
    QToolButton *m_tasksButton;
    QMenu *m_tasksMenu;
    QLabel *m_status;
    std::unique_ptr<ExecutionChart> m_execution;
    std::unique_ptr<LiveChart> m_success;
    std::unique_ptr<LiveChart> m_resources;
    std::unique_ptr<LiveChart> m_shards;

    QTimer m_redrawTimer;
    QTimer m_scrollTimer;
    QTimer m_refreshTimer;
    QTimer m_resizeRequestTimer;
};

} // namespace hb
