#pragma once

// The "notifications" object of config.json: read, checked and written here so that config.cpp
// keeps its table of scalar fields and this nested list stays in one place.

#include "core/config.h"

#include <QJsonValue>

#include <optional>

namespace hb {

// Severities of a notification, lowest first: "info", "warning", "critical".
namespace NotificationSeverity {
inline const QString Info = QStringLiteral("info");
inline const QString Warning = QStringLiteral("warning");
inline const QString Critical = QStringLiteral("critical");
QStringList all();
int rank(const QString &severity); // 0, 1, 2; -1 for an unknown word
} // namespace NotificationSeverity

// Reads `json` (the value of "notifications") into `config`; the error names the field, e.g.
// "notifications.channels[1].url".
std::optional<ConfigError> notificationsFromJson(const QJsonValue &json,
                                                 NotificationsConfig *config);
// Checks an in-memory value the way notificationsFromJson checks a file.
std::optional<ConfigError> validateNotifications(const NotificationsConfig &config);
// The object config.json holds; every channel writes only the keys of its type. `redacted`
// replaces each secret and bot token by a short fingerprint (for the audit log: a change shows,
// the secret does not).
QJsonObject notificationsToJson(const NotificationsConfig &config, bool redacted = false);

// The key of a "whsec_…" secret; empty when the text is not a valid secret.
QByteArray webhookSecretKey(const QString &secret);

} // namespace hb
