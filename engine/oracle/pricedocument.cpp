#include "oracle/pricedocument.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QSet>

#include <cmath>

namespace hb {

namespace {

const QString kPrices = QStringLiteral("prices");
const QString kCommodity = QStringLiteral("commodity");
const QString kPrice = QStringLiteral("price");
const QString kTimestamp = QStringLiteral("timestamp_ms");
const QString kSource = QStringLiteral("source");

// Integers beyond this are not exact in a JSON number.
constexpr double kMaxJsonInteger = 9007199254740991.0;

QString formatNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// A feed's text, made safe for a one-line message: control characters blanked, long text cut.
QString shown(QString text)
{
    if (text.size() > 40)
        text = text.left(40) + QChar(0x2026);
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return text;
}

// What was found where a number belonged.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return formatNumber(value.toDouble());
    case QJsonValue::String:
        return u'"' + shown(value.toString()) + u'"';
    case QJsonValue::Array:
        return QCoreApplication::translate("hb::Oracle", "(an array)");
    case QJsonValue::Object:
        return QCoreApplication::translate("hb::Oracle", "(an object)");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

// Why this entry cannot be believed, or nothing. `name` is the commodity as messages show it.
std::optional<QString> checkEntry(const QJsonObject &entry, const QString &commodity,
                                  const PriceCheck &check, Quote *quote)
{
    const QString name = shown(commodity);

    const QJsonValue price = entry.value(kPrice);
    if (price.isUndefined())
        return QCoreApplication::translate("hb::Oracle", "%1: price is missing").arg(name);
    if (!price.isDouble() || !std::isfinite(price.toDouble()))
        return QCoreApplication::translate("hb::Oracle", "%1: price %2 is not a number")
            .arg(name, describe(price));
    const double value = price.toDouble();
    if (value <= 0)
        return QCoreApplication::translate("hb::Oracle", "%1: price %2 is not positive")
            .arg(name, formatNumber(value));
    if (value > kMaxPrice)
        return QCoreApplication::translate("hb::Oracle", "%1: price %2 is above the ceiling of %3")
            .arg(name, formatNumber(value), formatNumber(kMaxPrice));
    const double reference = check.reference.value(commodity, 0);
    if (reference > 0 && std::abs(value - reference) / reference > kMaxJump) {
        const double percent = std::abs(value - reference) / reference * 100;
        return QCoreApplication::translate(
                   "hb::Oracle",
                   "%1: price %2 moved %3% from the reference price %4 (more than %5%)")
            .arg(name, formatNumber(value), QString::number(percent, 'f', 0),
                 formatNumber(reference), QString::number(kMaxJump * 100, 'f', 0));
    }

    const QJsonValue stamp = entry.value(kTimestamp);
    if (stamp.isUndefined())
        return QCoreApplication::translate("hb::Oracle", "%1: timestamp_ms is missing").arg(name);
    const double ms = stamp.toDouble();
    if (!stamp.isDouble() || !std::isfinite(ms) || std::trunc(ms) != ms ||
        std::abs(ms) > kMaxJsonInteger)
        return QCoreApplication::translate("hb::Oracle", "%1: timestamp_ms %2 is not an integer")
            .arg(name, describe(stamp));
    const qint64 timestampMs = stamp.toInteger(qint64(ms));
    if (timestampMs < kMinTimestampMs)
        return QCoreApplication::translate(
                   "hb::Oracle", "%1: timestamp_ms %2 is before 2001 (seconds, not milliseconds?)")
            .arg(name)
            .arg(timestampMs);
    if (timestampMs > check.nowMs + kMaxClockSkewMs) {
        const qint64 aheadS = (timestampMs - check.nowMs) / 1000;
        return QCoreApplication::translate("hb::Oracle",
                                           "%1: timestamp_ms %2 is %3 s in the future")
            .arg(name)
            .arg(timestampMs)
            .arg(aheadS);
    }

    const QJsonValue source = entry.value(kSource);
    if (!source.isUndefined() && !source.isString())
        return QCoreApplication::translate("hb::Oracle", "%1: source %2 is not a string")
            .arg(name, describe(source));

    quote->commodity = commodity;
    quote->price = value;
    quote->timestampMs = timestampMs;
    quote->source = source.toString().isEmpty() ? check.defaultSource : source.toString();
    return std::nullopt;
}

} // namespace

OracleResult parsePriceDocument(const QByteArray &json, const PriceCheck &check)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return OracleResult::failure(
            QCoreApplication::translate("hb::Oracle", "not valid JSON: %1 at byte %2")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!document.isObject())
        return OracleResult::failure(
            QCoreApplication::translate("hb::Oracle", "the document is not a JSON object"));
    const QJsonValue prices = document.object().value(kPrices);
    if (!prices.isArray())
        return OracleResult::failure(
            QCoreApplication::translate("hb::Oracle", "the document has no \"prices\" array"));
    const QJsonArray entries = prices.toArray();

    // Duplicates first: every copy of a commodity listed twice is rejected.
    QHash<QString, int> listed;
    for (const QJsonValue &entry : entries) {
        const QJsonValue commodity = entry.toObject().value(kCommodity);
        if (commodity.isString())
            ++listed[commodity.toString()];
    }

    OracleResult result;
    QSet<QString> seen;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries.at(i).isObject()) {
            result.errors.append(
                {QString(),
                 QCoreApplication::translate("hb::Oracle", "prices[%1]: not an object").arg(i)});
            continue;
        }
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonValue name = entry.value(kCommodity);
        const QString commodity = name.toString();
        if (name.isUndefined()) {
            result.errors.append({QString(), QCoreApplication::translate(
                                                 "hb::Oracle", "prices[%1]: commodity is missing")
                                                 .arg(i)});
            continue;
        }
        if (commodity.isEmpty()) {
            result.errors.append(
                {QString(), QCoreApplication::translate(
                                "hb::Oracle", "prices[%1]: commodity %2 is not a non-empty string")
                                .arg(i)
                                .arg(describe(name))});
            continue;
        }
        if (!check.requested.isEmpty() && !check.requested.contains(commodity))
            continue;
        const bool firstTime = !seen.contains(commodity);
        seen.insert(commodity);
        if (listed.value(commodity) > 1) {
            if (firstTime)
                result.errors.append(
                    {commodity, QCoreApplication::translate("hb::Oracle", "%1: listed %2 times")
                                    .arg(shown(commodity))
                                    .arg(listed.value(commodity))});
            continue;
        }
        Quote quote;
        if (std::optional<QString> problem = checkEntry(entry, commodity, check, &quote))
            result.errors.append({commodity, *problem});
        else
            result.quotes.append(quote);
    }
    for (const QString &commodity : check.requested) {
        if (!seen.contains(commodity))
            result.errors.append({commodity, QCoreApplication::translate(
                                                 "hb::Oracle", "%1: no price in the response")
                                                 .arg(shown(commodity))});
    }
    return result;
}

QByteArray priceDocument(const QVector<Quote> &quotes)
{
    QJsonArray entries;
    for (const Quote &quote : quotes) {
        QJsonObject entry{
            {kCommodity, quote.commodity}, {kPrice, quote.price}, {kTimestamp, quote.timestampMs}};
        if (!quote.source.isEmpty())
            entry.insert(kSource, quote.source);
        entries.append(entry);
    }
    return QJsonDocument(QJsonObject{{kPrices, entries}}).toJson(QJsonDocument::Compact);
}

} // namespace hb
