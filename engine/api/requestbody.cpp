#include "api/requestbody.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>

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
    const QJsonValue value = object->value(key);
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
