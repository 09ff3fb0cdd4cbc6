#include "executionchart.h"

#include "chartaxes.h"
#include "chartview.h"
#include "format.h"

#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace hb {

namespace {

const QColor kTaskColors[] = {QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0x83, 0x8f),
                              QColor(0x6d, 0x4c, 0x41), QColor(0xd8, 0x1b, 0x60),
                              QColor(0x55, 0x8b, 0x2f), QColor(0x3949ab),
                              QColor(0xf4, 0x51, 0x1e), QColor(0x54, 0x6e, 0x7a)};

} // namespace

ExecutionChart::ExecutionChart(QWidget *parent)
    : LiveChart(tr("Tick time"), QStringLiteral("executionChart"), parent)
{
    // The dense series are drawn 1 px wide: up to two points per pixel column make a zigzag
    // that a wider antialiased pen turns into a blob, at twice the painting cost.
    m_tick = addLine(tr("Tick"), QStringLiteral("tick"), QColor(0x19, 0x76, 0xd2), Qt::SolidLine,
                     1.0);
    m_average = addLine(tr("Average"), QStringLiteral("tickAverage"), QColor(0x2e, 0x7d, 0x32));
    setValueLabel(m_left, chartaxes::durationLabel);
    m_peak = addLine(tr("Peak"), QStringLiteral("tickPeak"), QColor(0xef, 0x6c, 0x00),
                     Qt::DashLine);

    m_markerHeads = new QScatterSeries(m_chart);
    m_markerHeads->setObjectName(QStringLiteral("adminMarkers"));
    m_markerHeads->setName(tr("Admin"));
    m_markerHeads->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_markerHeads->setMarkerSize(7);
    m_markerHeads->setColor(QColor(0xc6, 0x28, 0x28));
    m_markerHeads->setBorderColor(Qt::transparent);
    m_chart->addSeries(m_markerHeads);
    m_markerHeads->attachAxis(m_time);
    m_markerHeads->attachAxis(m_left);
    QObject::connect(m_markerHeads, &QScatterSeries::hovered, m_view,
                     [this](const QPointF &point, bool state) {
                         if (!state) {
                             QToolTip::hideText();
                             return;
                         }
                         // The marker nearest to the hovered point.
                         const AuditEntry *best = nullptr;
                         for (const AuditEntry &e : m_shownMarkers) {
                             if (!best || std::abs(double(e.tsMs) - point.x())
                                              < std::abs(double(best->tsMs) - point.x()))
                                 best = &e;
                         }
                         if (best)
                             QToolTip::showText(QCursor::pos(), markerText(*best), m_view);
                     });
}

ExecutionChart::~ExecutionChart()
{
    // The view outlives this object by a moment (it belongs to the panel widget).
    QObject::disconnect(m_markerHeads, nullptr, m_view, nullptr);
}

QLineSeries *ExecutionChart::taskSeries(const QString &task)
{
    if (QLineSeries *s = m_tasks.value(task))
        return s;
    const QColor color = kTaskColors[m_tasks.size() % std::size(kTaskColors)];
    QLineSeries *s = addLine(format::taskTitle(task), u"task:" + task, color, Qt::SolidLine, 1.0);
    m_tasks.insert(task, s);
    return s;
}

void ExecutionChart::show(const ChartFrame &frame, const ChartContext &context)
{
    const int columns = context.columns;
    setTimeRange(frame, context);
    double low = 0.0;
    double high = 0.0;
    const QList<QPointF> tick = fit(frame.tickMs, frame, columns);
    const QList<QPointF> average = fit(frame.tickAverageMs, frame, columns);
    const QList<QPointF> peak = fit(frame.tickPeakMs, frame, columns);
    extend(tick, &low, &high);
    extend(peak, &low, &high);
    setPoints(m_tick, tick, frame, columns);
    setPoints(m_average, average, frame, columns);
    setPoints(m_peak, peak, frame, columns);

    bool anyTask = false;
    for (auto it = frame.taskMs.cbegin(); it != frame.taskMs.cend(); ++it) {
        const QList<QPointF> points = fit(it.value(), frame, columns);
        extend(points, &low, &high);
        anyTask = anyTask || !points.isEmpty();
        setPoints(taskSeries(it.key()), points, frame, columns);
    }
    // Tasks no longer asked for go away (series are few: tasks are).
    for (auto it = m_tasks.begin(); it != m_tasks.end();) {
        if (frame.taskMs.contains(it.key())) {
            ++it;
            continue;
        }
        removeLine(it.value());
        it = m_tasks.erase(it);
    }

    const chartaxes::Scale scale = chartaxes::niceScale(0.0, high, valueTicks());
    chartaxes::applyScale(m_left, scale, chartaxes::durationLabel);

    // Live markers and the database's, once each, in time order.
    QVector<AuditEntry> markers = frame.adminActions;
    for (const AuditEntry &e : context.adminActions) {
        if (e.tsMs < frame.fromMs || e.tsMs > frame.toMs)
            continue;
        const bool known = std::any_of(markers.cbegin(), markers.cend(), [&e](const AuditEntry &m) {
            return m.tsMs == e.tsMs && m.action == e.action && m.actor == e.actor;
        });
        if (!known)
            markers.append(e);
    }
    std::stable_sort(markers.begin(), markers.end(),
                     [](const AuditEntry &a, const AuditEntry &b) { return a.tsMs < b.tsMs; });
    if (markers.size() > MaxMarkers)
        markers.remove(0, markers.size() - MaxMarkers);
    showMarkers(markers, scale.max);

    setEmpty(tick.isEmpty() && !anyTask && markers.isEmpty());
}

