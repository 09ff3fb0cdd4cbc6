#include "linegaps.h"

#include <algorithm>
#include <vector>

namespace hb {

QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, double minGap)
{
    QList<QList<QPointF>> runs;
    const qsizetype n = points.size();
    if (n == 0)
        return runs;
    // stretches[i]: from point i to point i + 1.
    const qsizetype m = n - 1;
    std::vector<double> stretches(size_t(std::max<qsizetype>(m, 0)));
    for (qsizetype i = 0; i < m; ++i)
        stretches[size_t(i)] = points.at(i + 1).x() - points.at(i).x();

    // A candidate is much longer than a neighbour. Two gaps around a lone point are each
    // other's neighbours, so a candidate is then judged against the nearest stretches on either
    // side that are not candidates themselves: the series' own cadence there.
    std::vector<bool> candidate(stretches.size(), false);
    for (qsizetype i = 0; i < m; ++i) {
        double shorter = -1.0;
        if (i > 0)
            shorter = stretches[size_t(i - 1)];
        if (i + 1 < m)
            shorter = shorter < 0 ? stretches[size_t(i + 1)]
                                  : std::min(shorter, stretches[size_t(i + 1)]);
        candidate[size_t(i)] =
            shorter >= 0 && stretches[size_t(i)] > GapFactor * std::max(shorter, minGap);
    }
    qsizetype start = 0;
    for (qsizetype i = 0; i < m; ++i) {
        if (!candidate[size_t(i)])
            continue;
        double cadence = minGap;
        for (qsizetype j = i - 1; j >= 0; --j) {
            if (!candidate[size_t(j)]) {
                cadence = std::max(cadence, stretches[size_t(j)]);
                break;
            }
        }
        for (qsizetype j = i + 1; j < m; ++j) {
            if (!candidate[size_t(j)]) {
                cadence = std::max(cadence, stretches[size_t(j)]);
                break;
            }
        }
        if (stretches[size_t(i)] > GapFactor * cadence) {
            runs.append(points.mid(start, i + 1 - start));
            start = i + 1;
        }
    }
    runs.append(points.mid(start));
    return runs;
}

} // namespace hb
