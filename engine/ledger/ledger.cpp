#include "ledger/ledger.h"

#include "core/clock.h"
#include "ledger/catalog.h"
#include "ledger/ledgerfile.h"
#include "ledger/ledgerlogging.h"
#include "ledger/migration.h"
#include "ledger/shardrouter.h"
#include "ledger/shardset.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMap>
#include <QScopeGuard>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <limits>
#include <cmath>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace hb {

namespace {

// Closed loans (liquidated, repaid) are final; outstanding ones may change to anything else.
bool allowedTransition(LoanStatus from, LoanStatus to)
{
    return isOutstanding(from) && from != to;
}

void validate(const Loan &loan)
{
    if (loan.id.isEmpty() || loan.pool.isEmpty())
        throw std::invalid_argument("Ledger: a loan needs an id and a pool");
    if (loan.principal < 0 || !std::isfinite(loan.collateralQuantity))
        throw std::invalid_argument("Ledger: a loan's principal must be >= 0 and its collateral "
                                    "quantity finite");
}

} // namespace

struct Ledger::Private
{
    QString directory;
    LedgerOptions options;
    std::shared_ptr<const Clock> clock;
    std::unique_ptr<Catalog> catalog;
    std::unique_ptr<ShardSet> shards;
    std::unique_ptr<ShardRouter> router;
    int virtualNodes = ShardRing::kDefaultVirtualNodes;

    std::mutex mutex;
    std::atomic<std::thread::id> visitorThread{};
    QString deadReason; // set after a crash or a failed recovery: every call refuses
    // refuseChanges(): every mutating call refuses. Its own lock, so refusing never waits for
    // a long call (a migration) to finish.
    std::mutex refusedMutex;
    QString refusedReason;

    // The audit outbox. Files are -1 (the catalog) or shard ids.
    static constexpr int kCatalogFile = -1;
    QHash<QString, int> claimed; // uid -> file, taken and not yet answered
    QSet<int> outboxDirty;       // files that may hold entries not yet taken

    // A mutating call: refused while changes are refused.
    std::unique_lock<std::mutex> lockForChange()
    {
        std::unique_lock<std::mutex> guard = lock();
        std::lock_guard refused(refusedMutex);
        if (!refusedReason.isEmpty())
            throw StoreError(refusedReason);
        return guard;
    }
    // After a commit that wrote an audit entry to `file`'s outbox (none for an empty note).
    void audited(int file, const AuditNote &note)
    {
        if (note.isEmpty())
            return;
        outboxDirty.insert(file);
        if (options.afterAuditedCommit)
            options.afterAuditedCommit(note.action);
    }
    const AuditNote *noteOrNull(const AuditNote &note) const
    {
        return note.isEmpty() ? nullptr : &note;
    }

    std::unique_lock<std::mutex> lock()
    {
        if (visitorThread.load() == std::this_thread::get_id())
            throw std::logic_error("Ledger called from inside a forEachLoan visitor; collect the "
                                   "ids and act after the scan");
        std::unique_lock<std::mutex> guard(mutex);
        if (!deadReason.isEmpty())
            throw StoreError(deadReason);
        return guard;
    }

    qint64 now() const { return clock->nowMs(); }
    QVector<int> ring() const { return router->ring().shards(); }
    // The shards a filter reads: the whole ring, or the one it names if the ring has it.
    QVector<int> shardsOf(const LoanFilter &filter) const
    {
        QVector<int> ids = ring();
        if (filter.shard)
            ids = ids.contains(*filter.shard) ? QVector<int>{*filter.shard} : QVector<int>{};
        return ids;
    }

    // One operation on one shard, through its circuit breaker.
    template<typename Op> auto onShard(int id, Op &&op) -> decltype(op(std::declval<Shard &>()))
    {
        Shard &shard = shards->at(id);
        return router->call(id, shard.path(), [&] { return op(shard); });
    }

    qint64 totalLoans()
    {
        qint64 total = 0;
        for (const int id : ring())
            total += onShard(id, [](Shard &s) { return s.loanCount(); });
        return total;
    }

    void open();
    void createRing();
    QVector<PoolTotals> derivePoolTotals(); // under the lock
};

