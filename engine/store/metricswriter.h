#pragma once

#include "store/metricsstore.h"

#include <QObject>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace hb {

class AuditOutbox;
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

    // The audit outbox this writer moves into metrics.db with every transaction it commits
    // (see core/auditoutbox.h). Set before the engine starts; null: none.
    void setOutbox(std::shared_ptr<AuditOutbox> outbox);
    // Moves everything in the outbox now and waits until it is committed (or failed): what a
    // stopped process left there is moved first, before the engine starts.
    void moveOutbox();

    // After a failure: commits `batch` (the engine's state, say) on the writer thread and, if
    // that works, takes up writing again. Blocks until it is decided; true when the store
    // works again, else `error` says why.
    bool retry(WriteBatch &&batch, QString *error);

    qint64 committedRecords() const;
    bool hasFailed() const;
    QString lastError() const;
    QString path() const;

Q_SIGNALS:
    // Emitted (from the writer thread) when a commit fails: disk full, read-only, I/O error.
    // `message` is one line naming the file. Nothing more is written until retry() works;
    // what is committed stays intact, and the outbox is told first (storeFailed()).
    void writeFailed(const QString &message);
    // Emitted (from the writer thread) with the outbox entries a transaction committed.
    void auditMoved(const QVector<hb::AuditEntry> &entries);

private:
    void run();
    QString commit(WriteBatch &batch, const std::shared_ptr<AuditOutbox> &outbox, qint64 *written);
    void markFailed(const QString &error, const std::shared_ptr<AuditOutbox> &outbox);

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
    QString m_lastError;
    std::shared_ptr<AuditOutbox> m_outbox;
    std::optional<WriteBatch> m_retryBatch; // retry(): to commit on the writer thread
    bool m_retryDone = false;
    std::thread m_thread;
};

} // namespace hb
