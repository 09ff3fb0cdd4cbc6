#include "chartpanel.h"

#include "background.h"
#include "chartrangebar.h"
#include "chartview.h"
#include "chartzoom.h"
#include "executionchart.h"
#include "format.h"
#include "historystore.h"
#include "resourcechart.h"
#include "shardchart.h"
#include "successchart.h"
#include "uilogging.h"

#include <QAction>
#include <QChart>
#include <QFileInfo>
#include <QGridLayout>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <limits>

namespace hb {

namespace {

constexpr int kMaxAdminActions = 500; // live markers kept; the chart draws the newest in range

} // namespace

// Every read of the stored history goes through the source's HistoryStore
// (docs/architecture.md, "Sources").
static ChartFrame readFromHistory(const ChartRangeQuery &query)
{
    return HistoryStore(query.path).chartRange(query);
}

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_clock(std::make_shared<SystemClock>())
    , m_loader(readFromHistory)
    , m_backAction(new QAction(tr("Back"), this))
    , m_forwardAction(new QAction(tr("Forward"), this))
    , m_rangeBar(nullptr)
    , m_tasksButton(new QToolButton(this))
    , m_tasksMenu(new QMenu(this))
    , m_status(new QLabel(this))
    , m_execution(std::make_unique<ExecutionChart>(this))
    , m_success(std::make_unique<SuccessChart>(this))
    , m_resources(std::make_unique<ResourceChart>(this))
    , m_shards(std::make_unique<ShardChart>(this))
{
    setObjectName(QStringLiteral("chartPanel"));

    m_backAction->setObjectName(QStringLiteral("zoomBack"));
    m_backAction->setShortcut(QKeySequence::Back);
    m_backAction->setToolTip(tr("Back to the previous time range (%1)")
                                 .arg(m_backAction->shortcut().toString(QKeySequence::NativeText)));
    m_backAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_forwardAction->setObjectName(QStringLiteral("zoomForward"));
    m_forwardAction->setShortcut(QKeySequence::Forward);
    m_forwardAction->setToolTip(
        tr("Forward to the next time range (%1)")
            .arg(m_forwardAction->shortcut().toString(QKeySequence::NativeText)));
    m_forwardAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    connect(m_backAction, &QAction::triggered, this, &ChartPanel::goBack);
    connect(m_forwardAction, &QAction::triggered, this, &ChartPanel::goForward);
    addAction(m_backAction); // the shortcuts work in the panel's window without a menu
    addAction(m_forwardAction);
    m_rangeBar = new ChartRangeBar(m_backAction, m_forwardAction, this);
    connect(m_rangeBar, &ChartRangeBar::presetClicked, this, &ChartPanel::setRangeIndex);
    connect(m_rangeBar, &ChartRangeBar::customClicked, this, &ChartPanel::chooseCustomRange);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(2);
    header->addWidget(m_rangeBar);
    header->addSpacing(8);
    m_tasksButton->setObjectName(QStringLiteral("tasksButton"));
    m_tasksButton->setText(tr("Tasks"));
    m_tasksButton->setToolTip(tr("Show the run time of chosen tasks on the tick-time chart"));
    m_tasksButton->setAutoRaise(true);
    m_tasksButton->setPopupMode(QToolButton::InstantPopup);
    m_tasksButton->setMenu(m_tasksMenu);
    connect(m_tasksMenu, &QMenu::aboutToShow, this, &ChartPanel::rebuildTaskMenu);
    header->addWidget(m_tasksButton);

    m_status->setObjectName(QStringLiteral("chartStatus"));
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(m_status, 1);

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    grid->addWidget(m_execution->view(), 0, 0);
    grid->addWidget(m_success->view(), 0, 1);
    grid->addWidget(m_resources->view(), 1, 0);
    grid->addWidget(m_shards->view(), 1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addLayout(grid, 1);

    m_execution->view()->setMarkersDrawn(false);
    for (int i = 0; i < ChartCount; ++i) {
        const ChartId id = ChartId(i);
        connect(chart(id), &QChart::plotAreaChanged, this, &ChartPanel::onPlotAreaChanged);
        m_zoom[i] = new ChartMouseZoom(chartView(id));
        connect(m_zoom[i], &ChartMouseZoom::zoomed, this, &ChartPanel::onZoomed);
        connect(m_zoom[i], &ChartMouseZoom::panning, this, [this](qint64 from, qint64 to) {
            // The moves of a drag are drawn as they come and make one history step at the end.
            if (!m_panOrigin)
                m_panOrigin = m_view;
            navigate({-1, from, to}, false, false);
        });
        connect(m_zoom[i], &ChartMouseZoom::panned, this, [this](qint64 from, qint64 to) {
            const View origin = m_panOrigin.value_or(m_view);
            m_panOrigin.reset();
            if (!(origin == View{-1, from, to}))
                pushHistory(origin);
            navigate({-1, from, to}, false);
        });
        connect(m_zoom[i], &ChartMouseZoom::clicked, this,
                [this, id](qint64 at, QPoint pos) { onChartClicked(id, at, pos); });
    }

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(RedrawDelayMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, &ChartPanel::redraw);
    m_scrollTimer.setInterval(ScrollIntervalMs);
    connect(&m_scrollTimer, &QTimer::timeout, this, [this] {
        if (isVisible() && !drawsFromDatabase() && followsClock())
            scheduleRedraw();
    });
    m_scrollTimer.start();
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (isVisible() && drawsFromDatabase() && followsClock())
            requestRange();
    });
    m_refreshTimer.start();
    m_resizeRequestTimer.setSingleShot(true);
    m_resizeRequestTimer.setInterval(ResizeSettleMs);
    connect(&m_resizeRequestTimer, &QTimer::timeout, this, &ChartPanel::requestRange);
    m_zoomRequestTimer.setSingleShot(true);
    m_zoomRequestTimer.setInterval(ZoomSettleMs);
    connect(&m_zoomRequestTimer, &QTimer::timeout, this, &ChartPanel::requestRange);
    m_loadingShownTimer.setSingleShot(true);
    m_loadingShownTimer.setInterval(LoadingShownAfterMs);
    connect(&m_loadingShownTimer, &QTimer::timeout, this, &ChartPanel::updateStatus);

