// The maintenance tasks one by one against a real ledger in a temp directory and a fake clock:
// what each changes, audits, samples and alerts, at every threshold (exactly at, one below, one
// above), dry runs, cancellation, and a missing dependency.

#include "ledger/ledger.h"
#include "oracle/oraclemonitor.h"
#include "oracle/oraclesource.h"
#include "store/metricsstore.h"
#include "tasks/autocleanuptask.h"
#include "tasks/autoliquidationtask.h"
#include "tasks/cyclesmonitoringtask.h"
#include "tasks/loanmonitoringtask.h"
#include "tasks/oraclemonitoringtask.h"
#include "tasks/poolmaintenancetask.h"
#include "tasks/priceupdatetask.h"
#include "tasks/shardbalancingtask.h"
#include "tasks/treasurymonitoringtask.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kNow = 1'750'000'000'000;

// A price source that answers what the test scripted and remembers what it was asked.
class ScriptedOracle final : public OracleSource
{
public:
    explicit ScriptedOracle(std::shared_ptr<const Clock> clock) : OracleSource(std::move(clock)) {}
    QString name() const override { return u"scripted"_s; }
    OracleResult fetch(const QStringList &commodities, const std::atomic_bool &) override
    {
        ++fetches;
        asked = commodities;
        referenceAtFetch = referencePrices();
        return answer;
    }
    OracleResult answer;
    int fetches = 0;
    QStringList asked;
    QHash<QString, double> referenceAtFetch;
};

// A ledger on a temp dir sharing the test's fake clock, and a way to run a task against it.
struct Rig
{
    QTemporaryDir dir;
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>(kNow);
    std::shared_ptr<Ledger> ledger;
    HeartbeatConfig config;
    std::atomic_bool cancelled{false};

    Rig()
    {
        LedgerOptions options;
        options.clock = clock;
        ledger = std::make_shared<Ledger>(dir.filePath(u"ledger"_s), options);
        config.cyclesCostPerItem = 0; // tests of burning turn it on
        ledger->setBalances({0, 3'000'000'000'000});
    }

    // The run's result, with what the engine ends up recording in `audit`: the run's own
    // entries and those its ledger changes committed to the outbox.
    TaskResult run(MaintenanceTask &task)
    {
        const TaskContext ctx{cancelled, *clock, config, 1};
        TaskResult result = task.run(ctx);
        const QVector<AuditEntry> moved = ledger->takeOutbox();
        QStringList uids;
        for (const AuditEntry &entry : moved)
            uids << entry.uid;
        ledger->acknowledgeOutbox(uids);
        result.audit += moved;
        return result;
    }

    Loan loan(const QString &id, qint64 dueMs, LoanStatus status = LoanStatus::Active,
              const QString &pool = u"pool-a"_s, qint64 principal = 100'000)
    {
        Loan l;
        l.id = id;
        l.borrower = u"BR-1"_s;
        l.pool = pool;
        l.principal = principal;
        l.collateral = Commodity::Rice;
        l.collateralQuantity = 10;
        l.createdMs = kNow - 100 * kDayMs;
        l.dueMs = dueMs;
        l.status = status;
        l.updatedMs = l.createdMs;
        return l;
    }
};

const Sample *findSample(const TaskResult &r, const QString &series)
{
    for (const Sample &s : r.samples) {
        if (s.series == series)
            return &s;
    }
    return nullptr;
}

QStringList alertKeys(const TaskResult &r)
{
    QStringList keys;
    for (const Alert &a : r.alerts)
        keys.append(a.key + u':' + severityName(a.severity));
    return keys;
}

QJsonObject detailOf(const AuditEntry &e)
{
    return QJsonDocument::fromJson(e.detail.toUtf8()).object();
}

} // namespace

Q_DECLARE_METATYPE(hb::LoanStatus)

