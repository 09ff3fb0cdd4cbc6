#pragma once

// One JSON object per line: {"name":…, "value":…, "unit":…, "baseline":…, "ratio":…}
// `baseline` is a figure measured in the same run that the value is compared against (or the
// target, where the README's Performance table names an absolute figure); `ratio` is value /
// baseline.

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cstdio>

namespace hb::bench {

inline void printFigure(const char *name, double value, const char *unit, double baseline,
                        const QJsonObject &extra = {})
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("name"), QString::fromUtf8(name));
    o.insert(QStringLiteral("value"), value);
    o.insert(QStringLiteral("unit"), QString::fromUtf8(unit));
    o.insert(QStringLiteral("baseline"), baseline);
    o.insert(QStringLiteral("ratio"), baseline != 0.0 ? value / baseline : 0.0);
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace hb::bench
