#include "runtime.h"

#include "core/logging.h"
#include "ledger/demoledger.h"
#include "ledger/ledger.h"
#include "ledgeroutbox.h"
#include "notify/notifier.h"
#include "machines/machinemonitor.h"
#include "oracle/oraclefactory.h"
#include "oracle/oraclemonitor.h"
#include "store/metricsstore.h"
#include "store/metricswriter.h"
#include "tasks/demooutageoracle.h"
#include "tasks/demoworkloadtask.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>

#include <unistd.h>

namespace hb {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("hb::EngineRuntime", text);
}

// Fault injection for the integrity tests (tests/system): HB_FAULT_EXIT_AFTER_COMMIT=ACTION[:N]
// ends the process (_exit, status 86) right after the Nth ledger commit that wrote an audit
// entry of ACTION ("*": any) to an outbox, before metrics.db could commit that entry.
std::function<void(const QString &)> faultInjectionFromEnvironment()
{
    const QByteArray spec = qgetenv("HB_FAULT_EXIT_AFTER_COMMIT");
    if (spec.isEmpty())
        return {};
    const QList<QByteArray> parts = spec.split(':');
    const QString action = QString::fromUtf8(parts.value(0));
    const int nth = std::max(1, parts.size() > 1 ? parts.at(1).toInt() : 1);
    qCWarning(lcEngine).noquote() << "fault injection: exit after commit" << nth << "of" << action;
    return [action, nth, seen = std::make_shared<std::atomic_int>(0)](const QString &done) {
        if ((action == u"*" || done == action) && ++*seen >= nth)
            ::_exit(86);
    };
}
// HB_FAULT_EXIT_AFTER_RUN=TASK ends the process (_exit, status 87) right after a run of TASK
// returned, before its row and its schedule's next run could be written (tests/system).
std::function<void(const QString &)> exitAfterRunFromEnvironment()
{
    const QString task = qEnvironmentVariable("HB_FAULT_EXIT_AFTER_RUN");
    if (task.isEmpty())
        return {};
    qCWarning(lcEngine).noquote() << "fault injection: exit after a run of" << task;
    return [task](const QString &done) {
        if (done == task)
            ::_exit(87);
    };
}
} // namespace

QString EngineRuntime::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/heartbeat");
}

