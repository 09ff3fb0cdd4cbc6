#pragma once

#include "core/taskschedule.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace hb {

// Names of the maintenance tasks, as used in config.json ("tasks" object), the executions table
// and the GUI. The order is the order ticks run them in and the GUI lists them.
namespace TaskName {
inline const QString PriceUpdate = QStringLiteral("price_update");
inline const QString LoanMonitoring = QStringLiteral("loan_monitoring");
inline const QString CyclesMonitoring = QStringLiteral("cycles_monitoring");
inline const QString MemoryMonitoring = QStringLiteral("memory_monitoring");
inline const QString AutoCleanup = QStringLiteral("auto_cleanup");
inline const QString PoolMaintenance = QStringLiteral("pool_maintenance");
inline const QString AutoLiquidation = QStringLiteral("auto_liquidation");
inline const QString OracleMonitoring = QStringLiteral("oracle_monitoring");
inline const QString TreasuryMonitoring = QStringLiteral("treasury_monitoring");
inline const QString ShardBalancing = QStringLiteral("shard_balancing");
QStringList all();
} // namespace TaskName

// Values of "oracle.source" in config.json: where the price oracle reads prices from.
namespace OracleSourceName {
inline const QString None = QStringLiteral("none"); // no source: price updates are skipped
inline const QString Demo = QStringLiteral("demo"); // in-process seeded random walk
inline const QString Http = QStringLiteral("http"); // GET oracle.url
inline const QString File = QStringLiteral("file"); // read oracle.path
QStringList all();
} // namespace OracleSourceName

// What notifications are about: config.json "notifications.channels[].kinds", the "type" of a
// webhook's body, the delivery log.
namespace NotificationKind {
inline const QString MachineDown = QStringLiteral("machine_down");
inline const QString MachineUp = QStringLiteral("machine_up");
inline const QString BreakerOpened = QStringLiteral("breaker_opened");
inline const QString BreakerClosed = QStringLiteral("breaker_closed");
inline const QString AlertRaised = QStringLiteral("alert_raised");
inline const QString AlertCleared = QStringLiteral("alert_cleared");
inline const QString EmergencyPause = QStringLiteral("emergency_pause");
inline const QString EmergencyResume = QStringLiteral("emergency_resume");
inline const QString StoreFailed = QStringLiteral("store_failed");
QStringList all();
} // namespace NotificationKind

// Values of "notifications.channels[].type".
namespace NotificationChannelType {
inline const QString Webhook = QStringLiteral("webhook");   // POST JSON, Standard Webhooks signature
inline const QString Telegram = QStringLiteral("telegram"); // Bot API sendMessage
inline const QString Desktop = QStringLiteral("desktop");   // the dashboard's tray icon
QStringList all();
} // namespace NotificationChannelType

// One place notifications go ("notifications.channels[]" in config.json).
struct NotificationChannel
{
    QString type = NotificationChannelType::Webhook;
    QString name;     // unique among the channels; the delivery log names it
    bool enabled = true;
    QString url;      // webhook: the receiver, http(s)
    QString secret;   // webhook: "whsec_" + base64 of the key (Standard Webhooks)
    QString botToken; // telegram
    QString chatId;   // telegram
    QString baseUrl = QStringLiteral("https://api.telegram.org"); // telegram; tests point it elsewhere
    QStringList kinds;                            // NotificationKind names; empty: every kind
    QString minSeverity = QStringLiteral("info"); // info | warning | critical
    qint64 resendIntervalMs = 0;                  // 0: off; else re-sent while the condition lasts

    bool operator==(const NotificationChannel &other) const;
    bool operator!=(const NotificationChannel &other) const { return !(*this == other); }
};

// A dependency rule ("notifications.rules[]"): while the root cause is active, the
// notifications of the conditions it holds are held - logged "held" under it, not sent.
//   root  "oracle_down": the price feed is cut (price_update's breaker not closed) or a critical
//         alert of oracle_monitoring is active; "machine:NAME": NAME is down
//   holds task names: their circuit breakers and critical alerts
// Without the key the rules are defaultRules(); "rules": [] holds nothing.
struct DependencyRule
{
    static inline const QString OracleDown = QStringLiteral("oracle_down");
    static inline const QString MachinePrefix = QStringLiteral("machine:");

    QString root;
    QStringList holds;

