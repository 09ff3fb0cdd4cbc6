#pragma once

#include <QStringList>

#include <optional>

namespace hb::cli {

// `heartbeatd token create --name NAME --role ROLE`, `token list`, `token revoke NAME`, each with
// --data-dir: the API tokens of a data directory (DATA/tokens.json). They never take the data
// directory's engine lock and touch nothing but the token file, so they work while an engine runs
// on the directory (which honours the change on its next reload).
//
// `args` are the process's arguments. Returns nullopt when they are not a token command (args[1]
// is not "token"); otherwise the exit status, after printing: `create` writes the secret alone on
// stdout, notes and errors go to stderr (one line, exit status 2).
std::optional<int> runTokenCommand(const QStringList &args);

} // namespace hb::cli
