#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <optional>

namespace hb {

// An incremental reader of a Server-Sent Events stream (the WHATWG "event stream" format, as
// GET /api/v1/events sends it): bytes go in as they arrive, cut anywhere; whole events come out.
// Lines end in LF, CRLF or CR; a leading UTF-8 BOM is skipped; ":" lines are comments
// (keep-alives); "retry:" sets the reconnection time. Bounded: a line, or an event's data, longer
// than the limit is an error (the stream is then failed for good), never unbounded growth.
class SseStream
{
    Q_DECLARE_TR_FUNCTIONS(hb::SseStream)

public:
    static constexpr qsizetype DefaultMaxEventBytes = qsizetype(16) << 20;

    struct Event
    {
        QByteArray id;   // the last event id as of this event (it carries over, as in a browser)
        QByteArray type; // "message" when the event named none
        QByteArray data; // its data lines joined by LF
    };

    explicit SseStream(qsizetype maxEventBytes = DefaultMaxEventBytes);

    // Reads `bytes`; the events they complete are appended to `events`. False once the stream
    // broke a limit (error() says how); every later call is false too.
    bool feed(QByteArrayView bytes, QVector<Event> *events);

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    // The last "retry:" the stream sent, in milliseconds.
    std::optional<qint64> retryMs() const { return m_retryMs; }
    QByteArray lastEventId() const { return m_lastEventId; }
    qint64 comments() const { return m_comments; }
    // What is held for an event not complete yet (for tests of the bound).
    qsizetype pendingBytes() const { return m_line.size() + m_data.size() + m_type.size(); }

private:
    bool readLines(QByteArrayView bytes, QVector<Event> *events);
    bool readLine(QByteArrayView line, QVector<Event> *events);
    bool fail(const QString &error);

    qsizetype m_max;
    bool m_atStart = true; // the BOM may still come
    QByteArray m_start;    // the first bytes while they may be a BOM
    bool m_skipLf = false; // the last chunk ended in CR: an LF first in the next ends that line
    QByteArray m_line;     // an incomplete line
    QByteArray m_type;
    QByteArray m_data;
    bool m_hasData = false;
    QByteArray m_lastEventId;
    std::optional<qint64> m_retryMs;
    qint64 m_comments = 0;
    QString m_error;
};

} // namespace hb
