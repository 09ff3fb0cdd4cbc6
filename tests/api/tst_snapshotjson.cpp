// GET /api/v1/snapshot and the event stream send the engine's value types as JSON; a remote client
// (the wall display) rebuilds them with the parser. What it rebuilds must be what the engine
// published, field for field, and a document it cannot trust must be refused, naming the field.

#include "../engine/enginerig.h"
#include "api/snapshotjson.h"
#include "testtasks.h"
#include "valuefixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

// Through text, as a client gets it: the serializer's output must survive being written and read.
QJsonObject viaText(const QJsonObject &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QJsonDocument(json).toJson(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("re-reading the serializer's output failed: %s", qPrintable(error.errorString()));
    return doc.object();
}

// Every leaf (scalar) of a document by its path; arrays by index.
void collectLeaves(const QJsonValue &value, const QString &path, QMap<QString, QJsonValue> *out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectLeaves(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), out);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            collectLeaves(a.at(i), path + u'[' + QString::number(i) + u']', out);
    } else {
        out->insert(path, value);
    }
}

// The leaves of `full` that hold the same value as in `defaults`: a round trip of those proves
// nothing about them.
QStringList leavesAtDefault(const QJsonObject &full, const QJsonObject &defaults)
{
    QMap<QString, QJsonValue> a, b;
    collectLeaves(full, {}, &a);
    collectLeaves(defaults, {}, &b);
    QStringList same;
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (b.contains(it.key()) && b.value(it.key()) == it.value())
            same.append(it.key());
    }
    return same;
}

// Sets (or, with an undefined value, removes) the value at `path` (keys and array indexes).
QJsonValue edited(const QJsonValue &root, QVariantList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QVariant step = path.takeFirst();
    if (step.typeId() == QMetaType::Int) {
        QJsonArray a = root.toArray();
        const int i = step.toInt();
        if (path.isEmpty() && value.isUndefined())
            a.removeAt(i);
        else
            a[i] = edited(a.at(i), path, value);
        return a;
    }
    QJsonObject o = root.toObject();
    const QString key = step.toString();
    if (path.isEmpty() && value.isUndefined())
        o.remove(key);
    else
        o.insert(key, edited(o.value(key), path, value));
    return o;
}

QJsonValue jsonValue(const QByteArray &text)
{
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    return QJsonDocument::fromJson("[" + text + "]").array().at(0);
}

class SamplingTask : public MaintenanceTask
{
public:
    QString name() const override { return TaskName::CyclesMonitoring; }
    TaskResult run(const TaskContext &ctx) override
    {
        TaskResult r = TaskResult::success(1);
        r.samples = {{u"cycles.balance"_s, ctx.clock.nowMs(), 4.2e11}};
        r.alerts = {{ctx.clock.nowMs(), name(), u"cycles_critical"_s, Severity::Critical,
                     u"Cycles balance is below the critical line"_s}};
        return r;
    }
};

} // namespace

class TestSnapshotJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullStateRoundTrips();
    void engineSnapshotRoundTrips();
    void recordsRoundTrip();
    void tickSkipReasons();
    void tasksFromEnginesBeforeSchedulesAreRead();
    void integersBeyondDoublePrecisionAreRefused();
    void stateErrorsNameTheField_data();
    void stateErrorsNameTheField();
    void recordErrorsNameTheField();
    void channelSecretsStayOutOfSnapshots();
};

