#include "api/requestbody.h"

#include "core/cronexpr.h"
#include "core/taskschedule.h"
#include "store/notificationstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <vector>

namespace hb::body {

namespace {

constexpr qsizetype kMaxReasonLength = 500;
constexpr qsizetype kMaxVersionLength = 100;
constexpr qsizetype kMaxNoteLength = 1000;

// Field names come from the client: an unknown key can be megabytes long. Answers, logs and
// the audit trail get its start, enough to recognise it.
constexpr qsizetype kMaxFieldLength = 200;

template<typename T> std::optional<T> fail(Error *error, QString field, QString reason)
{
    if (field.size() > kMaxFieldLength) {
        field.truncate(kMaxFieldLength);
        if (field.back().isHighSurrogate())
            field.chop(1);
        field += u'…';
    }
    if (error)
        *error = Error{std::move(field), std::move(reason)};
    return std::nullopt;
}

QString notAnObjectReason()
{
    return QCoreApplication::translate("hb::body", "the body must be a JSON object");
}

// QJsonDocument takes only an object or an array as the whole document; a lone string, number,
// boolean or null is valid JSON too, and deserves "not an object" rather than "not JSON".
bool isScalarDocument(const QByteArray &body)
{
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + body + ']');
    return wrapped.isArray() && wrapped.array().size() == 1;
}

// A JSON string token (quotes included, escapes as written) as text.
QString decodeString(const QByteArray &token)
{
    if (!token.contains('\\'))
        return QString::fromUtf8(token.constData() + 1, token.size() - 2);
    return QJsonDocument::fromJson('[' + token + ']').array().at(0).toString();
}

// The path ("a.b") of a key that appears twice in one object of `json`, which must be valid
// JSON. QJsonDocument keeps the last of duplicates silently; a client that sent two values for
// one field must hear that, not have one of them chosen for it.
std::optional<QString> duplicateKey(const QByteArray &json)
{
    struct Container
    {
        bool isObject = false;
        bool expectingKey = false;
        QString lastKey; // in this object
        QSet<QString> keys;
    };
    std::vector<Container> stack; // QJsonDocument refuses more than 1024 levels
    // Built only when reported: a path kept per container would cost the depth times the key
    // length for every level (quadratic in a deeply nested body).
    auto currentPath = [&stack]() {
        QStringList keys;
        for (const Container &c : stack) {
            if (c.isObject)
                keys.append(c.lastKey);
        }
        return keys.join(u'.');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        switch (json.at(i)) {
        case '{':
        case '[': {
            const bool isObject = json.at(i) == '{';
            stack.push_back({isObject, isObject, {}, {}});
            break;
        }
        case '}':
        case ']':
            if (!stack.empty())
                stack.pop_back();
            break;
        case ',':
            if (!stack.empty() && stack.back().isObject)
                stack.back().expectingKey = true;
            break;
        case '"': {
            const qsizetype start = i;
            for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                if (json.at(i) == '\\')
                    ++i;
            }
            if (i >= json.size())
                return std::nullopt; // not valid JSON after all: not ours to judge
            if (stack.empty() || !stack.back().isObject || !stack.back().expectingKey)
                break;
            Container &object = stack.back();
            object.expectingKey = false;
            object.lastKey = decodeString(json.mid(start, i - start + 1));
            if (object.keys.contains(object.lastKey))
                return currentPath();
            object.keys.insert(object.lastKey);
            break;
        }
        default:
            break;
        }
    }
    return std::nullopt;
}