    bool operator==(const DependencyRule &other) const
    {
        return root == other.root && holds == other.holds;
    }
    bool operator!=(const DependencyRule &other) const { return !(*this == other); }
};

// The "notifications" object of config.json.
struct NotificationsConfig
{
    // oracle_down holds price_update and auto_liquidation.
    static QVector<DependencyRule> defaultRules();

    QVector<NotificationChannel> channels;
    QVector<DependencyRule> rules = defaultRules();

    bool operator==(const NotificationsConfig &other) const;
    bool operator!=(const NotificationsConfig &other) const { return !(*this == other); }
};

// Values of "emergency_action": what the engine does when a task's fallback fails too.
namespace EmergencyActionName {
inline const QString Notify = QStringLiteral("notify");       // a critical alert (and its notification)
inline const QString PauseAll = QStringLiteral("pause_all");  // the emergency pause, audited
inline const QString SafeMode = QStringLiteral("safe_mode");  // only critical tasks run until an admin leaves it
QStringList all();
} // namespace EmergencyActionName

// The typed HeartbeatConfig (docs/architecture.md, "config.json"): one struct with defaults,
// validated on load, written atomically. config.json holds exactly these fields (snake_case keys);
// see README "config.json".
struct HeartbeatConfig
{
    static constexpr int FormatVersion = 1;

    bool enabled = true;
    bool maintenanceMode = false;
    bool demo = false;
    qint64 tickIntervalMs = 30'000;         // 100 .. 86 400 000
    qint64 taskTimeoutMs = 10'000;          // 10 .. 3 600 000
    int maxConcurrentTasks = 4;             // 1 .. 64
    QMap<QString, bool> tasks;              // one enable flag per TaskName::all(); default true
    // When each task runs ("tasks.NAME" as an object; docs/scheduling.md). A task missing from
    // the map runs every tick.
    QMap<QString, TaskSchedule> schedules;
    int autoLiquidationThresholdDays = 45;  // 1 .. 3650
    int breakerFailureThreshold = 5;        // 1 .. 1000
    qint64 breakerTimeoutMs = 300'000;      // 1 000 .. 86 400 000
    qint64 memoryWarnBytes = 1'000'000'000; // > 0
    double cyclesAlertThreshold = 1e12;     // > critical
    double cyclesCriticalThreshold = 5e11;  // > 0
    qint64 cyclesTopUpTarget = 2'000'000'000'000; // > cycles_alert_threshold; treasury tops up to this
    qint64 cyclesCostPerItem = 1'000'000;   // 0 .. 10^12, cycles a task burns per item of work
    bool liquidationDryRun = false;         // auto liquidation lists what it would do, changes nothing
    int auditLogCap = 10'000;               // 100 .. 10 000 000 audit_log rows kept
    int retentionRawDays = 14;              // 1 .. 3650
    int retentionMinuteDays = 90;           // >= raw days
    int retentionHourDays = 730;            // >= minute days
    QString emergencyAction = EmergencyActionName::Notify; // a fallback failed too (EmergencyActionName)

    // The price oracle ("oracle" object; engine/oracle/ reads these).
    // none | demo | http | file. A file that does not say takes "demo" in a demo directory and
    // "none" elsewhere: simulated prices never reach a real ledger unasked.
    QString oracleSource = OracleSourceName::None;
    QString oracleUrl;                             // http(s) with a host; required for http
    QString oraclePath;                            // the JSON file; required for file
    // A second source price_update asks when the first fails and its fallback is "alternative"
    // (docs/scheduling.md): the same names and the same shared settings as the first.
    QString oracleFallbackSource = OracleSourceName::None;
    QString oracleFallbackUrl;                     // http(s) with a host; required for http
    QString oracleFallbackPath;                    // the JSON file; required for file
    qint64 oracleTimeoutMs = 5'000;                // 100 .. 60 000, one whole fetch
    qint64 oracleMaxBodyBytes = 65'536;            // 1 024 .. 10 485 760
    double oracleDemoFaultRate = 0.1;              // 0 .. 1, share of demo fetches that fail
    qint64 oracleMaxAgeMs = 86'400'000;            // 1 000 .. 2 592 000 000; older prices refresh
    qint64 oracleStaleAfterMs = 172'800'000;       // 1 000 .. 2 592 000 000; newest quote older: alert
    double oracleMaxErrorRate = 0.25;              // 0 .. 1, failed share of recent fetches to alert above
    qint64 oracleMaxLatencyMs = 2'000;             // 1 .. 60 000, average fetch latency to alert above

