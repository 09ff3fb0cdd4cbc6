#include "api/prometheus.h"

#include <QLocale>
#include <QString>

#include <cmath>
#include <utility>

namespace hb {

namespace {

constexpr Outcome kOutcomes[] = {Outcome::Success, Outcome::Failure, Outcome::Timeout,
                                 Outcome::Skipped, Outcome::Cancelled};
static_assert(int(Outcome::Cancelled) + 1 == int(std::size(kOutcomes)));
constexpr BreakerState kBreakerStates[] = {BreakerState::Closed, BreakerState::Open,
                                           BreakerState::HalfOpen};
constexpr Severity kSeverities[] = {Severity::Info, Severity::Warning, Severity::Critical};
constexpr MachineState kMachineStates[] = {MachineState::New, MachineState::Up, MachineState::Down,
                                           MachineState::Paused};

// The sample series (engine/tasks) the gauges are read from.
const QString kCyclesSeries = QStringLiteral("cycles.balance");
const QString kShardCountSeries = QStringLiteral("shard.count");
const QString kShardLoadPrefix = QStringLiteral("shard.load."); // + 4-digit shard id
const QString kLoansActiveSeries = QStringLiteral("loans.active");
const QString kLoansOverdueSeries = QStringLiteral("loans.overdue");
const QString kOracleErrorRateSeries = QStringLiteral("oracle.error_rate");
const QString kOracleLatencySeries = QStringLiteral("oracle.latency_ms");

using Labels = std::initializer_list<std::pair<const char *, QString>>;

// A value as the exposition format spells it: integers without a fraction, other numbers in
// their shortest exact form, and the format's own words for the non-finite ones.
QString formatValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (std::trunc(value) == value && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// Label values escape backslash, double quote and line feed; HELP text only the first and last.
QString escaped(const QString &text, bool quote)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\')
            out += QLatin1String("\\\\");
        else if (c == u'\n')
            out += QLatin1String("\\n");
        else if (quote && c == u'"')
            out += QLatin1String("\\\"");
        else
            out += c;
    }
    return out;
}

// Writes the page: one family at a time, its HELP and TYPE lines first.
class PageWriter
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_name = QLatin1String(name);
        m_text += u"# HELP " + m_name + u' ' + escaped(QLatin1String(help), false) + u'\n';
        m_text += u"# TYPE " + m_name + u' ' + QLatin1String(type) + u'\n';
    }
    // A sample of the current family; `suffix` names a histogram's _bucket, _sum or _count.
    void sample(double value, Labels labels = {}, const char *suffix = "")
    {
        m_text += m_name + QLatin1String(suffix);
        if (labels.size() > 0) {
            m_text += u'{';
            bool first = true;
            for (const auto &[label, labelValue] : labels) {
                if (!first)
                    m_text += u',';
                first = false;
                m_text += QLatin1String(label) + u"=\"" + escaped(labelValue, true) + u'"';
            }
            m_text += u'}';
        }
        m_text += u' ' + formatValue(value) + u'\n';
    }
    QByteArray page() const { return m_text.toUtf8(); }

private:
    QString m_text;
    QString m_name;
};

std::optional<double> gauge(const EngineState &state, const QString &series)
{
    const auto it = state.gauges.constFind(series);
    if (it == state.gauges.constEnd())
        return std::nullopt;
    return *it;
}

// The shard id of a "shard.load.NNNN" series; nullopt for any other series.
std::optional<int> shardOf(const QString &series)
{
    if (!series.startsWith(kShardLoadPrefix))
        return std::nullopt;
    bool ok = false;
    const int id = QStringView(series).mid(kShardLoadPrefix.size()).toInt(&ok);
    return ok ? std::optional<int>(id) : std::nullopt;
}

} // namespace

MetricsExposition::MetricsExposition() = default;

void MetricsExposition::ensureTask(const QString &task)
{
    if (!m_runs.contains(task))
        m_runs.insert(task, {});
    if (!m_durations.contains(task))
        m_durations.insert(task, {});
}

