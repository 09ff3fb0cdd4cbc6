#include "remotesource.h"

#include "api/machinejson.h"
#include "api/snapshotjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRemote, "hb.remote", QtInfoMsg)

namespace hb {

namespace {

constexpr int kWatchIntervalMs = 250;
constexpr int kProbeTimeoutMs = 2'000;
constexpr int kPageLimit = 1'000;
constexpr qint64 kBackfillMarginMs = 5'000; // read again before the newest seen: no gap
constexpr qint64 kRememberMs = 10 * 60'000; // delivered records remembered this long
constexpr qsizetype kRememberMax = 400'000; // and at most this many
constexpr qsizetype kHeldMax = 100'000;     // live records held while history is read
constexpr int kBackfillAttempts = 5;

int apiVersionOf(const QNetworkReply *reply)
{
    bool ok = false;
    const int version = reply->rawHeader("Heartbeat-Api-Version").trimmed().toInt(&ok);
    return ok ? version : 0;
}

int statusOf(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

RemoteSource::RemoteSource(Options options, QObject *parent)
    : DataSource(parent)
    , m_options(std::move(options))
    , m_clock(m_options.clock ? m_options.clock : std::make_shared<SystemClock>())
    , m_nam(new QNetworkAccessManager(this))
{
    // Redirects are followed only to the same or a safer scheme; nothing is cached.
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_answerTimer.setSingleShot(true);
    connect(&m_answerTimer, &QTimer::timeout, this, [this] {
        fail(SourceStatus::State::Unreachable, tr("the engine does not answer"), Retry::Backoff);
    });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RemoteSource::connectStream);
    m_watchTimer.setInterval(kWatchIntervalMs);
    m_watchTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_watchTimer, &QTimer::timeout, this, &RemoteSource::watch);
    m_machinesTimer.setInterval(std::max(100, m_options.machinesPollMs));
    connect(&m_machinesTimer, &QTimer::timeout, this, &RemoteSource::pollMachines);
    m_backfillRetry.setSingleShot(true);
    connect(&m_backfillRetry, &QTimer::timeout, this, &RemoteSource::startBackfill);
    m_mono.start();
    setStatus({SourceStatus::State::Connecting,
               tr("connecting to %1").arg(m_options.baseUrl.toDisplayString()), now(), 0, 0});
}

RemoteSource::~RemoteSource()
{
    stop();
}

int RemoteSource::liveRequests() const
{
    return int(m_nam->findChildren<QNetworkReply *>().size());
}

void RemoteSource::start()
{
    if (m_started)
        return;
    const QUrl &url = m_options.baseUrl;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty()) {
        const QString shown = url.toDisplayString();
        QString reason;
        if (!url.isValid() || url.isEmpty())
            reason = tr("\"%1\" is not a URL").arg(shown);
        else if (scheme != u"http" && scheme != u"https")
            reason = tr("%1 is not an http:// or https:// address").arg(shown);
        else
            reason = tr("%1 names no host").arg(shown);
        setStatus({SourceStatus::State::BadAddress, reason, now(), 0, 0});
        return;
    }
    m_started = true;
    m_failures = 0;
    connectStream();
}

void RemoteSource::stop()
{
    m_started = false;
    m_retryTimer.stop();
    m_watchTimer.stop();
    m_machinesTimer.stop();
    m_backfillRetry.stop();
    dropStream();
    for (QPointer<QNetworkReply> *reply : {&m_probe, &m_machinesReply, &m_backfill.reply}) {
        if (*reply) {
            disconnect(*reply, nullptr, this, nullptr);
            if (!(*reply)->isFinished())
                (*reply)->abort();
            (*reply)->deleteLater();
        }
        *reply = nullptr;
    }
    m_backfill.active = false;
}

