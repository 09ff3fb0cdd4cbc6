#pragma once

#include "core/config.h"
#include "machines/machinetypes.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The request bodies the HTTP API accepts (docs/api.md), parsed strictly: the body must be a JSON
// object; unknown keys, wrong types and values out of range are errors naming the field. These
// take untrusted bytes straight from the network, so they are also a libFuzzer target (fuzz/).
namespace hb::body {

struct Error
{
    QString field;  // JSON path; empty: the document as a whole
    QString reason; // e.g. "expected a boolean"
    QString toString() const;
};

// POST /api/v1/pause: {"reason": "…"} (required, 1..500 characters after trimming).
std::optional<QString> pauseReason(const QByteArray &body, Error *error);
// POST /api/v1/maintenance: {"on": true|false} (required).
std::optional<bool> maintenanceOn(const QByteArray &body, Error *error);
// PUT /api/v1/config: the whole config.json document, validated exactly like the file.
std::optional<HeartbeatConfig> config(const QByteArray &body, Error *error);
// An empty body, or an empty JSON object (the commands that take no arguments).
bool empty(const QByteArray &body, Error *error);
// POST /api/v1/machines/{name}/heartbeat (and /start, /fail): empty, or an object with any of
// "cpu", "memory", "disk", "uptime" (finite numbers >= 0), "version" (one line, at most 100
// characters) and "note" (at most 1000 characters; line breaks and tabs allowed).
std::optional<MachineReport> machineReport(const QByteArray &body, Error *error);

// POST /api/v1/silences: {"from": T, "to": T, "reason": "…", "matchers": {"machine": "…",
// "task": "…", "kind": "…"}}. T is an ISO 8601 date-time with its offset ("Z", "+07:00") or
// integer milliseconds since the epoch; "from" defaults to `nowMs`; "to" is required, after
// "from" and `nowMs`, and at most kMaxSilenceMs after "from". The reason follows the pause
// reason's rules; every matcher is optional (none: everything is silenced); "kind" is a
// NotificationKind.
struct SilenceRequest
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString reason;
    QString machine;
    QString task;
    QString kind;
    // Recurring ("every Sunday 02:00-04:00"): on from each run of `cron` in `tz` for
    // `durationMs`, between from and to (to defaults to 366 days after from, and may be up to
    // ten years after it).
    QString cron;
    qint64 durationMs = 0;
    QString tz;
};
inline constexpr qint64 kMaxSilenceMs = 366LL * 86'400'000;
inline constexpr qint64 kMaxRecurringSilenceMs = 3653LL * 86'400'000;
std::optional<SilenceRequest> silence(const QByteArray &body, qint64 nowMs, Error *error);

} // namespace hb::body