    m_rangeBar->setCheckedPreset(m_view.preset);
    updateHistoryActions();

    updateStatus();
}

ChartPanel::~ChartPanel() = default;

void ChartPanel::setClock(std::shared_ptr<const Clock> clock)
{
    m_clock = clock ? std::move(clock) : std::make_shared<SystemClock>();
    scheduleRedraw();
}

void ChartPanel::setRangeLoader(RangeLoader loader)
{
    m_loader = loader ? std::move(loader) : RangeLoader(readFromHistory);
}

void ChartPanel::addRecords(const RecordBatch &records)
{
    if (m_seeding) {
        m_heldBatches.append(records);
        if (m_heldBatches.size() <= MaxHeldBatches)
            return;
        // The store does not answer (a locked or very slow file): go on live without it.
        qCWarning(lcUi) << "live charts: the store took too long; going on without it";
        m_seeding = false;
        ++m_seedId;
        for (const RecordBatch &held : std::exchange(m_heldBatches, {}))
            m_live.add(held);
        Q_EMIT liveSeeded(-1);
        updateStatus();
        scheduleRedraw();
        return;
    }
    m_live.add(records);
    if (!drawsFromDatabase())
        scheduleRedraw();
}

void ChartPanel::setSnapshot(const EngineSnapshot &snapshot)
{
    const EngineState &state = *snapshot;
    m_config = state.config;
    m_knownTasks.clear();
    for (const TaskStatus &task : state.tasks)
        m_knownTasks.append(task.name);
    mergeAdminActions(state.recentAudit);
    scheduleRedraw();
}

