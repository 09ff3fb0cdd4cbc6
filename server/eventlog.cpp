#include "eventlog.h"

#include <QRandomGenerator>

namespace hb::http {

EventLog::EventLog(qint64 capacityBytes)
    : m_stream(QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 36))
    , m_capacity(capacityBytes)
{
}

namespace {

// What one kept event holds: its text, its place in the deque and the allocations' headers.
qint64 heldBy(const EventLog::Event &event)
{
    constexpr qint64 overhead = qint64(sizeof(EventLog::Event)) + 48;
    return overhead + event.data.capacity() + event.type.size();
}

} // namespace

const EventLog::Event &EventLog::append(const QByteArray &type, QByteArray data)
{
    // Text built by appending (QJsonDocument::toJson) has up to twice its size allocated; the
    // log keeps it for minutes, so only what it needs.
    data.squeeze();
    Event event{m_nextSeq++, type, std::move(data)};
    if (type == "snapshot") {
        m_snapshot = std::move(event);
        m_snapshotText = nullptr;
        return *m_snapshot;
    }
    m_bytes += heldBy(event);
    m_events.push_back(std::move(event));
    while (m_bytes > m_capacity && m_events.size() > 1) {
        m_bytes -= heldBy(m_events.front());
        m_events.pop_front();
        m_firstKeptSeq = m_events.front().seq;
    }
    return m_events.back();
}

void EventLog::appendSnapshot(std::function<QByteArray()> text)
{
    m_snapshot = Event{m_nextSeq++, QByteArrayLiteral("snapshot"), {}};
    m_snapshotText = std::move(text);
}

const EventLog::Event *EventLog::newestSnapshot() const
{
    if (!m_snapshot)
        return nullptr;
    if (m_snapshotText) {
        m_snapshot->data = m_snapshotText();
        m_snapshotText = nullptr;
    }
    return &*m_snapshot;
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
        out.insert(it, newestSnapshot());
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
