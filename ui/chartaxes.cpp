#include "chartaxes.h"

#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFont>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace hb::chartaxes {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::chartaxes", text);
}

// Decimals that show every multiple of `step` exactly once divided by `unit` (0.25 → 2).
int decimalsFor(double step, double unit)
{
    if (step <= 0.0 || unit <= 0.0)
        return 0;
    const double relative = step / unit;
    int decimals = 0;
    for (double scaled = relative; decimals < 3; scaled *= 10.0, ++decimals) {
        if (std::abs(scaled - std::round(scaled)) <= 1e-6 * std::max(1.0, scaled))
            break;
    }
    return decimals;
}

const char kScaleProperty[] = "hbScale";

} // namespace

Scale niceScale(double low, double high, int maxTicks)
{
    if (!std::isfinite(low) || !std::isfinite(high))
        low = high = 0.0;
    if (high < low)
        std::swap(low, high);
    if (high - low <= 0.0) { // one value: give it room, keeping 0 in view
        const double v = high;
        low = std::min(v * 1.2, 0.0);
        high = v == 0.0 ? 1.0 : std::max(v * 1.2, 0.0);
    }
    const int intervals = std::max(maxTicks - 1, 1);
    const double raw = (high - low) / intervals;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10.0;
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (magnitude * m >= raw) {
            step = magnitude * m;
            break;
        }
    }
    Scale s;
    s.step = step;
    s.min = std::floor(low / step) * step;
    s.max = std::ceil(high / step) * step;
    if (s.max <= s.min)
        s.max = s.min + step;
    return s;
}

void applyScale(QCategoryAxis *axis, const Scale &scale, const Labeler &label)
{
    const QVariantList key{scale.min, scale.max, scale.step};
    if (axis->property(kScaleProperty).toList() == key)
        return;
    axis->setProperty(kScaleProperty, key);
    for (const QString &old : axis->categoriesLabels())
        axis->remove(old);
    // The start value carries no label of its own; a sliver of a category just above it does.
    const double sliver = scale.step * 1e-6;
    axis->setStartValue(scale.min - sliver);
    const int steps = int(std::lround((scale.max - scale.min) / scale.step));
    QStringList used;
    for (int i = 0; i <= steps; ++i) {
        const double value = scale.min + i * scale.step;
        // Zero needs no unit, and "0 bytes" would be the widest label of the axis.
        QString text = std::abs(value) < scale.step * 1e-9 ? QLocale().toString(0)
                                                           : label(value, scale.step);
        // Category labels are keys: never let two ticks collide.
        while (used.contains(text))
            text.append(QChar(0x200B));
        used.append(text);
        axis->append(text, value);
    }
    axis->setRange(scale.min, scale.max);
}

QString durationLabel(double ms, double step)
{
    // One unit for the whole axis, chosen by its step: "500 ms", "1,500 ms" or "50 s", "2 min".
    const QLocale locale;
    if (step >= 60'000.0)
        return tr("%1 min").arg(locale.toString(ms / 60'000.0, 'f', decimalsFor(step, 60'000.0)));
    if (step >= 1000.0)
        return tr("%1 s").arg(locale.toString(ms / 1000.0, 'f', decimalsFor(step, 1000.0)));
    return tr("%1 ms").arg(locale.toString(ms, 'f', decimalsFor(step, 1.0)));
}

QString bytesLabel(double bytes, double step)
{
    const double magnitude = std::max(std::abs(bytes), step);
    const double unit = magnitude >= 1.0 ? std::pow(1000.0, std::floor(std::log10(magnitude) / 3.0))
                                         : 1.0;
    return QLocale().formattedDataSize(qint64(std::llround(bytes)), decimalsFor(step, unit),
                                       QLocale::DataSizeSIFormat);
}

QString cyclesLabel(double cycles, double step)
{
    const double magnitude = std::max(std::abs(cycles), step);
    const QLocale locale;
    struct Unit
    {
        double size;
        const char *text;
    };
    // Short scale: thousand, million, billion (the seed's "500 B"), trillion ("1 T").
    static const Unit units[] = {{1e12, QT_TRANSLATE_NOOP("hb::chartaxes", "%1 T")},
                                 {1e9, QT_TRANSLATE_NOOP("hb::chartaxes", "%1 B")},
                                 {1e6, QT_TRANSLATE_NOOP("hb::chartaxes", "%1 M")},
                                 {1e3, QT_TRANSLATE_NOOP("hb::chartaxes", "%1 K")}};
    for (const Unit &u : units) {
        if (magnitude >= u.size && cycles != 0.0)
            return tr(u.text).arg(locale.toString(cycles / u.size, 'f', decimalsFor(step, u.size)));
    }
    return locale.toString(cycles, 'f', decimalsFor(step, 1.0));
}

QString percentLabel(double percent, double step)
{
    return tr("%1 %").arg(QLocale().toString(percent, 'f', decimalsFor(step, 1.0)));
}

QString countLabel(double value, double step)
{
    return QLocale().toString(value, 'f', decimalsFor(step, 1.0));
}

void applyTimeRange(QDateTimeAxis *axis, qint64 fromMs, qint64 toMs)
{
    // Qt places the ticks evenly from the range's start, not on whole minutes: over a few
    // minutes "HH:mm" would label 21:37:56 and 21:39:11 as "21:37" and "21:39", so short ranges
    // show the seconds.
    const qint64 span = toMs - fromMs;
    // Beyond a week a weekday repeats: the date says which one.
    const QString format = span > 7 * 86'400'000LL ? QStringLiteral("d MMM")
                           : span > 86'400'000     ? QStringLiteral("ddd HH:mm")
                           : span <= 15 * 60'000 ? QStringLiteral("HH:mm:ss")
                                                 : QStringLiteral("HH:mm");
    if (axis->format() != format)
        axis->setFormat(format);
    axis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
}

QFont smallFont(const QFont &base, double scale)
{
    QFont f = base;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(std::max(6.5, f.pointSizeF() * scale));
    else
        f.setPixelSize(std::max(9, int(f.pixelSize() * scale)));
    return f;
}

void applyCompactStyle(QChart *chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    QFont title = smallFont(chart->titleFont(), 0.95);
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setFont(smallFont(chart->legend()->font(), 0.8));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setContentsMargins(0, 0, 0, 0);
}

} // namespace hb::chartaxes
