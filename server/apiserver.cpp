#include "apiserver.h"
#include "apiserver_p.h"

#include "api/healthreport.h"
#include "api/requestbody.h"
#include "api/snapshotjson.h"
#include "engine.h"
#include "httplogging.h"
#include "machines/machinemonitor.h"
#include "store/metricsreader.h"
#include "store/storeerror.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUrlQuery>

#include <sys/socket.h>

#include <algorithm>

namespace hb {

namespace {

constexpr int kHousekeepingMs = 500;       // token file checks: a change is honoured within 1 s
constexpr int kKeepAliveMs = 15'000;        // a comment line on idle event streams
constexpr int kUsageFlushMs = 5'000;        // last-used times of tokens written at most this often
constexpr int kMaxPageLimit = 1000;
constexpr int kDefaultPageLimit = 100;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

QByteArray header(const QHttpServerRequest &request, const char *name)
{
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (qstricmp(key.constData(), name) == 0)
            return value;
    }
    return {};
}

// The engine's answers come back through this object on the server's thread; the server clears
// `server` when it goes, so a late answer finds nobody to write to.
class ReplyRelay : public QObject
{
public:
    ApiServer *server = nullptr;
};

} // namespace

struct ApiServer::Route
{
    enum class Access : quint8 {
        Health,  // public unless http.healthz_requires_token
        Metrics, // public unless http.metrics_requires_token
        Token,   // any valid token; commands are then authorised by the engine, as the GUI's
        Machine, // a machine's own push token, checked by the handler (not an API token)
    };
    QByteArray method;
    QString path;
    Access access;
    Handler handler;
    QStringList segments; // path split at '/'; "{x}" segments match anything
};

const QVector<ApiServer::Route> &ApiServer::routeTable()
{
    static const QVector<Route> table = [] {
        using A = Route::Access;
        QVector<Route> t = {
            {"GET", QStringLiteral("/healthz"), A::Health, &ApiServer::getHealthz, {}},
            {"GET", QStringLiteral("/metrics"), A::Metrics, &ApiServer::getMetrics, {}},
            {"GET", QStringLiteral("/api/v1/snapshot"), A::Token, &ApiServer::getSnapshot, {}},
            {"GET", QStringLiteral("/api/v1/events"), A::Token, &ApiServer::getEvents, {}},
            {"GET", QStringLiteral("/api/v1/executions"), A::Token, &ApiServer::getExecutions, {}},
            {"GET", QStringLiteral("/api/v1/ticks"), A::Token, &ApiServer::getTicks, {}},
            {"GET", QStringLiteral("/api/v1/audit"), A::Token, &ApiServer::getAudit, {}},
            {"GET", QStringLiteral("/api/v1/notifications/deliveries"), A::Token,
             &ApiServer::getNotificationDeliveries, {}},
            {"GET", QStringLiteral("/api/v1/silences"), A::Token, &ApiServer::getSilences, {}},
            {"POST", QStringLiteral("/api/v1/silences"), A::Token, &ApiServer::postSilence, {}},
            {"DELETE", QStringLiteral("/api/v1/silences/{id}"), A::Token,
             &ApiServer::deleteSilence, {}},
            {"POST", QStringLiteral("/api/v1/pause"), A::Token, &ApiServer::postPause, {}},
            {"POST", QStringLiteral("/api/v1/resume"), A::Token, &ApiServer::postResume, {}},
            {"POST", QStringLiteral("/api/v1/safe-mode/leave"), A::Token, &ApiServer::postLeaveSafeMode, {}},
            {"POST", QStringLiteral("/api/v1/maintenance"), A::Token, &ApiServer::postMaintenance,
             {}},
            {"POST", QStringLiteral("/api/v1/tasks/{name}/enable"), A::Token,
             &ApiServer::postTaskEnable, {}},
            {"POST", QStringLiteral("/api/v1/tasks/{name}/disable"), A::Token,
             &ApiServer::postTaskDisable, {}},
            {"POST", QStringLiteral("/api/v1/breakers/{task}/reset"), A::Token,
             &ApiServer::postBreakerReset, {}},
            {"POST", QStringLiteral("/api/v1/breakers/{task}/force-open"), A::Token,
             &ApiServer::postBreakerForceOpen, {}},
            {"PUT", QStringLiteral("/api/v1/config"), A::Token, &ApiServer::putConfig, {}},
            {"GET", QStringLiteral("/api/v1/machines"), A::Token, &ApiServer::getMachines, {}},
        };
        // A cron line pings with a plain GET (curl -fsS URL), an agent with POST and a report.
        for (const char *kind : {"heartbeat", "start", "fail"}) {
            const QString path = u"/api/v1/machines/{name}/" + QLatin1String(kind);
            t.append({"POST", path, A::Machine, &ApiServer::pingMachine, {}});
            t.append({"GET", path, A::Machine, &ApiServer::pingMachine, {}});
        }
        for (Route &route : t)
            route.segments = route.path.split(u'/');
        return t;
    }();
    return table;
}

