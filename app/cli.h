#pragma once

#include "runtime.h"

#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace hb::cli {

// Exit statuses shared by both binaries (docs/architecture.md, "Command line"): 0 on success, 2 for
// bad options or bad config/data.
constexpr int ExitOk = 0;
constexpr int ExitBadInput = 2;

// Adds --data-dir, --tick-ms, --demo-loans, --help and --version.
void addCommonOptions(QCommandLineParser &parser);

// Parses the process's arguments and reads --data-dir, --tick-ms and --demo-loans into `options`.
// Returns the exit status when the program should stop now: after --help or --version (ExitOk),
// or after printing "<app>: <error>" for a bad option (ExitBadInput).
std::optional<int> parse(QCommandLineParser &parser, RuntimeOptions *options);

// Reads a whole number option in [min, max]; prints a one-line error and returns false if bad.
bool readInteger(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                 qint64 *value);
bool readSeconds(const QCommandLineParser &parser, const QString &name, double *value);

// One line on stderr, prefixed with the application name.
void printError(const QString &message);

} // namespace hb::cli
