#include "executionfeed.h"

#include <QMetaObject>

namespace hb {

ExecutionFeed::ExecutionFeed(QObject *parent) : QObject(parent) {}

void ExecutionFeed::post(QVector<ExecutionRecord> batch)
{
    if (batch.isEmpty())
        return;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        wake = m_buffer.isEmpty();
        if (wake)
            m_buffer = std::move(batch);
        else
            m_buffer.append(std::move(batch));
    }
    if (wake)
        QMetaObject::invokeMethod(this, &ExecutionFeed::drain, Qt::QueuedConnection);
}

qsizetype ExecutionFeed::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_buffer.size();
}

void ExecutionFeed::drain()
{
    QVector<ExecutionRecord> records;
    {
        std::lock_guard lock(m_mutex);
        records.swap(m_buffer);
    }
    if (!records.isEmpty())
        Q_EMIT recordsArrived(records);
}

} // namespace hb
