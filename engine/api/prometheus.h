#pragma once

#include "machines/machinetypes.h"
#include "recordfeed.h"
#include "snapshot.h"

#include <QByteArray>
#include <QMap>
#include <QSet>

#include <array>
#include <optional>

// GET /metrics (docs/api.md, "Metrics"): the engine in the Prometheus text exposition format
// 0.0.4. Fed with every snapshot and record batch the engine publishes (on the server's thread);
// render() writes the whole page. `hb_` prefix, base units (seconds, bytes), `_total` counters,
// labels only of bounded sets (task, outcome, state, status, severity, shard).
//
// Where each figure comes from: gauges from the latest snapshot; hb_ticks_total from the
// snapshot's all-time tick count; task runs and durations from the record batches this object was
// fed (so they count from its creation); breaker openings from the snapshots, as a breaker seen
// Open that was not, or that re-opened after a failed trial. Counters never go down within a
// process: a count that drops (another engine) is taken as a restart from zero.
// Not thread-safe: feed and render it on one thread.
namespace hb {

class MetricsExposition
{
public:
    MetricsExposition();

    void onSnapshot(const EngineSnapshot &snapshot);
    void onRecords(const RecordBatch &batch); // task durations into the per-task histograms

    QByteArray render() const; // text/plain; version=0.0.4
    // The machine families, appended to render()'s page where the server monitors machines.
    // Rendered on every scrape (their last-seen times change with every push), so kept apart
    // from the page above, which changes only with the engine's snapshots and records:
    //   hb_machine_up{machine}  1 up; 0 down or new (never heard from); no sample while paused
    //   hb_machine_state{machine,state}  1 for the current state, 0 for the others
    //   hb_machine_last_seen_timestamp_seconds{machine}  Unix time of the last push; 0: never
    //   hb_machine_offline_after_seconds{machine}
    static QByteArray renderMachines(const QVector<MachineInfo> &machines);

    static constexpr const char *ContentType = "text/plain; version=0.0.4; charset=utf-8";

    // Upper bounds of the task duration buckets, in milliseconds (+Inf is implied).
    static constexpr std::array<qint64, 13> DurationBucketsMs = {
        1, 5, 10, 25, 50, 100, 250, 500, 1'000, 2'500, 5'000, 10'000, 30'000};

private:
    struct Histogram
    {
        std::array<quint64, DurationBucketsMs.size()> buckets{}; // cumulative: runs <= bound
        quint64 count = 0;
        qint64 sumMs = 0;
    };
    struct BreakerSeen
    {
        BreakerState state = BreakerState::Closed;
        qint64 openedAtMs = 0;
    };

    void ensureTask(const QString &task);

    EngineSnapshot m_latest;
    bool m_haveSnapshot = false;
    quint64 m_ticks = 0;
    qint64 m_lastTickCount = -1; // the snapshot's tick count last seen; -1: none yet
    QMap<QString, std::array<quint64, 5>> m_runs; // by task, then by Outcome
    QMap<QString, Histogram> m_durations;
    QMap<QString, quint64> m_openings;
    QMap<QString, BreakerSeen> m_breakers;
    // The shards the latest shard balancing run reported. The snapshot's gauges keep the last
    // reading of every series ever seen, including shards since removed; these filter them.
    std::optional<QSet<int>> m_shards;
};

} // namespace hb
