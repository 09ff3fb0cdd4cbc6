#pragma once

#include <QString>
#include <QtGlobal>

#include <atomic>

namespace hb {

inline constexpr qint64 kDayMs = 86'400'000;

// Wall-clock time as Unix epoch milliseconds (UTC). Injected everywhere the engine reads the
// time so tests can move time forward (breaker timeouts, health freshness) without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

// Thread-safe: read from the engine thread and task threads, moved by the test thread.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 startMs = 1'700'000'000'000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(std::memory_order_relaxed); }
    void advance(qint64 ms) { m_now.fetch_add(ms, std::memory_order_relaxed); }
    void set(qint64 ms) { m_now.store(ms, std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_now;
};

// `ms` as local wall-clock time for text that is stored and read later (executions.error):
// "14:05:09", with the date in front ("2026-12-02 14:05:09") when it falls on another local day
// than `referenceMs`, the moment the text is about. Fixed ISO forms: readable in any language.
QString localTimeText(qint64 ms, qint64 referenceMs);

} // namespace hb
