#pragma once

// heartbeat-dashboard's wall display from the command line (README "Wall display"):
//   --wall [--connect URL] [--token-file FILE] [--screen N]
// decides, before any window exists, where the wall's data comes from:
//   --connect URL   another machine's heartbeatd: its snapshot and event stream, with a viewer
//                   token read from --token-file;
//   (without)       the data directory's heartbeatd through its API when one serves it
//                   (DATA/api.url, its lock held), with --token-file or DATA/wall.token (a viewer
//                   token made on first use); else the directory's metrics.db, read live and
//                   read-only.

#include "core/config.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>
#include <QUrl>

#include <optional>

namespace hb::wall {

struct Plan
{
    enum class Kind { Remote, File };
    Kind kind = Kind::File;
    QUrl url;              // Remote: the engine's base URL
    QByteArray token;      // Remote: the viewer token's secret
    QString metricsPath;   // File: DATA/metrics.db
    HeartbeatConfig config; // the wall's settings (DATA/config.json's "wall"; defaults without one)
    int screen = -1;       // --screen; -1: the primary screen
};

// Adds --wall, --connect, --token-file and --screen.
void addOptions(QCommandLineParser &parser);

// Whether any of the wall's options is set (plan() refuses those given without --wall).
bool wanted(const QCommandLineParser &parser);

// After the parser has parsed, with the data directory the options name (empty: the default).
// Nothing in the directory is changed, except DATA/wall.token and its token when the local
// engine serves and no token was given. nullopt with `plan` filled: show the wall; otherwise the
// exit status after one line on stderr (a bad option, an unreadable token file, no data).
std::optional<int> plan(const QCommandLineParser &parser, const QString &dataDir, Plan *plan);

// Whether a heartbeat process holds the data directory's lock now (read without taking it).
bool engineRunsOn(const QString &dataDir);

} // namespace hb::wall
