#include "core/taskschedule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace hb {

namespace {

constexpr qint64 kMaxIntervalMs = 366LL * 86'400'000;

const QString kEnabledKey = QStringLiteral("enabled");
const QString kScheduleKey = QStringLiteral("schedule");
const QString kIntervalKey = QStringLiteral("interval");
const QString kCronKey = QStringLiteral("cron");
const QString kTzKey = QStringLiteral("tz");
const QString kAtKey = QStringLiteral("at");
const QString kActiveHoursKey = QStringLiteral("active_hours");
const QString kJitterKey = QStringLiteral("jitter");
const QString kMisfireKey = QStringLiteral("misfire");
const QString kRetriesKey = QStringLiteral("retries");
const QString kFallbackKey = QStringLiteral("fallback");
const QString kCriticalKey = QStringLiteral("critical");
const QString kRetryBaseKey = QStringLiteral("retry_base_ms");
const QString kRetryMaxKey = QStringLiteral("retry_max_ms");

struct ActiveHours
{
    int fromMinute = 0; // of the day
    int toMinute = 0;
};

std::optional<ActiveHours> parseActiveHours(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^(\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d)$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int h1 = m.captured(1).toInt(), m1 = m.captured(2).toInt();
    const int h2 = m.captured(3).toInt(), m2 = m.captured(4).toInt();
    // 24:00 ends a day ("09:00-24:00").
    if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || (h2 == 24 && m2 != 0))
        return std::nullopt;
    ActiveHours hours{h1 * 60 + m1, h2 * 60 + m2};
    if (hours.fromMinute == hours.toMinute)
        return std::nullopt;
    return hours;
}

// "2026-12-24T02:00:00+07:00", "2026-12-24T02:00Z", or without an offset in the zone `tz`.
std::optional<qint64> parseAt(const QString &text, const QTimeZone &tz)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid())
        return std::nullopt;
    if (at.timeSpec() == Qt::LocalTime) // no offset written: the task's zone decides
        return CronExpr::wallTimeToUtc(at.date(), at.time(), tz);
    return at.toMSecsSinceEpoch();
}

QString describeJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QStringLiteral("\"%1\"").arg(value.toString().left(40));
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 16);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QCoreApplication::translate("hb::TaskSchedule", "an object");
    case QJsonValue::Array:
        return QCoreApplication::translate("hb::TaskSchedule", "an array");
    default:
        return QStringLiteral("null");
    }
}

} // namespace

bool TaskSchedule::operator==(const TaskSchedule &o) const
{
    return kind == o.kind && intervalMs == o.intervalMs && cron == o.cron && tz == o.tz
           && atMs == o.atMs && activeHours == o.activeHours && jitterSeconds == o.jitterSeconds
           && misfire == o.misfire && retries == o.retries && retryBaseMs == o.retryBaseMs
           && retryMaxMs == o.retryMaxMs && fallback == o.fallback && critical == o.critical;
}

QStringList TaskSchedule::fallbackNames()
{
    return {QStringLiteral("none"),          QStringLiteral("alternative"),
            QStringLiteral("skip"),          QStringLiteral("default_value"),
            QStringLiteral("notify_and_continue"), QStringLiteral("stop")};
}

QString TaskSchedule::fallbackName(Fallback fallback)
{
    return fallbackNames().value(int(fallback));
}

qint64 TaskSchedule::retryDelayMs(int retry, double unit) const
{
    const qint64 full = std::min(retryMaxMs, retryBaseMs << std::min(retry, 30));
    // "Equal jitter": half the wait fixed, half random, so retries of many tasks spread out
    // but none comes back at once.
    return full / 2 + qint64(double(full - full / 2) * std::clamp(unit, 0.0, 1.0));
}

QStringList TaskSchedule::kindNames()
{
    return {QStringLiteral("every_tick"), QStringLiteral("interval"), QStringLiteral("cron"),
            QStringLiteral("once")};
}

QStringList TaskSchedule::misfireNames()
{
    return {QStringLiteral("run_once"), QStringLiteral("skip"), QStringLiteral("run_all")};
}

QString TaskSchedule::kindName(Kind kind)
{
    return kindNames().value(int(kind));
}

