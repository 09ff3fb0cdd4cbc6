#include "linegaps.h"

#include <algorithm>

namespace hb {

QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, double minGap)
{
    QList<QList<QPointF>> runs;
    const qsizetype n = points.size();
    if (n == 0)
        return runs;
    const auto stretch = [&points, n](qsizetype i) { // from point i to point i + 1
        return i >= 0 && i + 1 < n ? points.at(i + 1).x() - points.at(i).x() : 0.0;
    };
    qsizetype start = 0;
    for (qsizetype i = 0; i + 1 < n; ++i) {
        const double neighbours = std::max({stretch(i - 1), stretch(i + 1), minGap});
        if (stretch(i) > GapFactor * neighbours) {
            runs.append(points.mid(start, i + 1 - start));
            start = i + 1;
        }
    }
    runs.append(points.mid(start));
    return runs;
}

} // namespace hb
