#pragma once

// The API's value types with every field set to something other than its default, and
// field-by-field comparisons (the types have no operator==): for round-trip tests of their JSON.
// Comparisons use QCOMPARE; wrap a call in CHECKED() to stop the test at the first difference.

#include "snapshot.h"

#include <QTest>

namespace hb::test {

using namespace Qt::Literals::StringLiterals;

// --- every field set, none to its default --------------------------------------------------

inline ExecutionRecord fullExecution()
{
    return {41,
            TaskName::AutoLiquidation,
            1'764'000'000'123,
            250,
            Outcome::Timeout,
            12,
            u"took too long: \"quotes\" and\nnewline"_s,
            17};
}

inline TickRecord fullTick()
{
    return {41, 1'764'000'000'000, 812, 9, 7, 2, TickSkipReason::Other, u"solar flare"_s};
}

inline Sample fullSample()
{
    return {u"cycles.balance"_s, 1'764'000'000'500, 1.25e12};
}

inline AuditEntry fullAudit()
{
    return {1'764'000'000'700, u"alice"_s, u"breaker_reset"_s, u"{\"task\":\"price_update\"}"_s,
            u"shard-3:17"_s};
}

inline Alert fullAlert()
{
    return {1'764'000'000'800, TaskName::MemoryMonitoring, u"memory_high"_s, Severity::Critical,
            u"Memory 1.2 GB is above the warning line"_s};
}

inline HeartbeatConfig fullConfig()
{
    HeartbeatConfig c;
    c.enabled = false;
    c.maintenanceMode = true;
    c.demo = true;
    c.tickIntervalMs = 1'234;
    c.taskTimeoutMs = 567;
    c.maxConcurrentTasks = 3;
    for (const QString &task : TaskName::all())
        c.tasks.insert(task, false);
    c.autoLiquidationThresholdDays = 30;
    c.breakerFailureThreshold = 7;
    c.breakerTimeoutMs = 60'000;
    c.memoryWarnBytes = 123'456'789;
    c.cyclesAlertThreshold = 2.5e12;
    c.cyclesCriticalThreshold = 1.5e12;
    c.cyclesTopUpTarget = 3'000'000'000'000;
    c.cyclesCostPerItem = 42;
    c.liquidationDryRun = true;
    c.auditLogCap = 500;
    c.retentionRawDays = 7;
    c.retentionMinuteDays = 30;
    c.retentionHourDays = 365;
    c.emergencyAction = EmergencyActionName::SafeMode;
    c.healthHeartbeatStaleMs = 600'000;
    c.healthFailedRunsWarn = 20;
    c.watchdogStallSeconds = 45;
    c.watchdogRestartAfterSeconds = 90;
    TaskSchedule nightly; // every field away from its default, so the JSON proves each
    nightly.kind = TaskSchedule::Kind::Cron;
    nightly.cron = u"0 3 * * sun"_s;
    nightly.tz = u"Asia/Jakarta"_s;
    nightly.activeHours = u"01:00-05:00"_s;
    nightly.jitterSeconds = 30;
    nightly.misfire = TaskSchedule::Misfire::RunAll;
    nightly.retries = 2;
    nightly.retryBaseMs = 200;
    nightly.retryMaxMs = 5000;
    nightly.fallback = TaskSchedule::Fallback::Stop;
    nightly.critical = true;
    c.schedules.insert(TaskName::AutoCleanup, nightly);
    c.oracleSource = OracleSourceName::Http;
    c.oracleUrl = u"https://prices.example/v1"_s;
    c.oraclePath = u"/srv/prices.json"_s;
    c.oracleFallbackSource = OracleSourceName::File;
    c.oracleFallbackUrl = u"https://prices-b.example/v1"_s;
    c.oracleFallbackPath = u"/srv/prices-b.json"_s;
    c.oracleTimeoutMs = 2'500;
    c.oracleMaxBodyBytes = 4'096;
    c.oracleDemoFaultRate = 0.5;
    c.oracleMaxAgeMs = 3'600'000;
    c.oracleStaleAfterMs = 7'200'000;
    c.oracleMaxErrorRate = 0.4;
    c.oracleMaxLatencyMs = 1'500;
    c.httpListen = u"0.0.0.0:9090"_s;
    c.httpInDashboard = true;
    c.httpHealthzRequiresToken = true;
    c.httpMetricsRequiresToken = true;
    c.httpRequestTimeoutMs = 2'500;
    c.wallPageSeconds = 90;
    c.wallPages = u"alerts,breakers"_s;
    c.wallNightFrom = u"23:00"_s;
    c.wallNightTo = u"05:30"_s;
    c.wallNightLevel = 0.25;
    return c;
}

inline EngineState fullState()
{
    EngineState s;
    s.takenAtMs = 1'764'000'001'000;
    s.running = true;
    s.config = fullConfig();
    s.oracleSource = OracleSourceName::Http;
    HeartbeatMetrics &m = s.metrics;
    m.tickCount = 812;
    m.lastTickId = 811;
    m.lastTickMs = 1'764'000'000'000;
    m.lastExecutionMs = 1'764'000'000'400;
    m.totalExecutions = 5'000;
    m.successfulExecutions = 4'900;
    m.failedExecutions = 80;
    m.cancelledExecutions = 20;
    m.totalExecutionTimeMs = 123'456;
    m.peakExecutionTimeMs = 9'999;
    m.tasksCompleted = {{TaskName::PriceUpdate, 800}, {TaskName::ShardBalancing, 4'100}};
    m.lastError = u"price_update: HTTP 502"_s;
    m.lastErrorMs = 1'763'999'000'000;
    m.lastTickTasks = {TaskName::PriceUpdate, TaskName::ShardBalancing};
    s.tasks = {{TaskName::PriceUpdate, false, true, true, Outcome::Failure, 1'764'000'000'100, 321,
                4, u"HTTP 502"_s, 800, u"every tick"_s, 1'764'000'030'000},
               {TaskName::ShardBalancing, false, true, true, Outcome::Cancelled, 1'764'000'000'200,
                12, 6, u"paused"_s, 4'100, u"cron 0 3 * * * (Asia/Jakarta)"_s, 1'764'010'000'000}};
    s.breakers = {
        {TaskName::PriceUpdate, BreakerState::Open, 5, 1'764'000'000'100, 1'764'000'000'100},
        {TaskName::ShardBalancing, BreakerState::HalfOpen, 2, 1'764'000'000'050,
         1'763'000'000'000}};
    s.breakerRetryAtMs = {1'764'000'300'100, 1'763'000'300'000};
    s.emergencyStop = true;
    s.emergencyReason = u"metrics store failed: disk full"_s;
    s.safeMode = true;
    s.safeModeReason = u"price_update failed and its fallback (alternative) too: HTTP 502"_s;
    s.activeAlerts = {fullAlert(),
                      {1'764'000'000'900, u"metrics_store"_s, u"store_failed"_s, Severity::Info,
                       u"cannot write"_s}};
    s.recentAudit = {
        fullAudit(),
        {1'764'000'000'950, u"heartbeat:auto_cleanup"_s, u"rows_removed"_s, u"{}"_s, {}}};
    s.memoryBytes = 987'654'321;
    s.gauges = {{u"cycles.balance"_s, 1.25e12},
                {u"oracle.error_rate"_s, 0.125},
                {u"shard.load.0003"_s, -4}};
    s.tickIntervalMs = 1'234;
    s.nextTickAtMs = 1'764'000'001'234;
    return s;
}

// --- comparisons, field by field (the value types have no operator==) -----------------------

inline void compareExecution(const ExecutionRecord &a, const ExecutionRecord &b)
{
    QCOMPARE(a.tickId, b.tickId);
    QCOMPARE(a.task, b.task);
    QCOMPARE(a.startedAtMs, b.startedAtMs);
    QCOMPARE(a.durationMs, b.durationMs);
    QCOMPARE(a.outcome, b.outcome);
    QCOMPARE(a.items, b.items);
    QCOMPARE(a.error, b.error);
    QCOMPARE(a.queuedMs, b.queuedMs);
}

inline void compareTick(const TickRecord &a, const TickRecord &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.startedAtMs, b.startedAtMs);
    QCOMPARE(a.durationMs, b.durationMs);
    QCOMPARE(a.ran, b.ran);
    QCOMPARE(a.succeeded, b.succeeded);
    QCOMPARE(a.failed, b.failed);
    QCOMPARE(a.skippedReason, b.skippedReason);
    QCOMPARE(a.skippedReasonText, b.skippedReasonText);
}

inline void compareSample(const Sample &a, const Sample &b)
{
    QCOMPARE(a.series, b.series);
    QCOMPARE(a.tsMs, b.tsMs);
    QCOMPARE(a.value, b.value);
}

inline void compareAudit(const AuditEntry &a, const AuditEntry &b)
{
    QCOMPARE(a.tsMs, b.tsMs);
    QCOMPARE(a.actor, b.actor);
    QCOMPARE(a.action, b.action);
    QCOMPARE(a.detail, b.detail);
    QCOMPARE(a.uid, b.uid);
}

inline void compareAlert(const Alert &a, const Alert &b)
{
    QCOMPARE(a.tsMs, b.tsMs);
    QCOMPARE(a.source, b.source);
    QCOMPARE(a.key, b.key);
    QCOMPARE(a.severity, b.severity);
    QCOMPARE(a.message, b.message);
}

inline void compareTask(const TaskStatus &a, const TaskStatus &b)
{
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.enabled, b.enabled);
    QCOMPARE(a.running, b.running);
    QCOMPARE(a.hasRun, b.hasRun);
    QCOMPARE(a.lastOutcome, b.lastOutcome);
    QCOMPARE(a.lastRunMs, b.lastRunMs);
    QCOMPARE(a.lastDurationMs, b.lastDurationMs);
    QCOMPARE(a.lastItems, b.lastItems);
    QCOMPARE(a.lastError, b.lastError);
    QCOMPARE(a.completed, b.completed);
    QCOMPARE(a.schedule, b.schedule);
    QCOMPARE(a.nextRunMs, b.nextRunMs);
}

inline void compareBreaker(const BreakerStatus &a, const BreakerStatus &b)
{
    QCOMPARE(a.task, b.task);
    QCOMPARE(a.state, b.state);
    QCOMPARE(a.failureCount, b.failureCount);
    QCOMPARE(a.lastFailureMs, b.lastFailureMs);
    QCOMPARE(a.openedAtMs, b.openedAtMs);
}

template<typename T>
inline void compareAll(const QVector<T> &a, const QVector<T> &b,
                       void (*compare)(const T &, const T &))
{
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        compare(a[i], b[i]);
        if (QTest::currentTestFailed()) {
            qWarning("... at index %lld", qlonglong(i));
            return;
        }
    }
}

#define CHECKED(call)                                                                              \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

inline void compareState(const EngineState &a, const EngineState &b)
{
    QCOMPARE(a.takenAtMs, b.takenAtMs);
    QCOMPARE(a.running, b.running);
    QVERIFY(a.config == b.config);
    QCOMPARE(a.oracleSource, b.oracleSource);
    QVERIFY(a.metrics == b.metrics); // HeartbeatMetrics compares every field
    CHECKED(compareAll(a.tasks, b.tasks, &compareTask));
    CHECKED(compareAll(a.breakers, b.breakers, &compareBreaker));
    QCOMPARE(a.breakerRetryAtMs, b.breakerRetryAtMs);
    QCOMPARE(a.emergencyStop, b.emergencyStop);
    QCOMPARE(a.emergencyReason, b.emergencyReason);
    QCOMPARE(a.safeMode, b.safeMode);
    QCOMPARE(a.safeModeReason, b.safeModeReason);
    CHECKED(compareAll(a.activeAlerts, b.activeAlerts, &compareAlert));
    CHECKED(compareAll(a.recentAudit, b.recentAudit, &compareAudit));
    QCOMPARE(a.memoryBytes, b.memoryBytes);
    QCOMPARE(a.gauges, b.gauges);
    QCOMPARE(a.tickIntervalMs, b.tickIntervalMs);
    QCOMPARE(a.nextTickAtMs, b.nextTickAtMs);
}

} // namespace hb::test
