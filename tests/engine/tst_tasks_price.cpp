// The price update task end to end: a real engine (on the test thread, ticked by hand), a real
// ledger, the HTTP oracle that makeOracle(config) builds, and a local HTTP server serving
// malformed JSON. Five failed fetches in a row open the task's breaker; once the feed is good
// again the half-open trial writes the prices and closes it. Without a price source (oracle.source
// "none") both oracle tasks are skipped with the reason, and the breaker neither trips nor heals.
// The task's own fallbacks: "alternative" (a second source, HTTP or file, answers what the first
// could not) and "default_value" (the last known prices carried forward, audited and alerted).

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

#include <QDateTime>
#include <QFile>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    void alternativeSourceAnswersWhenThePrimaryIsDown();
    void alternativeFileAnswersWhatThePrimaryCouldNotPrice();
    void alternativeAndPrimaryBothDownFailNamingBoth();
    void defaultValueCarriesTheLastPricesForward();
    void defaultValueWithoutALastPriceFails();
    void fallbackWaitsForTheLastRetry();

private:
    QString url(const QString &path) const
    {
        return u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path);
    }

    QHttpServer m_http;
    quint16 m_port = 0;
    std::atomic_bool m_malformed{true};
    std::atomic_bool m_down{true};
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
    // The first source of the fallback tests: down (503) until a test brings it back.
    m_http.route(u"/flaky"_s, [this] {
        if (m_down)
            return QHttpServerResponse(QHttpServerResponse::StatusCode::ServiceUnavailable);
        const qint64 now = m_clock->nowMs();
        return QHttpServerResponse("application/json",
                                   priceDocument({{u"rice"_s, 14'700, now, u"bapanas"_s},
                                                  {u"corn"_s, 6'150, now, u"bapanas"_s},
                                                  {u"wheat"_s, 9'350, now, u"bapanas"_s}}));
    });
    // Prices rice only: corn and wheat are "no price in the response".
    m_http.route(u"/rice-only"_s, [this] {
        return QHttpServerResponse(
            "application/json",
            priceDocument({{u"rice"_s, 14'600, m_clock->nowMs(), u"bapanas"_s}}));
    });
    // The second source.
    m_http.route(u"/backup"_s, [this] {
        const qint64 now = m_clock->nowMs();
        return QHttpServerResponse("application/json",
                                   priceDocument({{u"rice"_s, 15'000, now, u"backup"_s},
                                                  {u"corn"_s, 6'200, now, u"backup"_s},
                                                  {u"wheat"_s, 9'400, now, u"backup"_s}}));
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

namespace {

// One price update task in an engine on the test thread, ticked by hand, with the fallback and
// the two sources a test asks for (built by makeOracle and makeFallbackOracle from `config`).
struct FallbackRig
{
    std::shared_ptr<FakeClock> clock;
    QTemporaryDir dir;
    std::shared_ptr<Ledger> ledger;
    std::shared_ptr<OracleMonitor> monitor = std::make_shared<OracleMonitor>();
    std::unique_ptr<HeartbeatEngine> engine;
    RecordFeed feed;
    QVector<ExecutionRecord> records;
    QString error; // why a source could not be built

    FallbackRig(std::shared_ptr<FakeClock> fakeClock, HeartbeatConfig config,
                TaskSchedule::Fallback fallback, int retries = 0)
        : clock(std::move(fakeClock))
    {
        LedgerOptions ledgerOptions;
        ledgerOptions.clock = clock;
        ledger = std::make_shared<Ledger>(dir.filePath(u"ledger"_s), ledgerOptions);
        config.tickIntervalMs = 60'000; // ticked by hand
        config.taskTimeoutMs = 10'000;
        config.oracleTimeoutMs = 3'000;
        TaskSchedule schedule;
        schedule.fallback = fallback;
        schedule.retries = retries;
        schedule.retryBaseMs = 10;
        schedule.retryMaxMs = 20;
        config.schedules.insert(TaskName::PriceUpdate, schedule);
        std::shared_ptr<OracleSource> primary = makeOracle(config, clock, &error);
        std::shared_ptr<OracleSource> second = makeFallbackOracle(config, clock, &error);
        EngineOptions options;
        options.clock = clock;
        options.config = config;
        options.oracleSource = config.oracleSource; // as EngineRuntime says it, for the banner
        options.tasks = {std::make_shared<PriceUpdateTask>(ledger, primary, monitor, second)};
        engine = std::make_unique<HeartbeatEngine>(std::move(options));
        engine->addRecordFeed(&feed);
        QObject::connect(&feed, &RecordFeed::recordsArrived, &feed,
                         [this](const RecordBatch &batch) { records += batch.executions; });
    }

    // The server answers from this thread's event loop while the fetch blocks a pool thread.
    ExecutionRecord tick()
    {
        QSignalSpy finished(engine.get(), &HeartbeatEngine::tickFinished);
        engine->tickNow();
        if (finished.isEmpty() && !finished.wait(20'000))
            return {};
        QCoreApplication::processEvents();
        return records.isEmpty() ? ExecutionRecord{} : records.constLast();
    }
    EngineState state() const { return *engine->snapshot(); }
    QVector<AuditEntry> audit(const QString &action) const
    {
        QVector<AuditEntry> found;
        for (const AuditEntry &e : state().recentAudit) {
            if (e.action == action)
                found.append(e);
        }
        return found;
    }
    std::optional<Alert> alert(const QString &source, const QString &key) const
    {
        for (const Alert &a : state().activeAlerts) {
            if (a.source == source && a.key == key)
                return a;
        }
        return std::nullopt;
    }
    // Every commodity priced two days ago: stale, so each tick fetches.
    void seedStalePrices()
    {
        const qint64 old = clock->nowMs() - 2 * 86'400'000;
        ledger->setPrice({Commodity::Rice, 14'000, old, u"old"_s});
        ledger->setPrice({Commodity::Corn, 6'000, old, u"old"_s});
        ledger->setPrice({Commodity::Wheat, 9'000, old, u"old"_s});
    }
};

} // namespace

void TestPriceUpdateBreaker::alternativeSourceAnswersWhenThePrimaryIsDown()
{
    HeartbeatConfig config;
    config.oracleSource = OracleSourceName::Http;
    config.oracleUrl = url(u"/flaky"_s);
    config.oracleFallbackSource = OracleSourceName::Http;
    config.oracleFallbackUrl = url(u"/backup"_s);
    m_down = true;
    FallbackRig rig(m_clock, config, TaskSchedule::Fallback::Alternative);
    QVERIFY2(rig.error.isEmpty(), qPrintable(rig.error));
    rig.seedStalePrices();

    const ExecutionRecord r = rig.tick();
    QCOMPARE(r.outcome, Outcome::Success);
    QCOMPARE(r.items, 3);
    QCOMPARE(rig.ledger->price(Commodity::Rice)->price, 15'000.0);
    QCOMPARE(rig.ledger->price(Commodity::Wheat)->source, u"backup"_s);
    QCOMPARE(rig.state().breakers.constFirst().failureCount, 0);
    // The audit says the second source answered, and why the first did not.
    const QVector<AuditEntry> notes = rig.audit(u"price_source_fallback"_s);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.constFirst().actor, u"heartbeat:price_update"_s);
    for (const QString &part : {url(u"/flaky"_s), url(u"/backup"_s), u"503"_s})
        QVERIFY2(notes.constFirst().detail.contains(part), qPrintable(notes.constFirst().detail));
    // The monitor still sees the first source down: a healthy backup must not hide it.
    QCOMPARE(rig.monitor->stats(m_clock->nowMs()).windowFailures, 1);
    QVERIFY(rig.state().activeAlerts.isEmpty());
}

// With retries, the first source is tried again before the second is asked: every attempt but
// the last fails on the first source alone.
void TestPriceUpdateBreaker::fallbackWaitsForTheLastRetry()
{
    HeartbeatConfig config;
    config.oracleSource = OracleSourceName::Http;
    config.oracleUrl = url(u"/flaky"_s);
    config.oracleFallbackSource = OracleSourceName::Http;
    config.oracleFallbackUrl = url(u"/backup"_s);
    m_down = true;
    FallbackRig rig(m_clock, config, TaskSchedule::Fallback::Alternative, 2);
    QVERIFY2(rig.error.isEmpty(), qPrintable(rig.error));
    rig.seedStalePrices();

    const ExecutionRecord last = rig.tick();
    QCOMPARE(last.outcome, Outcome::Success);
    QCOMPARE(rig.records.size(), 3);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(rig.records[i].outcome, Outcome::Failure);
        QVERIFY2(rig.records[i].error.startsWith(u"attempt %1 of 3 failed"_s.arg(i + 1)),
                 qPrintable(rig.records[i].error));
    }
    QCOMPARE(rig.monitor->stats(m_clock->nowMs()).windowFailures, 3); // the first source, thrice
    QCOMPARE(rig.audit(u"price_source_fallback"_s).size(), 1);
}

void TestPriceUpdateBreaker::alternativeFileAnswersWhatThePrimaryCouldNotPrice()
{
    QTemporaryDir files;
    const QString backup = files.filePath(u"backup.json"_s);
    {
        QFile file(backup);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const qint64 now = m_clock->nowMs();
        // Rice too: the task must take only what the first source could not price.
        file.write(priceDocument({{u"rice"_s, 99'000, now, u"file"_s},
                                  {u"corn"_s, 6'250, now, u"file"_s},
                                  {u"wheat"_s, 9'450, now, u"file"_s}}));
    }
    HeartbeatConfig config;
    config.oracleSource = OracleSourceName::Http;
    config.oracleUrl = url(u"/rice-only"_s);
    config.oracleFallbackSource = OracleSourceName::File;
    config.oracleFallbackPath = backup;
    FallbackRig rig(m_clock, config, TaskSchedule::Fallback::Alternative);
    QVERIFY2(rig.error.isEmpty(), qPrintable(rig.error));
    rig.seedStalePrices();

    const ExecutionRecord r = rig.tick();
    QCOMPARE(r.outcome, Outcome::Success);
    QCOMPARE(r.items, 3);
    QCOMPARE(rig.ledger->price(Commodity::Rice)->price, 14'600.0);
    QCOMPARE(rig.ledger->price(Commodity::Rice)->source, u"bapanas"_s);
    QCOMPARE(rig.ledger->price(Commodity::Corn)->price, 6'250.0);
    QCOMPARE(rig.ledger->price(Commodity::Wheat)->source, u"file"_s);
    const QVector<AuditEntry> notes = rig.audit(u"price_source_fallback"_s);
    QCOMPARE(notes.size(), 1);
    const QJsonObject detail = QJsonDocument::fromJson(notes.constFirst().detail.toUtf8()).object();
    QCOMPARE(detail.value(u"fallback_source"_s).toString(), backup);
    QCOMPARE(detail.value(u"commodities"_s).toArray(), (QJsonArray{u"corn"_s, u"wheat"_s}));
    QVERIFY2(detail.value(u"primary_error"_s).toString().contains(u"no price in the response"),
             qPrintable(notes.constFirst().detail));
}

void TestPriceUpdateBreaker::alternativeAndPrimaryBothDownFailNamingBoth()
{
    QTemporaryDir files;
    const QString missing = files.filePath(u"nowhere.json"_s);
    HeartbeatConfig config;
    config.oracleSource = OracleSourceName::Http;
    config.oracleUrl = url(u"/flaky"_s);
    config.oracleFallbackSource = OracleSourceName::File;
    config.oracleFallbackPath = missing;
    m_down = true;
    FallbackRig rig(m_clock, config, TaskSchedule::Fallback::Alternative);
    QVERIFY2(rig.error.isEmpty(), qPrintable(rig.error));
    rig.seedStalePrices();

    const ExecutionRecord r = rig.tick();
    QCOMPARE(r.outcome, Outcome::Failure);
    QCOMPARE(r.items, 0);
    for (const QString &part : {u"503"_s, u"the fallback source"_s, missing})
        QVERIFY2(r.error.contains(part), qPrintable(r.error));
    QCOMPARE(rig.ledger->price(Commodity::Rice)->price, 14'000.0); // nothing written
    QVERIFY(rig.audit(u"price_source_fallback"_s).isEmpty());
    QCOMPARE(rig.state().breakers.constFirst().failureCount, 1);
    // The engine's emergency action (notify by default): a critical alert naming both.
    const std::optional<Alert> alert = rig.alert(TaskName::PriceUpdate, u"fallback_failed"_s);
    QVERIFY(alert);
    QCOMPARE(alert->severity, Severity::Critical);
    QVERIFY2(alert->message.contains(missing) && alert->message.contains(u"503"),
             qPrintable(alert->message));
}

void TestPriceUpdateBreaker::defaultValueCarriesTheLastPricesForward()
{
    HeartbeatConfig config;
    config.oracleSource = OracleSourceName::Http;
    config.oracleUrl = url(u"/flaky"_s);
    m_down = true;
    FallbackRig rig(m_clock, config, TaskSchedule::Fallback::DefaultValue);
    QVERIFY2(rig.error.isEmpty(), qPrintable(rig.error));
    rig.seedStalePrices();
    const qint64 seededAt = rig.ledger->price(Commodity::Rice)->updatedAtMs;

    const ExecutionRecord r = rig.tick();
    QCOMPARE(r.outcome, Outcome::Success);
    QCOMPARE(r.items, 0);
    // Kept as they were, neither rewritten nor refreshed.
    QCOMPARE(rig.ledger->price(Commodity::Rice)->price, 14'000.0);
    QCOMPARE(rig.ledger->price(Commodity::Rice)->updatedAtMs, seededAt);
    QCOMPARE(rig.ledger->price(Commodity::Corn)->source, u"old"_s);
    QCOMPARE(rig.state().breakers.constFirst().failureCount, 0);

    // The audit names the error and the age of each kept price.
    const QVector<AuditEntry> notes = rig.audit(u"price_carried_forward"_s);
    QCOMPARE(notes.size(), 1);
    const QJsonObject detail = QJsonDocument::fromJson(notes.constFirst().detail.toUtf8()).object();
    QVERIFY2(detail.value(u"error"_s).toString().contains(u"503"), qPrintable(notes.constFirst().detail));
    const QJsonObject rice = detail.value(u"carried"_s).toObject().value(u"rice"_s).toObject();
    QCOMPARE(rice.value(u"age_ms"_s).toInteger(), m_clock->nowMs() - seededAt);
    QCOMPARE(rice.value(u"price"_s).toDouble(), 14'000.0);
    QCOMPARE(detail.value(u"carried"_s).toObject().keys(),
             (QStringList{u"corn"_s, u"rice"_s, u"wheat"_s}));

    // A warning the banner shows, saying since when and why.
    const QString since = QDateTime::fromMSecsSinceEpoch(m_clock->nowMs()).toString(u"HH:mm"_s);
    std::optional<Alert> alert = rig.alert(TaskName::PriceUpdate, u"price_carried_forward"_s);
    QVERIFY(alert);
    QCOMPARE(alert->severity, Severity::Warning);
    QVERIFY2(alert->message.startsWith(u"Prices carried forward since " + since + u": "),
             qPrintable(alert->message));
    QVERIFY2(alert->message.contains(u"503"), qPrintable(alert->message));
    OracleHealth health = OracleHealth::evaluate(rig.state());
    QCOMPARE(health.status, OracleHealth::Status::Degraded);
    QCOMPARE(health.problem, alert->message);

    // Still down a minute later: still carried since the first failure, audited once.
    m_clock->advance(60'000);
    QCOMPARE(rig.tick().outcome, Outcome::Success);
    alert = rig.alert(TaskName::PriceUpdate, u"price_carried_forward"_s);
    QVERIFY(alert);
    QVERIFY2(alert->message.startsWith(u"Prices carried forward since " + since + u": "),
             qPrintable(alert->message));
    QCOMPARE(rig.audit(u"price_carried_forward"_s).size(), 1);

    // The feed is back: fresh prices, and the alert is gone with the next successful run.
    m_down = false;
    m_clock->advance(60'000);
    const ExecutionRecord back = rig.tick();
    QCOMPARE(back.outcome, Outcome::Success);
    QCOMPARE(back.items, 3);
    QCOMPARE(rig.ledger->price(Commodity::Rice)->price, 14'700.0);
    QVERIFY(!rig.alert(TaskName::PriceUpdate, u"price_carried_forward"_s));
    health = OracleHealth::evaluate(rig.state());
    QVERIFY(health.status != OracleHealth::Status::Degraded);
    m_down = true;
}

void TestPriceUpdateBreaker::defaultValueWithoutALastPriceFails()
{
    HeartbeatConfig config;
    config.oracleSource = OracleSourceName::Http;
    config.oracleUrl = url(u"/flaky"_s);
    m_down = true;
    FallbackRig rig(m_clock, config, TaskSchedule::Fallback::DefaultValue);
    QVERIFY2(rig.error.isEmpty(), qPrintable(rig.error));
    // Only rice was ever priced: corn and wheat have nothing to carry forward.
    rig.ledger->setPrice({Commodity::Rice, 14'000, m_clock->nowMs() - 2 * 86'400'000, u"old"_s});

    const ExecutionRecord r = rig.tick();
    QCOMPARE(r.outcome, Outcome::Failure);
    QVERIFY2(r.error.contains(u"no last known price of corn, wheat to carry forward"),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(u"503"), qPrintable(r.error));
    QVERIFY(rig.audit(u"price_carried_forward"_s).isEmpty());
    QVERIFY(!rig.alert(TaskName::PriceUpdate, u"price_carried_forward"_s));
    QCOMPARE(rig.state().breakers.constFirst().failureCount, 1);
    // The engine's emergency action follows, as for any fallback that fails.
    QVERIFY(rig.alert(TaskName::PriceUpdate, u"fallback_failed"_s));
}

QTEST_GUILESS_MAIN(TestPriceUpdateBreaker)
#include "tst_tasks_price.moc"