QUrl RemoteSource::endpoint(const QString &path, const QList<QPair<QString, QString>> &query) const
{
    QUrl url = m_options.baseUrl;
    QString prefix = url.path();
    if (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    QUrlQuery q;
    q.setQueryItems(query);
    url.setQuery(q);
    url.setFragment({});
    return url;
}

QNetworkReply *RemoteSource::get(const QUrl &url, int timeoutMs)
{
    QNetworkRequest request(url);
    if (!m_options.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.token);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(timeoutMs);
    return m_nam->get(request);
}

// ---- the stream ----------------------------------------------------------------------------

void RemoteSource::connectStream()
{
    if (!m_started)
        return;
    dropStream();
    ++m_attempts;
    QNetworkRequest request(endpoint(QStringLiteral("/api/v1/events")));
    if (!m_options.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.token);
    request.setRawHeader("Accept", "text/event-stream");
    if (!m_lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", m_lastEventId);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    // The stream has no end and may be idle for long: its liveness is watched here instead.
    request.setTransferTimeout(0);
    m_stream = m_nam->get(request);
    m_sse = std::make_unique<SseStream>(m_options.maxEventBytes);
    m_streamOpen = false;
    connect(m_stream, &QNetworkReply::metaDataChanged, this, &RemoteSource::onStreamHeaders);
    connect(m_stream, &QNetworkReply::readyRead, this, &RemoteSource::onStreamData);
    connect(m_stream, &QNetworkReply::finished, this, &RemoteSource::onStreamFinished);
    m_answerTimer.start(m_options.answerTimeoutMs);
}

void RemoteSource::dropStream()
{
    m_answerTimer.stop();
    m_streamOpen = false;
    if (!m_stream)
        return;
    QNetworkReply *reply = m_stream;
    m_stream = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (!reply->isFinished())
        reply->abort(); // (aborting a finished reply upsets its manager)
    reply->deleteLater();
}

void RemoteSource::onStreamHeaders()
{
    QNetworkReply *reply = m_stream;
    if (!reply || m_streamOpen)
        return;
    const int status = statusOf(reply);
    if (status >= 300 && status < 400)
        return; // followed, or refused when it leads somewhere less safe
    if (status != 200)
        return; // its short body read, the answer is classified when it finishes
    const QByteArray type =
        reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().trimmed().toLower();
    if (!type.startsWith("text/event-stream")) {
        fail(SourceStatus::State::BadStream,
             tr("the engine answered with %1, not an event stream")
                 .arg(QString::fromLatin1(type.isEmpty() ? QByteArrayLiteral("no content type")
                                                         : type.left(60))),
             Retry::Backoff);
        return;
    }
    m_answerTimer.stop();
    m_streamOpen = true;
    ++m_connects;
    m_streamOpenedMono = m_mono.elapsed();
    m_lastLifeMono = m_streamOpenedMono;
    m_expectedByMono = 0; // until its first snapshot says when the next is due
    m_watchTimer.start();
    qCInfo(lcRemote) << "event stream open at" << m_options.baseUrl.toDisplayString()
                     << (m_lastEventId.isEmpty() ? "" : "resuming after") << m_lastEventId;
}

void RemoteSource::onStreamData()
{
    QNetworkReply *reply = m_stream;
    if (!reply)
        return;
    if (!m_streamOpen) {
        onStreamHeaders();
        if (!m_streamOpen)
            return; // an error's body: read when it finishes
    }
    const QByteArray bytes = reply->readAll();
    if (bytes.isEmpty())
        return;
    m_lastLifeMono = m_mono.elapsed();
    QVector<SseStream::Event> events;
    const bool ok = m_sse->feed(bytes, &events);
    for (const SseStream::Event &event : std::as_const(events)) {
        if (!handleEvent(event) || m_stream != reply)
            return; // failed: the stream is gone
    }
    if (!ok)
        fail(SourceStatus::State::BadStream, m_sse->error(), Retry::Backoff);
}

void RemoteSource::onStreamFinished()
{
    QNetworkReply *reply = m_stream;
    if (!reply)
        return;
    if (!m_streamOpen) {
        onStreamHeaders(); // an answer without a body says its status only now
        if (m_stream != reply)
            return;
        failRequest(reply);
        return;
    }
    // A stream that was open ended: the engine stopped or dropped us.
    const bool wasLive = status().state == SourceStatus::State::Live;
    const bool lastedLong = m_mono.elapsed() - m_streamOpenedMono >= m_options.backoffInitialMs;
    qCInfo(lcRemote) << "event stream closed:" << reply->errorString();
    dropStream();
    if (wasLive && lastedLong && !m_quickRetried) {
        // Again at once, still live: a dropped connection (a proxy, a slow-client drop) comes
        // back without a flash; a stopped engine refuses this at once and shows so.
        m_quickRetried = true;
        m_failedSinceMs = now();
        connectStream();
        return;
    }
    fail(SourceStatus::State::Unreachable, tr("the engine closed the connection"), Retry::Backoff);
}

void RemoteSource::failRequest(QNetworkReply *reply)
{
    const int status = statusOf(reply);
    const int version = apiVersionOf(reply);
    if (status == 401 || status == 403) {
        // With the usual backoff, not the slowest: a token made a moment ago is honoured once
        // the server re-reads tokens.json (within a second), and one re-granted soon after.
        fail(SourceStatus::State::Unauthorised, tr("the token was refused (wrong or revoked)"),
             Retry::Backoff);
        return;
    }
    if (version > ApiVersion && (status == 404 || status == 410 || status == 400)) {
        fail(SourceStatus::State::NewerApi,
             tr("the engine speaks API version %1; this wall understands %2")
                 .arg(version)
                 .arg(ApiVersion),
             Retry::Slow);
        return;
    }
    if (status >= 500) {
        fail(SourceStatus::State::Unreachable, tr("the engine answered HTTP %1").arg(status),
             Retry::Backoff);
        return;
    }
    if (status > 0) {
        fail(SourceStatus::State::BadStream,
             status == 404 ? tr("%1 has no Heartbeat event stream (HTTP 404)")
                                 .arg(m_options.baseUrl.toDisplayString())
                           : tr("the engine answered HTTP %1").arg(status),
             Retry::Backoff);
        return;
    }
    QString reason;
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        reason = tr("connection refused");
        break;
    case QNetworkReply::HostNotFoundError:
        reason = tr("host %1 not found").arg(m_options.baseUrl.host());
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        reason = tr("the engine does not answer");
        break;
    case QNetworkReply::RemoteHostClosedError:
        reason = tr("the engine closed the connection");
        break;
    case QNetworkReply::SslHandshakeFailedError:
        reason = tr("the TLS handshake failed: %1").arg(reply->errorString());
        break;
    default:
        reason = reply->errorString();
        break;
    }
    fail(SourceStatus::State::Unreachable, reason, Retry::Backoff);
}

void RemoteSource::fail(SourceStatus::State state, const QString &reason, Retry retry)
{
    dropStream();
    m_watchTimer.stop();
    m_machinesTimer.stop();
    if (m_probe) {
        disconnect(m_probe, nullptr, this, nullptr);
        if (!m_probe->isFinished())
            m_probe->abort();
        m_probe->deleteLater();
        m_probe = nullptr;
    }
    const SourceStatus old = status();
    const qint64 t = now();
    qint64 since = t;
    // One outage has one start: the first failure, kept while the reason stays the same (and
    // when a quiet engine turns out unreachable).
    if (old.state == SourceStatus::State::Live)
        since = m_failedSinceMs > 0 ? m_failedSinceMs : t;
    else if (old.state == state ||
             (old.state == SourceStatus::State::Quiet && state == SourceStatus::State::Unreachable))
        since = old.sinceMs;
    m_failedSinceMs = 0;

    qint64 retryAt = 0;
    if (retry != Retry::Never && m_started) {
        qint64 wait = m_options.backoffMaxMs;
        if (retry == Retry::Backoff) {
            const int exponent = std::min(m_failures, 20);
            wait = std::min<qint64>(m_options.backoffMaxMs, qint64(m_options.backoffInitialMs)
                                                                << exponent);
        }
        ++m_failures;
        const double jitter = std::clamp(m_options.jitter, 0.0, 1.0);
        wait = qint64(double(wait) * (1.0 - jitter * QRandomGenerator::global()->generateDouble()));
        wait = std::max<qint64>(wait, 1);
        m_retryTimer.start(int(wait));
        retryAt = t + wait;
    }
    if (state != old.state || reason != old.reason)
        qCInfo(lcRemote).noquote() << m_options.baseUrl.toDisplayString() << ":" << reason;
    setStatus({state, reason, since, old.lastUpdateMs, retryAt});
}

void RemoteSource::markLive()
{
    const SourceStatus old = status();
    const qint64 t = now();
    setStatus({SourceStatus::State::Live, {}, old.isLive() ? old.sinceMs : t, t, 0});
}

void RemoteSource::goQuiet()
{
    const SourceStatus old = status();
    const qint64 t = now();
    const qint64 silentS =
        old.lastUpdateMs > 0 ? std::max<qint64>(0, t - old.lastUpdateMs) / 1000 : 0;
    qCInfo(lcRemote) << "no update for" << silentS << "s: reconnecting";
    setStatus({SourceStatus::State::Quiet,
               tr("no update from the engine for %n s", nullptr, int(silentS)), t, old.lastUpdateMs,
               t});
    m_failedSinceMs = 0;
    m_machinesTimer.stop();
    connectStream(); // a hung engine leaves it unanswered: unreachable after the answer timeout
}

void RemoteSource::watch()
{
    const qint64 t = m_mono.elapsed();
    const bool silent = t - m_lastLifeMono >= m_options.maxSilenceMs;
    const bool late = m_expectedByMono > 0 && t >= m_expectedByMono;
    const SourceStatus::State state = status().state;
    // Live, whether the stream is open or being opened again: late or silent is quiet.
    if (state == SourceStatus::State::Live && (silent || late)) {
        goQuiet();
        return;
    }
    if (!m_streamOpen)
        return; // an attempt under way: its answer timeout decides
    if (state == SourceStatus::State::Quiet && silent) {
        // Open but dead (it answers nothing, not even a probe): try a new connection.
        connectStream();
        return;
    }
    if (t - m_lastLifeMono >= m_options.probeAfterMs)
        probe();
}

void RemoteSource::probe()
{
    if (m_probe)
        return;
    m_probe = get(endpoint(QStringLiteral("/healthz")), kProbeTimeoutMs);
    QNetworkReply *reply = m_probe;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_probe == reply)
            m_probe = nullptr;
        // Any answer at all (503 unhealthy included) is the process alive and serving.
        if (statusOf(reply) > 0)
            m_lastLifeMono = m_mono.elapsed();
    });
}

