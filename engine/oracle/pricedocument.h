#pragma once

#include "oracle/oracletypes.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace hb {

// The one price document every source delivers (HTTP body, file, demo), and the one place that
// decides which of its quotes are believable. The format (README "Price oracle"):
//
//   {"prices": [{"commodity": "rice", "price": 14500.5, "timestamp_ms": 1700000000000,
//                "source": "bapanas"}, ...]}
//
// - The document is a JSON object with a "prices" array; other keys are ignored (room for
//   "generated_at" and the like). Anything else - not JSON, truncated, not an object, no
//   "prices" array - fails the whole request.
// - Each entry is an object with "commodity" (non-empty string, matched exactly), "price"
//   (number), "timestamp_ms" (integer, Unix epoch ms UTC) and optionally "source" (string;
//   default: the oracle's name). Unknown keys are ignored.
// - An entry is rejected, with an error naming the commodity and the cause, when:
//     commodity is missing, not a string or empty ("prices[3]: ..." names the entry instead);
//     price is missing or not a number; price <= 0; price > kMaxPrice;
//     price differs by more than kMaxJump (50 %) from the reference price of that commodity,
//       if the caller gave one (OracleSource::setReferencePrices);
//     timestamp_ms is missing or not an integer; it is before kMinTimestampMs (2001: a time in
//       seconds, not milliseconds); it is more than kMaxClockSkewMs (1 min) ahead of now;
//     source is present but not a string;
//     the commodity is listed more than once (every copy: which one is right cannot be told).
// - When commodities were requested, entries for others are skipped without error, and a
//   requested commodity absent from the document is an error of its own.
// Good entries come through even when others in the same document are rejected.

// A price above this is a unit or decimal-point mistake, not a market price (rice at a
// billion rupiah a kilogram).
inline constexpr double kMaxPrice = 1e9;
// Grain prices do not move by half between two fetches; a feed that says so is broken. A real
// move that large needs a person: they update the reference price (the ledger's price).
inline constexpr double kMaxJump = 0.5;
// 2001-09-09: any earlier timestamp_ms is a time in seconds (1.7e9 is January 1970 in ms).
inline constexpr qint64 kMinTimestampMs = 1'000'000'000'000;
// Clocks of feed servers drift a little; a timestamp further ahead is a wrong clock or unit.
inline constexpr qint64 kMaxClockSkewMs = 60'000;

struct PriceCheck
{
    qint64 nowMs = 0;                 // for the timestamp_ms check
    QStringList requested;            // empty: take every commodity in the document
    QHash<QString, double> reference; // last accepted price per commodity, for the jump rule
    QString defaultSource;            // Quote::source for entries without "source"
};

// Parses and checks a price document. Never throws; `latencyMs` is left 0 for the caller.
OracleResult parsePriceDocument(const QByteArray &json, const PriceCheck &check);

// The document for these quotes, in the format above (the demo source and tests write it).
QByteArray priceDocument(const QVector<Quote> &quotes);

} // namespace hb
