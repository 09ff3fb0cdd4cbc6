#pragma once

#include <QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QChart;
class QDateTimeAxis;
class QFont;
QT_END_NAMESPACE

namespace hb::chartaxes {

// Round axis steps (1, 2, 2.5, 5 × 10^n) from 0 or `low` up past `high`.
struct Scale
{
    double min = 0.0;
    double max = 1.0;
    double step = 1.0;
    bool operator==(const Scale &o) const { return min == o.min && max == o.max && step == o.step; }
};
Scale niceScale(double low, double high, int maxTicks = 5);

// Renders the label of `value` on an axis whose steps are `step` apart (so decimals can follow
// the step: "1.05 GB" only when steps are that fine).
using Labeler = std::function<QString(double value, double step)>;

// Sets a value axis built as a QCategoryAxis: grid lines on the scale's steps, each labelled by
// `label` (Qt's printf-style label formats cannot say "1.2 GB"). Rebuilt only when the scale
// changes, so a redraw at an unchanged scale costs nothing.
void applyScale(QCategoryAxis *axis, const Scale &scale, const Labeler &label);

// Label renderings, locale-aware and translated.
QString durationLabel(double ms, double step);       // "250 ms", "1,500 ms"
QString bytesLabel(double bytes, double step);     // "1.2 GB" (QLocale::formattedDataSize)
QString cyclesLabel(double cycles, double step);   // "1.5 T", "500 B", "20 M"
QString percentLabel(double percent, double step); // "95 %"
QString countLabel(double value, double step);     // "12", "0.75"

// Time axis for a range: HH:mm:ss up to 15 min, HH:mm beyond, with the weekday over a day and
// the date over a week.
void applyTimeRange(QDateTimeAxis *axis, qint64 fromMs, qint64 toMs);

// House look of a chart: compact margins, small fonts, no rounded background, no animation.
void applyCompactStyle(QChart *chart);
QFont smallFont(const QFont &base, double scale = 0.85);

} // namespace hb::chartaxes