// ---- events --------------------------------------------------------------------------------

bool RemoteSource::handleEvent(const SseStream::Event &event)
{
    ++m_events;
    bool ok = true;
    if (event.type == "snapshot") {
        ok = handleSnapshot(event.data);
    } else if (event.type == "records") {
        ok = handleRecords(event.data);
    } else if (event.type == "alert" || event.type == "audit") {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
        QString problem;
        if (!doc.isObject())
            problem = parseError.error == QJsonParseError::NoError ? tr("not a JSON object")
                                                                   : parseError.errorString();
        else if (event.type == "alert")
            json::toAlert(doc.object(), &problem);
        else
            json::toAudit(doc.object(), &problem);
        if (!problem.isEmpty()) {
            fail(SourceStatus::State::BadStream,
                 tr("the engine sent an %1 event this wall cannot read: %2")
                     .arg(QString::fromLatin1(event.type), problem.left(200)),
                 Retry::Backoff);
            return false;
        }
        ++(event.type == "alert" ? m_alerts : m_audit);
    } else if (event.type == "reset") {
        // The server could not resume: its next snapshot replaces the state, and what happened
        // meanwhile is read from its store.
        ++m_resets;
        m_resetSeen = true;
    }
    // Other types are for newer clients (v1 may add some): skipped.
    if (ok && !event.id.isEmpty())
        m_lastEventId = event.id;
    return ok;
}

