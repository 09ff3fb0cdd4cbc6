#include "core/config.h"
#include "core/notificationsconfig.h"
#include "core/savefile.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QSaveFile>
#include <QTime>
#include <QUrl>

#include <array>
#include <cerrno>
#include <cmath>
#include <variant>

namespace hb {

namespace {

// The largest integer a JSON number (an IEEE double) holds exactly: the open upper end of
// fields that only have a lower bound.
constexpr qint64 kMaxJsonInteger = (qint64(1) << 53) - 1;

using Member = std::variant<bool HeartbeatConfig::*, int HeartbeatConfig::*,
                            qint64 HeartbeatConfig::*, double HeartbeatConfig::*,
                            QString HeartbeatConfig::*>;

// A rule that needs other fields too; returns why this field's value does not fit them.
using Relation = std::optional<QString> (*)(const HeartbeatConfig &);


std::optional<QString> alertAboveCritical(const HeartbeatConfig &c);
std::optional<QString> topUpAboveAlert(const HeartbeatConfig &c);
std::optional<QString> minuteRetentionAboveRaw(const HeartbeatConfig &c);
std::optional<QString> hourRetentionAboveMinute(const HeartbeatConfig &c);
std::optional<QString> oracleUrlFitsSource(const HeartbeatConfig &c);
std::optional<QString> oraclePathFitsSource(const HeartbeatConfig &c);
std::optional<QString> oracleFallbackUrlFitsSource(const HeartbeatConfig &c);
std::optional<QString> oracleFallbackPathFitsSource(const HeartbeatConfig &c);
std::optional<QString> httpListenValid(const HeartbeatConfig &c);
std::optional<QString> wallPagesValid(const HeartbeatConfig &c);
std::optional<QString> wallNightValid(const HeartbeatConfig &c);

// One scalar field of config.json. The single statement of every range: configFromJson,
// validateConfig, toJson and operator== all walk this table, so a field added here is parsed,
// checked, written and compared everywhere at once. `tasks` is a map and handled separately.
struct FieldRule
{
    const char *path; // dotted JSON path; at most one level of nesting
    Member member;
    qint64 min = 0; // integers: inclusive; doubles: exclusive lower bound unless `closed`
    qint64 max = 0; // integers: inclusive, int members keep it within int; doubles: if `closed`
    bool closed = false;                // doubles: the closed range [min, max], not (min, inf)
    QStringList (*choices)() = nullptr; // strings: the allowed values; nullptr = any string
    // Checked once every field has its value, after all single-field checks, in table order.
    Relation relation = nullptr;
};

const std::array<FieldRule, 47> kRules = {{
    {"enabled", &HeartbeatConfig::enabled, 0, 0},
    {"maintenance_mode", &HeartbeatConfig::maintenanceMode, 0, 0},
    {"demo", &HeartbeatConfig::demo, 0, 0},
    {"tick_interval_ms", &HeartbeatConfig::tickIntervalMs, 100, 86'400'000},
    {"task_timeout_ms", &HeartbeatConfig::taskTimeoutMs, 10, 3'600'000},
    {"max_concurrent_tasks", &HeartbeatConfig::maxConcurrentTasks, 1, 64},
    {"auto_liquidation_threshold_days", &HeartbeatConfig::autoLiquidationThresholdDays, 1, 3650},
    {"breaker.failure_threshold", &HeartbeatConfig::breakerFailureThreshold, 1, 1000},
    {"breaker.timeout_ms", &HeartbeatConfig::breakerTimeoutMs, 1000, 86'400'000},
    {"memory_warn_bytes", &HeartbeatConfig::memoryWarnBytes, 1, kMaxJsonInteger},
    {"cycles_alert_threshold", &HeartbeatConfig::cyclesAlertThreshold, 0, 0, false, nullptr,
     alertAboveCritical},
    {"cycles_critical_threshold", &HeartbeatConfig::cyclesCriticalThreshold, 0, 0},
    {"cycles_top_up_target", &HeartbeatConfig::cyclesTopUpTarget, 1, kMaxJsonInteger, false,
     nullptr, topUpAboveAlert},
    // A trillion cycles per item would empty any treasury in one tick: surely a typo.
    {"cycles_cost_per_item", &HeartbeatConfig::cyclesCostPerItem, 0, 1'000'000'000'000},
    {"liquidation_dry_run", &HeartbeatConfig::liquidationDryRun, 0, 0},
    // Below 100 rows the log would not hold even one busy minute of admin actions.
    {"audit_log_cap", &HeartbeatConfig::auditLogCap, 100, 10'000'000},
    // Retention has no natural ceiling; ten years keeps day counts sane like raw_days.
    {"retention.raw_days", &HeartbeatConfig::retentionRawDays, 1, 3650},
    {"retention.minute_days", &HeartbeatConfig::retentionMinuteDays, 1, 3650, false, nullptr,
     minuteRetentionAboveRaw},
    {"retention.hour_days", &HeartbeatConfig::retentionHourDays, 1, 3650, false, nullptr,
     hourRetentionAboveMinute},
    {"emergency_action", &HeartbeatConfig::emergencyAction, 0, 0, false, EmergencyActionName::all},
    {"oracle.source", &HeartbeatConfig::oracleSource, 0, 0, false, OracleSourceName::all},
    {"oracle.url", &HeartbeatConfig::oracleUrl, 0, 0, false, nullptr, oracleUrlFitsSource},
    {"oracle.path", &HeartbeatConfig::oraclePath, 0, 0, false, nullptr, oraclePathFitsSource},
    {"oracle.fallback_source", &HeartbeatConfig::oracleFallbackSource, 0, 0, false,
     OracleSourceName::all},
    {"oracle.fallback_url", &HeartbeatConfig::oracleFallbackUrl, 0, 0, false, nullptr,
     oracleFallbackUrlFitsSource},
    {"oracle.fallback_path", &HeartbeatConfig::oracleFallbackPath, 0, 0, false, nullptr,
     oracleFallbackPathFitsSource},
    {"oracle.timeout_ms", &HeartbeatConfig::oracleTimeoutMs, 100, 60'000},
    {"oracle.max_body_bytes", &HeartbeatConfig::oracleMaxBodyBytes, 1024, 10'485'760},
    {"oracle.demo_fault_rate", &HeartbeatConfig::oracleDemoFaultRate, 0, 1, true},
    // Thirty days: a price older than that is no price at all for a lending decision.
    {"oracle.max_age_ms", &HeartbeatConfig::oracleMaxAgeMs, 1000, 2'592'000'000},
    {"oracle.stale_after_ms", &HeartbeatConfig::oracleStaleAfterMs, 1000, 2'592'000'000},
    {"oracle.max_error_rate", &HeartbeatConfig::oracleMaxErrorRate, 0, 1, true},
    {"oracle.max_latency_ms", &HeartbeatConfig::oracleMaxLatencyMs, 1, 60'000},
    {"http.listen", &HeartbeatConfig::httpListen, 0, 0, false, nullptr, httpListenValid},
    {"http.dashboard", &HeartbeatConfig::httpInDashboard, 0, 0},
    {"http.healthz_requires_token", &HeartbeatConfig::httpHealthzRequiresToken, 0, 0},
    {"http.metrics_requires_token", &HeartbeatConfig::httpMetricsRequiresToken, 0, 0},
    {"http.request_timeout_ms", &HeartbeatConfig::httpRequestTimeoutMs, 500, 600'000},
    {"wall.page_seconds", &HeartbeatConfig::wallPageSeconds, 10, 3600},
    {"wall.pages", &HeartbeatConfig::wallPages, 0, 0, false, nullptr, wallPagesValid},
    {"wall.night_from", &HeartbeatConfig::wallNightFrom, 0, 0, false, nullptr, wallNightValid},
    {"wall.night_to", &HeartbeatConfig::wallNightTo, 0, 0},
    {"wall.night_level", &HeartbeatConfig::wallNightLevel, 0, 1, true},
    // A minute up to a week: below a minute a slow tick would raise it; beyond, nobody cares.
    {"health.heartbeat_stale_ms", &HeartbeatConfig::healthHeartbeatStaleMs, 60'000, 604'800'000},
    {"health.failed_runs_warn", &HeartbeatConfig::healthFailedRunsWarn, 1, 1'000'000},
    {"watchdog.stall_seconds", &HeartbeatConfig::watchdogStallSeconds, 2, 3600},
    {"watchdog.restart_after_seconds", &HeartbeatConfig::watchdogRestartAfterSeconds, 1, 86'400},
}};

const QString kVersionKey = QStringLiteral("version");
const QString kTasksKey = QStringLiteral("tasks");
const QString kNotificationsKey = QStringLiteral("notifications");

bool isBool(const FieldRule &rule)
{
    return std::holds_alternative<bool HeartbeatConfig::*>(rule.member);
}

bool isDouble(const FieldRule &rule)
{
    return std::holds_alternative<double HeartbeatConfig::*>(rule.member);
}

bool isString(const FieldRule &rule)
{
    return std::holds_alternative<QString HeartbeatConfig::*>(rule.member);
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// What was found, for the "(got ...)" part of a reason. Strings are shortened and kept on one
// line because the whole error must fit one line of stderr.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return formatNumber(value.toDouble());
    case QJsonValue::String: {
        QString text = value.toString();
        if (text.size() > 32)
            text = text.left(32) + QChar(0x2026);
        for (QChar &c : text) {
            if (c.category() == QChar::Other_Control)
                c = QLatin1Char(' ');
        }
        return QCoreApplication::translate("hb::Config", "the string \"%1\"").arg(text);
    }
    case QJsonValue::Array:
        return QCoreApplication::translate("hb::Config", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("hb::Config", "an object");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

// What the rule expects, with what was found.
QString expectation(const FieldRule &rule, const QString &got)
{
    if (isBool(rule))
        return QCoreApplication::translate("hb::Config", "must be true or false (got %1)").arg(got);
    if (isString(rule) && rule.choices) {
        QStringList quoted = rule.choices();
        for (QString &choice : quoted)
            choice = u'"' + choice + u'"';
        return QCoreApplication::translate("hb::Config", "must be one of %1 (got %2)")
            .arg(quoted.join(QStringLiteral(", ")), got);
    }
    if (isString(rule))
        return QCoreApplication::translate("hb::Config", "must be a string (got %1)").arg(got);
    if (isDouble(rule) && rule.closed)
        return QCoreApplication::translate("hb::Config",
                                           "must be a number between %1 and %2 (got %3)")
            .arg(rule.min)
            .arg(rule.max)
            .arg(got);
    if (isDouble(rule))
        return QCoreApplication::translate("hb::Config",
                                           "must be a number greater than %1 (got %2)")
            .arg(rule.min)
            .arg(got);
    if (rule.max == kMaxJsonInteger)
        return QCoreApplication::translate("hb::Config",
                                           "must be an integer of at least %1 (got %2)")
            .arg(rule.min)
            .arg(got);
    return QCoreApplication::translate("hb::Config",
                                       "must be an integer between %1 and %2 (got %3)")
        .arg(rule.min)
        .arg(rule.max)
        .arg(got);
}

// Range check on a numeric value, shared by the JSON and in-memory paths.
bool inRange(const FieldRule &rule, double value)
{
    if (!std::isfinite(value))
        return false;
    if (isDouble(rule) && rule.closed)
        return value >= double(rule.min) && value <= double(rule.max);
    if (isDouble(rule))
        return value > double(rule.min);
    return std::trunc(value) == value && value >= double(rule.min) && value <= double(rule.max);
}

std::optional<ConfigError> checkValue(const FieldRule &rule, const HeartbeatConfig &config)
{
    const QString path = QString::fromLatin1(rule.path);
    return std::visit(
        [&](auto member) -> std::optional<ConfigError> {
            using T = std::decay_t<decltype(config.*member)>;
            if constexpr (std::is_same_v<T, bool>) {
                return std::nullopt;
            } else if constexpr (std::is_same_v<T, QString>) {
                const QString &value = config.*member;
                if (!rule.choices || rule.choices().contains(value))
                    return std::nullopt;
                return ConfigError{path, expectation(rule, describe(value))};
            } else {
                const T value = config.*member;
                if (inRange(rule, double(value)))
                    return std::nullopt;
                const QString got = std::is_same_v<T, double> ? formatNumber(double(value))
                                                              : QString::number(qint64(value));
                return ConfigError{path, expectation(rule, got)};
            }
        },
        rule.member);
}

std::optional<ConfigError> checkTaskName(const QString &task)
{
    if (TaskName::all().contains(task))
        return std::nullopt;
    return ConfigError{kTasksKey + u'.' + task,
                       QCoreApplication::translate("hb::Config", "unknown task (known tasks: %1)")
                           .arg(TaskName::all().join(QStringLiteral(", ")))};
}

// The relations between fields. Each names the field a user most likely meant to change.
std::optional<QString> alertAboveCritical(const HeartbeatConfig &c)
{
    if (c.cyclesAlertThreshold > c.cyclesCriticalThreshold)
        return std::nullopt;
    return QCoreApplication::translate(
               "hb::Config", "must be greater than cycles_critical_threshold (%1) (got %2)")
        .arg(formatNumber(c.cyclesCriticalThreshold), formatNumber(c.cyclesAlertThreshold));
}

// A target at or below the alert line would top up and still alert, every tick.
std::optional<QString> topUpAboveAlert(const HeartbeatConfig &c)
{
    if (double(c.cyclesTopUpTarget) > c.cyclesAlertThreshold)
        return std::nullopt;
    return QCoreApplication::translate(
               "hb::Config", "must be greater than cycles_alert_threshold (%1) (got %2)")
        .arg(formatNumber(c.cyclesAlertThreshold))
        .arg(c.cyclesTopUpTarget);
}

std::optional<QString> minuteRetentionAboveRaw(const HeartbeatConfig &c)
{
    if (c.retentionMinuteDays >= c.retentionRawDays)
        return std::nullopt;
    return QCoreApplication::translate("hb::Config",
                                       "must be at least retention.raw_days (%1) (got %2)")
        .arg(c.retentionRawDays)
        .arg(c.retentionMinuteDays);
}

std::optional<QString> hourRetentionAboveMinute(const HeartbeatConfig &c)
{
    if (c.retentionHourDays >= c.retentionMinuteDays)
        return std::nullopt;
    return QCoreApplication::translate("hb::Config",
                                       "must be at least retention.minute_days (%1) (got %2)")
        .arg(c.retentionMinuteDays)
        .arg(c.retentionHourDays);
}

QString requiredFor(const QString &source)
{
    return QCoreApplication::translate("hb::Config", "is required when oracle.source is \"%1\"")
        .arg(source);
}

QString requiredForFallback(const QString &source)
{
    return QCoreApplication::translate("hb::Config",
                                       "is required when oracle.fallback_source is \"%1\"")
        .arg(source);
}

// A URL that is set must be usable even while another source is chosen: a typo should show up
// when it is made, not when someone later switches the source to http.
std::optional<QString> urlFitsSource(const QString &text, const QString &source,
                                     QString (*required)(const QString &))
{
    if (text.isEmpty()) {
        if (source == OracleSourceName::Http)
            return required(OracleSourceName::Http);
        return std::nullopt;
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty())
        return std::nullopt;
    return QCoreApplication::translate("hb::Config",
                                       "must be an http:// or https:// URL with a host (got %1)")
        .arg(describe(text));
}

std::optional<QString> oracleUrlFitsSource(const HeartbeatConfig &c)
{
    return urlFitsSource(c.oracleUrl, c.oracleSource, requiredFor);
}

std::optional<QString> oraclePathFitsSource(const HeartbeatConfig &c)
{
    if (c.oraclePath.isEmpty() && c.oracleSource == OracleSourceName::File)
        return requiredFor(OracleSourceName::File);
    return std::nullopt;
}

std::optional<QString> oracleFallbackUrlFitsSource(const HeartbeatConfig &c)
{
    return urlFitsSource(c.oracleFallbackUrl, c.oracleFallbackSource, requiredForFallback);
}

std::optional<QString> oracleFallbackPathFitsSource(const HeartbeatConfig &c)
{
    if (c.oracleFallbackPath.isEmpty() && c.oracleFallbackSource == OracleSourceName::File)
        return requiredForFallback(OracleSourceName::File);
    return std::nullopt;
}

// price_update's "alternative" fallback asks oracle.fallback_source: without one it would fail
// exactly as if there were no fallback, which the user did not mean.
std::optional<ConfigError> alternativeHasSource(const HeartbeatConfig &c)
{
    if (c.scheduleOf(TaskName::PriceUpdate).fallback != TaskSchedule::Fallback::Alternative
        || c.oracleFallbackSource != OracleSourceName::None)
        return std::nullopt;
    return ConfigError{kTasksKey + u'.' + TaskName::PriceUpdate + QStringLiteral(".fallback"),
                       QCoreApplication::translate(
                           "hb::Config",
                           "\"alternative\" needs a second price source: set "
                           "oracle.fallback_source (and its url or path)")};
}

std::optional<QString> httpListenValid(const HeartbeatConfig &c)
{
    QString error;
    if (parseListenAddress(c.httpListen, &error))
        return std::nullopt;
    return error;
}

std::optional<QString> wallPagesValid(const HeartbeatConfig &c)
{
    const QStringList pages = c.wallPageList();
    if (pages.isEmpty())
        return QCoreApplication::translate("hb::Config", "must name at least one page of %1")
            .arg(HeartbeatConfig::wallPageNames().join(QStringLiteral(", ")));
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (!HeartbeatConfig::wallPageNames().contains(pages[i]))
            return QCoreApplication::translate("hb::Config",
                                               "\"%1\" is not a page (the pages are %2)")
                .arg(pages[i], HeartbeatConfig::wallPageNames().join(QStringLiteral(", ")));
        if (pages.indexOf(pages[i]) != i)
            return QCoreApplication::translate("hb::Config", "names \"%1\" twice").arg(pages[i]);
    }
    return std::nullopt;
}

// Night dimming needs both ends as HH:MM (24-hour local time), or neither.
std::optional<QString> wallNightValid(const HeartbeatConfig &c)
{
    if (c.wallNightFrom.isEmpty() != c.wallNightTo.isEmpty())
        return QCoreApplication::translate("hb::Config",
                                           "wall.night_from and wall.night_to are set together");
    for (const QString &text : {c.wallNightFrom, c.wallNightTo}) {
        if (!text.isEmpty() && !QTime::fromString(text, QStringLiteral("HH:mm")).isValid())
            return QCoreApplication::translate("hb::Config",
                                               "expected a time as HH:MM, 24-hour (got %1)")
                .arg(describe(text));
    }
    return std::nullopt;
}

std::optional<ConfigError> checkRelations(const HeartbeatConfig &config)
{
    for (const FieldRule &rule : kRules) {
        if (!rule.relation)
            continue;
        if (std::optional<QString> reason = rule.relation(config))
            return ConfigError{QString::fromLatin1(rule.path), *reason};
    }
    return alternativeHasSource(config);
}

const FieldRule *findRule(const QString &path)
{
    for (const FieldRule &rule : kRules) {
        if (path == QLatin1StringView(rule.path))
            return &rule;
    }
    return nullptr;
}

bool isGroup(const QString &key)
{
    const QString prefix = key + u'.';
    for (const FieldRule &rule : kRules) {
        if (QLatin1StringView(rule.path).startsWith(prefix))
            return true;
    }
    return false;
}

// Type-checks one JSON value against its rule and stores it; the range is checked by inRange.
std::optional<ConfigError> readValue(const FieldRule &rule, const QJsonValue &json,
                                     HeartbeatConfig *config)
{
    const QString path = QString::fromLatin1(rule.path);
    return std::visit(
        [&](auto member) -> std::optional<ConfigError> {
            using T = std::decay_t<decltype(config->*member)>;
            if constexpr (std::is_same_v<T, bool>) {
                if (!json.isBool())
                    return ConfigError{path, expectation(rule, describe(json))};
                config->*member = json.toBool();
            } else if constexpr (std::is_same_v<T, QString>) {
                if (!json.isString() || (rule.choices && !rule.choices().contains(json.toString())))
                    return ConfigError{path, expectation(rule, describe(json))};
                config->*member = json.toString();
            } else {
                if (!json.isDouble() || !inRange(rule, json.toDouble()))
                    return ConfigError{path, expectation(rule, describe(json))};
                if constexpr (std::is_same_v<T, double>)
                    config->*member = json.toDouble();
                else // exact: inRange accepted an integer no larger than 2^53
                    config->*member = T(json.toInteger(qint64(json.toDouble())));
            }
            return std::nullopt;
        },
        rule.member);
}

std::optional<ConfigError> readVersion(const QJsonValue &json)
{
    const double version = json.toDouble();
    if (!json.isDouble() || !std::isfinite(version) || std::trunc(version) != version ||
        version < 1) {
        return ConfigError{kVersionKey,
                           QCoreApplication::translate("hb::Config", "must be %1 (got %2)")
                               .arg(HeartbeatConfig::FormatVersion)
                               .arg(describe(json))};
    }
    if (version > HeartbeatConfig::FormatVersion) {
        return ConfigError{kVersionKey,
                           QCoreApplication::translate(
                               "hb::Config",
                               "the file is from a newer version of Heartbeat (format %1); this "
                               "version reads format %2")
                               .arg(formatNumber(version))
                               .arg(HeartbeatConfig::FormatVersion)};
    }
    return std::nullopt;
}

std::optional<ConfigError> readTasks(const QJsonValue &json, HeartbeatConfig *config)
{
    if (!json.isObject())
        return ConfigError{kTasksKey,
                           QCoreApplication::translate("hb::Config", "must be an object (got %1)")
                               .arg(describe(json))};
    const QJsonObject tasks = json.toObject();
    for (auto it = tasks.begin(); it != tasks.end(); ++it) {
        if (auto error = checkTaskName(it.key()))
            return error;
        bool enabled = true;
        TaskSchedule schedule;
        if (auto problem = scheduleFromJson(kTasksKey + u'.' + it.key(), it.value(), &enabled,
                                            &schedule))
            return ConfigError{problem->field, problem->reason};
        config->tasks.insert(it.key(), enabled);
        if (schedule.isDefault())
            config->schedules.remove(it.key());
        else
            config->schedules.insert(it.key(), schedule);
    }
    return std::nullopt;
}

// Reads one key of the top level (a leaf, or a group such as "breaker") or of a group.
std::optional<ConfigError> readField(const QString &path, const QJsonValue &json,
                                     HeartbeatConfig *config)
{
    if (const FieldRule *rule = findRule(path))
        return readValue(*rule, json, config);
    if (!path.contains(u'.') && isGroup(path)) {
        if (!json.isObject())
            return ConfigError{
                path, QCoreApplication::translate("hb::Config", "must be an object (got %1)")
                          .arg(describe(json))};
        const QJsonObject group = json.toObject();
        for (auto it = group.begin(); it != group.end(); ++it) {
            if (auto error = readField(path + u'.' + it.key(), it.value(), config))
                return error;
        }
        return std::nullopt;
    }
    return ConfigError{path, QCoreApplication::translate("hb::Config", "unknown field")};
}

} // namespace

QStringList TaskName::all()
{
    return {PriceUpdate,     LoanMonitoring,  CyclesMonitoring, MemoryMonitoring,   AutoCleanup,
            PoolMaintenance, AutoLiquidation, OracleMonitoring, TreasuryMonitoring, ShardBalancing};
}

QStringList EmergencyActionName::all()
{
    return {Notify, PauseAll, SafeMode};
}

QStringList OracleSourceName::all()
{
    return {None, Demo, Http, File};
}

QStringList NotificationKind::all()
{
    return {MachineDown,   MachineUp,      BreakerOpened,   BreakerClosed, AlertRaised,
            AlertCleared,  EmergencyPause, EmergencyResume, StoreFailed};
}

QStringList NotificationChannelType::all()
{
    return {Webhook, Telegram, Desktop};
}

bool NotificationChannel::operator==(const NotificationChannel &other) const
{
    return type == other.type && name == other.name && enabled == other.enabled
           && url == other.url && secret == other.secret && botToken == other.botToken
           && chatId == other.chatId && baseUrl == other.baseUrl && kinds == other.kinds
           && minSeverity == other.minSeverity && resendIntervalMs == other.resendIntervalMs;
}

QVector<DependencyRule> NotificationsConfig::defaultRules()
{
    return {{DependencyRule::OracleDown,
             {QStringLiteral("price_update"), QStringLiteral("auto_liquidation")}}};
}

bool NotificationsConfig::operator==(const NotificationsConfig &other) const
{
    return channels == other.channels && rules == other.rules;
}

QStringList HeartbeatConfig::wallPageNames()
{
    return {QStringLiteral("overview"), QStringLiteral("breakers"), QStringLiteral("machines"),
            QStringLiteral("alerts")};
}

QStringList HeartbeatConfig::wallPageList() const
{
    QStringList pages;
    for (const QString &part : wallPages.split(u',', Qt::SkipEmptyParts)) {
        if (const QString name = part.trimmed(); !name.isEmpty())
            pages.append(name);
    }
    return pages;
}

HeartbeatConfig::HeartbeatConfig()
{
    for (const QString &task : TaskName::all())
        tasks.insert(task, true);
}

HeartbeatConfig HeartbeatConfig::demoDefaults()
{
    HeartbeatConfig config;
    config.demo = true;
    config.tickIntervalMs = 2000;
    config.oracleSource = OracleSourceName::Demo;
    // The dashboard's tray tells of warnings and worse, as before there were channels.
    NotificationChannel desktop;
    desktop.type = NotificationChannelType::Desktop;
    desktop.name = QStringLiteral("desktop");
    desktop.minSeverity = QStringLiteral("warning");
    config.notifications.channels.append(desktop);
    return config;
}

QJsonObject HeartbeatConfig::toJson() const
{
    QJsonObject root;
    root.insert(kVersionKey, FormatVersion);
    QMap<QString, QJsonObject> groups;
    for (const FieldRule &rule : kRules) {
        const QString path = QString::fromLatin1(rule.path);
        const QJsonValue value =
            std::visit([this](auto member) { return QJsonValue(this->*member); }, rule.member);
        const qsizetype dot = path.indexOf(u'.');
        if (dot < 0)
            root.insert(path, value);
        else
            groups[path.left(dot)].insert(path.mid(dot + 1), value);
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        root.insert(it.key(), it.value());
    QJsonObject taskFlags;
    for (const QString &task : TaskName::all())
        taskFlags.insert(task, scheduleToJson(isTaskEnabled(task), scheduleOf(task)));
    root.insert(kTasksKey, taskFlags);
    // Written only when there is a channel or a rule of the user's: a file without
    // notifications stays as it was.
    if (!notifications.channels.isEmpty() ||
        notifications.rules != NotificationsConfig::defaultRules())
        root.insert(kNotificationsKey, notificationsToJson(notifications));
    return root;
}

bool HeartbeatConfig::operator==(const HeartbeatConfig &other) const
{
    for (const FieldRule &rule : kRules) {
        const bool same =
            std::visit([&](auto member) { return this->*member == other.*member; }, rule.member);
        if (!same)
            return false;
    }
    // A task missing from the map is enabled, so compare what the flags mean, not the maps.
    const QStringList names = tasks.keys() + other.tasks.keys();
    for (const QString &task : std::as_const(names)) {
        if (isTaskEnabled(task) != other.isTaskEnabled(task))
            return false;
    }
    const QStringList scheduled = schedules.keys() + other.schedules.keys();
    for (const QString &task : std::as_const(scheduled)) {
        if (scheduleOf(task) != other.scheduleOf(task))
            return false;
    }
    return notifications == other.notifications;
}

QString ConfigError::toString() const
{
    if (field.isEmpty())
        return reason;
    return QCoreApplication::translate("hb::Config", "field '%1': %2").arg(field, reason);
}

std::optional<HeartbeatConfig> configFromJson(const QJsonObject &json, ConfigError *error)
{
    auto fail = [error](ConfigError problem) -> std::optional<HeartbeatConfig> {
        if (error)
            *error = std::move(problem);
        return std::nullopt;
    };

    // The version first: a newer file's new fields would otherwise be reported as unknown.
    if (json.contains(kVersionKey)) {
        if (auto problem = readVersion(json.value(kVersionKey)))
            return fail(*problem);
    }

    HeartbeatConfig config;
    for (auto it = json.begin(); it != json.end(); ++it) {
        std::optional<ConfigError> problem;
        if (it.key() == kVersionKey)
            continue;
        if (it.key() == kTasksKey)
            problem = readTasks(it.value(), &config);
        else if (it.key() == kNotificationsKey)
            problem = notificationsFromJson(it.value(), &config.notifications);
        else
            problem = readField(it.key(), it.value(), &config);
        if (problem)
            return fail(*problem);
    }
    // The default source depends on `demo`: a file written before "none" existed (or by hand)
    // that names no source gets the demo feed only in a demo directory.
    if (!json.value(QStringLiteral("oracle")).toObject().contains(QStringLiteral("source")))
        config.oracleSource = config.demo ? OracleSourceName::Demo : OracleSourceName::None;
    if (auto problem = checkRelations(config))
        return fail(*problem);
    return config;
}

std::optional<ConfigError> validateConfig(const HeartbeatConfig &config)
{
    for (const FieldRule &rule : kRules) {
        if (auto problem = checkValue(rule, config))
            return problem;
    }
    for (auto it = config.tasks.cbegin(); it != config.tasks.cend(); ++it) {
        if (auto problem = checkTaskName(it.key()))
            return problem;
    }
    for (auto it = config.schedules.cbegin(); it != config.schedules.cend(); ++it) {
        if (auto problem = checkTaskName(it.key()))
            return problem;
        if (auto problem = validateSchedule(kTasksKey + u'.' + it.key(), it.value()))
            return ConfigError{problem->field, problem->reason};
    }
    if (auto problem = checkRelations(config))
        return problem;
    return validateNotifications(config.notifications);
}

bool ConfigFile::exists() const
{
    return QFileInfo::exists(m_path);
}

std::optional<HeartbeatConfig> ConfigFile::load(QString *errorMessage) const
{
    auto fail = [&](const QString &what) -> std::optional<HeartbeatConfig> {
        const QString message = m_path + u": " + what;
        qCDebug(lcConfig).noquote() << "load failed:" << message;
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };

    if (!QFileInfo::exists(m_path))
        return fail(QCoreApplication::translate("hb::Config", "file does not exist"));
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            QCoreApplication::translate("hb::Config", "cannot read (%1)").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(
            QCoreApplication::translate("hb::Config", "cannot read (%1)").arg(file.errorString()));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(QCoreApplication::translate("hb::Config", "not valid JSON: %1 at byte %2")
                        .arg(parseError.errorString(), QString::number(parseError.offset)));
    }
    if (!document.isObject())
        return fail(QCoreApplication::translate("hb::Config", "not a JSON object"));

    ConfigError configError;
    std::optional<HeartbeatConfig> config = configFromJson(document.object(), &configError);
    if (!config)
        return fail(configError.toString());
    qCInfo(lcConfig).noquote() << "loaded" << m_path;
    return config;
}

bool ConfigFile::save(const HeartbeatConfig &config, QString *errorMessage) const
{
    auto fail = [&](const QString &reason) {
        const QString message =
            m_path + u": " +
            QCoreApplication::translate("hb::Config", "cannot save (%1)").arg(reason);
        qCDebug(lcConfig).noquote() << "save failed:" << message;
        if (errorMessage)
            *errorMessage = message;
        return false;
    };

    // Never write a file that the next start-up would refuse to load.
    if (auto problem = validateConfig(config))
        return fail(problem->toString());

    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    const QByteArray bytes = QJsonDocument(config.toJson()).toJson(QJsonDocument::Indented);
    if (const auto problem = writeAndCommit(file, bytes))
        return fail(*problem);
    qCInfo(lcConfig).noquote() << "saved" << m_path;
    return true;
}

} // namespace hb

namespace hb {

std::optional<ListenAddress> parseListenAddress(const QString &text, QString *error)
{
    if (text == u"none")
        return ListenAddress{};
    const auto fail = [&] {
        if (error) {
            *error = QCoreApplication::translate(
                         "hb::Config",
                         "must be \"none\" or ADDRESS:PORT such as 127.0.0.1:8089 or [::1]:8089 "
                         "(got %1)")
                         .arg(describe(text));
        }
        return std::nullopt;
    };
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return fail();
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(u':'))
        return fail(); // an IPv6 address needs its brackets
    bool ok = false;
    const uint port = QStringView(text).mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535 || host.isEmpty() || host.contains(u' '))
        return fail();
    return ListenAddress{host, quint16(port)};
}

} // namespace hb
