#pragma once

#include "livechart.h"
#include "seriesband.h"

#include <QCoreApplication>
#include <QMap>

QT_BEGIN_NAMESPACE
class QAreaSeries;
QT_END_NAMESPACE

namespace hb {

// The load of the ledger's shards ("shard.load.NNNN" samples) and the number of shards
// ("shard.count", right axis). Up to MaxShardLines shards, one line each; beyond that, their
// spread: a band from the least to the most loaded shard and a line at the mean, so that the
// chart stays readable, and as cheap to draw at 100 shards as at 9.
class ShardChart : public LiveChart
{
    Q_DECLARE_TR_FUNCTIONS(hb::ShardChart)
public:
    static constexpr int MaxShardLines = 8;
    static constexpr int MaxLegendShards = 6; // beyond this the legend would hide the plot

    explicit ShardChart(QWidget *parent);
    void show(const ChartFrame &frame, const ChartContext &context) override;
    QString hoverText(QLineSeries *line, const QPointF &point) const override;

    // What hovering the band or the mean line at time `x` (epoch ms) says: the time and the
    // least, mean and most loaded shard there; empty when no band is drawn.
    QString bandText(double x) const;

private:
    QLineSeries *shardSeries(const QString &id);
    void showLines(const ChartFrame &frame, int columns, double *low, double *high, bool *any);
    void showBand(const ChartFrame &frame, int columns, double *low, double *high, bool *any);
    void setBandVisible(bool visible);

    QCategoryAxis *m_right;
    QLineSeries *m_count;
    QMap<QString, QLineSeries *> m_shards;
    QAreaSeries *m_band;
    QLineSeries *m_mean;
    SeriesBand m_drawnBand; // what the band shows, for its tooltips
};

} // namespace hb
