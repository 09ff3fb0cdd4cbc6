#pragma once

#include <QString>

#include <optional>

namespace hb {

enum class Severity : quint8 { Info, Warning, Critical };
QString severityName(Severity severity); // "info", "warning", "critical"
std::optional<Severity> severityFromName(QStringView name);

// A condition a task found (memory above the warning line, cycles low, ...). `key` identifies
// the condition within its source so the engine can tell a new alert from one still active.
struct Alert
{
    qint64 tsMs = 0;
    QString source; // the task that raised it
    QString key;    // e.g. "memory_high"
    Severity severity = Severity::Warning;
    QString message;
};

} // namespace hb
