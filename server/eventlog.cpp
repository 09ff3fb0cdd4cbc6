#include "eventlog.h"

#include <QRandomGenerator>

namespace hb::http {

EventLog::EventLog(qint64 capacityBytes)
    : m_stream(QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 36))
    , m_capacity(capacityBytes)
{
}

const EventLog::Event &EventLog::append(const QByteArray &type, const QByteArray &data)
{
    Event event{m_nextSeq++, type, data};
    if (type == "snapshot") {
        m_snapshot = std::move(event);
        return *m_snapshot;
    }
    m_bytes += event.data.size() + event.type.size();
    m_events.push_back(std::move(event));
    while (m_bytes > m_capacity && m_events.size() > 1) {
        m_bytes -= m_events.front().data.size() + m_events.front().type.size();
        m_events.pop_front();
        m_firstKeptSeq = m_events.front().seq;
    }
    return m_events.back();
}

const EventLog::Event *EventLog::newestSnapshot() const
{
    return m_snapshot ? &*m_snapshot : nullptr;
}

std::optional<std::deque<const EventLog::Event *>> EventLog::since(const QString &lastEventId) const
{
    const qsizetype dash = lastEventId.lastIndexOf(u'-');
    if (dash <= 0 || QStringView(lastEventId).left(dash) != m_stream)
        return std::nullopt;
    bool ok = false;
    const qint64 seen = QStringView(lastEventId).mid(dash + 1).toLongLong(&ok);
    // Events m_firstKeptSeq.. are all here; anything after `seen` from before that was dropped.
    if (!ok || seen < 0 || seen >= m_nextSeq || seen + 1 < m_firstKeptSeq)
        return std::nullopt;
    std::deque<const Event *> out;
    for (const Event &event : m_events) {
        if (event.seq > seen)
            out.push_back(&event);
    }
    if (m_snapshot && m_snapshot->seq > seen) {
        // In sequence order among the others.
        auto it = out.begin();
        while (it != out.end() && (*it)->seq < m_snapshot->seq)
            ++it;
        out.insert(it, &*m_snapshot);
    }
    return out;
}

QByteArray EventLog::idOf(const Event &event) const
{
    return m_stream.toLatin1() + '-' + QByteArray::number(event.seq);
}

QByteArray EventLog::format(const QByteArray &id, const Event &event)
{
    return "id: " + id + "\nevent: " + event.type + "\ndata: " + event.data + "\n\n";
}

} // namespace hb::http
