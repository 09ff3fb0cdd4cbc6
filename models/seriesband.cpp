#include "seriesband.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace hb {

namespace {
struct Column
{
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    double sumOfMeans = 0.0; // each series' mean in the column, summed over series
    int series = 0;
    double sumX = 0.0;
    qint64 samples = 0;
};
} // namespace

SeriesBand seriesBand(const QMap<QString, QList<QPointF>> &series, qint64 fromMs, qint64 toMs,
                      int columns)
{
    SeriesBand band;
    const int n = std::max(1, columns);
    const double width = std::max(1.0, double(toMs - fromMs) / double(n));
    std::vector<Column> at(static_cast<size_t>(n));
    const auto columnOf = [&](double x) {
        return std::clamp(int((x - double(fromMs)) / width), 0, n - 1);
    };
    for (const QList<QPointF> &points : series) {
        int current = -1;
        double sum = 0.0;
        int count = 0;
        const auto flush = [&] {
            if (count > 0) {
                at[size_t(current)].sumOfMeans += sum / count;
                ++at[size_t(current)].series;
            }
            sum = 0.0;
            count = 0;
        };
        for (const QPointF &p : points) {
            const int c = columnOf(p.x());
            if (c != current) {
                flush();
                current = c;
            }
            Column &column = at[size_t(c)];
            column.low = std::min(column.low, p.y());
            column.high = std::max(column.high, p.y());
            column.sumX += p.x();
            ++column.samples;
            sum += p.y();
            ++count;
        }
        flush();
    }
    for (const Column &column : at) {
        if (column.samples == 0)
            continue;
        const double x = column.sumX / double(column.samples);
        band.min.append({x, column.low});
        band.mean.append({x, column.sumOfMeans / column.series});
        band.max.append({x, column.high});
    }
    return band;
}

} // namespace hb