void ChartPanel::mergeAdminActions(const QVector<AuditEntry> &entries)
{
    // recentAudit is the engine's newest-last tail: only entries at or after the newest kept
    // one can be new, and those with the same time are checked against the kept ones.
    const qint64 newest = m_adminActions.isEmpty() ? LLONG_MIN : m_adminActions.last().tsMs;
    for (const AuditEntry &e : entries) {
        if (e.tsMs < newest || !isAdminMarkerAction(e.action))
            continue;
        bool known = false;
        for (auto it = m_adminActions.crbegin(); it != m_adminActions.crend() && it->tsMs >= e.tsMs;
             ++it) {
            if (it->tsMs == e.tsMs && it->action == e.action && it->actor == e.actor
                && it->detail == e.detail) {
                known = true;
                break;
            }
        }
        if (!known)
            m_adminActions.append(e);
    }
    if (m_adminActions.size() > kMaxAdminActions)
        m_adminActions.remove(0, m_adminActions.size() - kMaxAdminActions);
}

void ChartPanel::addMachineTransition(const MachineTransition &transition)
{
    // Only what a person looking at the curves wants explained: a machine lost or back.
    const std::optional<AuditEntry> marker =
        machineMarker(transition.atMs, transition.machine, machineStateName(transition.from),
                      machineStateName(transition.to), transition.reason);
    if (!marker)
        return;
    const auto at = std::upper_bound(
        m_machineMarkers.begin(), m_machineMarkers.end(), marker->tsMs,
        [](qint64 ts, const AuditEntry &e) { return ts < e.tsMs; });
    m_machineMarkers.insert(at, *marker);
    if (m_machineMarkers.size() > kMaxAdminActions)
        m_machineMarkers.remove(0, m_machineMarkers.size() - kMaxAdminActions);
    scheduleRedraw();
}

void ChartPanel::setMetricsPath(const QString &path)
{
    if (path == m_metricsPath)
        return;
    m_metricsPath = path;
    m_loaded.reset();
    requestRange();
    updateStatus();
    scheduleRedraw();
}

void ChartPanel::seedLiveFromStore()
{
    if (m_seeding || m_metricsPath.isEmpty() || !QFileInfo::exists(m_metricsPath))
        return;
    m_seeding = true;
    const quint64 id = ++m_seedId;
    const QString path = m_metricsPath;
    const qint64 toMs = m_clock->nowMs() + 1;
    const qint64 fromMs = toMs - SeedSpanMs;
    attemptInBackground(
        this, [path, fromMs, toMs] { return HistoryStore(path).recentRecords(fromMs, toMs); },
        [this, id](const Attempt<RecordBatch> &seed) {
            if (id == m_seedId && m_seeding)
                onSeeded(seed.value, seed.error);
        });
}

void ChartPanel::onSeeded(const RecordBatch &seed, const QString &error)
{
    m_seeding = false;
    if (!error.isEmpty())
        qCWarning(lcUi).noquote() << "cannot fill the live charts from the store:" << error;
    m_live.add(seed);
    // What the store gave may also have come live meanwhile: keep only what is newer.
    qint64 lastTick = 0;
    for (const TickRecord &t : seed.ticks)
        lastTick = std::max(lastTick, t.id);
    QHash<QString, qint64> lastSampleMs; // per series: a late sample of one series is no repeat
    for (const Sample &s : seed.samples)
        lastSampleMs[s.series] = std::max(lastSampleMs.value(s.series), s.tsMs);
    for (RecordBatch batch : std::exchange(m_heldBatches, {})) {
        batch.ticks.removeIf([lastTick](const TickRecord &t) { return t.id <= lastTick; });
        batch.executions.removeIf([lastTick](const ExecutionRecord &r) { return r.tickId <= lastTick; });
        batch.samples.removeIf([&lastSampleMs](const Sample &s) {
            return s.tsMs <= lastSampleMs.value(s.series, std::numeric_limits<qint64>::min());
        });
        m_live.add(batch);
    }
    qCDebug(lcUi) << "live charts filled from the store:" << seed.ticks.size() << "ticks";
    Q_EMIT liveSeeded(error.isEmpty() ? int(seed.ticks.size()) : -1);
    updateStatus();
    scheduleRedraw();
}

