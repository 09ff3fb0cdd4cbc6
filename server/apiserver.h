#pragma once

#include "api/prometheus.h"
#include "api/pushrequest.h"
#include "api/tokenstore.h"
#include "core/config.h"
#include "eventlog.h"
#include "httpguard.h"
#include "recordfeed.h"
#include "snapshot.h"
#include "store/metricsreader.h"
#include "store/notificationstore.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

class QHttpServerRequest;

namespace hb {

class HeartbeatEngine;
class MachineMonitor;

struct ApiServerOptions
{
    ListenAddress listen;
    QString dataDir;     // tokens.json
    QString metricsPath; // paged reads
    bool healthzRequiresToken = false;
    bool metricsRequiresToken = false;
    http::Limits limits;
    // Judges the machines that push heartbeats; null: the machine routes answer 503. Pushes call
    // it straight from the server's thread (it is thread-safe), never through the engine's.
    MachineMonitor *machines = nullptr;
};

// The HTTP API (docs/api.md). Lives on its own thread (ApiService); talks to the engine only
// through queued calls and its published snapshots and record batches, so no request can stall a
// tick. Every route is in routes(), which the OpenAPI file is checked against.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct RouteInfo
    {
        QByteArray method;
        QString path; // "/api/v1/tasks/{name}/enable"
    };
    static QVector<RouteInfo> routes();

    // Machine pushes: their bodies are refused above this size (413) on the Content-Length.
    static constexpr qint64 MaxMachineBodyBytes = 64 * 1024;
    static constexpr const char *MachinePushPathPrefix = "/api/v1/machines/";

    ApiServer(ApiServerOptions options, HeartbeatEngine *engine, QObject *parent = nullptr);
    ~ApiServer() override;

    // On the server's thread. The port actually bound, or 0 with `error` set.
    quint16 listenOn(QString *error);
    RecordFeed *recordFeed() const { return m_feed; }
    // Machine pushes answered by the connections' guards, without Qt's request parser.
    quint64 earlyPushes() const { return m_earlyPushes; }

public Q_SLOTS:
    void onSnapshot(const hb::EngineSnapshot &snapshot);
    // http.healthz_requires_token / http.metrics_requires_token, for the requests after this.
    void setTokenRequirements(bool healthz, bool metrics);
    void onRecords(const hb::RecordBatch &batch);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Call;
    struct Route;
    using Handler = void (ApiServer::*)(Call &call);

    // Routing and answering
    static const QVector<Route> &routeTable();
    void reply(Call &call, const QByteArray &bytes);
    void replyJson(Call &call, int status, const QJsonObject &body);
    void replyError(Call &call, int status, const QString &code, const QString &message,
                    const http::Headers &headers = {});
    bool authorize(Call &call, bool tokenRequired);

    // Endpoints
    void getHealthz(Call &call);
    void getMetrics(Call &call);
    void getSnapshot(Call &call);
    void getEvents(Call &call);
    void getExecutions(Call &call);
    void getTicks(Call &call);
    void getAudit(Call &call);
    void getNotificationDeliveries(Call &call);
    void postPause(Call &call);
    void postResume(Call &call);
    void postLeaveSafeMode(Call &call);
    void postMaintenance(Call &call);
    void postTaskEnable(Call &call);
    void postTaskDisable(Call &call);
    void postBreakerReset(Call &call);
    void postBreakerForceOpen(Call &call);
    void putConfig(Call &call);
    // Silences (silenceroutes.cpp)
    void getSilences(Call &call);
    void postSilence(Call &call);
    void deleteSilence(Call &call);
    NotificationStore *notifications(QString *error);
    // Machines (machineroutes.cpp)
    void getMachines(Call &call);
    void pingMachine(Call &call);
    // The whole answer to a push, for the route and for the guards' early answers alike.
    QByteArray answerPush(const QString &name, PingKind kind, const QByteArray &body,
                          const QByteArray &authorization, const QByteArray &queryToken,
                          bool close);

    // Commands run on the engine thread; the answer is written when the engine has replied.
    // `created`, if set, makes a successful answer 201 with its JSON.
    void command(Call &call, std::function<CommandResult(HeartbeatEngine &, const Actor &)> fn,
                 std::function<QJsonObject(const CommandResult &)> created = {});
    void taskCommand(Call &call, bool breaker, bool on);
    MetricsReader *reader(QString *error);
    template<typename Row>
    void pagedRead(Call &call,
                   MetricsReader::Page<Row> (MetricsReader::*read)(const MetricsReader::PageQuery &),
                   QJsonObject (*toJson)(const Row &));

    // The event stream
    void publish(const QByteArray &type, QByteArray data);
    void broadcast(const http::EventLog::Event &event); // to every stream client
    const QByteArray &snapshotJson(); // m_snapshot's JSON and a newline, made once per snapshot
    void sendTo(QTcpSocket *socket, const QByteArray &bytes);
    void onHousekeeping();

    ApiServerOptions m_options;
    HeartbeatEngine *m_engine;
    std::shared_ptr<QObject> m_replies; // receives the engine's answers; outlives no call
    RecordFeed *m_feed;
    http::GuardedTcpServer *m_tcp = nullptr;
    TokenStore m_tokens;
    MetricsExposition m_metrics;
    std::unique_ptr<MetricsReader> m_reader;
    std::unique_ptr<NotificationStore> m_notifications; // silences
    EngineSnapshot m_snapshot;
    bool m_haveSnapshot = false;
    QByteArray m_snapshotJson;     // m_snapshot serialised, made on first use (snapshotJson())
    QByteArray m_snapshotResponse; // the whole 200 answer with it, made on first use
    QByteArray m_snapshotDeflatedResponse; // the same in the "deflate" coding, on first use
    QByteArray m_metricsResponse;  // the whole /metrics answer, made on first use after a change
    QByteArray m_metricsPage;      // its body: the engine's families, without the machines
    http::EventLog m_events;
    QVector<QPointer<QTcpSocket>> m_streams;
    QHash<QString, Alert> m_alerts;  // active, by source/key: what the stream has announced
    QSet<QString> m_auditSeen;       // audit tail entries already sent
    QString m_tokenError;            // the token file's problem last reported
    QTimer m_housekeeping;           // token reloads, keep-alives for streams
    QElapsedTimer m_sinceKeepAlive;
    QElapsedTimer m_sinceUsageFlush;
    quint64 m_earlyPushes = 0;
};

} // namespace hb
