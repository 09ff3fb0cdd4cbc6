#include "chartzoom.h"

#include "chartview.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace hb {

namespace {

QDateTimeAxis *timeAxis(const QChart *chart)
{
    const QList<QAbstractAxis *> axes = chart->axes(Qt::Horizontal);
    return axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(axes.constFirst());
}

} // namespace

ChartMouseZoom::ChartMouseZoom(ChartView *view)
    : QObject(view)
    , m_view(view)
    , m_band(new QRubberBand(QRubberBand::Rectangle, view->viewport()))
{
    m_band->setObjectName(QStringLiteral("zoomBand"));
    m_band->hide();
    view->viewport()->installEventFilter(this);
}

qint64 ChartMouseZoom::axisFromMs() const
{
    const QDateTimeAxis *axis = timeAxis(m_view->chart());
    return axis ? axis->min().toMSecsSinceEpoch() : 0;
}

qint64 ChartMouseZoom::axisToMs() const
{
    const QDateTimeAxis *axis = timeAxis(m_view->chart());
    return axis ? axis->max().toMSecsSinceEpoch() : 0;
}

QRectF ChartMouseZoom::plotRect() const
{
    const QChart *chart = m_view->chart();
    const QRectF scene = chart->mapRectToScene(chart->plotArea());
    return QRectF(m_view->mapFromScene(scene.topLeft()), m_view->mapFromScene(scene.bottomRight()));
}

qint64 ChartMouseZoom::timeAt(int viewportX) const
{
    const QRectF plot = plotRect();
    if (plot.width() < 1.0)
        return axisFromMs();
    const double f = std::clamp((viewportX - plot.left()) / plot.width(), 0.0, 1.0);
    const qint64 from = axisFromMs();
    return from + qint64(std::llround(f * double(axisToMs() - from)));
}

int ChartMouseZoom::xOf(qint64 ms) const
{
    const QRectF plot = plotRect();
    const qint64 from = axisFromMs();
    const double span = double(std::max<qint64>(1, axisToMs() - from));
    return int(std::lround(plot.left() + plot.width() * double(ms - from) / span));
}

bool ChartMouseZoom::eventFilter(QObject *watched, QEvent *event)
{
    Q_UNUSED(watched);
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *e = static_cast<QMouseEvent *>(event);
        const QPoint pos = e->position().toPoint();
        if (m_drag != Drag::None || !plotRect().adjusted(-1, -1, 1, 1).contains(pos))
            return false;
        const bool pan = e->button() == Qt::MiddleButton ||
                         (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier));
        if (!pan && e->button() != Qt::LeftButton)
            return false;
        m_drag = pan ? Drag::Pan : Drag::Select;
        m_pressPos = pos;
        m_moved = false;
        m_startFromMs = axisFromMs();
        m_startToMs = axisToMs();
        if (pan)
            m_view->viewport()->setCursor(Qt::ClosedHandCursor);
        return true;
    }
    case QEvent::MouseMove: {
        if (m_drag == Drag::None)
            return false; // hovering: the chart's tooltips
        auto *e = static_cast<QMouseEvent *>(event);
        const QPoint pos = e->position().toPoint();
        m_moved = m_moved || std::abs(pos.x() - m_pressPos.x()) >= ClickSlopPx;
        if (!m_moved)
            return true;
        const QRectF plot = plotRect();
        if (m_drag == Drag::Select) {
            const int x = std::clamp(pos.x(), int(plot.left()), int(plot.right()));
            m_band->setGeometry(QRect(QPoint(std::min(x, m_pressPos.x()), int(plot.top())),
                                      QPoint(std::max(x, m_pressPos.x()), int(plot.bottom()))));
            m_band->show();
        } else if (plot.width() >= 1.0) {
            // Dragging the curves right shows earlier times.
            const double span = double(m_startToMs - m_startFromMs);
            const qint64 shift =
                qint64(std::llround((pos.x() - m_pressPos.x()) / plot.width() * span));
            Q_EMIT panning(m_startFromMs - shift, m_startToMs - shift);
        }
        return true;
    }
    case QEvent::MouseButtonRelease: {
        if (m_drag == Drag::None)
            return false;
        auto *e = static_cast<QMouseEvent *>(event);
        const QPoint pos = e->position().toPoint();
        const Drag drag = std::exchange(m_drag, Drag::None);
        m_band->hide();
        m_view->viewport()->unsetCursor();
        m_moved = m_moved || std::abs(pos.x() - m_pressPos.x()) >= ClickSlopPx;
        if (!m_moved) {
            if (drag == Drag::Select)
                Q_EMIT clicked(timeAt(pos.x()), pos);
            return true;
        }
        if (drag == Drag::Select) {
            // Times are read against the range the drag started on (a redraw may have come).
            const QRectF plot = plotRect();
            const auto at = [&](int x) {
                const double f = std::clamp((x - plot.left()) / plot.width(), 0.0, 1.0);
                return m_startFromMs +
                       qint64(std::llround(f * double(m_startToMs - m_startFromMs)));
            };
            qint64 from = at(std::min(pos.x(), m_pressPos.x()));
            qint64 to = at(std::max(pos.x(), m_pressPos.x()));
            if (to - from < MinSpanMs) {
                const qint64 mid = (from + to) / 2;
                from = mid - MinSpanMs / 2;
                to = from + MinSpanMs;
            }
            Q_EMIT zoomed(from, to, false);
        } else {
            const QRectF plot = plotRect();
            const double span = double(m_startToMs - m_startFromMs);
            const qint64 shift =
                qint64(std::llround((pos.x() - m_pressPos.x()) / plot.width() * span));
            Q_EMIT panned(m_startFromMs - shift, m_startToMs - shift);
        }
        return true;
    }
    case QEvent::Wheel: {
        auto *e = static_cast<QWheelEvent *>(event);
        const int delta = e->angleDelta().y();
        if (delta == 0)
            return false;
        const qint64 from = axisFromMs();
        const qint64 to = axisToMs();
        const qint64 anchor = timeAt(e->position().toPoint().x());
        const double scale = std::pow(WheelFactor, double(delta) / 120.0);
        const double span = std::max(double(MinSpanMs), double(to - from) * scale);
        const double left = double(anchor - from) / double(std::max<qint64>(1, to - from));
        const qint64 newFrom = anchor - qint64(std::llround(left * span));
        Q_EMIT zoomed(newFrom, newFrom + qint64(std::llround(span)), true);
        return true;
    }
    default:
        return false;
    }
}

} // namespace hb
