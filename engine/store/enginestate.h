#pragma once

// How PersistedState's scalar parts are kept in `engine_state(key, value)`. The breakers have
// their own table (`breaker_state`). Values are text an analyst can read with plain SQL:
//   metrics           JSON object with the HeartbeatMetrics counters (snake_case keys)
//   emergency_stop    "1" or "0"
//   emergency_reason  free text
//   safe_mode         "1" or "0"
//   safe_mode_reason  free text

#include "core/records.h"

#include <QByteArray>

#include <optional>

namespace hb::enginestate {

inline constexpr char kMetricsKey[] = "metrics";
inline constexpr char kEmergencyStopKey[] = "emergency_stop";
inline constexpr char kEmergencyReasonKey[] = "emergency_reason";
inline constexpr char kSafeModeKey[] = "safe_mode";
inline constexpr char kSafeModeReasonKey[] = "safe_mode_reason";

QByteArray encodeMetrics(const HeartbeatMetrics &metrics);
// std::nullopt when `json` is not an object (a damaged or hand-edited row).
std::optional<HeartbeatMetrics> decodeMetrics(const QByteArray &json);

} // namespace hb::enginestate