// The body as a JSON object, or the reason it is not one. An empty body is not a document.
std::optional<QJsonObject> parseObject(const QByteArray &body, Error *error)
{
    if (body.trimmed().isEmpty())
        return fail<QJsonObject>(
            error, {},
            QCoreApplication::translate("hb::body", "the body is empty; expected a JSON object"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError && isScalarDocument(body))
        return fail<QJsonObject>(error, {}, notAnObjectReason());
    if (parseError.error != QJsonParseError::NoError) {
        return fail<QJsonObject>(
            error, {},
            QCoreApplication::translate("hb::body", "not valid JSON: %1 at byte %2")
                .arg(parseError.errorString(), QString::number(parseError.offset)));
    }
    if (!document.isObject())
        return fail<QJsonObject>(error, {}, notAnObjectReason());
    if (const auto path = duplicateKey(body))
        return fail<QJsonObject>(error, *path,
                                 QCoreApplication::translate("hb::body", "appears more than once"));
    return document.object();
}

// The first key of `object` that is not in `allowed`, if any.
std::optional<QString> unknownKey(const QJsonObject &object, const QStringList &allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return it.key();
    }
    return std::nullopt;
}

QString unknownFieldReason()
{
    return QCoreApplication::translate("hb::body", "unknown field");
}

bool hasControlCharacter(const QList<uint> &codePoints, bool allowLineBreaks = false)
{
    return std::any_of(codePoints.cbegin(), codePoints.cend(), [allowLineBreaks](uint c) {
        if (allowLineBreaks && (c == '\n' || c == '\t' || c == '\r'))
            return false;
        return QChar::category(c) == QChar::Other_Control;
    });
}

// A text field of a machine report: valid Unicode, at most `maxLength` code points, one line
// unless `multiline`.
std::optional<QString> reportText(const QJsonValue &value, const QString &key, qsizetype maxLength,
                                  bool multiline, Error *error)
{
    if (!value.isString())
        return fail<QString>(error, key,
                             QCoreApplication::translate("hb::body", "expected a string"));
    const QString text = value.toString();
    if (!text.isValidUtf16())
        return fail<QString>(error, key,
                             QCoreApplication::translate("hb::body", "must be valid Unicode text"));
    const QList<uint> codePoints = text.toUcs4();
    if (codePoints.size() > maxLength) {
        return fail<QString>(
            error, key,
            QCoreApplication::translate("hb::body", "must be at most %1 characters (got %2)")
                .arg(QString::number(maxLength), QString::number(codePoints.size())));
    }
    if (hasControlCharacter(codePoints, multiline)) {
        return fail<QString>(
            error, key,
            multiline ? QCoreApplication::translate(
                            "hb::body", "must be text without control characters other than "
                                        "line breaks and tabs")
                      : QCoreApplication::translate(
                            "hb::body", "must be one line of text without control characters"));
    }
    return text;
}

// A reason: required, 1..500 characters of one line, trimmed.
std::optional<QString> readReason(const QJsonObject &object, const QString &key, Error *error);

} // namespace

QString Error::toString() const
{
    if (field.isEmpty())
        return reason;
    return QCoreApplication::translate("hb::body", "field '%1': %2").arg(field, reason);
}

std::optional<QString> pauseReason(const QByteArray &body, Error *error)
{
    const QString key = QStringLiteral("reason");
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    if (const auto unknown = unknownKey(*object, {key}))
        return fail<QString>(error, *unknown, unknownFieldReason());
    return readReason(*object, key, error);
}

