#include "core/notificationsconfig.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace hb {

namespace {

// The messages share the context of the rest of config.json's ("hb::Config").
struct Config
{
    Q_DECLARE_TR_FUNCTIONS(hb::Config)
};

const QString kChannels = QStringLiteral("channels");
const QString kRulesKey = QStringLiteral("rules");
const QString kRoot = QStringLiteral("root");
const QString kHolds = QStringLiteral("holds");
const QString kType = QStringLiteral("type");
const QString kName = QStringLiteral("name");
const QString kEnabled = QStringLiteral("enabled");
const QString kKinds = QStringLiteral("kinds");
const QString kMinSeverity = QStringLiteral("min_severity");
const QString kResend = QStringLiteral("resend_interval_ms");
const QString kUrl = QStringLiteral("url");
const QString kSecret = QStringLiteral("secret");
const QString kBotToken = QStringLiteral("bot_token");
const QString kChatId = QStringLiteral("chat_id");
const QString kBaseUrl = QStringLiteral("base_url");
const QString kDefaultTelegramBaseUrl = NotificationChannel().baseUrl;

constexpr qint64 kMinResendMs = 1'000;
constexpr qint64 kMaxResendMs = 2'592'000'000; // thirty days
constexpr int kMaxNameLength = 64;
constexpr int kMinSecretBytes = 24; // Standard Webhooks: keys of 24 to 64 bytes
constexpr int kMaxSecretBytes = 64;

QString channelPath(qsizetype index)
{
    return QStringLiteral("notifications.channels[%1]").arg(index);
}

QString fieldPath(qsizetype index, const QString &key)
{
    return channelPath(index) + u'.' + key;
}

// What was found, without echoing a secret.
QString describeFound(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::String: {
        QString text = value.toString();
        if (text.size() > 32)
            text = text.left(32) + QChar(0x2026);
        for (QChar &c : text) {
            if (c.category() == QChar::Other_Control)
                c = QLatin1Char(' ');
        }
        return Config::tr("the string \"%1\"").arg(text);
    }
    case QJsonValue::Array:
        return Config::tr("an array");
    case QJsonValue::Object:
        return Config::tr("an object");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

QString quotedList(const QStringList &words)
{
    QStringList quoted = words;
    for (QString &word : quoted)
        word = u'"' + word + u'"';
    return quoted.join(QStringLiteral(", "));
}

// The keys a channel of `type` may hold.
QStringList keysOf(const QString &type)
{
    QStringList keys{kType, kName, kEnabled, kKinds, kMinSeverity, kResend};
    if (type == NotificationChannelType::Webhook)
        keys << kUrl << kSecret;
    else if (type == NotificationChannelType::Telegram)
        keys << kBotToken << kChatId << kBaseUrl;
    return keys;
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    return url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

std::optional<QString> checkUrl(const QString &text)
{
    if (text.isEmpty())
        return Config::tr("is required");
    if (isHttpUrl(text))
        return std::nullopt;
    return Config::tr("must be an http:// or https:// URL with a host (got %1)").arg(describeFound(text));
}

std::optional<ConfigError> validateChannel(const NotificationChannel &c, qsizetype index)
{
    const auto fail = [index](const QString &key, const QString &reason) {
        return ConfigError{fieldPath(index, key), reason};
    };
    if (!NotificationChannelType::all().contains(c.type))
        return fail(kType, Config::tr("must be one of %1 (got %2)")
                               .arg(quotedList(NotificationChannelType::all()), describeFound(c.type)));
    if (c.name.trimmed().isEmpty())
        return fail(kName, Config::tr("is required"));
    if (c.name.size() > kMaxNameLength || c.name.trimmed() != c.name ||
        std::any_of(c.name.begin(), c.name.end(),
                    [](QChar ch) { return ch.category() == QChar::Other_Control; }))
        return fail(kName, Config::tr("must be at most %1 characters, without control characters or "
                              "surrounding spaces (got %2)")
                               .arg(kMaxNameLength)
                               .arg(describeFound(c.name)));
    QSet<QString> kinds;
    for (const QString &kind : c.kinds) {
        if (!NotificationKind::all().contains(kind))
            return fail(kKinds, Config::tr("must hold only %1 (got %2)")
                                    .arg(quotedList(NotificationKind::all()), describeFound(kind)));
        if (kinds.contains(kind))
            return fail(kKinds, Config::tr("names %1 twice").arg(describeFound(kind)));
        kinds.insert(kind);
    }
    if (!NotificationSeverity::all().contains(c.minSeverity))
        return fail(kMinSeverity,
                    Config::tr("must be one of %1 (got %2)")
                        .arg(quotedList(NotificationSeverity::all()), describeFound(c.minSeverity)));
    if (c.resendIntervalMs != 0 &&
        (c.resendIntervalMs < kMinResendMs || c.resendIntervalMs > kMaxResendMs))
        return fail(kResend, Config::tr("must be 0 (off) or an integer between %1 and %2 (got %3)")
                                 .arg(kMinResendMs)
                                 .arg(kMaxResendMs)
                                 .arg(c.resendIntervalMs));

    // A field of another type would be dropped when the file is written: refuse it instead.
    const auto notUsed = [&](const QString &key) {
        return fail(key, Config::tr("is not used by a %1 channel").arg(c.type));
    };
    const bool webhook = c.type == NotificationChannelType::Webhook;
    const bool telegram = c.type == NotificationChannelType::Telegram;
    if (!webhook && !c.url.isEmpty())
        return notUsed(kUrl);
    if (!webhook && !c.secret.isEmpty())
        return notUsed(kSecret);
    if (!telegram && !c.botToken.isEmpty())
        return notUsed(kBotToken);
    if (!telegram && !c.chatId.isEmpty())
        return notUsed(kChatId);
    if (!telegram && c.baseUrl != kDefaultTelegramBaseUrl)
        return notUsed(kBaseUrl);

    if (webhook) {
        if (auto reason = checkUrl(c.url))
            return fail(kUrl, *reason);
        if (c.secret.isEmpty())
            return fail(kSecret, Config::tr("is required"));
        if (webhookSecretKey(c.secret).isEmpty())
            // The secret itself is never repeated in an error that may end up in a log.
            return fail(kSecret, Config::tr("must be \"whsec_\" followed by the base64 of a key of %1 to "
                                    "%2 bytes")
                                     .arg(kMinSecretBytes)
                                     .arg(kMaxSecretBytes));
    }
    if (telegram) {
        if (c.botToken.isEmpty())
            return fail(kBotToken, Config::tr("is required"));
        if (std::any_of(c.botToken.begin(), c.botToken.end(),
                        [](QChar ch) { return ch.isSpace() || ch == u'/' || ch == u'?'; }))
            return fail(kBotToken, Config::tr("must not contain spaces, \"/\" or \"?\""));
        if (c.chatId.trimmed().isEmpty())
            return fail(kChatId, Config::tr("is required"));
        if (auto reason = checkUrl(c.baseUrl))
            return fail(kBaseUrl, *reason);
    }
    return std::nullopt;
}

std::optional<ConfigError> checkUniqueNames(const NotificationsConfig &config)
{
    QSet<QString> names;
    for (qsizetype i = 0; i < config.channels.size(); ++i) {
        const QString &name = config.channels.at(i).name;
        if (names.contains(name))
            return ConfigError{
                fieldPath(i, kName),
                Config::tr("must be unique among the channels (%1 is used twice)").arg(describeFound(name))};
        names.insert(name);
    }
    return std::nullopt;
}

std::optional<ConfigError> readChannel(const QJsonValue &json, qsizetype index,
                                       NotificationChannel *channel)
{
    if (!json.isObject())
        return ConfigError{channelPath(index),
                           Config::tr("must be an object (got %1)").arg(describeFound(json))};
    const QJsonObject object = json.toObject();
    const auto fail = [index](const QString &key, const QString &reason) {
        return ConfigError{fieldPath(index, key), reason};
    };
    const QJsonValue type = object.value(kType);
    if (type.isUndefined())
        return fail(kType, Config::tr("is required"));
    if (!type.isString() || !NotificationChannelType::all().contains(type.toString()))
        return fail(kType, Config::tr("must be one of %1 (got %2)")
                               .arg(quotedList(NotificationChannelType::all()), describeFound(type)));
    channel->type = type.toString();
    const QStringList allowed = keysOf(channel->type);

    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue value = it.value();
        if (!allowed.contains(key)) {
            const bool ofOtherType = keysOf(NotificationChannelType::Webhook).contains(key) ||
                                     keysOf(NotificationChannelType::Telegram).contains(key);
            return fail(key, ofOtherType ? Config::tr("is not used by a %1 channel").arg(channel->type)
                                         : Config::tr("unknown field"));
        }
        if (key == kType)
            continue;
        if (key == kEnabled) {
            if (!value.isBool())
                return fail(key, Config::tr("must be true or false (got %1)").arg(describeFound(value)));
            channel->enabled = value.toBool();
        } else if (key == kResend) {
            const double number = value.toDouble();
            if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number ||
                number < 0 || number > double(kMaxResendMs))
                return fail(key, Config::tr("must be 0 (off) or an integer between %1 and %2 (got %3)")
                                     .arg(kMinResendMs)
                                     .arg(kMaxResendMs)
                                     .arg(describeFound(value)));
            channel->resendIntervalMs = qint64(number);
        } else if (key == kKinds) {
            if (!value.isArray())
                return fail(key, Config::tr("must be an array of kinds (got %1)").arg(describeFound(value)));
            channel->kinds.clear();
            for (const QJsonValue kind : value.toArray()) {
                if (!kind.isString())
                    return fail(key, Config::tr("must hold only %1 (got %2)")
                                         .arg(quotedList(NotificationKind::all()), describeFound(kind)));
                channel->kinds << kind.toString();
            }
        } else if (key == kChatId && value.isDouble()) {
            // Telegram chat ids are integers (negative for groups); accept them unquoted too.
            const double number = value.toDouble();
            if (!std::isfinite(number) || std::trunc(number) != number ||
                std::abs(number) > 9007199254740991.0)
                return fail(key,
                            Config::tr("must be a string or an integer (got %1)").arg(describeFound(value)));
            channel->chatId = QString::number(qint64(number));
        } else {
            if (!value.isString())
                return fail(key, Config::tr("must be a string (got %1)")
                                     .arg(key == kSecret ? Config::tr("a non-string") : describeFound(value)));
            const QString text = value.toString();
            if (key == kName)
                channel->name = text;
            else if (key == kMinSeverity)
                channel->minSeverity = text;
            else if (key == kUrl)
                channel->url = text;
            else if (key == kSecret)
                channel->secret = text;
            else if (key == kBotToken)
                channel->botToken = text;
            else if (key == kChatId)
                channel->chatId = text;
            else if (key == kBaseUrl)
                channel->baseUrl = text;
        }
    }
    if (!object.contains(kName))
        return fail(kName, Config::tr("is required"));
    return validateChannel(*channel, index);
}

QString rulePath(qsizetype index)
{
    return QStringLiteral("notifications.rules[%1]").arg(index);
}

bool isMachineName(const QString &name)
{
    return !name.isEmpty() && name.size() <= kMaxNameLength &&
           std::all_of(name.begin(), name.end(), [](QChar c) {
               return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                      (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-';
           });
}

std::optional<ConfigError> validateRule(const DependencyRule &rule, qsizetype index)
{
    const auto fail = [index](const QString &key, const QString &reason) {
        return ConfigError{rulePath(index) + u'.' + key, reason};
    };
    const bool machine = rule.root.startsWith(DependencyRule::MachinePrefix);
    if (rule.root != DependencyRule::OracleDown &&
        !(machine && isMachineName(rule.root.mid(DependencyRule::MachinePrefix.size()))))
        return fail(kRoot, Config::tr("must be \"oracle_down\" or \"machine:NAME\" with NAME of 1 to 64 "
                              "letters, digits, \".\", \"_\" or \"-\" (got %1)")
                               .arg(describeFound(rule.root)));
    if (rule.holds.isEmpty())
        return fail(kHolds, Config::tr("must name at least one task"));
    QSet<QString> seen;
    for (qsizetype i = 0; i < rule.holds.size(); ++i) {
        const QString &task = rule.holds.at(i);
        const QString field = kHolds + QStringLiteral("[%1]").arg(i);
        if (!TaskName::all().contains(task))
            return fail(field, Config::tr("must be a task: one of %1 (got %2)")
                                   .arg(quotedList(TaskName::all()), describeFound(task)));
        if (seen.contains(task))
            return fail(field, Config::tr("names %1 twice").arg(describeFound(task)));
        // The oracle's own alerts are the root: they cannot be held under themselves.
        if (rule.root == DependencyRule::OracleDown && task == QStringLiteral("oracle_monitoring"))
            return fail(field, Config::tr("is the root of this rule itself"));
        seen.insert(task);
    }
    return std::nullopt;
}

std::optional<ConfigError> validateRules(const QVector<DependencyRule> &rules)
{
    QSet<QString> roots;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (auto error = validateRule(rules.at(i), i))
            return error;
        if (roots.contains(rules.at(i).root))
            return ConfigError{rulePath(i) + u'.' + kRoot,
                               Config::tr("must be unique among the rules (%1 is used twice)")
                                   .arg(describeFound(rules.at(i).root))};
        roots.insert(rules.at(i).root);
    }
    return std::nullopt;
}

std::optional<ConfigError> readRules(const QJsonValue &json, QVector<DependencyRule> *rules)
{
    const QString path = QStringLiteral("notifications.rules");
    if (!json.isArray())
        return ConfigError{path, Config::tr("must be an array (got %1)").arg(describeFound(json))};
    const QJsonArray array = json.toArray();
    rules->clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return ConfigError{rulePath(i),
                               Config::tr("must be an object (got %1)").arg(describeFound(array.at(i)))};
        const QJsonObject object = array.at(i).toObject();
        DependencyRule rule;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString field = rulePath(i) + u'.' + it.key();
            if (it.key() == kRoot) {
                if (!it.value().isString())
                    return ConfigError{field,
                                       Config::tr("must be a string (got %1)").arg(describeFound(it.value()))};
                rule.root = it.value().toString();
            } else if (it.key() == kHolds) {
                if (!it.value().isArray())
                    return ConfigError{
                        field,
                        Config::tr("must be an array of task names (got %1)").arg(describeFound(it.value()))};
                const QJsonArray holds = it.value().toArray();
                for (qsizetype h = 0; h < holds.size(); ++h) {
                    if (!holds.at(h).isString())
                        return ConfigError{
                            field + QStringLiteral("[%1]").arg(h),
                            Config::tr("must be a task name (got %1)").arg(describeFound(holds.at(h)))};
                    rule.holds << holds.at(h).toString();
                }
            } else {
                return ConfigError{field, Config::tr("unknown field")};
            }
        }
        if (!object.contains(kRoot))
            return ConfigError{rulePath(i) + u'.' + kRoot, Config::tr("is required")};
        if (!object.contains(kHolds))
            return ConfigError{rulePath(i) + u'.' + kHolds, Config::tr("is required")};
        rules->append(rule);
    }
    return validateRules(*rules);
}

} // namespace

