#include "reportcharts.h"

#include "chartrangeloader.h"
#include "chartview.h"
#include "executionchart.h"
#include "resourcechart.h"
#include "shardchart.h"
#include "successchart.h"

#include <QApplication>
#include <QWidget>

#include <algorithm>
#include <climits>
#include <memory>

namespace hb {

QVector<QImage> renderRangeCharts(const QString &metricsPath, qint64 fromMs, qint64 toMs,
                                  const QStringList &tasks, const QSize &size, QString *error)
{
    QWidget host;
    host.setAttribute(Qt::WA_DontShowOnScreen);
    host.resize(size);
    std::unique_ptr<LiveChart> charts[] = {
        std::make_unique<ExecutionChart>(&host), std::make_unique<SuccessChart>(&host),
        std::make_unique<ResourceChart>(&host), std::make_unique<ShardChart>(&host)};
    for (const auto &chart : charts)
        chart->view()->resize(size);
    host.show();
    QApplication::sendPostedEvents(); // lay the charts out: their plot width sets the columns

    int columns = INT_MAX;
    for (const auto &chart : charts)
        columns = std::min(columns, chart->view()->plotWidth());
    ChartRangeQuery query;
    query.path = metricsPath;
    query.fromMs = fromMs;
    query.toMs = toMs;
    query.columns = std::max(columns, 1);
    query.tasks = tasks;
    const ChartFrame frame = loadChartRange(query);
    if (!frame.error.isEmpty()) {
        if (error)
            *error = frame.error;
        return {};
    }
    ChartContext context;
    context.columns = query.columns;
    QVector<QImage> images;
    for (const auto &chart : charts) {
        chart->show(frame, context);
        QApplication::sendPostedEvents();
        images.append(chart->view()->grab().toImage());
    }
    return images;
}

} // namespace hb
