#pragma once

#include "oracle/oraclesource.h"

#include <memory>

namespace hb {

struct HeartbeatConfig;

// The seed of the demo source that makeOracle builds: the demo looks the same on every run.
inline constexpr quint64 kDemoOracleSeed = 20'240'101;

// The source that `config` chooses (oracle.source and its settings). `clock` defaults to the
// system clock. Returns null, with the reason in `error`, for an oracle section that
// validateConfig() refuses; null with `error` untouched for oracle.source "none" (no source).
std::unique_ptr<OracleSource> makeOracle(const HeartbeatConfig &config,
                                         std::shared_ptr<const Clock> clock = {},
                                         QString *error = nullptr);

// The same for the second source (oracle.fallback_source, fallback_url, fallback_path), which
// price_update asks when the first fails and its fallback is "alternative". The shared settings
// (timeout, body limit, demo fault rate) are the first source's.
std::unique_ptr<OracleSource> makeFallbackOracle(const HeartbeatConfig &config,
                                                 std::shared_ptr<const Clock> clock = {},
                                                 QString *error = nullptr);

} // namespace hb
