#include "replay/replay_p.h"

#include "core/logging.h"
#include "engine.h"
#include "store/schema.h"
#include "store/storeerror.h"

#include <SQLiteCpp/Exception.h>

namespace hb {

using namespace replayimpl;

// Each field as of t: the "after" of the last change at or before t, else the "before" of the
// first change after t, else the file's value.
HeartbeatConfig ReplayReader::Impl::configAt(qint64 t) const
{
    QJsonObject json = options.config.toJson();
    QSet<QString> decided;
    for (auto it = audits.crbegin(); it != audits.crend(); ++it) {
        if (it->tsMs > t || !configActions().contains(it->action))
            continue;
        const QJsonObject changes = it->detail.value(QStringLiteral("changes")).toObject();
        for (auto c = changes.begin(); c != changes.end(); ++c) {
            // Secrets are masked in the audit: the notification settings stay the file's.
            if (c.key() == u"notifications" || decided.contains(c.key()) || !json.contains(c.key()))
                continue;
            decided.insert(c.key());
            json.insert(c.key(), c.value().toObject().value(QStringLiteral("after")));
        }
    }
    for (const StateAudit &a : audits) {
        if (a.tsMs <= t || !configActions().contains(a.action))
            continue;
        const QJsonObject changes = a.detail.value(QStringLiteral("changes")).toObject();
        for (auto c = changes.begin(); c != changes.end(); ++c) {
            if (c.key() == u"notifications" || decided.contains(c.key()) || !json.contains(c.key()))
                continue;
            decided.insert(c.key());
            json.insert(c.key(), c.value().toObject().value(QStringLiteral("before")));
        }
    }
    if (decided.isEmpty())
        return options.config;
    ConfigError error;
    std::optional<HeartbeatConfig> config = configFromJson(json, &error);
    if (!config) {
        qCWarning(lcStore).noquote()
            << "replay: the audited configuration does not apply:" << error.toString();
        return options.config;
    }
    config->notifications = options.config.notifications;
    return *config;
}

Counts ReplayReader::Impl::hoursBefore(const QString &task, qint64 beforeMs) const
{
    const auto it = hours.find(task);
    if (it == hours.end())
        return {};
    const std::vector<HourRow> &rows = it->second;
    const auto end = std::lower_bound(rows.begin(), rows.end(), beforeMs,
                                      [](const HourRow &r, qint64 ms) { return r.bucketMs < ms; });
    return end == rows.begin() ? Counts{} : std::prev(end)->through;
}

// The start of the last hour before `beforeMs` whose rollup says it holds a wanted row;
// kNever when none does.
qint64 ReplayReader::Impl::lastHourWith(const QString &task, qint64 beforeMs,
                                        bool (*has)(const Counts &)) const
{
    const auto it = hours.find(task);
    if (it == hours.end())
        return kNever;
    const std::vector<HourRow> &rows = it->second;
    auto end = std::lower_bound(rows.begin(), rows.end(), beforeMs,
                                [](const HourRow &r, qint64 ms) { return r.bucketMs < ms; });
    while (end != rows.begin()) {
        --end;
        if (has(end->own))
            return end->bucketMs;
    }
    return kNever;
}

// The newest row of `task` started before `beforeMs` that `wanted` accepts, finished by t and
// not of an excluded tick. The hourly rollup points at the hour to start looking in, so a task
// that has not failed for a month costs one short index range, not a month of rows.
std::optional<Row> ReplayReader::Impl::lastRow(const QString &task, qint64 t, qint64 beforeMs,
                                               const QSet<qint64> &excludedTicks,
                                               bool (*wanted)(const Row &),
                                               bool (*hourHas)(const Counts &))
{
    qint64 upper = beforeMs;
    for (int hop = 0; hop < 64; ++hop) {
        const qint64 hour = lastHourWith(task, upper, hourHas);
        if (hour == kNever)
            return std::nullopt;
        SQLite::Statement &q = *lastRowBefore;
        q.reset();
        sql::bindText(q, 1, task);
        sql::bindInt(q, 2, hour);
        sql::bindInt(q, 3, upper);
        while (q.executeStep()) {
            Row r = rowOf(q);
            if (r.finishedAtMs() <= t && !excludedTicks.contains(r.tickId) && wanted(r))
                return r;
        }
        upper = hour; // the rows of that hour are gone (retention) or did not qualify
    }
    return std::nullopt;
}

BreakerState ReplayReader::Impl::breakerStateAt(const QString &task, qint64 t) const
{
    const auto it = breakerMoves.find(task);
    if (it == breakerMoves.end())
        return BreakerState::Closed;
    const std::vector<BreakerMove> &moves = it->second;
    const auto after = std::upper_bound(
        moves.begin(), moves.end(), t, [](qint64 ms, const BreakerMove &m) { return ms < m.tsMs; });
    if (after != moves.begin())
        return std::prev(after)->to;
    return after != moves.end() ? after->from : BreakerState::Closed;
}

BreakerStatus ReplayReader::Impl::breakerAt(const QString &task, qint64 t,
                                            std::optional<Row> lastSuccess,
                                            std::optional<Row> lastFailure)
{
    BreakerStatus b;
    b.task = task;
    b.state = breakerStateAt(task, t);

    // openedAtMs: the last move into Open (or a forced open that restarted the wait), unless a
    // reset came after it; a trial that succeeded leaves it as it was.
    qint64 opened = 0;
    qint64 openMove = kNever; // ts of the transition into Open that a failure caused
    if (const auto it = breakerMoves.find(task); it != breakerMoves.end()) {
        for (const BreakerMove &m : it->second) {
            if (m.tsMs > t)
                break;
            if (m.to == BreakerState::Open) {
                opened = m.tsMs;
                openMove = m.tsMs;
            }
        }
    }
    qint64 lastReset = kNever;
    for (const StateAudit &a : audits) {
        if (a.tsMs > t)
            break;
        const QString target = a.detail.value(QStringLiteral("task")).toString();
        if (a.action == u"breaker_force_open" && target == task) {
            // Forcing a closed breaker open is a transition with its own, exact, time; forcing
            // an open one only restarts its wait, which the audit entry's time stands for.
            if (a.detail.value(QStringLiteral("before")).toString() ==
                breakerStateName(BreakerState::Open))
                opened = std::max(opened, a.tsMs);
            else if (openMove != kNever && a.tsMs - openMove < 1000)
                openMove = kNever; // forced, not caused by a failure
        } else if (a.action == u"breaker_reset" && (target == task || target == u"*")) {
            lastReset = a.tsMs;
        }
    }
    if (lastReset != kNever && lastReset >= opened)
        opened = 0;
    b.openedAtMs = opened;

    // failureCount: failures since the last success that counted (not one that finished while
    // the breaker was open) or the last reset.
    qint64 since = lastReset == kNever ? kNever : lastReset;
    for (int tries = 0; lastSuccess && tries < 16; ++tries) {
        const qint64 finished = lastSuccess->finishedAtMs();
        if (breakerStateAt(task, finished) != BreakerState::Open) {
            since = std::max(since, finished);
            break;
        }
        lastSuccess = lastRow(
            task, t, lastSuccess->startedAtMs, {},
            [](const Row &r) { return r.outcome == Outcome::Success; },
            [](const Counts &c) { return c.successes > 0; });
    }
    qint64 count = 0;
    const qint64 from = since == kNever ? std::numeric_limits<qint64>::min() / 2 : since;
    const qint64 hourFrom = floorTo(from, schema::kHourMs) + schema::kHourMs;
    const qint64 hourTo = floorTo(t, schema::kHourMs);
    const auto countRaw = [&](qint64 lo, qint64 hi) {
        SQLite::Statement &q = *failureCount;
        q.reset();
        sql::bindText(q, 1, task);
        sql::bindInt(q, 2, lo);
        sql::bindInt(q, 3, hi);
        q.executeStep();
        return sql::int64Of(q.getColumn(0));
    };
    if (hourFrom + schema::kHourMs <= hourTo) {
        // Whole hours from the rollup, the two partial hours from raw rows.
        const Counts whole = hoursBefore(task, hourTo);
        const Counts head = hoursBefore(task, hourFrom);
        count = (whole.failures + whole.timeouts) - (head.failures + head.timeouts) +
                countRaw(from, hourFrom - 1) + countRaw(hourTo, t);
    } else {
        count = countRaw(from, t);
    }
    b.failureCount = int(count);

    if (lastFailure) {
        b.lastFailureMs = lastFailure->finishedAtMs();
        // The failure that opened the breaker was recorded at the transition's own time.
        if (openMove != kNever && openMove >= b.lastFailureMs && openMove - b.lastFailureMs < 1000)
            b.lastFailureMs = openMove;
    }
    return b;
}

EngineState ReplayReader::Impl::stateAt(qint64 t)
{
    EngineState s;
    s.takenAtMs = t;
    s.config = configAt(t);
    s.oracleSource = options.oracleSource.isEmpty() ? s.config.oracleSource : options.oracleSource;
    s.tickIntervalMs = s.config.tickIntervalMs;

    // Ticks still running at t (their rows are not counted yet), the last finished tick and the
    // last finished one that ran its tasks.
    QSet<qint64> inFlight;
    qint64 inFlightFrom = t;
    qint64 lastTickId = 0, lastTickMs = 0;
    qint64 lastRealId = 0, lastRealStart = 0, lastRealFinish = 0;
    int inFlightBelowLast = 0;
    {
        SQLite::Statement &q = *ticksBack;
        q.reset();
        sql::bindInt(q, 1, t);
        int scanned = 0;
        while (q.executeStep()) {
            const qint64 id = sql::int64Of(q.getColumn(0));
            const qint64 start = sql::int64Of(q.getColumn(1));
            const qint64 finish = start + sql::int64Of(q.getColumn(2));
            const bool real = q.getColumn(3).getString().empty();
            if (finish > t) {
                inFlight.insert(id);
                inFlightFrom = std::min(inFlightFrom, start);
                if (lastTickId != 0)
                    ++inFlightBelowLast;
            } else {
                if (lastTickId == 0) {
                    lastTickId = id;
                    lastTickMs = start;
                }
                if (real && lastRealId == 0) {
                    lastRealId = id;
                    lastRealStart = start;
                    lastRealFinish = finish;
                }
            }
            const bool pastLongest = start < t - maxTickMs;
            if (pastLongest && lastTickId != 0 && (lastRealId != 0 || ++scanned > 10'000))
                break;
        }
    }

    // Counters: whole hours from the cached rollup, whole minutes from exec_minute, and the raw
    // rows of the last minute (back to the oldest tick still running).
    const qint64 minuteFrom = floorTo(std::min(t, inFlightFrom), schema::kMinuteMs);
    const qint64 hourFrom = floorTo(minuteFrom, schema::kHourMs);
    std::map<QString, Counts> perTask;
    for (const auto &[task, rows] : hours)
        perTask[task] = hoursBefore(task, hourFrom);
    {
        SQLite::Statement &q = *minuteSums;
        q.reset();
        sql::bindInt(q, 1, hourFrom);
        sql::bindInt(q, 2, minuteFrom);
        while (q.executeStep())
            perTask[sql::textOf(q.getColumn(0))].add(countsOf(q, 1));
    }
    HeartbeatMetrics &m = s.metrics;
    std::optional<Row> tailError;
    qint64 tailLastExecution = 0;
    std::map<QString, Row> tailLast;       // per task: the newest finished run of the tail
    QHash<QString, qint64> completedEarly; // successes of ticks still running, finished by t
    QHash<QString, bool> running;
    {
        SQLite::Statement &q = *tailRows;
        q.reset();
        sql::bindInt(q, 1, minuteFrom);
        sql::bindInt(q, 2, t);
        while (q.executeStep()) {
            const Row r = rowOf(q);
            const bool finished = r.finishedAtMs() <= t;
            if (!finished) {
                if (r.changesStatus())
                    running[r.task] = true;
                continue;
            }
            if (r.changesStatus()) {
                auto it = tailLast.find(r.task);
                if (it == tailLast.end() || it->second.startedAtMs <= r.startedAtMs)
                    tailLast[r.task] = r;
            }
            if (inFlight.contains(r.tickId)) {
                if (r.outcome == Outcome::Success)
                    ++completedEarly[r.task];
                continue;
            }
            perTask[r.task].addRow(r.outcome, r.durationMs);
            if (r.outcome != Outcome::Skipped)
                tailLastExecution = std::max(tailLastExecution, r.finishedAtMs());
            if (r.outcome == Outcome::Failure || r.outcome == Outcome::Timeout)
                tailError = r;
        }
    }
    Counts all;
    for (const auto &[task, c] : perTask) {
        all.add(c);
        if (c.successes > 0)
            m.tasksCompleted.insert(task, c.successes);
    }
    m.totalExecutions = all.rows - all.skipped;
    m.successfulExecutions = all.successes;
    m.failedExecutions = all.failures + all.timeouts;
    m.cancelledExecutions = all.cancelled;
    m.totalExecutionTimeMs = all.totalMs;
    m.peakExecutionTimeMs = all.maxMs;
    // Rows older than the rollups keep (retention) are still in the persisted all-time counters.
    if (persisted) {
        Counts inFile;
        for (const auto &[task, rows] : hours) {
            if (!rows.empty())
                inFile.add(rows.back().through);
        }
        m.totalExecutions +=
            std::max<qint64>(0, persisted->totalExecutions - (inFile.rows - inFile.skipped));
        m.successfulExecutions +=
            std::max<qint64>(0, persisted->successfulExecutions - inFile.successes);
        m.failedExecutions +=
            std::max<qint64>(0, persisted->failedExecutions - (inFile.failures + inFile.timeouts));
        m.cancelledExecutions +=
            std::max<qint64>(0, persisted->cancelledExecutions - inFile.cancelled);
        for (auto it = persisted->tasksCompleted.cbegin(); it != persisted->tasksCompleted.cend();
             ++it) {
            const auto h = hours.find(it.key());
            const qint64 kept =
                h == hours.end() || h->second.empty() ? 0 : h->second.back().through.successes;
            if (it.value() > kept)
                m.tasksCompleted[it.key()] += it.value() - kept;
        }
    }

    m.lastTickId = lastTickId;
    m.lastTickMs = lastTickMs;
    if (lastTickId != 0) {
        // Tick ids are consecutive: the ones after the last finished tick, and the ones before
        // it still running, are not counted yet.
        // The persisted count also holds ticks retention removed; a file whose state is behind
        // its rows (written without one) counts by id.
        const bool stateCurrent = persisted && persisted->lastTickId >= lastTickIdInFile;
        const qint64 total = stateCurrent ? persisted->tickCount : lastTickIdInFile;
        const qint64 lastId = stateCurrent ? persisted->lastTickId : lastTickIdInFile;
        m.tickCount = std::max<qint64>(0, total - (lastId - lastTickId) - inFlightBelowLast);
    }
    if (lastRealId != 0) {
        SQLite::Statement &q = *tickTasks;
        q.reset();
        sql::bindInt(q, 1, lastRealStart);
        sql::bindInt(q, 2, lastRealFinish);
        sql::bindInt(q, 3, lastRealId);
        while (q.executeStep())
            m.lastTickTasks.append(sql::textOf(q.getColumn(0)));
    }

    // Per task: status and breaker.
    const auto isFailure = [](const Row &r) {
        return r.outcome == Outcome::Failure || r.outcome == Outcome::Timeout;
    };
    const auto hourFailed = [](const Counts &c) { return c.failures + c.timeouts > 0; };
    std::optional<Row> newestError = tailError;
    for (const QString &task : std::as_const(tasks)) {
        TaskStatus status;
        status.name = task;
        status.enabled = s.config.isTaskEnabled(task);
        status.running = running.value(task);
        std::optional<Row> last;
        if (const auto it = tailLast.find(task); it != tailLast.end()) {
            last = it->second;
        } else {
            // Started before the tail: its tick has finished, so it is counted as well.
            last = lastRow(
                task, t, minuteFrom, inFlight, [](const Row &r) { return r.changesStatus(); },
                [](const Counts &c) { return c.rows > 0; });
            if (last && last->outcome != Outcome::Skipped)
                m.lastExecutionMs = std::max(m.lastExecutionMs, last->finishedAtMs());
        }
        if (last) {
            status.hasRun = true;
            status.lastOutcome = last->outcome;
            status.lastRunMs = last->startedAtMs;
            status.lastDurationMs = last->durationMs;
            status.lastItems = last->items;
            status.lastError = last->error;
        }
        status.completed = m.tasksCompleted.value(task) + completedEarly.value(task);
        s.tasks.append(status);

        // The newest failure counted in the metrics (its tick finished), and the newest failure
        // the breaker saw (its run finished).
        std::optional<Row> failure = lastRow(task, t, t + 1, {}, isFailure, hourFailed);
        if (failure && !inFlight.contains(failure->tickId) &&
            (!newestError || failure->id > newestError->id))
            newestError = failure;
        else if (failure && inFlight.contains(failure->tickId)) {
            std::optional<Row> counted = lastRow(task, t, t + 1, inFlight, isFailure, hourFailed);
            if (counted && (!newestError || counted->id > newestError->id))
                newestError = counted;
        }
        const std::optional<Row> success = lastRow(
            task, t, t + 1, {}, [](const Row &r) { return r.outcome == Outcome::Success; },
            [](const Counts &c) { return c.successes > 0; });
        s.breakers.append(breakerAt(task, t, success, failure));
        const BreakerStatus &b = s.breakers.constLast();
        s.breakerRetryAtMs.append(
            b.state == BreakerState::Open ? b.openedAtMs + s.config.breakerTimeoutMs : 0);
    }
    m.lastExecutionMs = std::max(m.lastExecutionMs, tailLastExecution);
    if (newestError) {
        m.lastError = newestError->task + u": " + newestError->error;
        m.lastErrorMs = newestError->finishedAtMs();
    }

    // Emergency pause: the last pause or resume at or before t; else the opposite of the first
    // one after it; else what the file says now.
    const StateAudit *before = nullptr;
    const StateAudit *after = nullptr;
    for (const StateAudit &a : audits) {
        if (a.action != u"emergency_pause" && a.action != u"resume")
            continue;
        if (a.tsMs <= t)
            before = &a;
        else if (!after)
            after = &a;
    }
    if (before) {
        s.emergencyStop = before->action == u"emergency_pause";
        if (s.emergencyStop)
            s.emergencyReason = before->detail.value(QStringLiteral("reason")).toString();
    } else if (after) {
        s.emergencyStop = after->action == u"resume";
    } else {
        s.emergencyStop = persistedStop;
        s.emergencyReason = persistedStop ? persistedReason : QString();
    }

    s.activeAlerts = HeartbeatEngine::breakerAlerts(s.breakers, s.config);

    {
        SQLite::Statement &q = *auditTail;
        q.reset();
        sql::bindInt(q, 1, t);
        while (q.executeStep()) {
            s.recentAudit.append({sql::int64Of(q.getColumn(0)), sql::textOf(q.getColumn(1)),
                                  sql::textOf(q.getColumn(2)), sql::textOf(q.getColumn(3))});
        }
        std::reverse(s.recentAudit.begin(), s.recentAudit.end());
    }
    for (const QString &name : std::as_const(series)) {
        SQLite::Statement &q = *sampleAt;
        q.reset();
        sql::bindText(q, 1, name);
        sql::bindInt(q, 2, t);
        if (q.executeStep())
            s.gauges.insert(name, q.getColumn(0).getDouble());
    }
    s.memoryBytes = qint64(s.gauges.value(QStringLiteral("memory.total_bytes"), -1));
    // The loop was running if it ticked within two intervals.
    s.running = m.lastTickMs > 0 && t - m.lastTickMs < 2 * s.tickIntervalMs;
    return s;
}

} // namespace hb
