#pragma once

#include "core/clock.h"
#include "core/config.h"
#include "enginehost.h"
#include "task.h"

#include <QLockFile>

#include <functional>
#include <memory>
#include <optional>

namespace hb {

class Ledger;
class MachineMonitor;
class MetricsWriter;
class Notifier;
class OracleMonitor;
class OracleSource;

struct RuntimeOptions
{
    QString dataDir;                      // empty: defaultDataDir()
    bool demo = false;                    // a data directory created now gets the demo config
    qint64 tickIntervalOverrideMs = 0;    // --tick-ms
    std::shared_ptr<const Clock> clock;   // null: system clock
    std::optional<TaskRegistry> registry; // null: TaskRegistry::builtin()
    qint64 demoLoans = 5000;              // --demo-loans: loans of a new demo ledger
    // Seeding a new demo ledger: loans written so far of all (DemoLedgerOptions::progress).
    std::function<void(qint64 written, qint64 total)> demoProgress;
    // Called once metrics.db and the ledger have opened (the user's files are accepted), before
    // a new demo ledger is seeded: start-up's held log lines can go out then (cli::StartupLog).
    std::function<void()> filesAccepted;
    // The dashboard: "desktop" notification channels show in its tray (heartbeatd has no desktop).
    bool desktop = false;
};

// Everything both binaries do to bring the engine up on a data directory, in one place:
// create the directory on first run, lock it, load (or create) config.json, open and migrate
// metrics.db, open (or create) the ledger at DATA/ledger - in demo mode a new one is seeded with
// the deterministic demo ledger - build the price oracle, restore persisted state, start the
// writer and the engine thread. Any problem
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
    // The pushing machines of DATA/machines.json, judged up or down (thread-safe pings).
    MachineMonitor &machines() { return *m_machines; }
    QString ledgerPath() const;
    // Shared with the tasks; every call is thread-safe (the ledger serialises them).
    std::shared_ptr<Ledger> ledger() const { return m_ledger; }
    std::shared_ptr<OracleMonitor> oracleMonitor() const { return m_oracleMonitor; }
    // Where price updates get their prices for this run (an OracleSourceName; "none": nowhere).
    QString oracleSource() const;
    bool seededDemoLedger() const { return m_seededDemo; }
    // Tells people about transitions (config.json "notifications"): fed the engine's snapshots
    // from start() on; connect MachineMonitor::transition to its onMachineTransition slot and
    // the tray to its desktopNotification signal. Null when metrics.db could not be opened
    // for it (the engine then runs without notifications).
    Notifier *notifier() const { return m_notifier.get(); }

private:
    // Moves the ledger's audit outbox into metrics.db until it is empty (or the store fails).
    void moveWholeOutbox();

    QString m_dataDir;
    bool m_created = false;
    std::unique_ptr<QLockFile> m_lock;
    HeartbeatConfig m_config;
    bool m_seededDemo = false;
    // Declared before the host so the engine (and its tasks) go first.
    std::shared_ptr<Ledger> m_ledger;
    std::shared_ptr<OracleSource> m_oracle;
    std::shared_ptr<OracleSource> m_fallbackOracle; // oracle.fallback_source; null: none
    std::shared_ptr<OracleMonitor> m_oracleMonitor;
    std::unique_ptr<MetricsWriter> m_writer;
    std::unique_ptr<MachineMonitor> m_machines; // writes through m_writer: declared after it
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<Notifier> m_notifier;
};

} // namespace hb
