#pragma once

#include <QObject>
#include <QPoint>

QT_BEGIN_NAMESPACE
class QRubberBand;
QT_END_NAMESPACE

namespace hb {

class ChartView;

// The mouse on one chart of the panel, over its time axis: a left-button drag selects a span
// (shown as a band) to zoom to, the wheel zooms about the cursor, a middle-button or
// Shift+left drag pans, and a left click without a drag names the time under the cursor.
// It only reports: the panel decides the range all charts show. Installed on the view's
// viewport; presses and drags are consumed, plain moves go on to the chart (hover tooltips).
class ChartMouseZoom : public QObject
{
    Q_OBJECT
public:
    static constexpr int ClickSlopPx = 4;      // a press that moves less is a click
    static constexpr double WheelFactor = 0.8; // one wheel notch in shows 80 % of the span
    static constexpr qint64 MinSpanMs = 1'000;

    explicit ChartMouseZoom(ChartView *view);

    // The time the time axis shows at viewport x (clamped into the plot area).
    qint64 timeAt(int viewportX) const;
    // The viewport x of `ms` on the time axis.
    int xOf(qint64 ms) const;
    // The time axis' range.
    qint64 axisFromMs() const;
    qint64 axisToMs() const;

Q_SIGNALS:
    // A drag released, or a wheel turned: a step of the zoom history (`wheel`: may be merged
    // with the wheel steps just before it).
    void zoomed(qint64 fromMs, qint64 toMs, bool wheel);
    // While a pan drag goes on: the range it has reached, not yet a history step.
    void panning(qint64 fromMs, qint64 toMs);
    // A pan drag released at [fromMs, toMs).
    void panned(qint64 fromMs, qint64 toMs);
    void clicked(qint64 atMs, QPoint viewportPos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Drag { None, Select, Pan };
    QRectF plotRect() const; // the plot area in viewport coordinates

    ChartView *m_view;
    QRubberBand *m_band;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    bool m_moved = false;
    qint64 m_startFromMs = 0;
    qint64 m_startToMs = 0;
};

} // namespace hb