QVector<ApiServer::RouteInfo> ApiServer::routes()
{
    QVector<RouteInfo> out;
    for (const Route &route : routeTable())
        out.append({route.method, route.path});
    return out;
}

ApiServer::ApiServer(ApiServerOptions options, HeartbeatEngine *engine, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(std::move(options))
    , m_engine(engine)
    , m_feed(new RecordFeed(this))
    , m_tokens(m_options.dataDir)
    , m_events(m_options.limits.maxStreamBacklogBytes)
    , m_housekeeping(this) // a child, so it moves to the server's thread with it
{
    // Refused on their Content-Length, before a byte of the body is read.
    m_options.limits.maxBodyBytesByPathPrefix.prepend(
        {MachinePushPathPrefix, MaxMachineBodyBytes});
    connect(m_feed, &RecordFeed::recordsArrived, this, &ApiServer::onRecords);
    m_housekeeping.setInterval(kHousekeepingMs);
    connect(&m_housekeeping, &QTimer::timeout, this, &ApiServer::onHousekeeping);
    m_sinceKeepAlive.start();
    m_sinceUsageFlush.start();
}

ApiServer::~ApiServer()
{
    if (m_replies)
        static_cast<ReplyRelay *>(m_replies.get())->server = nullptr;
    m_tokens.flushUsage();
}

quint16 ApiServer::listenOn(QString *error)
{
    QString tokenError;
    if (!m_tokens.reloadIfChanged(&tokenError))
        qCWarning(lcHttp).noquote() << tokenError;
    // Made here, on the server's thread, so the engine's answers are written to the sockets
    // from the thread that owns them (an object cannot be moved from another thread).
    if (!m_replies) {
        auto *relay = new ReplyRelay;
        relay->server = this;
        m_replies = std::shared_ptr<QObject>(relay, [](QObject *o) { o->deleteLater(); });
    }
    QHostAddress address;
    if (m_options.listen.host == u"localhost")
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(m_options.listen.host)) {
        *error = tr("cannot listen on %1:%2: not an IP address")
                     .arg(m_options.listen.host)
                     .arg(m_options.listen.port);
        return 0;
    }
    m_tcp = new http::GuardedTcpServer(m_options.limits, this);
    if (m_options.machines) {
        // Whole pushes are answered by the connections' guards, before Qt's request parser
        // (most of a push's cost); the answer is the route's own (machineroutes.cpp).
        m_tcp->setPushHandler([this](const http::PushRequest &push) {
            ++m_earlyPushes;
            return answerPush(QString::fromLatin1(push.name), push.kind, push.body,
                              push.authorization, push.queryToken, push.close);
        });
    }
    if (!m_tcp->listen(address, m_options.listen.port)) {
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? u'[' + address.toString() + u']'
                                 : address.toString();
        *error = tr("cannot listen on %1:%2: %3")
                     .arg(host)
                     .arg(m_options.listen.port)
                     .arg(m_tcp->errorString());
        delete m_tcp;
        m_tcp = nullptr;
        return 0;
    }
    bind(m_tcp);
    m_housekeeping.start();
    return m_tcp->serverPort();
}