QStringList NotificationSeverity::all()
{
    return {Info, Warning, Critical};
}

int NotificationSeverity::rank(const QString &severity)
{
    return int(all().indexOf(severity));
}

QByteArray webhookSecretKey(const QString &secret)
{
    static const QString prefix = QStringLiteral("whsec_");
    if (!secret.startsWith(prefix))
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(secret.mid(prefix.size()).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < kMinSecretBytes ||
        decoded.decoded.size() > kMaxSecretBytes)
        return {};
    return decoded.decoded;
}

std::optional<ConfigError> notificationsFromJson(const QJsonValue &json,
                                                 NotificationsConfig *config)
{
    const QString root = QStringLiteral("notifications");
    if (!json.isObject())
        return ConfigError{root, Config::tr("must be an object (got %1)").arg(describeFound(json))};
    const QJsonObject object = json.toObject();
    NotificationsConfig parsed;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == kRulesKey) {
            if (auto error = readRules(it.value(), &parsed.rules))
                return error;
            continue;
        }
        if (it.key() != kChannels)
            return ConfigError{root + u'.' + it.key(), Config::tr("unknown field")};
        if (!it.value().isArray())
            return ConfigError{root + u'.' + kChannels,
                               Config::tr("must be an array (got %1)").arg(describeFound(it.value()))};
        const QJsonArray channels = it.value().toArray();
        for (qsizetype i = 0; i < channels.size(); ++i) {
            NotificationChannel channel;
            if (auto error = readChannel(channels.at(i), i, &channel))
                return error;
            parsed.channels << channel;
        }
    }
    if (auto error = checkUniqueNames(parsed))
        return error;
    *config = parsed;
    return std::nullopt;
}

