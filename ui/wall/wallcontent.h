#pragma once

#include "datasource.h"
#include "machines/machinetypes.h"
#include "snapshot.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace hb {

// How a state reads on the wall: a colour and, for the colour-blind and the far corner of the
// room, a shape and a word.
enum class WallTone { Ok, Warning, Bad, Neutral };
enum class WallShape { Disc, HalfDisc, Cross, Triangle, Ring, Pause, Info };

// One tile (breakers, machines) or row (alerts) as the wall draws it.
struct WallTile
{
    QString title; // the task, machine or alert message
    QString state; // the state in words: "open", "down", "critical"
    WallTone tone = WallTone::Neutral;
    WallShape shape = WallShape::Ring;
    QString number;      // the key number: failures, time since the last heartbeat, age
    QString numberLabel; // what the number is
    QString detail;      // a further line: the countdown to the next trial, the raising task
};

// The overview's verdict on the heartbeat.
struct WallVerdict
{
    QString title;
    QString detail;
    WallTone tone = WallTone::Neutral;
    WallShape shape = WallShape::Ring;
};

// The wall's words, built from the data at a moment; the window paints them and tests read
// them. Translated in the window's context.
class WallText
{
    Q_DECLARE_TR_FUNCTIONS(hb::WallWindow)
public:
    static WallVerdict verdict(const EngineState &state, qint64 nowMs);
    // The price feed in a few words ("oracle OK", "oracle down").
    static QString oracleWords(const OracleHealth &oracle);
    static QVector<WallTile> breakerTiles(const EngineState &state, qint64 nowMs);
    static QVector<WallTile> machineTiles(const QVector<MachineInfo> &machines, qint64 nowMs);
    // Critical first, then warnings, then the rest; the newest first within each.
    static QVector<WallTile> alertRows(const QVector<Alert> &alerts, qint64 nowMs);

    // The large line across the screen when the source is not live (empty when it is), and
    // the line under it: the reason, the next attempt, and which values are shown.
    static QString statusHeadline(const SourceStatus &status, qint64 nowMs);
    static QString statusDetail(const SourceStatus &status, qint64 nowMs);
    // "updated 3 s ago" / "no data yet".
    static QString updatedText(const SourceStatus &status, qint64 nowMs);

    static QString breakerStateWord(BreakerState state);
    static QString severityWord(Severity severity);
    // "0:42", "12:05", "1:02:03".
    static QString countdown(qint64 ms);
    // "950", "12.3 k", "4.5 M", "1.2 G", "3.4 T".
    static QString compactNumber(double value);
};

} // namespace hb