namespace {

std::optional<QString> readReason(const QJsonObject &object, const QString &key, Error *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fail<QString>(error, key, QCoreApplication::translate("hb::body", "required"));
    if (!value.isString())
        return fail<QString>(error, key,
                             QCoreApplication::translate("hb::body", "expected a string"));
    const QString reason = value.toString().trimmed();
    if (reason.isEmpty())
        return fail<QString>(error, key,
                             QCoreApplication::translate("hb::body", "must not be empty"));
    // "\ud800" escapes decode to lone surrogates, which no UTF-8 store or log line can hold.
    if (!reason.isValidUtf16())
        return fail<QString>(error, key,
                             QCoreApplication::translate("hb::body", "must be valid Unicode text"));
    // Characters as a reader counts them: code points, not UTF-16 units.
    const QList<uint> codePoints = reason.toUcs4();
    if (codePoints.size() > kMaxReasonLength) {
        return fail<QString>(
            error, key,
            QCoreApplication::translate("hb::body", "must be at most %1 characters (got %2)")
                .arg(QString::number(kMaxReasonLength), QString::number(codePoints.size())));
    }
    // The reason lands in log lines, the audit trail and the health banner: one line of text.
    if (hasControlCharacter(codePoints))
        return fail<QString>(
            error, key,
            QCoreApplication::translate("hb::body",
                                        "must be one line of text without control characters"));
    return reason;
}

// A name a matcher compares with (machine, task): 1..64 characters, one line, no surrounding
// spaces.
std::optional<QString> readName(const QJsonObject &object, const QString &field, const QString &key,
                                Error *error)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return fail<QString>(error, field,
                             QCoreApplication::translate("hb::body", "expected a string"));
    const QString name = value.toString();
    if (name.isEmpty() || name.size() > 64 || name.trimmed() != name || !name.isValidUtf16() ||
        hasControlCharacter(name.toUcs4()))
        return fail<QString>(error, field,
                             QCoreApplication::translate(
                                 "hb::body", "must be 1 to 64 characters of one line without "
                                             "surrounding spaces"));
    return name;
}

// Milliseconds since the epoch, or an ISO 8601 date-time that says its offset.
std::optional<qint64> readTime(const QJsonValue &value, const QString &field, Error *error)
{
    constexpr double kMaxMs = 253'402'300'799'999.0; // 9999-12-31T23:59:59.999Z
    if (value.isDouble()) {
        const double ms = value.toDouble();
        if (ms != std::trunc(ms) || ms < 0 || ms > kMaxMs)
            return fail<qint64>(error, field,
                                QCoreApplication::translate(
                                    "hb::body", "must be whole milliseconds since 1970 (UTC)"));
        return qint64(ms);
    }
    if (!value.isString())
        return fail<qint64>(
            error, field,
            QCoreApplication::translate(
                "hb::body", "expected an ISO 8601 date-time or milliseconds since the epoch"));
    const QString text = value.toString();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    // Without an offset the time would be read in the server's zone: refuse the guess.
    const bool hasOffset =
        text.endsWith(u'Z') || text.endsWith(u'z') ||
        (text.size() > 6 && (text.at(text.size() - 6) == u'+' || text.at(text.size() - 6) == u'-'));
    if (!t.isValid() || !hasOffset || text.size() > 40)
        return fail<qint64>(error, field,
                            QCoreApplication::translate(
                                "hb::body", "expected an ISO 8601 date-time with its offset, "
                                            "e.g. 2026-05-01T22:00:00Z"));
    const qint64 ms = t.toMSecsSinceEpoch();
    if (ms < 0 || double(ms) > kMaxMs)
        return fail<qint64>(
            error, field,
            QCoreApplication::translate("hb::body", "must be between 1970 and 9999 (UTC)"));
    return ms;
}

} // namespace

std::optional<bool> maintenanceOn(const QByteArray &body, Error *error)
{
    const QString key = QStringLiteral("on");
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    if (const auto unknown = unknownKey(*object, {key}))
        return fail<bool>(error, *unknown, unknownFieldReason());
    const QJsonValue value = object->value(key);
    if (value.isUndefined())
        return fail<bool>(error, key, QCoreApplication::translate("hb::body", "required"));
    if (!value.isBool())
        return fail<bool>(error, key,
                          QCoreApplication::translate("hb::body", "expected a boolean"));
    return value.toBool();
}

std::optional<HeartbeatConfig> config(const QByteArray &body, Error *error)
{
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    ConfigError configError;
    std::optional<HeartbeatConfig> parsed = configFromJson(*object, &configError);
    if (!parsed)
        return fail<HeartbeatConfig>(error, configError.field, configError.reason);
    return parsed;
}

