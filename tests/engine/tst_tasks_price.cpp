// The price update task end to end: a real engine (on the test thread, ticked by hand), a real
// ledger, the HTTP oracle that makeOracle(config) builds, and a local HTTP server serving
// malformed JSON. Five failed fetches in a row open the task's breaker; once the feed is good
// again the half-open trial writes the prices and closes it. Without a price source (oracle.source
// "none") both oracle tasks are skipped with the reason, and the breaker neither trips nor heals.

#include "engine.h"
#include "ledger/ledger.h"
#include "oracle/oraclefactory.h"
#include "oracle/oraclemonitor.h"
#include "oracle/pricedocument.h"
#include "recordfeed.h"
#include "snapshot.h"
#include "tasks/oraclemonitoringtask.h"
#include "tasks/priceupdatetask.h"
#include "testsupport.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QNetworkProxyFactory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

class TestPriceUpdateBreaker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void malformedFeedOpensTheBreakerAndAGoodOneClosesIt();
    void noPriceSourceIsSkippedAndLeavesTheBreakerAlone();
    void halfOpenTrialWithoutASourceLeavesTheNextTickFree();
    void oracleMonitoringWithoutASourceRaisesNoAlert();

private:
    QHttpServer m_http;
    quint16 m_port = 0;
    std::atomic_bool m_malformed{true};
    std::shared_ptr<FakeClock> m_clock = std::make_shared<FakeClock>(1'750'000'000'000);
};

