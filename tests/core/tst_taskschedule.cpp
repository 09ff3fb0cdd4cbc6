// Task schedules: how config.json states them (and refuses bad ones), and the scheduler's
// decisions at a tick - due or not, misfire policies, overlap, active hours, jitter. Expected
// times are worked out by hand from the calendar, never from the scheduler itself.

#include "core/config.h"
#include "core/taskschedule.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

using namespace hb;

namespace {

qint64 utc(const char *iso)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(t.isValid());
    return t.toMSecsSinceEpoch();
}

constexpr qint64 kMinute = 60'000;

TaskSchedule interval(qint64 ms, TaskSchedule::Misfire misfire = TaskSchedule::Misfire::RunOnce)
{
    TaskSchedule s;
    s.kind = TaskSchedule::Kind::Interval;
    s.intervalMs = ms;
    s.misfire = misfire;
    return s;
}

TaskSchedule cron(const char *expr, const char *tz = "UTC")
{
    TaskSchedule s;
    s.kind = TaskSchedule::Kind::Cron;
    s.cron = QString::fromLatin1(expr);
    s.tz = QString::fromLatin1(tz);
    return s;
}

std::optional<HeartbeatConfig> parse(const char *json, ConfigError *error)
{
    return configFromJson(QJsonDocument::fromJson(json).object(), error);
}

} // namespace

class TestTaskSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configReadsEveryForm()
    {
        ConfigError error;
        const auto config = parse(R"({"tasks": {
            "price_update": {"schedule": "interval", "interval": "5m", "jitter": 20,
                             "fallback": "default_value", "critical": true},
            "auto_cleanup": {"enabled": false, "schedule": "cron", "cron": "0 3 * * sun",
                             "tz": "Asia/Jakarta", "active_hours": "01:00-05:00",
                             "misfire": "run_all"},
            "shard_balancing": {"schedule": "once", "at": "2026-12-24T02:00:00+07:00",
                                "misfire": "skip"},
            "loan_monitoring": false,
            "pool_maintenance": {"enabled": true}}})",
                                  &error);
        QVERIFY2(config, qPrintable(error.toString()));
        const TaskSchedule price = config->scheduleOf(TaskName::PriceUpdate);
        QCOMPARE(price.kind, TaskSchedule::Kind::Interval);
        QCOMPARE(price.intervalMs, 5 * kMinute);
        QCOMPARE(price.jitterSeconds, 20);
        QCOMPARE(price.fallback, TaskSchedule::Fallback::DefaultValue);
        QVERIFY(price.critical);
        QVERIFY(config->isTaskEnabled(TaskName::PriceUpdate));

        const TaskSchedule cleanup = config->scheduleOf(TaskName::AutoCleanup);
        QCOMPARE(cleanup.kind, TaskSchedule::Kind::Cron);
        QCOMPARE(cleanup.cron, QStringLiteral("0 3 * * sun"));
        QCOMPARE(cleanup.tz, QStringLiteral("Asia/Jakarta"));
        QCOMPARE(cleanup.activeHours, QStringLiteral("01:00-05:00"));
        QCOMPARE(cleanup.misfire, TaskSchedule::Misfire::RunAll);
        QVERIFY(!config->isTaskEnabled(TaskName::AutoCleanup));

        const TaskSchedule balancing = config->scheduleOf(TaskName::ShardBalancing);
        QCOMPARE(balancing.kind, TaskSchedule::Kind::Once);
        QCOMPARE(balancing.atMs, utc("2026-12-23T19:00:00Z"));
        QCOMPARE(balancing.misfire, TaskSchedule::Misfire::Skip);

        QVERIFY(!config->isTaskEnabled(TaskName::LoanMonitoring));
        QVERIFY(config->scheduleOf(TaskName::LoanMonitoring).isDefault());
        QVERIFY(config->scheduleOf(TaskName::PoolMaintenance).isDefault());

        // Written back: the default ones as plain flags, the others as objects; read again equal.
        const QJsonObject written = config->toJson();
        const QJsonObject tasks = written.value(QStringLiteral("tasks")).toObject();
        QVERIFY(tasks.value(TaskName::PoolMaintenance).isBool());
        QCOMPARE(tasks.value(TaskName::PriceUpdate).toObject().value(QStringLiteral("interval")),
                 QJsonValue(QStringLiteral("5m")));
        const auto again = configFromJson(written, &error);
        QVERIFY2(again, qPrintable(error.toString()));
        QVERIFY(*again == *config);
        QVERIFY(!validateConfig(*config));
    }

    void configRefusesBadSchedules_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        QTest::newRow("cron position") << R"({"schedule":"cron","cron":"*/5 61 * * *"})"
                                       << "tasks.auto_cleanup.cron"
                                       << "position 4: hour 61 is out of range 0-23";
        QTest::newRow("zone") << R"({"schedule":"cron","cron":"* * * * *","tz":"Mars/Olympus"})"
                              << "tasks.auto_cleanup.tz" << "unknown time zone \"Mars/Olympus\"";
        QTest::newRow("interval unit") << R"({"schedule":"interval","interval":"5 minutes"})"
                                       << "tasks.auto_cleanup.interval" << "90s, 5m, 2h or 1d";
        QTest::newRow("interval short") << R"({"schedule":"interval","interval":"0s"})"
                                        << "tasks.auto_cleanup.interval" << "between 1s and 366d";
        QTest::newRow("missing cron") << R"({"schedule":"cron"})" << "tasks.auto_cleanup.cron"
                                      << "is required when schedule is \"cron\"";
        QTest::newRow("kind") << R"({"schedule":"hourly"})" << "tasks.auto_cleanup.schedule"
                              << "must be one of every_tick, interval, cron, once";
        QTest::newRow("hours") << R"({"active_hours":"9-17"})" << "tasks.auto_cleanup.active_hours"
                               << "HH:MM-HH:MM";
        QTest::newRow("hours equal") << R"({"active_hours":"09:00-09:00"})"
                                     << "tasks.auto_cleanup.active_hours" << "two different";
        QTest::newRow("jitter") << R"({"jitter":3601})" << "tasks.auto_cleanup.jitter"
                                << "between 0 and 3600";
        QTest::newRow("jitter fraction") << R"({"jitter":1.5})" << "tasks.auto_cleanup.jitter"
                                         << "whole number";
        QTest::newRow("misfire") << R"({"misfire":"later"})" << "tasks.auto_cleanup.misfire"
                                 << "run_once, skip, run_all";
        QTest::newRow("at") << R"({"schedule":"once","at":"tomorrow"})" << "tasks.auto_cleanup.at"
                            << "ISO 8601";
        QTest::newRow("unknown") << R"({"every":"5m"})" << "tasks.auto_cleanup.every"
                                 << "unknown field";
        QTest::newRow("type") << R"(5)" << "tasks.auto_cleanup" << "must be true, false or an object";
        QTest::newRow("fallback name") << R"({"fallback":"retry"})" << "tasks.auto_cleanup.fallback"
                                       << "none, alternative, skip, default_value, notify_and_continue, stop";
        QTest::newRow("fallback price only") << R"({"fallback":"default_value"})"
                                             << "tasks.auto_cleanup.fallback"
                                             << "\"default_value\" is for price_update only";
        QTest::newRow("critical") << R"({"critical":"yes"})" << "tasks.auto_cleanup.critical"
                                  << "true or false";
    }

    void configRefusesBadSchedules()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        const QByteArray text = R"({"tasks": {"auto_cleanup": )" + json.toUtf8() + "}}";
        ConfigError error;
        QVERIFY(!parse(text.constData(), &error));
        QCOMPARE(error.field, field);
        QVERIFY2(error.reason.contains(reason), qPrintable(error.reason));

        // The same schedule built in memory (as the config dialog does) is refused the same way.
        if (field.endsWith(u".cron")) {
            HeartbeatConfig config;
            config.schedules.insert(TaskName::AutoCleanup, cron("*/5 61 * * *"));
            const std::optional<ConfigError> problem = validateConfig(config);
            QVERIFY(problem);
            QCOMPARE(problem->field, field);
        }
    }

    void intervals()
    {
        QCOMPARE(parseIntervalText(QStringLiteral("90s")), 90'000);
        QCOMPARE(parseIntervalText(QStringLiteral("5m")), 300'000);
        QCOMPARE(parseIntervalText(QStringLiteral("2h")), 7'200'000);
        QCOMPARE(parseIntervalText(QStringLiteral("1d")), 86'400'000);
        QVERIFY(!parseIntervalText(QStringLiteral("5")));
        QVERIFY(!parseIntervalText(QStringLiteral("-5m")));
        QCOMPARE(intervalText(300'000), QStringLiteral("5m"));
        QCOMPARE(intervalText(90'000), QStringLiteral("90s"));
        QCOMPARE(intervalText(86'400'000), QStringLiteral("1d"));
    }

    // An interval runs at once the first time, then on its grid; a tick before the time runs
    // nothing; each run names the one it follows.
    void intervalRunsOnItsGrid()
    {
        TaskScheduler scheduler(1);
        const TaskSchedule every5 = interval(5 * kMinute);
        const qint64 t0 = utc("2026-12-03T10:00:00Z");
        ScheduleState s = scheduler.initial(QStringLiteral("t"), every5, t0);
        QCOMPARE(s.dueMs, t0);

        auto d = scheduler.decide(every5, s, t0 + 2000, false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Run);
        QCOMPARE(d.state.followsMs, t0);
        QCOMPARE(d.state.nominalMs, utc("2026-12-03T10:05:00Z"));
        QCOMPARE(d.state.dueMs, d.state.nominalMs); // no jitter
        s = d.state;

        d = scheduler.decide(every5, s, utc("2026-12-03T10:04:59Z"), false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::NotDue);
        QCOMPARE(d.state, s);

        // 30 s late (a tick's delay) is on time: runs, next on the grid, not 10:05:30 + 5 min.
        d = scheduler.decide(every5, s, utc("2026-12-03T10:05:30Z"), false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Run);
        QVERIFY(d.reason.isEmpty());
        QCOMPARE(d.state.followsMs, utc("2026-12-03T10:05:00Z"));
        QCOMPARE(d.state.nominalMs, utc("2026-12-03T10:10:00Z"));
    }

    void cronInItsZone()
    {
        TaskScheduler scheduler(1);
        // 03:00 in Jakarta (UTC+7, no DST) is 20:00 UTC the day before.
        const TaskSchedule nightly = cron("0 3 * * *", "Asia/Jakarta");
        ScheduleState s = scheduler.initial(QStringLiteral("t"), nightly, utc("2026-12-03T10:00:00Z"));
        QCOMPARE(s.nominalMs, utc("2026-12-03T20:00:00Z"));
        QCOMPARE(s.followsMs, 0);
        const auto d = scheduler.decide(nightly, s, utc("2026-12-03T20:00:20Z"), false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Run);
        QCOMPARE(d.state.followsMs, utc("2026-12-03T20:00:00Z"));
        QCOMPARE(d.state.nominalMs, utc("2026-12-04T20:00:00Z"));

        const QVector<qint64> next = TaskScheduler::upcoming(nightly, utc("2026-12-03T10:00:00Z"), 3);
        QCOMPARE(next, (QVector<qint64>{utc("2026-12-03T20:00:00Z"), utc("2026-12-04T20:00:00Z"),
                                        utc("2026-12-05T20:00:00Z")}));
    }

    // The engine was down from 10:05 to 12:03: 24 runs of a 5-minute task were missed.
    void misfirePolicies()
    {
        const qint64 due = utc("2026-12-03T10:05:00Z");
        const qint64 back = utc("2026-12-03T12:03:00Z");
        ScheduleState s;
        s.task = QStringLiteral("t");
        s.signature = interval(5 * kMinute).signature();
        s.nominalMs = s.dueMs = due;
        s.followsMs = utc("2026-12-03T10:00:00Z");

        TaskScheduler scheduler(1);
        // run_once: one run now, however many were missed; then the grid after now.
        auto d = scheduler.decide(interval(5 * kMinute), s, back, false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Run);
        QVERIFY2(d.reason.contains(QStringLiteral("missed >10 run(s) since 2026-12-03")), qPrintable(d.reason));
        QCOMPARE(d.state.catchUp, 0);
        QCOMPARE(d.state.nominalMs, utc("2026-12-03T12:05:00Z"));

        // skip: nothing runs; a skipped row says why; the next one is on the grid after now.
        d = scheduler.decide(interval(5 * kMinute, TaskSchedule::Misfire::Skip), s, back, false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Skip);
        QVERIFY2(d.reason.contains(QStringLiteral("misfire policy skip")), qPrintable(d.reason));
        QCOMPARE(d.state.nominalMs, utc("2026-12-03T12:05:00Z"));

        // run_all: each missed run, at most 10 - this one now and 9 owed, one per tick.
        const TaskSchedule all = interval(5 * kMinute, TaskSchedule::Misfire::RunAll);
        d = scheduler.decide(all, s, back, false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Run);
        QCOMPARE(d.state.catchUp, 9);
        int runs = 1;
        qint64 now = back;
        ScheduleState owed = d.state;
        for (int tick = 0; tick < 20; ++tick) {
            now += 2000;
            // A tick while the previous catch-up run is still going runs nothing.
            QCOMPARE(scheduler.decide(all, owed, now, true).verdict, TaskScheduler::Verdict::NotDue);
            const auto next = scheduler.decide(all, owed, now, false);
            if (next.verdict == TaskScheduler::Verdict::Run)
                ++runs;
            owed = next.state;
        }
        QCOMPARE(runs, 10);
        QCOMPARE(owed.catchUp, 0);

        // Three missed (10:05, 10:10, 10:15; back at 10:16:30): run_all runs exactly three.
        d = scheduler.decide(all, s, utc("2026-12-03T10:16:30Z"), false);
        QCOMPARE(d.state.catchUp, 2);
        QVERIFY2(d.reason.contains(QStringLiteral("missed 3 run(s)")), qPrintable(d.reason));

        // 60 s late is still on time; 61 s is missed.
        d = scheduler.decide(interval(5 * kMinute, TaskSchedule::Misfire::Skip), s, due + 60'000, false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Run);
        d = scheduler.decide(interval(5 * kMinute, TaskSchedule::Misfire::Skip), s, due + 61'000, false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Skip);
    }

    void neverOverlaps()
    {
        TaskScheduler scheduler(1);
        const TaskSchedule every5 = interval(5 * kMinute);
        ScheduleState s = scheduler.initial(QStringLiteral("t"), every5, utc("2026-12-03T10:00:00Z"));
        const auto d = scheduler.decide(every5, s, utc("2026-12-03T10:00:01Z"), true);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Skip);
        QCOMPARE(d.reason, QStringLiteral("still running"));
        QCOMPARE(d.state.nominalMs, utc("2026-12-03T10:05:00Z")); // consumed, not retried next tick

        TaskSchedule tick; // every tick: skipped while running, too
        const auto e = scheduler.decide(tick, scheduler.initial(QStringLiteral("t"), tick, 0), 5, true);
        QCOMPARE(e.verdict, TaskScheduler::Verdict::Skip);
        QCOMPARE(e.reason, QStringLiteral("still running"));
    }

    void activeHours()
    {
        TaskSchedule day;
        day.activeHours = QStringLiteral("09:00-21:00");
        day.tz = QStringLiteral("Asia/Jakarta"); // UTC+7
        QVERIFY(TaskScheduler::inActiveHours(day, utc("2026-12-03T02:00:00Z")));  // 09:00 WIB
        QVERIFY(TaskScheduler::inActiveHours(day, utc("2026-12-03T13:59:00Z")));  // 20:59
        QVERIFY(!TaskScheduler::inActiveHours(day, utc("2026-12-03T14:00:00Z"))); // 21:00
        QVERIFY(!TaskScheduler::inActiveHours(day, utc("2026-12-03T01:59:00Z"))); // 08:59

        TaskSchedule night = day;
        night.activeHours = QStringLiteral("22:00-06:00"); // wraps midnight
        QVERIFY(TaskScheduler::inActiveHours(night, utc("2026-12-03T16:00:00Z")));  // 23:00
        QVERIFY(TaskScheduler::inActiveHours(night, utc("2026-12-03T22:30:00Z")));  // 05:30
        QVERIFY(!TaskScheduler::inActiveHours(night, utc("2026-12-03T05:00:00Z"))); // 12:00

        TaskScheduler scheduler(1);
        const auto d = scheduler.decide(day, scheduler.initial(QStringLiteral("t"), day, 0),
                                        utc("2026-12-03T15:00:00Z"), false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Skip);
        QCOMPARE(d.reason, QStringLiteral("outside active hours 09:00-21:00"));
    }

    void jitterDelaysWithinItsBound()
    {
        TaskSchedule s = interval(60 * kMinute);
        s.jitterSeconds = 30;
        TaskScheduler scheduler(42);
        const qint64 t0 = utc("2026-12-03T10:00:00Z");
        QSet<qint64> delays;
        ScheduleState state = scheduler.initial(QStringLiteral("t"), s, t0);
        for (int i = 0; i < 50; ++i) {
            QVERIFY(state.dueMs >= state.nominalMs);
            QVERIFY(state.dueMs <= state.nominalMs + 30'000);
            delays.insert(state.dueMs - state.nominalMs);
            const auto d = scheduler.decide(s, state, state.dueMs, false);
            QCOMPARE(d.verdict, TaskScheduler::Verdict::Run);
            QCOMPARE(d.state.nominalMs, state.nominalMs + 60 * kMinute); // the grid keeps its phase
            state = d.state;
        }
        QVERIFY(delays.size() > 10); // really random, not one fixed delay
    }

    void onceRunsOnce()
    {
        TaskSchedule s;
        s.kind = TaskSchedule::Kind::Once;
        s.atMs = utc("2026-12-24T02:00:00Z");
        TaskScheduler scheduler(1);
        ScheduleState state = scheduler.initial(QStringLiteral("t"), s, utc("2026-12-03T00:00:00Z"));
        QCOMPARE(scheduler.decide(s, state, utc("2026-12-24T01:59:00Z"), false).verdict,
                 TaskScheduler::Verdict::NotDue);
        const auto d = scheduler.decide(s, state, utc("2026-12-24T02:00:10Z"), false);
        QCOMPARE(d.verdict, TaskScheduler::Verdict::Run);
        QCOMPARE(d.state.dueMs, 0);
        QCOMPARE(d.state.followsMs, s.atMs);
        QCOMPARE(scheduler.decide(s, d.state, utc("2027-01-01T00:00:00Z"), false).verdict,
                 TaskScheduler::Verdict::NotDue);
    }

    void describes()
    {
        QCOMPARE(TaskSchedule().describe(), QStringLiteral("every tick"));
        QCOMPARE(interval(5 * kMinute).describe(), QStringLiteral("every 5m"));
        TaskSchedule c = cron("0 3 * * *", "Asia/Jakarta");
        c.activeHours = QStringLiteral("01:00-05:00");
        QCOMPARE(c.describe(), QStringLiteral("cron 0 3 * * * (Asia/Jakarta), active 01:00-05:00"));
        // The misfire policy does not change when runs fall, so not the signature either.
        TaskSchedule c2 = c;
        c2.misfire = TaskSchedule::Misfire::Skip;
        QCOMPARE(c2.signature(), c.signature());
        c2.cron = QStringLiteral("0 4 * * *");
        QVERIFY(c2.signature() != c.signature());
    }
};

QTEST_GUILESS_MAIN(TestTaskSchedule)
#include "tst_taskschedule.moc"
