#include "httpguard.h"

#include "api/pushrequest.h"
#include "httplogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <cstring>

namespace hb::http {

namespace {

constexpr int kLingerMs = 2'000;               // after a refusal: drain, then close
constexpr qint64 kMaxDrainBytes = 16 << 20;    // ... but never read more than this
constexpr int kCheckIntervalMs = 1'000;

// Between requests Qt's parser skips these; so does the guard, to frame requests as it does.
bool isSpaceBetweenRequests(char c)
{
    return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v';
}

bool headerNameIs(const QByteArray &line, const char *name)
{
    const qsizetype n = qsizetype(std::strlen(name));
    return line.size() > n && line.at(n) == ':' && qstrnicmp(line.constData(), name, n) == 0;
}

} // namespace

qint64 Limits::maxBodyBytesFor(const QByteArray &target) const
{
    for (const auto &[prefix, limit] : maxBodyBytesByPathPrefix) {
        if (target.startsWith(prefix))
            return limit;
    }
    return maxBodyBytes;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QByteArray response(int status, const QByteArray &contentType, const QByteArray &body,
                    const Headers &headers, bool close)
{
    QByteArray out;
    out.reserve(160 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    out += ApiVersionHeader;
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += body;
    return out;
}

bool acceptsEncoding(const QByteArray &acceptEncoding, const QByteArray &coding)
{
    bool taken = false;
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray name = parts.first().trimmed();
        const bool named = name.compare(coding, Qt::CaseInsensitive) == 0;
        if (!named && name != "*")
            continue;
        bool refused = false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray param = parts.at(i).trimmed();
            if (param.size() > 2 && (param.startsWith("q=") || param.startsWith("Q=")))
                refused = param.mid(2).toDouble() <= 0.0;
        }
        if (named)
            return !refused; // the coding's own entry wins over "*"
        taken = !refused;
    }
    return taken;
}

QByteArray deflated(const QByteArray &body)
{
    // qCompress writes the length as 4 bytes, then a zlib stream: the stream is the coding.
    return qCompress(body, 1).mid(4);
}

QByteArray errorResponse(int status, const QString &code, const QString &message,
                         const Headers &headers, bool close)
{
    const QJsonObject body{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}};
    return response(status, "application/json",
                    QJsonDocument(body).toJson(QJsonDocument::Compact) + '\n', headers, close);
}

void writeAnswer(QTcpSocket *socket, const QByteArray &answer, bool close, qint64 maxBacklog)
{
    // The backlog before this answer: one large answer (the machine list of a big fleet) is no
    // sign of a client that does not read.
    const qint64 backlog = socket->bytesToWrite();
    socket->write(answer);
    if (close) {
        if (auto *guard = ConnectionGuard::of(socket))
            guard->setClosing();
        socket->disconnectFromHost();
    } else if (backlog > maxBacklog) {
        // A client that sends requests without reading the answers: let it go rather than
        // buffer its answers without end.
        qCInfo(lcHttp) << "dropping a client" << socket->peerAddress().toString()
                       << "that does not read its answers";
        socket->abort();
    }
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const Limits &limits, PushHandler push)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_push(std::move(push))
    , m_maxPushBody(limits.maxBodyBytesFor(PushPathPrefix.toByteArray()))
{
    setObjectName(QStringLiteral("hb-connection-guard"));
    m_lastActivity.start();
    connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::onReadyRead);
    m_timer.setInterval(kCheckIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    m_timer.start();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QStringLiteral("hb-connection-guard"),
                                                         Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::requestParsed(qint64 leftover)
{
    m_leftover = leftover;
    ++m_handedOver;
}

void ConnectionGuard::setStreaming()
{
    m_streaming = true;
}

void ConnectionGuard::refuse(const QByteArray &answer)
{
    if (m_state == State::Refused)
        return;
    m_state = State::Refused;
    m_requestAge.start();
    // Whatever is buffered belongs to the refused request: Qt's parser must not see it.
    m_drained += m_socket->readAll().size();
    m_socket->write(answer);
    m_socket->flush();
}

void ConnectionGuard::startRequest()
{
    ++m_requests;
    ++m_passedOn;
    m_state = State::Header;
    m_header.clear();
    m_bodyLeft = 0;
    m_requestAge.start();
}

void ConnectionGuard::onReadyRead()
{
    m_lastActivity.start();
    if (m_state == State::Refused) {
        m_drained += m_socket->readAll().size();
        if (m_drained > kMaxDrainBytes)
            m_socket->abort();
        return;
    }
    // Qt's parser reads after this handler returns: everything when no request completes, or up
    // to the end of the request it hands over (requestParsed() says what it left). So the new
    // bytes are those after what it left last time.
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_leftover) {
        m_leftover = 0; // Qt's re-emission for requests already seen: nothing new
        return;
    }
    const QByteArray data = m_socket->peek(available);
    qsizetype pos = qsizetype(m_leftover);
    // Pushes at the front are answered here when Qt's parser has nothing before them.
    const bool qtIdle = pos == 0 && m_state == State::Idle && m_passedOn == m_handedOver;
    m_leftover = 0;
    if (m_push && qtIdle && !m_closing && !m_streaming &&
        m_socket->state() == QAbstractSocket::ConnectedState) {
        bool stop = false;
        pos = answerPushes(data, &stop);
        if (stop)
            return;
    }
    while (pos < data.size() && m_state != State::Refused) {
        if (m_state == State::Idle) {
            if (isSpaceBetweenRequests(data.at(pos))) {
                ++pos;
                continue;
            }
            startRequest();
        }
        if (m_state == State::Header) {
            qsizetype used = 0;
            scanHeader(data.constData() + pos, data.size() - pos, &used);
            pos += used;
        } else if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyLeft, data.size() - pos);
            m_bodyLeft -= take;
            pos += take;
            if (m_bodyLeft == 0)
                m_state = State::Idle;
        }
    }
}

