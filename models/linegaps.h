#pragma once

#include <QList>
#include <QPointF>

namespace hb {

// Where a chart line must break: between two points with no data in between (the engine was
// not running, or a gauge was not sampled), a straight line would draw values nobody measured.
//
// A stretch between consecutive points (x = time) is a gap when it is more than GapFactor times
// as long as the longer of its neighbouring stretches and as `minGap` (the width of a pixel
// column or two: min/max-decimated points of dense data are up to two columns apart). Judging
// by the neighbours and not by one fixed cadence keeps a series whose cadence changed (a tick
// of 30 s, then of 2 s) whole, breaks it at a pause among either, and needs no configuration.
inline constexpr double GapFactor = 3.0;

// `points` in time order, cut at every gap into runs that each make one unbroken line. Never
// empty runs; no runs for no points.
QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, double minGap);

} // namespace hb
