// ChartPanel's time range: presets live and recorded, absolute ranges, zoom and pan from the
// charts, the zoom history, and what a click on a chart names.

#include "chartpanel.h"

#include "chartrangebar.h"
#include "chartview.h"
#include "executionchart.h"
#include "timerangedialog.h"

#include <QAction>

#include <algorithm>
#include <cmath>

namespace hb {

namespace {

constexpr int kWheelMergeMs = 600; // wheel notches closer than this make one history step

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

qint64 ChartPanel::rangeSpanMs(int index)
{
    switch (index) {
    case LastHour:
        return 3'600'000;
    case LastDay:
        return 86'400'000;
    case LastWeek:
        return 7 * 86'400'000LL;
    case All:
        return 0;
    default:
        return 5 * 60'000;
    }
}

bool ChartPanel::followsClock() const
{
    return !m_recorded && m_view.preset >= 0;
}

ChartPanel::View ChartPanel::presetView(int preset) const
{
    if (!m_recorded)
        return {preset, 0, 0};
    const qint64 end = m_dataLastMs + 1; // the last row is inside [from, to)
    const qint64 from = preset == All ? m_dataFirstMs : end - rangeSpanMs(preset);
    return {preset, std::min(from, end - MinSpanMs), end};
}

ChartPanel::TimeRange ChartPanel::timeRange() const
{
    if (followsClock()) {
        const qint64 now = m_clock->nowMs();
        return {now - rangeSpanMs(m_view.preset), now};
    }
    return {m_view.fromMs, m_view.toMs};
}

void ChartPanel::setRangeIndex(int index)
{
    index = std::clamp(index, 0, RangeCount - 1);
    if (m_recorded && index == Last5Minutes)
        index = LastHour;
    if (!m_recorded && index == All)
        index = LastWeek;
    const View view = presetView(index);
    if (view == m_view) {
        m_rangeBar->setCheckedPreset(index); // a click toggled the button
        return;
    }
    navigate(view, true);
}

void ChartPanel::setTimeRange(qint64 fromMs, qint64 toMs)
{
    if (toMs - fromMs < MinSpanMs) {
        const qint64 mid = fromMs + (toMs - fromMs) / 2;
        fromMs = mid - MinSpanMs / 2;
        toMs = fromMs + MinSpanMs;
    }
    navigate({-1, fromMs, toMs}, true);
}

void ChartPanel::setDataBounds(qint64 firstMs, qint64 lastMs)
{
    if (lastMs < firstMs)
        std::swap(firstMs, lastMs);
    const bool entering = !m_recorded;
    m_recorded = true;
    m_dataFirstMs = firstMs;
    m_dataLastMs = lastMs;
    m_rangeBar->setRecorded(true);
    if (entering) {
        // Another data set: the live history is no way back into it.
        m_back.clear();
        m_forward.clear();
        m_loaded.reset();
        applyView(presetView(All), true);
    } else if (m_view.preset >= 0) {
        if (const View view = presetView(m_view.preset); !(view == m_view))
            applyView(view, true);
    }
    updateHistoryActions();
}

void ChartPanel::clearDataBounds()
{
    if (!m_recorded)
        return;
    m_recorded = false;
    m_rangeBar->setRecorded(false);
    m_back.clear();
    m_forward.clear();
    m_loaded.reset();
    applyView(presetView(Last5Minutes), true);
    updateHistoryActions();
}

void ChartPanel::pushHistory(const View &view)
{
    m_back.append(view);
    if (m_back.size() > MaxHistory)
        m_back.remove(0, m_back.size() - MaxHistory);
    m_forward.clear();
    updateHistoryActions();
}

void ChartPanel::navigate(const View &view, bool addToHistory, bool readNow)
{
    if (view == m_view)
        return;
    if (addToHistory)
        pushHistory(m_view);
    applyView(view, readNow);
}

void ChartPanel::applyView(const View &view, bool readNow)
{
    const bool fromDatabase = drawsFromDatabase();
    const bool presetChanged = view.preset != m_view.preset;
    m_view = view;
    m_rangeBar->setCheckedPreset(view.preset);
    // A new preset starts on empty axes (data follows); a zoom or pan keeps what it has drawn,
    // on the new axis, if that came from the database.
    if ((view.preset >= 0 && presetChanged) || !fromDatabase)
        m_loaded.reset();
    if (readNow)
        requestRange();
    else if (drawsFromDatabase())
        m_zoomRequestTimer.start();
    updateStatus();
    redraw(); // the axes jump to the new range now
    const TimeRange range = timeRange();
    Q_EMIT timeRangeChanged(range.fromMs, range.toMs);
    if (view.preset >= 0 && view.preset != m_lastPreset) {
        m_lastPreset = view.preset;
        Q_EMIT rangeIndexChanged(view.preset);
    }
}

void ChartPanel::goBack()
{
    if (m_back.isEmpty())
        return;
    m_forward.append(m_view);
    applyView(m_back.takeLast(), true);
    updateHistoryActions();
}

void ChartPanel::goForward()
{
    if (m_forward.isEmpty())
        return;
    m_back.append(m_view);
    applyView(m_forward.takeLast(), true);
    updateHistoryActions();
}

void ChartPanel::updateHistoryActions()
{
    m_backAction->setEnabled(!m_back.isEmpty());
    m_forwardAction->setEnabled(!m_forward.isEmpty());
}

void ChartPanel::onZoomed(qint64 fromMs, qint64 toMs, bool wheel)
{
    if (toMs - fromMs < MinSpanMs) {
        const qint64 mid = fromMs + (toMs - fromMs) / 2;
        fromMs = mid - MinSpanMs / 2;
        toMs = fromMs + MinSpanMs;
    }
    const bool merge = wheel && m_view.preset < 0 && m_sinceWheelStep.isValid() &&
                       m_sinceWheelStep.elapsed() < kWheelMergeMs;
    if (wheel)
        m_sinceWheelStep.start();
    else
        m_sinceWheelStep.invalidate();
    // The wheel reads once it rests; a drag's span is read at once.
    navigate({-1, fromMs, toMs}, !merge, !wheel);
}

ChartPanel::TimeRange ChartPanel::bucketAt(qint64 atMs) const
{
    const TimeRange range = timeRange();
    const qint64 span = std::max<qint64>(1, range.toMs - range.fromMs);
    const double columnMs = double(span) / double(plotWidth());
    // A point drawn from minute or hour rollups stands for its whole bucket.
    const qint64 bucketMs =
        drawsFromDatabase() ? MetricsReader::bucketWidthMs(chartResolutionFor(span)) : 0;
    if (bucketMs > 0 && double(bucketMs) >= columnMs) {
        const qint64 start = floorDiv(atMs, bucketMs) * bucketMs;
        return {start, start + bucketMs};
    }
    // Otherwise a point is a plot column's minimum or maximum: the column is the bucket.
    const double column = std::floor(double(atMs - range.fromMs) / columnMs);
    return {range.fromMs + std::llround(column * columnMs),
            range.fromMs + std::llround((column + 1) * columnMs)};
}

void ChartPanel::onChartClicked(ChartId id, qint64 atMs, QPoint viewportPos)
{
    const TimeRange bucket = bucketAt(atMs);
    const QString task = id == ExecutionTimeChart ? m_execution->taskNear(viewportPos) : QString();
    Q_EMIT bucketClicked(bucket.fromMs, bucket.toMs, task);
}

void ChartPanel::chooseCustomRange()
{
    const TimeRange range = timeRange();
    auto *dialog = new TimeRangeDialog(range.fromMs, range.toMs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_recorded)
        dialog->setLimits(m_dataFirstMs, m_dataLastMs);
    connect(dialog, &TimeRangeDialog::rangeChosen, this, &ChartPanel::setTimeRange);
    // The button toggled on its click; it shows the range again whatever was chosen.
    connect(dialog, &QDialog::finished, this,
            [this] { m_rangeBar->setCheckedPreset(m_view.preset); });
    dialog->open();
}

QImage ChartPanel::renderChart(ChartId id)
{
    if (m_redrawTimer.isActive())
        redrawNow();
    return chartView(id)->grab().toImage();
}

} // namespace hb
