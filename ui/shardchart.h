#pragma once

#include "livechart.h"

#include <QCoreApplication>
#include <QMap>

namespace hb {

// The load of each ledger shard ("shard.load.NNNN" samples) and the number of shards
// ("shard.count", right axis).
class ShardChart : public LiveChart
{
    Q_DECLARE_TR_FUNCTIONS(hb::ShardChart)
public:
    static constexpr int MaxLegendShards = 6; // beyond this the legend would hide the plot

    explicit ShardChart(QWidget *parent);
    void show(const ChartFrame &frame, const ChartContext &context) override;

private:
    QLineSeries *shardSeries(const QString &id);

    QCategoryAxis *m_right;
    QLineSeries *m_count;
    QMap<QString, QLineSeries *> m_shards;
};

} // namespace hb
