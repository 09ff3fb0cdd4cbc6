#pragma once

#include "store/metricsstore.h"

#include <QObject>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace hb {

class Clock;

// The single writer of metrics.db. `submit()` is cheap and callable from any thread (the engine
// thread calls it once per tick); a dedicated thread drains what was submitted and commits it
// in batched transactions, and applies retention now and then. Never blocks the caller on disk.
class MetricsWriter : public QObject
{
    Q_OBJECT
public:
    MetricsWriter(std::unique_ptr<MetricsStore> store, RetentionPolicy retention,
                  std::shared_ptr<const Clock> clock, QObject *parent = nullptr);
    ~MetricsWriter() override; // flushes and joins

    void submit(WriteBatch &&batch);
    // Blocks until everything submitted before the call is committed (or failed). For shutdown
    // and tests; never call from the GUI thread while the app runs.
    void flush();
    // Flushes, then stops the thread. Idempotent.
    void stop();

    void setRetention(RetentionPolicy retention);

    qint64 committedRecords() const;
    bool hasFailed() const;
    QString path() const;

Q_SIGNALS:
    // Emitted (from the writer thread) once, when a commit fails: disk full, read-only, I/O
    // error. `message` is one line naming the file. Nothing more is written after that; what is
    // committed stays intact.
    void writeFailed(const QString &message);

private:
    void run();

    std::unique_ptr<MetricsStore> m_store;
    std::shared_ptr<const Clock> m_clock;
    const QString m_path;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    // Submitted batches, queued whole: submit() costs a move of a few pointers however many
    // records a batch holds; the writer thread merges them into one transaction.
    std::vector<WriteBatch> m_pending;
    RetentionPolicy m_retention;
    quint64 m_submitted = 0; // batches submitted
    quint64 m_finished = 0;  // batches committed or dropped after failure
    qint64 m_committedRecords = 0;
    bool m_stopping = false;
    bool m_retentionDue = false; // setRetention() asks for a pass at the next wake
    bool m_failed = false;
    std::thread m_thread;
};

} // namespace hb
