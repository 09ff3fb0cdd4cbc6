#pragma once

#include "machines/machinetypes.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// The JSON of machines as GET /api/v1/machines lists them (docs/api.md, "Machines"): keys in
// snake_case, times in integer milliseconds since the epoch, null where there is nothing yet
// (never seen, not down, a report field the machine did not send).
namespace hb::json {

QJsonObject fromMachine(const MachineInfo &machine);
QJsonObject fromMachineReport(const MachineReport &report);
// The parsers of those, strict like the ones in snapshotjson.h: a missing or mistyped field is
// an error naming it ("recent[3].kind: unknown value \"ping\"").
std::optional<MachineInfo> toMachine(const QJsonObject &json, QString *error);
std::optional<MachineReport> toMachineReport(const QJsonObject &json, QString *error);

} // namespace hb::json