class TestTasks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinRegistersTheTenTasksInOrder();
    void tasksWithoutTheirDependencyFailClearly();
    void loanMonitoringBoundaries_data();
    void loanMonitoringBoundaries();
    void cyclesMonitoringBoundaries_data();
    void cyclesMonitoringBoundaries();
    void treasuryTopUpBoundaries_data();
    void treasuryTopUpBoundaries();
    void treasuryThatCannotCoverRefusesAndAlerts();
    void autoLiquidationBoundaries_data();
    void autoLiquidationBoundaries();
    void autoLiquidationDryRunChangesNothing();
    void cancelledLiquidationStopsBeforeChanging();
    void poolMaintenanceCorrectsDriftOnce();
    void priceUpdateStaleness_data();
    void priceUpdateStaleness();
    void priceUpdateWritesGoodQuotesAndFailsNamingTheBadOne();
    void priceUpdateWholeFetchErrorWritesNothing();
    void oracleMonitoringThresholds_data();
    void oracleMonitoringThresholds();
    void shardBalancingScalesUpAndSamplesEveryShard();
    void tasksBurnCyclesForTheirWorkNotBelowZero();
    void autoCleanupCountsBeyondTheCapAndAsksTheWriter();
};

void TestTasks::builtinRegistersTheTenTasksInOrder()
{
    const TaskRegistry registry = TaskRegistry::builtin();
    QCOMPARE(registry.names(), TaskName::all());
    const auto tasks = registry.create(TaskEnvironment{});
    QCOMPARE(int(tasks.size()), 10);
    for (size_t i = 0; i < tasks.size(); ++i)
        QCOMPARE(tasks[i]->name(), TaskName::all().at(int(i)));
}

void TestTasks::tasksWithoutTheirDependencyFailClearly()
{
    HeartbeatConfig config;
    FakeClock clock(kNow);
    std::atomic_bool cancelled{false};
    const TaskContext ctx{cancelled, clock, config, 1};
    const QStringList needLedger{TaskName::PriceUpdate,     TaskName::LoanMonitoring,
                                 TaskName::CyclesMonitoring, TaskName::PoolMaintenance,
                                 TaskName::AutoLiquidation,  TaskName::TreasuryMonitoring,
                                 TaskName::ShardBalancing};
    for (const auto &task : TaskRegistry::builtin().create(TaskEnvironment{})) {
        const TaskResult r = task->run(ctx);
        if (needLedger.contains(task->name())) {
            QVERIFY2(!r.ok, qPrintable(task->name()));
            QVERIFY2(r.error.contains(u"no ledger"), qPrintable(r.error));
        } else if (task->name() == TaskName::OracleMonitoring) {
            QVERIFY(!r.ok);
            QVERIFY2(r.error.contains(u"no oracle monitor"), qPrintable(r.error));
        } else {
            QVERIFY2(r.ok, qPrintable(task->name() + u": " + r.error));
        }
    }
}

void TestTasks::loanMonitoringBoundaries_data()
{
    QTest::addColumn<qint64>("dueOffsetMs"); // due = now + offset
    QTest::addColumn<bool>("overdue");
    QTest::addColumn<bool>("candidate");
    const qint64 threshold = 45 * kDayMs;
    QTest::newRow("due in 1 ms") << qint64(1) << false << false;
    QTest::newRow("due exactly now") << qint64(0) << false << false;
    QTest::newRow("1 ms past due") << qint64(-1) << true << false;
    QTest::newRow("45 days - 1 ms past due") << -threshold + 1 << true << false;
    QTest::newRow("exactly 45 days past due") << -threshold << true << false;
    QTest::newRow("45 days + 1 ms past due") << -threshold - 1 << true << true;
}