bool RemoteSource::handleSnapshot(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    QString error = doc.isObject()
                        ? QString()
                        : (parseError.error == QJsonParseError::NoError ? tr("not a JSON object")
                                                                        : parseError.errorString());
    std::optional<EngineState> state;
    if (error.isEmpty())
        state = json::toState(doc.object(), &error);
    if (!state) {
        fail(SourceStatus::State::BadStream,
             tr("the engine sent a snapshot this wall cannot read: %1").arg(error.left(200)),
             Retry::Backoff);
        return false;
    }
    ++m_snapshots;
    m_failures = 0;
    m_quickRetried = false;
    const qint64 mono = m_mono.elapsed();
    qint64 gap = state->nextTickAtMs - state->takenAtMs;
    if (gap <= 0 || gap > state->tickIntervalMs)
        gap = state->tickIntervalMs;
    // A stopped tick loop promises no snapshot: only silence makes it quiet then.
    m_expectedByMono = state->running && gap > 0 ? mono + gap + m_options.graceMs : 0;
    if (m_firstTakenAtMs == 0)
        m_firstTakenAtMs = state->takenAtMs;
    m_lastTakenAtMs = state->takenAtMs;
    const bool wasLive = status().isLive();
    Q_EMIT snapshotChanged(EngineSnapshot(std::move(*state)));
    markLive();
    if (!wasLive) {
        m_machinesTimer.start();
        pollMachines();
    }
    if (m_resetSeen) {
        m_resetSeen = false;
        m_backfill.owed = true;
        m_backfill.attempts = 0;
    }
    if (m_backfill.owed && !m_backfill.active && !m_backfillRetry.isActive())
        startBackfill();
    return true;
}

