#pragma once

#include "chartframe.h"
#include "chartrangeloader.h"
#include "core/clock.h"
#include "core/config.h"
#include "livechartdata.h"
#include "machines/machinetypes.h"
#include "recordfeed.h"
#include "snapshot.h"

#include <QElapsedTimer>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QChart;
class QLabel;
class QLineSeries;
class QMenu;
class QToolButton;
QT_END_NAMESPACE

namespace hb {

class ChartMouseZoom;
class ChartRangeBar;
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
//
// Analysis (chartpanelrange.cpp): an absolute range (setTimeRange, "Custom…"), a recorded file's
// presets relative to its end (setDataBounds), zoom and pan with the mouse on any chart (the
// four always share one time axis), Back / Forward through the zoom history, and a click on a
// point reporting the bucket behind it (bucketClicked).
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    // Live presets are the first four; a recorded file has All instead of Last5Minutes.
    enum Range { Last5Minutes, LastHour, LastDay, LastWeek, All };
    Q_ENUM(Range)
    static constexpr int RangeCount = 5;
    enum ChartId { ExecutionTimeChart, SuccessRateChart, ResourcesChart, ShardLoadChart };
    Q_ENUM(ChartId)
    static constexpr int ChartCount = 4;

    static constexpr int RedrawDelayMs = 100;
    static constexpr int ScrollIntervalMs = 1'000;   // the live range moves with the clock
    static constexpr int RefreshIntervalMs = 30'000; // a long range re-reads the database
    static constexpr int ResizeSettleMs = 300;       // re-read at a new width once resizing stops
    static constexpr int LoadingShownAfterMs = 300;  // a read taking longer says "Loading…"
    static constexpr int ZoomSettleMs = 120;         // wheel and pan read once the mouse rests
    static constexpr int MaxHistory = 100;           // zoom history steps kept
    static constexpr qint64 MinSpanMs = 1'000;       // the narrowest range a zoom may show

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

    // The selected preset, a Range value (persisted by the main window's settings). While a
    // zoomed or custom range is shown, the preset it was reached from.
    int rangeIndex() const { return m_view.preset >= 0 ? m_view.preset : m_lastPreset; }
    void setRangeIndex(int index);
    static qint64 rangeSpanMs(int index); // 0 for All

    // The range the charts show, [from, to) in epoch ms; live presets move with the clock.
    struct TimeRange
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        bool operator==(const TimeRange &o) const { return fromMs == o.fromMs && toMs == o.toMs; }
    };
    TimeRange timeRange() const;
    // Shows [fromMs, toMs) from metrics.db (from the live buffers without a metrics path), as a
    // step of the zoom history. The range stays put: it does not move with the clock.
    void setTimeRange(qint64 fromMs, qint64 toMs);
    // True while the range is a zoom, pan or custom range rather than a preset.
    bool isCustomRange() const { return m_view.preset < 0; }

    // Recorded mode: the panel shows a file covering [firstMs, lastMs]. Presets become Last
    // hour / day / week / All relative to lastMs (no live 5-minute one), and the range shows all
    // of the file when it was live before. Called again (a file that grows), a preset follows the
    // new end. clearDataBounds() returns to live mode on the live 5 minutes.
    void setDataBounds(qint64 firstMs, qint64 lastMs);
    void clearDataBounds();
    bool isRecorded() const { return m_recorded; }

    // Zoom history (Alt+Left / Alt+Right), for the window's menus as well as the panel's buttons.
    QAction *backAction() const { return m_backAction; }
    QAction *forwardAction() const { return m_forwardAction; }
    void goBack();
    void goForward();
    // Opens the "Custom…" range dialog (non-modal; a chosen range becomes a history step).
    void chooseCustomRange();

    // One chart as the user sees it, for export as PNG.
    QImage renderChart(ChartId id);

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
    QString markerToolTip(qint64 ms) const; // what hovering the marker at `ms` shows
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

    // Compare mode (chartghost.cpp): range B's tick-time and success-rate lines drawn dashed
    // and lighter over the shown range A, shifted by A.from − B.from so B's start lines up with
    // A's. B keeps its offset from A: when A changes, B moves with it (as long as A) and is read
    // again. Read from metrics.db on a worker thread with the same tasks and plot width as A;
    // a result for a B no longer asked for is dropped. Without a metrics path nothing is drawn.
    void setGhostRange(qint64 bFromMs, qint64 bToMs);
    void clearGhostRange();
    bool hasGhostRange() const { return m_ghostOffsetMs.has_value(); }
    TimeRange ghostRange() const; // B as it follows the shown A; {0, 0} without one
    bool isGhostLoading() const { return m_ghostLoadingId != 0; }

