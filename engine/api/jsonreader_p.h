#pragma once

// The strict reader behind the API's JSON parsers (snapshotjson.cpp, machinejson.cpp): each
// field read by name and type, the first error kept with the field's path from the document's
// root ("tasks[2].last_outcome: expected a string"). Internal to engine/api.

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QVector>

#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace hb::json {

// A JSON number is an IEEE double: integers are exact only below 2^53. A larger one may already
// have been rounded on its way here, so it is refused rather than read as a different value.
inline constexpr double kMaxExactInteger = 9'007'199'254'740'992.0; // 2^53

// Where a parse stands: the first error wins, later reads return defaults and leave it alone.
struct Failure
{
    QString message;
    bool failed = false;
};

// Reads the fields of one JSON object, naming each by its path from the document's root.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(hb::json)

public:
    Reader(const QJsonObject &object, QString path, Failure &failure)
        : m_object(object)
        , m_path(std::move(path))
        , m_failure(failure)
    {
    }

    bool ok() const { return !m_failure.failed; }
    QString pathOf(const QString &key) const
    {
        return m_path.isEmpty() ? key : m_path + u'.' + key;
    }
    void fail(const QString &path, const QString &reason)
    {
        if (m_failure.failed)
            return;
        m_failure.failed = true;
        m_failure.message = path.isEmpty() ? reason : path + u": " + reason;
    }

    // The value of `key`; an error when it is missing.
    QJsonValue value(const QString &key)
    {
        const auto it = m_object.constFind(key);
        if (it == m_object.constEnd()) {
            fail(pathOf(key), tr("missing"));
            return {};
        }
        return *it;
    }

    // Whether the object has `key` (for members newer versions added).
    bool has(const QString &key) const { return m_object.contains(key); }
    bool boolean(const QString &key)
    {
        const QJsonValue v = value(key);
        if (ok() && !v.isBool())
            fail(pathOf(key), tr("expected a boolean"));
        return ok() && v.toBool();
    }
    QString string(const QString &key)
    {
        const QJsonValue v = value(key);
        if (ok() && !v.isString())
            fail(pathOf(key), tr("expected a string"));
        return ok() ? v.toString() : QString();
    }
    double number(const QString &key)
    {
        const QJsonValue v = value(key);
        if (ok() && !v.isDouble())
            fail(pathOf(key), tr("expected a number"));
        return ok() ? v.toDouble() : 0.0;
    }
    qint64 int64(const QString &key) { return integer(value(key), pathOf(key)); }
    int int32(const QString &key)
    {
        const QString path = pathOf(key);
        const qint64 v = integer(value(key), path);
        if (ok() && (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()))
            fail(path, tr("expected a 32-bit integer"));
        return ok() ? int(v) : 0;
    }
    // An integer or null (std::nullopt).
    std::optional<qint64> optionalInt64(const QString &key)
    {
        const QJsonValue v = value(key);
        if (!ok() || v.isNull())
            return std::nullopt;
        return integer(v, pathOf(key));
    }
    QJsonObject object(const QString &key)
    {
        const QJsonValue v = value(key);
        if (ok() && !v.isObject())
            fail(pathOf(key), tr("expected an object"));
        return v.toObject();
    }
    // The object at `key`, to read its fields with their paths.
    Reader child(const QString &key) { return Reader(object(key), pathOf(key), m_failure); }
    QJsonArray array(const QString &key)
    {
        const QJsonValue v = value(key);
        if (ok() && !v.isArray())
            fail(pathOf(key), tr("expected an array"));
        return v.toArray();
    }

    qint64 integer(const QJsonValue &v, const QString &path)
    {
        if (!ok())
            return 0;
        if (!v.isDouble()) {
            fail(path, tr("expected an integer"));
            return 0;
        }
        const double d = v.toDouble();
        if (std::trunc(d) != d) {
            fail(path, tr("expected an integer"));
            return 0;
        }
        if (std::abs(d) >= kMaxExactInteger) {
            fail(path, tr("integer out of the exactly representable range (magnitude below 2^53)"));
            return 0;
        }
        return qint64(d);
    }

    // Each element of the array at `key` as an object, with its indexed path.
    template<typename Parse> auto objects(const QString &key, Parse parse)
    {
        using T = decltype(parse(std::declval<Reader &>()));
        QVector<T> out;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; ok() && i < items.size(); ++i) {
            const QString path = pathOf(key) + u'[' + QString::number(i) + u']';
            if (!items.at(i).isObject()) {
                fail(path, tr("expected an object"));
                break;
            }
            Reader element(items.at(i).toObject(), path, m_failure);
            out.append(parse(element));
        }
        return out;
    }

    QStringList strings(const QString &key)
    {
        QStringList out;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; ok() && i < items.size(); ++i) {
            if (!items.at(i).isString())
                fail(pathOf(key) + u'[' + QString::number(i) + u']', tr("expected a string"));
            else
                out.append(items.at(i).toString());
        }
        return out;
    }

    template<typename Enum>
    Enum enumeration(const QString &key, std::optional<Enum> (*fromName)(QStringView))
    {
        const QString name = string(key);
        if (!ok())
            return Enum{};
        const std::optional<Enum> parsed = fromName(name);
        if (!parsed) {
            fail(pathOf(key), tr("unknown value \"%1\"").arg(name));
            return Enum{};
        }
        return *parsed;
    }

private:
    QJsonObject m_object;
    QString m_path;
    Failure &m_failure;
};

template<typename T> std::optional<T> finish(const Failure &failure, T value, QString *error)
{
    if (failure.failed) {
        if (error)
            *error = failure.message;
        return std::nullopt;
    }
    return value;
}

// Reads a whole object with `read`: the value, or nullopt and the first failure in *error.
template<typename T>
std::optional<T> parse(const QJsonObject &json, QString *error, T (*read)(Reader &))
{
    Failure failure;
    Reader reader(json, QString(), failure);
    T value = read(reader);
    return finish(failure, std::move(value), error);
}

} // namespace hb::json