void Ledger::Private::open()
{
    if (!QDir().mkpath(directory))
        throw StoreError(directory + u": " +
                         QCoreApplication::translate("hb::Ledger", "cannot create the folder"));
    const QString catalogPath = QDir(directory).filePath(Catalog::fileName());
    shards = std::make_unique<ShardSet>(directory);

    // Inspect every file before writing to any: a damaged one is refused with all untouched.
    // A -wal left next to a file means the last session did not close it (a crash or a power
    // cut); SQLite removes it on a clean close.
    const auto walLeft = [](const QString &path) {
        return QFileInfo::exists(path + QStringLiteral("-wal"));
    };
    bool unclean = walLeft(catalogPath);
    QVector<ShardEntry> listed;
    if (QFileInfo::exists(catalogPath)) {
        Catalog::inspect(catalogPath);
        listed = Catalog::peekShards(catalogPath);
    }
    for (const ShardEntry &entry : std::as_const(listed)) {
        if (shards->hasFile(entry.id)) {
            unclean = unclean || walLeft(shards->pathOf(entry.id));
            Shard::inspect(shards->pathOf(entry.id));
        }
    }

    catalog = std::make_unique<Catalog>(catalogPath);
    const QVector<ShardEntry> entries = catalog->shards();
    if (entries.isEmpty()) {
        createRing();
        return;
    }
    const std::optional<int> storedNodes = catalog->virtualNodes();
    if (!storedNodes)
        throw StoreError(
            catalogPath + u": " +
            QCoreApplication::translate("hb::Ledger", "ledger_meta has no 'virtual_nodes'"));
    virtualNodes = *storedNodes;
    if (virtualNodes != options.virtualNodes)
        qCInfo(lcLedger) << "keeping the ring's" << virtualNodes << "virtual nodes per shard"
                         << "(asked for" << options.virtualNodes << ")";
    QVector<int> inRing;
    for (const ShardEntry &entry : entries) {
        if (shards->hasFile(entry.id))
            shards->open(entry.id);
        else if (entry.inRing)
            throw ledgerfile::missingShard(shards->pathOf(entry.id));
        if (entry.inRing)
            inRing.append(entry.id);
    }
    ShardMigrator migrator(*catalog, *shards, *clock);
    const std::optional<ShardRing> recovered = migrator.recover(virtualNodes);
    const ShardRing ring = recovered ? *recovered : ShardRing(inRing, virtualNodes);
    if (unclean && !recovered) {
        // A migration's deletes are not forced to disk (see migration.cpp): after a power cut
        // a finished migration may have left stale copies behind. One scan finds them.
        const qint64 stale = migrator.reconcileAll(ring);
        qCInfo(lcLedger) << "checked placement after an unclean shutdown;" << stale
                         << "stale copies removed";
    }
    router = std::make_unique<ShardRouter>(*clock, ring, options.router);
    // Entries a stopped process left in the outboxes are taken first.
    outboxDirty.insert(kCatalogFile);
    for (const int id : ring.shards())
        outboxDirty.insert(id);
    qCInfo(lcLedger) << "opened" << directory << "with" << router->ring().size() << "shards";
}

void Ledger::Private::createRing()
{
    // Shard files without a catalog that lists them: if they hold loans, catalog.db was lost
    // or replaced, and starting afresh would hide those loans.
    const QStringList strays =
        QDir(directory).entryList({QStringLiteral("shard-*.db")}, QDir::Files, QDir::Name);
    for (const QString &name : strays) {
        const QString path = QDir(directory).filePath(name);
        Shard::inspect(path);
        const qint64 loans = ledgerfile::peekLoanCount(path);
        if (loans > 0)
            throw StoreError(path + u": " +
                             QCoreApplication::translate(
                                 "hb::Ledger", "holds %1 loans but catalog.db lists no shards; "
                                               "restore catalog.db or move the shard files "
                                               "away")
                                 .arg(loans));
    }
    const int count =
        std::clamp(options.initialShards, options.scaling.minShards, options.scaling.maxShards);
    QVector<int> ids;
    for (int id = 0; id < count; ++id)
        ids.append(id);
    shards->create(ids);
    virtualNodes = options.virtualNodes;
    catalog->initialize(ids, virtualNodes, now());
    router = std::make_unique<ShardRouter>(*clock, ShardRing(ids, virtualNodes), options.router);
    qCInfo(lcLedger) << "created a ledger in" << directory << "with" << count << "shards";
}

