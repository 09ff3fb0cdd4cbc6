#include "ghostframe.h"

namespace hb {

namespace {

void shift(QList<QPointF> &points, qint64 offsetMs)
{
    for (QPointF &p : points)
        p.setX(p.x() + double(offsetMs));
}

void shift(QMap<QString, QList<QPointF>> &series, qint64 offsetMs)
{
    for (QList<QPointF> &points : series)
        shift(points, offsetMs);
}

} // namespace

qint64 ghostOffsetMs(qint64 aFromMs, qint64 bFromMs)
{
    return aFromMs - bFromMs;
}

ChartFrame ghostFrame(const ChartFrame &b, qint64 aFromMs)
{
    const qint64 offset = ghostOffsetMs(aFromMs, b.fromMs);
    ChartFrame g = b;
    g.fromMs += offset;
    g.toMs += offset;
    for (QList<QPointF> *points : {&g.tickMs, &g.tickAverageMs, &g.tickPeakMs, &g.successPercent,
                                   &g.cycles, &g.memoryBytes, &g.shardCount})
        shift(*points, offset);
    shift(g.taskMs, offset);
    shift(g.shardLoad, offset);
    for (AuditEntry &marker : g.adminActions)
        marker.tsMs += offset;
    return g;
}

} // namespace hb