QString TaskSchedule::misfireName(Misfire misfire)
{
    return misfireNames().value(int(misfire));
}

QTimeZone TaskSchedule::timeZone() const
{
    if (tz.isEmpty())
        return QTimeZone::systemTimeZone();
    return QTimeZone(tz.toUtf8());
}

QString TaskSchedule::signature() const
{
    QString text = kindName(kind);
    switch (kind) {
    case Kind::EveryTick:
        break;
    case Kind::Interval:
        text += u' ' + QString::number(intervalMs);
        break;
    case Kind::Cron:
        text += u' ' + cron.simplified() + u' ' + tz;
        break;
    case Kind::Once:
        text += u' ' + QString::number(atMs);
        break;
    }
    if (jitterSeconds > 0)
        text += QStringLiteral(" jitter %1").arg(jitterSeconds);
    return text;
}

QString TaskSchedule::describe() const
{
    QString text;
    switch (kind) {
    case Kind::EveryTick:
        text = QCoreApplication::translate("hb::TaskSchedule", "every tick");
        break;
    case Kind::Interval:
        text = QCoreApplication::translate("hb::TaskSchedule", "every %1").arg(intervalText(intervalMs));
        break;
    case Kind::Cron:
        text = tz.isEmpty() ? QCoreApplication::translate("hb::TaskSchedule", "cron %1").arg(cron.simplified())
                            : QCoreApplication::translate("hb::TaskSchedule", "cron %1 (%2)").arg(cron.simplified(), tz);
        break;
    case Kind::Once:
        text = QCoreApplication::translate("hb::TaskSchedule", "once at %1")
                   .arg(QDateTime::fromMSecsSinceEpoch(atMs, timeZone())
                            .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        break;
    }
    if (!activeHours.isEmpty())
        text += u", " + QCoreApplication::translate("hb::TaskSchedule", "active %1").arg(activeHours);
    return text;
}

std::optional<qint64> parseIntervalText(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{1,9})([smhd])$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    const qint64 scale = unit == u's' ? 1000 : unit == u'm' ? 60'000 : unit == u'h' ? 3'600'000
                                                                                    : 86'400'000;
    return n * scale;
}