Ledger::Ledger(const QString &directory, LedgerOptions options)
    : d(std::make_unique<Private>())
{
    options.scaling.validate();
    if (options.virtualNodes < 1)
        throw std::invalid_argument("LedgerOptions: virtualNodes must be at least 1");
    d->directory = directory;
    d->clock = options.clock ? options.clock : std::make_shared<SystemClock>();
    d->options = std::move(options);
    d->open();
}

Ledger::~Ledger() = default;

QString Ledger::directory() const
{
    return d->directory;
}

QString Ledger::catalogPath() const
{
    return d->catalog->path();
}

void Ledger::insertLoans(const QVector<Loan> &loans, const AuditNote &note)
{
    const auto guard = d->lockForChange();
    std::map<int, QVector<Loan>> byShard;
    QSet<QString> ids;
    ids.reserve(loans.size());
    const ShardRing &ring = d->router->ring();
    for (const Loan &loan : loans) {
        validate(loan);
        const int owner = ring.ownerOf(loan.id);
        if (ids.contains(loan.id))
            throw LoanConflictError(
                d->shards->pathOf(owner) + u": " +
                QCoreApplication::translate("hb::Ledger", "loan '%1' appears twice in one insert")
                    .arg(loan.id));
        ids.insert(loan.id);
        byShard[owner].append(loan);
    }
    QVector<int> committed;
    QHash<int, QString> auditUids;
    try {
        for (const auto &[shard, group] : byShard) {
            auditUids.insert(shard, d->onShard(shard, [&](Shard &s) {
                return s.insert(group, d->noteOrNull(note));
            }));
            committed.append(shard);
            d->audited(shard, note);
        }
    } catch (...) {
        // All or nothing, short of a crash: take back what earlier shards committed, with the
        // audit entries that recorded them.
        for (const int shard : std::as_const(committed)) {
            QVector<QString> undo;
            for (const Loan &loan : byShard[shard])
                undo.append(loan.id);
            try {
                d->shards->at(shard).remove(undo, auditUids.value(shard));
            } catch (const std::exception &e) {
                qCWarning(lcLedger) << "could not take back" << undo.size() << "loans:" << e.what();
            }
        }
        throw;
    }
    QMap<QString, PoolTotals> deltas;
    for (const Loan &loan : loans) {
        if (!isOutstanding(loan.status))
            continue;
        PoolTotals &delta = deltas[loan.pool];
        delta.pool = loan.pool;
        delta.totalPrincipal += loan.principal;
        delta.activeLoans += 1;
    }
    if (!deltas.isEmpty())
        d->catalog->addToPoolTotals(deltas.values().toVector(), d->now());
}

std::optional<Loan> Ledger::loan(const QString &id)
{
    const auto guard = d->lock();
    const int shard = d->router->route(id);
    return d->onShard(shard, [&](Shard &s) { return s.find(id); });
}

StatusChange Ledger::updateLoanStatus(const QString &id, LoanStatus status, const AuditNote &note)
{
    const auto guard = d->lockForChange();
    const int shard = d->router->route(id);
    const qint64 now = d->now();
    const StatusChange change = d->onShard(shard, [&](Shard &s) {
        return s.updateStatus(id, status, now, allowedTransition, d->noteOrNull(note));
    });
    if (change.applied)
        d->audited(shard, note);
    if (change.applied && isOutstanding(change.before) != isOutstanding(change.after)) {
        const std::optional<Loan> loan = d->onShard(shard, [&](Shard &s) { return s.find(id); });
        if (loan) {
            const qint64 sign = isOutstanding(change.after) ? 1 : -1;
            d->catalog->addToPoolTotals({{loan->pool, sign * loan->principal, sign}}, now);
        }
    }
    return change;
}

qint64 Ledger::markOverdueLoans(const AuditNote &note)
{
    const auto guard = d->lockForChange();
    const qint64 now = d->now();
    qint64 changed = 0;
    for (const int id : d->ring()) {
        const qint64 marked =
            d->onShard(id, [&](Shard &s) { return s.markOverdue(now, d->noteOrNull(note)); });
        if (marked > 0)
            d->audited(id, note);
        changed += marked;
    }
    return changed;
}

