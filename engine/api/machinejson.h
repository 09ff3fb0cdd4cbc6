#pragma once

#include "machines/machinetypes.h"

#include <QJsonObject>

// The JSON of machines as GET /api/v1/machines lists them (docs/api.md, "Machines"): keys in
// snake_case, times in integer milliseconds since the epoch, null where there is nothing yet
// (never seen, not down, a report field the machine did not send).
namespace hb::json {

QJsonObject fromMachine(const MachineInfo &machine);
QJsonObject fromMachineReport(const MachineReport &report);

} // namespace hb::json
