#include "apiservice.h"

#include "core/threadpriority.h"
#include "enginehost.h"
#include "httplogging.h"

#include <QFile>
#include <QSaveFile>
#include <QUrl>

namespace hb {

ApiService::ApiService(EngineHost &host, ApiServerOptions options)
    : m_host(host)
    , m_options(std::move(options))
{
}

ApiService::~ApiService()
{
    stop();
}

QString ApiService::url() const
{
    const QString host = m_options.listen.host.contains(u':') ? u'[' + m_options.listen.host + u']'
                                                                : m_options.listen.host;
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

bool ApiService::start(QString *error)
{
    if (m_server)
        return true;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("hb-http"));
    HeartbeatEngine *engine = m_host.engine();
    auto *server = new ApiServer(m_options, engine);
    server->moveToThread(m_thread.get());
    m_thread->start();
    quint16 port = 0;
    QString failure;
    QMetaObject::invokeMethod(
        server,
        [server, &port, &failure] {
            // Serving yields the CPU to the engine's ticks (and the dashboard's window): under
            // a burst of requests on a machine with few cores, the engine still ticks on time.
            lowerThreadPriority();
            port = server->listenOn(&failure);
        },
        Qt::BlockingQueuedConnection);
    if (port == 0) {
        QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        m_thread.reset();
        *error = failure;
        return false;
    }
    m_server = server;
    m_port = port;
    if (engine) {
        QObject::connect(m_host.snapshots(), &SnapshotRelay::snapshotChanged, server,
                         &ApiServer::onSnapshot);
        m_host.addRecordFeed(server->recordFeed());
        // The state as it is now, for a server started while the engine is quiet.
        // Posted from the engine's thread, so it arrives before any snapshot published later
        // (the server is alive: this call blocks until it has been posted).
        QMetaObject::invokeMethod(
            engine,
            [engine, server] {
                const EngineSnapshot snapshot = engine->snapshot();
                QMetaObject::invokeMethod(
                    server, [server, snapshot] { server->onSnapshot(snapshot); },
                    Qt::QueuedConnection);
            },
            Qt::BlockingQueuedConnection);
    }
    qCInfo(lcHttp).noquote() << "serving the HTTP API on" << url();
    writeDiscovery();
    return true;
}

QString ApiService::discoveryPath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/api.url");
}

QString ApiService::discoveredUrl(const QString &dataDir)
{
    QFile file(discoveryPath(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QUrl url(QString::fromUtf8(file.read(1024)).trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http" || url.host().isEmpty())
        return {};
    if (url.host() == u"0.0.0.0")
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (url.host() == u"::")
        url.setHost(QStringLiteral("::1"));
    return url.toString();
}

// Best effort: a directory the server cannot write (read-only deployment) only means local
// clients must be told the URL.
void ApiService::writeDiscovery()
{
    if (m_options.dataDir.isEmpty())
        return;
    QSaveFile file(discoveryPath(m_options.dataDir));
    if (!file.open(QIODevice::WriteOnly) || file.write(url().toUtf8() + '\n') < 0 || !file.commit())
        qCWarning(lcHttp).noquote() << "cannot write" << file.fileName() << file.errorString();
}

void ApiService::removeDiscovery()
{
    if (m_options.dataDir.isEmpty())
        return;
    QFile file(discoveryPath(m_options.dataDir));
    // Another server may have started on the directory since (a restart): leave its file alone.
    if (file.open(QIODevice::ReadOnly) && file.read(1024).trimmed() == url().toUtf8()) {
        file.close();
        file.remove();
    }
}

void ApiService::setTokenRequirements(bool healthz, bool metrics)
{
    m_options.healthzRequiresToken = healthz;
    m_options.metricsRequiresToken = metrics;
    if (ApiServer *server = m_server) {
        QMetaObject::invokeMethod(
            server, [server, healthz, metrics] { server->setTokenRequirements(healthz, metrics); },
            Qt::QueuedConnection);
    }
}

void ApiService::stop()
{
    if (!m_server)
        return;
    ApiServer *server = m_server;
    m_server = nullptr;
    removeDiscovery();
    QObject::disconnect(m_host.snapshots(), nullptr, server, nullptr);
    if (HeartbeatEngine *engine = m_host.engine()) {
        QObject::disconnect(engine, nullptr, server, nullptr);
        m_host.removeRecordFeed(server->recordFeed());
    }
    QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    // A command the engine is answering right now holds the server's reply relay; when it lets
    // go, the relay is deleted later on the server's thread. Waiting for the engine to finish
    // what it is doing first means that thread is still there to delete it (else it leaked).
    // (Not a stalled one: it would never answer.)
    if (HeartbeatEngine *engine = m_host.engine();
        engine && engine->thread()->isRunning() && m_host.engineResponsive())
        QMetaObject::invokeMethod(engine, [] {}, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

} // namespace hb