void TestTasks::loanMonitoringBoundaries()
{
    QFETCH(qint64, dueOffsetMs);
    QFETCH(bool, overdue);
    QFETCH(bool, candidate);
    Rig rig;
    rig.ledger->insertLoans({rig.loan(u"L1"_s, kNow + dueOffsetMs),
                             rig.loan(u"L2"_s, kNow + 30 * kDayMs)});
    LoanMonitoringTask task(rig.ledger);
    const TaskResult r = rig.run(task);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.items, qint64(2));
    QCOMPARE(rig.ledger->loan(u"L1"_s)->status, overdue ? LoanStatus::Overdue : LoanStatus::Active);
    QCOMPARE(findSample(r, u"loans.active"_s)->value, overdue ? 1.0 : 2.0);
    QCOMPARE(findSample(r, u"loans.overdue"_s)->value, overdue ? 1.0 : 0.0);
    QCOMPARE(findSample(r, u"loans.candidates"_s)->value, candidate ? 1.0 : 0.0);
    // One audit entry for the run's status changes, none when nothing changed.
    QCOMPARE(r.audit.size(), overdue ? 1 : 0);
    if (overdue) {
        QCOMPARE(r.audit.first().action, u"loans_marked_overdue"_s);
        QCOMPARE(detailOf(r.audit.first()).value(u"count"_s).toInt(), 1);
    }
    // A second run has nothing more to mark.
    QCOMPARE(rig.run(task).audit.size(), 0);
}

void TestTasks::cyclesMonitoringBoundaries_data()
{
    QTest::addColumn<qint64>("cycles");
    QTest::addColumn<QStringList>("alerts");
    const qint64 alert = 1'000'000'000'000;
    const qint64 critical = 500'000'000'000;
    QTest::newRow("alert line + 1") << alert + 1 << QStringList{};
    QTest::newRow("exactly at the alert line") << alert << QStringList{};
    QTest::newRow("alert line - 1") << alert - 1 << QStringList{u"cycles_low:warning"_s};
    QTest::newRow("critical line + 1") << critical + 1 << QStringList{u"cycles_low:warning"_s};
    QTest::newRow("exactly at the critical line") << critical << QStringList{u"cycles_low:warning"_s};
    QTest::newRow("critical line - 1") << critical - 1 << QStringList{u"cycles_critical:critical"_s};
    QTest::newRow("empty") << qint64(0) << QStringList{u"cycles_critical:critical"_s};
}

void TestTasks::cyclesMonitoringBoundaries()
{
    QFETCH(qint64, cycles);
    QFETCH(QStringList, alerts);
    Rig rig;
    rig.ledger->setBalances({7, cycles});
    CyclesMonitoringTask task(rig.ledger);
    const TaskResult r = rig.run(task);
    QVERIFY(r.ok);
    QCOMPARE(alertKeys(r), alerts);
    QCOMPARE(findSample(r, u"cycles.balance"_s)->value, double(cycles));
    QCOMPARE(rig.ledger->balances(), (Balances{7, cycles})); // looks, never changes
}

void TestTasks::treasuryTopUpBoundaries_data()
{
    QTest::addColumn<qint64>("cycles");
    QTest::addColumn<bool>("topUp");
    const qint64 alert = 1'000'000'000'000;
    QTest::newRow("alert line + 1") << alert + 1 << false;
    QTest::newRow("exactly at the alert line") << alert << false;
    QTest::newRow("alert line - 1") << alert - 1 << true;
    QTest::newRow("empty") << qint64(0) << true;
}

void TestTasks::treasuryTopUpBoundaries()
{
    QFETCH(qint64, cycles);
    QFETCH(bool, topUp);
    Rig rig;
    const qint64 treasury = 10'000'000'000'000;
    rig.ledger->setBalances({treasury, cycles});
    TreasuryMonitoringTask task(rig.ledger);
    const TaskResult r = rig.run(task);
    QVERIFY(r.ok);
    QVERIFY(r.alerts.isEmpty());
    const qint64 target = rig.config.cyclesTopUpTarget;
    if (!topUp) {
        QCOMPARE(rig.ledger->balances(), (Balances{treasury, cycles}));
        QVERIFY(r.audit.isEmpty());
        return;
    }
    QCOMPARE(rig.ledger->balances(), (Balances{treasury - (target - cycles), target}));
    QCOMPARE(r.audit.size(), 1);
    QCOMPARE(r.audit.first().action, u"cycles_topped_up"_s);
    const QJsonObject detail = detailOf(r.audit.first());
    QCOMPARE(detail.value(u"before"_s).toObject().value(u"cycles"_s).toInteger(), cycles);
    QCOMPARE(detail.value(u"after"_s).toObject().value(u"cycles"_s).toInteger(), target);
    QCOMPARE(detail.value(u"after"_s).toObject().value(u"treasury"_s).toInteger(),
             treasury - (target - cycles));
}