void MetricsExposition::onSnapshot(const EngineSnapshot &snapshot)
{
    const EngineState &state = *snapshot;
    m_latest = snapshot;
    m_haveSnapshot = true;

    const qint64 ticks = state.metrics.tickCount;
    if (m_lastTickCount < 0)
        m_ticks = quint64(std::max<qint64>(0, ticks)); // the engine's all-time count
    else if (ticks >= m_lastTickCount)
        m_ticks += quint64(ticks - m_lastTickCount);
    else
        m_ticks += quint64(std::max<qint64>(0, ticks)); // another engine: counted from zero
    m_lastTickCount = ticks;

    for (const TaskStatus &task : state.tasks)
        ensureTask(task.name);

    // Snapshots are coalesced, so a failed half-open trial (HalfOpen, then Open again) may show
    // only as a new opening time. Such a re-opening sets the opening time to the failure's time;
    // an admin forcing an already open breaker open restarts the opening time alone, and is no
    // transition. A breaker already open in the first snapshot is not counted: its opening was
    // not seen.
    for (const BreakerStatus &breaker : state.breakers) {
        const auto seen = m_breakers.constFind(breaker.task);
        quint64 &openings = m_openings[breaker.task];
        if (seen != m_breakers.constEnd() && breaker.state == BreakerState::Open) {
            const bool opened = seen->state != BreakerState::Open;
            const bool reopened = breaker.openedAtMs != seen->openedAtMs &&
                                  breaker.lastFailureMs == breaker.openedAtMs;
            if (opened || reopened)
                ++openings;
        }
        m_breakers.insert(breaker.task, {breaker.state, breaker.openedAtMs});
    }
}

void MetricsExposition::onRecords(const RecordBatch &batch)
{
    for (const ExecutionRecord &record : batch.executions) {
        ensureTask(record.task);
        ++m_runs[record.task][int(record.outcome)];
        if (record.outcome == Outcome::Skipped)
            continue; // not run: no duration
        Histogram &histogram = m_durations[record.task];
        const qint64 ms = std::max<qint64>(0, record.durationMs);
        for (std::size_t i = 0; i < DurationBucketsMs.size(); ++i) {
            if (ms <= DurationBucketsMs[i])
                ++histogram.buckets[i];
        }
        ++histogram.count;
        histogram.sumMs += ms;
    }

    // A shard balancing run samples the shard count and each shard's load at the same moment.
    for (const Sample &count : batch.samples) {
        if (count.series != kShardCountSeries)
            continue;
        QSet<int> shards;
        for (const Sample &load : batch.samples) {
            if (load.tsMs != count.tsMs)
                continue;
            if (const std::optional<int> shard = shardOf(load.series))
                shards.insert(*shard);
        }
        m_shards = shards;
    }
}