QString intervalText(qint64 ms)
{
    if (ms > 0 && ms % 86'400'000 == 0)
        return QString::number(ms / 86'400'000) + u'd';
    if (ms > 0 && ms % 3'600'000 == 0)
        return QString::number(ms / 3'600'000) + u'h';
    if (ms > 0 && ms % 60'000 == 0)
        return QString::number(ms / 60'000) + u'm';
    return QString::number(ms / 1000) + u's';
}

std::optional<ScheduleFieldError> validateSchedule(const QString &path, const TaskSchedule &s)
{
    const auto fail = [&](const QString &key, const QString &reason) {
        return std::optional<ScheduleFieldError>(ScheduleFieldError{path + u'.' + key, reason});
    };
    if (!s.tz.isEmpty() && !QTimeZone(s.tz.toUtf8()).isValid())
        return fail(kTzKey, QCoreApplication::translate("hb::TaskSchedule", "unknown time zone \"%1\" (an IANA name such as "
                                       "Asia/Jakarta)")
                                .arg(s.tz));
    switch (s.kind) {
    case TaskSchedule::Kind::EveryTick:
        break;
    case TaskSchedule::Kind::Interval:
        if (s.intervalMs < 1000 || s.intervalMs > kMaxIntervalMs)
            return fail(kIntervalKey,
                        QCoreApplication::translate("hb::TaskSchedule", "must be between 1s and 366d, written like 90s, 5m, 2h or 1d"));
        break;
    case TaskSchedule::Kind::Cron: {
        CronError error;
        if (!CronExpr::parse(s.cron, &error))
            return fail(kCronKey, QCoreApplication::translate("hb::TaskSchedule", "position %1: %2").arg(error.position).arg(error.reason));
        break;
    }
    case TaskSchedule::Kind::Once:
        if (s.atMs <= 0)
            return fail(kAtKey, QCoreApplication::translate("hb::TaskSchedule", "must be a date and time, e.g. 2026-12-24T02:00:00+07:00"));
        break;
    }
    if (!s.activeHours.isEmpty() && !parseActiveHours(s.activeHours))
        return fail(kActiveHoursKey,
                    QCoreApplication::translate("hb::TaskSchedule", "must be HH:MM-HH:MM, 24-hour, two different times (got \"%1\")")
                        .arg(s.activeHours));
    if (s.jitterSeconds < 0 || s.jitterSeconds > TaskSchedule::MaxJitterSeconds)
        return fail(kJitterKey, QCoreApplication::translate("hb::TaskSchedule", "must be a whole number of seconds between 0 and %1")
                                    .arg(TaskSchedule::MaxJitterSeconds));
    // `path` is "tasks.NAME": only the price task has a source to fall back on.
    const bool priceTask = path.endsWith(QStringLiteral(".price_update"));
    if (!priceTask
        && (s.fallback == TaskSchedule::Fallback::Alternative
            || s.fallback == TaskSchedule::Fallback::DefaultValue))
        return fail(kFallbackKey, QCoreApplication::translate("hb::TaskSchedule", "\"%1\" is for price_update only (it needs a price "
                                             "source)")
                                      .arg(TaskSchedule::fallbackName(s.fallback)));
    if (s.retries < 0 || s.retries > TaskSchedule::MaxRetries)
        return fail(kRetriesKey, QCoreApplication::translate("hb::TaskSchedule", "must be an integer between 0 and %1")
                                     .arg(TaskSchedule::MaxRetries));
    if (s.retryBaseMs < 10 || s.retryBaseMs > 600'000)
        return fail(kRetryBaseKey, QCoreApplication::translate("hb::TaskSchedule", "must be an integer between 10 and 600000"));
    if (s.retryMaxMs < s.retryBaseMs || s.retryMaxMs > 3'600'000)
        return fail(kRetryMaxKey, QCoreApplication::translate("hb::TaskSchedule", "must be an integer between retry_base_ms (%1) and "
                                             "3600000")
                                      .arg(s.retryBaseMs));
    return std::nullopt;
}

std::optional<ScheduleFieldError> scheduleFromJson(const QString &path, const QJsonValue &json,
                                                   bool *enabled, TaskSchedule *schedule)
{
    *schedule = TaskSchedule();
    if (json.isBool()) {
        *enabled = json.toBool();
        return std::nullopt;
    }
    if (!json.isObject())
        return ScheduleFieldError{path, QCoreApplication::translate("hb::TaskSchedule", "must be true, false or an object with "
                                                   "\"enabled\" and a schedule (got %1)")
                                            .arg(describeJson(json))};
    const QJsonObject object = json.toObject();
    const auto fail = [&](const QString &key, const QString &reason) {
        return std::optional<ScheduleFieldError>(ScheduleFieldError{path + u'.' + key, reason});
    };
    const auto text = [&](const QString &key, QString *out) -> std::optional<ScheduleFieldError> {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isString())
            return fail(key, QCoreApplication::translate("hb::TaskSchedule", "must be a string (got %1)").arg(describeJson(value)));
        *out = value.toString();
        return std::nullopt;
    };
    const QStringList known = {kEnabledKey, kScheduleKey,    kIntervalKey, kCronKey,
                               kTzKey,      kAtKey,          kActiveHoursKey, kJitterKey,
                               kMisfireKey, kRetriesKey,     kRetryBaseKey,   kRetryMaxKey,
                               kFallbackKey, kCriticalKey};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(it.key(), QCoreApplication::translate("hb::TaskSchedule", "unknown field (known: %1)")
                                      .arg(known.join(QStringLiteral(", "))));
    }
    *enabled = true;
    if (object.contains(kEnabledKey)) {
        if (!object.value(kEnabledKey).isBool())
            return fail(kEnabledKey, QCoreApplication::translate("hb::TaskSchedule", "must be true or false (got %1)")
                                         .arg(describeJson(object.value(kEnabledKey))));
        *enabled = object.value(kEnabledKey).toBool();
    }
    QString kind = TaskSchedule::kindName(TaskSchedule::Kind::EveryTick);
    if (auto e = text(kScheduleKey, &kind))
        return e;
    const qsizetype kindIndex = TaskSchedule::kindNames().indexOf(kind);
    if (kindIndex < 0)
        return fail(kScheduleKey, QCoreApplication::translate("hb::TaskSchedule", "must be one of %1 (got \"%2\")")
                                      .arg(TaskSchedule::kindNames().join(QStringLiteral(", ")),
                                           kind));
    schedule->kind = TaskSchedule::Kind(kindIndex);
    if (auto e = text(kTzKey, &schedule->tz))
        return e;
    if (!schedule->tz.isEmpty() && !QTimeZone(schedule->tz.toUtf8()).isValid())
        return validateSchedule(path, *schedule);
    const auto requireFor = [&](const QString &key) {
        return fail(key, QCoreApplication::translate("hb::TaskSchedule", "is required when schedule is \"%1\"").arg(kind));
    };
    switch (schedule->kind) {
    case TaskSchedule::Kind::EveryTick:
        break;
    case TaskSchedule::Kind::Interval: {
        QString interval;
        if (auto e = text(kIntervalKey, &interval))
            return e;
        if (interval.isEmpty())
            return requireFor(kIntervalKey);
        const std::optional<qint64> ms = parseIntervalText(interval);
        if (!ms)
            return fail(kIntervalKey, QCoreApplication::translate("hb::TaskSchedule", "must be a number and a unit: 90s, 5m, 2h or 1d "
                                                 "(got \"%1\")")
                                          .arg(interval));
        schedule->intervalMs = *ms;
        break;
    }
    case TaskSchedule::Kind::Cron:
        if (auto e = text(kCronKey, &schedule->cron))
            return e;
        if (schedule->cron.isEmpty())
            return requireFor(kCronKey);
        break;
    case TaskSchedule::Kind::Once: {
        QString at;
        if (auto e = text(kAtKey, &at))
            return e;
        if (at.isEmpty())
            return requireFor(kAtKey);
        const std::optional<qint64> ms = parseAt(at, schedule->timeZone());
        if (!ms)
            return fail(kAtKey, QCoreApplication::translate("hb::TaskSchedule", "must be an ISO 8601 date and time, e.g. "
                                           "2026-12-24T02:00:00+07:00 (got \"%1\")")
                                    .arg(at));
        schedule->atMs = *ms;
        break;
    }
    }
    if (auto e = text(kActiveHoursKey, &schedule->activeHours))
        return e;
    if (object.contains(kJitterKey)) {
        const QJsonValue jitter = object.value(kJitterKey);
        const double seconds = jitter.toDouble(-1);
        if (!jitter.isDouble() || seconds != double(qint64(seconds)) || seconds < 0
            || seconds > TaskSchedule::MaxJitterSeconds)
            return fail(kJitterKey, QCoreApplication::translate("hb::TaskSchedule", "must be a whole number of seconds between 0 and %1 "
                                               "(got %2)")
                                        .arg(TaskSchedule::MaxJitterSeconds)
                                        .arg(describeJson(jitter)));
        schedule->jitterSeconds = int(seconds);
    }
    QString misfire = TaskSchedule::misfireName(TaskSchedule::Misfire::RunOnce);
    if (auto e = text(kMisfireKey, &misfire))
        return e;
    const qsizetype misfireIndex = TaskSchedule::misfireNames().indexOf(misfire);
    if (misfireIndex < 0)
        return fail(kMisfireKey, QCoreApplication::translate("hb::TaskSchedule", "must be one of %1 (got \"%2\")")
                                     .arg(TaskSchedule::misfireNames().join(QStringLiteral(", ")),
                                          misfire));
    schedule->misfire = TaskSchedule::Misfire(misfireIndex);
    const auto integer = [&](const QString &key, qint64 *out) -> std::optional<ScheduleFieldError> {
        if (!object.contains(key))
            return std::nullopt;
        const QJsonValue value = object.value(key);
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != double(qint64(number)) || number < 0
            || number > 3'600'000)
            return fail(key, QCoreApplication::translate("hb::TaskSchedule", "must be a whole number (got %1)").arg(describeJson(value)));
        *out = qint64(number);
        return std::nullopt;
    };
    qint64 retries = schedule->retries;
    if (auto e = integer(kRetriesKey, &retries))
        return e;
    schedule->retries = int(std::min<qint64>(retries, TaskSchedule::MaxRetries + 1));
    if (auto e = integer(kRetryBaseKey, &schedule->retryBaseMs))
        return e;
    if (auto e = integer(kRetryMaxKey, &schedule->retryMaxMs))
        return e;
    QString fallback = TaskSchedule::fallbackName(TaskSchedule::Fallback::None);
    if (auto e = text(kFallbackKey, &fallback))
        return e;
    const qsizetype fallbackIndex = TaskSchedule::fallbackNames().indexOf(fallback);
    if (fallbackIndex < 0)
        return fail(kFallbackKey, QCoreApplication::translate("hb::TaskSchedule", "must be one of %1 (got \"%2\")")
                                      .arg(TaskSchedule::fallbackNames().join(QStringLiteral(", ")),
                                           fallback));
    schedule->fallback = TaskSchedule::Fallback(fallbackIndex);
    if (object.contains(kCriticalKey)) {
        if (!object.value(kCriticalKey).isBool())
            return fail(kCriticalKey, QCoreApplication::translate("hb::TaskSchedule", "must be true or false (got %1)")
                                          .arg(describeJson(object.value(kCriticalKey))));
        schedule->critical = object.value(kCriticalKey).toBool();
    }
    return validateSchedule(path, *schedule);
}

