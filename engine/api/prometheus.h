#pragma once

#include "recordfeed.h"
#include "snapshot.h"

#include <QByteArray>

// GET /metrics (docs/api.md, "Metrics"): the engine in the Prometheus text exposition format
// 0.0.4. Fed with every snapshot and record batch the engine publishes (on the server's thread);
// render() writes the whole page. `hb_` prefix, base units (seconds, bytes), `_total` counters,
// labels only of bounded sets (task, outcome, state, status, severity, shard).
namespace hb {

class MetricsExposition
{
public:
    MetricsExposition();

    void onSnapshot(const EngineSnapshot &snapshot);
    void onRecords(const RecordBatch &batch); // task durations into the per-task histograms

    QByteArray render() const; // text/plain; version=0.0.4

    static constexpr const char *ContentType = "text/plain; version=0.0.4; charset=utf-8";
};

} // namespace hb
