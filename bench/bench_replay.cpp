// Replay steps on a recorded metrics.db: bench_replay FILE. Prints the mean time of a step of a
// minute (what playing at 600× asks for every 100 ms) and of jumps across the whole file (what
// dragging the scrubber asks for), each over the file's last moments.

#include "benchjson.h"
#include "replay/replay.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <cstdio>

using namespace hb;
using namespace hb::bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_replay METRICS.db\n");
        return 2;
    }
    const QString path = args.at(1);
    const ReplayStepTimes minute = measureReplaySteps(path, 200, 60'000);
    printFigure("analysis_replay_step_ms", minute.meanMs, "ms", std::nullopt,
                Target::valueAtMost(50),
                {{QStringLiteral("max_ms"), minute.maxMs},
                 {QStringLiteral("open_ms"), minute.openMs},
                 {QStringLiteral("steps"), minute.steps},
                 {QStringLiteral("step"), QStringLiteral("1 min")}});

    // Jumps: 50 moments spread over the whole file, visited in a scrambled order.
    ReplayReader reader(path);
    const qint64 span = std::max<qint64>(1, reader.lastMs() - reader.firstMs());
    double total = 0, worst = 0;
    const int jumps = 50;
    QElapsedTimer timer;
    for (int i = 0; i < jumps; ++i) {
        const qint64 at = reader.firstMs() + span * ((i * 37) % jumps) / jumps;
        timer.start();
        const EngineSnapshot state = reader.stateAt(at);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        total += ms;
        worst = std::max(worst, ms);
    }
    printFigure("analysis_replay_jump_ms", total / jumps, "ms", std::nullopt,
                Target::valueAtMost(50),
                {{QStringLiteral("max_ms"), worst}, {QStringLiteral("steps"), jumps}});
    return 0;
}