QJsonValue scheduleToJson(bool enabled, const TaskSchedule &s)
{
    if (s.isDefault())
        return enabled;
    QJsonObject object;
    object.insert(kEnabledKey, enabled);
    object.insert(kScheduleKey, TaskSchedule::kindName(s.kind));
    switch (s.kind) {
    case TaskSchedule::Kind::EveryTick:
        break;
    case TaskSchedule::Kind::Interval:
        object.insert(kIntervalKey, intervalText(s.intervalMs));
        break;
    case TaskSchedule::Kind::Cron:
        object.insert(kCronKey, s.cron);
        break;
    case TaskSchedule::Kind::Once:
        object.insert(kAtKey, QDateTime::fromMSecsSinceEpoch(s.atMs, s.timeZone())
                                  .toString(Qt::ISODate));
        break;
    }
    if (!s.tz.isEmpty())
        object.insert(kTzKey, s.tz);
    if (!s.activeHours.isEmpty())
        object.insert(kActiveHoursKey, s.activeHours);
    if (s.jitterSeconds > 0)
        object.insert(kJitterKey, s.jitterSeconds);
    if (s.misfire != TaskSchedule::Misfire::RunOnce)
        object.insert(kMisfireKey, TaskSchedule::misfireName(s.misfire));
    const TaskSchedule defaults;
    if (s.retries != defaults.retries)
        object.insert(kRetriesKey, s.retries);
    if (s.retryBaseMs != defaults.retryBaseMs)
        object.insert(kRetryBaseKey, s.retryBaseMs);
    if (s.retryMaxMs != defaults.retryMaxMs)
        object.insert(kRetryMaxKey, s.retryMaxMs);
    if (s.fallback != TaskSchedule::Fallback::None)
        object.insert(kFallbackKey, TaskSchedule::fallbackName(s.fallback));
    if (s.critical)
        object.insert(kCriticalKey, true);
    return object;
}

