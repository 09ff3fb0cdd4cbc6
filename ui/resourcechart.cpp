#include "resourcechart.h"

#include "chartaxes.h"

#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QChart>
#include <QLineSeries>

namespace hb {

namespace {

void setLevel(QLineSeries *line, const ChartFrame &frame, double value)
{
    line->replace(QList<QPointF>{{double(frame.fromMs), value}, {double(frame.toMs), value}});
}

} // namespace

ResourceChart::ResourceChart(QWidget *parent)
    : LiveChart(tr("Cycles & memory"), QStringLiteral("resourceChart"), parent)
{
    m_right = addRightAxis();
    setValueLabel(m_left, chartaxes::cyclesLabel);
    setValueLabel(m_right, chartaxes::bytesLabel);
    const QColor cycles(0x15, 0x65, 0xc0);
    const QColor memory(0x6a, 0x1b, 0x9a);
    m_cycles = addLine(tr("Cycles"), QStringLiteral("cycles"), cycles);
    m_memory = addLine(tr("Memory"), QStringLiteral("memory"), memory, Qt::SolidLine, 1.6,
                       m_right);
    m_cyclesAlert = addLine(tr("Alert"), QStringLiteral("cyclesAlert"), QColor(0xf9, 0xa8, 0x25),
                            Qt::DashLine, 1.2);
    m_cyclesCritical = addLine(tr("Critical"), QStringLiteral("cyclesCritical"),
                               QColor(0xc6, 0x28, 0x28), Qt::DashLine, 1.2);
    m_memoryWarn = addLine(tr("Mem. limit"), QStringLiteral("memoryWarn"), memory.lighter(150),
                           Qt::DashDotLine, 1.2, m_right);
    m_left->setLabelsColor(cycles);
    m_right->setLabelsColor(memory);
}

void ResourceChart::show(const ChartFrame &frame, const ChartContext &context)
{
    setTimeRange(frame, context);
    const HeartbeatConfig &config = context.config;
    const QList<QPointF> cycles = fit(frame.cycles, frame, context.columns);
    const QList<QPointF> memory = fit(frame.memoryBytes, frame, context.columns);
    setPoints(m_cycles, cycles, frame, context.columns);
    setPoints(m_memory, memory, frame, context.columns);
    setLevel(m_cyclesAlert, frame, config.cyclesAlertThreshold);
    setLevel(m_cyclesCritical, frame, config.cyclesCriticalThreshold);
    setLevel(m_memoryWarn, frame, double(config.memoryWarnBytes));

    // Thresholds stay in view: how far the curve is from them is the point of this chart.
    double low = 0.0;
    double high = config.cyclesAlertThreshold;
    extend(cycles, &low, &high);
    chartaxes::applyScale(m_left, chartaxes::niceScale(low, high * 1.05, valueTicks()),
                          chartaxes::cyclesLabel);
    low = 0.0;
    high = double(config.memoryWarnBytes);
    extend(memory, &low, &high);
    chartaxes::applyScale(m_right, chartaxes::niceScale(low, high * 1.05, valueTicks()),
                          chartaxes::bytesLabel);
    setEmpty(cycles.isEmpty() && memory.isEmpty());
}

} // namespace hb