std::optional<ConfigError> validateNotifications(const NotificationsConfig &config)
{
    for (qsizetype i = 0; i < config.channels.size(); ++i) {
        if (auto error = validateChannel(config.channels.at(i), i))
            return error;
    }
    if (auto error = checkUniqueNames(config))
        return error;
    return validateRules(config.rules);
}

QJsonObject notificationsToJson(const NotificationsConfig &config, bool redacted)
{
    const auto hidden = [redacted](const QString &secret) {
        if (!redacted || secret.isEmpty())
            return secret;
        const QByteArray digest =
            QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex().left(8);
        return QStringLiteral("(hidden, sha256 %1…)").arg(QString::fromLatin1(digest));
    };
    QJsonArray channels;
    for (const NotificationChannel &c : config.channels) {
        QJsonObject o{{kType, c.type},
                      {kName, c.name},
                      {kEnabled, c.enabled},
                      {kKinds, QJsonArray::fromStringList(c.kinds)},
                      {kMinSeverity, c.minSeverity},
                      {kResend, c.resendIntervalMs}};
        if (c.type == NotificationChannelType::Webhook) {
            o.insert(kUrl, c.url);
            o.insert(kSecret, hidden(c.secret));
        } else if (c.type == NotificationChannelType::Telegram) {
            o.insert(kBotToken, hidden(c.botToken));
            o.insert(kChatId, c.chatId);
            o.insert(kBaseUrl, c.baseUrl);
        }
        channels.append(o);
    }
    QJsonObject result{{kChannels, channels}};
    // Written when they are not the defaults, so a file keeps following the defaults.
    if (config.rules != NotificationsConfig::defaultRules()) {
        QJsonArray rules;
        for (const DependencyRule &rule : config.rules)
            rules.append(
                QJsonObject{{kRoot, rule.root}, {kHolds, QJsonArray::fromStringList(rule.holds)}});
        result.insert(kRulesKey, rules);
    }
    return result;
}

} // namespace hb
