#pragma once

#include "core/records.h"

#include <QObject>
#include <QVector>

#include <mutex>

namespace hb {

// Carries batches of execution records from the engine thread to an object on another thread
// (the GUI). post() appends under a short lock and wakes the receiver only when the buffer was
// empty, so a burst costs one queued event however many batches it holds; the receiver drains
// everything that arrived since in one `recordsArrived`. Lives on the receiving thread.
class ExecutionFeed : public QObject
{
    Q_OBJECT
public:
    explicit ExecutionFeed(QObject *parent = nullptr);

    void post(QVector<ExecutionRecord> batch); // any thread

    // Records waiting to be drained (for diagnostics and the benchmark).
    qsizetype pending() const;

Q_SIGNALS:
    void recordsArrived(const QVector<hb::ExecutionRecord> &records);

private:
    void drain();

    mutable std::mutex m_mutex;
    QVector<ExecutionRecord> m_buffer;
};

} // namespace hb
