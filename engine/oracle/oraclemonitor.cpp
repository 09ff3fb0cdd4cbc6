#include "oracle/oraclemonitor.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>
#include <vector>

namespace hb {

OracleMonitor::OracleMonitor(int window)
    : m_window(std::max(1, window))
{
}

void OracleMonitor::record(const OracleResult &result, qint64 atMs)
{
    if (result.cancelled)
        return;
    const QMutexLocker lock(&m_mutex);
    ++m_fetches;
    m_lastFetchMs = atMs;
    m_recent.push_back({result.ok(), std::max<qint64>(0, result.latencyMs)});
    while (m_recent.size() > size_t(m_window))
        m_recent.pop_front();
    if (!result.ok()) {
        m_lastError = result.summary();
        m_lastErrorMs = atMs;
    }
    // A partly failed fetch still brings good quotes: they count for freshness.
    for (const Quote &quote : result.quotes) {
        qint64 &newest = m_newest[quote.commodity];
        newest = std::max(newest, quote.timestampMs);
    }
}

OracleStats OracleMonitor::stats(qint64 nowMs) const
{
    const QMutexLocker lock(&m_mutex);
    OracleStats s;
    s.fetches = m_fetches;
    s.windowFetches = int(m_recent.size());
    s.lastFetchMs = m_lastFetchMs;
    s.lastError = m_lastError;
    s.lastErrorMs = m_lastErrorMs;
    s.newestByCommodity = m_newest;
    for (auto it = m_newest.cbegin(); it != m_newest.cend(); ++it)
        s.newestQuoteMs = std::max(s.newestQuoteMs, it.value());
    if (s.newestQuoteMs > 0)
        s.freshnessMs = std::max<qint64>(0, nowMs - s.newestQuoteMs);
    if (m_recent.empty())
        return s;

    std::vector<qint64> latencies;
    latencies.reserve(m_recent.size());
    double total = 0;
    for (const Fetch &fetch : m_recent) {
        if (!fetch.ok)
            ++s.windowFailures;
        latencies.push_back(fetch.latencyMs);
        total += double(fetch.latencyMs);
    }
    s.errorRate = double(s.windowFailures) / double(s.windowFetches);
    s.averageLatencyMs = total / double(latencies.size());
    // Nearest rank: the smallest latency that at least 95 % of fetches did not exceed.
    const size_t rank = size_t(std::ceil(0.95 * double(latencies.size())));
    std::nth_element(latencies.begin(), latencies.begin() + (rank - 1), latencies.end());
    s.p95LatencyMs = latencies[rank - 1];
    return s;
}

} // namespace hb