qsizetype ConnectionGuard::answerPushes(const QByteArray &data, bool *stop)
{
    qsizetype pos = 0;
    QByteArray answers;
    bool close = false;
    while (pos < data.size() && !close) {
        if (isSpaceBetweenRequests(data.at(pos))) {
            ++pos;
            continue;
        }
        PushRequest push;
        if (parsePush(QByteArrayView(data).sliced(pos), m_maxPushBody, &push) != PushParse::Push)
            break;
        if (answers.isEmpty())
            answers = m_push(push); // the usual single push: its answer is not copied
        else
            answers += m_push(push);
        pos += push.size;
        close = push.close; // what follows a close is not taken, as Qt's path does not either
        ++m_requests;
    }
    if (pos == 0)
        return 0;
    // Qt's parser keeps a transaction open between requests; what it holds was handled already.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(pos);
    if (!answers.isEmpty()) {
        writeAnswer(m_socket, answers, close, m_limits.maxStreamBacklogBytes);
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->flush(); // now, not on the next turn of the event loop
    }
    *stop = close || m_socket->state() != QAbstractSocket::ConnectedState;
    return pos;
}

void ConnectionGuard::refuseHeaderSize()
{
    refuse(errorResponse(431, QStringLiteral("headers_too_large"),
                         QStringLiteral("the request line and headers exceed %1 bytes")
                             .arg(m_limits.maxHeaderBytes),
                         {}, true));
}

