#pragma once

#include <QString>
#include <QVector>

#include <optional>

namespace hb {

// One accepted price. Prices are per kilogram in the platform's currency (the demo uses IDR).
struct Quote
{
    QString commodity;      // "rice", "corn", "wheat", ...
    double price = 0;       // > 0
    qint64 timestampMs = 0; // when the source priced it: Unix epoch ms, UTC
    QString source;         // who priced it: the document's "source", else the oracle's name

    bool operator==(const Quote &other) const;
    bool operator!=(const Quote &other) const { return !(*this == other); }
};

// A commodity the oracle could not price, and why.
struct QuoteError
{
    QString commodity; // empty when the entry names none (the message then names its index)
    QString message;   // one line naming commodity and cause: "rice: price -3 is not positive"
};

// What one fetch returned. A commodity appears in `quotes` or in `errors`, never in both; when
// `error` is set the whole request failed and both lists are empty.
struct OracleResult
{
    QVector<Quote> quotes;
    QVector<QuoteError> errors;
    QString error;          // the whole request failed (unreachable, timeout, malformed JSON, ...)
    bool cancelled = false; // stopped by the cancellation flag; `error` says so as well
    qint64 latencyMs = 0;   // how long the fetch took (the demo source simulates this)

    // Every requested commodity was priced.
    bool ok() const { return error.isEmpty() && errors.isEmpty(); }
    // One line for logs and TaskResult::error: the whole-request error, or the errors joined.
    QString summary() const;
    std::optional<Quote> quote(const QString &commodity) const;

    static OracleResult failure(const QString &error);
    static OracleResult cancellation();
};

} // namespace hb