void TestTasks::treasuryThatCannotCoverRefusesAndAlerts()
{
    Rig rig;
    const qint64 cycles = 400'000'000'000;
    const qint64 needed = rig.config.cyclesTopUpTarget - cycles;
    // One short of the top-up: refused, nothing changes, a critical alert.
    rig.ledger->setBalances({needed - 1, cycles});
    TreasuryMonitoringTask task(rig.ledger);
    TaskResult r = rig.run(task);
    QVERIFY(r.ok);
    QCOMPARE(rig.ledger->balances(), (Balances{needed - 1, cycles}));
    QVERIFY(r.audit.isEmpty());
    QCOMPARE(alertKeys(r), QStringList{u"treasury_insufficient:critical"_s});
    // Exactly enough: applied, treasury empty, no alert.
    rig.ledger->setBalances({needed, cycles});
    r = rig.run(task);
    QCOMPARE(rig.ledger->balances(), (Balances{0, rig.config.cyclesTopUpTarget}));
    QCOMPARE(r.audit.size(), 1);
    QVERIFY(r.alerts.isEmpty());
}

void TestTasks::autoLiquidationBoundaries_data()
{
    QTest::addColumn<qint64>("pastDueMs");
    QTest::addColumn<LoanStatus>("status");
    QTest::addColumn<bool>("liquidated");
    const qint64 threshold = 45 * kDayMs;
    QTest::newRow("45 days - 1 ms") << threshold - 1 << LoanStatus::Overdue << false;
    QTest::newRow("exactly 45 days") << threshold << LoanStatus::Overdue << false;
    QTest::newRow("45 days + 1 ms") << threshold + 1 << LoanStatus::Overdue << true;
    QTest::newRow("not yet marked overdue") << threshold + 1 << LoanStatus::Active << true;
    QTest::newRow("repaid long ago") << threshold + 1 << LoanStatus::Repaid << false;
}

void TestTasks::autoLiquidationBoundaries()
{
    QFETCH(qint64, pastDueMs);
    QFETCH(LoanStatus, status);
    QFETCH(bool, liquidated);
    Rig rig;
    rig.ledger->insertLoans({rig.loan(u"L1"_s, kNow - pastDueMs, status)});
    AutoLiquidationTask task(rig.ledger);
    const TaskResult r = rig.run(task);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(rig.ledger->loan(u"L1"_s)->status, liquidated ? LoanStatus::Liquidated : status);
    QCOMPARE(r.items, liquidated ? qint64(1) : qint64(0));
    QCOMPARE(r.audit.size(), liquidated ? 1 : 0);
    if (liquidated) {
        const QJsonObject detail = detailOf(r.audit.first());
        QCOMPARE(r.audit.first().action, u"loan_liquidated"_s);
        QCOMPARE(detail.value(u"loan"_s).toString(), u"L1"_s);
        QCOMPARE(detail.value(u"before"_s).toString(), loanStatusName(status));
        QCOMPARE(detail.value(u"after"_s).toString(), u"liquidated"_s);
        // Closing the loan lowered its pool's stored totals.
        QCOMPARE(rig.ledger->storedPoolTotals().first().activeLoans, qint64(0));
    }
}

