#pragma once

#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>

namespace hb {

// The spread of a value across many series at each plot column: what a chart draws instead of
// one line per series once there are too many lines to tell apart (or to draw in time).
struct SeriesBand
{
    // One point per plot column that holds data, at the mean time of the column's samples, in
    // time order; the three lists share their x values.
    QList<QPointF> min;  // the lowest sample of any series in the column
    QList<QPointF> mean; // the mean over series of each series' mean in the column
    QList<QPointF> max;  // the highest sample of any series in the column

    bool isEmpty() const { return mean.isEmpty(); }
};

// `series` (each in time order, x: epoch ms) reduced to their band over [fromMs, toMs] split
// into `columns` columns. Points outside the range count in the first or last column.
SeriesBand seriesBand(const QMap<QString, QList<QPointF>> &series, qint64 fromMs, qint64 toMs,
                      int columns);

} // namespace hb