void TestPriceUpdateBreaker::initTestCase()
{
    // A proxy from the environment (CI) must not stand between the oracle and 127.0.0.1.
    QNetworkProxyFactory::setUseSystemConfiguration(false);
    m_http.route(u"/prices"_s, [this] {
        if (m_malformed)
            return QHttpServerResponse("application/json", R"({"prices": [{"commodity": "rice", )");
        const qint64 now = m_clock->nowMs();
        return QHttpServerResponse("application/json",
                                   priceDocument({{u"rice"_s, 14'500, now, u"bapanas"_s},
                                                  {u"corn"_s, 6'100, now, u"bapanas"_s},
                                                  {u"wheat"_s, 9'300, now, u"bapanas"_s}}));
    });
    m_port = m_http.listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestPriceUpdateBreaker::malformedFeedOpensTheBreakerAndAGoodOneClosesIt()
{
    QTemporaryDir dir;
    LedgerOptions ledgerOptions;
    ledgerOptions.clock = m_clock;
    auto ledger = std::make_shared<Ledger>(dir.filePath(u"ledger"_s), ledgerOptions);
    const qint64 stale = m_clock->nowMs() - 2 * 86'400'000;
    ledger->setPrice({Commodity::Rice, 14'000, stale, u"old"_s});

    HeartbeatConfig config;
    config.tickIntervalMs = 60'000; // ticked by hand
    config.taskTimeoutMs = 5'000;
    config.oracleSource = OracleSourceName::Http;
    config.oracleUrl = u"http://127.0.0.1:%1/prices"_s.arg(m_port);
    config.oracleTimeoutMs = 2'000;
    QString error;
    std::shared_ptr<OracleSource> oracle = makeOracle(config, m_clock, &error);
    QVERIFY2(oracle, qPrintable(error));
    auto monitor = std::make_shared<OracleMonitor>();

    EngineOptions options;
    options.clock = m_clock;
    options.config = config;
    options.tasks = {std::make_shared<PriceUpdateTask>(ledger, oracle, monitor)};
    HeartbeatEngine engine(std::move(options));
    RecordFeed feed;
    engine.addRecordFeed(&feed);
    QVector<ExecutionRecord> records;
    connect(&feed, &RecordFeed::recordsArrived, this,
            [&](const RecordBatch &batch) { records += batch.executions; });

    // The server answers from this thread's event loop while the fetch blocks a pool thread.
    const auto tick = [&]() -> ExecutionRecord {
        QSignalSpy finished(&engine, &HeartbeatEngine::tickFinished);
        engine.tickNow();
        if (finished.isEmpty() && !finished.wait(10'000))
            return {};
        QCoreApplication::processEvents();
        return records.isEmpty() ? ExecutionRecord{} : records.constLast();
    };
    const auto breaker = [&] { return engine.snapshot()->breakers.constFirst(); };

    for (int i = 1; i <= 5; ++i) {
        const ExecutionRecord r = tick();
        QCOMPARE(r.outcome, Outcome::Failure);
        // Names what it tried to price and why it could not.
        QVERIFY2(r.error.contains(u"rice") && r.error.contains(u"corn")
                     && r.error.contains(u"wheat"),
                 qPrintable(r.error));
        QVERIFY2(r.error.contains(u"JSON", Qt::CaseInsensitive), qPrintable(r.error));
        QCOMPARE(breaker().state, i < 5 ? BreakerState::Closed : BreakerState::Open);
    }
    QCOMPARE(ledger->price(Commodity::Rice)->price, 14'000.0); // nothing written
    QVERIFY(!ledger->price(Commodity::Corn));
    QCOMPARE(monitor->stats(m_clock->nowMs()).windowFailures, 5);

    // Open: skipped without a fetch.
    QCOMPARE(tick().outcome, Outcome::Skipped);
    QCOMPARE(monitor->stats(m_clock->nowMs()).fetches, 5);

    // The feed recovers; after the breaker timeout the half-open trial writes the prices.
    m_malformed = false;
    m_clock->advance(config.breakerTimeoutMs);
    const ExecutionRecord trial = tick();
    QCOMPARE(trial.outcome, Outcome::Success);
    QCOMPARE(trial.items, 3);
    QCOMPARE(breaker().state, BreakerState::Closed);
    QCOMPARE(ledger->price(Commodity::Rice)->price, 14'500.0);
    QCOMPARE(ledger->price(Commodity::Wheat)->source, u"bapanas"_s);
    // Fresh now: the next tick has nothing to fetch.
    QCOMPARE(tick().items, 0);
    QCOMPARE(monitor->stats(m_clock->nowMs()).fetches, 6);
}

namespace {

// An engine on the test thread, ticked by hand, as EngineRuntime builds it for a directory whose
// config names no price source: the builtin tasks get no oracle.
struct NoSourceRig
{
    std::shared_ptr<FakeClock> clock;
    QTemporaryDir dir;
    std::shared_ptr<Ledger> ledger;
    std::shared_ptr<OracleMonitor> monitor = std::make_shared<OracleMonitor>();
    std::unique_ptr<HeartbeatEngine> engine;
    RecordFeed feed;
    QVector<ExecutionRecord> records;

    NoSourceRig(std::shared_ptr<FakeClock> fakeClock, const QStringList &tasks,
                PersistedState state = {})
        : clock(std::move(fakeClock))
    {
        LedgerOptions ledgerOptions;
        ledgerOptions.clock = clock;
        ledger = std::make_shared<Ledger>(dir.filePath(u"ledger"_s), ledgerOptions);
        HeartbeatConfig config; // oracle.source "none", as outside the demo
        config.tickIntervalMs = 60'000;
        TaskEnvironment environment;
        environment.ledger = ledger;
        environment.oracleMonitor = monitor; // and no oracle
        const TaskRegistry builtin = TaskRegistry::builtin();
        EngineOptions options;
        options.clock = clock;
        options.config = config;
        options.state = std::move(state);
        for (const auto &task : builtin.create(environment)) {
            if (tasks.contains(task->name()))
                options.tasks.push_back(task);
        }
        engine = std::make_unique<HeartbeatEngine>(std::move(options));
        engine->addRecordFeed(&feed);
        QObject::connect(&feed, &RecordFeed::recordsArrived, &feed,
                         [this](const RecordBatch &batch) { records += batch.executions; });
    }

    // One tick; its record of `task`.
    ExecutionRecord tick(const QString &task)
    {
        QSignalSpy finished(engine.get(), &HeartbeatEngine::tickFinished);
        engine->tickNow();
        if (finished.isEmpty() && !finished.wait(10'000))
            return {};
        QCoreApplication::processEvents();
        for (auto it = records.crbegin(); it != records.crend(); ++it) {
            if (it->task == task)
                return *it;
        }
        return {};
    }
    BreakerStatus breaker(const QString &task)
    {
        for (const BreakerStatus &b : engine->snapshot()->breakers) {
            if (b.task == task)
                return b;
        }
        return {};
    }
};

} // namespace

void TestPriceUpdateBreaker::noPriceSourceIsSkippedAndLeavesTheBreakerAlone()
{
    // Three failures from an earlier feed: a success would clear them, a failure add to them.
    PersistedState state;
    BreakerStatus earlier;
    earlier.task = TaskName::PriceUpdate;
    earlier.failureCount = 3;
    earlier.lastFailureMs = m_clock->nowMs() - 60'000;
    state.breakers.append(earlier);
    NoSourceRig rig(m_clock, {TaskName::PriceUpdate}, state);
    const qint64 stale = m_clock->nowMs() - 2 * 86'400'000;
    rig.ledger->setPrice({Commodity::Rice, 14'000, stale, u"old"_s});

    // More ticks than the breaker's threshold: a failing run would have opened it.
    for (int i = 0; i < 7; ++i) {
        const ExecutionRecord r = rig.tick(TaskName::PriceUpdate);
        QCOMPARE(r.outcome, Outcome::Skipped);
        QCOMPARE(r.error, u"no price source configured"_s);
        const BreakerStatus b = rig.breaker(TaskName::PriceUpdate);
        QCOMPARE(b.state, BreakerState::Closed);
        QCOMPARE(b.failureCount, 3);
        m_clock->advance(60'000);
    }
    const EngineState s = *rig.engine->snapshot();
    QCOMPARE(s.metrics.failedExecutions, qint64(0));
    QCOMPARE(s.metrics.successfulExecutions, qint64(0));
    QVERIFY(s.activeAlerts.isEmpty());
    // The task list says why it does not run.
    QCOMPARE(s.tasks.constFirst().lastOutcome, Outcome::Skipped);
    QCOMPARE(s.tasks.constFirst().lastError, u"no price source configured"_s);
    // Nothing was fetched or written; the banner's view: not configured, not down.
    QCOMPARE(rig.monitor->stats(m_clock->nowMs()).fetches, qint64(0));
    QCOMPARE(rig.ledger->price(Commodity::Rice)->price, 14'000.0);
    QCOMPARE(rig.ledger->price(Commodity::Rice)->updatedAtMs, stale);
    QCOMPARE(OracleHealth::evaluate(s).status, OracleHealth::Status::NotConfigured);
}

void TestPriceUpdateBreaker::halfOpenTrialWithoutASourceLeavesTheNextTickFree()
{
    // The breaker an earlier feed opened; its timeout has passed, so the next tick is its trial.
    PersistedState state;
    BreakerStatus open;
    open.task = TaskName::PriceUpdate;
    open.state = BreakerState::Open;
    open.failureCount = 5;
    open.openedAtMs = m_clock->nowMs() - 600'000;
    open.lastFailureMs = open.openedAtMs;
    state.breakers.append(open);
    NoSourceRig rig(m_clock, {TaskName::PriceUpdate}, state);

    // The skipped trial proves nothing: the breaker neither closes nor opens again, and the next
    // tick may try again instead of waiting for a result that never comes.
    for (int i = 0; i < 3; ++i) {
        const ExecutionRecord r = rig.tick(TaskName::PriceUpdate);
        QCOMPARE(r.outcome, Outcome::Skipped);
        QCOMPARE(r.error, u"no price source configured"_s);
        QCOMPARE(rig.breaker(TaskName::PriceUpdate).state, BreakerState::HalfOpen);
        QCOMPARE(rig.breaker(TaskName::PriceUpdate).failureCount, 5);
        m_clock->advance(1'000);
    }
}

void TestPriceUpdateBreaker::oracleMonitoringWithoutASourceRaisesNoAlert()
{
    NoSourceRig rig(m_clock, {TaskName::OracleMonitoring});
    // Even a reading left from some earlier feed, three days old, is no "stale prices" warning:
    // there is no feed to be stale.
    OracleResult old;
    old.quotes.append({u"rice"_s, 12'000, m_clock->nowMs() - 3 * 86'400'000, u"test"_s});
    rig.monitor->record(old, m_clock->nowMs());

    const ExecutionRecord r = rig.tick(TaskName::OracleMonitoring);
    QCOMPARE(r.outcome, Outcome::Skipped);
    QCOMPARE(r.error, u"no price source configured"_s);
    const EngineState s = *rig.engine->snapshot();
    QVERIFY2(s.activeAlerts.isEmpty(), qPrintable(s.activeAlerts.value(0).message));
    QVERIFY(!s.gauges.contains(u"oracle.freshness_ms"_s));
    QCOMPARE(rig.breaker(TaskName::OracleMonitoring).failureCount, 0);
    QCOMPARE(OracleHealth::evaluate(s).status, OracleHealth::Status::NotConfigured);
}

QTEST_GUILESS_MAIN(TestPriceUpdateBreaker)
#include "tst_tasks_price.moc"
