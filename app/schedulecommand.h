#pragma once

#include <QStringList>

#include <optional>

namespace hb::cli {

// `heartbeatd schedule --cron EXPR [--tz ZONE] [--from ISO] [--count N]`: the next N (default 5,
// at most 1000) run times of a cron expression after --from (default now; ISO 8601 with or
// without an offset, without one a wall time in the zone), in ZONE (default the system's), one
// per line as ISO 8601 with the offset; a run moved by a DST gap carries a note on its line.
// Touches no data directory.
//
// Returns nullopt when `args` are not a schedule command (args[1] is not "schedule"); otherwise
// the exit status, after printing: a bad expression, zone, --from or --count is one line on
// stderr (the expression's with the position and the reason) and exit status 2.
std::optional<int> runScheduleCommand(const QStringList &args);

} // namespace hb::cli