void ApiServer::setTokenRequirements(bool healthz, bool metrics)
{
    m_options.healthzRequiresToken = healthz;
    m_options.metricsRequiresToken = metrics;
}

// ---- routing ------------------------------------------------------------------------------

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto *guard = http::ConnectionGuard::of(socket);
    if (guard)
        guard->requestParsed(socket->bytesAvailable());
    // After an answer that closes the connection, pipelined requests behind it are not taken.
    if (socket->state() != QAbstractSocket::ConnectedState || (guard && guard->isClosing()))
        return true;
    Call call{request, socket};
    // One pass over the headers for the two every request needs.
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (qstricmp(key.constData(), "connection") == 0) {
            for (const QByteArray &option : value.split(','))
                call.close = call.close || option.trimmed().compare("close", Qt::CaseInsensitive) == 0;
        }
        else if (qstricmp(key.constData(), "authorization") == 0)
            call.authorization = value.trimmed();
        else if (qstricmp(key.constData(), "accept-encoding") == 0)
            call.deflate = call.deflate || http::acceptsEncoding(value, "deflate");
    }

    const QByteArray method = methodName(request.method());
    const QStringList segments = request.url().path().split(u'/');
    QByteArrayList allowed;
    for (const Route &route : routeTable()) {
        if (route.segments.size() != segments.size())
            continue;
        QStringList params;
        bool match = true;
        for (qsizetype i = 0; i < segments.size() && match; ++i) {
            const QString &pattern = route.segments.at(i);
            if (pattern.startsWith(u'{'))
                params.append(segments.at(i));
            else
                match = pattern == segments.at(i);
        }
        if (!match)
            continue;
        if (route.method != method) {
            allowed.append(route.method);
            continue;
        }
        call.params = params;
        const bool tokenRequired =
            route.access == Route::Access::Token
            || (route.access == Route::Access::Health && m_options.healthzRequiresToken)
            || (route.access == Route::Access::Metrics && m_options.metricsRequiresToken);
        if (route.access != Route::Access::Machine && !authorize(call, tokenRequired))
            return true;
        (this->*route.handler)(call);
        return true;
    }
    if (!allowed.isEmpty()) {
        replyError(call, 405, QStringLiteral("method_not_allowed"),
                   QStringLiteral("%1 is not allowed here; use %2")
                       .arg(QString::fromLatin1(method),
                            QString::fromLatin1(allowed.join(", "))),
                   {{"Allow", allowed.join(", ")}});
        return true;
    }
    replyError(call, 404, QStringLiteral("not_found"),
               QStringLiteral("no such endpoint: %1").arg(request.url().path()));
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Call call{request, socket};
    replyError(call, 404, QStringLiteral("not_found"),
               QStringLiteral("no such endpoint: %1").arg(request.url().path()));
}

bool ApiServer::authorize(Call &call, bool tokenRequired)
{
    const QByteArray &authorization = call.authorization;
    if (authorization.isEmpty()) {
        if (!tokenRequired)
            return true;
        replyError(call, 401, QStringLiteral("unauthorized"),
                   QStringLiteral("this endpoint needs a token: Authorization: Bearer TOKEN"),
                   {{"WWW-Authenticate", "Bearer"}});
        return false;
    }
    const std::optional<TokenInfo> token =
        authorization.size() > 7 && qstrnicmp(authorization.constData(), "bearer ", 7) == 0
            ? m_tokens.authenticate(authorization.mid(7).trimmed())
            : std::nullopt;
    if (!token) {
        // A wrong token is refused even where none is needed: a client should learn its token
        // is bad (revoked, mistyped) before it needs it.
        replyError(call, 401, QStringLiteral("unauthorized"),
                   QStringLiteral("the token is not valid (unknown or revoked)"),
                   {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}});
        return false;
    }
    call.actor = Actor{token->name, token->role};
    return true;
}

