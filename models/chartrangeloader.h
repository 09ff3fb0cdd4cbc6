#pragma once

#include "chartframe.h"
#include "recordfeed.h"
#include "store/metricsreader.h"

#include <QString>
#include <QStringList>

namespace hb {

// One long-range chart request: what to read from metrics.db and at what plot width.
struct ChartRangeQuery
{
    QString path;        // metrics.db
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int columns = 600;   // plot width in pixels: the frame holds at most 2 points per column
    QStringList tasks;   // whose run times to include
};

// The resolution that gives a range enough points without reading more rows than it can
// draw: raw rows up to 6 h, minute rollups up to 3 days, hour rollups beyond.
MetricsReader::Resolution chartResolutionFor(qint64 spanMs);

// Reads a ChartFrame from metrics.db through a read-only MetricsReader, decimated to
// `columns`. Runs on a worker thread (it may take a while on a large file); never throws: a
// failure comes back in ChartFrame::error.
ChartFrame loadChartRange(const ChartRangeQuery &query);

// The raw records of [fromMs, toMs) in metrics.db as the live feed would have brought them
// (ticks, runs and every gauge series, oldest first, bounded), to fill the live charts with
// the minutes before the window opened. Runs on a worker thread; throws StoreError.
RecordBatch loadRecentRecords(const QString &path, qint64 fromMs, qint64 toMs);

} // namespace hb