QByteArray MetricsExposition::render() const
{
    // HELP texts are part of the protocol, read by operators in Prometheus: English, untranslated.
    PageWriter w;
    const EngineState &state = *m_latest;

    w.family("hb_build_info", "gauge", "Heartbeat build; the value is always 1.");
    w.sample(1, {{"version", QStringLiteral(HB_VERSION)}});

    w.family("hb_engine_running", "gauge", "1 while the engine's tick loop is started.");
    if (m_haveSnapshot)
        w.sample(state.running ? 1 : 0);

    w.family("hb_ticks_total", "counter",
             "Heartbeat ticks, including ticks that ran no task (paused, maintenance, disabled).");
    if (m_haveSnapshot)
        w.sample(double(m_ticks));

    w.family("hb_last_tick_timestamp_seconds", "gauge",
             "Unix time the last tick started; 0 before the first tick.");
    if (m_haveSnapshot)
        w.sample(double(state.metrics.lastTickMs) / 1000.0);

    w.family("hb_task_runs_total", "counter", "Task runs by task and outcome.");
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        for (const Outcome outcome : kOutcomes)
            w.sample(double(it.value()[int(outcome)]),
                     {{"task", it.key()}, {"outcome", outcomeName(outcome)}});
    }

    w.family("hb_task_duration_seconds", "histogram",
             "Duration of the task runs that ran (skipped runs aside), by task.");
    for (auto it = m_durations.cbegin(); it != m_durations.cend(); ++it) {
        const Histogram &h = it.value();
        for (std::size_t i = 0; i < DurationBucketsMs.size(); ++i)
            w.sample(
                double(h.buckets[i]),
                {{"task", it.key()}, {"le", formatValue(double(DurationBucketsMs[i]) / 1000.0)}},
                "_bucket");
        w.sample(double(h.count), {{"task", it.key()}, {"le", QStringLiteral("+Inf")}}, "_bucket");
        w.sample(double(h.sumMs) / 1000.0, {{"task", it.key()}}, "_sum");
        w.sample(double(h.count), {{"task", it.key()}}, "_count");
    }

    w.family("hb_breaker_state", "gauge",
             "Circuit breaker state by task: 1 for the current state, 0 for the others.");
    for (const BreakerStatus &breaker : state.breakers) {
        for (const BreakerState s : kBreakerStates)
            w.sample(breaker.state == s ? 1 : 0,
                     {{"task", breaker.task}, {"state", breakerStateName(s)}});
    }

    w.family("hb_breaker_openings_total", "counter",
             "Circuit breaker transitions to open seen by this process, by task.");
    for (auto it = m_openings.cbegin(); it != m_openings.cend(); ++it)
        w.sample(double(it.value()), {{"task", it.key()}});

    w.family("hb_cycles", "gauge", "Cycles balance.");
    if (const auto cycles = gauge(state, kCyclesSeries))
        w.sample(*cycles);

    w.family("hb_memory_bytes", "gauge",
             "Resident memory of the engine plus the ledger files on disk.");
    if (state.memoryBytes >= 0)
        w.sample(double(state.memoryBytes));

    w.family("hb_shards", "gauge", "Ledger shards.");
    if (const auto shards = gauge(state, kShardCountSeries))
        w.sample(*shards);

    w.family("hb_shard_loans", "gauge", "Loans per ledger shard.");
    QMap<int, double> loads; // by shard id, for a stable order
    for (auto it = state.gauges.cbegin(); it != state.gauges.cend(); ++it) {
        const std::optional<int> shard = shardOf(it.key());
        if (shard && (!m_shards || m_shards->contains(*shard)))
            loads.insert(*shard, it.value());
    }
    for (auto it = loads.cbegin(); it != loads.cend(); ++it)
        w.sample(it.value(), {{"shard", QString::number(it.key())}});

    w.family("hb_loans", "gauge", "Open loans by status.");
    if (const auto active = gauge(state, kLoansActiveSeries))
        w.sample(*active, {{"status", QStringLiteral("active")}});
    if (const auto overdue = gauge(state, kLoansOverdueSeries))
        w.sample(*overdue, {{"status", QStringLiteral("overdue")}});

    w.family("hb_oracle_error_ratio", "gauge",
             "Failed share of the recent price fetches (0 to 1).");
    if (const auto rate = gauge(state, kOracleErrorRateSeries))
        w.sample(*rate);

    w.family("hb_oracle_latency_seconds", "gauge", "Average latency of the recent price fetches.");
    if (const auto latencyMs = gauge(state, kOracleLatencySeries))
        w.sample(*latencyMs / 1000.0);

    w.family("hb_alerts_active", "gauge", "Active alerts by severity.");
    if (m_haveSnapshot) {
        for (const Severity severity : kSeverities) {
            const auto count =
                std::count_if(state.activeAlerts.cbegin(), state.activeAlerts.cend(),
                              [severity](const Alert &a) { return a.severity == severity; });
            w.sample(double(count), {{"severity", severityName(severity)}});
        }
    }

    w.family("hb_emergency_paused", "gauge", "1 while the engine is in emergency pause.");
    if (m_haveSnapshot)
        w.sample(state.emergencyStop ? 1 : 0);

    w.family("hb_maintenance_mode", "gauge", "1 while maintenance mode is on.");
    if (m_haveSnapshot)
        w.sample(state.config.maintenanceMode ? 1 : 0);

    return w.page();
}

QByteArray MetricsExposition::renderMachines(const QVector<MachineInfo> &machines)
{
    PageWriter w;
    // A paused machine is not judged: it has no hb_machine_up, so an alert on
    // "hb_machine_up == 0" stays quiet through its maintenance. A new one has never proved it
    // is alive, so it counts as not up (a push that was never set up is worth an alert).
    w.family("hb_machine_up", "gauge",
             "1 while the machine is up, 0 when it is down or has never pushed; no sample while "
             "it is paused.");
    for (const MachineInfo &m : machines) {
        if (m.state != MachineState::Paused)
            w.sample(m.state == MachineState::Up ? 1 : 0, {{"machine", m.name}});
    }

    w.family("hb_machine_state", "gauge",
             "Machine state: 1 for the current state (new, up, down, paused), 0 for the others.");
    for (const MachineInfo &m : machines) {
        for (const MachineState s : kMachineStates)
            w.sample(m.state == s ? 1 : 0, {{"machine", m.name}, {"state", machineStateName(s)}});
    }

    w.family("hb_machine_last_seen_timestamp_seconds", "gauge",
             "Unix time of the machine's last push; 0 if it never pushed.");
    for (const MachineInfo &m : machines)
        w.sample(double(m.lastSeenMs) / 1000.0, {{"machine", m.name}});

    w.family("hb_machine_offline_after_seconds", "gauge",
             "How long the machine may stay silent before it is judged down.");
    for (const MachineInfo &m : machines)
        w.sample(double(m.offlineAfterMs) / 1000.0, {{"machine", m.name}});

    return w.page();
}

} // namespace hb
