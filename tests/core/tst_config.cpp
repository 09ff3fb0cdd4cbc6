// config.json: defaults, strict parsing with errors a user can act on, shared validation, and
// loading/saving that never damages the file on disk.

#include "core/config.h"
#include "core/notificationsconfig.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <functional>
#include <limits>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

using Mutator = std::function<void(HeartbeatConfig &)>;

// {"a": v} or, for a dotted path, {"a": {"b": v}}.
QJsonObject withField(const QString &path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0)
        return QJsonObject{{path, value}};
    return QJsonObject{{path.left(dot), QJsonObject{{path.mid(dot + 1), value}}}};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size() && file.flush();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// The Standard Webhooks documentation's example secret: a 24-byte key.
const QString kSecret = u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s;

// One channel of each type, every field away from its default.
QVector<NotificationChannel> threeChannels()
{
    NotificationChannel webhook;
    webhook.type = NotificationChannelType::Webhook;
    webhook.name = u"ops"_s;
    webhook.url = u"https://hooks.example.com/heartbeat"_s;
    webhook.secret = kSecret;
    webhook.kinds = QStringList{NotificationKind::MachineDown, NotificationKind::MachineUp};
    webhook.minSeverity = u"warning"_s;
    webhook.resendIntervalMs = 3'600'000;
    NotificationChannel telegram;
    telegram.type = NotificationChannelType::Telegram;
    telegram.name = u"on-call"_s;
    telegram.enabled = false;
    telegram.botToken = u"123456:ABC-DEF"_s;
    telegram.chatId = u"-1001234"_s;
    telegram.baseUrl = u"http://127.0.0.1:9"_s;
    NotificationChannel desktop;
    desktop.type = NotificationChannelType::Desktop;
    desktop.name = u"tray"_s;
    desktop.minSeverity = u"critical"_s;
    return {webhook, telegram, desktop};
}

// {"notifications": {"channels": [channel]}}.
QJsonObject withChannel(const QJsonObject &channel)
{
    return QJsonObject{{u"notifications"_s, QJsonObject{{u"channels"_s, QJsonArray{channel}}}}};
}

QJsonObject webhookJson()
{
    return QJsonObject{{u"type"_s, u"webhook"_s},
                       {u"name"_s, u"ops"_s},
                       {u"url"_s, u"https://hooks.example.com/x"_s},
                       {u"secret"_s, kSecret}};
}

// A config with every field away from its default (and still valid).
HeartbeatConfig customConfig()
{
    HeartbeatConfig c;
    c.enabled = false;
    c.maintenanceMode = true;
    c.demo = true;
    c.tickIntervalMs = 12'345;
    c.taskTimeoutMs = 2'500;
    c.maxConcurrentTasks = 7;
    c.tasks[TaskName::AutoLiquidation] = false;
    c.tasks[TaskName::ShardBalancing] = false;
    c.autoLiquidationThresholdDays = 60;
    c.breakerFailureThreshold = 3;
    c.breakerTimeoutMs = 60'000;
    c.memoryWarnBytes = 2'500'000'000;
    c.cyclesAlertThreshold = 2.5e12;
    c.cyclesCriticalThreshold = 0.75e12;
    c.cyclesTopUpTarget = 3'000'000'000'000;
    c.cyclesCostPerItem = 250;
    c.liquidationDryRun = true;
    c.auditLogCap = 500;
    c.retentionRawDays = 7;
    c.retentionMinuteDays = 30;
    c.retentionHourDays = 365;
    c.oracleSource = OracleSourceName::Http;
    c.oracleUrl = u"https://prices.example.com:8443/v1/prices?market=id"_s;
    c.oraclePath = u"/var/lib/heartbeat/prices.json"_s;
    c.oracleFallbackSource = OracleSourceName::File;
    c.oracleFallbackUrl = u"https://backup.example.com/prices"_s;
    c.oracleFallbackPath = u"/var/lib/heartbeat/backup-prices.json"_s;
    c.oracleTimeoutMs = 1'500;
    c.oracleMaxBodyBytes = 4'096;
    c.oracleDemoFaultRate = 0.25;
    c.oracleMaxAgeMs = 3'600'000;
    c.oracleStaleAfterMs = 7'200'000;
    c.oracleMaxErrorRate = 0.5;
    c.oracleMaxLatencyMs = 900;
    c.wallPageSeconds = 45;
    c.wallPages = u"alerts,overview"_s;
    c.wallNightFrom = u"22:30"_s;
    c.wallNightTo = u"06:00"_s;
    c.wallNightLevel = 0.3;
    c.healthHeartbeatStaleMs = 600'000;
    c.healthFailedRunsWarn = 10;
    c.watchdogStallSeconds = 20;
    c.watchdogRestartAfterSeconds = 120;
    c.notifications.channels = threeChannels();
    return c;
}

