#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace hb::http {
struct PushRequest;
}

// The limits Qt HttpServer does not enforce itself (docs/api.md, "Limits"), applied to the raw
// bytes of every connection before Qt's request parser sees them.
namespace hb::http {

struct Limits
{
    int maxHeaderBytes = 16 * 1024;       // request line + headers; more: 431
    qint64 maxBodyBytes = 1024 * 1024;    // Content-Length above: 413, before the body is read
    int requestTimeoutMs = 10'000;        // from a request's first byte to its last: else 408
    int idleTimeoutMs = 120'000;          // a kept-alive connection with no request: closed
    int maxConnections = 512;             // more at once: 503 and closed
    qint64 maxStreamBacklogBytes = 1 << 20; // an event stream client this far behind: dropped
    // Smaller body limits for request targets starting with a prefix (the first that matches):
    // machine pushes take at most 64 KB, refused on their Content-Length like the rest.
    QList<QPair<QByteArray, qint64>> maxBodyBytesByPathPrefix;

    // The body limit of a request for `target` (the request line's second word).
    qint64 maxBodyBytesFor(const QByteArray &target) const;
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// The version of the API under /api/v1/ (docs/api.md, "Versioning"), sent on every answer as
// `Heartbeat-Api-Version` so a client can tell an engine newer than itself from a broken one.
inline constexpr char ApiVersionHeader[] = "Heartbeat-Api-Version: 1\r\n";

// A whole HTTP/1.1 response. `close` adds "Connection: close".
QByteArray response(int status, const QByteArray &contentType, const QByteArray &body,
                    const Headers &headers = {}, bool close = false);
// {"error": code, "message": message} with the status.
QByteArray errorResponse(int status, const QString &code, const QString &message,
                         const Headers &headers = {}, bool close = false);
QByteArray reasonPhrase(int status);

// Whether an Accept-Encoding header's value (RFC 9110, 12.5.3) takes `coding`: named, or "*",
// without "q=0".
bool acceptsEncoding(const QByteArray &acceptEncoding, const QByteArray &coding);
// `body` in the "deflate" content coding (a zlib stream, RFC 1950), quickly compressed.
QByteArray deflated(const QByteArray &body);

// Writes an answer on a connection: after it, the connection closes when `close`; otherwise a
// client whose unread answers already exceed `maxBacklog` (it sends without reading) is dropped.
void writeAnswer(QTcpSocket *socket, const QByteArray &answer, bool close, qint64 maxBacklog);

// The whole answer to a machine push read by a connection's guard (the same the route gives).
using PushHandler = std::function<QByteArray(const PushRequest &push)>;

// Watches one connection's bytes as they arrive, request by request (pipelined ones too): the
// header block is counted up to its blank line, then the body by its Content-Length. A request
// over a limit, or not finished in time, is answered here (431, 413, 411, 408) and the
// connection closed after a short linger that drains what the client still sends, so it reads
// the answer instead of a reset. Lives on the socket's thread as the socket's child; its
// readyRead handler is connected before Qt's, so refused bytes never reach Qt's parser.
//
// With a PushHandler, whole machine pushes (parsePush()) are answered here too, and their bytes
// taken out of the socket before Qt's parser runs - but only where that parser stands between
// two requests with nothing of its own still to answer (every request passed to it handed over
// to the server, no bytes of it left in the buffer), and only for the pushes at the front of what
// arrived. So the answers on a connection stay in the order of its requests; anything else is
// Qt's, as before.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const Limits &limits, PushHandler push = {});

    static ConnectionGuard *of(QTcpSocket *socket);

    // Qt's parser has handed over a request and left `leftover` bytes (already seen here) in the
    // socket's buffer. Called by the server for every request it receives.
    void requestParsed(qint64 leftover);
    // The socket now carries an event stream: no idle timeout from here on.
    void setStreaming();
    // The connection closes after the answer being written: nothing more is taken from it.
    void setClosing() { m_closing = true; }
    bool isClosing() const { return m_closing; }
    // Answers with `response` and closes (after the linger).
    void refuse(const QByteArray &response);

private:
    void onReadyRead();
    void onTimeout();
    void startRequest();
    void scanHeader(const char *data, qsizetype size, qsizetype *used);
    void refuseHeaderSize();
    qsizetype answerPushes(const QByteArray &data, bool *stop);

    QTcpSocket *m_socket;
    Limits m_limits;
    enum class State { Idle, Header, Body, Refused } m_state = State::Idle;
    QByteArray m_header;        // the current request's header block so far
    qint64 m_bodyLeft = 0;      // body bytes still to come
    QElapsedTimer m_requestAge; // since the current request's first byte
    QElapsedTimer m_lastActivity;
    qint64 m_drained = 0;
    qint64 m_leftover = 0;      // bytes at the buffer's start this guard has already scanned
    qint64 m_requests = 0;      // requests begun on this connection
    qint64 m_passedOn = 0;      // requests left to Qt's parser
    qint64 m_handedOver = 0;    // requests Qt's parser handed to the server
    PushHandler m_push;
    qint64 m_maxPushBody;
    bool m_streaming = false;
    bool m_closing = false;
    QTimer m_timer;
};

// A QTcpServer whose sockets get a ConnectionGuard before anyone else sees them, and which
// refuses connections beyond the limit with a 503.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(const Limits &limits, QObject *parent = nullptr);

    // Connections accepted from now on answer whole pushes with `push` (see ConnectionGuard).
    void setPushHandler(PushHandler push) { m_push = std::move(push); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Limits m_limits;
    PushHandler m_push;
    int m_open = 0;
};

} // namespace hb::http