EngineRuntime::EngineRuntime(RuntimeOptions options)
    : m_dataDir(QDir::cleanPath(QDir(options.dataDir.isEmpty() ? defaultDataDir() : options.dataDir)
                                    .absolutePath()))
{
    const std::shared_ptr<const Clock> clock =
        options.clock ? options.clock : std::make_shared<SystemClock>();

    if (!QFileInfo::exists(m_dataDir)) {
        if (!QDir().mkpath(m_dataDir))
            throw StoreError(m_dataDir + u": " + tr("cannot create the data directory"));
        m_created = true;
    } else if (!QFileInfo(m_dataDir).isDir()) {
        throw StoreError(m_dataDir + u": " + tr("is not a directory"));
    }

    // One engine per data directory: a second one would interleave writes to the same files.
    m_lock = std::make_unique<QLockFile>(m_dataDir + QStringLiteral("/engine.lock"));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(200)) {
        if (m_lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host, app;
            m_lock->getLockInfo(&pid, &host, &app);
            throw StoreError(m_dataDir + u": "
                             + tr("in use by another Heartbeat process (pid %1)").arg(pid));
        }
        throw StoreError(m_dataDir + u": " + tr("cannot write to the data directory"));
    }

    // A directory without config.json gets one (the demo's when asked for), but only once
    // metrics.db and the ledger have opened: a refused start creates nothing.
    ConfigFile configFile(configPath());
    QString error;
    const bool newConfig = !configFile.exists();
    if (!newConfig) {
        const auto loaded = configFile.load(&error);
        if (!loaded)
            throw StoreError(error);
        m_config = *loaded;
    } else {
        m_config = options.demo ? HeartbeatConfig::demoDefaults() : HeartbeatConfig();
    }

    // With oracle.source "none" there is no oracle: price updates are skipped, saying why.
    std::unique_ptr<OracleSource> oracle;
    if (m_config.oracleSource != OracleSourceName::None) {
        QString oracleError;
        oracle = makeOracle(m_config, clock, &oracleError);
        if (!oracle)
            throw StoreError(configPath() + u": " + oracleError);
    }
    // The second source price_update's "alternative" fallback asks; never the demo's outage
    // wrapper, whose cuts are meant for the first source only.
    if (m_config.oracleFallbackSource != OracleSourceName::None) {
        QString oracleError;
        m_fallbackOracle = makeFallbackOracle(m_config, clock, &oracleError);
        if (!m_fallbackOracle)
            throw StoreError(configPath() + u": " + oracleError);
    }
    // Demo behaviour (the outage-prone feed, the workload, a seeded ledger) is the data
    // directory's own: `demo` in its config. Asking for the demo never turns it on over a
    // directory that already holds a real configuration and ledger.
    const bool demo = m_config.demo;
    std::shared_ptr<DemoOutageOracle> demoOracle;
    if (demo && !options.registry && oracle) {
        demoOracle = std::make_shared<DemoOutageOracle>(std::move(oracle), clock);
        m_oracle = demoOracle;
    } else {
        m_oracle = std::move(oracle);
    }
    m_oracleMonitor = std::make_shared<OracleMonitor>();

    auto store = std::make_unique<MetricsStore>(metricsPath());
    PersistedState state = store->loadState();
    // After metrics.db, whose checks leave a bad data directory exactly as it was; before the
    // writer and the engine start. A damaged ledger throws StoreError naming the file.
    const bool newLedger = !QFileInfo::exists(ledgerPath() + QStringLiteral("/catalog.db"));
    LedgerOptions ledgerOptions;
    ledgerOptions.clock = clock;
    ledgerOptions.afterAuditedCommit = faultInjectionFromEnvironment();
    m_ledger = std::make_shared<Ledger>(ledgerPath(), ledgerOptions);
    if (options.filesAccepted)
        options.filesAccepted();
    if (demo && newLedger) {
        DemoLedgerOptions seed;
        seed.loans = options.demoLoans;
        seed.nowMs = clock->nowMs();
        // A large ledger takes a while: the log says how far it got (every tenth), the caller's
        // callback draws a progress bar.
        seed.progress = [&options, tenthLogged = qint64(-1)](qint64 written, qint64 total) mutable {
            const qint64 tenth = total > 0 ? written * 10 / total : 10;
            if (total >= 100'000 && tenth != tenthLogged) {
                tenthLogged = tenth;
                qCInfo(lcEngine) << "demo ledger:" << written << "of" << total << "loans written";
            }
            if (options.demoProgress)
                options.demoProgress(written, total);
        };
        const DemoSeedReport seeded = seedDemoLedger(*m_ledger, seed);
        DemoWorkloadTask::prepareLedger(*m_ledger, m_config);
        m_seededDemo = true;
        qCInfo(lcEngine) << "demo ledger:" << seeded.loans << "loans on" << seeded.shards
                         << "shards";
    }

    if (newConfig && !configFile.save(m_config, &error))
        throw StoreError(error);

    m_writer = std::make_unique<MetricsWriter>(
        std::move(store),
        RetentionPolicy{m_config.retentionRawDays, m_config.retentionMinuteDays,
                        m_config.retentionHourDays},
        clock);
    // Every audit entry a stopped process left in the ledger's outboxes goes to metrics.db
    // before anything else happens; a store that cannot take them refuses the start.
    m_writer->setOutbox(std::make_shared<LedgerOutbox>(m_ledger));
    moveWholeOutbox();
    if (m_writer->hasFailed())
        throw StoreError(m_writer->lastError());

    m_machines = std::make_unique<MachineMonitor>(m_dataDir, metricsPath(), m_writer.get(), clock);

    TaskRegistry registry = options.registry ? *options.registry : TaskRegistry::builtin();
    // The demo workload only exists in demo mode, never in TaskName::all(). Without a price
    // source it has no feed to cut: it still opens and repays loans.
    if (demo && !options.registry)
        registry.add(DemoWorkloadTask::kName, [demoOracle](const TaskEnvironment &env) {
            return std::make_shared<DemoWorkloadTask>(env.ledger, demoOracle);
        });
    EngineOptions engineOptions;
    engineOptions.clock = clock;
    engineOptions.config = m_config;
    engineOptions.configPath = configPath();
    engineOptions.tickIntervalOverrideMs = std::max<qint64>(0, options.tickIntervalOverrideMs);
    engineOptions.state = std::move(state);
    engineOptions.oracleSource = oracleSource();
    engineOptions.afterRun = exitAfterRunFromEnvironment();
    TaskEnvironment environment;
    environment.dataDir = m_dataDir;
    environment.ledger = m_ledger;
    environment.oracle = m_oracle;
    environment.fallbackOracle = m_fallbackOracle;
    environment.oracleMonitor = m_oracleMonitor;
    environment.metricsPath = metricsPath();
    engineOptions.writer = m_writer.get();
    // A replacement for an engine the watchdog gave up on starts as a normal start does: the
    // config file and the state in metrics.db as they are now, and tasks of its own.
    EngineHost::RestartOptions restartOptions = [this, base = engineOptions, registry,
                                                 environment] {
        EngineOptions o = base;
        QString configError;
        const auto loaded = ConfigFile(configPath()).load(&configError);
        if (!loaded)
            throw StoreError(configError);
        o.config = *loaded;
        o.state = MetricsStore(metricsPath()).loadState();
        o.tasks = registry.create(environment);
        return o;
    };
    engineOptions.tasks = registry.create(environment);
    m_host = std::make_unique<EngineHost>(std::move(engineOptions), std::move(restartOptions));
    NotifierOptions notifierOptions;
    notifierOptions.metricsPath = metricsPath();
    notifierOptions.config = m_config.notifications;
    notifierOptions.clock = clock;
    notifierOptions.desktop = options.desktop;
    m_notifier = std::make_unique<Notifier>(std::move(notifierOptions));
    qCInfo(lcEngine).noquote() << "data directory" << m_dataDir;
}