void ConnectionGuard::scanHeader(const char *data, qsizetype size, qsizetype *used)
{
    // Find the blank line ending the header block, which may straddle two reads.
    const qsizetype before = m_header.size();
    const qsizetype room = m_limits.maxHeaderBytes - before;
    const qsizetype take = qMin(size, room + 4);
    m_header.append(data, take);
    // The blank line ends the header block; a bare "\n\n" does too for Qt's parser.
    qsizetype end = m_header.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
    qsizetype endLength = 4;
    const qsizetype bare = m_header.indexOf("\n\n", qMax<qsizetype>(0, before - 1));
    if (bare >= 0 && (end < 0 || bare < end)) {
        end = bare;
        endLength = 2;
    }
    if (end < 0) {
        *used = take;
        if (m_header.size() > m_limits.maxHeaderBytes)
            refuseHeaderSize();
        return;
    }
    *used = end + endLength - before;
    m_header.truncate(end);
    if (m_header.size() > m_limits.maxHeaderBytes) {
        refuseHeaderSize();
        return;
    }
    qint64 length = 0;
    const QList<QByteArray> lines = m_header.split('\n');
    for (QByteArray line : lines) {
        if (line.startsWith(' ') || line.startsWith('\t')) {
            // Obsolete line folding: parsers disagree on it, so it is refused outright.
            refuse(errorResponse(400, QStringLiteral("bad_request"),
                                 QStringLiteral("folded header lines are not accepted"), {}, true));
            return;
        }
        line = line.trimmed();
        if (headerNameIs(line, "transfer-encoding")) {
            refuse(errorResponse(411, QStringLiteral("length_required"),
                                 QStringLiteral("send the body with a Content-Length; chunked "
                                                "request bodies are not accepted"),
                                 {}, true));
            return;
        }
        if (headerNameIs(line, "content-length")) {
            bool ok = false;
            length = line.mid(15).trimmed().toLongLong(&ok);
            if (!ok || length < 0) {
                refuse(errorResponse(400, QStringLiteral("bad_request"),
                                     QStringLiteral("Content-Length is not a number"), {}, true));
                return;
            }
        }
    }
    // The request line: "METHOD TARGET VERSION".
    const qsizetype lineEnd = m_header.indexOf('\n');
    const QByteArray requestLine = m_header.left(lineEnd < 0 ? m_header.size() : lineEnd);
    const qsizetype targetStart = requestLine.indexOf(' ') + 1;
    const qsizetype targetEnd = requestLine.indexOf(' ', targetStart);
    const qint64 maxBody = m_limits.maxBodyBytesFor(
        targetStart > 0 ? requestLine.mid(targetStart, targetEnd < 0 ? -1 : targetEnd - targetStart)
                        : QByteArray());
    if (length > maxBody) {
        refuse(errorResponse(413, QStringLiteral("payload_too_large"),
                             QStringLiteral("the body is %1 bytes; at most %2 are accepted")
                                 .arg(length)
                                 .arg(maxBody),
                             {}, true));
        return;
    }
    m_bodyLeft = length;
    m_state = length > 0 ? State::Body : State::Idle;
}

void ConnectionGuard::onTimeout()
{
    switch (m_state) {
    case State::Refused:
        if (m_requestAge.elapsed() >= kLingerMs || m_socket->bytesToWrite() == 0) {
            if (m_requestAge.elapsed() >= kLingerMs)
                m_socket->abort();
            else
                m_socket->disconnectFromHost();
        }
        return;
    case State::Header:
    case State::Body:
        if (m_requestAge.elapsed() >= m_limits.requestTimeoutMs) {
            qCInfo(lcHttp) << "http: closing a connection whose request took longer than"
                             << m_limits.requestTimeoutMs << "ms";
            refuse(errorResponse(408, QStringLiteral("request_timeout"),
                                 QStringLiteral("the request was not complete within %1 s")
                                     .arg(m_limits.requestTimeoutMs / 1000),
                                 {}, true));
        }
        return;
    case State::Idle:
        // A connection that has sent nothing yet gets no longer than a slow request: idle
        // connections must not be a cheap way to take every slot.
        if (!m_streaming
            && m_lastActivity.elapsed()
                   >= (m_requests == 0 ? m_limits.requestTimeoutMs : m_limits.idleTimeoutMs))
            m_socket->disconnectFromHost();
        return;
    }
}

GuardedTcpServer::GuardedTcpServer(const Limits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_open >= m_limits.maxConnections) {
        socket->write(errorResponse(503, QStringLiteral("too_many_connections"),
                                    QStringLiteral("the server has %1 connections open already")
                                        .arg(m_open),
                                    {}, true));
        socket->disconnectFromHost();
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    // Qt buffers no more than one largest request (plus slack): beyond that TCP makes a client
    // that sends without reading the answers wait, instead of our memory growing.
    socket->setReadBufferSize(m_limits.maxHeaderBytes + m_limits.maxBodyBytes + 64 * 1024);
    new ConnectionGuard(socket, m_limits, m_push);
    addPendingConnection(socket);
}

} // namespace hb::http