void ApiServer::reply(Call &call, const QByteArray &bytes)
{
    if (call.socket)
        http::writeAnswer(call.socket, bytes, call.close, m_options.limits.maxStreamBacklogBytes);
}

void ApiServer::replyJson(Call &call, int status, const QJsonObject &body)
{
    reply(call, http::response(status, "application/json", compact(body) + '\n', {}, call.close));
}

void ApiServer::replyError(Call &call, int status, const QString &code, const QString &message,
                           const http::Headers &headers)
{
    reply(call, http::errorResponse(status, code, message, headers, call.close));
}

// ---- reads ---------------------------------------------------------------------------------

void ApiServer::getHealthz(Call &call)
{
    if (!m_haveSnapshot) {
        replyJson(call, 503,
                  {{QStringLiteral("status"), QStringLiteral("starting")},
                   {QStringLiteral("reasons"),
                    QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("starting")},
                                           {QStringLiteral("message"),
                                            QStringLiteral("the engine has not published its "
                                                           "state yet")}}}}});
        return;
    }
    const HealthReport report = healthReport(*m_snapshot, QDateTime::currentMSecsSinceEpoch());
    replyJson(call, report.healthy ? 200 : 503, report.toJson());
}

void ApiServer::getMetrics(Call &call)
{
    // Rendered once per change of what it shows, not once per scrape; the whole answer is kept
    // (a client that asked to close gets it too, and then the close).
    if (m_options.machines) {
        // The machines' part changes with every push: rendered per scrape.
        if (m_metricsPage.isEmpty())
            m_metricsPage = m_metrics.render();
        reply(call, http::response(200, MetricsExposition::ContentType,
                                   m_metricsPage
                                       + MetricsExposition::renderMachines(
                                           m_options.machines->machines())));
        return;
    }
    if (m_metricsResponse.isEmpty())
        m_metricsResponse = http::response(200, MetricsExposition::ContentType, m_metrics.render());
    reply(call, m_metricsResponse);
}

void ApiServer::getSnapshot(Call &call)
{
    if (!m_haveSnapshot) {
        replyError(call, 503, QStringLiteral("starting"),
                   QStringLiteral("the engine has not published its state yet"));
        return;
    }
    // About 60 KB of JSON, a tenth of it deflated: clients that take it (QNetworkAccessManager
    // asks by default) get that, made once per snapshot like the plain answer.
    const http::Headers vary{{"Vary", "Accept-Encoding"}};
    if (call.deflate) {
        if (m_snapshotDeflatedResponse.isEmpty())
            m_snapshotDeflatedResponse =
                http::response(200, "application/json", http::deflated(snapshotJson()),
                               vary + http::Headers{{"Content-Encoding", "deflate"}});
        reply(call, m_snapshotDeflatedResponse);
        return;
    }
    if (m_snapshotResponse.isEmpty())
        m_snapshotResponse = http::response(200, "application/json", snapshotJson(), vary);
    reply(call, m_snapshotResponse);
}

const QByteArray &ApiServer::snapshotJson()
{
    if (m_snapshotJson.isEmpty())
        m_snapshotJson = compact(json::fromState(*m_snapshot)) + '\n';
    return m_snapshotJson;
}

MetricsReader *ApiServer::reader(QString *error)
{
    if (!m_reader) {
        try {
            m_reader = std::make_unique<MetricsReader>(m_options.metricsPath);
        } catch (const StoreError &e) {
            *error = e.message();
            return nullptr;
        }
    }
    return m_reader.get();
}