void ExecutionChart::showMarkers(const QVector<AuditEntry> &entries, double top)
{
    while (m_markerLines.size() < entries.size()) {
        QLineSeries *line = addLine(QString(), QStringLiteral("adminMarkerLine"), Qt::gray,
                                    Qt::DotLine, 1.2);
        for (QLegendMarker *marker : m_chart->legend()->markers(line))
            marker->setVisible(false);
        // The line has nothing to say on hover, and must not hide what its head says.
        QObject::disconnect(line, nullptr, m_view, nullptr);
        m_markerLines.append(line);
    }
    QList<QPointF> heads;
    heads.reserve(entries.size());
    for (qsizetype i = 0; i < m_markerLines.size(); ++i) {
        QLineSeries *line = m_markerLines.at(i);
        if (i >= entries.size()) {
            if (line->count() > 0)
                line->clear();
            continue;
        }
        const AuditEntry &e = entries.at(i);
        const double x = double(e.tsMs);
        QPen pen = line->pen();
        pen.setColor(actionColor(e.action));
        line->setPen(pen);
        line->replace(QList<QPointF>{{x, 0.0}, {x, top}});
        heads.append({x, top});
    }
    m_markerHeads->replace(heads);
    m_shownMarkers = entries;
    for (QLegendMarker *marker : m_chart->legend()->markers(m_markerHeads))
        marker->setVisible(!entries.isEmpty());
}

QList<qint64> ExecutionChart::markerTimes() const
{
    QList<qint64> times;
    for (const AuditEntry &e : m_shownMarkers)
        times.append(e.tsMs);
    return times;
}

QVector<ChartView::Marker> ExecutionChart::shownMarkers() const
{
    QVector<ChartView::Marker> markers;
    markers.reserve(m_shownMarkers.size());
    for (const AuditEntry &e : m_shownMarkers)
        markers.append({e.tsMs, actionColor(e.action), markerText(e)});
    return markers;
}

QString ExecutionChart::markerTextAt(qint64 ms) const
{
    for (const AuditEntry &e : m_shownMarkers) {
        if (e.tsMs == ms)
            return markerText(e);
    }
    return {};
}

QString ExecutionChart::taskNear(QPoint viewportPos) const
{
    constexpr double kReachPx = 6.0;
    const QPointF at = m_chart->mapFromScene(m_view->mapToScene(viewportPos));
    QString nearest;
    double best = kReachPx;
    for (QAbstractSeries *series : m_chart->series()) {
        auto *xy = qobject_cast<QLineSeries *>(series);
        if (!xy || !xy->isVisible())
            continue;
        const QString task = m_tasks.key(lineOf(xy));
        if (task.isEmpty())
            continue;
        const QList<QPointF> points = xy->points();
        for (qsizetype i = 0; i < points.size(); ++i) {
            // Distance to the segment from the previous point: a line is hit between points too.
            const QPointF b = m_chart->mapToPosition(points.at(i), xy);
            const QPointF a = i > 0 ? m_chart->mapToPosition(points.at(i - 1), xy) : b;
            const QPointF ab = b - a;
            const double len2 = QPointF::dotProduct(ab, ab);
            const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(at - a, ab) / len2, 0.0, 1.0)
                                      : 0.0;
            const QPointF d = at - (a + t * ab);
            const double dist = std::hypot(d.x(), d.y());
            if (dist < best) {
                best = dist;
                nearest = task;
            }
        }
    }
    return nearest;
}

QString ExecutionChart::markerText(const AuditEntry &e)
{
    const QString detail = e.detail.isEmpty() ? QString() : u'\n' + e.detail;
    // A machine's marker names the machine; an admin action, who did it.
    if (e.action == u"machine_down")
        return tr("Machine %1 down\n%2%3").arg(e.actor, format::localTime(e.tsMs), detail);
    if (e.action == u"machine_up")
        return tr("Machine %1 up again\n%2%3").arg(e.actor, format::localTime(e.tsMs), detail);
    if (e.action == u"breaker_open")
        return tr("Breaker of %1 opened\n%2%3")
            .arg(format::taskTitle(e.actor), format::localTime(e.tsMs), detail);
    return tr("%1 by %2\n%3%4").arg(actionTitle(e.action), e.actor, format::localTime(e.tsMs),
                                    detail);
}

QString ExecutionChart::actionTitle(const QString &action)
{
    if (action == u"emergency_pause")
        return tr("Emergency pause");
    if (action == u"resume")
        return tr("Resume");
    if (action == u"maintenance_on")
        return tr("Maintenance on");
    if (action == u"maintenance_off")
        return tr("Maintenance off");
    if (action == u"config_change")
        return tr("Configuration changed");
    if (action == u"task_enable")
        return tr("Task enabled");
    if (action == u"task_disable")
        return tr("Task disabled");
    if (action == u"breaker_reset")
        return tr("Breaker reset");
    if (action == u"breaker_force_open")
        return tr("Breaker forced open");
    return action;
}

QColor ExecutionChart::actionColor(const QString &action)
{
    if (action == u"emergency_pause" || action == u"breaker_force_open"
        || action == u"machine_down" || action == u"breaker_open")
        return QColor(0xc6, 0x28, 0x28);
    if (action == u"resume" || action == u"breaker_reset" || action == u"machine_up")
        return QColor(0x2e, 0x7d, 0x32);
    if (action.startsWith(u"maintenance"))
        return QColor(0xef, 0x6c, 0x00);
    return QColor(0x60, 0x7d, 0x8b);
}

} // namespace hb