bool RemoteSource::handleRecords(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    QString error;
    RecordBatch batch;
    if (!doc.isObject()) {
        error = parseError.error == QJsonParseError::NoError ? tr("not a JSON object")
                                                             : parseError.errorString();
    } else {
        const QJsonObject object = doc.object();
        // Each item of the array at `key` through `read`; the first failure names its place.
        const auto each = [&](const char *key, auto read) {
            const QJsonValue value = object.value(QLatin1String(key));
            if (!error.isEmpty())
                return;
            if (!value.isArray()) {
                error = QLatin1String(key) + u": " + tr("expected an array");
                return;
            }
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size() && error.isEmpty(); ++i) {
                QString problem = items.at(i).isObject() ? QString() : tr("expected an object");
                if (problem.isEmpty())
                    read(items.at(i).toObject(), &problem);
                if (!problem.isEmpty())
                    error = QLatin1String(key) + u'[' + QString::number(i) + u"]: " + problem;
            }
        };
        each("executions", [&](const QJsonObject &o, QString *problem) {
            if (auto run = json::toExecution(o, problem))
                batch.executions.append(std::move(*run));
        });
        each("ticks", [&](const QJsonObject &o, QString *problem) {
            if (auto tick = json::toTick(o, problem))
                batch.ticks.append(std::move(*tick));
        });
        each("samples", [&](const QJsonObject &o, QString *problem) {
            // A reading that was not a finite number is sent as null: nothing to draw.
            if (o.value(QLatin1String("value")).isNull())
                return;
            if (auto sample = json::toSample(o, problem))
                batch.samples.append(std::move(*sample));
        });
    }
    if (!error.isEmpty()) {
        fail(SourceStatus::State::BadStream,
             tr("the engine sent records this wall cannot read: %1").arg(error.left(200)),
             Retry::Backoff);
        return false;
    }
    if (status().isLive()) {
        SourceStatus s = status();
        s.lastUpdateMs = now();
        setStatus(s);
    }
    if (m_backfill.owed) {
        // Held back (raw: filtered when delivered) until the history before them is out.
        m_backfill.heldRecords += batch.size();
        m_backfill.held.append(std::move(batch));
        while (m_backfill.heldRecords > kHeldMax && m_backfill.held.size() > 1) {
            // Dropped ones are in the store: read again once this reading is done.
            m_backfill.heldRecords -= m_backfill.held.constFirst().size();
            m_backfill.held.removeFirst();
            m_backfill.rescan = true;
        }
        return true;
    }
    deliver(batch);
    return true;
}

// ---- records, once each --------------------------------------------------------------------