namespace {

// A time parameter: milliseconds since the epoch, or an ISO 8601 date-time.
bool readTime(const QUrlQuery &query, const QString &name, qint64 *value, QString *error)
{
    if (!query.hasQueryItem(name))
        return true;
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    if (ok) {
        *value = ms;
        return true;
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (time.isValid()) {
        *value = time.toMSecsSinceEpoch();
        return true;
    }
    *error = QStringLiteral("%1: expected milliseconds since the epoch or an ISO 8601 time "
                            "(got \"%2\")")
                 .arg(name, text.left(40));
    return false;
}

bool readQuery(const QUrlQuery &query, MetricsReader::PageQuery *page, QString *error)
{
    if (!readTime(query, QStringLiteral("from"), &page->fromMs, error)
        || !readTime(query, QStringLiteral("to"), &page->toMs, error))
        return false;
    page->task = query.queryItemValue(QStringLiteral("task"), QUrl::FullyDecoded);
    page->outcome = query.queryItemValue(QStringLiteral("outcome"), QUrl::FullyDecoded);
    if (!page->outcome.isEmpty() && !outcomeFromName(page->outcome)) {
        *error = QStringLiteral("outcome: not an outcome (got \"%1\")").arg(page->outcome.left(40));
        return false;
    }
    page->limit = kDefaultPageLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        page->limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || page->limit < 1 || page->limit > kMaxPageLimit) {
            *error = QStringLiteral("limit: expected a whole number from 1 to %1").arg(kMaxPageLimit);
            return false;
        }
    }
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        bool ok = false;
        page->afterId = query.queryItemValue(QStringLiteral("cursor")).toLongLong(&ok);
        if (!ok || page->afterId < 0) {
            *error = QStringLiteral("cursor: not a cursor this server gave out");
            return false;
        }
    }
    return true;
}

} // namespace


template<typename Row>
void ApiServer::pagedRead(Call &call,
                         MetricsReader::Page<Row> (MetricsReader::*read)(const MetricsReader::PageQuery &),
                         QJsonObject (*toJson)(const Row &))
{
    MetricsReader::PageQuery query;
    QString error;
    if (!readQuery(QUrlQuery(call.request.url()), &query, &error)) {
        replyError(call, 400, QStringLiteral("bad_query"), error);
        return;
    }
    MetricsReader *r = reader(&error);
    if (!r) {
        replyError(call, 503, QStringLiteral("store_unavailable"), error);
        return;
    }
    try {
        const MetricsReader::Page<Row> page = (r->*read)(query);
        QJsonArray items;
        for (const Row &row : page.rows)
            items.append(toJson(row));
        replyJson(call, 200,
                  {{QStringLiteral("items"), items},
                   {QStringLiteral("next_cursor"),
                    page.nextAfterId > 0 ? QJsonValue(QString::number(page.nextAfterId))
                                         : QJsonValue(QJsonValue::Null)}});
    } catch (const StoreError &e) {
        m_reader.reset(); // opened again by the next read
        replyError(call, 503, QStringLiteral("store_unavailable"), e.message());
    }
}

void ApiServer::getExecutions(Call &call)
{
    pagedRead(call, &MetricsReader::executionsPage, &json::fromExecution);
}

void ApiServer::getTicks(Call &call)
{
    pagedRead(call, &MetricsReader::ticksPage, &json::fromTick);
}

void ApiServer::getAudit(Call &call)
{
    pagedRead(call, &MetricsReader::auditPage, &json::fromAudit);
}

void ApiServer::getNotificationDeliveries(Call &call)
{
    pagedRead(call, &MetricsReader::notificationDeliveriesPage, &json::fromDelivery);
}

// ---- the event stream ----------------------------------------------------------------------

