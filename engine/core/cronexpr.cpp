#include "cronexpr.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <array>

namespace hb {

namespace {

constexpr qint64 kCronMinuteMs = 60'000;
constexpr qint64 kCronDayMs = 86'400'000;
// How far next() looks before deciding an expression never runs (Gregorian cycle).
constexpr int kCronHorizonYears = 400;

struct CronFieldSpec
{
    CronExpr::Field field;
    int min;
    int max;
};

constexpr std::array<CronFieldSpec, 5> kCronFields{{
    {CronExpr::Field::Minute, 0, 59},
    {CronExpr::Field::Hour, 0, 23},
    {CronExpr::Field::DayOfMonth, 1, 31},
    {CronExpr::Field::Month, 1, 12},
    {CronExpr::Field::DayOfWeek, 0, 7},
}};

constexpr std::array<const char *, 12> kCronMonthNames{"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char *, 7> kCronDayNames{"sun", "mon", "tue", "wed",
                                                    "thu", "fri", "sat"};

QString cronFieldName(CronExpr::Field field)
{
    switch (field) {
    case CronExpr::Field::Minute:
        return QCoreApplication::translate("hb::CronExpr", "minute");
    case CronExpr::Field::Hour:
        return QCoreApplication::translate("hb::CronExpr", "hour");
    case CronExpr::Field::DayOfMonth:
        return QCoreApplication::translate("hb::CronExpr", "day of month");
    case CronExpr::Field::Month:
        return QCoreApplication::translate("hb::CronExpr", "month");
    case CronExpr::Field::DayOfWeek:
        return QCoreApplication::translate("hb::CronExpr", "day of week");
    }
    return {};
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms): the
// search works on plain integers, which QDate would recompute from a Julian day at every step.
qint64 cronDaysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void cronCivilFromDays(qint64 z, int *y, int *m, int *d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = int(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = int(yoe + era * 400) + (*m <= 2);
}

bool cronIsLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cronDaysInMonth(int y, int m)
{
    static constexpr std::array<int, 13> days{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && cronIsLeap(y) ? 29 : days[size_t(m)];
}

int cronWeekday(qint64 days) // Sunday 0; 1970-01-01 was a Thursday
{
    const qint64 w = (days + 4) % 7;
    return int(w < 0 ? w + 7 : w);
}

// The lowest set bit at or above `from`, or -1.
int cronNextBit(quint64 mask, int from)
{
    if (from >= 64)
        return -1;
    const quint64 rest = mask & (~quint64(0) << from);
    return rest ? __builtin_ctzll(rest) : -1;
}

int cronOffsetAt(const QTimeZone &tz, qint64 utcMs) // seconds east of UTC
{
    return tz.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC));
}

// The first instant whose local wall time is `wallMs` (a wall time written as if it were UTC).
qint64 cronWallToUtc(qint64 wallMs, const QTimeZone &tz, bool *inGap)
{
    *inGap = false;
    // The instant lies within 14 h of the wall time, so the offsets a day either side bracket it.
    const int before = cronOffsetAt(tz, wallMs - kCronDayMs);
    const int after = cronOffsetAt(tz, wallMs + kCronDayMs);
    const qint64 atBefore = wallMs - qint64(before) * 1000;
    const qint64 atAfter = wallMs - qint64(after) * 1000;
    const bool beforeFits = cronOffsetAt(tz, atBefore) == before;
    const bool afterFits = before != after && cronOffsetAt(tz, atAfter) == after;
    if (beforeFits && afterFits)
        return std::min(atBefore, atAfter); // a repeated wall time: its first occurrence
    if (beforeFits)
        return atBefore;
    if (afterFits)
        return atAfter;
    if (before == after)
        return atBefore; // two transitions within a day; not in any zone's rules today
    // In the gap: the instant the offset changes, between the two readings of the wall time.
    *inGap = true;
    qint64 lo = std::min(atBefore, atAfter); // still the old offset
    qint64 hi = std::max(atBefore, atAfter); // already the new one
    while (hi - lo > 1000) {
        const qint64 mid = lo + (hi - lo) / 2000 * 1000;
        if (cronOffsetAt(tz, mid) == before)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

// Parses one field into a bit mask; on error fills `error` (positions relative to `base`).
class CronFieldParser
{
public:
    CronFieldParser(const QString &text, int base, const CronFieldSpec &spec)
        : m_text(text)
        , m_base(base)
        , m_spec(spec)
    {
    }

    std::optional<quint64> parse(CronError *error)
    {
        quint64 mask = 0;
        while (true) {
            if (!item(&mask))
                break;
            if (m_pos == m_text.size()) {
                if (m_spec.field == CronExpr::Field::DayOfWeek && (mask & (quint64(1) << 7)))
                    mask = (mask | 1) & ~(quint64(1) << 7); // 7 is Sunday too
                return mask;
            }
            if (m_text.at(m_pos) != u',') {
                fail(m_pos, QCoreApplication::translate("hb::CronExpr", "unexpected \"%1\"")
                                .arg(m_text.at(m_pos)));
                break;
            }
            ++m_pos;
        }
        if (error)
            *error = m_error;
        return std::nullopt;
    }

private:
    bool item(quint64 *mask)
    {
        int first = m_spec.min;
        int last = m_spec.max;
        const int start = m_pos;
        if (m_pos < m_text.size() && m_text.at(m_pos) == u'*') {
            ++m_pos;
        } else {
            if (!value(&first))
                return false;
            last = first;
            if (m_pos < m_text.size() && m_text.at(m_pos) == u'-') {
                ++m_pos;
                if (!value(&last))
                    return false;
                if (last < first)
                    return fail(start, QCoreApplication::translate("hb::CronExpr",
                                                                   "range %1 goes backwards")
                                           .arg(m_text.mid(start, m_pos - start)));
            } else if (m_pos < m_text.size() && m_text.at(m_pos) == u'/') {
                last = m_spec.max; // a/N: from a to the end of the field
            }
        }
        int step = 1;
        if (m_pos < m_text.size() && m_text.at(m_pos) == u'/') {
            ++m_pos;
            const int stepAt = m_pos;
            const int digits = digitRun();
            if (digits == 0)
                return fail(stepAt, QCoreApplication::translate("hb::CronExpr",
                                                                "expected a step after \"/\""));
            bool ok = false;
            step = m_text.mid(stepAt, digits).toInt(&ok);
            if (!ok || step < 1)
                return fail(stepAt,
                            QCoreApplication::translate("hb::CronExpr", "step must be at least 1"));
            m_pos += digits;
        }
        for (int v = first; v <= last; v += step)
            *mask |= quint64(1) << v;
        return true;
    }

    int digitRun() const
    {
        int n = 0;
        while (m_pos + n < m_text.size() && m_text.at(m_pos + n) >= u'0' &&
               m_text.at(m_pos + n) <= u'9')
            ++n;
        return n;
    }

    bool value(int *out)
    {
        const int start = m_pos;
        const int digits = digitRun();
        if (digits > 0) {
            m_pos += digits;
            bool ok = false;
            const int v = m_text.mid(start, digits).toInt(&ok);
            if (!ok || v < m_spec.min || v > m_spec.max)
                return fail(start, QCoreApplication::translate("hb::CronExpr",
                                                               "%1 %2 is out of range %3-%4")
                                       .arg(cronFieldName(m_spec.field), m_text.mid(start, digits))
                                       .arg(m_spec.min)
                                       .arg(m_spec.max));
            *out = v;
            return true;
        }
        int letters = 0;
        while (m_pos + letters < m_text.size() && m_text.at(m_pos + letters).isLetter())
            ++letters;
        const QString word = m_text.mid(start, letters);
        if (letters == 0) {
            const QString found = m_pos < m_text.size() ? QString(m_text.at(m_pos)) : QString();
            return fail(
                start,
                found.isEmpty()
                    ? QCoreApplication::translate("hb::CronExpr",
                                                  "expected a number at the end of the %1 field")
                          .arg(cronFieldName(m_spec.field))
                    : QCoreApplication::translate("hb::CronExpr", "expected a number, got \"%1\"")
                          .arg(found));
        }
        m_pos += letters;
        const QString lower = word.toLower();
        if (m_spec.field == CronExpr::Field::Month) {
            for (size_t i = 0; i < kCronMonthNames.size(); ++i) {
                if (lower == QLatin1String(kCronMonthNames[i])) {
                    *out = int(i) + 1;
                    return true;
                }
            }
            return fail(
                start,
                QCoreApplication::translate("hb::CronExpr", "unknown month name \"%1\"").arg(word));
        }
        if (m_spec.field == CronExpr::Field::DayOfWeek) {
            for (size_t i = 0; i < kCronDayNames.size(); ++i) {
                if (lower == QLatin1String(kCronDayNames[i])) {
                    *out = int(i);
                    return true;
                }
            }
            return fail(
                start,
                QCoreApplication::translate("hb::CronExpr", "unknown day name \"%1\"").arg(word));
        }
        return fail(start, QCoreApplication::translate(
                               "hb::CronExpr", "names are only for months and days of the week, "
                                               "got \"%1\" in the %2 field")
                               .arg(word, cronFieldName(m_spec.field)));
    }

    bool fail(int position, const QString &reason)
    {
        m_error = {m_base + position, reason};
        return false;
    }

    const QString &m_text;
    int m_base;
    CronFieldSpec m_spec;
    int m_pos = 0;
    CronError m_error;
};

struct CronMacro
{
    const char *name;
    const char *fields;
};

constexpr std::array<CronMacro, 7> kCronMacros{{
    {"@yearly", "0 0 1 1 *"},
    {"@annually", "0 0 1 1 *"},
    {"@monthly", "0 0 1 * *"},
    {"@weekly", "0 0 * * 0"},
    {"@daily", "0 0 * * *"},
    {"@midnight", "0 0 * * *"},
    {"@hourly", "0 * * * *"},
}};

} // namespace

std::optional<CronExpr> CronExpr::parse(const QString &text, CronError *error)
{
    const auto refuse = [error](int position, const QString &reason) {
        if (error)
            *error = {position, reason};
        return std::nullopt;
    };

    // The fields and where each starts in `text`.
    QStringList fields;
    QList<int> starts;
    for (int i = 0; i < text.size();) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        const int start = i;
        while (i < text.size() && !text.at(i).isSpace())
            ++i;
        fields.append(text.mid(start, i - start));
        starts.append(start);
    }

    CronExpr expr;
    if (fields.size() == 1 && fields.constFirst().startsWith(u'@')) {
        const QString macro = fields.constFirst().toLower();
        for (const CronMacro &m : kCronMacros) {
            if (macro == QLatin1String(m.name)) {
                std::optional<CronExpr> expanded = parse(QLatin1String(m.fields), error);
                expanded->m_text = macro;
                return expanded;
            }
        }
        return refuse(starts.constFirst(),
                      QCoreApplication::translate("hb::CronExpr", "unknown macro \"%1\"")
                          .arg(fields.constFirst()));
    }
    if (fields.size() != 5)
        return refuse(fields.size() > 5 ? starts.at(5) : int(text.size()),
                      QCoreApplication::translate("hb::CronExpr", "expected 5 fields, got %1")
                          .arg(fields.size()));

    std::array<quint64, 5> masks{};
    for (size_t f = 0; f < kCronFields.size(); ++f) {
        CronError fieldError;
        const std::optional<quint64> mask =
            CronFieldParser(fields.at(qsizetype(f)), starts.at(qsizetype(f)), kCronFields[f])
                .parse(&fieldError);
        if (!mask)
            return refuse(fieldError.position, fieldError.reason);
        masks[f] = *mask;
    }
    expr.m_minutes = masks[0];
    expr.m_hours = quint32(masks[1]);
    expr.m_days = quint32(masks[2]);
    expr.m_months = quint32(masks[3]);
    expr.m_weekdays = quint32(masks[4]);
    expr.m_minuteStar = fields.at(0).startsWith(u'*');
    expr.m_hourStar = fields.at(1).startsWith(u'*');
    expr.m_dayStar = fields.at(2).startsWith(u'*');
    expr.m_weekdayStar = fields.at(4).startsWith(u'*');

    // When the day of month decides, some chosen month must have one of its days (29 February
    // counts: it comes back in leap years).
    if (expr.m_dayStar || expr.m_weekdayStar) {
        bool possible = false;
        for (int m = 1; m <= 12 && !possible; ++m) {
            if (expr.m_months & (1u << m))
                possible = (expr.m_days & ((2u << cronDaysInMonth(2000, m)) - 1)) != 0;
        }
        if (!possible)
            return refuse(starts.at(2),
                          QCoreApplication::translate(
                              "hb::CronExpr", "no chosen month has the chosen day of month"));
    }
    expr.m_text = fields.join(u' ').toLower();
    return expr;
}

bool CronExpr::dayMatches(int dayOfMonth, int dayOfWeek) const
{
    const bool dayOk = m_days & (1u << dayOfMonth);
    const bool weekdayOk = m_weekdays & (1u << dayOfWeek);
    return m_dayStar || m_weekdayStar ? dayOk && weekdayOk : dayOk || weekdayOk;
}

bool CronExpr::matches(const QDate &date, const QTime &time) const
{
    return (m_minutes & (quint64(1) << time.minute())) && (m_hours & (1u << time.hour())) &&
           (m_months & (1u << date.month())) && dayMatches(date.day(), date.dayOfWeek() % 7);
}

QList<int> CronExpr::values(Field field) const
{
    quint64 mask = 0;
    switch (field) {
    case Field::Minute:
        mask = m_minutes;
        break;
    case Field::Hour:
        mask = m_hours;
        break;
    case Field::DayOfMonth:
        mask = m_days;
        break;
    case Field::Month:
        mask = m_months;
        break;
    case Field::DayOfWeek:
        mask = m_weekdays;
        break;
    }
    QList<int> out;
    for (int b = cronNextBit(mask, 0); b >= 0; b = cronNextBit(mask, b + 1))
        out.append(b);
    return out;
}

qint64 CronExpr::wallTimeToUtc(const QDate &date, const QTime &time, const QTimeZone &tz,
                               bool *inGap)
{
    bool gap = false;
    const qint64 wallMs = cronDaysFromCivil(date.year(), date.month(), date.day()) * kCronDayMs +
                          time.msecsSinceStartOfDay();
    const qint64 at = cronWallToUtc(wallMs, tz, &gap);
    if (inGap)
        *inGap = gap;
    return at;
}

std::optional<CronRun> CronExpr::next(qint64 afterMs, const QTimeZone &tz) const
{
    if (!m_minutes || !m_hours || !m_days || !m_months || !m_weekdays || !tz.isValid())
        return std::nullopt;
    // The first candidate wall minute: the one after the wall time of `afterMs`. A wall time
    // before it can only map to an instant at or before `afterMs`.
    qint64 wall = afterMs + qint64(cronOffsetAt(tz, afterMs)) * 1000;
    wall = wall - ((wall % kCronMinuteMs) + kCronMinuteMs) % kCronMinuteMs + kCronMinuteMs;

    qint64 days = wall >= 0 ? wall / kCronDayMs : (wall - kCronDayMs + 1) / kCronDayMs;
    int minuteOfDay = int((wall - days * kCronDayMs) / kCronMinuteMs);
    int hour = minuteOfDay / 60;
    int minute = minuteOfDay % 60;
    int year = 0;
    int month = 0;
    int day = 0;
    cronCivilFromDays(days, &year, &month, &day);
    const int lastYear = year + kCronHorizonYears;

    const int firstHour = cronNextBit(m_hours, 0);
    const int firstMinute = cronNextBit(m_minutes, 0);
    while (year <= lastYear) {
        if (!(m_months & (1u << month))) {
            const int m = cronNextBit(m_months, month + 1);
            if (m < 0) {
                ++year;
                month = cronNextBit(m_months, 1);
            } else {
                month = m;
            }
            day = 1;
            days = cronDaysFromCivil(year, month, day);
            hour = firstHour;
            minute = firstMinute;
            continue;
        }
        if (!dayMatches(day, cronWeekday(days))) {
            if (day < cronDaysInMonth(year, month)) {
                ++day;
            } else {
                day = 1;
                if (++month > 12) {
                    month = 1;
                    ++year;
                }
            }
            ++days;
            hour = firstHour;
            minute = firstMinute;
            continue;
        }
        if (!(m_hours & (1u << hour))) {
            const int h = cronNextBit(m_hours, hour + 1);
            if (h < 0) {
                hour = 24; // to the next day below
            } else {
                hour = h;
                minute = firstMinute;
            }
        }
        if (hour < 24) {
            const int m = cronNextBit(m_minutes, minute);
            if (m >= 0) {
                const qint64 candidate = days * kCronDayMs + (hour * 60 + m) * kCronMinuteMs;
                bool inGap = false;
                const qint64 at = cronWallToUtc(candidate, tz, &inGap);
                if (at > afterMs && (!inGap || isFixedTime())) {
                    CronRun run;
                    run.atMs = at;
                    run.movedByGap = inGap;
                    run.wallDate = QDate(year, month, day);
                    run.wallTime = QTime(hour, m);
                    return run;
                }
                // Already past (the second pass of a repeated hour), or a skipped gap minute.
                minute = m + 1;
                if (minute < 60)
                    continue;
            }
            ++hour;
            minute = firstMinute;
            const int h = cronNextBit(m_hours, hour);
            if (h >= 0) {
                hour = h;
                continue;
            }
        }
        // On to the next day.
        if (day < cronDaysInMonth(year, month)) {
            ++day;
        } else {
            day = 1;
            if (++month > 12) {
                month = 1;
                ++year;
            }
        }
        ++days;
        hour = firstHour;
        minute = firstMinute;
    }
    return std::nullopt;
}

} // namespace hb
