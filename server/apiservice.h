#pragma once

#include "apiserver.h"

#include <QThread>

#include <memory>

namespace hb {

class EngineHost;

// Runs an ApiServer on a thread of its own for an engine hosted in this process (heartbeatd, or
// the dashboard when the admin turns serving on). start() binds before returning, so a port in
// use is known at once.
class ApiService
{
public:
    ApiService(EngineHost &host, ApiServerOptions options);
    ~ApiService(); // stop()

    ApiService(const ApiService &) = delete;
    ApiService &operator=(const ApiService &) = delete;

    // Binds and starts serving; false with a one-line `error` naming the address otherwise.
    bool start(QString *error);
    void stop(); // blocking, idempotent
    // Applied to the requests that come after, without a restart (connections stay open).
    void setTokenRequirements(bool healthz, bool metrics);
    const ApiServerOptions &options() const { return m_options; }
    quint16 port() const { return m_port; }
    QString url() const; // "http://127.0.0.1:8089"

    // While serving, DATA/api.url holds url() so a client on this machine (the wall's local
    // mode) finds the API without being told the port; stop() removes it when it is still ours.
    static QString discoveryPath(const QString &dataDir);
    // The URL a local client should use, from DATA/api.url: an address that listens on every
    // interface (0.0.0.0, ::) is reached on loopback. Empty when there is no (readable) file.
    static QString discoveredUrl(const QString &dataDir);

private:
    void writeDiscovery();
    void removeDiscovery();

    EngineHost &m_host;
    ApiServerOptions m_options;
    std::unique_ptr<QThread> m_thread;
    ApiServer *m_server = nullptr; // lives on m_thread
    quint16 m_port = 0;
};

} // namespace hb
