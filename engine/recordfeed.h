#pragma once

#include "core/records.h"

#include <QMetaType>
#include <QObject>
#include <QVector>

#include <mutex>

namespace hb {

// What one tick produced, for live views: its task runs, the tick itself and gauge samples.
struct RecordBatch
{
    QVector<ExecutionRecord> executions;
    QVector<TickRecord> ticks;
    QVector<Sample> samples;

    bool isEmpty() const { return executions.isEmpty() && ticks.isEmpty() && samples.isEmpty(); }
    qsizetype size() const { return executions.size() + ticks.size() + samples.size(); }
    void append(RecordBatch &&other);
};

// Carries record batches from the engine thread to an object on another thread (the GUI).
// post() appends under a short lock and wakes the receiver only when the buffer was empty, so a
// burst costs one queued event however many batches it holds; the receiver drains everything
// that arrived since in one `recordsArrived`. Lives on the receiving thread.
class RecordFeed : public QObject
{
    Q_OBJECT
public:
    explicit RecordFeed(QObject *parent = nullptr);

    void post(RecordBatch batch); // any thread

    // Records waiting to be drained (for diagnostics and the benchmark).
    qsizetype pending() const;

Q_SIGNALS:
    void recordsArrived(const hb::RecordBatch &records);

private:
    void drain();

    mutable std::mutex m_mutex;
    RecordBatch m_buffer;
};

} // namespace hb

Q_DECLARE_METATYPE(hb::RecordBatch)
