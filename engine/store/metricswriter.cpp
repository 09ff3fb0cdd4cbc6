#include "store/metricswriter.h"

#include "core/auditoutbox.h"
#include "core/clock.h"
#include "core/logging.h"

#include <chrono>

namespace hb {

namespace {
constexpr qint64 kRetentionIntervalMs = 3'600'000;
// An idle writer still wakes now and then so hourly retention happens without traffic.
constexpr auto kIdleWake = std::chrono::minutes(1);
// One batch holding all of `queue`, rows in submission order, newest state.
WriteBatch combine(std::vector<WriteBatch> &queue)
{
    if (queue.size() == 1)
        return std::move(queue.front());
    WriteBatch all;
    qsizetype ticks = 0, executions = 0, events = 0, samples = 0, audit = 0;
    for (const WriteBatch &b : queue) {
        ticks += b.ticks.size();
        executions += b.executions.size();
        events += b.breakerEvents.size();
        samples += b.samples.size();
        audit += b.audit.size();
    }
    // One allocation per kind instead of repeated growth of large vectors.
    all.ticks.reserve(ticks);
    all.executions.reserve(executions);
    all.breakerEvents.reserve(events);
    all.samples.reserve(samples);
    all.audit.reserve(audit);
    for (WriteBatch &b : queue)
        all.merge(std::move(b));
    return all;
}

} // namespace

MetricsWriter::MetricsWriter(std::unique_ptr<MetricsStore> store, RetentionPolicy retention,
                             std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_clock(std::move(clock))
    , m_path(m_store ? m_store->path() : QString())
    , m_retention(retention)
{
    Q_ASSERT(m_store);
    Q_ASSERT(m_clock);
    m_thread = std::thread([this] { run(); });
}

MetricsWriter::~MetricsWriter()
{
    stop();
}

void MetricsWriter::submit(WriteBatch &&batch)
{
    if (batch.isEmpty())
        return;
    {
        std::lock_guard lock(m_mutex);
        // After a failure, or once stopped, nothing more is written; dropping keeps flush()
        // from waiting on work that will never happen.
        if (m_failed || m_stopping)
            return;
        m_pending.push_back(std::move(batch));
        ++m_submitted;
    }
    m_wake.notify_one();
}

void MetricsWriter::flush()
{
    if (std::this_thread::get_id() == m_thread.get_id()) {
        // A direct connection to writeFailed() calling back in would wait for itself.
        qCWarning(lcStore) << "MetricsWriter::flush() called from the writer thread; ignored";
        return;
    }
    std::unique_lock lock(m_mutex);
    const quint64 target = m_submitted;
    m_done.wait(lock, [this, target] { return m_finished >= target; });
}

void MetricsWriter::stop()
{
    if (!m_thread.joinable())
        return;
    flush();
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void MetricsWriter::setRetention(RetentionPolicy retention)
{
    {
        std::lock_guard lock(m_mutex);
        m_retention = retention;
        m_retentionDue = true; // a tighter policy should not wait for the next hour
    }
    m_wake.notify_one();
}

qint64 MetricsWriter::committedRecords() const
{
    std::lock_guard lock(m_mutex);
    return m_committedRecords;
}

bool MetricsWriter::hasFailed() const
{
    std::lock_guard lock(m_mutex);
    return m_failed;
}

QString MetricsWriter::path() const
{
    return m_path;
}

void MetricsWriter::setOutbox(std::shared_ptr<AuditOutbox> outbox)
{
    std::lock_guard lock(m_mutex);
    m_outbox = std::move(outbox);
}

void MetricsWriter::moveOutbox()
{
    WriteBatch batch;
    batch.moveOutbox = true;
    submit(std::move(batch));
    flush();
}

bool MetricsWriter::retry(WriteBatch &&batch, QString *error)
{
    std::unique_lock lock(m_mutex);
    if (!m_failed)
        return true;
    if (m_stopping || !m_thread.joinable()) {
        if (error)
            *error = m_lastError;
        return false;
    }
    m_retryBatch = std::move(batch);
    m_retryDone = false;
    m_wake.notify_one();
    m_done.wait(lock, [this] { return m_retryDone; });
    if (m_failed && error)
        *error = m_lastError;
    return !m_failed;
}

QString MetricsWriter::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

// Writer thread. hasFailed() is true before the ledger refuses changes, so a task run that
// meets the refusal finds the engine's check already true (it is then cancelled, not failed).
// Then, first of all: no ledger change may happen that the audit log could not hold.
void MetricsWriter::markFailed(const QString &error, const std::shared_ptr<AuditOutbox> &outbox)
{
    {
        std::lock_guard lock(m_mutex);
        m_failed = true;
        m_lastError = error;
    }
    if (outbox)
        outbox->storeFailed(error);
}

// Writer thread. Commits `batch` with whatever the outbox holds; returns the error, if any.
QString MetricsWriter::commit(WriteBatch &batch, const std::shared_ptr<AuditOutbox> &outbox,
                              qint64 *written)
{
    QVector<AuditEntry> moved;
    QStringList uids;
    if (outbox) {
        try {
            moved = outbox->take();
        } catch (const std::exception &e) {
            // The ledger is unreadable: its own callers hear of it; the rest is still written.
            qCWarning(lcStore) << "cannot read the audit outbox:" << e.what();
        }
        uids.reserve(moved.size());
        for (const AuditEntry &entry : std::as_const(moved))
            uids.append(entry.uid);
        batch.audit.append(moved);
    }
    try {
        m_store->write(batch);
    } catch (const StoreError &e) {
        markFailed(e.message(), outbox);
        if (outbox)
            outbox->release(uids);
        return e.message();
    }
    *written = batch.recordCount();
    if (!uids.isEmpty()) {
        try {
            outbox->acknowledge(uids);
        } catch (const std::exception &e) {
            // Committed here, still in the outbox: moved again later, stored once.
            qCWarning(lcStore) << "cannot clear the audit outbox:" << e.what();
            outbox->release(uids);
        }
        Q_EMIT auditMoved(moved);
    }
    return {};
}

void MetricsWriter::run()
{
    qint64 lastRetentionMs = 0;
    bool retentionDone = false;
    std::vector<WriteBatch> queue;
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_retryBatch) {
            WriteBatch batch = std::move(*m_retryBatch);
            m_retryBatch.reset();
            const std::shared_ptr<AuditOutbox> outbox = m_outbox;
            lock.unlock();
            qint64 written = 0;
            const QString error = commit(batch, outbox, &written);
            if (error.isEmpty() && outbox)
                outbox->storeRecovered();
            lock.lock();
            if (error.isEmpty()) {
                qCInfo(lcStore) << "metrics store writable again";
                m_failed = false;
                m_lastError.clear();
                m_committedRecords += written;
            } else {
                m_lastError = error;
            }
            m_retryDone = true;
            m_done.notify_all();
            continue;
        }
        const qint64 now = m_clock->nowMs();
        const bool retentionDue = !m_failed && (m_retentionDue || !retentionDone ||
                                                now - lastRetentionMs >= kRetentionIntervalMs);
        const bool work = m_submitted > m_finished;
        if (!work && !retentionDue) {
            if (m_stopping)
                break;
            m_wake.wait_for(lock, kIdleWake, [this] {
                return m_submitted > m_finished || m_stopping || m_retentionDue || m_retryBatch;
            });
            continue;
        }

        // Take everything submitted so far: under load many ticks share one transaction.
        std::swap(queue, m_pending);
        const quint64 upTo = m_submitted;
        const RetentionPolicy retention = m_retention;
        const bool failed = m_failed;
        const std::shared_ptr<AuditOutbox> outbox = m_outbox;
        m_retentionDue = false;
        lock.unlock();

        QString error;
        qint64 written = 0;
        WriteBatch batch = queue.empty() ? WriteBatch() : combine(queue);
        queue.clear(); // keeps its capacity for the next swap
        if (!failed) {
            try {
                if (retentionDue) {
                    m_store->applyRetention(retention, now);
                    lastRetentionMs = now;
                    retentionDone = true;
                }
            } catch (const StoreError &e) {
                error = e.message();
                markFailed(error, outbox);
            }
            if (error.isEmpty() && (work || outbox))
                error = commit(batch, outbox, &written);
        }
        batch = WriteBatch(); // free the strings here, not under the lock
        if (!error.isEmpty()) {
            // The binaries report it (one line on stderr, or the engine's pause); only trace it.
            qCDebug(lcStore).noquote() << error;
            // Before m_finished moves, so whoever flush() releases sees the signal emitted.
            Q_EMIT writeFailed(error);
        }

        lock.lock();
        if (!error.isEmpty()) {
            m_failed = true;
            m_lastError = error;
        }
        m_committedRecords += written;
        m_finished = upTo;
        m_done.notify_all();
    }
}

} // namespace hb
