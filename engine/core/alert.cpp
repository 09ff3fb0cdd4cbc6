#include "core/alert.h"

namespace hb {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Critical:
        return QStringLiteral("critical");
    }
    return QStringLiteral("info");
}

std::optional<Severity> severityFromName(QStringView name)
{
    for (const Severity severity : {Severity::Info, Severity::Warning, Severity::Critical}) {
        if (name == severityName(severity))
            return severity;
    }
    return std::nullopt;
}

} // namespace hb
