// Next-run computation of cron schedules, against stepping minute by minute:
//   scheduler_next_run_us   mean µs per CronExpr::next over 1 000 tasks with mixed cron
//                           expressions in several zones (DST ones included, some starting just
//                           before a DST change), vs the same question answered by stepping
//                           through the following minutes, taking each minute's local time in
//                           the zone and testing it with CronExpr::matches (the DST rules applied
//                           the same way: a gap's fixed-time runs move to the first minute after
//                           it, a repeated wall time runs only at its first occurrence).
//                           ratio = baseline / value (how many times faster).
//                           `mismatches` counts tasks where the two answers differ: it must be 0.
//
//   scheduler_cpu_ms_per_sim_hour
//                           CPU ms the engine's due check (TaskScheduler::atTick, the call
//                           HeartbeatEngine::tickNow makes per task per tick, with the next run
//                           kept between ticks as the engine keeps it) spends per simulated hour
//                           on the same 1 000 tasks, ticking every 30 s (the default tick) through
//                           24 simulated hours that hold Berlin's spring DST change; vs the same
//                           due question asked without a kept next run: at every tick, is there a
//                           run of the expression between the previous tick and now
//                           (CronExpr::next from the previous tick). ratio = baseline / value.
//                           `run_mismatches` counts tasks whose runs differ: it must be 0.
//
//   bench_scheduler [rounds=20]
// The task set is fixed (a seeded generator), so every run asks the same 1 000 questions.

#include "benchjson.h"
#include "core/cronexpr.h"
#include "core/taskschedule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include <time.h>

using namespace hb;
using Stopwatch = std::chrono::steady_clock;