void ChartPanel::setShownTasks(const QStringList &tasks)
{
    QStringList sorted = tasks;
    sorted.sort();
    sorted.removeDuplicates();
    if (sorted == m_shownTasks)
        return;
    m_shownTasks = sorted;
    requestRange();
    scheduleRedraw();
    Q_EMIT shownTasksChanged(m_shownTasks);
}

void ChartPanel::setTaskShown(const QString &task, bool shown)
{
    QStringList tasks = m_shownTasks;
    if (shown)
        tasks.append(task);
    else
        tasks.removeAll(task);
    setShownTasks(tasks);
}

void ChartPanel::rebuildTaskMenu()
{
    m_tasksMenu->clear();
    QStringList names = m_knownTasks;
    names.append(m_live.taskNames());
    names.append(m_shownTasks);
    names.sort();
    names.removeDuplicates();
    if (names.isEmpty()) {
        m_tasksMenu->addAction(tr("No task has run yet"))->setEnabled(false);
        return;
    }
    for (const QString &task : names) {
        QAction *action = m_tasksMenu->addAction(format::taskTitle(task));
        action->setCheckable(true);
        action->setChecked(m_shownTasks.contains(task));
        connect(action, &QAction::toggled, this,
                [this, task](bool on) { setTaskShown(task, on); });
    }
}

bool ChartPanel::drawsFromDatabase() const
{
    return !m_metricsPath.isEmpty() && !(followsClock() && m_view.preset == Last5Minutes);
}

void ChartPanel::scheduleRedraw()
{
    if (!m_redrawTimer.isActive())
        m_redrawTimer.start();
}

void ChartPanel::redrawNow()
{
    m_redrawTimer.stop();
    redraw();
}

int ChartPanel::plotWidth() const
{
    int width = INT_MAX;
    for (int i = 0; i < ChartCount; ++i)
        width = std::min(width, chartView(ChartId(i))->plotWidth());
    return std::max(width, 1);
}

void ChartPanel::redraw()
{
    m_redrawTimer.stop();
    if (!isVisible())
        return; // a hidden panel costs nothing; showEvent() draws what it missed
    ChartContext context;
    context.config = m_config;
    context.adminActions = m_adminActions;
    if (!m_machineMarkers.isEmpty()) {
        context.adminActions += m_machineMarkers;
        std::stable_sort(context.adminActions.begin(), context.adminActions.end(),
                         [](const AuditEntry &a, const AuditEntry &b) { return a.tsMs < b.tsMs; });
    }
    context.columns = plotWidth();
    m_drawnColumns = context.columns;

    const TimeRange range = timeRange();
    ChartFrame frame;
    if (!drawsFromDatabase()) {
        frame = m_live.frame(range.fromMs, range.toMs, context.columns, m_shownTasks);
    } else if (m_loaded) {
        // A zoom or pan shows the data it has on the new axis until the new range is read.
        frame = *m_loaded;
        context.axisFromMs = range.fromMs;
        context.axisToMs = range.toMs;
    } else { // waiting for the first result: the range's axes, no data
        frame.fromMs = range.fromMs;
        frame.toMs = range.toMs;
        frame.columns = context.columns;
    }
    m_execution->show(frame, context);
    m_success->show(frame, context);
    m_resources->show(frame, context);
    m_shards->show(frame, context);
    // The tick-time chart's markers across the other three as well: one time axis, one story.
    // (The tick-time chart draws its own; its view gives their text where the line is.)
    const QVector<ChartView::Marker> markers = m_execution->shownMarkers();
    for (LiveChart *chart : {static_cast<LiveChart *>(m_execution.get()), m_success.get(),
                             m_resources.get(), m_shards.get()})
        chart->view()->setMarkers(markers);
    Q_EMIT redrawn();
}

void ChartPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    scheduleRedraw();
}

void ChartPanel::onPlotAreaChanged()
{
    const int columns = plotWidth();
    if (columns == m_drawnColumns)
        return;
    scheduleRedraw();
    // A result made for a much wider or narrower plot is read again at the new width.
    // (Once the resizing stops: a window dragged wider must not start a read per pixel.)
    if (drawsFromDatabase() && m_requestedColumns > 0
        && std::abs(columns - m_requestedColumns) * 5 > m_requestedColumns)
        m_resizeRequestTimer.start();
}