void ApiServer::getEvents(Call &call)
{
    QTcpSocket *socket = call.socket;
    if (!socket)
        return;
    if (auto *guard = http::ConnectionGuard::of(socket))
        guard->setStreaming();
    // The body runs until the connection closes (no length): an SSE stream.
    socket->write(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                    "Cache-Control: no-store\r\nConnection: close\r\n"
                                    "X-Accel-Buffering: no\r\n")
                  + http::ApiVersionHeader + "\r\nretry: 2000\n\n");
    QString lastId = QString::fromLatin1(header(call.request, "last-event-id").trimmed());
    if (lastId.isEmpty())
        lastId = QUrlQuery(call.request.url()).queryItemValue(QStringLiteral("last_event_id"));
    QByteArray out;
    auto resumed = lastId.isEmpty() ? std::nullopt : m_events.since(lastId);
    if (resumed) {
        for (const http::EventLog::Event *event : *resumed)
            out += http::EventLog::format(m_events.idOf(*event), *event);
        // More to catch up on than a client may fall behind: it would be dropped at once and
        // come back with the same id for ever. It starts over from the state instead.
        if (out.size() > m_options.limits.maxStreamBacklogBytes) {
            out.clear();
            resumed.reset();
        }
    }
    if (!resumed) {
        if (!lastId.isEmpty()) {
            // Too old, or from before a restart: the client must start over from the state.
            out += "event: reset\ndata: "
                   + compact({{QStringLiteral("reason"),
                               QStringLiteral("the events after %1 are no longer kept; start "
                                              "again from this snapshot")
                                   .arg(lastId.left(64))}})
                   + "\n\n";
        }
        if (const http::EventLog::Event *snapshot = m_events.newestSnapshot())
            out += http::EventLog::format(m_events.idOf(*snapshot), *snapshot);
    }
    m_streams.append(socket);
    sendTo(socket, out);
}