namespace {

constexpr int kTasks = 1000;
constexpr qint64 kMinuteMs = 60'000;
// 2026-01-01T00:00:00Z
constexpr qint64 kYearStartMs = 1'767'225'600'000;
constexpr qint64 kYearMinutes = 365 * 1440;
// The stepping baseline gives up after this many minutes (9 years; 29 February comes back
// within 8).
constexpr qint64 kSteppingLimitMinutes = 9 * 366 * 1440;

struct Task
{
    CronExpr expr;
    QTimeZone tz;
    qint64 afterMs = 0;
    QString kind;
    bool nearDstChange = false;
};

double microsecondsSince(Stopwatch::time_point start)
{
    return std::chrono::duration<double, std::micro>(Stopwatch::now() - start).count();
}

std::vector<Task> makeTasks()
{
    const std::array<QByteArray, 6> zones{
        "UTC",          "Europe/Berlin",    "America/New_York",
        "Asia/Jakarta", "Australia/Sydney", "Australia/Lord_Howe"};
    std::mt19937 rng(20260329);
    const auto pick = [&rng](int n) { return int(rng() % quint32(n)); };
    std::vector<Task> tasks;
    tasks.reserve(kTasks);
    for (int i = 0; i < kTasks; ++i) {
        const QTimeZone tz(zones[size_t(i % int(zones.size()))]);
        qint64 after = kYearStartMs + qint64(pick(int(kYearMinutes))) * kMinuteMs + pick(60'000);
        // One task in 4, and the 02:30 dailies, start up to 3 hours before one of their zone's
        // DST changes, at an hour a fixed-time job may name inside the gap or the repeat.
        bool nearChange = false;
        if ((i % 4 == 0 || i % 20 == 19) && tz.hasTransitions()) {
            const QTimeZone::OffsetData change =
                tz.nextTransition(QDateTime::fromMSecsSinceEpoch(after, Qt::UTC));
            if (change.atUtc.isValid()) {
                after =
                    change.atUtc.toMSecsSinceEpoch() - qint64(pick(180)) * kMinuteMs - pick(60'000);
                nearChange = true;
            }
        }
        const int minute = pick(60);
        const int hour = nearChange ? 1 + pick(3) : pick(24);
        QString text;
        QString kind;
        switch (i % 20) {
        case 0:
        case 1:
            text = QStringLiteral("* * * * *");
            kind = QStringLiteral("every minute");
            break;
        case 2:
        case 3:
            text = QStringLiteral("*/5 * * * *");
            kind = QStringLiteral("every 5 minutes");
            break;
        case 4:
        case 5:
        case 6:
            text = QStringLiteral("%1 * * * *").arg(minute);
            kind = QStringLiteral("hourly");
            break;
        case 7:
        case 8:
        case 9:
        case 10:
            text = QStringLiteral("%1 %2 * * *").arg(minute).arg(hour);
            kind = QStringLiteral("daily");
            break;
        case 11:
        case 12:
            text = QStringLiteral("%1 %2 * * %3").arg(minute).arg(hour).arg(pick(7));
            kind = QStringLiteral("weekly");
            break;
        case 13:
        case 14:
            text = QStringLiteral("%1 %2 31 * *").arg(minute).arg(hour);
            kind = QStringLiteral("monthly on the 31st");
            break;
        case 15:
        case 16:
            text = QStringLiteral("%1 %2 13 * fri").arg(minute).arg(hour);
            kind = QStringLiteral("13th or Friday");
            break;
        case 17:
            text = QStringLiteral("*/15 9-17 * * mon-fri");
            kind = QStringLiteral("office hours");
            break;
        case 18:
            text = QStringLiteral("0,30 %1 1,15 * *").arg(hour);
            kind = QStringLiteral("twice a month");
            break;
        default:
            text = i % 100 == 19 ? QStringLiteral("0 0 29 feb *") : QStringLiteral("30 2 * * *");
            kind = i % 100 == 19 ? QStringLiteral("29 February") : QStringLiteral("02:30 daily");
            break;
        }
        const std::optional<CronExpr> expr = CronExpr::parse(text);
        if (!expr) {
            std::fprintf(stderr, "bench_scheduler: bad expression %s\n", qPrintable(text));
            std::exit(1);
        }
        tasks.push_back({*expr, tz, after, kind, nearChange});
    }
    return tasks;
}

struct SteppedRun
{
    qint64 atMs = 0;
    bool movedByGap = false;
};

// Local wall time of an instant, as ms since the epoch of the wall clock, with its fields.
struct WallMinute
{
    qint64 wallMs = 0;
    QDate date;
    QTime time;
};

WallMinute steppingWallAt(qint64 utcMs, const QTimeZone &tz)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, tz);
    return {utcMs + qint64(local.offsetFromUtc()) * 1000, local.date(), local.time()};
}

// The same question answered the slow, obvious way: every minute after `after`, its local time.
std::optional<SteppedRun> steppingNext(const CronExpr &expr, qint64 afterMs, const QTimeZone &tz)
{
    qint64 t =
        (afterMs >= 0 ? afterMs / kMinuteMs : (afterMs - kMinuteMs + 1) / kMinuteMs) * kMinuteMs +
        kMinuteMs;
    qint64 previousWall = steppingWallAt(t - kMinuteMs, tz).wallMs;
    for (qint64 n = 0; n < kSteppingLimitMinutes; ++n, t += kMinuteMs) {
        const WallMinute now = steppingWallAt(t, tz);
        // The clock jumped forward: wall minutes that never happened. A fixed-time job that
        // names one runs now, once.
        if (now.wallMs - previousWall > kMinuteMs && expr.isFixedTime()) {
            for (qint64 w = previousWall + kMinuteMs; w < now.wallMs; w += kMinuteMs) {
                const QDateTime wall = QDateTime::fromMSecsSinceEpoch(w, Qt::UTC);
                if (expr.matches(wall.date(), wall.time()))
                    return SteppedRun{t, true};
            }
        }
        if (expr.matches(now.date, now.time)) {
            // A wall time seen before (the clock went back 30, 60 or 120 minutes): not again.
            bool repeat = false;
            for (const qint64 back : {30, 60, 120})
                repeat = repeat || steppingWallAt(t - back * kMinuteMs, tz).wallMs == now.wallMs;
            if (!repeat)
                return SteppedRun{t, false};
        }
        previousWall = now.wallMs;
    }
    return std::nullopt;
}

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// 2026-03-29T00:00:00Z: Berlin springs forward at 01:00Z.
constexpr qint64 kSimStartMs = 1'774'742'400'000;
constexpr qint64 kSimHours = 24;
constexpr qint64 kTickMs = 30'000;

struct SimResult
{
    double cpuMsPerHour = 0;
    std::vector<int> runs; // per task
};

// The engine's way: the next run kept per task, compared at every tick, moved on when it ran.
SimResult simulateKept(const std::vector<Task> &tasks)
{
    std::vector<TaskSchedule> schedules(tasks.size());
    for (size_t i = 0; i < tasks.size(); ++i) {
        schedules[i].kind = TaskSchedule::Kind::Cron;
        schedules[i].cron = tasks[i].expr.text();
        schedules[i].tz = QString::fromUtf8(tasks[i].tz.id());
    }
    const QString name = QStringLiteral("task");
    TaskScheduler scheduler(1);
    std::vector<TaskScheduler::Cached> caches(tasks.size());
    std::vector<ScheduleState> states(tasks.size());
    SimResult result;
    result.runs.assign(tasks.size(), 0);
    const double start = cpuMs();
    for (qint64 now = kSimStartMs; now < kSimStartMs + kSimHours * 3'600'000; now += kTickMs) {
        for (size_t i = 0; i < tasks.size(); ++i) {
            TaskScheduler::Decision d =
                scheduler.atTick(name, schedules[i], &caches[i], states[i], now, false);
            if (d.verdict == TaskScheduler::Verdict::Run)
                ++result.runs[i];
            if (d.state != states[i])
                states[i] = std::move(d.state);
        }
    }
    result.cpuMsPerHour = (cpuMs() - start) / double(kSimHours);
    return result;
}

// Without a kept next run: each tick asks whether one fell since the previous tick.
SimResult simulateStateless(const std::vector<Task> &tasks)
{
    SimResult result;
    result.runs.assign(tasks.size(), 0);
    const double start = cpuMs();
    for (qint64 now = kSimStartMs; now < kSimStartMs + kSimHours * 3'600'000; now += kTickMs) {
        for (size_t i = 0; i < tasks.size(); ++i) {
            // The first tick only learns the schedule (as the engine's initial() does).
            if (now == kSimStartMs)
                continue;
            const std::optional<CronRun> run = tasks[i].expr.next(now - kTickMs, tasks[i].tz);
            if (run && run->atMs <= now)
                ++result.runs[i];
        }
    }
    result.cpuMsPerHour = (cpuMs() - start) / double(kSimHours);
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    const std::vector<Task> tasks = makeTasks();

    // Ours, several rounds over all tasks.
    std::vector<std::optional<CronRun>> ours(tasks.size());
    const auto oursStart = Stopwatch::now();
    for (int r = 0; r < rounds; ++r) {
        for (size_t i = 0; i < tasks.size(); ++i)
            ours[i] = tasks[i].expr.next(tasks[i].afterMs, tasks[i].tz);
    }
    const double oursUs = microsecondsSince(oursStart) / double(rounds * tasks.size());

    // The baseline, once (it is slow enough to time on its own).
    std::vector<std::optional<SteppedRun>> stepped(tasks.size());
    const auto steppingStart = Stopwatch::now();
    for (size_t i = 0; i < tasks.size(); ++i)
        stepped[i] = steppingNext(tasks[i].expr, tasks[i].afterMs, tasks[i].tz);
    const double steppingUs = microsecondsSince(steppingStart) / double(tasks.size());

    int mismatches = 0;
    int moved = 0;
    int nearChange = 0;
    for (size_t i = 0; i < tasks.size(); ++i) {
        const bool same = ours[i].has_value() == stepped[i].has_value() &&
                          (!ours[i] || (ours[i]->atMs == stepped[i]->atMs &&
                                        ours[i]->movedByGap == stepped[i]->movedByGap));
        moved += ours[i] && ours[i]->movedByGap;
        nearChange += tasks[i].nearDstChange;
        if (!same) {
            ++mismatches;
            std::fprintf(stderr, "bench_scheduler: mismatch for '%s' in %s after %s: %s vs %s\n",
                         qPrintable(tasks[i].expr.text()), tasks[i].tz.id().constData(),
                         qPrintable(QDateTime::fromMSecsSinceEpoch(tasks[i].afterMs, Qt::UTC)
                                        .toString(Qt::ISODateWithMs)),
                         ours[i] ? qPrintable(QDateTime::fromMSecsSinceEpoch(ours[i]->atMs, Qt::UTC)
                                                  .toString(Qt::ISODate))
                                 : "none",
                         stepped[i]
                             ? qPrintable(QDateTime::fromMSecsSinceEpoch(stepped[i]->atMs, Qt::UTC)
                                              .toString(Qt::ISODate))
                             : "none");
        }
    }

    QJsonObject extra;
    extra.insert(QStringLiteral("tasks"), int(tasks.size()));
    extra.insert(QStringLiteral("rounds"), rounds);
    extra.insert(QStringLiteral("mismatches"), mismatches);
    extra.insert(QStringLiteral("moved_by_gap"), moved);
    extra.insert(QStringLiteral("near_dst_change"), nearChange);
    bench::printFigure("scheduler_next_run_us", oursUs, "us", steppingUs,
                       bench::Target::ratioAtLeast(100.0), extra,
                       bench::RatioIs::BaselineOverValue);

    const SimResult kept = simulateKept(tasks);
    const SimResult stateless = simulateStateless(tasks);
    int runMismatches = 0;
    qint64 totalRuns = 0;
    for (size_t i = 0; i < tasks.size(); ++i) {
        totalRuns += kept.runs[i];
        if (kept.runs[i] != stateless.runs[i]) {
            ++runMismatches;
            std::fprintf(stderr, "bench_scheduler: '%s' in %s ran %d times, stateless %d\n",
                         qPrintable(tasks[i].expr.text()), tasks[i].tz.id().constData(),
                         kept.runs[i], stateless.runs[i]);
        }
    }
    QJsonObject simExtra;
    simExtra.insert(QStringLiteral("tasks"), int(tasks.size()));
    simExtra.insert(QStringLiteral("tick_ms"), kTickMs);
    simExtra.insert(QStringLiteral("simulated_hours"), kSimHours);
    simExtra.insert(QStringLiteral("runs"), totalRuns);
    simExtra.insert(QStringLiteral("run_mismatches"), runMismatches);
    // The goal: 1 000 tasks cost the engine thread under a tenth of a second an hour.
    bench::printFigure("scheduler_cpu_ms_per_sim_hour", kept.cpuMsPerHour, "ms",
                       stateless.cpuMsPerHour, bench::Target::valueAtMost(100.0), simExtra,
                       bench::RatioIs::BaselineOverValue);
    return mismatches == 0 && runMismatches == 0 ? 0 : 1;
}