std::optional<SilenceRequest> silence(const QByteArray &body, qint64 nowMs, Error *error)
{
    const QString kFrom = QStringLiteral("from");
    const QString kTo = QStringLiteral("to");
    const QString kReason = QStringLiteral("reason");
    const QString kMatchers = QStringLiteral("matchers");
    const QString kMachine = QStringLiteral("machine");
    const QString kTask = QStringLiteral("task");
    const QString kKind = QStringLiteral("kind");
    const QString kRepeat = QStringLiteral("repeat");
    const QString kCron = QStringLiteral("cron");
    const QString kDuration = QStringLiteral("duration");
    const QString kTz = QStringLiteral("tz");
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    if (const auto unknown = unknownKey(*object, {kFrom, kTo, kReason, kMatchers, kRepeat}))
        return fail<SilenceRequest>(error, *unknown, unknownFieldReason());
    SilenceRequest s;
    if (object->contains(kRepeat)) {
        const QJsonValue value = object->value(kRepeat);
        if (!value.isObject())
            return fail<SilenceRequest>(
                error, kRepeat, QCoreApplication::translate("hb::body", "expected an object"));
        const QJsonObject repeat = value.toObject();
        if (const auto unknown = unknownKey(repeat, {kCron, kDuration, kTz}))
            return fail<SilenceRequest>(error, kRepeat + u'.' + *unknown, unknownFieldReason());
        const QJsonValue cron = repeat.value(kCron);
        CronError cronError;
        if (!cron.isString() || !CronExpr::parse(cron.toString(), &cronError))
            return fail<SilenceRequest>(
                error, kRepeat + u'.' + kCron,
                cron.isString()
                    ? QCoreApplication::translate("hb::body", "position %1: %2")
                          .arg(cronError.position)
                          .arg(cronError.reason)
                    : QCoreApplication::translate("hb::body",
                                                  "required: a cron expression, e.g. \"0 2 * * sun\""));
        s.cron = cron.toString();
        const QJsonValue duration = repeat.value(kDuration);
        const std::optional<qint64> ms =
            duration.isString() ? parseIntervalText(duration.toString()) : std::nullopt;
        if (!ms || *ms < 60'000 || *ms > kRecurringSilenceMaxMs)
            return fail<SilenceRequest>(
                error, kRepeat + u'.' + kDuration,
                QCoreApplication::translate(
                    "hb::body", "required: how long each time, from 1m to 7d, e.g. \"2h\""));
        s.durationMs = *ms;
        if (repeat.contains(kTz)) {
            const QJsonValue tz = repeat.value(kTz);
            if (!tz.isString() || !QTimeZone(tz.toString().toUtf8()).isValid())
                return fail<SilenceRequest>(
                    error, kRepeat + u'.' + kTz,
                    QCoreApplication::translate("hb::body",
                                                "must be a time zone such as Asia/Jakarta"));
            s.tz = tz.toString();
        }
    }
    s.fromMs = nowMs;
    if (object->contains(kFrom)) {
        const auto from = readTime(object->value(kFrom), kFrom, error);
        if (!from)
            return std::nullopt;
        s.fromMs = *from;
    }
    if (!object->contains(kTo) && s.cron.isEmpty())
        return fail<SilenceRequest>(error, kTo,
                                    QCoreApplication::translate("hb::body", "required"));
    if (object->contains(kTo)) {
        const auto to = readTime(object->value(kTo), kTo, error);
        if (!to)
            return std::nullopt;
        s.toMs = *to;
    } else {
        s.toMs = s.fromMs + kMaxSilenceMs; // a recurring one: a year of them unless told
    }
    if (s.toMs <= s.fromMs)
        return fail<SilenceRequest>(
            error, kTo, QCoreApplication::translate("hb::body", "must be later than \"from\""));
    if (s.toMs <= nowMs)
        return fail<SilenceRequest>(error, kTo,
                                    QCoreApplication::translate("hb::body", "is in the past"));
    if (s.cron.isEmpty() && s.toMs - s.fromMs > kMaxSilenceMs)
        return fail<SilenceRequest>(
            error, kTo,
            QCoreApplication::translate("hb::body", "must be at most 366 days after \"from\""));
    if (!s.cron.isEmpty() && s.toMs - s.fromMs > kMaxRecurringSilenceMs)
        return fail<SilenceRequest>(
            error, kTo,
            QCoreApplication::translate("hb::body",
                                        "must be at most ten years after \"from\" (a recurring "
                                        "silence)"));
    const auto reason = readReason(*object, kReason, error);
    if (!reason)
        return std::nullopt;
    s.reason = *reason;
    if (object->contains(kMatchers)) {
        const QJsonValue value = object->value(kMatchers);
        if (!value.isObject())
            return fail<SilenceRequest>(
                error, kMatchers, QCoreApplication::translate("hb::body", "expected an object"));
        const QJsonObject matchers = value.toObject();
        if (const auto unknown = unknownKey(matchers, {kMachine, kTask, kKind}))
            return fail<SilenceRequest>(error, kMatchers + u'.' + *unknown, unknownFieldReason());
        if (matchers.contains(kMachine)) {
            const auto name = readName(matchers, kMatchers + u'.' + kMachine, kMachine, error);
            if (!name)
                return std::nullopt;
            s.machine = *name;
        }
        if (matchers.contains(kTask)) {
            const auto name = readName(matchers, kMatchers + u'.' + kTask, kTask, error);
            if (!name)
                return std::nullopt;
            s.task = *name;
        }
        if (matchers.contains(kKind)) {
            const QJsonValue kind = matchers.value(kKind);
            if (!kind.isString() || !NotificationKind::all().contains(kind.toString()))
                return fail<SilenceRequest>(
                    error, kMatchers + u'.' + kKind,
                    QCoreApplication::translate("hb::body", "must be one of %1")
                        .arg(NotificationKind::all().join(QStringLiteral(", "))));
            s.kind = kind.toString();
        }
    }
    return s;
}

bool empty(const QByteArray &body, Error *error)
{
    if (body.trimmed().isEmpty())
        return true;
    const auto object = parseObject(body, error);
    if (!object)
        return false;
    if (const auto unknown = unknownKey(*object, {})) {
        fail<bool>(error, *unknown,
                   QCoreApplication::translate("hb::body",
                                               "unknown field; this command takes no arguments"));
        return false;
    }
    return true;
}

std::optional<MachineReport> machineReport(const QByteArray &body, Error *error)
{
    MachineReport report;
    if (body.trimmed().isEmpty())
        return report;
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    const QString cpu = QStringLiteral("cpu");
    const QString memory = QStringLiteral("memory");
    const QString disk = QStringLiteral("disk");
    const QString uptime = QStringLiteral("uptime");
    const QString version = QStringLiteral("version");
    const QString note = QStringLiteral("note");
    if (const auto unknown = unknownKey(*object, {cpu, memory, disk, uptime, version, note}))
        return fail<MachineReport>(error, *unknown, unknownFieldReason());
    const std::pair<const QString *, double *> numbers[] = {{&cpu, &report.cpu},
                                                            {&memory, &report.memory},
                                                            {&disk, &report.disk},
                                                            {&uptime, &report.uptimeS}};
    for (const auto &[key, target] : numbers) {
        const QJsonValue value = object->value(*key);
        if (value.isUndefined())
            continue;
        // QJsonDocument reads a number too large for a double as infinity.
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return fail<MachineReport>(
                error, *key, QCoreApplication::translate("hb::body", "expected a number"));
        if (value.toDouble() < 0)
            return fail<MachineReport>(
                error, *key, QCoreApplication::translate("hb::body", "must not be negative"));
        *target = value.toDouble();
    }
    if (const QJsonValue value = object->value(version); !value.isUndefined()) {
        const auto text = reportText(value, version, kMaxVersionLength, false, error);
        if (!text)
            return std::nullopt;
        report.version = *text;
    }
    if (const QJsonValue value = object->value(note); !value.isUndefined()) {
        const auto text = reportText(value, note, kMaxNoteLength, true, error);
        if (!text)
            return std::nullopt;
        report.note = *text;
    }
    return report;
}

} // namespace hb::body
