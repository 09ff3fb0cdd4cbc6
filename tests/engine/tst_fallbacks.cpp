// What happens after a run failed for good (its retries spent): the task's fallback (skip,
// notify_and_continue, stop), and when a fallback of its own fails too (alternative,
// default_value), the engine's emergency action: notify, pause all, or safe mode - in which
// only the critical tasks run until an admin leaves it.

#include "enginerig.h"
#include "testtasks.h"

#include <QJsonDocument>
#include <QTest>

using namespace hb;
using namespace hb::test;
using namespace Qt::StringLiterals;

namespace {

HeartbeatConfig withFallback(const QString &task, TaskSchedule::Fallback fallback,
                             const QString &emergency = EmergencyActionName::Notify)
{
    HeartbeatConfig config = testConfig();
    TaskSchedule s;
    s.fallback = fallback;
    config.schedules.insert(task, s);
    config.emergencyAction = emergency;
    return config;
}

bool hasAudit(const EngineState &state, const QString &actor, const QString &action,
              const QString &reasonPart)
{
    for (const AuditEntry &e : state.recentAudit) {
        if (e.actor == actor && e.action == action && e.detail.contains(reasonPart))
            return true;
    }
    return false;
}

} // namespace

class TestFallbacks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void skipRecordsASkipAndSparesTheBreaker()
    {
        auto task = std::make_shared<ScriptedTask>(TaskName::PoolMaintenance, true);
        Rig rig({task}, withFallback(TaskName::PoolMaintenance, TaskSchedule::Fallback::Skip));
        for (int i = 0; i < 6; ++i) { // more than the breaker's threshold of 5
            const ExecutionRecord r = rig.tick().value(TaskName::PoolMaintenance);
            QCOMPARE(r.outcome, Outcome::Skipped);
            QCOMPARE(r.error, u"failed; skipped by its fallback: scripted failure"_s);
        }
        QCOMPARE(rig.breaker(TaskName::PoolMaintenance).state, BreakerState::Closed);
        QCOMPARE(rig.breaker(TaskName::PoolMaintenance).failureCount, 0);
        QCOMPARE(task->runs.load(), 6);
    }

    void notifyAndContinueRaisesAnAlertAndCounts()
    {
        auto task = std::make_shared<ScriptedTask>(TaskName::PoolMaintenance, true);
        Rig rig({task},
                withFallback(TaskName::PoolMaintenance, TaskSchedule::Fallback::NotifyAndContinue));
        QCOMPARE(rig.tick().value(TaskName::PoolMaintenance).outcome, Outcome::Failure);
        QCOMPARE(rig.breaker(TaskName::PoolMaintenance).failureCount, 1);
        const QVector<Alert> alerts = rig.alertsWithKey(u"fallback_notify"_s);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].severity, Severity::Warning);
        QVERIFY(alerts[0].message.contains(u"scripted failure"_s));
        // The next success clears it (the task's alerts are what its last success reported).
        task->setFailing(false);
        QCOMPARE(rig.tick().value(TaskName::PoolMaintenance).outcome, Outcome::Success);
        QVERIFY(rig.alertsWithKey(u"fallback_notify"_s).isEmpty());
    }

    void stopDisablesTheTaskUntilAnAdminEnablesIt()
    {
        QTemporaryDir dir;
        const QString configPath = dir.filePath(u"config.json"_s);
        auto task = std::make_shared<ScriptedTask>(TaskName::PoolMaintenance, true);
        Rig rig({task}, withFallback(TaskName::PoolMaintenance, TaskSchedule::Fallback::Stop), {},
                nullptr, configPath);
        const ExecutionRecord r = rig.tick().value(TaskName::PoolMaintenance);
        QCOMPARE(r.outcome, Outcome::Failure);
        QVERIFY2(r.error.startsWith(u"stopped by its fallback until an admin enables it"_s),
                 qPrintable(r.error));
        const EngineState s = rig.state();
        QVERIFY(!s.config.isTaskEnabled(TaskName::PoolMaintenance));
        QVERIFY(hasAudit(s, u"heartbeat:pool_maintenance"_s, u"task_stopped"_s,
                         u"scripted failure"_s));
        // Saved: a restart keeps it stopped.
        QString error;
        const auto saved = ConfigFile(configPath).load(&error);
        QVERIFY2(saved, qPrintable(error));
        QVERIFY(!saved->isTaskEnabled(TaskName::PoolMaintenance));

        QVERIFY(!rig.tick().contains(TaskName::PoolMaintenance));
        QCOMPARE(task->runs.load(), 1);
        task->setFailing(false);
        QVERIFY(rig.engine->setTaskEnabled(kAdmin, TaskName::PoolMaintenance, true).ok);
        QCOMPARE(rig.tick().value(TaskName::PoolMaintenance).outcome, Outcome::Success);
    }

    void failedFallbackNotifies()
    {
        auto price = std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true);
        Rig rig({price}, withFallback(TaskName::PriceUpdate, TaskSchedule::Fallback::Alternative));
        QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Failure);
        const QVector<Alert> alerts = rig.alertsWithKey(u"fallback_failed"_s);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].severity, Severity::Critical);
        QCOMPARE(alerts[0].message,
                 u"price_update failed and its fallback (alternative) too: scripted failure"_s);
        QVERIFY(!rig.state().emergencyStop);
        QVERIFY(!rig.state().safeMode);
    }

    void failedFallbackPausesAll()
    {
        auto price = std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true);
        auto other = std::make_shared<ScriptedTask>(TaskName::LoanMonitoring);
        Rig rig({price, other},
                withFallback(TaskName::PriceUpdate, TaskSchedule::Fallback::DefaultValue,
                             EmergencyActionName::PauseAll));
        rig.tick();
        const EngineState s = rig.state();
        QVERIFY(s.emergencyStop);
        QCOMPARE(s.emergencyReason,
                 u"price_update failed and its fallback (default_value) too: scripted failure"_s);
        QVERIFY(hasAudit(s, u"heartbeat:price_update"_s, u"emergency_pause"_s, u"default_value"_s));
        // (The other task's run of that tick may have been cancelled by the pause, or not.)
        const int before = other->runs.load();
        rig.tick();
        QCOMPARE(other->runs.load(), before); // paused: nothing runs
        QVERIFY(rig.engine->setEmergencyStop(kAdmin, false, {}).ok);
    }

    void failedFallbackEntersSafeMode()
    {
        auto price = std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true);
        auto liquidation = std::make_shared<ScriptedTask>(TaskName::AutoLiquidation);
        auto monitoring = std::make_shared<ScriptedTask>(TaskName::LoanMonitoring);
        HeartbeatConfig config = withFallback(TaskName::PriceUpdate,
                                              TaskSchedule::Fallback::Alternative,
                                              EmergencyActionName::SafeMode);
        TaskSchedule critical;
        critical.critical = true;
        config.schedules.insert(TaskName::LoanMonitoring, critical);
        Rig rig({price, liquidation, monitoring}, config);
        rig.tick();
        EngineState s = rig.state();
        QVERIFY(s.safeMode);
        QVERIFY(s.safeModeReason.contains(u"alternative"_s));
        QVERIFY(hasAudit(s, u"heartbeat:price_update"_s, u"safe_mode_enter"_s, u"alternative"_s));
        QVERIFY(Health::evaluate(s, rig.clock->nowMs()).safeMode);

        // Only the critical task runs; the others are skipped with the reason.
        const auto records = rig.tick();
        QCOMPARE(records.value(TaskName::LoanMonitoring).outcome, Outcome::Success);
        QCOMPARE(records.value(TaskName::AutoLiquidation).outcome, Outcome::Skipped);
        QCOMPARE(records.value(TaskName::AutoLiquidation).error,
                 u"safe mode: only critical tasks run"_s);
        QCOMPARE(liquidation->runs.load(), 1);

        // Left only by an admin.
        QVERIFY(!rig.engine->setSafeMode(kOperator, false, {}).ok);
        QVERIFY(rig.state().safeMode);
        QVERIFY(rig.engine->setSafeMode(kAdmin, false, {}).ok);
        s = rig.state();
        QVERIFY(!s.safeMode);
        QVERIFY(hasAudit(s, kAdmin.name, u"safe_mode_leave"_s, {}));
        price->setFailing(false);
        QCOMPARE(rig.tick().value(TaskName::AutoLiquidation).outcome, Outcome::Success);
    }

    // Safe mode survives a restart: it is part of the persisted state.
    void safeModeIsPersistedState()
    {
        PersistedState state;
        state.safeMode = true;
        state.safeModeReason = u"left by hand"_s;
        auto task = std::make_shared<ScriptedTask>(TaskName::AutoLiquidation);
        Rig rig({task}, testConfig(), state);
        QVERIFY(rig.state().safeMode);
        QCOMPARE(rig.tick().value(TaskName::AutoLiquidation).outcome, Outcome::Skipped);
    }
};

QTEST_GUILESS_MAIN(TestFallbacks)
#include "tst_fallbacks.moc"