void TestTasks::autoLiquidationDryRunChangesNothing()
{
    Rig rig;
    rig.config.liquidationDryRun = true;
    rig.ledger->insertLoans({rig.loan(u"L1"_s, kNow - 50 * kDayMs, LoanStatus::Overdue),
                             rig.loan(u"L2"_s, kNow - 60 * kDayMs, LoanStatus::Overdue),
                             rig.loan(u"L3"_s, kNow - 10 * kDayMs, LoanStatus::Overdue)});
    rig.ledger->setBalances({5, 3'000'000'000'000});
    rig.config.cyclesCostPerItem = 1'000;
    const LoanChecksum before = rig.ledger->checksum();
    const auto poolsBefore = rig.ledger->storedPoolTotals();
    AutoLiquidationTask task(rig.ledger);
    const TaskResult r = rig.run(task);
    QVERIFY(r.ok);
    QCOMPARE(r.items, qint64(2));
    QCOMPARE(rig.ledger->checksum(), before);
    QCOMPARE(rig.ledger->storedPoolTotals(), poolsBefore);
    QCOMPARE(rig.ledger->balances(), (Balances{5, 3'000'000'000'000})); // not even a burn
    QCOMPARE(r.audit.size(), 1);
    QCOMPARE(r.audit.first().action, u"liquidation_dry_run"_s);
    QStringList listed;
    for (const QJsonValue &v : detailOf(r.audit.first()).value(u"loans"_s).toArray())
        listed.append(v.toString());
    listed.sort();
    QCOMPARE(listed, (QStringList{u"L1"_s, u"L2"_s}));
}

void TestTasks::cancelledLiquidationStopsBeforeChanging()
{
    Rig rig;
    rig.ledger->insertLoans({rig.loan(u"L1"_s, kNow - 50 * kDayMs, LoanStatus::Overdue)});
    const LoanChecksum before = rig.ledger->checksum();
    rig.cancelled = true;
    AutoLiquidationTask task(rig.ledger);
    const TaskResult r = rig.run(task);
    QVERIFY(!r.ok);
    QVERIFY(r.error.contains(u"cancelled"));
    QCOMPARE(rig.ledger->checksum(), before);
}

void TestTasks::poolMaintenanceCorrectsDriftOnce()
{
    Rig rig;
    rig.ledger->insertLoans({rig.loan(u"A1"_s, kNow + kDayMs, LoanStatus::Active, u"pool-a"_s, 100),
                             rig.loan(u"A2"_s, kNow + kDayMs, LoanStatus::Active, u"pool-a"_s, 200),
                             rig.loan(u"B1"_s, kNow + kDayMs, LoanStatus::Active, u"pool-b"_s, 50)});
    rig.ledger->setStoredPoolTotals({{u"pool-a"_s, 999, 7}});
    PoolMaintenanceTask task(rig.ledger);
    TaskResult r = rig.run(task);
    QVERIFY(r.ok);
    QCOMPARE(r.audit.size(), 1); // pool-b had not drifted
    const QJsonObject detail = detailOf(r.audit.first());
    QCOMPARE(r.audit.first().action, u"pool_corrected"_s);
    QCOMPARE(detail.value(u"pool"_s).toString(), u"pool-a"_s);
    QCOMPARE(detail.value(u"before"_s).toObject().value(u"total_principal"_s).toInteger(), 999);
    QCOMPARE(detail.value(u"before"_s).toObject().value(u"active_loans"_s).toInteger(), 7);
    QCOMPARE(detail.value(u"after"_s).toObject().value(u"total_principal"_s).toInteger(), 300);
    QCOMPARE(detail.value(u"after"_s).toObject().value(u"active_loans"_s).toInteger(), 2);
    QCOMPARE(rig.ledger->storedPoolTotals(), rig.ledger->derivedPoolTotals());
    r = rig.run(task);
    QVERIFY(r.audit.isEmpty());
}

void TestTasks::priceUpdateStaleness_data()
{
    QTest::addColumn<qint64>("ageMs");
    QTest::addColumn<bool>("fetched");
    const qint64 maxAge = 86'400'000;
    QTest::newRow("max age - 1 ms") << maxAge - 1 << false;
    QTest::newRow("exactly max age") << maxAge << false;
    QTest::newRow("max age + 1 ms") << maxAge + 1 << true;
}

