#pragma once

#include <QByteArray>
#include <QString>

#include <deque>
#include <optional>

namespace hb::http {

// The recent events of GET /api/v1/events (docs/api.md, "Event stream"), each with an id a client
// can resume after (Last-Event-ID). Ids are "<stream>-<n>": <stream> is random per server start,
// so an id from an earlier run is recognised as such; n counts up from 1.
//
// Record batches, alerts and audit entries are kept until `capacityBytes` of them are held, so a
// client that reconnects within that window misses none and sees none twice. Snapshots are
// coalesced: only the newest is kept, since a client needs the current state, not every past one.
class EventLog
{
public:
    struct Event
    {
        qint64 seq = 0;
        QByteArray type; // "snapshot", "records", "alert", "audit"
        QByteArray data; // one line of JSON
    };

    explicit EventLog(qint64 capacityBytes = 8 << 20);

    QString streamId() const { return m_stream; }

    const Event &append(const QByteArray &type, const QByteArray &data);

    // The events a client that saw `lastEventId` still needs, oldest first (the newest snapshot
    // in its place), or nullopt when that id cannot be resumed from (another stream, or older
    // than what is kept): the client then starts over from the newest snapshot.
    std::optional<std::deque<const Event *>> since(const QString &lastEventId) const;
    const Event *newestSnapshot() const;

    QByteArray idOf(const Event &event) const;
    static QByteArray format(const QByteArray &id, const Event &event); // "id: …\nevent: …\ndata: …\n\n"

private:
    QString m_stream;
    qint64 m_nextSeq = 1;
    qint64 m_capacity;
    qint64 m_bytes = 0;
    qint64 m_firstKeptSeq = 1; // every non-snapshot event from here on is kept
    std::deque<Event> m_events; // non-snapshot events, oldest first
    std::optional<Event> m_snapshot;
};

} // namespace hb::http
