#pragma once

#include "livechart.h"

#include <QCoreApplication>

namespace hb {

// The cycles balance (left axis) and memory in use (right axis), with the configured
// thresholds as horizontal lines: cycles alert and critical, memory warning.
class ResourceChart : public LiveChart
{
    Q_DECLARE_TR_FUNCTIONS(hb::ResourceChart)
public:
    explicit ResourceChart(QWidget *parent);
    void show(const ChartFrame &frame, const ChartContext &context) override;

private:
    QCategoryAxis *m_right;
    QLineSeries *m_cycles;
    QLineSeries *m_memory;
    QLineSeries *m_cyclesAlert;
    QLineSeries *m_cyclesCritical;
    QLineSeries *m_memoryWarn;
};

} // namespace hb
