#pragma once

#include "core/cronexpr.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>
#include <random>

namespace hb {

// When one task runs (config.json "tasks.NAME" as an object; docs/scheduling.md). The default is
// today's behaviour: every tick.
struct TaskSchedule
{
    enum class Kind { EveryTick, Interval, Cron, Once };
    // What happens to runs missed by more than MissedAfterMs (the engine was stopped or paused).
    enum class Misfire {
        RunOnce, // run once right away however many were missed (Quartz, systemd Persistent=)
        Skip,    // wait for the next one
        RunAll,  // run each missed one, at most MaxCatchUp, one after the other
    };
    static constexpr qint64 MissedAfterMs = 60'000;
    static constexpr int MaxCatchUp = 10;
    static constexpr int MaxJitterSeconds = 3600;

    Kind kind = Kind::EveryTick;
    qint64 intervalMs = 0;  // Interval: 1 s .. 366 d
    QString cron;           // Cron: 5 fields or a macro (CronExpr)
    QString tz;             // the zone of `cron`, `at` without offset and `active_hours`; empty: the machine's
    qint64 atMs = 0;        // Once: UTC epoch ms
    QString activeHours;    // "HH:MM-HH:MM" in `tz` (may wrap midnight); empty: always
    int jitterSeconds = 0;  // 0 .. MaxJitterSeconds: a random delay added to each run time
    Misfire misfire = Misfire::RunOnce;
    // A failing run is tried again inside the same run, `retries` more times, after an
    // exponential backoff with jitter: base * 2^n capped at max, half of it random. Only the
    // last attempt's outcome counts for the breaker; every attempt is a row.
    static constexpr int MaxRetries = 10;
    int retries = 0;             // 0 .. MaxRetries; 0 is the old behaviour
    qint64 retryBaseMs = 1000;   // 10 .. 600 000
    qint64 retryMaxMs = 30'000;  // retryBaseMs .. 3 600 000

    // What happens when the run still fails after its retries (docs/scheduling.md).
    enum class Fallback {
        None,              // the failure counts for the breaker, as always
        Alternative,       // price_update: a second oracle source is tried before giving up
        Skip,              // recorded as skipped with the reason; no breaker count
        DefaultValue,      // price_update: the last known price is kept, marked carried forward
        NotifyAndContinue, // an alert (so a notification) and the run counts as failed
        Stop,              // the task is disabled with the reason, audited, until an admin enables it
    };
    Fallback fallback = Fallback::None;
    // Runs in safe mode (the emergency action that keeps only critical tasks running).
    bool critical = false;
    static QStringList fallbackNames(); // none, alternative, skip, default_value, notify_and_continue, stop
    static QString fallbackName(Fallback fallback);

    // The wait before retry number `retry` (0-based), `unit` in [0, 1) its random part.
    qint64 retryDelayMs(int retry, double unit) const;

    bool isDefault() const { return *this == TaskSchedule(); }
    bool operator==(const TaskSchedule &other) const;
    bool operator!=(const TaskSchedule &other) const { return !(*this == other); }

    static QStringList kindNames();    // every_tick, interval, cron, once
    static QStringList misfireNames(); // run_once, skip, run_all
    static QString kindName(Kind kind);
    static QString misfireName(Misfire misfire);

