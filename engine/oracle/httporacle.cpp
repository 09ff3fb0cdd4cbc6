#include "oracle/httporacle.h"

#include "oracle/oraclelogging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <memory>
#include <optional>

namespace hb {

namespace {

// How often a waiting fetch looks at the cancellation flag.
constexpr int kCancelPollMs = 25;

struct Download
{
    QByteArray body;
    QString error; // empty: the body is complete
    bool cancelled = false;
};

QString tooLarge(qint64 maxBytes)
{
    return QCoreApplication::translate("hb::Oracle",
                                       "the response is larger than the limit of %1 bytes")
        .arg(maxBytes);
}

// A status other than 2xx, in words.
std::optional<QString> checkStatus(const QNetworkReply &reply)
{
    const QVariant status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return std::nullopt;
    const int code = status.toInt();
    if (code >= 300 && code < 400) {
        QString location = QString::fromUtf8(reply.rawHeader("Location"));
        if (location.size() > 80)
            location = location.left(80) + QChar(0x2026);
        return QCoreApplication::translate("hb::Oracle", "HTTP %1: redirect to %2 not followed")
            .arg(code)
            .arg(location);
    }
    if (code < 200 || code >= 300) {
        const QString reason = QString::fromUtf8(
            reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        return QCoreApplication::translate("hb::Oracle", "HTTP %1 %2").arg(code).arg(reason);
    }
    return std::nullopt;
}

// What the status line and headers already rule out, before any of the body is read.
std::optional<QString> checkHeaders(const QNetworkReply &reply, qint64 maxBytes)
{
    if (auto problem = checkStatus(reply))
        return problem;
    const QVariant length = reply.header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > maxBytes)
        return QCoreApplication::translate(
                   "hb::Oracle", "the response of %1 bytes is larger than the limit of %2 bytes")
            .arg(length.toLongLong())
            .arg(maxBytes);
    return std::nullopt;
}

// What is wrong with a finished exchange, if anything.
std::optional<QString> checkFinished(const QNetworkReply &reply, const QByteArray &body,
                                     qint64 maxBytes)
{
    if (auto problem = checkHeaders(reply, maxBytes))
        return problem;
    // Before the network error: "truncated" says more than "remote host closed".
    const QVariant length = reply.header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && body.size() < length.toLongLong())
        return QCoreApplication::translate("hb::Oracle",
                                           "the response was truncated (%1 of %2 bytes)")
            .arg(body.size())
            .arg(length.toLongLong());
    if (reply.error() != QNetworkReply::NoError)
        return QCoreApplication::translate("hb::Oracle", "request failed: %1")
            .arg(reply.errorString());
    return std::nullopt;
}

// One GET, bounded in time and size.
//
// Thread: fetch() runs synchronously on the price task's QThreadPool thread. Pool threads are
// QThreads, so a QNetworkAccessManager and a local QEventLoop work there (docs/architecture.md,
// "Threads"). A QNAM per fetch on the task's own thread, rather than one shared on the engine
// thread, is simple and isolated: nothing crosses threads, a hung exchange can only hold up its own
// task (which the engine times out), and nothing outlives the fetch. A new connection per fetch
// costs nothing at one fetch per tick.
Download download(const QUrl &url, qint64 timeoutMs, qint64 maxBytes,
                  const std::atomic_bool &cancelled)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    // No compression: the size limit then bounds what is held in memory (no zip bomb) and
    // Content-Length is the body's length, which the truncation check relies on.
    request.setRawHeader("Accept-Encoding", "identity");

    Download out;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    QTimer poll;
    poll.setInterval(kCancelPollMs);

    const std::unique_ptr<QNetworkReply> reply(network.get(request));
    auto fail = [&](const QString &why) {
        if (out.error.isEmpty())
            out.error = why;
        if (!reply->isFinished())
            reply->abort(); // emits finished(), which ends the loop
    };

    QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, &loop, [&] {
        // A 4xx/5xx is left to finish: QNAM reports it as an error of its own, and an abort
        // racing with that report makes QNAM warn. Its body is dropped as it comes (below);
        // the deadline bounds one that never ends.
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.toInt() >= 400) {
            if (out.error.isEmpty())
                out.error = *checkStatus(*reply);
        } else if (std::optional<QString> problem = checkHeaders(*reply, maxBytes)) {
            fail(*problem);
        }
    });
    QObject::connect(reply.get(), &QIODevice::readyRead, &loop, [&] {
        const QByteArray chunk = reply->readAll();
        if (!out.error.isEmpty())
            return;
        out.body += chunk;
        if (out.body.size() > maxBytes)
            fail(tooLarge(maxBytes)); // no Content-Length, or a false one
    });
#if QT_CONFIG(ssl)
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, &loop,
                     [&](const QList<QSslError> &errors) {
                         QStringList texts;
                         for (const QSslError &e : errors)
                             texts.append(e.errorString());
                         fail(QCoreApplication::translate("hb::Oracle", "TLS error: %1")
                                  .arg(texts.join(QStringLiteral("; "))));
                     });
#endif
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        fail(QCoreApplication::translate("hb::Oracle", "timed out after %1 ms").arg(timeoutMs));
    });
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (cancelled.load(std::memory_order_relaxed)) {
            out.cancelled = true;
            fail(QCoreApplication::translate("hb::Oracle", "cancelled"));
        }
    });

    deadline.start(int(timeoutMs));
    poll.start();
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (out.error.isEmpty()) {
        out.body += reply->readAll();
        if (out.body.size() > maxBytes)
            out.error = tooLarge(maxBytes);
        else if (std::optional<QString> problem = checkFinished(*reply, out.body, maxBytes))
            out.error = *problem;
    }
    if (!out.error.isEmpty())
        out.body.clear();
    return out;
}

} // namespace

HttpOracle::HttpOracle(QUrl url, qint64 timeoutMs, qint64 maxBodyBytes,
                       std::shared_ptr<const Clock> clock)
    : OracleSource(std::move(clock))
    , m_url(std::move(url))
    , m_timeoutMs(timeoutMs)
    , m_maxBodyBytes(maxBodyBytes)
{
}

QString HttpOracle::name() const
{
    return m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

OracleResult HttpOracle::fetch(const QStringList &commodities, const std::atomic_bool &cancelled)
{
    if (cancelled.load(std::memory_order_relaxed))
        return OracleResult::cancellation();

    QElapsedTimer elapsed;
    elapsed.start();
    const Download answer = download(m_url, m_timeoutMs, m_maxBodyBytes, cancelled);

    OracleResult result;
    if (answer.cancelled)
        result = OracleResult::cancellation();
    else if (!answer.error.isEmpty())
        result = OracleResult::failure(answer.error);
    else
        result = parsePriceDocument(answer.body, priceCheck(commodities));
    if (!result.error.isEmpty() && !result.cancelled)
        result.error = name() + u": " + result.error; // which feed is broken
    result.latencyMs = elapsed.elapsed();
    if (!result.ok())
        qCDebug(lcOracle).noquote() << "http fetch failed:" << result.summary();
    return result;
}

} // namespace hb