bool ScheduleState::operator==(const ScheduleState &o) const
{
    return task == o.task && signature == o.signature && dueMs == o.dueMs
           && nominalMs == o.nominalMs && followsMs == o.followsMs && catchUp == o.catchUp;
}

TaskScheduler::TaskScheduler(quint64 seed) : m_random(seed) {}

std::optional<qint64> TaskScheduler::nextNominal(const TaskSchedule &schedule, qint64 afterMs,
                                                 qint64 fromNominalMs)
{
    switch (schedule.kind) {
    case TaskSchedule::Kind::EveryTick:
        return afterMs + 1;
    case TaskSchedule::Kind::Interval: {
        const qint64 step = std::max<qint64>(1000, schedule.intervalMs);
        if (fromNominalMs <= 0 || fromNominalMs > afterMs)
            return fromNominalMs > afterMs ? fromNominalMs : afterMs + step;
        // The first time on the interval's grid (through fromNominalMs) after afterMs.
        return fromNominalMs + ((afterMs - fromNominalMs) / step + 1) * step;
    }
    case TaskSchedule::Kind::Cron: {
        const std::optional<CronExpr> expr = CronExpr::parse(schedule.cron);
        if (!expr)
            return std::nullopt;
        const std::optional<CronRun> run = expr->next(afterMs, schedule.timeZone());
        if (!run)
            return std::nullopt;
        return run->atMs;
    }
    case TaskSchedule::Kind::Once:
        if (schedule.atMs > afterMs)
            return schedule.atMs;
        return std::nullopt;
    }
    return std::nullopt;
}

