#include "successchart.h"

#include "chartaxes.h"

#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QChart>
#include <QLegend>
#include <QLineSeries>

namespace hb {

SuccessChart::SuccessChart(QWidget *parent)
    : LiveChart(tr("Success rate"), QStringLiteral("successChart"), parent)
{
    setValueLabel(m_left, chartaxes::percentLabel);
    m_rate = addLine(tr("Success"), QStringLiteral("successRate"), QColor(0x2e, 0x7d, 0x32));
    m_chart->legend()->hide(); // one series: the title says what it is
    applyPercentScale();
}

void SuccessChart::applyPercentScale()
{
    chartaxes::Scale scale;
    scale.min = 0.0;
    scale.max = 100.0;
    scale.step = valueTicks() >= 5 ? 25.0 : 50.0;
    chartaxes::applyScale(m_left, scale, chartaxes::percentLabel);
}

void SuccessChart::show(const ChartFrame &frame, const ChartContext &context)
{
    setTimeRange(frame, context);
    applyPercentScale();
    const QList<QPointF> rate = fit(frame.successPercent, frame, context.columns);
    setPoints(m_rate, rate, frame, context.columns);
    setEmpty(rate.isEmpty());
}

} // namespace hb