void TestTasks::priceUpdateStaleness()
{
    QFETCH(qint64, ageMs);
    QFETCH(bool, fetched);
    Rig rig;
    rig.ledger->setPrice({Commodity::Rice, 14'000, kNow - ageMs, u"old"_s});
    rig.ledger->setPrice({Commodity::Corn, 6'000, kNow, u"old"_s});
    rig.ledger->setPrice({Commodity::Wheat, 9'000, kNow, u"old"_s});
    auto oracle = std::make_shared<ScriptedOracle>(rig.clock);
    oracle->answer.quotes = {{u"rice"_s, 14'200, kNow - 5, u"bapanas"_s}};
    auto monitor = std::make_shared<OracleMonitor>();
    PriceUpdateTask task(rig.ledger, oracle, monitor);
    const TaskResult r = rig.run(task);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(oracle->fetches, fetched ? 1 : 0);
    QCOMPARE(monitor->stats(kNow).fetches, fetched ? 1 : 0);
    if (!fetched) {
        QCOMPARE(rig.ledger->price(Commodity::Rice)->price, 14'000.0);
        return;
    }
    QCOMPARE(oracle->asked, QStringList{u"rice"_s});
    // The ledger's prices are the oracle's reference for the jump rule.
    QCOMPARE(oracle->referenceAtFetch.value(u"corn"_s), 6'000.0);
    QCOMPARE(oracle->referenceAtFetch.value(u"rice"_s), 14'000.0);
    const PriceQuote rice = *rig.ledger->price(Commodity::Rice);
    QCOMPARE(rice.price, 14'200.0);
    QCOMPARE(rice.updatedAtMs, kNow - 5);
    QCOMPARE(rice.source, u"bapanas"_s);
    QCOMPARE(r.audit.size(), 1);
    const QJsonObject detail = detailOf(r.audit.first());
    QCOMPARE(detail.value(u"before"_s).toDouble(), 14'000.0);
    QCOMPARE(detail.value(u"after"_s).toDouble(), 14'200.0);
}

void TestTasks::priceUpdateWritesGoodQuotesAndFailsNamingTheBadOne()
{
    Rig rig; // no prices at all: every commodity is due
    auto oracle = std::make_shared<ScriptedOracle>(rig.clock);
    oracle->answer.quotes = {{u"rice"_s, 14'200, kNow, u"x"_s}, {u"wheat"_s, 9'100, kNow, u"x"_s}};
    oracle->answer.errors = {{u"corn"_s, u"corn: price -3 is not positive"_s}};
    auto monitor = std::make_shared<OracleMonitor>();
    PriceUpdateTask task(rig.ledger, oracle, monitor);
    const TaskResult r = rig.run(task);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(u"corn: price -3 is not positive"), qPrintable(r.error));
    QCOMPARE(oracle->asked, (QStringList{u"rice"_s, u"corn"_s, u"wheat"_s}));
    QVERIFY(!rig.ledger->price(Commodity::Corn));
    QCOMPARE(rig.ledger->price(Commodity::Rice)->price, 14'200.0);
    QCOMPARE(rig.ledger->price(Commodity::Wheat)->price, 9'100.0);
    QCOMPARE(r.audit.size(), 2); // the written prices are audited even though the run failed
    QCOMPARE(monitor->stats(kNow).windowFailures, 1);
}

void TestTasks::priceUpdateWholeFetchErrorWritesNothing()
{
    Rig rig;
    rig.ledger->setPrice({Commodity::Rice, 14'000, kNow - 2 * kDayMs, u"old"_s});
    auto oracle = std::make_shared<ScriptedOracle>(rig.clock);
    oracle->answer = OracleResult::failure(u"malformed JSON at offset 3"_s);
    auto monitor = std::make_shared<OracleMonitor>();
    PriceUpdateTask task(rig.ledger, oracle, monitor);
    const TaskResult r = rig.run(task);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(u"rice") && r.error.contains(u"malformed JSON"), qPrintable(r.error));
    QCOMPARE(rig.ledger->price(Commodity::Rice)->price, 14'000.0);
    QVERIFY(!rig.ledger->price(Commodity::Corn));
    QVERIFY(r.audit.isEmpty());
    QCOMPARE(monitor->stats(kNow).lastError, u"malformed JSON at offset 3"_s);
}

void TestTasks::oracleMonitoringThresholds_data()
{
    // `fetches` fetches; `failures` of them fail. Latency of each fetch; age of the newest quote.
    QTest::addColumn<int>("fetches");
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("latencyMs");
    QTest::addColumn<qint64>("quoteAgeMs");
    QTest::addColumn<QStringList>("alerts");
    const qint64 stale = 172'800'000;
    const QStringList none;
    QTest::newRow("healthy") << 8 << 0 << qint64(100) << qint64(1000) << none;
    // max_error_rate 0.25: 2 of 8 is exactly at it.
    QTest::newRow("error rate below the line") << 8 << 1 << qint64(100) << qint64(0) << none;
    QTest::newRow("error rate exactly at the line") << 8 << 2 << qint64(100) << qint64(0) << none;
    QTest::newRow("error rate above the line")
        << 8 << 3 << qint64(100) << qint64(0) << QStringList{u"oracle_error_rate:warning"_s};
    // Too few fetches to call it a rate (kMinFetchesForRate = 5): 4 of 4 failing, no alert.
    QTest::newRow("4 fetches, all failed") << 4 << 4 << qint64(100) << qint64(-1) << none;
    QTest::newRow("5 fetches, all failed")
        << 5 << 5 << qint64(100) << qint64(-1) << QStringList{u"oracle_error_rate:warning"_s};
    QTest::newRow("latency exactly at the line") << 8 << 0 << qint64(2000) << qint64(0) << none;
    QTest::newRow("latency 1 ms above the line")
        << 8 << 0 << qint64(2001) << qint64(0) << QStringList{u"oracle_slow:warning"_s};
    QTest::newRow("latency 1 ms below the line") << 8 << 0 << qint64(1999) << qint64(0) << none;
    QTest::newRow("quote exactly stale_after old") << 8 << 0 << qint64(100) << stale << none;
    QTest::newRow("quote stale_after - 1 ms old") << 8 << 0 << qint64(100) << stale - 1 << none;
    QTest::newRow("quote stale_after + 1 ms old")
        << 8 << 0 << qint64(100) << stale + 1 << QStringList{u"oracle_stale:warning"_s};
}

void TestTasks::oracleMonitoringThresholds()
{
    QFETCH(int, fetches);
    QFETCH(int, failures);
    QFETCH(qint64, latencyMs);
    QFETCH(qint64, quoteAgeMs);
    QFETCH(QStringList, alerts);
    Rig rig;
    auto monitor = std::make_shared<OracleMonitor>();
    const qint64 quoteMs = kNow - quoteAgeMs;
    for (int i = 0; i < fetches; ++i) {
        OracleResult r = i < failures ? OracleResult::failure(u"down"_s) : OracleResult{};
        if (i >= failures)
            r.quotes = {{u"rice"_s, 14'000, quoteMs, u"x"_s}};
        r.latencyMs = latencyMs;
        monitor->record(r, kNow - 10);
    }
    OracleMonitoringTask task(monitor);
    const TaskResult r = rig.run(task);
    QVERIFY(r.ok);
    QCOMPARE(alertKeys(r), alerts);
    QCOMPARE(findSample(r, u"oracle.error_rate"_s)->value, double(failures) / fetches);
    QCOMPARE(findSample(r, u"oracle.latency_ms"_s)->value, double(latencyMs));
    const Sample *freshness = findSample(r, u"oracle.freshness_ms"_s);
    if (quoteAgeMs < 0)
        QVERIFY(!freshness); // no quote yet: no age to report
    else
        QCOMPARE(freshness->value, double(quoteAgeMs));
}

void TestTasks::shardBalancingScalesUpAndSamplesEveryShard()
{
    Rig rig;
    QVector<Loan> loans;
    for (int i = 0; i < 1700; ++i)
        loans.append(rig.loan(u"L%1"_s.arg(i), kNow + kDayMs));
    rig.ledger->insertLoans(loans); // 2 shards of 1000: 85 % > 80 %
    QCOMPARE(rig.ledger->shardCount(), 2);
    ShardBalancingTask task(rig.ledger);
    TaskResult r = rig.run(task);
    QVERIFY2(r.ok, qPrintable(r.error));
    const int shards = rig.ledger->shardCount();
    QVERIFY(shards > 2);
    QCOMPARE(r.audit.size(), 1);
    QCOMPARE(r.audit.first().action, u"shards_scaled_up"_s);
    QCOMPARE(detailOf(r.audit.first()).value(u"after"_s).toInt(), shards);
    QCOMPARE(findSample(r, u"shard.count"_s)->value, double(shards));
    double total = 0;
    for (const ShardLoad &load : rig.ledger->shardLoads()) {
        const Sample *s = findSample(r, u"shard.load.%1"_s.arg(load.shard, 4, 10, QLatin1Char('0')));
        QVERIFY(s);
        total += s->value;
    }
    QCOMPARE(total, 1700.0);
    // Balanced now: nothing more to do, nothing audited.
    r = rig.run(task);
    QVERIFY(r.audit.isEmpty());
    QCOMPARE(rig.ledger->shardCount(), shards);
}

void TestTasks::tasksBurnCyclesForTheirWorkNotBelowZero()
{
    Rig rig;
    rig.ledger->insertLoans({rig.loan(u"L1"_s, kNow + kDayMs), rig.loan(u"L2"_s, kNow + kDayMs)});
    rig.config.cyclesCostPerItem = 1'000;
    rig.ledger->setBalances({0, 10'000});
    LoanMonitoringTask task(rig.ledger);
    QVERIFY(rig.run(task).ok);
    QCOMPARE(rig.ledger->balances().cycles, qint64(10'000 - 2 * 1'000));
    // A burn larger than the balance takes what is left, never below 0.
    rig.config.cyclesCostPerItem = 1'000'000;
    QVERIFY(rig.run(task).ok);
    QCOMPARE(rig.ledger->balances().cycles, qint64(0));
    QVERIFY(rig.run(task).ok);
    QCOMPARE(rig.ledger->balances().cycles, qint64(0));
}

void TestTasks::autoCleanupCountsBeyondTheCapAndAsksTheWriter()
{
    Rig rig;
    const QString path = rig.dir.filePath(u"metrics.db"_s);
    {
        MetricsStore store(path);
        WriteBatch batch;
        for (int i = 0; i < 130; ++i)
            batch.audit.append({kNow - 1000 + i, u"alice"_s, u"pause"_s, QString()});
        const qint64 oldTick = kNow - 15 * kDayMs;
        batch.ticks = {{1, oldTick, 10, 1, 1, 0, TickSkipReason::None},
                       {2, kNow - kDayMs, 10, 1, 1, 0, TickSkipReason::None}};
        batch.executions = {{1, TaskName::AutoCleanup, oldTick, 5, Outcome::Success, 1, QString()},
                            {2, TaskName::AutoCleanup, kNow - kDayMs, 5, Outcome::Success, 1, QString()}};
        store.write(batch);
    }
    rig.config.auditLogCap = 100;
    AutoCleanupTask task(path);
    const TaskResult r = rig.run(task);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.auditLogCap, std::optional<qint64>(100));
    QCOMPARE(findSample(r, u"cleanup.audit_excess"_s)->value, 30.0);
    QCOMPARE(findSample(r, u"cleanup.raw_expired"_s)->value, 2.0); // one tick, one execution
    QCOMPARE(r.items, qint64(32));

    // Exactly at the cap nothing is due; a cap one lower makes one row due.
    rig.config.auditLogCap = 130;
    QCOMPARE(findSample(rig.run(task), u"cleanup.audit_excess"_s)->value, 0.0);
    rig.config.auditLogCap = 129;
    QCOMPARE(findSample(rig.run(task), u"cleanup.audit_excess"_s)->value, 1.0);

    // A missing file is nothing to clean, not an error.
    AutoCleanupTask missing(rig.dir.filePath(u"none.db"_s));
    QVERIFY(rig.run(missing).ok);
}

QTEST_GUILESS_MAIN(TestTasks)
#include "tst_tasks.moc"