QVector<qint64> TaskScheduler::upcoming(const TaskSchedule &schedule, qint64 afterMs, int count)
{
    QVector<qint64> times;
    if (schedule.kind == TaskSchedule::Kind::EveryTick)
        return times;
    qint64 after = afterMs;
    qint64 anchor = schedule.kind == TaskSchedule::Kind::Interval ? afterMs : 0;
    while (times.size() < count) {
        const std::optional<qint64> next = nextNominal(schedule, after, anchor);
        if (!next)
            break;
        times.append(*next);
        after = *next;
        anchor = *next;
    }
    return times;
}

bool TaskScheduler::inActiveHours(const TaskSchedule &schedule, qint64 ms)
{
    if (schedule.activeHours.isEmpty())
        return true;
    const std::optional<ActiveHours> hours = parseActiveHours(schedule.activeHours);
    if (!hours)
        return true; // refused by validation; never reached with a loaded config
    const QTime local = QDateTime::fromMSecsSinceEpoch(ms, schedule.timeZone()).time();
    const int minute = local.hour() * 60 + local.minute();
    if (hours->fromMinute < hours->toMinute)
        return minute >= hours->fromMinute && minute < hours->toMinute;
    return minute >= hours->fromMinute || minute < hours->toMinute; // wraps midnight
}

qint64 TaskScheduler::withJitter(const TaskSchedule &schedule, qint64 nominalMs)
{
    if (schedule.jitterSeconds <= 0 || schedule.kind == TaskSchedule::Kind::EveryTick)
        return nominalMs;
    std::uniform_int_distribution<qint64> delay(0, qint64(schedule.jitterSeconds) * 1000);
    return nominalMs + delay(m_random);
}

ScheduleState TaskScheduler::initial(const QString &task, const TaskSchedule &schedule,
                                     qint64 nowMs)
{
    ScheduleState state;
    state.task = task;
    state.signature = schedule.signature();
    std::optional<qint64> first;
    switch (schedule.kind) {
    case TaskSchedule::Kind::EveryTick:
    case TaskSchedule::Kind::Interval:
        first = nowMs;
        break;
    case TaskSchedule::Kind::Cron:
        first = nextNominal(schedule, nowMs, 0);
        break;
    case TaskSchedule::Kind::Once:
        // A time already past when the schedule is first seen still runs (by the misfire
        // policy): a once that was never run is owed.
        first = schedule.atMs;
        break;
    }
    if (first) {
        state.nominalMs = *first;
        state.dueMs = withJitter(schedule, *first);
    }
    return state;
}

ScheduleState TaskScheduler::advance(const TaskSchedule &schedule, const ScheduleState &state,
                                     qint64 consumedNominalMs, qint64 afterMs)
{
    ScheduleState next = state;
    next.followsMs = consumedNominalMs;
    const std::optional<qint64> nominal = nextNominal(schedule, afterMs, consumedNominalMs);
    next.nominalMs = nominal.value_or(0);
    next.dueMs = nominal ? withJitter(schedule, *nominal) : 0;
    return next;
}

TaskScheduler::Decision TaskScheduler::atTick(const QString &task, const TaskSchedule &schedule,
                                              Cached *cache, const ScheduleState &state,
                                              qint64 nowMs, bool running)
{
    if (!cache->valid || cache->schedule != schedule) {
        cache->valid = true;
        cache->schedule = schedule;
        cache->signature = schedule.signature();
    }
    if (state.signature != cache->signature || state.task != task)
        return decide(schedule, initial(task, schedule, nowMs), nowMs, running);
    return decide(schedule, state, nowMs, running);
}