qint64 Ledger::forEachLoan(const LoanFilter &filter, const std::function<bool(const Loan &)> &visit)
{
    const auto guard = d->lock();
    d->visitorThread.store(std::this_thread::get_id());
    const auto done = qScopeGuard([this] { d->visitorThread.store(std::thread::id()); });
    qint64 visited = 0;
    const auto counted = [&](const Loan &loan) {
        ++visited;
        return visit(loan);
    };
    for (const int id : d->shardsOf(filter)) {
        if (!d->onShard(id, [&](Shard &s) { return s.forEach(filter, counted); }))
            break;
    }
    return visited;
}

LoanCounts Ledger::countLoans(const LoanFilter &filter)
{
    const auto guard = d->lock();
    LoanCounts counts;
    for (const int id : d->shardsOf(filter)) {
        const LoanCounts part = d->onShard(id, [&](Shard &s) { return s.count(filter); });
        counts.total += part.total;
        for (size_t i = 0; i < counts.byStatus.size(); ++i)
            counts.byStatus[i] += part.byStatus[i];
    }
    return counts;
}

LoanChecksum Ledger::checksum()
{
    const auto guard = d->lock();
    LoanChecksum sum;
    for (const int id : d->ring())
        d->onShard(id, [&](Shard &s) {
            s.forEach({}, [&](const Loan &loan) {
                sum.add(loan);
                return true;
            });
        });
    return sum;
}

int Ledger::shardCount()
{
    const auto guard = d->lock();
    return d->router->ring().size();
}

QVector<int> Ledger::shardIds()
{
    const auto guard = d->lock();
    QVector<int> ids = d->ring();
    std::sort(ids.begin(), ids.end());
    return ids;
}

QVector<ShardLoad> Ledger::shardLoads()
{
    const auto guard = d->lock();
    QVector<ShardLoad> loads;
    for (const int id : d->ring())
        loads.append({id, d->onShard(id, [](Shard &s) { return s.loanCount(); })});
    return loads;
}

int Ledger::shardOf(const QString &loanId)
{
    const auto guard = d->lock();
    return d->router->route(loanId);
}

int Ledger::targetShardCount(qint64 incoming)
{
    const auto guard = d->lock();
    return d->options.scaling.targetShards(d->totalLoans() + incoming, d->router->ring().size());
}

