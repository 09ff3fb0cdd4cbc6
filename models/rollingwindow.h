#pragma once

#include <QtGlobal>

#include <algorithm>
#include <deque>

namespace hb {

// Statistics over the newest entries that together hold at least `minCount` values: the last
// 20 task runs when each entry is one run, or just the newest minute when one minute bucket
// already holds 20. Used for the charts' running average, peak and success rate, live and from
// the database alike, so both show the same thing.
class RollingWindow
{
public:
    explicit RollingWindow(qint64 minCount) : m_minCount(std::max<qint64>(minCount, 1)) {}

    // `count` values summing to `sum`, the largest `max`, `hits` of them successes.
    void add(qint64 count, double sum, double max, qint64 hits = 0)
    {
        if (count <= 0)
            return;
        m_entries.push_back({count, sum, max, hits});
        m_count += count;
        m_sum += sum;
        m_hits += hits;
        while (m_count - m_entries.front().count >= m_minCount) {
            const Entry &old = m_entries.front();
            m_count -= old.count;
            m_sum -= old.sum;
            m_hits -= old.hits;
            m_entries.pop_front();
        }
    }
    void add(double value) { add(1, value, value); }

    bool isEmpty() const { return m_count == 0; }
    qint64 count() const { return m_count; }
    double mean() const { return m_count > 0 ? m_sum / double(m_count) : 0.0; }
    double hitRate() const { return m_count > 0 ? double(m_hits) / double(m_count) : 0.0; }
    double max() const
    {
        double m = 0.0;
        for (const Entry &e : m_entries)
            m = std::max(m, e.max);
        return m;
    }

private:
    struct Entry
    {
        qint64 count;
        double sum;
        double max;
        qint64 hits;
    };
    qint64 m_minCount;
    std::deque<Entry> m_entries;
    qint64 m_count = 0;
    double m_sum = 0.0;
    qint64 m_hits = 0;
};

} // namespace hb