RecordBatch RemoteSource::unseen(const RecordBatch &batch)
{
    RecordBatch out;
    out.samples = batch.samples;
    for (const ExecutionRecord &run : batch.executions) {
        auto it = m_seenRuns.find({run.tickId, run.task});
        // The same key with another start is another run: an engine killed before it stored a
        // tick gives its id again after a restart.
        if (it != m_seenRuns.end() && *it == run.startedAtMs) {
            ++m_duplicates;
            continue;
        }
        m_seenRuns.insert({run.tickId, run.task}, run.startedAtMs);
        m_newestRunMs = std::max(m_newestRunMs, run.startedAtMs);
        out.executions.append(run);
    }
    for (const TickRecord &tick : batch.ticks) {
        auto it = m_seenTicks.find(tick.id);
        if (it != m_seenTicks.end() && *it == tick.startedAtMs) {
            ++m_duplicates;
            continue;
        }
        m_seenTicks.insert(tick.id, tick.startedAtMs);
        m_newestTickMs = std::max(m_newestTickMs, tick.startedAtMs);
        out.ticks.append(tick);
    }
    if (m_seenRuns.size() + m_seenTicks.size() > m_pruneAt)
        prune();
    return out;
}

void RemoteSource::prune()
{
    // Only the last minutes can come again (a resume or a read-back starts a few seconds before
    // the newest delivered): older keys go, and the window narrows if even that is too many.
    qint64 window = kRememberMs;
    do {
        const qint64 runsBefore = m_newestRunMs - window;
        const qint64 ticksBefore = m_newestTickMs - window;
        m_seenRuns.removeIf([runsBefore](const auto &it) { return it.value() < runsBefore; });
        m_seenTicks.removeIf([ticksBefore](const auto &it) { return it.value() < ticksBefore; });
        window /= 2;
    } while (m_seenRuns.size() + m_seenTicks.size() > kRememberMax && window > kBackfillMarginMs);
    m_pruneAt = std::max<qsizetype>(4096, 2 * (m_seenRuns.size() + m_seenTicks.size()));
}

void RemoteSource::deliver(const RecordBatch &batch)
{
    const RecordBatch fresh = unseen(batch);
    if (!fresh.isEmpty())
        Q_EMIT recordsArrived(fresh);
}

// ---- reading back what was missed ----------------------------------------------------------

void RemoteSource::startBackfill()
{
    if (!m_started || m_backfill.active || !m_backfill.owed)
        return;
    m_backfill.active = true;
    m_backfill.rescan = false;
    m_backfill.ticks = false;
    m_backfill.cursor.clear();
    fetchPage();
}

void RemoteSource::fetchPage()
{
    // From a little before the newest delivered (the de-duplication makes the overlap harmless),
    // else from the first snapshot; never more than backfillLimitMs before the engine's now.
    const qint64 newest = m_backfill.ticks ? m_newestTickMs : m_newestRunMs;
    qint64 from = newest > 0 ? newest - kBackfillMarginMs : m_firstTakenAtMs;
    from = std::max(from, m_lastTakenAtMs - m_options.backfillLimitMs);
    if (m_backfill.cursor.isEmpty())
        m_backfill.fromMs = from; // the next pages keep the first page's filter
    QList<QPair<QString, QString>> query{
        {QStringLiteral("from"), QString::number(m_backfill.fromMs)},
        {QStringLiteral("limit"), QString::number(kPageLimit)}};
    if (!m_backfill.cursor.isEmpty())
        query.append({QStringLiteral("cursor"), m_backfill.cursor});
    const QString path =
        m_backfill.ticks ? QStringLiteral("/api/v1/ticks") : QStringLiteral("/api/v1/executions");
    QNetworkReply *reply = get(endpoint(path, query), m_options.answerTimeoutMs * 2);
    m_backfill.reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onPage(reply); });
}