EngineRuntime::~EngineRuntime()
{
    stop();
}

void EngineRuntime::moveWholeOutbox()
{
    // One move takes a bounded number of entries; a stopped process may have left more.
    for (int pass = 0; pass < 10'000 && !m_writer->hasFailed(); ++pass) {
        m_writer->moveOutbox();
        if (!m_ledger->outboxMayHoldMore())
            break;
    }
}

QString EngineRuntime::configPath() const
{
    return m_dataDir + QStringLiteral("/config.json");
}

QString EngineRuntime::oracleSource() const
{
    return m_oracle ? m_config.oracleSource : OracleSourceName::None;
}

QString EngineRuntime::ledgerPath() const
{
    return m_dataDir + QStringLiteral("/ledger");
}

QString EngineRuntime::metricsPath() const
{
    return m_dataDir + QStringLiteral("/metrics.db");
}

void EngineRuntime::start()
{
    if (!m_host)
        return;
    if (m_notifier) {
        try {
            m_notifier->start();
            HeartbeatEngine *engine = m_host->engine();
            Notifier *notifier = m_notifier.get();
            // Direct: the slot only posts to the notifier's thread. A changed "notifications"
            // config reaches the notifier the same way, in the snapshot. Through the host's
            // relay, which follows a restarted engine and carries the watchdog's alerts.
            QObject::connect(m_host->snapshots(), &SnapshotRelay::snapshotChanged, notifier,
                             &Notifier::onSnapshot, Qt::DirectConnection);
            // The state restored from metrics.db (an open breaker, an emergency pause) before
            // the first tick.
            QMetaObject::invokeMethod(
                engine, [engine, notifier] { notifier->onSnapshot(engine->snapshot()); },
                Qt::BlockingQueuedConnection);
        } catch (const StoreError &e) {
            // The engine runs without notifications rather than not at all.
            qCCritical(lcEngine).noquote() << "notifications are off:" << e.message();
            m_notifier.reset();
        }
    }
    m_host->start();
    if (m_machines) {
        if (m_notifier) {
            // Direct: the slot only posts to the notifier's thread.
            QObject::connect(m_machines.get(), &MachineMonitor::transition, m_notifier.get(),
                             &Notifier::onMachineTransition, Qt::DirectConnection);
        }
        m_machines->start();
    }
}

void EngineRuntime::stop()
{
    if (m_host)
        m_host->stop();
    if (m_machines)
        m_machines->stop(); // its last machine_seen rows go out with the writer's flush
    if (m_notifier)
        m_notifier->stop(); // after the engine and the monitor: nothing can arrive any more
    if (m_writer) {
        moveWholeOutbox(); // what the last runs audited, before the writer goes
        m_writer->stop();
    }
}

} // namespace hb
