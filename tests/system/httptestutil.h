#pragma once
// Shared by the HTTP API's system tests (header-only): a real heartbeatd serving on a free port
// of 127.0.0.1, a real HTTP client (QNetworkAccessManager) for ordinary requests, and raw sockets
// for the abuse a real client never sends.
#include "daemontestutil.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>

namespace hb::test {

struct HttpReply
{
    int status = 0; // 0: no answer (connection refused, reset, timed out)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QString error;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString describe() const
    {
        return QStringLiteral("HTTP %1 %2 %3").arg(status).arg(QString::fromUtf8(body.left(300)), error);
    }
};

// Ordinary requests through Qt's HTTP client, bounded by `timeoutMs`.
class HttpClient
{
public:
    explicit HttpClient(QString baseUrl) : m_base(std::move(baseUrl)) {}
    void setBase(const QString &baseUrl) { m_base = baseUrl; }
    QString base() const { return m_base; }

    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &token = {},
                   const QByteArray &body = {}, int timeoutMs = 10'000)
    {
        QNetworkRequest request(QUrl(m_base + path));
        request.setTransferTimeout(timeoutMs);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        if (!body.isEmpty() || method == "POST" || method == "PUT")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
        loop.exec();
        HttpReply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            out.headers.insert(name.toLower(), value);
        if (reply->error() != QNetworkReply::NoError && out.status == 0)
            out.error = reply->errorString();
        reply->deleteLater();
        return out;
    }
    HttpReply get(const QString &path, const QByteArray &token = {})
    {
        return send("GET", path, token);
    }
    HttpReply post(const QString &path, const QByteArray &token, const QByteArray &body = "{}")
    {
        return send("POST", path, token, body);
    }

private:
    QString m_base;
    QNetworkAccessManager m_nam;
};

// Raw bytes over one connection: what a misbehaving client sends. Reads the first answer whole,
// or with `untilClosed` everything until the server closes (pipelined requests).
inline QByteArray rawExchange(quint16 port, const QByteArray &bytes, int waitMs = 5'000,
                              bool untilClosed = false)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(bytes);
    socket.waitForBytesWritten(3000);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < waitMs && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(200))
            answer += socket.readAll();
        if (!untilClosed && answer.contains("\r\n\r\n")) {
            // Complete once Content-Length bytes of body are in.
            const qsizetype end = answer.indexOf("\r\n\r\n") + 4;
            const QByteArray head = answer.left(end).toLower();
            const qsizetype at = head.indexOf("content-length:");
            if (at >= 0) {
                const qint64 length = head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
                if (answer.size() - end >= length)
                    break;
            }
        }
    }
    answer += socket.readAll();
    return answer;
}

inline int statusOf(const QByteArray &rawAnswer)
{
    // "HTTP/1.1 413 Payload Too Large"
    return rawAnswer.startsWith("HTTP/1.1 ") ? rawAnswer.mid(9, 3).toInt() : 0;
}

inline QJsonObject bodyOf(const QByteArray &rawAnswer)
{
    const qsizetype end = rawAnswer.indexOf("\r\n\r\n");
    return end < 0 ? QJsonObject{} : QJsonDocument::fromJson(rawAnswer.mid(end + 4)).object();
}

// A heartbeatd on a data directory, serving on a free port of 127.0.0.1.
class ServingDaemon
{
public:
    ServingDaemon() { m_daemon.setInfoLogging(true); }
    Daemon &daemon() { return m_daemon; }

    // Starts it and waits (bounded) until it says where it serves. False with a warning when not.
    // `port` 0 takes any free one; another serves there (a restart on the address it had).
    bool start(const QString &dataDir, const QStringList &arguments = {}, quint16 port = 0)
    {
        if (!m_daemon.init())
            return false;
        if (m_process)
            stop();
        m_stderr.clear();
        m_url.clear();
        m_port = 0;
        m_process = m_daemon.start(QStringList{u"--data-dir"_s, dataDir, u"--listen"_s,
                                               u"127.0.0.1:"_s + QString::number(port)}
                                   + arguments);
        const QRegularExpression served(u"serving the HTTP API on (http://127\\.0\\.0\\.1:(\\d+))"_s);
        const bool ok = QTest::qWaitFor(
            [&] {
                m_stderr += m_process->readAllStandardError();
                const auto match = served.match(QString::fromUtf8(m_stderr));
                if (match.hasMatch()) {
                    m_url = match.captured(1);
                    m_port = quint16(match.captured(2).toUInt());
                }
                return m_port != 0 || m_process->state() == QProcess::NotRunning;
            },
            15'000);
        if (!ok || m_port == 0) {
            qWarning().noquote() << "heartbeatd did not serve:" << m_stderr;
            return false;
        }
        return true;
    }
    QString url() const { return m_url; }
    quint16 port() const { return m_port; }
    QProcess *process() const { return m_process.get(); }
    QByteArray stderrSoFar()
    {
        if (m_process)
            m_stderr += m_process->readAllStandardError();
        return m_stderr;
    }
    // SIGTERM and wait: the exit status, or -1 when it did not stop in time.
    int stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return m_process ? m_process->exitCode() : -1;
        ::kill(pid_t(m_process->processId()), SIGTERM);
        if (!m_process->waitForFinished(kFinishTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(5000);
            return -1;
        }
        return m_process->exitCode();
    }
    // SIGKILL and wait: a crash, nothing flushed or closed in order.
    bool killHard()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return false;
        ::kill(pid_t(m_process->processId()), SIGKILL);
        return m_process->waitForFinished(kFinishTimeoutMs);
    }
    ~ServingDaemon() { stop(); }

    // `heartbeatd token create` on the directory: the secret, or empty (with a warning).
    QByteArray createToken(const QString &dataDir, const QString &name, const QString &role)
    {
        const Result r = m_daemon.run({u"token"_s, u"create"_s, u"--data-dir"_s, dataDir,
                                       u"--name"_s, name, u"--role"_s, role});
        if (!r.exitedWith(0)) {
            qWarning().noquote() << "token create failed:" << r.describe();
            return {};
        }
        return r.out.trimmed();
    }

private:
    Daemon m_daemon;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stderr;
    QString m_url;
    quint16 m_port = 0;
};

} // namespace hb::test
