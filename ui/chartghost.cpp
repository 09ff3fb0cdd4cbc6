// ChartPanel's compare mode: range B's lines as dashed, lighter ghosts over range A.

#include "chartpanel.h"

#include "background.h"
#include "chartaxes.h"
#include "ghostframe.h"
#include "uilogging.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QPen>

#include <algorithm>

namespace hb {

namespace {

QLineSeries *findSeries(QChart *chart, const QString &objectName)
{
    for (QAbstractSeries *series : chart->series()) {
        if (series->objectName() == objectName)
            return qobject_cast<QLineSeries *>(series);
    }
    return nullptr;
}

} // namespace

void ChartPanel::setGhostRange(qint64 bFromMs, qint64 bToMs)
{
    if (bToMs <= bFromMs) {
        clearGhostRange();
        return;
    }
    const TimeRange a = timeRange();
    m_ghostOffsetMs = ghostOffsetMs(a.fromMs, bFromMs);
    m_ghostLengthMs = bToMs - bFromMs;
    if (!m_ghostRangeConnection) {
        // B moves with A; the ghost is drawn over whatever the panel draws.
        m_ghostRangeConnection =
            connect(this, &ChartPanel::timeRangeChanged, this, &ChartPanel::requestGhost);
        m_ghostRedrawConnection = connect(this, &ChartPanel::redrawn, this, &ChartPanel::drawGhost);
    }
    m_ghost.reset();
    requestGhost();
    drawGhost();
}

void ChartPanel::clearGhostRange()
{
    disconnect(m_ghostRangeConnection);
    disconnect(m_ghostRedrawConnection);
    m_ghostRangeConnection = {};
    m_ghostRedrawConnection = {};
    m_ghostOffsetMs.reset();
    m_ghost.reset();
    ++m_ghostRequestId; // an answer on its way goes nowhere
    m_ghostLoadingId = 0;
    for (QLineSeries **series : {&m_ghostTick, &m_ghostSuccess}) {
        if (!*series)
            continue;
        (*series)->chart()->removeSeries(*series);
        delete *series;
        *series = nullptr;
    }
    scheduleRedraw(); // the value axis no longer has to hold the ghost
}

ChartPanel::TimeRange ChartPanel::ghostRange() const
{
    if (!m_ghostOffsetMs)
        return {};
    const qint64 from = timeRange().fromMs - *m_ghostOffsetMs;
    return {from, from + m_ghostLengthMs};
}

void ChartPanel::requestGhost()
{
    if (!m_ghostOffsetMs)
        return;
    const quint64 id = ++m_ghostRequestId;
    if (m_metricsPath.isEmpty()) {
        m_ghostLoadingId = 0;
        m_ghost.reset();
        drawGhost();
        return;
    }
    const TimeRange b = ghostRange();
    ChartRangeQuery query;
    query.path = m_metricsPath;
    query.fromMs = b.fromMs;
    query.toMs = b.toMs;
    query.columns = plotWidth();
    // Only the tick-time and success-rate lines have ghosts: no task runs to read.
    const qint64 aFromMs = b.fromMs + *m_ghostOffsetMs;
    m_ghostLoadingId = id;
    const RangeLoader loader = m_loader;
    runInBackground(
        this,
        [loader, query] {
            try {
                return loader(query);
            } catch (const std::exception &e) {
                ChartFrame failed;
                failed.fromMs = query.fromMs;
                failed.toMs = query.toMs;
                failed.error = QString::fromLocal8Bit(e.what());
                return failed;
            }
        },
        [this, id, aFromMs](const ChartFrame &frame) {
            if (id != m_ghostRequestId)
                return; // B moved (or was cleared) meanwhile
            m_ghostLoadingId = 0;
            if (!frame.error.isEmpty())
                qCWarning(lcUi).noquote() << "cannot read the compared range:" << frame.error;
            m_ghost = ghostFrame(frame, aFromMs);
            drawGhost();
            Q_EMIT ghostLoaded();
        });
}

QLineSeries *ChartPanel::ghostSeries(ChartId id, const QString &baseObjectName, const QString &name)
{
    QChart *c = chart(id);
    QLineSeries *base = findSeries(c, baseObjectName);
    if (!base)
        return nullptr;
    auto *series = new QLineSeries(c);
    series->setName(name);
    series->setObjectName(QStringLiteral("ghost:") + baseObjectName);
    QPen pen = base->pen();
    QColor color = pen.color();
    color.setAlpha(140);
    pen.setColor(color.lighter(130));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.2);
    series->setPen(pen);
    c->addSeries(series);
    for (QAbstractAxis *axis : base->attachedAxes())
        series->attachAxis(axis);
    return series;
}

void ChartPanel::drawGhost()
{
    if (!m_ghostOffsetMs)
        return;
    if (!m_ghostTick)
        m_ghostTick = ghostSeries(ExecutionTimeChart, QStringLiteral("tick"), tr("Tick (B)"));
    if (!m_ghostSuccess)
        m_ghostSuccess =
            ghostSeries(SuccessRateChart, QStringLiteral("successRate"), tr("Success (B)"));
    const QList<QPointF> tick = m_ghost ? m_ghost->tickMs : QList<QPointF>();
    const QList<QPointF> success = m_ghost ? m_ghost->successPercent : QList<QPointF>();
    if (m_ghostTick && m_ghostTick->points() != tick)
        m_ghostTick->replace(tick);
    if (m_ghostSuccess && m_ghostSuccess->points() != success)
        m_ghostSuccess->replace(success);

    // The tick-time chart's scale is made for A's lines: widen it when B's go higher.
    if (!m_ghostTick || tick.isEmpty())
        return;
    const TimeRange a = timeRange();
    double high = 0.0;
    for (const QPointF &p : tick) {
        if (p.x() >= double(a.fromMs) && p.x() <= double(a.toMs))
            high = std::max(high, p.y());
    }
    for (QAbstractAxis *axis : m_ghostTick->attachedAxes()) {
        auto *left = qobject_cast<QCategoryAxis *>(axis);
        if (!left || left->orientation() != Qt::Vertical || high <= left->max())
            continue;
        const int ticks = std::clamp(int(left->count()), 2, 5);
        chartaxes::applyScale(left, chartaxes::niceScale(0.0, high, ticks),
                              chartaxes::durationLabel);
    }
}

} // namespace hb