// Each public field and one valid change to it; operator== must notice every one.
QList<QPair<QString, Mutator>> fieldChanges()
{
    return {
        {u"enabled"_s, [](HeartbeatConfig &c) { c.enabled = false; }},
        {u"maintenance_mode"_s, [](HeartbeatConfig &c) { c.maintenanceMode = true; }},
        {u"demo"_s, [](HeartbeatConfig &c) { c.demo = true; }},
        {u"tick_interval_ms"_s, [](HeartbeatConfig &c) { c.tickIntervalMs = 100; }},
        {u"task_timeout_ms"_s, [](HeartbeatConfig &c) { c.taskTimeoutMs = 10; }},
        {u"max_concurrent_tasks"_s, [](HeartbeatConfig &c) { c.maxConcurrentTasks = 64; }},
        {u"tasks"_s, [](HeartbeatConfig &c) { c.tasks[TaskName::PriceUpdate] = false; }},
        {u"auto_liquidation_threshold_days"_s,
         [](HeartbeatConfig &c) { c.autoLiquidationThresholdDays = 1; }},
        {u"breaker.failure_threshold"_s, [](HeartbeatConfig &c) { c.breakerFailureThreshold = 1; }},
        {u"breaker.timeout_ms"_s, [](HeartbeatConfig &c) { c.breakerTimeoutMs = 1000; }},
        {u"memory_warn_bytes"_s, [](HeartbeatConfig &c) { c.memoryWarnBytes = 1; }},
        {u"cycles_alert_threshold"_s, [](HeartbeatConfig &c) { c.cyclesAlertThreshold = 6e11; }},
        {u"cycles_critical_threshold"_s, [](HeartbeatConfig &c) { c.cyclesCriticalThreshold = 1; }},
        {u"cycles_top_up_target"_s, [](HeartbeatConfig &c) { c.cyclesTopUpTarget = 1e12 + 1; }},
        {u"cycles_cost_per_item"_s, [](HeartbeatConfig &c) { c.cyclesCostPerItem = 0; }},
        {u"liquidation_dry_run"_s, [](HeartbeatConfig &c) { c.liquidationDryRun = true; }},
        {u"audit_log_cap"_s, [](HeartbeatConfig &c) { c.auditLogCap = 100; }},
        {u"retention.raw_days"_s, [](HeartbeatConfig &c) { c.retentionRawDays = 1; }},
        {u"retention.minute_days"_s, [](HeartbeatConfig &c) { c.retentionMinuteDays = 700; }},
        {u"retention.hour_days"_s, [](HeartbeatConfig &c) { c.retentionHourDays = 3650; }},
        {u"oracle.source"_s,
         [](HeartbeatConfig &c) {
             c.oracleSource = OracleSourceName::File;
             c.oraclePath = u"prices.json"_s;
         }},
        {u"oracle.url"_s, [](HeartbeatConfig &c) { c.oracleUrl = u"http://127.0.0.1:9/p"_s; }},
        {u"oracle.path"_s, [](HeartbeatConfig &c) { c.oraclePath = u"prices.json"_s; }},
        {u"oracle.fallback_source"_s,
         [](HeartbeatConfig &c) {
             c.oracleFallbackSource = OracleSourceName::File;
             c.oracleFallbackPath = u"backup.json"_s;
         }},
        {u"oracle.fallback_url"_s,
         [](HeartbeatConfig &c) { c.oracleFallbackUrl = u"http://127.0.0.1:9/b"_s; }},
        {u"oracle.fallback_path"_s, [](HeartbeatConfig &c) { c.oracleFallbackPath = u"b.json"_s; }},
        {u"oracle.timeout_ms"_s, [](HeartbeatConfig &c) { c.oracleTimeoutMs = 60'000; }},
        {u"oracle.max_body_bytes"_s, [](HeartbeatConfig &c) { c.oracleMaxBodyBytes = 1024; }},
        {u"oracle.demo_fault_rate"_s, [](HeartbeatConfig &c) { c.oracleDemoFaultRate = 0; }},
        {u"oracle.max_age_ms"_s, [](HeartbeatConfig &c) { c.oracleMaxAgeMs = 1000; }},
        {u"oracle.stale_after_ms"_s, [](HeartbeatConfig &c) { c.oracleStaleAfterMs = 1000; }},
        {u"oracle.max_error_rate"_s, [](HeartbeatConfig &c) { c.oracleMaxErrorRate = 1; }},
        {u"oracle.max_latency_ms"_s, [](HeartbeatConfig &c) { c.oracleMaxLatencyMs = 60'000; }},
        {u"wall.page_seconds"_s, [](HeartbeatConfig &c) { c.wallPageSeconds = 3600; }},
        {u"wall.pages"_s, [](HeartbeatConfig &c) { c.wallPages = u"breakers"_s; }},
        {u"wall.night_from"_s,
         [](HeartbeatConfig &c) {
             c.wallNightFrom = u"20:00"_s;
             c.wallNightTo = u"07:00"_s;
         }},
        {u"wall.night_level"_s, [](HeartbeatConfig &c) { c.wallNightLevel = 1; }},
        {u"health.heartbeat_stale_ms"_s,
         [](HeartbeatConfig &c) { c.healthHeartbeatStaleMs = 120'000; }},
        {u"health.failed_runs_warn"_s, [](HeartbeatConfig &c) { c.healthFailedRunsWarn = 5; }},
        {u"watchdog.stall_seconds"_s, [](HeartbeatConfig &c) { c.watchdogStallSeconds = 10; }},
        {u"watchdog.restart_after_seconds"_s,
         [](HeartbeatConfig &c) { c.watchdogRestartAfterSeconds = 5; }},
        {u"notifications"_s,
         [](HeartbeatConfig &c) { c.notifications.channels = threeChannels(); }},
    };
}

struct IntRange
{
    const char16_t *path;
    qint64 min;
    qint64 max;
};

// The ranges config.h documents (restated here on purpose: the test is the second witness).
const IntRange kIntRanges[] = {
    {u"tick_interval_ms", 100, 86'400'000},  {u"task_timeout_ms", 10, 3'600'000},
    {u"max_concurrent_tasks", 1, 64},        {u"auto_liquidation_threshold_days", 1, 3650},
    {u"breaker.failure_threshold", 1, 1000}, {u"breaker.timeout_ms", 1000, 86'400'000},
    {u"retention.raw_days", 1, 3650},        {u"retention.minute_days", 1, 3650},
    {u"retention.hour_days", 1, 3650},       {u"oracle.timeout_ms", 100, 60'000},
    {u"oracle.max_body_bytes", 1024, 10'485'760},
    {u"oracle.max_age_ms", 1000, 2'592'000'000},
    {u"cycles_cost_per_item", 0, 1'000'000'000'000},
    {u"audit_log_cap", 100, 10'000'000},
    {u"oracle.stale_after_ms", 1000, 2'592'000'000},
    {u"oracle.max_latency_ms", 1, 60'000},
    {u"wall.page_seconds", 10, 3600},
    {u"health.heartbeat_stale_ms", 60'000, 604'800'000},
    {u"health.failed_runs_warn", 1, 1'000'000},
    {u"watchdog.stall_seconds", 2, 3600},
    {u"watchdog.restart_after_seconds", 1, 86'400},
};

} // namespace

Q_DECLARE_METATYPE(Mutator)
Q_DECLARE_METATYPE(hb::HeartbeatConfig)

namespace hb {
// Lets QCOMPARE show both configs when they differ.
char *toString(const HeartbeatConfig &config)
{
    return qstrdup(QJsonDocument(config.toJson()).toJson(QJsonDocument::Compact).constData());
}
} // namespace hb

class TestConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void taskNames();
    void defaults();
    void httpListenIsAnAddressOrNone();
    void demoDefaults();
    void missingKeysTakeDefaults();
    void oracleSourceDefaultsToTheDemoFeedOnlyInADemo_data();
    void oracleSourceDefaultsToTheDemoFeedOnlyInADemo();
    void existingRealFileWithoutOracleSourceGetsNone();
    void roundTrip_data();
    void roundTrip();
    void writesEveryKey();
    void equalityNoticesEveryField();
    void acceptsBoundaries_data();
    void acceptsBoundaries();
    void fallbackSourceIsReadAndWritten();
    void rejectsBadField_data();
    void rejectsBadField();
    void reasonShowsRangeAndValue();
    void validateConfig_data();
    void validateConfig();
    void notificationsParsed();
    void notificationsRejected_data();
    void notificationsRejected();
    void notificationsValidatedInMemory();
    void dependencyRules();

    void loadMissingFile();
    void loadDirectory();
    void loadValidFile();
    void loadInvalidFile_data();
    void loadInvalidFile();
    void saveThenLoad();
    void saveIntoMissingDirectory();
    void saveReplacesAtomically();
    void saveInvalidConfigKeepsOldFile();
    void saveIntoReadOnlyDirectoryKeepsOldFile();
    void saveFailingMidWriteKeepsOldFile();
};

void TestConfig::taskNames()
{
    const QStringList expected{u"price_update"_s,        u"loan_monitoring"_s,
                               u"cycles_monitoring"_s,   u"memory_monitoring"_s,
                               u"auto_cleanup"_s,        u"pool_maintenance"_s,
                               u"auto_liquidation"_s,    u"oracle_monitoring"_s,
                               u"treasury_monitoring"_s, u"shard_balancing"_s};
    QCOMPARE(TaskName::all(), expected);
}

void TestConfig::httpListenIsAnAddressOrNone()
{
    const auto parse = [](const QString &listen, ConfigError *error) {
        return configFromJson(QJsonObject{{u"http"_s, QJsonObject{{u"listen"_s, listen}}}}, error);
    };
    ConfigError error;
    for (const QString &good : {u"127.0.0.1:8089"_s, u"0.0.0.0:0"_s, u"[::1]:8089"_s,
                                u"localhost:9000"_s, u"none"_s}) {
        const auto config = parse(good, &error);
        QVERIFY2(config, qPrintable(good + u": "_s + error.toString()));
        QCOMPARE(config->httpListen, good);
    }
    for (const QString &bad : {u"8089"_s, u"127.0.0.1"_s, u"127.0.0.1:70000"_s, u"::1:8089"_s,
                               u":8089"_s, u"127.0.0.1:http"_s, u""_s}) {
        QVERIFY2(!parse(bad, &error), qPrintable(bad));
        QCOMPARE(error.field, u"http.listen"_s);
        QVERIFY2(error.reason.contains(u"ADDRESS:PORT"_s), qPrintable(error.reason));
    }
    QCOMPARE(HeartbeatConfig().httpListen, u"127.0.0.1:8089"_s);
    QVERIFY(!HeartbeatConfig().httpInDashboard);
}

void TestConfig::defaults()
{
    const HeartbeatConfig c;
    QVERIFY(c.enabled);
    QVERIFY(!c.maintenanceMode);
    QVERIFY(!c.demo);
    QCOMPARE(c.tickIntervalMs, qint64(30'000));
    QCOMPARE(c.autoLiquidationThresholdDays, 45);
    QCOMPARE(c.breakerFailureThreshold, 5);
    QCOMPARE(c.breakerTimeoutMs, qint64(300'000));
    QCOMPARE(c.tasks.size(), qsizetype(10));
    // Outside the demo nothing is simulated: no price source until one is configured.
    QCOMPARE(c.oracleSource, u"none"_s);
    QVERIFY(c.oracleUrl.isEmpty());
    QVERIFY(c.oraclePath.isEmpty());
    QCOMPARE(c.oracleTimeoutMs, qint64(5000));
    QCOMPARE(c.oracleMaxBodyBytes, qint64(65'536));
    QCOMPARE(c.oracleDemoFaultRate, 0.1);
    QCOMPARE(c.oracleMaxAgeMs, qint64(86'400'000));
    QCOMPARE(c.cyclesTopUpTarget, qint64(2'000'000'000'000));
    QCOMPARE(c.cyclesCostPerItem, qint64(1'000'000));
    QVERIFY(!c.liquidationDryRun);
    QCOMPARE(c.auditLogCap, 10'000);
    QCOMPARE(c.oracleStaleAfterMs, qint64(172'800'000));
    QCOMPARE(c.oracleMaxErrorRate, 0.25);
    QCOMPARE(c.oracleMaxLatencyMs, qint64(2'000));
    for (const QString &task : TaskName::all()) {
        QVERIFY2(c.tasks.value(task, false), qPrintable(task));
        QVERIFY(c.isTaskEnabled(task));
    }
    QVERIFY(!hb::validateConfig(c).has_value());
}

void TestConfig::demoDefaults()
{
    const HeartbeatConfig demo = HeartbeatConfig::demoDefaults();
    QVERIFY(demo.demo);
    QCOMPARE(demo.tickIntervalMs, qint64(2000));
    QCOMPARE(demo.oracleSource, u"demo"_s);
    HeartbeatConfig expected;
    expected.demo = true;
    expected.tickIntervalMs = 2000;
    expected.oracleSource = OracleSourceName::Demo;
    // The dashboard's tray: warnings and worse, through the notifier's rules.
    QCOMPARE(demo.notifications.channels.size(), 1);
    const NotificationChannel &desktop = demo.notifications.channels.constFirst();
    QCOMPARE(desktop.type, NotificationChannelType::Desktop);
    QCOMPARE(desktop.name, u"desktop"_s);
    QCOMPARE(desktop.minSeverity, u"warning"_s);
    QVERIFY(desktop.kinds.isEmpty());
    QVERIFY(demo != expected);
    expected.notifications = demo.notifications;
    QCOMPARE(demo, expected);
    QVERIFY(!hb::validateConfig(demo).has_value());
}

void TestConfig::missingKeysTakeDefaults()
{
    ConfigError error;
    const auto empty = configFromJson(QJsonObject{}, &error);
    QVERIFY2(empty, qPrintable(error.toString()));
    QCOMPARE(*empty, HeartbeatConfig());

    const auto partial =
        configFromJson(QJsonObject{{u"tick_interval_ms"_s, 5000},
                                   {u"tasks"_s, QJsonObject{{TaskName::AutoLiquidation, false}}},
                                   {u"breaker"_s, QJsonObject{{u"timeout_ms"_s, 2000}}}},
                       &error);
    QVERIFY2(partial, qPrintable(error.toString()));
    HeartbeatConfig expected;
    expected.tickIntervalMs = 5000;
    expected.tasks[TaskName::AutoLiquidation] = false;
    expected.breakerTimeoutMs = 2000;
    QCOMPARE(*partial, expected);
    QVERIFY(!partial->isTaskEnabled(TaskName::AutoLiquidation));
    QVERIFY(partial->isTaskEnabled(TaskName::PriceUpdate));
}

void TestConfig::oracleSourceDefaultsToTheDemoFeedOnlyInADemo_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("source");

    const auto oracle = [](const QJsonObject &group) { return QJsonObject{{u"oracle"_s, group}}; };
    QTest::newRow("empty file") << QJsonObject{} << u"none"_s;
    QTest::newRow("demo false") << QJsonObject{{u"demo"_s, false}} << u"none"_s;
    QTest::newRow("demo true") << QJsonObject{{u"demo"_s, true}} << u"demo"_s;
    QJsonObject realWithGroup = oracle({{u"max_age_ms"_s, 3'600'000}});
    realWithGroup.insert(u"demo"_s, false);
    QTest::newRow("real, oracle group without source") << realWithGroup << u"none"_s;
    QJsonObject demoWithGroup = oracle({{u"timeout_ms"_s, 3'000}});
    demoWithGroup.insert(u"demo"_s, true);
    QTest::newRow("demo, oracle group without source") << demoWithGroup << u"demo"_s;
    // What a file says is kept, either way.
    QJsonObject demoWithoutFeed = oracle({{u"source"_s, u"none"_s}});
    demoWithoutFeed.insert(u"demo"_s, true);
    QTest::newRow("demo with source none") << demoWithoutFeed << u"none"_s;
    QTest::newRow("real with source demo") << oracle({{u"source"_s, u"demo"_s}}) << u"demo"_s;
    QTest::newRow("real with source file")
        << oracle({{u"source"_s, u"file"_s}, {u"path"_s, u"/srv/prices.json"_s}}) << u"file"_s;
}

void TestConfig::oracleSourceDefaultsToTheDemoFeedOnlyInADemo()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, source);
    ConfigError error;
    const auto config = configFromJson(json, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(config->oracleSource, source);
    QVERIFY(!hb::validateConfig(*config).has_value());
    // Written back, the source is explicit and reads the same.
    const auto reread = configFromJson(config->toJson(), &error);
    QVERIFY2(reread, qPrintable(error.toString()));
    QCOMPARE(reread->toJson().value(u"oracle"_s).toObject().value(u"source"_s).toString(), source);
}

// A config.json a user wrote for a real ledger before "none" existed, naming no source: it now
// loads with no price source instead of the demo feed.
void TestConfig::existingRealFileWithoutOracleSourceGetsNone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"config.json"_s);
    QVERIFY(writeFile(path, R"({"version": 1, "demo": false, "tick_interval_ms": 60000,
                                "oracle": {"timeout_ms": 2000}})"));
    QString error;
    const auto loaded = ConfigFile(path).load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->oracleSource, OracleSourceName::None);
    QCOMPARE(loaded->tickIntervalMs, qint64(60'000));
    QCOMPARE(loaded->oracleTimeoutMs, qint64(2'000));
}

void TestConfig::roundTrip_data()
{
    QTest::addColumn<HeartbeatConfig>("config");
    QTest::newRow("defaults") << HeartbeatConfig();
    QTest::newRow("demo") << HeartbeatConfig::demoDefaults();
    QTest::newRow("every field changed") << customConfig();
}

void TestConfig::roundTrip()
{
    QFETCH(HeartbeatConfig, config);

    // Through text, as on disk, so number formatting is part of the round trip.
    const QByteArray text = QJsonDocument(config.toJson()).toJson(QJsonDocument::Indented);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    ConfigError error;
    const auto parsed = configFromJson(document.object(), &error);
    QVERIFY2(parsed, qPrintable(error.toString()));
    QCOMPARE(*parsed, config);
    QVERIFY(!(*parsed != config));
}

void TestConfig::writesEveryKey()
{
    const QJsonObject json = customConfig().toJson();
    const QStringList topLevel{u"audit_log_cap"_s,
                               u"auto_liquidation_threshold_days"_s,
                               u"breaker"_s,
                               u"cycles_alert_threshold"_s,
                               u"cycles_cost_per_item"_s,
                               u"cycles_critical_threshold"_s,
                               u"cycles_top_up_target"_s,
                               u"demo"_s,
                               u"emergency_action"_s,
                               u"enabled"_s,
                               u"health"_s,
                               u"http"_s,
                               u"liquidation_dry_run"_s,
                               u"maintenance_mode"_s,
                               u"max_concurrent_tasks"_s,
                               u"memory_warn_bytes"_s,
                               u"notifications"_s,
                               u"oracle"_s,
                               u"retention"_s,
                               u"task_timeout_ms"_s,
                               u"tasks"_s,
                               u"tick_interval_ms"_s,
                               u"version"_s,
                               u"wall"_s,
                               u"watchdog"_s};
    QCOMPARE(json.keys(), topLevel);
    QCOMPARE(json.value(u"health"_s).toObject().keys(),
             (QStringList{u"failed_runs_warn"_s, u"heartbeat_stale_ms"_s}));
    QCOMPARE(json.value(u"watchdog"_s).toObject().keys(),
             (QStringList{u"restart_after_seconds"_s, u"stall_seconds"_s}));
    QCOMPARE(json.value(u"version"_s).toInteger(), qint64(1));
    QCOMPARE(json.value(u"breaker"_s).toObject().keys(),
             (QStringList{u"failure_threshold"_s, u"timeout_ms"_s}));
    QCOMPARE(json.value(u"retention"_s).toObject().keys(),
             (QStringList{u"hour_days"_s, u"minute_days"_s, u"raw_days"_s}));
    QCOMPARE(json.value(u"http"_s).toObject().keys(),
             (QStringList{u"dashboard"_s, u"healthz_requires_token"_s, u"listen"_s,
                          u"metrics_requires_token"_s, u"request_timeout_ms"_s}));
    QCOMPARE(json.value(u"wall"_s).toObject().keys(),
             (QStringList{u"night_from"_s, u"night_level"_s, u"night_to"_s, u"page_seconds"_s,
                          u"pages"_s}));
    QCOMPARE(json.value(u"wall"_s).toObject().value(u"pages"_s), QJsonValue(u"alerts,overview"_s));
    const QJsonObject tasks = json.value(u"tasks"_s).toObject();
    QCOMPARE(tasks.keys(), [] {
        QStringList names = TaskName::all();
        names.sort();
        return names;
    }());
    QCOMPARE(tasks.value(TaskName::AutoLiquidation), QJsonValue(false));
    QCOMPARE(tasks.value(TaskName::PriceUpdate), QJsonValue(true));
    QCOMPARE(json.value(u"tick_interval_ms"_s).toInteger(), qint64(12'345));
    QCOMPARE(json.value(u"breaker"_s).toObject().value(u"timeout_ms"_s).toInteger(),
             qint64(60'000));
    QCOMPARE(json.value(u"retention"_s).toObject().value(u"hour_days"_s).toInteger(), qint64(365));
    const QJsonObject oracle = json.value(u"oracle"_s).toObject();
    QCOMPARE(oracle.keys(),
             (QStringList{u"demo_fault_rate"_s, u"fallback_path"_s, u"fallback_source"_s,
                          u"fallback_url"_s, u"max_age_ms"_s, u"max_body_bytes"_s,
                          u"max_error_rate"_s, u"max_latency_ms"_s, u"path"_s, u"source"_s,
                          u"stale_after_ms"_s, u"timeout_ms"_s, u"url"_s}));
    QCOMPARE(oracle.value(u"source"_s), QJsonValue(u"http"_s));
    QCOMPARE(oracle.value(u"url"_s),
             QJsonValue(u"https://prices.example.com:8443/v1/prices?market=id"_s));
    QCOMPARE(oracle.value(u"path"_s), QJsonValue(u"/var/lib/heartbeat/prices.json"_s));
    QCOMPARE(oracle.value(u"timeout_ms"_s).toInteger(), qint64(1500));
    QCOMPARE(oracle.value(u"max_body_bytes"_s).toInteger(), qint64(4096));
    QCOMPARE(oracle.value(u"demo_fault_rate"_s).toDouble(), 0.25);
    QCOMPARE(oracle.value(u"max_age_ms"_s).toInteger(), qint64(3'600'000));
    // Each channel writes the keys of its type and no others.
    const QJsonArray channels =
        json.value(u"notifications"_s).toObject().value(u"channels"_s).toArray();
    QCOMPARE(channels.size(), 3);
    const QStringList common{u"enabled"_s, u"kinds"_s, u"min_severity"_s, u"name"_s,
                             u"resend_interval_ms"_s, u"type"_s};
    const auto sorted = [](QStringList keys) {
        keys.sort();
        return keys;
    };
    QCOMPARE(channels.at(0).toObject().keys(), sorted(common + QStringList{u"secret"_s, u"url"_s}));
    QCOMPARE(channels.at(1).toObject().keys(),
             sorted(common + QStringList{u"base_url"_s, u"bot_token"_s, u"chat_id"_s}));
    QCOMPARE(channels.at(2).toObject().keys(), common);
    QCOMPARE(channels.at(0).toObject().value(u"secret"_s), QJsonValue(kSecret));
    // Without channels the object is left out, as a file from before notifications had it.
    QVERIFY(!HeartbeatConfig().toJson().contains(u"notifications"_s));
}

void TestConfig::equalityNoticesEveryField()
{
    const HeartbeatConfig base;
    for (const auto &[field, change] : fieldChanges()) {
        HeartbeatConfig changed = base;
        change(changed);
        QVERIFY2(changed != base, qPrintable(field));
        QVERIFY2(!hb::validateConfig(changed).has_value(), qPrintable(field));
    }
    // A task missing from the map is enabled: the same meaning, so equal.
    HeartbeatConfig sparse;
    sparse.tasks.remove(TaskName::PriceUpdate);
    QCOMPARE(sparse, base);
}

void TestConfig::acceptsBoundaries_data()
{
    QTest::addColumn<QJsonObject>("json");
    for (const IntRange &range : kIntRanges) {
        const QString path = QString::fromUtf16(range.path);
        for (qint64 value : {range.min, range.max}) {
            QJsonObject json = withField(path, value);
            // Keep the retention ladder (raw <= minute <= hour) intact at the boundaries.
            if (path.startsWith(u"retention."))
                json = QJsonObject{{u"retention"_s, QJsonObject{{u"raw_days"_s, value},
                                                                {u"minute_days"_s, value},
                                                                {u"hour_days"_s, value}}}};
            QTest::addRow("%s = %lld", path.toUtf8().constData(), value) << json;
        }
    }
    QTest::newRow("memory_warn_bytes = 1") << withField(u"memory_warn_bytes"_s, 1);
    QTest::newRow("memory_warn_bytes = 2^53 - 1")
        << withField(u"memory_warn_bytes"_s, (qint64(1) << 53) - 1);
    QTest::newRow("cycles_critical_threshold tiny")
        << withField(u"cycles_critical_threshold"_s, 0.001);
    QTest::newRow("integer written as 5000.0")
        << QJsonDocument::fromJson(R"({"tick_interval_ms": 5000.0})").object();
    QTest::newRow("version 1") << withField(u"version"_s, 1);
    QTest::newRow("cycles_top_up_target just above the alert line")
        << withField(u"cycles_top_up_target"_s, qint64(1'000'000'000'001));
    QTest::newRow("oracle.max_error_rate = 0") << withField(u"oracle.max_error_rate"_s, 0);
    QTest::newRow("oracle.max_error_rate = 1") << withField(u"oracle.max_error_rate"_s, 1);
    QTest::newRow("oracle.demo_fault_rate = 0") << withField(u"oracle.demo_fault_rate"_s, 0);
    QTest::newRow("oracle.demo_fault_rate = 1") << withField(u"oracle.demo_fault_rate"_s, 1);
    QTest::newRow("oracle http with a plain URL")
        << QJsonObject{{u"oracle"_s, QJsonObject{{u"source"_s, u"http"_s},
                                                  {u"url"_s, u"http://127.0.0.1:8089/prices"_s}}}};
    QTest::newRow("oracle http with https, port, query")
        << QJsonObject{
               {u"oracle"_s, QJsonObject{{u"source"_s, u"http"_s},
                                         {u"url"_s, u"https://oracle.example.id:8443/v1?c=rice"_s}}}};
    QTest::newRow("oracle file with a relative path")
        << QJsonObject{{u"oracle"_s, QJsonObject{{u"source"_s, u"file"_s},
                                                  {u"path"_s, u"prices.json"_s}}}};
    // Settings of the sources not chosen are kept, so switching back loses nothing.
    QTest::newRow("oracle demo keeps url and path")
        << QJsonObject{{u"oracle"_s, QJsonObject{{u"source"_s, u"demo"_s},
                                                  {u"url"_s, u"http://localhost/p"_s},
                                                  {u"path"_s, u"p.json"_s}}}};
}

// price_update's "alternative" fallback with its second source: read, kept, written back;
// "default_value" needs no second source.
void TestConfig::fallbackSourceIsReadAndWritten()
{
    const QJsonObject json{
        {u"oracle"_s, QJsonObject{{u"source"_s, u"file"_s},
                                  {u"path"_s, u"prices.json"_s},
                                  {u"fallback_source"_s, u"http"_s},
                                  {u"fallback_url"_s, u"http://127.0.0.1:9/p"_s}}},
        {u"tasks"_s,
         QJsonObject{{u"price_update"_s, QJsonObject{{u"fallback"_s, u"alternative"_s}}}}}};
    ConfigError error;
    const auto config = configFromJson(json, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(config->oracleFallbackSource, OracleSourceName::Http);
    QCOMPARE(config->oracleFallbackUrl, u"http://127.0.0.1:9/p"_s);
    QVERIFY(config->oracleFallbackPath.isEmpty());
    QCOMPARE(config->scheduleOf(TaskName::PriceUpdate).fallback,
             TaskSchedule::Fallback::Alternative);
    const QJsonObject oracle = config->toJson().value(u"oracle"_s).toObject();
    QCOMPARE(oracle.value(u"fallback_source"_s), QJsonValue(u"http"_s));
    QCOMPARE(oracle.value(u"fallback_url"_s), QJsonValue(u"http://127.0.0.1:9/p"_s));
    const auto reread = configFromJson(config->toJson(), &error);
    QVERIFY2(reread, qPrintable(error.toString()));
    QVERIFY(*reread == *config);

    // Without the second source the same file is refused (see rejectsBadField); default_value
    // needs none.
    HeartbeatConfig carry;
    TaskSchedule schedule;
    schedule.fallback = TaskSchedule::Fallback::DefaultValue;
    carry.schedules.insert(TaskName::PriceUpdate, schedule);
    QVERIFY(!hb::validateConfig(carry).has_value());
    // A default config names no second source.
    QCOMPARE(HeartbeatConfig().oracleFallbackSource, OracleSourceName::None);
}

void TestConfig::acceptsBoundaries()
{
    QFETCH(QJsonObject, json);
    ConfigError error;
    const auto config = configFromJson(json, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QVERIFY(!hb::validateConfig(*config).has_value());
    // What was read is what is written back.
    const QJsonObject written = config->toJson();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.value().isObject()) {
            const QJsonObject inner = it.value().toObject();
            for (auto in = inner.begin(); in != inner.end(); ++in)
                QCOMPARE(written.value(it.key()).toObject().value(in.key()), in.value());
        } else {
            QCOMPARE(written.value(it.key()), it.value());
        }
    }
}

void TestConfig::rejectsBadField_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("reasonContains");

    for (const IntRange &range : kIntRanges) {
        const QString path = QString::fromUtf16(range.path);
        const QString min = QString::number(range.min);
        const QString max = QString::number(range.max);
        const QString kind = u"must be an integer between "_s + min + u" and " + max;
        const QByteArray name = path.toUtf8();
        QTest::addRow("%s below range", name.constData())
            << withField(path, range.min - 1) << path
            << QStringList{kind, u"(got "_s + QString::number(range.min - 1) + u')'};
        QTest::addRow("%s above range", name.constData())
            << withField(path, range.max + 1) << path
            << QStringList{kind, u"(got "_s + QString::number(range.max + 1) + u')'};
        QTest::addRow("%s fractional", name.constData())
            << withField(path, double(range.min) + 0.5) << path
            << QStringList{kind, u"(got "_s + QString::number(range.min) + u".5)"};
        QTest::addRow("%s as a string", name.constData())
            << withField(path, min) << path << QStringList{kind, u"string"_s, min};
        QTest::addRow("%s null", name.constData())
            << withField(path, QJsonValue::Null) << path << QStringList{kind, u"null"_s};
        QTest::addRow("%s as a bool", name.constData())
            << withField(path, true) << path << QStringList{kind, u"(got true)"_s};
    }

    const QString memory = u"memory_warn_bytes"_s;
    QTest::newRow("memory_warn_bytes zero")
        << withField(memory, 0) << memory << QStringList{u"integer of at least 1"_s, u"(got 0)"_s};
    QTest::newRow("memory_warn_bytes negative")
        << withField(memory, -1) << memory << QStringList{u"at least 1"_s, u"(got -1)"_s};
    QTest::newRow("memory_warn_bytes beyond exact JSON integers")
        << withField(memory, 1e300) << memory << QStringList{u"integer"_s};
    QTest::newRow("memory_warn_bytes as a string")
        << withField(memory, u"1GB"_s) << memory << QStringList{u"integer"_s, u"\"1GB\""_s};

    for (const QString &path : {u"enabled"_s, u"maintenance_mode"_s, u"demo"_s}) {
        const QByteArray name = path.toUtf8();
        QTest::addRow("%s as a string", name.constData())
            << withField(path, u"true"_s) << path << QStringList{u"true or false"_s, u"string"_s};
        QTest::addRow("%s as a number", name.constData())
            << withField(path, 1) << path << QStringList{u"true or false"_s, u"(got 1)"_s};
    }

    for (const QString &path : {u"cycles_alert_threshold"_s, u"cycles_critical_threshold"_s}) {
        const QByteArray name = path.toUtf8();
        QTest::addRow("%s zero", name.constData())
            << withField(path, 0) << path << QStringList{u"number greater than 0"_s, u"(got 0)"_s};
        QTest::addRow("%s negative", name.constData())
            << withField(path, -2.5) << path
            << QStringList{u"number greater than 0"_s, u"(got -2.5)"_s};
        QTest::addRow("%s as a string", name.constData())
            << withField(path, u"1e12"_s) << path
            << QStringList{u"number greater than 0"_s, u"string"_s};
    }

    QTest::newRow("tasks flag as a string")
        << withField(u"tasks.price_update"_s, u"yes"_s) << u"tasks.price_update"_s
        << QStringList{u"true, false or an object"_s, u"\"yes\""_s};
    QTest::newRow("tasks flag as a number")
        << withField(u"tasks.auto_liquidation"_s, 0) << u"tasks.auto_liquidation"_s
        << QStringList{u"true, false or an object"_s, u"(got 0)"_s};
    QTest::newRow("unknown task name")
        << withField(u"tasks.price_updates"_s, true) << u"tasks.price_updates"_s
        << QStringList{u"unknown task"_s, u"price_update"_s};

    for (const QString &group : {u"tasks"_s, u"breaker"_s, u"retention"_s, u"oracle"_s}) {
        const QByteArray name = group.toUtf8();
        QTest::addRow("%s as a number", name.constData())
            << withField(group, 5) << group << QStringList{u"must be an object"_s, u"(got 5)"_s};
        QTest::addRow("%s as an array", name.constData())
            << withField(group, QJsonArray{1}) << group
            << QStringList{u"must be an object"_s, u"array"_s};
    }

    for (const QString &path :
         {u"tick_interval"_s, u"Enabled"_s, u"breaker.timeout"_s, u"breaker.failure_threshold_x"_s,
          u"retention.days"_s, u"oracle.timeout"_s, u"oracle.sources"_s}) {
        QTest::addRow("unknown key %s", path.toUtf8().constData())
            << withField(path, 1) << path << QStringList{u"unknown field"_s};
    }
    QTest::newRow("object where a number belongs")
        << withField(u"breaker.timeout_ms"_s, QJsonObject{{u"ms"_s, 1000}})
        << u"breaker.timeout_ms"_s << QStringList{u"integer"_s, u"object"_s};

    const QString pages = u"wall.pages"_s;
    QTest::newRow("wall page unknown") << withField(pages, u"overview,graphs"_s) << pages
                                       << QStringList{u"\"graphs\" is not a page"_s, u"alerts"_s};
    QTest::newRow("wall page twice") << withField(pages, u"alerts, alerts"_s) << pages
                                     << QStringList{u"names \"alerts\" twice"_s};
    QTest::newRow("wall no page") << withField(pages, u" , "_s) << pages
                                  << QStringList{u"at least one page"_s};
    const QString nightFrom = u"wall.night_from"_s;
    QTest::newRow("wall night one end") << withField(nightFrom, u"22:00"_s) << nightFrom
                                        << QStringList{u"set together"_s};
    QTest::newRow("wall night bad time")
        << QJsonObject{{u"wall"_s, QJsonObject{{u"night_from"_s, u"25:00"_s},
                                              {u"night_to"_s, u"06:00"_s}}}}
        << nightFrom << QStringList{u"HH:MM"_s, u"25:00"_s};
    QTest::newRow("wall night level above 1") << withField(u"wall.night_level"_s, 1.5)
                                              << u"wall.night_level"_s << QStringList{u"1.5"_s};

    const QString version = u"version"_s;
    QTest::newRow("newer version") << QJsonObject{{version, 2}, {u"a_field_from_the_future"_s, 1}}
                                   << version << QStringList{u"newer version"_s, u"format 2"_s};
    QTest::newRow("version 0") << withField(version, 0) << version << QStringList{u"must be 1"_s};
    QTest::newRow("version as a string")
        << withField(version, u"1"_s) << version << QStringList{u"must be 1"_s, u"string"_s};
    QTest::newRow("version fractional")
        << withField(version, 1.5) << version << QStringList{u"must be 1"_s, u"1.5"_s};

    QTest::newRow("cycles alert equal to critical")
        << QJsonObject{{u"cycles_alert_threshold"_s, 5e11}, {u"cycles_critical_threshold"_s, 5e11}}
        << u"cycles_alert_threshold"_s << QStringList{u"greater than cycles_critical_threshold"_s};
    QTest::newRow("cycles alert below critical")
        << QJsonObject{{u"cycles_alert_threshold"_s, 1e11}} << u"cycles_alert_threshold"_s
        << QStringList{u"greater than cycles_critical_threshold"_s, u"(got 1e+11)"_s};
    QTest::newRow("top-up target at the alert line")
        << QJsonObject{{u"cycles_top_up_target"_s, 1e12}} << u"cycles_top_up_target"_s
        << QStringList{u"greater than cycles_alert_threshold"_s, u"(got 1000000000000)"_s};
    QTest::newRow("oracle.max_error_rate above 1")
        << withField(u"oracle.max_error_rate"_s, 1.01) << u"oracle.max_error_rate"_s
        << QStringList{u"between 0 and 1"_s, u"(got 1.01)"_s};
    QTest::newRow("liquidation_dry_run as a string")
        << withField(u"liquidation_dry_run"_s, u"yes"_s) << u"liquidation_dry_run"_s
        << QStringList{u"true or false"_s};
    QTest::newRow("minute retention shorter than raw")
        << withField(u"retention.minute_days"_s, 13) << u"retention.minute_days"_s
        << QStringList{u"at least retention.raw_days (14)"_s, u"(got 13)"_s};
    QTest::newRow("hour retention shorter than minute")
        << QJsonObject{{u"retention"_s, QJsonObject{{u"minute_days"_s, 100}, {u"hour_days"_s, 99}}}}
        << u"retention.hour_days"_s
        << QStringList{u"at least retention.minute_days (100)"_s, u"(got 99)"_s};

    // The oracle section.
    const QString source = u"oracle.source"_s;
    const QString oneOf = u"must be one of \"none\", \"demo\", \"http\", \"file\""_s;
    QTest::newRow("oracle.source unknown")
        << withField(source, u"ftp"_s) << source << QStringList{oneOf, u"(got the string \"ftp\")"_s};
    QTest::newRow("oracle.source in capitals")
        << withField(source, u"HTTP"_s) << source << QStringList{oneOf, u"\"HTTP\""_s};
    QTest::newRow("oracle.source empty") << withField(source, u""_s) << source << QStringList{oneOf};
    QTest::newRow("oracle.source as a number")
        << withField(source, 1) << source << QStringList{oneOf, u"(got 1)"_s};

    const QString url = u"oracle.url"_s;
    auto oracle = [](const QString &src, const QString &key, const QJsonValue &value) {
        return QJsonObject{{u"oracle"_s, QJsonObject{{u"source"_s, src}, {key, value}}}};
    };
    const QString urlShape = u"must be an http:// or https:// URL with a host"_s;
    QTest::newRow("oracle.url missing for http")
        << withField(source, u"http"_s) << url
        << QStringList{u"is required when oracle.source is \"http\""_s};
    QTest::newRow("oracle.url empty for http")
        << oracle(u"http"_s, u"url"_s, u""_s) << url << QStringList{u"is required"_s};
    QTest::newRow("oracle.url ftp scheme")
        << oracle(u"http"_s, u"url"_s, u"ftp://prices.example.com/p"_s) << url
        << QStringList{urlShape, u"ftp://prices.example.com/p"_s};
    QTest::newRow("oracle.url without scheme")
        << oracle(u"http"_s, u"url"_s, u"prices.example.com/p"_s) << url << QStringList{urlShape};
    QTest::newRow("oracle.url without host")
        << oracle(u"http"_s, u"url"_s, u"http:///prices"_s) << url << QStringList{urlShape};
    QTest::newRow("oracle.url with a space")
        << oracle(u"http"_s, u"url"_s, u"http://exa mple.com/"_s) << url << QStringList{urlShape};
    QTest::newRow("oracle.url file scheme")
        << oracle(u"http"_s, u"url"_s, u"file:///tmp/prices.json"_s) << url << QStringList{urlShape};
    QTest::newRow("oracle.url bad even for demo")
        << oracle(u"demo"_s, u"url"_s, u"htp://x"_s) << url << QStringList{urlShape};
    QTest::newRow("oracle.url as a number")
        << oracle(u"http"_s, u"url"_s, 8089) << url
        << QStringList{u"must be a string"_s, u"(got 8089)"_s};

    const QString path = u"oracle.path"_s;
    QTest::newRow("oracle.path missing for file")
        << withField(source, u"file"_s) << path
        << QStringList{u"is required when oracle.source is \"file\""_s};
    QTest::newRow("oracle.path empty for file")
        << oracle(u"file"_s, u"path"_s, u""_s) << path << QStringList{u"is required"_s};
    QTest::newRow("oracle.path as an array")
        << oracle(u"file"_s, u"path"_s, QJsonArray{u"a"_s}) << path
        << QStringList{u"must be a string"_s, u"array"_s};

    // The second source of price_update's "alternative" fallback: the same rules as the first.
    const QString fallbackSource = u"oracle.fallback_source"_s;
    QTest::newRow("oracle.fallback_source unknown")
        << withField(fallbackSource, u"ftp"_s) << fallbackSource
        << QStringList{oneOf, u"(got the string \"ftp\")"_s};
    const auto fallback = [](const QString &src, const QString &key, const QJsonValue &value) {
        return QJsonObject{
            {u"oracle"_s, QJsonObject{{u"fallback_source"_s, src}, {key, value}}}};
    };
    const QString fallbackUrl = u"oracle.fallback_url"_s;
    QTest::newRow("oracle.fallback_url missing for http")
        << withField(fallbackSource, u"http"_s) << fallbackUrl
        << QStringList{u"is required when oracle.fallback_source is \"http\""_s};
    QTest::newRow("oracle.fallback_url without host")
        << fallback(u"http"_s, u"fallback_url"_s, u"http:///prices"_s) << fallbackUrl
        << QStringList{urlShape, u"http:///prices"_s};
    QTest::newRow("oracle.fallback_url bad even without a fallback source")
        << fallback(u"none"_s, u"fallback_url"_s, u"htp://x"_s) << fallbackUrl
        << QStringList{urlShape};
    const QString fallbackPath = u"oracle.fallback_path"_s;
    QTest::newRow("oracle.fallback_path missing for file")
        << withField(fallbackSource, u"file"_s) << fallbackPath
        << QStringList{u"is required when oracle.fallback_source is \"file\""_s};
    QTest::newRow("oracle.fallback_path empty for file")
        << fallback(u"file"_s, u"fallback_path"_s, u""_s) << fallbackPath
        << QStringList{u"is required"_s};
    QTest::newRow("alternative fallback without a second source")
        << QJsonObject{{u"tasks"_s,
                        QJsonObject{{u"price_update"_s,
                                     QJsonObject{{u"fallback"_s, u"alternative"_s}}}}}}
        << u"tasks.price_update.fallback"_s
        << QStringList{u"\"alternative\" needs a second price source"_s,
                       u"oracle.fallback_source"_s};

    const QString faultRate = u"oracle.demo_fault_rate"_s;
    const QString zeroToOne = u"must be a number between 0 and 1"_s;
    QTest::newRow("oracle.demo_fault_rate negative")
        << withField(faultRate, -0.1) << faultRate << QStringList{zeroToOne, u"(got -0.1)"_s};
    QTest::newRow("oracle.demo_fault_rate above 1")
        << withField(faultRate, 1.5) << faultRate << QStringList{zeroToOne, u"(got 1.5)"_s};
    QTest::newRow("oracle.demo_fault_rate as a percentage")
        << withField(faultRate, 10) << faultRate << QStringList{zeroToOne, u"(got 10)"_s};
    QTest::newRow("oracle.demo_fault_rate as a string")
        << withField(faultRate, u"0.1"_s) << faultRate << QStringList{zeroToOne, u"string"_s};
}

void TestConfig::rejectsBadField()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, field);
    QFETCH(QStringList, reasonContains);

    ConfigError error;
    const auto config = configFromJson(json, &error);
    QVERIFY2(!config, "accepted");
    QCOMPARE(error.field, field);
    for (const QString &part : reasonContains)
        QVERIFY2(error.reason.contains(part), qPrintable(error.reason + u" lacks: " + part));
    QVERIFY(!error.reason.contains(u'\n'));
    QCOMPARE(error.toString(), u"field '"_s + field + u"': " + error.reason);

    // Without an error pointer it still fails (and does not crash).
    QVERIFY(!configFromJson(json, nullptr));
}

void TestConfig::reasonShowsRangeAndValue()
{
    ConfigError error;
    QVERIFY(!configFromJson(withField(u"tick_interval_ms"_s, -5), &error));
    QCOMPARE(error.toString(),
             u"field 'tick_interval_ms': must be an integer between 100 and 86400000 (got -5)"_s);
    QCOMPARE((ConfigError{QString(), u"whole file"_s}.toString()), u"whole file"_s);
}

void TestConfig::validateConfig_data()
{
    QTest::addColumn<Mutator>("change");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("reasonContains");

    QTest::newRow("tick interval too short")
        << Mutator([](HeartbeatConfig &c) { c.tickIntervalMs = 99; }) << u"tick_interval_ms"_s
        << QStringList{u"between 100 and 86400000"_s, u"(got 99)"_s};
    QTest::newRow("task timeout too long")
        << Mutator([](HeartbeatConfig &c) { c.taskTimeoutMs = 3'600'001; }) << u"task_timeout_ms"_s
        << QStringList{u"between 10 and 3600000"_s};
    QTest::newRow("no concurrency")
        << Mutator([](HeartbeatConfig &c) { c.maxConcurrentTasks = 0; })
        << u"max_concurrent_tasks"_s << QStringList{u"between 1 and 64"_s, u"(got 0)"_s};
    QTest::newRow("liquidation threshold too long")
        << Mutator([](HeartbeatConfig &c) { c.autoLiquidationThresholdDays = 3651; })
        << u"auto_liquidation_threshold_days"_s << QStringList{u"between 1 and 3650"_s};
    QTest::newRow("breaker threshold too high")
        << Mutator([](HeartbeatConfig &c) { c.breakerFailureThreshold = 1001; })
        << u"breaker.failure_threshold"_s << QStringList{u"between 1 and 1000"_s};
    QTest::newRow("breaker timeout too short")
        << Mutator([](HeartbeatConfig &c) { c.breakerTimeoutMs = 999; }) << u"breaker.timeout_ms"_s
        << QStringList{u"between 1000 and 86400000"_s, u"(got 999)"_s};
    QTest::newRow("memory warning zero")
        << Mutator([](HeartbeatConfig &c) { c.memoryWarnBytes = 0; }) << u"memory_warn_bytes"_s
        << QStringList{u"at least 1"_s};
    QTest::newRow("memory warning beyond JSON") << Mutator([](HeartbeatConfig &c) {
        c.memoryWarnBytes = std::numeric_limits<qint64>::max();
    }) << u"memory_warn_bytes"_s << QStringList{u"at least 1"_s, u"9223372036854775807"_s};
    QTest::newRow("critical cycles zero")
        << Mutator([](HeartbeatConfig &c) { c.cyclesCriticalThreshold = 0; })
        << u"cycles_critical_threshold"_s << QStringList{u"greater than 0"_s};
    QTest::newRow("critical cycles not a number") << Mutator([](HeartbeatConfig &c) {
        c.cyclesCriticalThreshold = std::numeric_limits<double>::quiet_NaN();
    }) << u"cycles_critical_threshold"_s << QStringList{u"greater than 0"_s};
    QTest::newRow("alert at critical")
        << Mutator([](HeartbeatConfig &c) { c.cyclesAlertThreshold = c.cyclesCriticalThreshold; })
        << u"cycles_alert_threshold"_s << QStringList{u"greater than cycles_critical_threshold"_s};
    QTest::newRow("raw retention zero")
        << Mutator([](HeartbeatConfig &c) { c.retentionRawDays = 0; }) << u"retention.raw_days"_s
        << QStringList{u"between 1 and 3650"_s};
    QTest::newRow("minute retention below raw")
        << Mutator([](HeartbeatConfig &c) { c.retentionMinuteDays = c.retentionRawDays - 1; })
        << u"retention.minute_days"_s << QStringList{u"at least retention.raw_days"_s};
    QTest::newRow("hour retention below minute")
        << Mutator([](HeartbeatConfig &c) { c.retentionHourDays = c.retentionMinuteDays - 1; })
        << u"retention.hour_days"_s << QStringList{u"at least retention.minute_days"_s};
    QTest::newRow("oracle source unknown")
        << Mutator([](HeartbeatConfig &c) { c.oracleSource = u"carrier pigeon"_s; })
        << u"oracle.source"_s << QStringList{u"must be one of"_s, u"carrier pigeon"_s};
    QTest::newRow("oracle http without url")
        << Mutator([](HeartbeatConfig &c) { c.oracleSource = OracleSourceName::Http; })
        << u"oracle.url"_s << QStringList{u"required when oracle.source is \"http\""_s};
    QTest::newRow("oracle url without host") << Mutator([](HeartbeatConfig &c) {
        c.oracleSource = OracleSourceName::Http;
        c.oracleUrl = u"https://"_s;
    }) << u"oracle.url"_s << QStringList{u"URL with a host"_s};
    QTest::newRow("oracle file without path")
        << Mutator([](HeartbeatConfig &c) { c.oracleSource = OracleSourceName::File; })
        << u"oracle.path"_s << QStringList{u"required when oracle.source is \"file\""_s};
    QTest::newRow("oracle fallback http without url")
        << Mutator([](HeartbeatConfig &c) { c.oracleFallbackSource = OracleSourceName::Http; })
        << u"oracle.fallback_url"_s
        << QStringList{u"required when oracle.fallback_source is \"http\""_s};
    QTest::newRow("oracle fallback file without path")
        << Mutator([](HeartbeatConfig &c) { c.oracleFallbackSource = OracleSourceName::File; })
        << u"oracle.fallback_path"_s
        << QStringList{u"required when oracle.fallback_source is \"file\""_s};
    QTest::newRow("alternative without a fallback source") << Mutator([](HeartbeatConfig &c) {
        TaskSchedule schedule;
        schedule.fallback = TaskSchedule::Fallback::Alternative;
        c.schedules.insert(TaskName::PriceUpdate, schedule);
    }) << u"tasks.price_update.fallback"_s
       << QStringList{u"needs a second price source"_s};
    QTest::newRow("oracle timeout too short")
        << Mutator([](HeartbeatConfig &c) { c.oracleTimeoutMs = 99; }) << u"oracle.timeout_ms"_s
        << QStringList{u"between 100 and 60000"_s, u"(got 99)"_s};
    QTest::newRow("oracle body limit too large")
        << Mutator([](HeartbeatConfig &c) { c.oracleMaxBodyBytes = 10'485'761; })
        << u"oracle.max_body_bytes"_s << QStringList{u"between 1024 and 10485760"_s};
    QTest::newRow("oracle fault rate above 1")
        << Mutator([](HeartbeatConfig &c) { c.oracleDemoFaultRate = 1.01; })
        << u"oracle.demo_fault_rate"_s << QStringList{u"between 0 and 1"_s, u"(got 1.01)"_s};
    QTest::newRow("oracle fault rate not a number") << Mutator([](HeartbeatConfig &c) {
        c.oracleDemoFaultRate = std::numeric_limits<double>::quiet_NaN();
    }) << u"oracle.demo_fault_rate"_s << QStringList{u"between 0 and 1"_s};
    QTest::newRow("oracle max age zero")
        << Mutator([](HeartbeatConfig &c) { c.oracleMaxAgeMs = 0; }) << u"oracle.max_age_ms"_s
        << QStringList{u"between 1000 and 2592000000"_s};
    QTest::newRow("unknown task in the map")
        << Mutator([](HeartbeatConfig &c) { c.tasks.insert(u"defrag"_s, true); })
        << u"tasks.defrag"_s << QStringList{u"unknown task"_s};
}

void TestConfig::validateConfig()
{
    QFETCH(Mutator, change);
    QFETCH(QString, field);
    QFETCH(QStringList, reasonContains);

    HeartbeatConfig config;
    change(config);
    const std::optional<ConfigError> error = hb::validateConfig(config);
    QVERIFY2(error, "accepted");
    QCOMPARE(error->field, field);
    for (const QString &part : reasonContains)
        QVERIFY2(error->reason.contains(part), qPrintable(error->reason + u" lacks: " + part));

    // The file path applies the same rules: the same config written out is refused on load
    // with the same error (an unknown task is dropped by toJson, so it cannot reach a file).
    if (!field.startsWith(u"tasks.")) {
        ConfigError fromJson;
        QVERIFY(!configFromJson(config.toJson(), &fromJson));
        QCOMPARE(fromJson.field, error->field);
    }
}

void TestConfig::notificationsParsed()
{
    const QByteArray text = R"({"notifications": {"channels": [
        {"type": "webhook", "name": "ops", "url": "http://127.0.0.1:8000/hook",
         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "kinds": ["machine_down"],
         "min_severity": "warning", "resend_interval_ms": 0, "enabled": true},
        {"type": "telegram", "name": "tg", "bot_token": "42:xyz", "chat_id": -100123,
         "base_url": "http://127.0.0.1:9000"},
        {"type": "desktop", "name": "tray"}]}})";
    ConfigError error;
    const auto config = configFromJson(QJsonDocument::fromJson(text).object(), &error);
    QVERIFY2(config, qPrintable(error.toString()));
    const QVector<NotificationChannel> &channels = config->notifications.channels;
    QCOMPARE(channels.size(), 3);
    QCOMPARE(channels.at(0).url, u"http://127.0.0.1:8000/hook"_s);
    QCOMPARE(channels.at(0).kinds, QStringList{NotificationKind::MachineDown});
    QCOMPARE(channels.at(0).minSeverity, u"warning"_s);
    QCOMPARE(webhookSecretKey(channels.at(0).secret).size(), 24);
    QCOMPARE(channels.at(1).chatId, u"-100123"_s); // a number is taken as the id it is
    QCOMPARE(channels.at(1).baseUrl, u"http://127.0.0.1:9000"_s);
    QCOMPARE(channels.at(2).type, NotificationChannelType::Desktop);
    QCOMPARE(channels.at(2).minSeverity, u"info"_s); // default
    QVERIFY(channels.at(2).kinds.isEmpty());          // every kind
    QVERIFY(!hb::validateConfig(*config));
}

void TestConfig::notificationsRejected_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reasonContains");

    const auto changed = [](const QString &key, const QJsonValue &value) {
        QJsonObject o = webhookJson();
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return withChannel(o);
    };
    const QString f0 = u"notifications.channels[0]."_s;
    QTest::newRow("not an object") << QJsonObject{{u"notifications"_s, 3}} << u"notifications"_s
                                   << u"object"_s;
    QTest::newRow("unknown key at the top")
        << QJsonObject{{u"notifications"_s, QJsonObject{{u"chanels"_s, QJsonArray()}}}}
        << u"notifications.chanels"_s << u"unknown field"_s;
    QTest::newRow("channels not an array")
        << QJsonObject{{u"notifications"_s, QJsonObject{{u"channels"_s, u"ops"_s}}}}
        << u"notifications.channels"_s << u"array"_s;
    QTest::newRow("channel not an object")
        << QJsonObject{{u"notifications"_s, QJsonObject{{u"channels"_s, QJsonArray{1}}}}}
        << u"notifications.channels[0]"_s << u"object"_s;
    QTest::newRow("no type") << changed(u"type"_s, QJsonValue::Undefined) << f0 + u"type"
                             << u"required"_s;
    QTest::newRow("bad type") << changed(u"type"_s, u"email"_s) << f0 + u"type" << u"\"webhook\""_s;
    QTest::newRow("no name") << changed(u"name"_s, QJsonValue::Undefined) << f0 + u"name"
                             << u"required"_s;
    QTest::newRow("empty name") << changed(u"name"_s, u""_s) << f0 + u"name" << u"required"_s;
    QTest::newRow("unknown key") << changed(u"urll"_s, u"x"_s) << f0 + u"urll"
                                 << u"unknown field"_s;
    QTest::newRow("key of another type")
        << changed(u"bot_token"_s, u"1:a"_s) << f0 + u"bot_token" << u"not used by a webhook"_s;
    QTest::newRow("no url") << changed(u"url"_s, QJsonValue::Undefined) << f0 + u"url"
                            << u"required"_s;
    QTest::newRow("ftp url") << changed(u"url"_s, u"ftp://example.com/"_s) << f0 + u"url"
                             << u"http://"_s;
    QTest::newRow("url without host") << changed(u"url"_s, u"http:///x"_s) << f0 + u"url"
                                      << u"host"_s;
    QTest::newRow("no secret") << changed(u"secret"_s, QJsonValue::Undefined) << f0 + u"secret"
                               << u"required"_s;
    QTest::newRow("secret without prefix")
        << changed(u"secret"_s, u"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s) << f0 + u"secret"
        << u"whsec_"_s;
    QTest::newRow("secret not base64")
        << changed(u"secret"_s, u"whsec_not*base64!!not*base64!!not*base64"_s) << f0 + u"secret"
        << u"base64"_s;
    QTest::newRow("secret too short") << changed(u"secret"_s, u"whsec_c2hvcnQ="_s)
                                      << f0 + u"secret" << u"24"_s;
    QTest::newRow("bad kind") << changed(u"kinds"_s, QJsonArray{u"machine_gone"_s})
                              << f0 + u"kinds" << u"machine_down"_s;
    QTest::newRow("kind twice")
        << changed(u"kinds"_s, QJsonArray{u"machine_up"_s, u"machine_up"_s}) << f0 + u"kinds"
        << u"twice"_s;
    QTest::newRow("kinds not an array") << changed(u"kinds"_s, u"machine_up"_s) << f0 + u"kinds"
                                        << u"array"_s;
    QTest::newRow("bad severity") << changed(u"min_severity"_s, u"error"_s)
                                  << f0 + u"min_severity" << u"\"critical\""_s;
    QTest::newRow("resend too short") << changed(u"resend_interval_ms"_s, 10)
                                      << f0 + u"resend_interval_ms" << u"(got 10)"_s;
    QTest::newRow("resend negative") << changed(u"resend_interval_ms"_s, -1)
                                     << f0 + u"resend_interval_ms" << u"(got -1)"_s;
    QTest::newRow("enabled not a bool") << changed(u"enabled"_s, u"yes"_s) << f0 + u"enabled"
                                        << u"true or false"_s;

    QJsonObject second = webhookJson();
    second.insert(u"url"_s, u"not a url"_s);
    QTest::newRow("second channel names its index")
        << QJsonObject{{u"notifications"_s,
                        QJsonObject{{u"channels"_s,
                                     QJsonArray{webhookJson(),
                                                [] {
                                                    QJsonObject o = webhookJson();
                                                    o.insert(u"name"_s, u"b"_s);
                                                    o.insert(u"url"_s, u"not a url"_s);
                                                    return o;
                                                }()}}}}}
        << u"notifications.channels[1].url"_s << u"http://"_s;
    QTest::newRow("names unique")
        << QJsonObject{{u"notifications"_s,
                        QJsonObject{{u"channels"_s, QJsonArray{webhookJson(), webhookJson()}}}}}
        << u"notifications.channels[1].name"_s << u"unique"_s;

    const QJsonObject telegram{{u"type"_s, u"telegram"_s},
                               {u"name"_s, u"tg"_s},
                               {u"bot_token"_s, u"1:a"_s},
                               {u"chat_id"_s, u"5"_s}};
    QJsonObject noChat = telegram;
    noChat.remove(u"chat_id"_s);
    QTest::newRow("telegram without chat") << withChannel(noChat) << f0 + u"chat_id"
                                           << u"required"_s;
    QJsonObject slashToken = telegram;
    slashToken.insert(u"bot_token"_s, u"1:a/../x"_s);
    QTest::newRow("telegram token with a slash")
        << withChannel(slashToken) << f0 + u"bot_token" << u"\"/\""_s;
    QJsonObject badBase = telegram;
    badBase.insert(u"base_url"_s, u"api.telegram.org"_s);
    QTest::newRow("telegram bad base url") << withChannel(badBase) << f0 + u"base_url"
                                           << u"http://"_s;
    QTest::newRow("desktop with a url")
        << withChannel({{u"type"_s, u"desktop"_s}, {u"name"_s, u"d"_s}, {u"url"_s, u"http://a"_s}})
        << f0 + u"url" << u"not used by a desktop"_s;

    const auto rules = [](const QJsonValue &value) {
        return QJsonObject{{u"notifications"_s, QJsonObject{{u"rules"_s, value}}}};
    };
    const auto rule = [](const QJsonValue &root, const QJsonValue &holds) {
        QJsonObject o;
        if (!root.isUndefined())
            o.insert(u"root"_s, root);
        if (!holds.isUndefined())
            o.insert(u"holds"_s, holds);
        return o;
    };
    const QString r0 = u"notifications.rules[0]."_s;
    QTest::newRow("rules not an array")
        << rules(QJsonObject()) << u"notifications.rules"_s << u"array"_s;
    QTest::newRow("rule not an object")
        << rules(QJsonArray{u"oracle_down"_s}) << u"notifications.rules[0]"_s << u"object"_s;
    QTest::newRow("rule without root")
        << rules(QJsonArray{rule(QJsonValue::Undefined, QJsonArray{u"price_update"_s})})
        << r0 + u"root" << u"required"_s;
    QTest::newRow("rule without holds")
        << rules(QJsonArray{rule(u"oracle_down"_s, QJsonValue::Undefined)}) << r0 + u"holds"
        << u"required"_s;
    QTest::newRow("rule with an unknown key")
        << rules(QJsonArray{QJsonObject{{u"root"_s, u"oracle_down"_s},
                                        {u"holds"_s, QJsonArray{u"price_update"_s}},
                                        {u"hold"_s, 1}}})
        << r0 + u"hold" << u"unknown field"_s;
    QTest::newRow("unknown root") << rules(QJsonArray{
                                         rule(u"oracle_up"_s, QJsonArray{u"price_update"_s})})
                                  << r0 + u"root" << u"machine:NAME"_s;
    QTest::newRow("machine root without a name")
        << rules(QJsonArray{rule(u"machine:"_s, QJsonArray{u"price_update"_s})}) << r0 + u"root"
        << u"machine:NAME"_s;
    QTest::newRow("machine name with a space")
        << rules(QJsonArray{rule(u"machine:relay 1"_s, QJsonArray{u"price_update"_s})})
        << r0 + u"root" << u"machine:NAME"_s;
    QTest::newRow("holds nothing") << rules(QJsonArray{rule(u"machine:relay-1"_s, QJsonArray())})
                                   << r0 + u"holds" << u"at least one"_s;
    QTest::newRow("holds an unknown task")
        << rules(QJsonArray{rule(u"machine:relay-1"_s, QJsonArray{u"price_update"_s, u"x"_s})})
        << r0 + u"holds[1]" << u"price_update"_s;
    QTest::newRow("holds a number") << rules(QJsonArray{rule(u"machine:relay-1"_s, QJsonArray{5})})
                                    << r0 + u"holds[0]" << u"task name"_s;
    QTest::newRow("holds a task twice")
        << rules(QJsonArray{rule(u"machine:a"_s, QJsonArray{u"price_update"_s, u"price_update"_s})})
        << r0 + u"holds[1]" << u"twice"_s;
    QTest::newRow("oracle holds itself")
        << rules(QJsonArray{rule(u"oracle_down"_s, QJsonArray{u"oracle_monitoring"_s})})
        << r0 + u"holds[0]" << u"root"_s;
    QTest::newRow("root twice") << rules(QJsonArray{
                                       rule(u"machine:a"_s, QJsonArray{u"price_update"_s}),
                                       rule(u"machine:a"_s, QJsonArray{u"auto_liquidation"_s})})
                                << u"notifications.rules[1].root"_s << u"unique"_s;
}

void TestConfig::notificationsRejected()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, field);
    QFETCH(QString, reasonContains);
    ConfigError error;
    QVERIFY2(!configFromJson(json, &error), "accepted");
    QCOMPARE(error.field, field);
    QVERIFY2(error.reason.contains(reasonContains), qPrintable(error.reason));
    // A secret never appears in an error (errors end up in logs and on stderr).
    QVERIFY(!error.reason.contains(u"MfKQ9r8GKYqrTwjUPD8"_s));
    QVERIFY(!error.reason.contains(u"not*base64"_s));
}

void TestConfig::dependencyRules()
{
    ConfigError error;
    // Absent: the built-in oracle rule, and a file of defaults does not spell it out.
    const auto defaults = configFromJson(QJsonObject(), &error);
    QVERIFY2(defaults, qPrintable(error.toString()));
    QCOMPARE(defaults->notifications.rules.size(), 1);
    QCOMPARE(defaults->notifications.rules.at(0).root, u"oracle_down"_s);
    QCOMPARE(defaults->notifications.rules.at(0).holds,
             (QStringList{u"price_update"_s, u"auto_liquidation"_s}));
    QVERIFY(!defaults->toJson().contains(u"notifications"_s));

    // Given: taken as written, and written back so that it reads the same.
    const QByteArray text = R"({"notifications": {"rules": [
        {"root": "machine:relay-1", "holds": ["price_update", "oracle_monitoring"]},
        {"root": "oracle_down", "holds": ["auto_liquidation"]}]}})";
    const auto config = configFromJson(QJsonDocument::fromJson(text).object(), &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(config->notifications.rules.size(), 2);
    QCOMPARE(config->notifications.rules.at(0).root, u"machine:relay-1"_s);
    QCOMPARE(config->notifications.rules.at(0).holds,
             (QStringList{u"price_update"_s, u"oracle_monitoring"_s}));
    QVERIFY(*config != *defaults);
    QVERIFY(!hb::validateConfig(*config));
    const auto again = configFromJson(config->toJson(), &error);
    QVERIFY2(again, qPrintable(error.toString()));
    QCOMPARE(again->notifications.rules, config->notifications.rules);
    QVERIFY(*again == *config);

    // An empty list holds nothing, and stays empty through a save (not back to the defaults).
    const auto none = configFromJson(
        QJsonObject{{u"notifications"_s, QJsonObject{{u"rules"_s, QJsonArray()}}}}, &error);
    QVERIFY2(none, qPrintable(error.toString()));
    QVERIFY(none->notifications.rules.isEmpty());
    const auto noneAgain = configFromJson(none->toJson(), &error);
    QVERIFY(noneAgain && noneAgain->notifications.rules.isEmpty());

    // An in-memory rule is checked like one from the file.
    HeartbeatConfig bad;
    bad.notifications.rules = {{u"machine:relay-1"_s, {u"no_such_task"_s}}};
    const auto problem = hb::validateConfig(bad);
    QVERIFY(problem);
    QCOMPARE(problem->field, u"notifications.rules[0].holds[0]"_s);
}

void TestConfig::notificationsValidatedInMemory()
{
    // operator== notices every field of a channel.
    const std::function<void(NotificationChannel &)> channelChanges[] = {
        [](NotificationChannel &c) { c.type = NotificationChannelType::Desktop; },
        [](NotificationChannel &c) { c.name = u"other"_s; },
        [](NotificationChannel &c) { c.enabled = !c.enabled; },
        [](NotificationChannel &c) { c.url += u"/x"_s; },
        [](NotificationChannel &c) { c.secret += u"x"_s; },
        [](NotificationChannel &c) { c.botToken = u"1:b"_s; },
        [](NotificationChannel &c) { c.chatId = u"7"_s; },
        [](NotificationChannel &c) { c.baseUrl = u"http://h"_s; },
        [](NotificationChannel &c) { c.kinds.append(NotificationKind::StoreFailed); },
        [](NotificationChannel &c) { c.minSeverity = u"critical"_s; },
        [](NotificationChannel &c) { c.resendIntervalMs = 1000; },
    };
    for (const auto &change : channelChanges) {
        HeartbeatConfig a;
        a.notifications.channels = threeChannels();
        HeartbeatConfig b = a;
        QCOMPARE(a, b);
        change(b.notifications.channels[0]);
        QVERIFY(a != b);
    }

    HeartbeatConfig config;
    config.notifications.channels = threeChannels();
    QVERIFY(!hb::validateConfig(config));
    config.notifications.channels[1].name = u"ops"_s;
    auto error = hb::validateConfig(config);
    QVERIFY(error);
    QCOMPARE(error->field, u"notifications.channels[1].name"_s);

    config.notifications.channels = threeChannels();
    config.notifications.channels[0].secret = u"whsec_"_s;
    error = hb::validateConfig(config);
    QVERIFY(error);
    QCOMPARE(error->field, u"notifications.channels[0].secret"_s);

    // A field of another type would be lost on save: refused, and the file is not written.
    config.notifications.channels = threeChannels();
    config.notifications.channels[2].botToken = u"1:a"_s;
    error = hb::validateConfig(config);
    QVERIFY(error);
    QCOMPARE(error->field, u"notifications.channels[2].bot_token"_s);
    QTemporaryDir dir;
    QString message;
    QVERIFY(!ConfigFile(dir.filePath(u"config.json"_s)).save(config, &message));
    QVERIFY(message.contains(u"notifications.channels[2].bot_token"_s));
}

void TestConfig::loadMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConfigFile file(dir.filePath(u"config.json"_s));
    QVERIFY(!file.exists());
    QString message;
    QVERIFY(!file.load(&message));
    QVERIFY2(message.startsWith(file.path() + u": "), qPrintable(message));
    QVERIFY(message.contains(u"does not exist"));
    QVERIFY(!message.contains(u'\n'));
    QVERIFY(!file.exists());
    QCOMPARE(entries(dir.path()), QStringList());
}

void TestConfig::loadDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConfigFile file(dir.path());
    QString message;
    QVERIFY(!file.load(&message));
    QVERIFY2(message.startsWith(dir.path() + u": cannot read"), qPrintable(message));
}

void TestConfig::loadValidFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"config.json"_s);
    QVERIFY(writeFile(path, R"({
        "version": 1,
        "maintenance_mode": true,
        "tick_interval_ms": 2000,
        "tasks": {"auto_liquidation": false},
        "retention": {"raw_days": 3}
    })"));
    const ConfigFile file(path);
    QVERIFY(file.exists());
    QString message;
    const auto config = file.load(&message);
    QVERIFY2(config, qPrintable(message));
    HeartbeatConfig expected;
    expected.maintenanceMode = true;
    expected.tickIntervalMs = 2000;
    expected.tasks[TaskName::AutoLiquidation] = false;
    expected.retentionRawDays = 3;
    QCOMPARE(*config, expected);
}

void TestConfig::loadInvalidFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("messageContains");

    QTest::newRow("not JSON") << QByteArray(R"({"enabled": tru})")
                              << QStringList{u"not valid JSON"_s, u"at byte 1"_s};
    QTest::newRow("truncated") << QByteArray(R"({"enabled": true,)")
                               << QStringList{u"not valid JSON"_s, u"at byte"_s};
    QTest::newRow("empty file") << QByteArray() << QStringList{u"not valid JSON"_s};
    QTest::newRow("array") << QByteArray("[1, 2]") << QStringList{u"not a JSON object"_s};
    QTest::newRow("invalid field")
        << QByteArray(R"({"tick_interval_ms": -5})")
        << QStringList{
               u": field 'tick_interval_ms': must be an integer between 100 and 86400000 (got -5)"_s};
    QTest::newRow("newer version") << QByteArray(R"({"version": 2, "shiny_new_option": true})")
                                   << QStringList{u"field 'version'"_s, u"newer version"_s};
    QTest::newRow("unknown task") << QByteArray(R"({"tasks": {"coffee_brewing": true}})")
                                  << QStringList{u"field 'tasks.coffee_brewing': unknown task"_s};
    QTest::newRow("oracle http without url")
        << QByteArray(R"({"oracle": {"source": "http", "timeout_ms": 2000}})")
        << QStringList{
               u": field 'oracle.url': is required when oracle.source is \"http\""_s};
}

void TestConfig::loadInvalidFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, messageContains);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"config.json"_s);
    QVERIFY(writeFile(path, content));

    QString message;
    QVERIFY(!ConfigFile(path).load(&message));
    QVERIFY2(message.startsWith(path + u": "), qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    for (const QString &part : messageContains)
        QVERIFY2(message.contains(part), qPrintable(message + u" lacks: " + part));

    // A failed load leaves the file (and its directory) exactly as they were.
    QCOMPARE(test::readAll(path), content);
    QCOMPARE(entries(dir.path()), QStringList{u"config.json"_s});
}

void TestConfig::saveThenLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConfigFile file(dir.filePath(u"config.json"_s));
    QString message;
    QVERIFY2(file.save(customConfig(), &message), qPrintable(message));
    QVERIFY(file.exists());
    QCOMPARE(entries(dir.path()), QStringList{u"config.json"_s});

    const QByteArray bytes = test::readAll(file.path());
    QVERIFY2(bytes.contains("\n    \"tick_interval_ms\": 12345"), bytes.constData()); // indented
    const auto loaded = file.load(&message);
    QVERIFY2(loaded, qPrintable(message));
    QCOMPARE(*loaded, customConfig());
}

void TestConfig::saveIntoMissingDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(u"no-such-dir"_s);
    const ConfigFile file(missing + u"/config.json");
    QString message;
    QVERIFY(!file.save(HeartbeatConfig(), &message));
    QVERIFY2(message.startsWith(file.path() + u": cannot save ("), qPrintable(message));
    QVERIFY(message.endsWith(u')'));
    QVERIFY(!message.contains(u'\n'));
    QVERIFY(!QFileInfo::exists(missing));
    QCOMPARE(entries(dir.path()), QStringList());
}

void TestConfig::saveReplacesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConfigFile file(dir.filePath(u"config.json"_s));
    QString message;
    QVERIFY2(file.save(HeartbeatConfig(), &message), qPrintable(message));
    const QByteArray before = test::readAll(file.path());

#ifdef Q_OS_UNIX
    // A reader that opened the old file keeps reading it whole: the new file is renamed into
    // place instead of being rewritten underneath the reader.
    QFile reader(file.path());
    QVERIFY(reader.open(QIODevice::ReadOnly));
#endif

    QVERIFY2(file.save(customConfig(), &message), qPrintable(message));

#ifdef Q_OS_UNIX
    QCOMPARE(reader.readAll(), before);
#endif
    QVERIFY(test::readAll(file.path()) != before);
    const auto loaded = file.load(&message);
    QVERIFY2(loaded, qPrintable(message));
    QCOMPARE(*loaded, customConfig());
    // No temporary or backup file left behind.
    QCOMPARE(entries(dir.path()), QStringList{u"config.json"_s});
}

void TestConfig::saveInvalidConfigKeepsOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConfigFile file(dir.filePath(u"config.json"_s));
    QString message;
    QVERIFY2(file.save(customConfig(), &message), qPrintable(message));
    const QByteArray before = test::readAll(file.path());

    HeartbeatConfig invalid;
    invalid.tickIntervalMs = 5;
    QVERIFY(!file.save(invalid, &message));
    QVERIFY2(message.startsWith(file.path() + u": cannot save ("), qPrintable(message));
    QVERIFY2(message.contains(u"tick_interval_ms"), qPrintable(message));
    QCOMPARE(test::readAll(file.path()), before);
    QCOMPARE(entries(dir.path()), QStringList{u"config.json"_s});
}

void TestConfig::saveIntoReadOnlyDirectoryKeepsOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConfigFile file(dir.filePath(u"config.json"_s));
    QString message;
    QVERIFY2(file.save(HeartbeatConfig(), &message), qPrintable(message));
    const QByteArray before = test::readAll(file.path());

    QFile::Permissions readOnly = QFile::ReadOwner | QFile::ExeOwner;
    QVERIFY(QFile::setPermissions(dir.path(), readOnly));
    auto restore =
        qScopeGuard([&] { QFile::setPermissions(dir.path(), readOnly | QFile::WriteOwner); });
    QFile probe(dir.filePath(u"probe"_s));
    if (probe.open(QIODevice::WriteOnly)) {
        probe.remove();
        QSKIP("running with privileges that ignore directory permissions (root?)");
    }

    QVERIFY(!file.save(customConfig(), &message));
    QVERIFY2(message.startsWith(file.path() + u": cannot save ("), qPrintable(message));
    QCOMPARE(test::readAll(file.path()), before);
    QCOMPARE(entries(dir.path()), QStringList{u"config.json"_s});
}

void TestConfig::saveFailingMidWriteKeepsOldFile()
{
#ifdef Q_OS_LINUX
    // A write that fails half-way (disk full, quota) even for root: cap the size of files this
    // process may write, so the new content cannot be written completely.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConfigFile file(dir.filePath(u"config.json"_s));
    const QByteArray before = R"({"tick_interval_ms": 5000})";
    QVERIFY(writeFile(file.path(), before));

    rlimit old{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit capped = old;
    capped.rlim_cur = rlim_t(before.size());
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &capped), 0);
    // Nothing may write to a file (the test log included) until the limit is lifted again.
    QString message;
    const bool saved = file.save(customConfig(), &message);
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);

    QVERIFY(!saved);
    QVERIFY2(message.startsWith(file.path() + u": cannot save ("), qPrintable(message));
    // The reason is the operating system's, not Qt's "Unknown error".
    QVERIFY2(message.contains(qt_error_string(EFBIG)), qPrintable(message));
    QCOMPARE(test::readAll(file.path()), before);
    QCOMPARE(entries(dir.path()), QStringList{u"config.json"_s});
#else
    QSKIP("needs RLIMIT_FSIZE");
#endif
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
