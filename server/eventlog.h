#pragma once

#include <QByteArray>
#include <QString>

#include <deque>
#include <functional>
#include <optional>

namespace hb::http {

// The recent events of GET /api/v1/events (docs/api.md, "Event stream"), each with an id a client
// can resume after (Last-Event-ID). Ids are "<stream>-<n>": <stream> is random per server start,
// so an id from an earlier run is recognised as such; n counts up from 1.
//
// Record batches, alerts and audit entries are kept until `capacityBytes` of them are held, so a
// client that reconnects within that window misses none and sees none twice. The capacity counts
// what the events hold in memory, not only their text; keeping more than a client may be behind
// (ApiServer's stream backlog limit) would be memory no resume can use. Snapshots are
// coalesced: only the newest is kept, since a client needs the current state, not every past one.
// A snapshot's text (about 60 KB of JSON, up to ten a second) is made only when a client is sent
// it: with no client reading the stream, most snapshots are replaced before anyone asks.
class EventLog
{
public:
    struct Event
    {
        qint64 seq = 0;
        QByteArray type; // "snapshot", "records", "alert", "audit"
        QByteArray data; // one line of JSON
    };

    explicit EventLog(qint64 capacityBytes = 1 << 20);

    QString streamId() const { return m_stream; }
    qint64 heldBytes() const { return m_bytes; } // the kept non-snapshot events, overhead included

    const Event &append(const QByteArray &type, QByteArray data);
    // The newest snapshot, replacing the one kept; `text` makes its data (one line of JSON) when
    // it is first needed, at most once.
    void appendSnapshot(std::function<QByteArray()> text);

    // The events a client that saw `lastEventId` still needs, oldest first (the newest snapshot
    // in its place), or nullopt when that id cannot be resumed from (another stream, or older
    // than what is kept): the client then starts over from the newest snapshot.
    std::optional<std::deque<const Event *>> since(const QString &lastEventId) const;
    const Event *newestSnapshot() const; // its text made now if it was not yet

    QByteArray idOf(const Event &event) const;
    static QByteArray format(const QByteArray &id, const Event &event); // "id: …\nevent: …\ndata: …\n\n"

private:
    QString m_stream;
    qint64 m_nextSeq = 1;
    qint64 m_capacity;
    qint64 m_bytes = 0;
    qint64 m_firstKeptSeq = 1; // every non-snapshot event from here on is kept
    std::deque<Event> m_events; // non-snapshot events, oldest first
    mutable std::optional<Event> m_snapshot;
    mutable std::function<QByteArray()> m_snapshotText; // set while its data is not made yet
};

} // namespace hb::http
