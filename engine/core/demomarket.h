#pragma once

// The demo market's price levels, in one place because two halves of the demo must agree on
// them: the demo oracle's random walks start at and return to these levels (engine/oracle),
// and the demo ledger seeds its prices and sizes its loans' collateral with them
// (engine/ledger). Were they apart, the first demo quotes would fail the oracle's jump rule.

#include <QStringView>

#include <optional>

namespace hb {

// IDR per kilogram, about the Indonesian market in 2024, for "rice", "corn" and "wheat";
// nothing for any other commodity.
std::optional<double> demoMarketPrice(QStringView commodity);

} // namespace hb