RebalanceReport Ledger::rebalance(qint64 incoming)
{
    const auto guard = d->lockForChange();
    QElapsedTimer timer;
    timer.start();
    RebalanceReport report;
    const ShardRing from = d->router->ring();
    report.loans = d->totalLoans();
    report.shardsBefore = from.size();
    const int target = d->options.scaling.targetShards(report.loans + incoming, from.size());
    report.shardsAfter = target;
    if (target == from.size())
        return report;

    // Grow with the lowest free ids, shrink by the highest: ids stay small and dense.
    QVector<int> members = from.shards();
    for (int id = 0; members.size() < target; ++id) {
        if (!from.contains(id))
            members.append(id);
    }
    std::sort(members.begin(), members.end());
    members.resize(target);
    const ShardRing to(members, d->virtualNodes);

    ShardMigrator migrator(*d->catalog, *d->shards, *d->clock, d->options.crashAt);
    try {
        report.movedLoans =
            migrator.migrate(from, to, [this](const ShardRing &ring) { d->router->setRing(ring); });
    } catch (const SimulatedCrash &) {
        d->deadReason =
            d->catalog->path() + u": " +
            QCoreApplication::translate("hb::Ledger", "stopped during a migration; reopen the "
                                                      "ledger to recover");
        throw;
    } catch (const std::exception &e) {
        const StoreError error = ledgerfile::failure(
            d->catalog->path(), QCoreApplication::translate("hb::Ledger", "migration failed"), e);
        try {
            const std::optional<ShardRing> ring = migrator.recover(d->virtualNodes);
            if (ring)
                d->router->setRing(*ring);
        } catch (const std::exception &again) {
            d->deadReason =
                error.message() + u"; " +
                QCoreApplication::translate("hb::Ledger", "undoing it failed too (%1); reopen "
                                                          "the ledger to recover")
                    .arg(ledgerfile::messageOf(again));
            throw StoreError(d->deadReason);
        }
        throw error;
    }
    report.migrated = true;
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

QVector<ShardBreakerStatus> Ledger::shardBreakers()
{
    const auto guard = d->lock();
    return d->router->breakers();
}

qint64 Ledger::migrationCount()
{
    const auto guard = d->lock();
    return d->catalog->migrationCount();
}

QVector<PoolTotals> Ledger::storedPoolTotals()
{
    const auto guard = d->lock();
    return d->catalog->poolTotals();
}

QVector<PoolTotals> Ledger::derivedPoolTotals()
{
    const auto guard = d->lock();
    return d->derivePoolTotals();
}

QVector<PoolTotals> Ledger::Private::derivePoolTotals()
{
    Ledger::Private *d = this;
    QMap<QString, PoolTotals> totals;
    for (const PoolTotals &stored : d->catalog->poolTotals())
        totals.insert(stored.pool, {stored.pool, 0, 0});
    for (const int id : d->ring()) {
        const QHash<QString, PoolTotals> part =
            d->onShard(id, [](Shard &s) { return s.outstandingByPool(); });
        for (const PoolTotals &p : part) {
            PoolTotals &t = totals[p.pool];
            t.pool = p.pool;
            t.totalPrincipal += p.totalPrincipal;
            t.activeLoans += p.activeLoans;
        }
    }
    return totals.values().toVector();
}

void Ledger::setStoredPoolTotals(const QVector<PoolTotals> &totals)
{
    const auto guard = d->lockForChange();
    d->catalog->setPoolTotals(totals, d->now());
}

QVector<PoolCorrection> Ledger::correctPoolTotals(const AuditNote &note)
{
    const auto guard = d->lockForChange();
    const QVector<PoolCorrection> corrections =
        d->catalog->correctPoolTotals(d->derivePoolTotals(), d->now(), d->noteOrNull(note));
    if (!corrections.isEmpty())
        d->audited(Private::kCatalogFile, note);
    return corrections;
}

QVector<PriceQuote> Ledger::prices()
{
    const auto guard = d->lock();
    return d->catalog->prices();
}

std::optional<PriceQuote> Ledger::price(Commodity commodity)
{
    const auto guard = d->lock();
    for (const PriceQuote &quote : d->catalog->prices()) {
        if (quote.commodity == commodity)
            return quote;
    }
    return std::nullopt;
}

void Ledger::setPrice(const PriceQuote &quote, const AuditNote &note)
{
    if (!std::isfinite(quote.price) || quote.price <= 0.0)
        throw std::invalid_argument("Ledger::setPrice: a price must be finite and positive");
    const auto guard = d->lockForChange();
    d->catalog->setPrice(quote, d->noteOrNull(note));
    d->audited(Private::kCatalogFile, note);
}

Balances Ledger::balances()
{
    const auto guard = d->lock();
    return d->catalog->balances();
}

void Ledger::setBalances(const Balances &balances, const AuditNote &note)
{
    const auto guard = d->lockForChange();
    d->catalog->setBalances(balances, d->now(), d->noteOrNull(note));
    d->audited(Private::kCatalogFile, note);
}

BalanceChange Ledger::transferTreasuryToCycles(qint64 amount, const AuditNote &note)
{
    const auto guard = d->lockForChange();
    const BalanceChange change =
        d->catalog->transferTreasuryToCycles(amount, d->now(), d->noteOrNull(note));
    if (change.applied)
        d->audited(Private::kCatalogFile, note);
    return change;
}

BalanceChange Ledger::burnCycles(qint64 amount, const AuditNote &note)
{
    const auto guard = d->lockForChange();
    const BalanceChange change = d->catalog->burnCycles(amount, d->now(), d->noteOrNull(note));
    if (change.applied)
        d->audited(Private::kCatalogFile, note);
    return change;
}

BalanceChange Ledger::creditTreasury(qint64 amount, const AuditNote &note)
{
    const auto guard = d->lockForChange();
    const BalanceChange change =
        d->catalog->creditTreasury(amount, d->now(), d->noteOrNull(note));
    if (change.applied)
        d->audited(Private::kCatalogFile, note);
    return change;
}

QVector<AuditEntry> Ledger::takeOutbox(int limit)
{
    const auto guard = d->lock();
    QVector<AuditEntry> taken;
    QSet<QString> seen; // a row adopted by the catalog may still be in its shard too
    const QList<int> files = d->outboxDirty.values();
    // A file that cannot be read fails the take; nothing of it stays claimed.
    auto undo = qScopeGuard([&] {
        for (const AuditEntry &entry : std::as_const(taken))
            d->claimed.remove(entry.uid);
        for (const int file : files)
            d->outboxDirty.insert(file);
    });
    for (const int file : files) {
        if (taken.size() >= limit)
            break;
        Shard *shard = file == Private::kCatalogFile ? nullptr : d->shards->find(file);
        if (file != Private::kCatalogFile && !shard) {
            d->outboxDirty.remove(file); // retired: its entries went to the catalog
            d->outboxDirty.insert(Private::kCatalogFile);
            continue;
        }
        // Claimed rows are read again until acknowledged: ask for enough to get past them.
        const int want = int(std::min<qint64>(qint64(limit - taken.size()) + d->claimed.size(),
                                              std::numeric_limits<int>::max()));
        const QVector<AuditEntry> rows = shard ? shard->outbox(want) : d->catalog->outbox(want);
        for (const AuditEntry &entry : rows) {
            if (taken.size() >= limit)
                break;
            if (d->claimed.contains(entry.uid) || seen.contains(entry.uid))
                continue;
            seen.insert(entry.uid);
            d->claimed.insert(entry.uid, file);
            taken.append(entry);
        }
        if (rows.size() < want && taken.size() < limit)
            d->outboxDirty.remove(file);
    }
    undo.dismiss();
    return taken;
}

void Ledger::acknowledgeOutbox(const QStringList &uids)
{
    const auto guard = d->lock();
    QHash<int, QStringList> byFile;
    for (const QString &uid : uids) {
        // Unknown (answered twice): wherever it was, only the catalog may still hold a copy.
        const auto claim = d->claimed.constFind(uid);
        int file = claim == d->claimed.cend() ? Private::kCatalogFile : claim.value();
        if (claim != d->claimed.cend())
            d->claimed.erase(claim);
        // A shard retired since the take handed its entries to the catalog.
        if (file != Private::kCatalogFile && !d->shards->find(file))
            file = Private::kCatalogFile;
        byFile[file].append(uid);
    }
    for (auto it = byFile.cbegin(); it != byFile.cend(); ++it) {
        try {
            if (it.key() == Private::kCatalogFile)
                d->catalog->removeFromOutbox(it.value());
            else
                d->shards->at(it.key()).removeFromOutbox(it.value());
        } catch (...) {
            // Still in the file: taken again (and stored once) rather than forgotten.
            for (auto rest = it; rest != byFile.cend(); ++rest)
                d->outboxDirty.insert(rest.key());
            throw;
        }
    }
}

void Ledger::releaseOutbox(const QStringList &uids)
{
    const auto guard = d->lock();
    for (const QString &uid : uids) {
        const auto it = d->claimed.constFind(uid);
        if (it == d->claimed.cend())
            continue;
        d->outboxDirty.insert(it.value());
        d->claimed.erase(it);
    }
}

bool Ledger::outboxMayHoldMore()
{
    const auto guard = d->lock();
    return !d->outboxDirty.isEmpty();
}

QHash<QString, qint64> Ledger::catalogChangeCounts()
{
    const auto guard = d->lock();
    return d->catalog->changeCounts();
}

void Ledger::refuseChanges(const QString &reason)
{
    std::lock_guard guard(d->refusedMutex);
    d->refusedReason = reason.isEmpty() ? QStringLiteral("ledger changes refused") : reason;
}

void Ledger::allowChanges()
{
    std::lock_guard guard(d->refusedMutex);
    d->refusedReason.clear();
}

qint64 Ledger::diskBytes()
{
    const auto guard = d->lock();
    return d->catalog->bytesOnDisk() + d->shards->bytesOnDisk();
}

} // namespace hb
