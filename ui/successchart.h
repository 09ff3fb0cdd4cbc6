#pragma once

#include "livechart.h"

#include <QCoreApplication>

namespace hb {

// The rolling success rate of task runs (over the last 20 decided runs, or per bucket on long
// ranges), 0..100 %.
class SuccessChart : public LiveChart
{
    Q_DECLARE_TR_FUNCTIONS(hb::SuccessChart)
public:
    explicit SuccessChart(QWidget *parent);
    void show(const ChartFrame &frame, const ChartContext &context) override;

private:
    void applyPercentScale(); // 25 % steps where the plot is tall enough, else 50 %
    QLineSeries *m_rate;
};

} // namespace hb
