#include "chartpanel.h"

#include "background.h"
#include "chartview.h"
#include "executionchart.h"
#include "format.h"
#include "resourcechart.h"
#include "shardchart.h"
#include "successchart.h"
#include "uilogging.h"

#include <QButtonGroup>
#include <QChart>
#include <QFileInfo>
#include <QGridLayout>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <limits>

namespace hb {

namespace {

constexpr int kMaxAdminActions = 500; // live markers kept; the chart draws the newest in range

} // namespace

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_clock(std::make_shared<SystemClock>())
    , m_loader(loadChartRange)
    , m_rangeButtons(new QButtonGroup(this))
    , m_tasksButton(new QToolButton(this))
    , m_tasksMenu(new QMenu(this))
    , m_status(new QLabel(this))
    , m_execution(std::make_unique<ExecutionChart>(this))
    , m_success(std::make_unique<SuccessChart>(this))
    , m_resources(std::make_unique<ResourceChart>(this))
    , m_shards(std::make_unique<ShardChart>(this))
{
    setObjectName(QStringLiteral("chartPanel"));

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(2);
    const QString labels[RangeCount] = {tr("5 min"), tr("1 h"), tr("24 h"), tr("7 d")};
    const QString tips[RangeCount] = {tr("Last 5 minutes, live"), tr("Last hour"),
                                      tr("Last 24 hours"), tr("Last 7 days")};
    for (int i = 0; i < RangeCount; ++i) {
        auto *button = new QToolButton(this);
        button->setText(labels[i]);
        button->setToolTip(tips[i]);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setObjectName(u"range" + QString::number(i));
        // The chosen range must read at a glance, focus or not.
        button->setStyleSheet(QStringLiteral(
            "QToolButton { padding: 1px 7px; border: 1px solid transparent; border-radius: 3px; }"
            "QToolButton:hover { border-color: palette(mid); }"
            "QToolButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); }"));
        m_rangeButtons->addButton(button, i);
        header->addWidget(button);
    }
    m_rangeButtons->button(m_range)->setChecked(true);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, &ChartPanel::setRangeIndex);

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

    for (int i = 0; i < ChartCount; ++i)
        connect(chart(ChartId(i)), &QChart::plotAreaChanged, this,
                &ChartPanel::onPlotAreaChanged);

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(RedrawDelayMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, &ChartPanel::redraw);
    m_scrollTimer.setInterval(ScrollIntervalMs);
    connect(&m_scrollTimer, &QTimer::timeout, this, [this] {
        if (isVisible() && !drawsFromDatabase())
            scheduleRedraw();
    });
    m_scrollTimer.start();
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (isVisible() && drawsFromDatabase())
            requestRange();
    });
    m_refreshTimer.start();
    m_resizeRequestTimer.setSingleShot(true);
    m_resizeRequestTimer.setInterval(ResizeSettleMs);
    connect(&m_resizeRequestTimer, &QTimer::timeout, this, &ChartPanel::requestRange);

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
    m_loader = loader ? std::move(loader) : RangeLoader(loadChartRange);
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
        this, [path, fromMs, toMs] { return loadRecentRecords(path, fromMs, toMs); },
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

qint64 ChartPanel::rangeSpanMs(int index)
{
    switch (index) {
    case LastHour:
        return 3'600'000;
    case LastDay:
        return 86'400'000;
    case LastWeek:
        return 7 * 86'400'000LL;
    default:
        return 5 * 60'000;
    }
}

void ChartPanel::setRangeIndex(int index)
{
    index = std::clamp(index, 0, RangeCount - 1);
    if (QAbstractButton *button = m_rangeButtons->button(index); !button->isChecked())
        button->setChecked(true);
    if (index == m_range)
        return;
    m_range = index;
    m_loaded.reset();
    requestRange();
    updateStatus();
    redraw(); // the axes jump to the new range now, data follows
    Q_EMIT rangeIndexChanged(index);
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
    return m_range != Last5Minutes && !m_metricsPath.isEmpty();
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

    const qint64 now = m_clock->nowMs();
    const qint64 from = now - rangeSpanMs(m_range);
    ChartFrame frame;
    if (!drawsFromDatabase()) {
        frame = m_live.frame(from, now, context.columns, m_shownTasks);
    } else if (m_loaded) {
        frame = *m_loaded;
    } else { // waiting for the first result: the range's axes, no data
        frame.fromMs = from;
        frame.toMs = now;
        frame.columns = context.columns;
    }
    m_execution->show(frame, context);
    m_success->show(frame, context);
    m_resources->show(frame, context);
    m_shards->show(frame, context);
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
    if (!drawsFromDatabase()) {
        // Live data from now on: an answer still on its way is about a range no longer shown.
        if (m_loadingRequestId != 0) {
            ++m_lastRequestId;
            m_loadingRequestId = 0;
        }
        return;
    }
    const quint64 id = ++m_lastRequestId;
    ChartRangeQuery query;
    query.path = m_metricsPath;
    query.toMs = m_clock->nowMs();
    query.fromMs = query.toMs - rangeSpanMs(m_range);
    query.columns = plotWidth();
    query.tasks = m_shownTasks;
    m_requestedColumns = query.columns;
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
    if (m_range != Last5Minutes && m_metricsPath.isEmpty()) {
        text = tr("Live data only");
        tip = tr("No metrics file: showing what this window has seen since it opened");
    } else if (drawsFromDatabase() && m_loadingRequestId != 0) {
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

} // namespace hb
