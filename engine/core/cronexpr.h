#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace hb {

// Where a cron expression is wrong: `position` is the 0-based character index into the text as
// given, `reason` is translated (context "hb::CronExpr").
struct CronError
{
    int position = 0;
    QString reason;
};

// One run of a cron schedule.
struct CronRun
{
    qint64 atMs = 0;         // when it runs, UTC epoch ms
    bool movedByGap = false; // the wall time it names does not exist (spring-forward gap)
    // The local wall-clock date and time the expression named. Differs from atMs's local time
    // only when movedByGap.
    QDate wallDate;
    QTime wallTime;
};

// A classic (Vixie) cron expression: 5 fields, minute hour day-of-month month day-of-week, each a
// list of `*`, `a`, `a-b`, `*/N`, `a-b/N` or `a/N` (= a to the field's maximum, step N); month
// names jan..dec and day names sun..sat (any case); day-of-week 0-7 where 0 and 7 are Sunday.
// The macros @hourly, @daily, @midnight, @weekly, @monthly, @yearly and @annually stand for their
// usual 5 fields.
//
// Days: when both day-of-month and day-of-week are restricted (neither field starts with `*`),
// a day matching either runs (`0 0 13 * 5`: every 13th and every Friday). Otherwise a day must
// match both, so the restricted one decides; as in Vixie cron, a field starting with `*` counts
// as unrestricted even when stepped (`*/2`).
//
// Time zones and daylight saving, as the classic cron daemons do it:
// - A wall time that occurs twice (autumn fall-back) runs once, at its first occurrence. This
//   holds for every job: in the repeated hour an every-minute job runs only in the first pass.
// - A wall time that does not exist (spring-forward gap) of a fixed-time job (neither minute nor
//   hour starts with `*`) runs at the first instant after the gap, once however many of its wall
//   times fall in the gap (CronRun::movedByGap). A job with `*` in the minute or hour field is
//   not fixed-time: its wall times in the gap are simply skipped (it runs at the next wall time
//   that exists), so every distinct instant whose local wall time matches runs, no more.
class CronExpr
{
public:
    enum class Field { Minute, Hour, DayOfMonth, Month, DayOfWeek };

    CronExpr() = default; // empty: matches nothing, next() is always nullopt

    // nullopt (and `error` filled when given) for a malformed expression.
    static std::optional<CronExpr> parse(const QString &text, CronError *error = nullptr);

    // The first run strictly after `afterMs` (UTC epoch ms) in `tz`; nullopt when the expression
    // never matches a real date (`0 0 30 2 *` is refused by parse(); day-of-week can still
    // restrict it to nothing within the search horizon of 400 years, which cannot happen for a
    // valid expression). Skips field by field on local wall-clock time, never minute by minute.
    std::optional<CronRun> next(qint64 afterMs, const QTimeZone &tz) const;

    // Whether a local wall-clock minute matches the fields (no time-zone rules involved).
    bool matches(const QDate &date, const QTime &time) const;
    // Neither minute nor hour starts with `*`: its runs in a DST gap are moved, not skipped.
    bool isFixedTime() const { return !m_minuteStar && !m_hourStar; }
    // The values a field accepts, ascending (day-of-week 0-6, Sunday 0).
    QList<int> values(Field field) const;
    // The expression normalised: lower case, single spaces (a macro stays a macro).
    QString text() const { return m_text; }

    // The first instant whose local wall time in `tz` is `date` `time` (the earlier of two in a
    // fall-back repeat); for a wall time in a spring-forward gap, the first instant after the gap
    // with *inGap set.
    static qint64 wallTimeToUtc(const QDate &date, const QTime &time, const QTimeZone &tz,
                                bool *inGap = nullptr);

private:
    bool dayMatches(int dayOfMonth, int dayOfWeek) const;

    QString m_text;
    quint64 m_minutes = 0;  // bits 0-59
    quint32 m_hours = 0;    // bits 0-23
    quint32 m_days = 0;     // bits 1-31
    quint32 m_months = 0;   // bits 1-12
    quint32 m_weekdays = 0; // bits 0-6, Sunday 0
    bool m_minuteStar = false;
    bool m_hourStar = false;
    bool m_dayStar = false;
    bool m_weekdayStar = false;
};

} // namespace hb
