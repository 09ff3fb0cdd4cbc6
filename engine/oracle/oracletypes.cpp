#include "oracle/oracletypes.h"

#include <QCoreApplication>

namespace hb {

bool Quote::operator==(const Quote &other) const
{
    return commodity == other.commodity && price == other.price &&
           timestampMs == other.timestampMs && source == other.source;
}

QString OracleResult::summary() const
{
    if (!error.isEmpty())
        return error;
    QStringList messages;
    messages.reserve(errors.size());
    for (const QuoteError &e : errors)
        messages.append(e.message);
    return messages.join(QStringLiteral("; "));
}

std::optional<Quote> OracleResult::quote(const QString &commodity) const
{
    for (const Quote &q : quotes) {
        if (q.commodity == commodity)
            return q;
    }
    return std::nullopt;
}

OracleResult OracleResult::failure(const QString &error)
{
    OracleResult result;
    result.error = error;
    return result;
}

OracleResult OracleResult::cancellation()
{
    OracleResult result = failure(QCoreApplication::translate("hb::Oracle", "cancelled"));
    result.cancelled = true;
    return result;
}

} // namespace hb
