#pragma once

#include "chartframe.h"

namespace hb {

// Comparing two ranges on one chart: range B's lines drawn as ghosts over range A. Every point
// of B's frame (and its markers, and its from / to) moves by `aFromMs − b.fromMs`, so B's first
// moment lines up with A's; the values are untouched. The frame is B's as loadChartRange()
// read it, at A's plot width; the chart draws the result with A's time axis.
qint64 ghostOffsetMs(qint64 aFromMs, qint64 bFromMs);
ChartFrame ghostFrame(const ChartFrame &b, qint64 aFromMs);

} // namespace hb
