#pragma once

#include "oracle/oracletypes.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <deque>

namespace hb {

// The oracle's health at one moment, for the oracle monitoring task, /metrics and the GUI.
struct OracleStats
{
    qint64 fetches = 0;          // recorded since start (cancelled fetches are not recorded)
    int windowFetches = 0;       // the last N fetches, which the figures below describe
    int windowFailures = 0;      // of those, fetches with any error (OracleResult::ok() false)
    double errorRate = 0;        // windowFailures / windowFetches; 0 with no fetches
    double averageLatencyMs = 0; // over the window, failures included (a timeout is slow)
    qint64 p95LatencyMs = 0;     // nearest rank over the window
    qint64 newestQuoteMs = 0;    // timestamp of the newest accepted quote; 0: none yet
    qint64 freshnessMs = -1;     // how old that quote is now; -1: none yet
    QHash<QString, qint64> newestByCommodity; // the newest accepted timestamp per commodity
    qint64 lastFetchMs = 0;                   // when the last fetch was recorded; 0: none yet
    QString lastError;                        // the last failed fetch's summary
    qint64 lastErrorMs = 0;                   // when; 0: none yet
};

// Records every fetch of the oracle and sums them up. Thread-safe: the price task records on
// its pool thread while the monitoring task and the engine read.
class OracleMonitor
{
public:
    explicit OracleMonitor(int window = 100);

    // A fetch that ended at `atMs` (Unix epoch ms). Cancelled fetches say nothing about the
    // feed and are ignored.
    void record(const OracleResult &result, qint64 atMs);
    OracleStats stats(qint64 nowMs) const;
    int window() const { return m_window; }

private:
    struct Fetch
    {
        bool ok;
        qint64 latencyMs;
    };

    const int m_window;
    mutable QMutex m_mutex;
    std::deque<Fetch> m_recent; // the last m_window fetches, oldest first
    qint64 m_fetches = 0;
    QHash<QString, qint64> m_newest;
    qint64 m_lastFetchMs = 0;
    QString m_lastError;
    qint64 m_lastErrorMs = 0;
};

} // namespace hb
