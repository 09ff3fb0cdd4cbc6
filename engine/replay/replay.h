#pragma once

// Time travel over a recorded metrics.db: the state the engine published at any past moment,
// rebuilt from what the store keeps (ticks, executions, breaker_events, audit_log, samples,
// the rollups and engine_state). The file is opened read-only and never migrated.
//
// What a moment T includes, as the live engine saw it:
//   - a run counts for its task (last outcome, completed) once it finished:
//     started_at_ms + duration_ms <= T;
//   - the counters (HeartbeatMetrics) move when the whole tick finished:
//     ticks.started_at_ms + ticks.duration_ms <= T (a tick that ran nothing is instant);
//   - breaker transitions, audit entries and samples count from their ts_ms <= T.
// Not stored, so not rebuilt: the alerts tasks report (only the breaker alerts are derived),
// the store-failure alert, whether the tick loop was started, and when the next tick was due.

#include "core/config.h"
#include "snapshot.h"

#include <QString>

#include <memory>

namespace hb {

struct ReplayOptions
{
    // The configuration where the audit log says nothing about a field (config.json beside the
    // file, or the defaults).
    HeartbeatConfig config;
    // The price source the engine was started with; empty: the configuration's as of the moment.
    QString oracleSource;
};

class ReplayReader
{
public:
    static constexpr int AuditTail = 200; // as many as the engine keeps in its snapshot

    // Throws StoreError naming the file when it cannot be read as a metrics database.
    explicit ReplayReader(const QString &metricsPath, ReplayOptions options = {});
    ~ReplayReader();
    ReplayReader(const ReplayReader &) = delete;
    ReplayReader &operator=(const ReplayReader &) = delete;

    QString path() const;
    // The recorded span: the first and the last tick's start; 0 for a file without ticks.
    qint64 firstMs() const;
    qint64 lastMs() const;

    // The state as of `atMs`. Indexed queries plus tables cached when the reader opened, so a
    // step costs milliseconds on a file of millions of rows. Throws StoreError.
    EngineSnapshot stateAt(qint64 atMs);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// For benchmarks: opens `metricsPath` and replays `steps` moments `stepMs` apart, ending at the
// file's last tick. Times in milliseconds; openMs is the reader's construction.
struct ReplayStepTimes
{
    double openMs = 0;
    double meanMs = 0;
    double maxMs = 0;
    int steps = 0;
};
ReplayStepTimes measureReplaySteps(const QString &metricsPath, int steps, qint64 stepMs);

} // namespace hb
