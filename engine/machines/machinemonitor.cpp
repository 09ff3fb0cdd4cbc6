#include "machines/machinemonitor.h"

#include "core/clock.h"
#include "core/savefile.h"
#include "core/sharedjsonfile.h"
#include "machines/machineregistry.h"
#include "store/metricsreader.h"
#include "store/metricswriter.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <limits>
#include <mutex>

namespace hb {

namespace {

Q_LOGGING_CATEGORY(lcMachines, "hb.machines", QtInfoMsg)

constexpr int ReloadIntervalMs = 1'000;     // machines.json, machine_seen, a clock that jumped
constexpr int ChangedIntervalMs = 250;      // machinesChanged() at most 4 times a second
constexpr qint64 LongestWaitMs = 3'600'000; // a far deadline is re-armed hourly (QTimer is int)

// The stored words of a removed machine (machine_events.to_state): not a MachineState, since a
// removed machine has no state at all any more.
const QString RemovedState = QStringLiteral("removed");

QString reportJson(const MachineReport &report)
{
    QJsonObject o;
    const auto number = [&o](const char *key, double value) {
        if (!std::isnan(value))
            o.insert(QLatin1String(key), value);
    };
    number("cpu", report.cpu);
    number("memory", report.memory);
    number("disk", report.disk);
    number("uptime", report.uptimeS);
    if (!report.version.isEmpty())
        o.insert(u"version", report.version);
    if (!report.note.isEmpty())
        o.insert(u"note", report.note);
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

MachineReport reportFromJson(const QString &text)
{
    MachineReport report;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    const auto number = [&o](const char *key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? v.toDouble() : std::nan("");
    };
    report.cpu = number("cpu");
    report.memory = number("memory");
    report.disk = number("disk");
    report.uptimeS = number("uptime");
    report.version = o.value(u"version").toString();
    report.note = o.value(u"note").toString();
    return report;
}

std::optional<PingKind> pingKindFromName(const QString &name)
{
    for (PingKind kind : {PingKind::Heartbeat, PingKind::Start, PingKind::Fail}) {
        if (pingKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace

struct MachineMonitor::Private
{
    struct Machine
    {
        MachineInfo info;
        QByteArray tokenHash;
        bool seenDirty = false; // machine_seen is behind
        bool restored = false;  // from machine_seen, not yet judged
        qint64 deadline() const { return info.lastSeenMs + info.offlineAfterMs; }
    };

    MachineMonitor *q = nullptr;
    QString dataDir;
    QString metricsPath;
    MetricsWriter *writer = nullptr;
    std::shared_ptr<const Clock> clock;

    // Shared with ping() and machines() on other threads.
    mutable std::mutex mutex;
    QHash<QString, Machine> machines;
    QVector<MachineTransition> pendingTransitions; // made by ping(), written by the thread
    std::atomic_bool wakePosted{false};
    std::atomic_bool changedPosted{false};

    // The monitor's thread only.
    std::unique_ptr<QThread> thread;
    QObject *worker = nullptr; // lives on `thread`; parent of the timers; set under `mutex`
    QTimer *reloadTimer = nullptr;
    QTimer *deadlineTimer = nullptr;
    QTimer *changedTimer = nullptr;
    std::unique_ptr<MachineRegistry> registry;
    QString lastRegistryError;
    bool started = false;

    // Runs `work` on the monitor's thread and waits for it.
    void runOnThread(const std::function<void()> &work)
    {
        if (thread && thread->isRunning())
            QMetaObject::invokeMethod(worker, work, Qt::BlockingQueuedConnection);
        else
            work();
    }

    // Under the mutex: `m` moves to `to`; the transition is returned for writing and emitting.
    MachineTransition move(Machine &m, MachineState to, qint64 nowMs, qint64 sinceMs,
                           const QString &reason)
    {
        MachineTransition t{m.info.name, m.info.state, to, nowMs, m.info.lastSeenMs, reason};
        m.info.state = to;
        m.info.stateSinceMs = sinceMs;
        m.info.downSinceMs = to == MachineState::Down ? sinceMs : 0;
        m.seenDirty = true;
        return t;
    }

    // Under the mutex: what a machine that is judged (not paused) is, from its last heartbeat.
    std::optional<MachineTransition> judge(Machine &m, qint64 nowMs, const QString &context)
    {
        if (m.info.state == MachineState::Paused)
            return std::nullopt;
        // A clock that went back: the last heartbeat cannot be in the future, or the machine
        // would be judged late by as much as the clock jumped.
        if (m.info.lastSeenMs > nowMs)
            m.info.lastSeenMs = nowMs;
        MachineState to = MachineState::New;
        if (m.info.lastSeenMs > 0) {
            const bool quiet = nowMs >= m.deadline() || m.info.lastKind == PingKind::Fail;
            to = quiet ? MachineState::Down : MachineState::Up;
        }
        if (to == m.info.state)
            return std::nullopt;
        const QString window = MachineRegistry::durationText(m.info.offlineAfterMs);
        const bool failed = m.info.lastKind == PingKind::Fail;
        const QString what = to == MachineState::Up ? u"heartbeat within " + window
                             : failed               ? QStringLiteral("fail ping")
                                                    : u"no heartbeat for " + window;
        // Down since its deadline passed, which may be before now (an engine that was stopped).
        const qint64 since =
            to == MachineState::Down && !failed ? std::min(nowMs, m.deadline()) : nowMs;
        return move(m, to, nowMs, since, context.isEmpty() ? what : context + u": " + what);
    }

    void restore();
    void reload();
    void judgeAll();
    void rearm();
    void publish(QVector<MachineTransition> transitions, QVector<MachineEventRecord> removals);
    void flushSeen();
    void changed();
};

// ---- the monitor's thread -------------------------------------------------------------------

void MachineMonitor::Private::restore()
{
    // Each machine as the last run left it: a machine that went quiet while no engine ran is
    // judged on its last heartbeat now.
    QHash<QString, MachineSeenRecord> seen;
    if (QFileInfo::exists(metricsPath)) {
        try {
            MetricsReader reader(metricsPath);
            for (const MachineSeenRecord &row : reader.machineSeen())
                seen.insert(row.machine, row);
        } catch (const StoreError &e) {
            qCWarning(lcMachines).noquote() << e.message() << "(machines start as new)";
        }
    }
    {
        std::lock_guard lock(mutex);
        for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
            Machine m;
            m.info.name = it.key();
            m.info.state = machineStateFromName(it->state).value_or(MachineState::New);
            m.info.stateSinceMs = it->stateSinceMs;
            m.info.downSinceMs = m.info.state == MachineState::Down ? it->stateSinceMs : 0;
            m.info.lastSeenMs = it->lastSeenMs;
            m.info.lastKind = pingKindFromName(it->lastKind).value_or(PingKind::Heartbeat);
            m.info.lastReport = reportFromJson(it->lastReport);
            if (m.info.lastSeenMs > 0)
                m.info.recent.append({m.info.lastSeenMs, m.info.lastKind});
            m.restored = true;
            machines.insert(m.info.name, m);
        }
    }
    // Until the registry is read, a restored machine has no offline_after: reload() sets it
    // (or removes the machine) before anything is judged.
    reload();
}

void MachineMonitor::Private::reload()
{
    QString error;
    if (!registry->reloadIfChanged(&error)) {
        if (error != lastRegistryError)
            qCWarning(lcMachines).noquote() << error << "(keeping the machines read before)";
        lastRegistryError = error;
    } else {
        lastRegistryError.clear();
    }
    const QVector<MachineEntry> entries = registry->list();
    const QHash<QString, QByteArray> hashes = registry->tokenHashes();
    const qint64 now = clock->nowMs();

    QVector<MachineTransition> transitions;
    QVector<MachineEventRecord> removals;
    bool anyChange = false;
    {
        std::lock_guard lock(mutex);
        QSet<QString> listed;
        for (const MachineEntry &e : entries) {
            listed.insert(e.name);
            auto it = machines.find(e.name);
            const bool fresh = it == machines.end();
            if (fresh) {
                Machine m;
                m.info.name = e.name;
                m.info.stateSinceMs = e.createdAtMs;
                m.seenDirty = true;
                it = machines.insert(e.name, m);
            }
            Machine &m = *it;
            // A restored machine is judged once it has its offline_after (just below).
            const bool restored = std::exchange(m.restored, false);
            anyChange = anyChange || fresh || restored ||
                        m.info.offlineAfterMs != e.offlineAfterMs ||
                        m.tokenHash != hashes.value(e.name) ||
                        (m.info.state == MachineState::Paused) != e.paused;
            m.info.createdMs = e.createdAtMs;
            m.info.offlineAfterMs = e.offlineAfterMs;
            m.tokenHash = hashes.value(e.name);
            if (e.paused && m.info.state != MachineState::Paused) {
                transitions.append(
                    move(m, MachineState::Paused, now, now, QStringLiteral("paused")));
            } else if (!e.paused && m.info.state == MachineState::Paused) {
                // Resumed: judged from its last heartbeat, or new if it never sent one.
                m.info.state = MachineState::New;
                MachineTransition t{m.info.name, MachineState::Paused, MachineState::New,
                                    now,         m.info.lastSeenMs,    QStringLiteral("resumed")};
                if (const auto judged = judge(m, now, QStringLiteral("resumed")))
                    t = MachineTransition{t.machine, t.from,       judged->to,
                                          now,       t.lastSeenMs, judged->reason};
                else
                    m.info.stateSinceMs = now;
                m.seenDirty = true;
                transitions.append(t);
            } else if (restored) {
                if (const auto judged = judge(m, now, QStringLiteral("judged at start")))
                    transitions.append(*judged);
            }
        }
        for (auto it = machines.begin(); it != machines.end();) {
            if (listed.contains(it.key())) {
                ++it;
                continue;
            }
            removals.append({now, it.key(), machineStateName(it->info.state), RemovedState,
                             it->info.lastSeenMs, QStringLiteral("removed")});
            it = machines.erase(it);
        }
    }
    if (anyChange || !removals.isEmpty())
        changed();
    publish(std::move(transitions), std::move(removals));
}

void MachineMonitor::Private::judgeAll()
{
    const qint64 now = clock->nowMs();
    QVector<MachineTransition> transitions;
    {
        std::lock_guard lock(mutex);
        transitions.swap(pendingTransitions);
        wakePosted = false;
        for (Machine &m : machines) {
            // Only an up machine goes down here; a down one comes up by a heartbeat only.
            if (m.info.state == MachineState::Up) {
                if (const auto t = judge(m, now, QString()))
                    transitions.append(*t);
            } else if (m.info.lastSeenMs > now) {
                m.info.lastSeenMs = now; // the clock went back (see judge())
                m.seenDirty = true;
            }
        }
    }
    publish(std::move(transitions), {});
}

void MachineMonitor::Private::rearm()
{
    const qint64 now = clock->nowMs();
    qint64 earliest = std::numeric_limits<qint64>::max();
    {
        std::lock_guard lock(mutex);
        for (const Machine &m : std::as_const(machines)) {
            if (m.info.state == MachineState::Up)
                earliest = std::min(earliest, m.deadline());
        }
    }
    if (earliest == std::numeric_limits<qint64>::max()) {
        deadlineTimer->stop();
        return;
    }
    // Never negative (a clock that went back), never past QTimer's range.
    deadlineTimer->start(int(std::clamp<qint64>(earliest - now, 0, LongestWaitMs)));
}

void MachineMonitor::Private::publish(QVector<MachineTransition> transitions,
                                      QVector<MachineEventRecord> removals)
{
    if (!transitions.isEmpty() || !removals.isEmpty()) {
        WriteBatch batch;
        for (const MachineTransition &t : std::as_const(transitions)) {
            batch.machineEvents.append({t.atMs, t.machine, machineStateName(t.from),
                                        machineStateName(t.to), t.lastSeenMs, t.reason});
            qCInfo(lcMachines).noquote()
                << "machine" << t.machine << machineStateName(t.from) << "->"
                << machineStateName(t.to) << "(" << t.reason << ")";
        }
        for (const MachineEventRecord &r : std::as_const(removals)) {
            batch.machineEvents.append(r);
            batch.machineSeen.append({r.machine, {}, 0, 0, {}, {}, true});
            qCInfo(lcMachines).noquote() << "machine" << r.machine << "removed";
        }
        if (writer)
            writer->submit(std::move(batch));
        flushSeen(); // the new states with the rows that say how they came
        for (const MachineTransition &t : std::as_const(transitions))
            Q_EMIT q->transition(t);
        changed();
    }
    rearm();
}

void MachineMonitor::Private::flushSeen()
{
    WriteBatch batch;
    {
        std::lock_guard lock(mutex);
        for (Machine &m : machines) {
            if (!m.seenDirty)
                continue;
            m.seenDirty = false;
            const bool heard = m.info.lastSeenMs > 0;
            batch.machineSeen.append({m.info.name, machineStateName(m.info.state),
                                      m.info.stateSinceMs, m.info.lastSeenMs,
                                      heard ? pingKindName(m.info.lastKind) : QString(),
                                      heard ? reportJson(m.info.lastReport) : QString(), false});
        }
    }
    if (writer && !batch.isEmpty())
        writer->submit(std::move(batch));
}

void MachineMonitor::Private::changed()
{
    if (!changedTimer->isActive())
        changedTimer->start();
}

// ---- the owner's thread ---------------------------------------------------------------------

MachineMonitor::MachineMonitor(QString dataDir, QString metricsPath, MetricsWriter *writer,
                               std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<hb::MachineTransition>();
    d->q = this;
    d->dataDir = std::move(dataDir);
    d->metricsPath = std::move(metricsPath);
    d->writer = writer;
    d->clock = clock ? std::move(clock) : std::make_shared<SystemClock>();
    d->registry = std::make_unique<MachineRegistry>(d->dataDir);
}

MachineMonitor::~MachineMonitor()
{
    stop();
}

void MachineMonitor::start()
{
    if (d->started)
        return;
    d->started = true;
    d->thread = std::make_unique<QThread>();
    d->thread->setObjectName(QStringLiteral("hb-machines"));
    {
        std::lock_guard lock(d->mutex);
        d->worker = new QObject;
    }
    d->reloadTimer = new QTimer(d->worker);
    d->reloadTimer->setInterval(ReloadIntervalMs);
    d->deadlineTimer = new QTimer(d->worker);
    d->deadlineTimer->setSingleShot(true);
    d->deadlineTimer->setTimerType(Qt::PreciseTimer);
    d->changedTimer = new QTimer(d->worker);
    d->changedTimer->setSingleShot(true);
    d->changedTimer->setInterval(ChangedIntervalMs);
    Private *p = d.get();
    // Every second: the registry, the seen times, and a wall clock that jumped forward (a
    // QTimer runs on the monotonic clock and would not see it).
    connect(d->reloadTimer, &QTimer::timeout, d->worker, [p] {
        p->reload();
        p->judgeAll();
        p->flushSeen();
    });
    connect(d->deadlineTimer, &QTimer::timeout, d->worker, [p] { p->judgeAll(); });
    connect(d->changedTimer, &QTimer::timeout, d->worker, [p] {
        p->changedPosted = false;
        Q_EMIT p->q->machinesChanged();
    });
    d->worker->moveToThread(d->thread.get());
    d->thread->start();
    d->runOnThread([p] {
        p->restore();
        p->reloadTimer->start();
    });
}

void MachineMonitor::stop()
{
    if (!d->started)
        return;
    d->started = false;
    Private *p = d.get();
    d->runOnThread([p] {
        p->judgeAll();
        p->flushSeen();
        p->reloadTimer->stop();
        p->deadlineTimer->stop();
        p->changedTimer->stop();
    });
    d->thread->quit();
    d->thread->wait();
    QObject *worker = nullptr;
    {
        std::lock_guard lock(d->mutex);
        std::swap(worker, d->worker);
    }
    delete worker;
    d->thread.reset();
}

MachineMonitor::PingResult MachineMonitor::ping(const QString &machine, const QByteArray &token,
                                                PingKind kind, const MachineReport &report)
{
    const QByteArray presented = SharedJsonFile::sha256(token);
    const qint64 now = d->clock->nowMs();
    bool wake = false;
    {
        std::lock_guard lock(d->mutex);
        const auto it = d->machines.find(machine);
        if (it == d->machines.end())
            return PingResult::UnknownMachine;
        Private::Machine &m = *it;
        if (token.isEmpty() || !constantTimeEquals(presented, m.tokenHash))
            return PingResult::BadToken;
        m.info.lastSeenMs = now;
        m.info.lastKind = kind;
        m.info.lastReport = report;
        if (m.info.recent.size() >= MachineInfo::RecentPings)
            m.info.recent.removeFirst();
        m.info.recent.append({now, kind});
        m.seenDirty = true;
        if (m.info.state != MachineState::Paused) {
            const MachineState to = kind == PingKind::Fail ? MachineState::Down : MachineState::Up;
            if (to != m.info.state) {
                const QString reason = kind == PingKind::Fail ? QStringLiteral("fail ping")
                                       : m.info.state == MachineState::New
                                           ? QStringLiteral("first heartbeat")
                                           : QStringLiteral("heartbeat");
                d->pendingTransitions.append(d->move(m, to, now, now, reason));
                wake = !d->wakePosted.exchange(true);
            }
        }
        // Posted under the lock: stop() clears `worker` under it before deleting it.
        Private *p = d.get();
        if (wake && d->worker)
            QMetaObject::invokeMethod(
                d->worker, [p] { p->judgeAll(); }, Qt::QueuedConnection);
        else if (!d->changedPosted.exchange(true) && d->worker)
            QMetaObject::invokeMethod(
                d->worker, [p] { p->changed(); }, Qt::QueuedConnection);
    }
    return PingResult::Accepted;
}

QVector<MachineInfo> MachineMonitor::machines() const
{
    QVector<MachineInfo> out;
    {
        std::lock_guard lock(d->mutex);
        out.reserve(d->machines.size());
        for (const Private::Machine &m : std::as_const(d->machines))
            out.append(m.info);
    }
    std::sort(out.begin(), out.end(),
              [](const MachineInfo &a, const MachineInfo &b) { return a.name < b.name; });
    return out;
}

} // namespace hb