void ApiServer::sendTo(QTcpSocket *socket, const QByteArray &bytes)
{
    if (!socket || bytes.isEmpty())
        return;
    socket->write(bytes);
    if (socket->bytesToWrite() > m_options.limits.maxStreamBacklogBytes) {
        qCInfo(lcHttp) << "dropping an event stream client" << socket->peerAddress().toString()
                       << "that is" << socket->bytesToWrite() << "bytes behind";
        m_streams.removeAll(socket);
        // A reset, not a close: a close queues its FIN behind everything the client has not
        // read, so the client would not notice for long and the kernel would keep the backlog.
        const struct linger reset = {1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        socket->abort();
    }
}

void ApiServer::publish(const QByteArray &type, QByteArray data)
{
    broadcast(m_events.append(type, std::move(data)));
}

void ApiServer::broadcast(const http::EventLog::Event &event)
{
    if (m_streams.isEmpty())
        return;
    const QByteArray bytes = http::EventLog::format(m_events.idOf(event), event);
    const auto streams = m_streams;
    for (const QPointer<QTcpSocket> &socket : streams)
        sendTo(socket, bytes);
}

void ApiServer::onSnapshot(const EngineSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_haveSnapshot = true;
    m_metrics.onSnapshot(snapshot);
    m_metricsResponse.clear();
    m_metricsPage.clear();
    const EngineState &state = *snapshot;

    // Alerts raised and cleared since the last snapshot.
    QHash<QString, Alert> active;
    for (const Alert &alert : state.activeAlerts)
        active.insert(alert.source + u'/' + alert.key, alert);
    for (auto it = active.cbegin(); it != active.cend(); ++it) {
        if (!m_alerts.contains(it.key())) {
            QJsonObject body = json::fromAlert(it.value());
            body.insert(QStringLiteral("state"), QStringLiteral("raised"));
            publish(QByteArrayLiteral("alert"), compact(body));
        }
    }
    for (auto it = m_alerts.cbegin(); it != m_alerts.cend(); ++it) {
        if (!active.contains(it.key())) {
            QJsonObject body = json::fromAlert(it.value());
            body.insert(QStringLiteral("state"), QStringLiteral("cleared"));
            publish(QByteArrayLiteral("alert"), compact(body));
        }
    }
    m_alerts = active;

    // Audit entries new in the tail.
    QSet<QString> seen;
    for (const AuditEntry &entry : state.recentAudit) {
        const QString key = entry.uid.isEmpty()
                                ? QString::number(entry.tsMs) + u'/' + entry.actor + u'/'
                                      + entry.action + u'/' + entry.detail
                                : entry.uid;
        seen.insert(key);
        if (!m_auditSeen.contains(key))
            publish(QByteArrayLiteral("audit"), compact(json::fromAudit(entry)));
    }
    m_auditSeen = seen;

    // Serialised when first asked for (a GET, or a stream client), not for every snapshot: the
    // log's newest snapshot is always m_snapshot, so both share the one text.
    m_snapshotJson.clear();
    m_snapshotResponse.clear();
    m_snapshotDeflatedResponse.clear();
    m_events.appendSnapshot([this] { return snapshotJson().chopped(1); });
    if (!m_streams.isEmpty())
        broadcast(*m_events.newestSnapshot());
}

void ApiServer::onRecords(const RecordBatch &batch)
{
    m_metrics.onRecords(batch);
    m_metricsResponse.clear();
    m_metricsPage.clear();
    QJsonArray executions, ticks, samples;
    for (const ExecutionRecord &r : batch.executions)
        executions.append(json::fromExecution(r));
    for (const TickRecord &t : batch.ticks)
        ticks.append(json::fromTick(t));
    for (const Sample &s : batch.samples)
        samples.append(json::fromSample(s));
    publish(QByteArrayLiteral("records"), compact({{QStringLiteral("executions"), executions},
                                {QStringLiteral("ticks"), ticks},
                                {QStringLiteral("samples"), samples}}));
}

void ApiServer::onHousekeeping()
{
    QString error;
    if (!m_tokens.reloadIfChanged(&error)) {
        if (error != m_tokenError) // said once, not twice a second
            qCWarning(lcHttp).noquote() << error;
        m_tokenError = error;
    } else {
        m_tokenError.clear();
    }
    if (m_sinceUsageFlush.elapsed() >= kUsageFlushMs) {
        m_sinceUsageFlush.start();
        if (!m_tokens.flushUsage(&error))
            qCWarning(lcHttp).noquote() << error;
    }
    m_streams.removeIf([](const QPointer<QTcpSocket> &s) {
        return s.isNull() || s->state() != QAbstractSocket::ConnectedState;
    });
    if (m_sinceKeepAlive.elapsed() >= kKeepAliveMs) {
        m_sinceKeepAlive.start();
        const auto streams = m_streams;
        for (const QPointer<QTcpSocket> &socket : streams)
            sendTo(socket, ": keep-alive\n\n");
    }
}

// ---- commands ------------------------------------------------------------------------------

void ApiServer::command(Call &call,
                        std::function<CommandResult(HeartbeatEngine &, const Actor &)> fn,
                        std::function<QJsonObject(const CommandResult &)> created)
{
    if (!m_engine) {
        replyError(call, 503, QStringLiteral("engine_stopped"),
                   QStringLiteral("the engine is not running"));
        return;
    }
    HeartbeatEngine *engine = m_engine;
    const Actor actor = call.actor;
    const QPointer<QTcpSocket> socket = call.socket;
    // The answer comes after a round trip through the engine: the connection ends with it, so
    // no request pipelined behind a command is answered (or run) before the command's answer.
    const bool close = true;
    if (auto *guard = http::ConnectionGuard::of(socket))
        guard->setClosing();
    const std::weak_ptr<QObject> relay = m_replies;
    QMetaObject::invokeMethod(
        engine,
        [engine, fn = std::move(fn), created = std::move(created), actor, relay, socket, close] {
            const CommandResult result = fn(*engine, actor);
            const QByteArray createdBody =
                result.ok && created ? compact(created(result)) + '\n' : QByteArray();
            const std::shared_ptr<QObject> alive = relay.lock();
            if (!alive)
                return;
            auto *r = static_cast<ReplyRelay *>(alive.get());
            QMetaObject::invokeMethod(
                r,
                [r, result, createdBody, socket, close] {
                    if (!r->server || !socket)
                        return;
                    QByteArray bytes;
                    if (result.ok && !createdBody.isEmpty()) {
                        bytes = http::response(201, "application/json", createdBody, {}, close);
                    } else if (result.ok) {
                        bytes = http::response(200, "application/json", "{\"ok\":true}\n", {},
                                               close);
                    } else if (result.refused) {
                        bytes = http::errorResponse(403, QStringLiteral("forbidden"),
                                                    result.error, {}, close);
                    } else {
                        bytes = http::errorResponse(409, QStringLiteral("rejected"),
                                                    result.error, {}, close);
                    }
                    socket->write(bytes);
                    if (close)
                        socket->disconnectFromHost();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ApiServer::postPause(Call &call)
{
    body::Error error;
    const std::optional<QString> reason = body::pauseReason(call.request.body(), &error);
    if (!reason) {
        replyError(call, 400, QStringLiteral("bad_body"), error.toString());
        return;
    }
    command(call, [reason = *reason](HeartbeatEngine &engine, const Actor &actor) {
        return engine.setEmergencyStop(actor, true, reason);
    });
}

void ApiServer::postLeaveSafeMode(Call &call)
{
    body::Error error;
    if (!body::empty(call.request.body(), &error)) {
        replyError(call, 400, QStringLiteral("bad_body"), error.toString());
        return;
    }
    command(call, [](HeartbeatEngine &engine, const Actor &actor) {
        return engine.setSafeMode(actor, false, {});
    });
}

void ApiServer::postResume(Call &call)
{
    body::Error error;
    if (!body::empty(call.request.body(), &error)) {
        replyError(call, 400, QStringLiteral("bad_body"), error.toString());
        return;
    }
    command(call, [](HeartbeatEngine &engine, const Actor &actor) {
        return engine.setEmergencyStop(actor, false, {});
    });
}

void ApiServer::postMaintenance(Call &call)
{
    body::Error error;
    const std::optional<bool> on = body::maintenanceOn(call.request.body(), &error);
    if (!on) {
        replyError(call, 400, QStringLiteral("bad_body"), error.toString());
        return;
    }
    command(call, [on = *on](HeartbeatEngine &engine, const Actor &actor) {
        return engine.setMaintenanceMode(actor, on);
    });
}

void ApiServer::taskCommand(Call &call, bool breaker, bool on)
{
    body::Error error;
    if (!body::empty(call.request.body(), &error)) {
        replyError(call, 400, QStringLiteral("bad_body"), error.toString());
        return;
    }
    const QString task = call.params.value(0);
    bool known = false;
    if (m_haveSnapshot) {
        for (const TaskStatus &status : m_snapshot->tasks)
            known = known || status.name == task;
    }
    if (!known) {
        replyError(call, 404, QStringLiteral("no_such_task"),
                   QStringLiteral("no task named \"%1\"").arg(task.left(64)));
        return;
    }
    command(call, [task, breaker, on](HeartbeatEngine &engine, const Actor &actor) {
        if (breaker)
            return on ? engine.forceOpenBreaker(actor, task) : engine.resetBreaker(actor, task);
        return engine.setTaskEnabled(actor, task, on);
    });
}

void ApiServer::postTaskEnable(Call &call)
{
    taskCommand(call, false, true);
}

void ApiServer::postTaskDisable(Call &call)
{
    taskCommand(call, false, false);
}

void ApiServer::postBreakerReset(Call &call)
{
    taskCommand(call, true, false);
}

void ApiServer::postBreakerForceOpen(Call &call)
{
    taskCommand(call, true, true);
}

void ApiServer::putConfig(Call &call)
{
    body::Error error;
    const std::optional<HeartbeatConfig> config = body::config(call.request.body(), &error);
    if (!config) {
        reply(call, http::response(
                        400, "application/json",
                        compact({{QStringLiteral("error"), QStringLiteral("invalid_config")},
                                 {QStringLiteral("field"), error.field},
                                 {QStringLiteral("message"), error.toString()}})
                            + '\n',
                        {}, call.close));
        return;
    }
    // Snapshots leave the notification channels out (they hold secrets), so a document taken
    // from one and sent back keeps the channels configured now.
    const bool keepChannels = !QJsonDocument::fromJson(call.request.body())
                                   .object()
                                   .contains(QStringLiteral("notifications"));
    command(call, [config = *config, keepChannels](HeartbeatEngine &engine, const Actor &actor) {
        HeartbeatConfig wanted = config;
        if (keepChannels)
            wanted.notifications = engine.snapshot()->config.notifications;
        return engine.updateConfig(actor, wanted);
    });
}

} // namespace hb