void TestSnapshotJson::fullStateRoundTrips()
{
    const EngineState state = fullState();
    const QJsonObject json = json::fromState(state);
    // The test is only as good as its data: no field may hold what a default state holds.
    QStringList unproven = leavesAtDefault(json, json::fromState(EngineState()));
    unproven.removeOne(u"config.version"_s); // the format's version, the same in every state
    QVERIFY2(unproven.isEmpty(), qPrintable(unproven.join(u", ")));
    QVERIFY(!validateConfig(state.config));

    QString error;
    const std::optional<EngineState> parsed = json::toState(viaText(json), &error);
    QVERIFY2(parsed, qPrintable(error));
    compareState(*parsed, state);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(json::fromState(*parsed), json);

    // Spot checks of what a wall display reads, in their JSON spelling.
    QCOMPARE(json.value(u"tasks"_s)[1][u"last_outcome"_s].toString(), u"cancelled"_s);
    QCOMPARE(json.value(u"tasks"_s)[1][u"schedule"_s].toString(), u"cron 0 3 * * * (Asia/Jakarta)"_s);
    QCOMPARE(json.value(u"tasks"_s)[1][u"next_run_ms"_s].toInteger(), qint64(1'764'010'000'000));
    QCOMPARE(json.value(u"breakers"_s)[1][u"state"_s].toString(), u"half_open"_s);
    QCOMPARE(json.value(u"active_alerts"_s)[0][u"severity"_s].toString(), u"critical"_s);
    QCOMPARE(json.value(u"recent_audit"_s)[0][u"uid"_s].toString(), u"shard-3:17"_s);
    QCOMPARE(json.value(u"config"_s)[u"oracle"_s][u"url"_s].toString(),
             u"https://prices.example/v1"_s);
    QCOMPARE(json.value(u"metrics"_s)[u"tasks_completed"_s][TaskName::ShardBalancing].toInteger(),
             qint64(4'100));
    QCOMPARE(json.value(u"breaker_retry_at_ms"_s)[0].toInteger(), qint64(1'764'000'300'100));
}

void TestSnapshotJson::engineSnapshotRoundTrips()
{
    HeartbeatConfig config = testConfig();
    config.breakerFailureThreshold = 1; // one failure opens the breaker: an alert, a retry time
    auto failing = std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true);
    auto auditing = std::make_shared<AuditingTask>();
    Rig rig({failing, std::make_shared<ScriptedTask>(TaskName::LoanMonitoring), auditing,
             std::make_shared<SamplingTask>()},
            config);
    rig.tick();
    rig.clock->advance(1'000);
    rig.tick();
    QVERIFY(rig.engine->setMaintenanceMode(kAdmin, true).ok);

    const EngineState state = rig.state();
    // A snapshot with something in every part.
    QVERIFY(state.metrics.tickCount >= 2);
    QVERIFY(state.metrics.failedExecutions >= 1);
    QVERIFY(!state.tasks.isEmpty());
    QCOMPARE(state.breakers.size(), state.tasks.size());
    QVERIFY(!state.activeAlerts.isEmpty());
    QVERIFY(!state.recentAudit.isEmpty());
    QVERIFY(!state.gauges.isEmpty());
    QVERIFY(state.config.maintenanceMode);

    const QJsonObject json = json::fromState(state);
    QString error;
    const std::optional<EngineState> parsed = json::toState(viaText(json), &error);
    QVERIFY2(parsed, qPrintable(error));
    compareState(*parsed, state);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(json::fromState(*parsed), json);
    // What the remote source derives from it agrees with the engine's own view.
    QCOMPARE(OracleHealth::evaluate(*parsed).status, OracleHealth::evaluate(state).status);
    QCOMPARE(OracleHealth::evaluate(*parsed).status, OracleHealth::Status::Down);
    QCOMPARE(Health::evaluate(*parsed, state.takenAtMs).healthy,
             Health::evaluate(state, state.takenAtMs).healthy);
}

void TestSnapshotJson::recordsRoundTrip()
{
    QString error;
    // Every field non-default, then the optional one absent.
    const QStringList unproven =
        leavesAtDefault(json::fromExecution(fullExecution()), json::fromExecution({}));
    QVERIFY2(unproven.isEmpty(), qPrintable(unproven.join(u", ")));
    for (const ExecutionRecord &record : {fullExecution(), [] {
                                              auto r = fullExecution();
                                              r.queuedMs.reset();
                                              return r;
                                          }()}) {
        const QJsonObject json = json::fromExecution(record);
        const auto parsed = json::toExecution(viaText(json), &error);
        QVERIFY2(parsed, qPrintable(error));
        CHECKED(compareExecution(*parsed, record));
    }
    QVERIFY(json::fromExecution(fullExecution()).value(u"queued_ms"_s).isDouble());
    ExecutionRecord unqueued = fullExecution();
    unqueued.queuedMs.reset();
    QVERIFY(json::fromExecution(unqueued).value(u"queued_ms"_s).isNull());

    const QJsonObject tick = json::fromTick(fullTick());
    QVERIFY(leavesAtDefault(tick, json::fromTick({})).isEmpty());
    const auto parsedTick = json::toTick(viaText(tick), &error);
    QVERIFY2(parsedTick, qPrintable(error));
    CHECKED(compareTick(*parsedTick, fullTick()));

    const QJsonObject sample = json::fromSample(fullSample());
    QVERIFY(leavesAtDefault(sample, json::fromSample({})).isEmpty());
    const auto parsedSample = json::toSample(viaText(sample), &error);
    QVERIFY2(parsedSample, qPrintable(error));
    CHECKED(compareSample(*parsedSample, fullSample()));

    const QJsonObject audit = json::fromAudit(fullAudit());
    QVERIFY(leavesAtDefault(audit, json::fromAudit({})).isEmpty());
    const auto parsedAudit = json::toAudit(viaText(audit), &error);
    QVERIFY2(parsedAudit, qPrintable(error));
    CHECKED(compareAudit(*parsedAudit, fullAudit()));

    for (const Severity severity : {Severity::Info, Severity::Warning, Severity::Critical}) {
        Alert alert = fullAlert();
        alert.severity = severity;
        const QJsonObject json = json::fromAlert(alert);
        QCOMPARE(json.value(u"severity"_s).toString(), severityName(severity));
        const auto parsed = json::toAlert(viaText(json), &error);
        QVERIFY2(parsed, qPrintable(error));
        CHECKED(compareAlert(*parsed, alert));
    }
    QVERIFY(leavesAtDefault(json::fromAlert(fullAlert()), json::fromAlert({})).isEmpty());
}

void TestSnapshotJson::tickSkipReasons()
{
    QString error;
    const struct
    {
        TickSkipReason reason;
        QString text;
        QJsonValue json;
    } cases[] = {
        {TickSkipReason::None, {}, QJsonValue::Null},
        {TickSkipReason::EmergencyStop, {}, u"emergency stop"_s},
        {TickSkipReason::MaintenanceMode, {}, u"maintenance mode"_s},
        {TickSkipReason::PreviousTickRunning, {}, u"previous tick still running"_s},
        {TickSkipReason::HeartbeatDisabled, {}, u"heartbeat disabled"_s},
        {TickSkipReason::Other, u"a newer build's words"_s, u"a newer build's words"_s},
    };
    // Unknown words with no words at all: written as no reason, which a reader can take.
    TickRecord wordless = fullTick();
    wordless.skippedReasonText.clear();
    QVERIFY(json::fromTick(wordless).value(u"skipped_reason"_s).isNull());
    QVERIFY(json::toTick(json::fromTick(wordless), &error));

    for (const auto &c : cases) {
        TickRecord tick = fullTick();
        tick.skippedReason = c.reason;
        tick.skippedReasonText = c.text;
        const QJsonObject json = json::fromTick(tick);
        QCOMPARE(json.value(u"skipped_reason"_s), c.json);
        const auto parsed = json::toTick(json, &error);
        QVERIFY2(parsed, qPrintable(error));
        CHECKED(compareTick(*parsed, tick));
    }
}

void TestSnapshotJson::tasksFromEnginesBeforeSchedulesAreRead()
{
    // A heartbeatd older than schedules sends neither member: the task reads with none.
    QJsonObject json = json::fromState(fullState());
    QJsonArray tasks = json.value(u"tasks"_s).toArray();
    QJsonObject task = tasks.at(0).toObject();
    task.remove(u"schedule"_s);
    task.remove(u"next_run_ms"_s);
    tasks.replace(0, task);
    json.insert(u"tasks"_s, tasks);
    QString error;
    const std::optional<EngineState> parsed = json::toState(viaText(json), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->tasks.at(0).schedule, QString());
    QCOMPARE(parsed->tasks.at(0).nextRunMs, qint64(0));
    QCOMPARE(parsed->tasks.at(1).schedule, u"cron 0 3 * * * (Asia/Jakarta)"_s);
}

void TestSnapshotJson::integersBeyondDoublePrecisionAreRefused()
{
    QString error;
    QJsonObject json = json::fromState(fullState());
    QJsonObject metrics = json.value(u"metrics"_s).toObject();

    // The largest integer a double holds exactly passes, both signs.
    for (const qint64 edge : {qint64(9'007'199'254'740'991), qint64(-9'007'199'254'740'991)}) {
        metrics.insert(u"tick_count"_s, edge);
        json.insert(u"metrics"_s, metrics);
        const auto parsed = json::toState(viaText(json), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->metrics.tickCount, edge);
    }
    // One more, as a client would write it, cannot be told from its neighbour: refused.
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    QByteArray beyond = text;
    beyond.replace("9007199254740991", "9007199254740993");
    QVERIFY(beyond != text);
    const auto refused = json::toState(QJsonDocument::fromJson(beyond).object(), &error);
    QVERIFY(!refused);
    QVERIFY2(error.startsWith(u"metrics.tick_count: "_s), qPrintable(error));
    // A value the engine would send beyond the range is refused too, not silently rounded.
    metrics.insert(u"tick_count"_s, qint64(1) << 60);
    json.insert(u"metrics"_s, metrics);
    QVERIFY(!json::toState(viaText(json), &error));
    QVERIFY2(error.startsWith(u"metrics.tick_count: "_s), qPrintable(error));
}

void TestSnapshotJson::stateErrorsNameTheField_data()
{
    QTest::addColumn<QVariantList>("path");
    QTest::addColumn<QByteArray>("value"); // JSON text; empty: remove the field
    QTest::addColumn<QString>("error");

    QTest::newRow("top-level field missing")
        << QVariantList{u"taken_at_ms"_s} << QByteArray() << u"taken_at_ms: missing"_s;
    QTest::newRow("object missing")
        << QVariantList{u"metrics"_s} << QByteArray() << u"metrics: missing"_s;
    QTest::newRow("boolean as string")
        << QVariantList{u"running"_s} << QByteArray("\"yes\"") << u"running: expected a boolean"_s;
    QTest::newRow("integer as null") << QVariantList{u"next_tick_at_ms"_s} << QByteArray("null")
                                     << u"next_tick_at_ms: expected an integer"_s;
    QTest::newRow("string as number") << QVariantList{u"emergency_reason"_s} << QByteArray("7")
                                      << u"emergency_reason: expected a string"_s;
    QTest::newRow("array as object")
        << QVariantList{u"tasks"_s} << QByteArray("{}") << u"tasks: expected an array"_s;
    QTest::newRow("array element not an object")
        << QVariantList{u"tasks"_s, 0} << QByteArray("1") << u"tasks[0]: expected an object"_s;
    QTest::newRow("enum as number")
        << QVariantList{u"tasks"_s, 1, u"last_outcome"_s} << QByteArray("3")
        << u"tasks[1].last_outcome: expected a string"_s;
    QTest::newRow("enum unknown") << QVariantList{u"tasks"_s, 1, u"last_outcome"_s}
                                  << QByteArray("\"exploded\"")
                                  << u"tasks[1].last_outcome: unknown value \"exploded\""_s;
    QTest::newRow("task field missing") << QVariantList{u"tasks"_s, 0, u"completed"_s}
                                        << QByteArray() << u"tasks[0].completed: missing"_s;
    QTest::newRow("schedule without its next run")
        << QVariantList{u"tasks"_s, 1, u"next_run_ms"_s} << QByteArray()
        << u"tasks[1].next_run_ms: missing"_s;
    QTest::newRow("next run as string")
        << QVariantList{u"tasks"_s, 0, u"next_run_ms"_s} << QByteArray("\"soon\"")
        << u"tasks[0].next_run_ms: expected an integer"_s;
    QTest::newRow("breaker state unknown")
        << QVariantList{u"breakers"_s, 1, u"state"_s} << QByteArray("\"ajar\"")
        << u"breakers[1].state: unknown value \"ajar\""_s;
    QTest::newRow("fraction for an integer")
        << QVariantList{u"breakers"_s, 0, u"failure_count"_s} << QByteArray("1.5")
        << u"breakers[0].failure_count: expected an integer"_s;
    QTest::newRow("int beyond 32 bits")
        << QVariantList{u"breakers"_s, 0, u"failure_count"_s} << QByteArray("3000000000")
        << u"breakers[0].failure_count: expected a 32-bit integer"_s;
    QTest::newRow("retry time not an integer")
        << QVariantList{u"breaker_retry_at_ms"_s, 1} << QByteArray("\"soon\"")
        << u"breaker_retry_at_ms[1]: expected an integer"_s;
    QTest::newRow("per-task count as string")
        << QVariantList{u"metrics"_s, u"tasks_completed"_s, TaskName::PriceUpdate}
        << QByteArray("\"7\"") << u"metrics.tasks_completed.price_update: expected an integer"_s;
    QTest::newRow("string list element")
        << QVariantList{u"metrics"_s, u"last_tick_tasks"_s, 1} << QByteArray("false")
        << u"metrics.last_tick_tasks[1]: expected a string"_s;
    QTest::newRow("severity unknown")
        << QVariantList{u"active_alerts"_s, 0, u"severity"_s} << QByteArray("\"fatal\"")
        << u"active_alerts[0].severity: unknown value \"fatal\""_s;
    QTest::newRow("audit uid missing") << QVariantList{u"recent_audit"_s, 1, u"uid"_s}
                                       << QByteArray() << u"recent_audit[1].uid: missing"_s;
    QTest::newRow("gauge not a number")
        << QVariantList{u"gauges"_s, u"cycles.balance"_s} << QByteArray("\"high\"")
        << u"gauges.cycles.balance: expected a number"_s;
    QTest::newRow("oracle source unknown")
        << QVariantList{u"oracle_source"_s} << QByteArray("\"carrier pigeon\"")
        << u"oracle_source: unknown value \"carrier pigeon\""_s;
    QTest::newRow("config not an object")
        << QVariantList{u"config"_s} << QByteArray("[]") << u"config: expected an object"_s;
}

void TestSnapshotJson::stateErrorsNameTheField()
{
    QFETCH(QVariantList, path);
    QFETCH(QByteArray, value);
    QFETCH(QString, error);

    const QJsonObject good = json::fromState(fullState());
    QString message;
    QVERIFY2(json::toState(good, &message), qPrintable(message));
    const QJsonObject bad = edited(good, path, jsonValue(value)).toObject();
    QVERIFY(bad != good);
    QVERIFY(!json::toState(bad, &message));
    QCOMPARE(message, error);
}

void TestSnapshotJson::recordErrorsNameTheField()
{
    QString error;
    // The config inside the snapshot is checked like config.json, under its own path.
    QJsonObject state = json::fromState(fullState());
    state = edited(state, {u"config"_s, u"tick_interval_ms"_s}, 5).toObject();
    QVERIFY(!json::toState(state, &error));
    QVERIFY2(error.startsWith(u"config.tick_interval_ms: "_s), qPrintable(error));
    QVERIFY2(error.contains(u"100"_s), qPrintable(error)); // the rule, from the config's checks
    state = edited(json::fromState(fullState()), {u"config"_s, u"breaker"_s, u"colour"_s}, 1)
                .toObject();
    QVERIFY(!json::toState(state, &error));
    QVERIFY2(error.startsWith(u"config.breaker.colour: "_s), qPrintable(error));

    QJsonObject execution = json::fromExecution(fullExecution());
    execution.insert(u"queued_ms"_s, u"x"_s);
    QVERIFY(!json::toExecution(execution, &error));
    QCOMPARE(error, u"queued_ms: expected an integer"_s);
    execution.remove(u"queued_ms"_s);
    QVERIFY(!json::toExecution(execution, &error));
    QCOMPARE(error, u"queued_ms: missing"_s);

    QJsonObject tick = json::fromTick(fullTick());
    tick.insert(u"skipped_reason"_s, u""_s);
    QVERIFY(!json::toTick(tick, &error));
    QCOMPARE(error, u"skipped_reason: expected null or a non-empty string"_s);
    tick.insert(u"ran"_s, true);
    QVERIFY(!json::toTick(tick, &error));
    QCOMPARE(error, u"ran: expected an integer"_s); // the first error in reading order

    QJsonObject sample = json::fromSample(fullSample());
    sample.insert(u"value"_s, QJsonValue::Null);
    QVERIFY(!json::toSample(sample, &error));
    QCOMPARE(error, u"value: expected a number"_s);

    QJsonObject audit = json::fromAudit(fullAudit());
    audit.remove(u"actor"_s);
    QVERIFY(!json::toAudit(audit, &error));
    QCOMPARE(error, u"actor: missing"_s);

    QJsonObject alert = json::fromAlert(fullAlert());
    alert.insert(u"severity"_s, u"Critical"_s);
    QVERIFY(!json::toAlert(alert, &error));
    QCOMPARE(error, u"severity: unknown value \"Critical\""_s);
}

void TestSnapshotJson::channelSecretsStayOutOfSnapshots()
{
    EngineState state;
    NotificationChannel webhook;
    webhook.name = u"ops"_s;
    webhook.url = u"https://hooks.example.com/x"_s;
    webhook.secret = u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s;
    NotificationChannel telegram;
    telegram.type = NotificationChannelType::Telegram;
    telegram.name = u"tg"_s;
    telegram.botToken = u"123456:SECRET-TOKEN"_s;
    telegram.chatId = u"5"_s;
    state.config.notifications.channels = {webhook, telegram};
    QVERIFY(!validateConfig(state.config));
    // Every token holder reads snapshots (and the event stream): no channel, no secret.
    const QByteArray text = QJsonDocument(json::fromState(state)).toJson();
    QVERIFY(!text.contains("MfKQ9r8GKYqrTwjUPD8"));
    QVERIFY(!text.contains("SECRET-TOKEN"));
    QVERIFY(!json::fromState(state).value(u"config"_s).toObject().contains(u"notifications"_s));
}

QTEST_GUILESS_MAIN(TestSnapshotJson)
#include "tst_snapshotjson.moc"
