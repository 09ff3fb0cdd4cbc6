#pragma once

#include <QStringList>

#include <optional>

namespace hb::cli {

// `heartbeatd machine add NAME [--offline-after 2m]`, `machine list`, `machine remove NAME`,
// `machine pause NAME`, `machine resume NAME`, each with --data-dir: the pushing machines of a
// data directory (DATA/machines.json). Like the token commands they touch nothing but that file,
// so they work while an engine runs on the directory, which picks the change up within a second.
//
// Returns nullopt when `args` are not a machine command (args[1] is not "machine"); otherwise the
// exit status, after printing: `add` writes the push token alone on stdout; notes and errors go
// to stderr (one line, exit status 2).
std::optional<int> runMachineCommand(const QStringList &args);

} // namespace hb::cli
