// The price update task end to end: a real engine (on the test thread, ticked by hand), a real
// ledger, the HTTP oracle that makeOracle(config) builds, and a local HTTP server serving
// malformed JSON. Five failed fetches in a row open the task's breaker; once the feed is good
// again the half-open trial writes the prices and closes it.

#include "engine.h"
#include "ledger/ledger.h"
#include "oracle/oraclefactory.h"
#include "oracle/oraclemonitor.h"
#include "oracle/pricedocument.h"
#include "recordfeed.h"
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
    engine.setRecordFeed(&feed);
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

QTEST_GUILESS_MAIN(TestPriceUpdateBreaker)
#include "tst_tasks_price.moc"