    // The zone `tz` names (the machine's for an empty one); invalid for an unknown name.
    QTimeZone timeZone() const;
    // What persisted state was computed for: the fields that decide run times. A change of any
    // of them starts the schedule afresh; a change of the misfire policy does not.
    QString signature() const;
    // For people: "every tick", "every 5m", "cron 0 3 * * * (Asia/Jakarta)", "once at ...".
    QString describe() const;
};

// "90s", "5m", "2h", "1d" (one unit) to ms; nullopt for anything else. And back, in the largest
// unit that divides it.
std::optional<qint64> parseIntervalText(const QString &text);
QString intervalText(qint64 ms);

// A task's schedule as config.json holds it: `enabled` plus the schedule fields, or just true or
// false for the default schedule. Field paths in errors start with `path` ("tasks.NAME").
struct ScheduleFieldError
{
    QString field; // full JSON path, e.g. "tasks.auto_cleanup.cron"
    QString reason;
};
std::optional<ScheduleFieldError> scheduleFromJson(const QString &path, const QJsonValue &json,
                                                   bool *enabled, TaskSchedule *schedule);
QJsonValue scheduleToJson(bool enabled, const TaskSchedule &schedule);
// Checks an in-memory schedule; the first problem, with the field under `path`.
std::optional<ScheduleFieldError> validateSchedule(const QString &path,
                                                   const TaskSchedule &schedule);

// Where a task's schedule stands: one row of metrics.db's `task_schedule`, written in the same
// transaction as the runs it follows, so a restart neither loses nor repeats a run.
struct ScheduleState
{
    QString task;
    QString signature;   // TaskSchedule::signature() it was computed for
    qint64 dueMs = 0;    // when the next run fires: nominalMs plus jitter; 0: never again (a once that ran)
    qint64 nominalMs = 0; // the scheduled time of the next run
    qint64 followsMs = 0; // the scheduled time of the run it follows; 0: none yet
    int catchUp = 0;      // run_all: missed runs still to run

    bool operator==(const ScheduleState &other) const;
    bool operator!=(const ScheduleState &other) const { return !(*this == other); }
};

// The decisions of the tick loop, as pure functions of a schedule, its state and the time, so
// they are tested without an engine. The engine asks once per tick per enabled task.
class TaskScheduler
{
public:
    enum class Verdict {
        NotDue, // nothing to record
        Run,    // launch it (catch-up runs too)
        Skip,   // record a skipped run with `reason`
    };
    struct Decision
    {
        Verdict verdict = Verdict::NotDue;
        QString reason;      // Skip: why; Run: a note for the log (catch-up), may be empty
        ScheduleState state; // what to persist with this tick's rows
    };

    // A schedule with its signature, computed once and kept between ticks.
    struct Cached
    {
        bool valid = false;
        TaskSchedule schedule;
        QString signature;
    };

    // `seed` drives the jitter (tests pass a fixed one).
    explicit TaskScheduler(quint64 seed = std::random_device{}());

    // The state of a schedule seen for the first time (or changed): its first run. An interval
    // or every-tick schedule runs at once; a cron one at its next time after `nowMs`.
    ScheduleState initial(const QString &task, const TaskSchedule &schedule, qint64 nowMs);
    // At a tick at `nowMs`. `running`: the task's previous run has not returned.
    Decision decide(const TaskSchedule &schedule, const ScheduleState &state, qint64 nowMs,
                    bool running);

    // The tick loop's question for one task, as the engine asks it: `schedule` is the config's
    // current one (a change starts it afresh: initial()), `state` the committed one.
    Decision atTick(const QString &task, const TaskSchedule &schedule, Cached *cache,
                    const ScheduleState &state, qint64 nowMs, bool running);

    // The scheduled time of the first run after `afterMs` (jitter aside); nullopt: none (a once
    // past, a bad expression). `fromNominalMs` anchors an interval's phase.
    static std::optional<qint64> nextNominal(const TaskSchedule &schedule, qint64 afterMs,
                                             qint64 fromNominalMs);
    // The next `count` run times after `afterMs` (jitter aside), for the dialog and the CLI.
    static QVector<qint64> upcoming(const TaskSchedule &schedule, qint64 afterMs, int count);
    // Whether `ms` lies inside the schedule's active hours (always true without any).
    static bool inActiveHours(const TaskSchedule &schedule, qint64 ms);

private:
    // The state after the run (or skip) scheduled at `consumedNominalMs`, with the next run after
    // `afterMs`.
    ScheduleState advance(const TaskSchedule &schedule, const ScheduleState &state,
                          qint64 consumedNominalMs, qint64 afterMs);
    qint64 withJitter(const TaskSchedule &schedule, qint64 nominalMs);

    std::mt19937_64 m_random;
};

} // namespace hb