void RemoteSource::onPage(QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_backfill.reply != reply)
        return;
    m_backfill.reply = nullptr;
    QString error;
    QJsonObject page;
    if (statusOf(reply) != 200) {
        error = statusOf(reply) > 0 ? tr("HTTP %1").arg(statusOf(reply)) : reply->errorString();
    } else if (reply->bytesAvailable() > m_options.maxEventBytes) {
        error = tr("a page larger than %1 bytes").arg(m_options.maxEventBytes);
    } else {
        QJsonParseError parseError;
        page = QJsonDocument::fromJson(reply->readAll(), &parseError).object();
        if (!page.value(QLatin1String("items")).isArray())
            error = tr("not a page of %1")
                        .arg(m_backfill.ticks ? QStringLiteral("ticks") : QStringLiteral("runs"));
    }
    RecordBatch batch;
    if (error.isEmpty()) {
        const QJsonArray items = page.value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            if (m_backfill.ticks) {
                if (auto tick = json::toTick(item.toObject(), &error))
                    batch.ticks.append(*tick);
            } else if (auto run = json::toExecution(item.toObject(), &error)) {
                batch.executions.append(*run);
            }
            if (!error.isEmpty())
                break;
        }
    }
    if (!error.isEmpty()) {
        m_backfill.active = false;
        if (!status().isLive())
            return; // the engine is away again: still owed, asked again with its next snapshot
        if (++m_backfill.attempts >= kBackfillAttempts) {
            qCWarning(lcRemote).noquote()
                << "reading back missed records failed; giving up:" << error;
            finishBackfill();
            return;
        }
        qCInfo(lcRemote).noquote() << "reading back missed records failed:" << error;
        m_backfillRetry.start(m_options.backoffInitialMs * (1 << m_backfill.attempts));
        return;
    }
    m_fetched += batch.size();
    deliver(batch);
    const QJsonValue next = page.value(QLatin1String("next_cursor"));
    if (next.isString() && !next.toString().isEmpty()) {
        m_backfill.cursor = next.toString();
        fetchPage();
        return;
    }
    m_backfill.cursor.clear();
    if (!m_backfill.ticks) {
        m_backfill.ticks = true;
        fetchPage();
        return;
    }
    if (m_backfill.rescan) {
        // Live records were dropped while this ran: once more from the newest delivered.
        m_backfill.active = false;
        startBackfill();
        return;
    }
    finishBackfill();
}

void RemoteSource::finishBackfill()
{
    m_backfill.active = false;
    m_backfill.owed = false;
    m_backfill.attempts = 0;
    const QVector<RecordBatch> held = std::exchange(m_backfill.held, {});
    m_backfill.heldRecords = 0;
    RecordBatch all;
    for (const RecordBatch &batch : held) {
        RecordBatch copy = batch;
        all.append(std::move(copy));
    }
    deliver(all);
}

// ---- machines ------------------------------------------------------------------------------

void RemoteSource::pollMachines()
{
    if (m_machinesReply)
        return;
    QNetworkReply *reply =
        get(endpoint(QStringLiteral("/api/v1/machines")), m_options.answerTimeoutMs);
    m_machinesReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_machinesReply == reply)
            m_machinesReply = nullptr;
        const int code = statusOf(reply);
        if ((code == 401 || code == 403) && m_started) {
            // An open stream is not asked for its token again: a token revoked while it runs
            // is found out here, within one poll.
            failRequest(reply);
            return;
        }
        if (code == 503) {
            // An engine that does not watch machines: none.
            if (m_machinesBody != "-") {
                m_machinesBody = "-";
                Q_EMIT machinesChanged({});
            }
            return;
        }
        if (code != 200 || reply->bytesAvailable() > m_options.maxEventBytes)
            return; // the stream says what is wrong with the engine; the list waits
        const QByteArray body = reply->readAll();
        if (body == m_machinesBody)
            return;
        const QJsonArray items =
            QJsonDocument::fromJson(body).object().value(QLatin1String("items")).toArray();
        QVector<MachineInfo> machines;
        machines.reserve(items.size());
        for (const QJsonValue &item : items) {
            QString error;
            const auto machine = json::toMachine(item.toObject(), &error);
            if (!machine) {
                qCWarning(lcRemote).noquote() << "a machine the wall cannot read:" << error;
                return;
            }
            machines.append(*machine);
        }
        m_machinesBody = body;
        Q_EMIT machinesChanged(machines);
    });
}

} // namespace hb