void ChartPanel::requestRange()
{
    m_resizeRequestTimer.stop();
    m_zoomRequestTimer.stop();
    if (!drawsFromDatabase()) {
        // Live data from now on: an answer still on its way is about a range no longer shown.
        if (m_loadingRequestId != 0) {
            ++m_lastRequestId;
            m_loadingRequestId = 0;
            m_loadingShownTimer.stop();
            updateStatus();
        }
        return;
    }
    const quint64 id = ++m_lastRequestId;
    ChartRangeQuery query;
    query.path = m_metricsPath;
    const TimeRange range = timeRange();
    query.fromMs = range.fromMs;
    query.toMs = range.toMs;
    query.columns = plotWidth();
    query.tasks = m_shownTasks;
    m_requestedColumns = query.columns;
    if (m_loadingRequestId == 0)
        m_loadingShownTimer.start(); // a newer read while one runs: the wait goes on
    m_loadingRequestId = id;

    // The answer is delivered to the panel: once it is gone, the result goes nowhere.
    const RangeLoader loader = m_loader;
    runInBackground(
        this,
        [loader, query] {
            try {
                return loader(query);
            } catch (const std::exception &e) { // loadChartRange reports its own; anything else
                ChartFrame failed;
                failed.fromMs = query.fromMs;
                failed.toMs = query.toMs;
                failed.error = QString::fromLocal8Bit(e.what());
                return failed;
            }
        },
        [this, id](const ChartFrame &frame) { onRangeLoaded(id, frame); });
    qCDebug(lcUi) << "chart range request" << id << "from" << query.path;
    updateStatus();
}

void ChartPanel::onRangeLoaded(quint64 requestId, const ChartFrame &frame)
{
    if (requestId != m_lastRequestId) {
        // A newer request was made meanwhile: this answer is about a range no longer asked for.
        ++m_droppedResults;
        qCDebug(lcUi) << "dropping stale chart range" << requestId << "newest" << m_lastRequestId;
        return;
    }
    m_loadingRequestId = 0;
    m_loadingShownTimer.stop();
    m_shownRequestId = requestId;
    m_loaded = frame;
    updateStatus();
    redraw();
    Q_EMIT rangeLoaded(requestId);
}

QString ChartPanel::statusText() const
{
    return m_status->text();
}

void ChartPanel::updateStatus()
{
    QString text;
    QString tip;
    bool error = false;
    if (!(followsClock() && m_view.preset == Last5Minutes) && m_metricsPath.isEmpty()) {
        text = tr("Live data only");
        tip = tr("No metrics file: showing what this window has seen since it opened");
    } else if (drawsFromDatabase() && m_loadingRequestId != 0 && !m_loadingShownTimer.isActive()) {
        text = tr("Loading…");
    } else if (drawsFromDatabase() && m_loaded && !m_loaded->error.isEmpty()) {
        text = tr("Cannot read history");
        tip = m_loaded->error;
        error = true;
    }
    m_status->setText(text);
    m_status->setToolTip(tip);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

LiveChart *ChartPanel::liveChart(ChartId id) const
{
    switch (id) {
    case ExecutionTimeChart:
        return m_execution.get();
    case SuccessRateChart:
        return m_success.get();
    case ResourcesChart:
        return m_resources.get();
    case ShardLoadChart:
        return m_shards.get();
    }
    return m_execution.get();
}

QChart *ChartPanel::chart(ChartId id) const
{
    return liveChart(id)->chart();
}

ChartView *ChartPanel::chartView(ChartId id) const
{
    return liveChart(id)->view();
}

bool ChartPanel::showsNoData(ChartId id) const
{
    return liveChart(id)->isEmpty();
}

QList<qint64> ChartPanel::markerTimes() const
{
    return m_execution->markerTimes();
}

QString ChartPanel::markerToolTip(qint64 ms) const
{
    return m_execution->markerTextAt(ms);
}

} // namespace hb
