#pragma once

// heartbeat-dashboard's offline analysis from the command line: `--open FILE.db` names a saved
// metrics.db, and an output option (`--export-csv FILE`, `--report FILE`) writes a file from it and exits without
// a window, without a display and without touching any data directory. Each output kind is one
// branch of run(); the range options (--from, --to) are shared by all of them.

#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace hb::analysis {

// Adds --open, --export-csv, --report, --csv-rows, --from and --to.
void addOptions(QCommandLineParser &parser);

// Whether the raw arguments ask for a file to be written rather than a window: main() then picks
// the offscreen platform before QApplication exists, as for --help.
bool wantsHeadlessRun(int argc, char *argv[]);

// After the parser has parsed. Checks --open (a bad file: one line on stderr, ExitBadInput,
// nothing written) and the range options; with an output option writes it and returns the exit
// status (ExitOk or ExitBadInput). nullopt: start the window as usual, with `*openPath` the
// checked file of --open (empty without it).
std::optional<int> run(const QCommandLineParser &parser, QString *openPath);

} // namespace hb::analysis