    // The HTTP API ("http" object; server/ and docs/api.md). heartbeatd serves on `listen` unless
    // --listen says otherwise; the dashboard serves there only when `dashboard` is true.
    QString httpListen = QStringLiteral("127.0.0.1:8089"); // ADDRESS:PORT or "none"; port 0: any free
    bool httpInDashboard = false;
    bool httpHealthzRequiresToken = false; // GET /healthz answers only with a valid token
    bool httpMetricsRequiresToken = false; // GET /metrics likewise
    qint64 httpRequestTimeoutMs = 10'000;  // 500 .. 600 000: a request not complete by then: 408

    // The wall display ("wall" object; ui/wall/, README "Wall display").
    static QStringList wallPageNames(); // overview, breakers, machines, alerts
    int wallPageSeconds = 30;           // 10 .. 3600, each page's time before the next
    QString wallPages = QStringLiteral("overview,breakers,machines,alerts"); // the rotation, in order
    QString wallNightFrom;              // "HH:MM" local time night dimming starts; empty: none
    QString wallNightTo;                // "HH:MM" it ends; set both or neither
    double wallNightLevel = 0.5;        // 0 .. 1, brightness at night (1: no dimming)

    QStringList wallPageList() const; // wallPages split, blanks dropped

    // System health alerts ("health" object; docs/scheduling.md, "Watching the watcher").
    qint64 healthHeartbeatStaleMs = 300'000; // 60 000 .. 604 800 000: no tick for longer: critical
    int healthFailedRunsWarn = 50;           // 1 .. 1 000 000: more failed runs in 24 h: warning
    // The engine watchdog ("watchdog" object): an engine thread that has not turned its event
    // loop for stall_seconds is reported; still stuck restart_after_seconds later, restarted.
    int watchdogStallSeconds = 30;          // 2 .. 3600
    int watchdogRestartAfterSeconds = 60;   // 1 .. 86 400

    // Where machine-down, breaker, alert and pause notifications go (engine/notify/).
    NotificationsConfig notifications;

    HeartbeatConfig(); // fills `tasks` with every task enabled
    static HeartbeatConfig demoDefaults(); // demo: true, tick 2 s, the demo price feed

    bool isTaskEnabled(const QString &task) const { return tasks.value(task, true); }
    TaskSchedule scheduleOf(const QString &task) const { return schedules.value(task); }

    QJsonObject toJson() const;
    bool operator==(const HeartbeatConfig &other) const;
    bool operator!=(const HeartbeatConfig &other) const { return !(*this == other); }
};

// A validation failure: which field and why, in words a user can act on.
struct ConfigError
{
    QString field;  // JSON path, e.g. "tasks.price_update" or "tick_interval_ms"; empty = whole file
    QString reason; // e.g. "must be an integer between 100 and 86400000 (got -5)"
    QString toString() const; // "field 'x': reason" or just the reason
};

// Parses and validates. Unknown keys are errors (a typo must not silently fall back to a
// default). Keys missing from the JSON take their defaults.
std::optional<HeartbeatConfig> configFromJson(const QJsonObject &json, ConfigError *error);

// Checks an in-memory config (for the editor and updateConfig). Returns the first problem.
std::optional<ConfigError> validateConfig(const HeartbeatConfig &config);

// Where to serve HTTP: a host (an IP address or a name such as localhost) and a port. An empty
// host means "do not serve" (the text "none").
struct ListenAddress
{
    QString host;
    quint16 port = 0;
    bool isNone() const { return host.isEmpty(); }
};
// Parses "none", "ADDRESS:PORT" or "[IPv6]:PORT"; `error` says what a bad text should look like.
std::optional<ListenAddress> parseListenAddress(const QString &text, QString *error);

// Loading and saving config.json. A failed load never touches the file; a save is atomic
// (QSaveFile): on failure the old file stays as it was.
class ConfigFile
{
public:
    explicit ConfigFile(QString path) : m_path(std::move(path)) {}
    QString path() const { return m_path; }
    bool exists() const;

    // On failure, `errorMessage` is one line: "<path>: <what is wrong>".
    std::optional<HeartbeatConfig> load(QString *errorMessage) const;
    bool save(const HeartbeatConfig &config, QString *errorMessage) const;

private:
    QString m_path;
};

} // namespace hb