TaskScheduler::Decision TaskScheduler::decide(const TaskSchedule &schedule,
                                              const ScheduleState &state, qint64 nowMs,
                                              bool running)
{
    Decision d;
    d.state = state;
    const bool active = inActiveHours(schedule, nowMs);
    const auto outside = [&schedule] {
        return QCoreApplication::translate("hb::TaskSchedule", "outside active hours %1").arg(schedule.activeHours);
    };

    if (schedule.kind == TaskSchedule::Kind::EveryTick) {
        d.state.followsMs = nowMs;
        d.state.nominalMs = d.state.dueMs = 0;
        if (running) {
            d.verdict = Verdict::Skip;
            d.reason = QCoreApplication::translate("hb::TaskSchedule", "still running");
        } else if (!active) {
            d.verdict = Verdict::Skip;
            d.reason = outside();
        } else {
            d.verdict = Verdict::Run;
        }
        return d;
    }

    // Missed runs still owed (run_all) go one per tick, the task never overlapping itself.
    if (state.catchUp > 0) {
        if (running || !active)
            return d; // they wait: not a new due run, nothing to record
        d.verdict = Verdict::Run;
        d.state.catchUp = state.catchUp - 1;
        d.reason = QCoreApplication::translate("hb::TaskSchedule", "catch-up run (%1 more to go)").arg(d.state.catchUp);
        return d;
    }
    if (state.dueMs <= 0 || nowMs < state.dueMs)
        return d; // not due (or a once that ran)

    // Due. Every decision below consumes this run and schedules the next after now.
    d.state = advance(schedule, state, state.nominalMs, nowMs);
    if (running) {
        d.verdict = Verdict::Skip;
        d.reason = QCoreApplication::translate("hb::TaskSchedule", "still running");
        return d;
    }
    const qint64 lateMs = nowMs - state.dueMs;
    if (lateMs > TaskSchedule::MissedAfterMs) {
        // How many runs were missed: this one and those scheduled since, up to now; the last of
        // them is the one a catch-up run follows. (Bounded: a minute-by-minute cron down for two
        // months is counted in about a tenth of a second, once.)
        int missed = 1;
        qint64 at = state.nominalMs;
        for (int step = 0; step < 100'000; ++step) {
            const std::optional<qint64> next = nextNominal(schedule, at, at);
            if (!next || *next > nowMs)
                break;
            missed = std::min(missed + 1, TaskSchedule::MaxCatchUp + 1);
            at = *next;
        }
        d.state.followsMs = at;
        const QString since = QDateTime::fromMSecsSinceEpoch(state.nominalMs, schedule.timeZone())
                                  .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        const QString count = missed > TaskSchedule::MaxCatchUp
                                  ? QStringLiteral(">%1").arg(TaskSchedule::MaxCatchUp)
                                  : QString::number(missed);
        switch (schedule.misfire) {
        case TaskSchedule::Misfire::Skip:
            d.verdict = Verdict::Skip;
            d.reason = QCoreApplication::translate("hb::TaskSchedule", "missed %1 run(s) since %2; skipped (misfire policy skip)")
                           .arg(count, since);
            return d;
        case TaskSchedule::Misfire::RunAll:
            d.state.catchUp = std::min(missed, TaskSchedule::MaxCatchUp) - 1;
            d.reason = QCoreApplication::translate("hb::TaskSchedule", "missed %1 run(s) since %2; running %3 (misfire policy run_all)")
                           .arg(count, since)
                           .arg(std::min(missed, TaskSchedule::MaxCatchUp));
            break;
        case TaskSchedule::Misfire::RunOnce:
            d.reason = QCoreApplication::translate("hb::TaskSchedule", "missed %1 run(s) since %2; running once (misfire policy "
                                  "run_once)")
                           .arg(count, since);
            break;
        }
    }
    if (!active) {
        d.verdict = Verdict::Skip;
        d.reason = outside();
        d.state.catchUp = 0;
        return d;
    }
    d.verdict = Verdict::Run;
    return d;
}

} // namespace hb
