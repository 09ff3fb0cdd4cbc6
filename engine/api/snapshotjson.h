#pragma once

#include "core/alert.h"
#include "core/records.h"
#include "snapshot.h"
#include "store/notificationstore.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// The JSON of the HTTP API's value types (docs/api.md): one serializer and one parser per type,
// so a client (the wall's remote source) rebuilds exactly what the engine published. Keys are
// snake_case; times are integer milliseconds since the epoch (`*_ms`); enums are their stored
// names ("success", "open", "critical", ...). Parsers are strict: a missing or mistyped field is
// an error naming the field ("tasks[2].last_outcome: expected a string").
namespace hb::json {

QJsonObject fromState(const EngineState &state);
std::optional<EngineState> toState(const QJsonObject &json, QString *error);

QJsonObject fromExecution(const ExecutionRecord &record);
std::optional<ExecutionRecord> toExecution(const QJsonObject &json, QString *error);
QJsonObject fromTick(const TickRecord &tick);
std::optional<TickRecord> toTick(const QJsonObject &json, QString *error);
QJsonObject fromSample(const Sample &sample);
std::optional<Sample> toSample(const QJsonObject &json, QString *error);
QJsonObject fromAudit(const AuditEntry &entry);
QJsonObject fromDelivery(const DeliveryRecord &record); // a notification_deliveries row
QJsonObject fromSilence(const NotificationSilence &silence); // a notification_silences row
std::optional<AuditEntry> toAudit(const QJsonObject &json, QString *error);
QJsonObject fromAlert(const Alert &alert);
std::optional<Alert> toAlert(const QJsonObject &json, QString *error);

} // namespace hb::json
