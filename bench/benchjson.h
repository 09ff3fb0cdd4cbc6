#pragma once

// One JSON object per line:
//   {"name", "value", "unit", "baseline", "ratio", "target", "target_of", "target_bound",
//    "target_met", …extras}
// `baseline` is only ever a figure measured in the same run that the value is compared against
// (`ratio` is value / baseline, or baseline / value for a time named as a speed-up over a slower
// way: RatioIs::BaselineOverValue); a figure with nothing to compare against in the run has
// neither. A goal is a `target`: a bound on the value or on the ratio (`target_of`), `<=` or
// `>=` (`target_bound`), and whether this run met it. Benchmarks never fail on time.

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cstdio>
#include <optional>

namespace hb::bench {

struct Target
{
    enum class Of { Value, Ratio };
    enum class Bound { AtMost, AtLeast };
    Of of = Of::Value;
    Bound bound = Bound::AtMost;
    double goal = 0.0;

    static Target valueAtMost(double goal) { return {Of::Value, Bound::AtMost, goal}; }
    static Target valueAtLeast(double goal) { return {Of::Value, Bound::AtLeast, goal}; }
    static Target ratioAtLeast(double goal) { return {Of::Ratio, Bound::AtLeast, goal}; }
    static Target ratioAtMost(double goal) { return {Of::Ratio, Bound::AtMost, goal}; }

    bool metBy(double figure) const
    {
        return bound == Bound::AtMost ? figure <= goal : figure >= goal;
    }
};

enum class RatioIs { ValueOverBaseline, BaselineOverValue };

inline void printFigure(const char *name, double value, const char *unit,
                        std::optional<double> baseline, std::optional<Target> target,
                        const QJsonObject &extra = {},
                        RatioIs ratioIs = RatioIs::ValueOverBaseline)
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("name"), QString::fromUtf8(name));
    o.insert(QStringLiteral("value"), value);
    o.insert(QStringLiteral("unit"), QString::fromUtf8(unit));
    std::optional<double> ratio;
    if (baseline) {
        o.insert(QStringLiteral("baseline"), *baseline);
        const double over = ratioIs == RatioIs::ValueOverBaseline ? *baseline : value;
        if (over != 0.0)
            ratio = (ratioIs == RatioIs::ValueOverBaseline ? value : *baseline) / over;
        o.insert(QStringLiteral("ratio"), ratio ? *ratio : 0.0);
    }
    if (target) {
        const bool ofRatio = target->of == Target::Of::Ratio;
        o.insert(QStringLiteral("target"), target->goal);
        o.insert(QStringLiteral("target_of"),
                 ofRatio ? QStringLiteral("ratio") : QStringLiteral("value"));
        o.insert(QStringLiteral("target_bound"), target->bound == Target::Bound::AtMost
                                                     ? QStringLiteral("<=")
                                                     : QStringLiteral(">="));
        const std::optional<double> judged = ofRatio ? ratio : std::optional<double>(value);
        o.insert(QStringLiteral("target_met"), judged ? target->metBy(*judged) : false);
    }
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace hb::bench
