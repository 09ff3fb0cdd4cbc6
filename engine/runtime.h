#pragma once

#include "core/clock.h"
#include "core/config.h"
#include "enginehost.h"
#include "task.h"

#include <QLockFile>

#include <memory>
#include <optional>

namespace hb {

class MetricsWriter;

struct RuntimeOptions
{
    QString dataDir;                      // empty: defaultDataDir()
    bool demo = false;                    // a data directory created now gets the demo config
    qint64 tickIntervalOverrideMs = 0;    // --tick-ms
    std::shared_ptr<const Clock> clock;   // null: system clock
    std::optional<TaskRegistry> registry; // null: TaskRegistry::builtin()
};

// Everything both binaries do to bring the engine up on a data directory, in one place:
// create the directory on first run, lock it, load (or create) config.json, open and migrate
// metrics.db, restore persisted state, start the writer and the engine thread. Any problem
// with the user's files throws StoreError with one line naming the file; nothing is changed
// or deleted then.
class EngineRuntime
{
public:
    explicit EngineRuntime(RuntimeOptions options);
    ~EngineRuntime(); // stop()

    static QString defaultDataDir();

    void start();
    // Stops the engine (cancel running tasks, record them, flush) and then the writer. Idempotent.
    void stop();

    QString dataDir() const { return m_dataDir; }
    QString configPath() const;
    QString metricsPath() const;
    bool createdDataDir() const { return m_created; }
    const HeartbeatConfig &initialConfig() const { return m_config; }
    EngineHost &host() { return *m_host; }
    HeartbeatEngine *engine() const { return m_host ? m_host->engine() : nullptr; }
    MetricsWriter &writer() { return *m_writer; }

private:
    QString m_dataDir;
    bool m_created = false;
    std::unique_ptr<QLockFile> m_lock;
    HeartbeatConfig m_config;
    std::unique_ptr<MetricsWriter> m_writer;
    std::unique_ptr<EngineHost> m_host;
};

} // namespace hb
