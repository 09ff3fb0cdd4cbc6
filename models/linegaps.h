#pragma once

#include <QList>
#include <QPointF>

namespace hb {

// Where a chart line must break: between two points with no data in between (the engine was
// not running, or a gauge was not sampled), a straight line would draw values nobody measured.
//
// A stretch between consecutive points (x = time) is a gap when it is more than GapFactor times
// as long as the series' cadence around it and as `minGap` (the width of a pixel column or two:
// min/max-decimated points of dense data are up to two columns apart). The cadence is the
// longer of the nearest ordinary stretches on either side (ones not much longer than a
// neighbour), so a series whose cadence changed (a tick of 30 s, then of 2 s) stays whole, a
// pause breaks it, and a lone point between two pauses stands alone. No configuration.
inline constexpr double GapFactor = 3.0;

// `points` in time order, cut at every gap into runs that each make one unbroken line. Never
// empty runs; no runs for no points.
QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, double minGap);

} // namespace hb
