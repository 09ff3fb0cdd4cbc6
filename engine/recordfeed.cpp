#include "recordfeed.h"

#include <QMetaObject>

namespace hb {

namespace {
template<typename T>
void appendMoved(QVector<T> &to, QVector<T> &&from)
{
    if (to.isEmpty())
        to = std::move(from);
    else
        to.append(std::move(from));
}
} // namespace

void RecordBatch::append(RecordBatch &&other)
{
    appendMoved(executions, std::move(other.executions));
    appendMoved(ticks, std::move(other.ticks));
    appendMoved(samples, std::move(other.samples));
}

RecordFeed::RecordFeed(QObject *parent) : QObject(parent) {}

void RecordFeed::post(RecordBatch batch)
{
    if (batch.isEmpty())
        return;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        wake = m_buffer.isEmpty();
        m_buffer.append(std::move(batch));
    }
    if (wake)
        QMetaObject::invokeMethod(this, &RecordFeed::drain, Qt::QueuedConnection);
}

qsizetype RecordFeed::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_buffer.size();
}

void RecordFeed::drain()
{
    RecordBatch records;
    {
        std::lock_guard lock(m_mutex);
        std::swap(records, m_buffer);
    }
    if (!records.isEmpty())
        Q_EMIT recordsArrived(records);
}

} // namespace hb