Q_SIGNALS:
    void rangeIndexChanged(int index);
    // Any change of the shown range: preset, zoom, pan, custom, Back / Forward.
    void timeRangeChanged(qint64 fromMs, qint64 toMs);
    // A click on a chart: the bucket under the cursor, [fromMs, toMs), and the task whose line
    // was clicked (empty when the click was not on a task's own line).
    void bucketClicked(qint64 fromMs, qint64 toMs, const QString &task);
    void shownTasksChanged(const QStringList &tasks);
    void redrawn();                      // after every redraw (none while hidden)
    void rangeLoaded(quint64 requestId); // a database result was drawn
    void liveSeeded(int ticks);          // -1: the store could not be read (logged)
    void ghostLoaded();                  // range B's frame was read and drawn

protected:
    void showEvent(QShowEvent *event) override;

private:
    // What the charts show: a preset (relative to now live, to the file's end recorded) or a
    // fixed range (preset -1). A step of the zoom history.
    struct View
    {
        int preset = Last5Minutes;
        qint64 fromMs = 0; // fixed ranges and recorded presets
        qint64 toMs = 0;
        bool operator==(const View &o) const
        {
            return preset == o.preset && fromMs == o.fromMs && toMs == o.toMs;
        }
    };
    View presetView(int preset) const;
    bool followsClock() const; // a live preset
    void navigate(const View &view, bool addToHistory, bool readNow = true);
    void pushHistory(const View &view);
    void applyView(const View &view, bool readNow);
    void updateHistoryActions();
    void onZoomed(qint64 fromMs, qint64 toMs, bool wheel);
    void onChartClicked(ChartId id, qint64 atMs, QPoint viewportPos);
    TimeRange bucketAt(qint64 atMs) const;

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
    void requestGhost();
    void drawGhost();
    QLineSeries *ghostSeries(ChartId id, const QString &baseObjectName, const QString &name);

    std::shared_ptr<const Clock> m_clock;
    RangeLoader m_loader;
    LiveChartData m_live;
    HeartbeatConfig m_config;
    QStringList m_knownTasks;          // from snapshots, for the task picker
    QStringList m_shownTasks;
    QVector<AuditEntry> m_adminActions; // seen in snapshots, bounded, oldest first
    QVector<AuditEntry> m_machineMarkers; // machine_down / machine_up, bounded, oldest first
    QString m_metricsPath;
    View m_view;
    int m_lastPreset = Last5Minutes;
    QVector<View> m_back;
    QVector<View> m_forward;
    std::optional<View> m_panOrigin; // the view a pan drag started from
    QElapsedTimer m_sinceWheelStep; // wheel notches in quick succession make one history step
    bool m_recorded = false;
    qint64 m_dataFirstMs = 0;
    qint64 m_dataLastMs = 0;
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

    QAction *m_backAction;
    QAction *m_forwardAction;
    ChartRangeBar *m_rangeBar;
    QToolButton *m_tasksButton;
    QMenu *m_tasksMenu;
    QLabel *m_status;
    std::unique_ptr<ExecutionChart> m_execution;
    std::unique_ptr<LiveChart> m_success;
    std::unique_ptr<LiveChart> m_resources;
    std::unique_ptr<LiveChart> m_shards;
    ChartMouseZoom *m_zoom[ChartCount] = {};

    // Compare mode's ghost (chartghost.cpp).
    std::optional<qint64> m_ghostOffsetMs; // A.from − B.from, kept as A changes
    qint64 m_ghostLengthMs = 0;            // B's own length
    std::optional<ChartFrame> m_ghost;     // range B's frame, already shifted onto A's axis
    quint64 m_ghostRequestId = 0;
    quint64 m_ghostLoadingId = 0;
    QLineSeries *m_ghostTick = nullptr;
    QLineSeries *m_ghostSuccess = nullptr;
    QMetaObject::Connection m_ghostRangeConnection;
    QMetaObject::Connection m_ghostRedrawConnection;

    QTimer m_redrawTimer;
    QTimer m_scrollTimer;
    QTimer m_refreshTimer;
    QTimer m_resizeRequestTimer;
    QTimer m_zoomRequestTimer;   // a wheel or pan read, once the mouse rests
    QTimer m_loadingShownTimer;  // "Loading…" only for reads that take a while
};

} // namespace hb
