#pragma once

#include "chartview.h"
#include "livechart.h"

#include <QCoreApplication>
#include <QMap>

QT_BEGIN_NAMESPACE
class QScatterSeries;
QT_END_NAMESPACE

namespace hb {

// Tick duration with its running average and peak, the run times of the tasks the user picked,
// and the admin actions (pause, resume, maintenance, config, task toggles, breaker overrides)
// and machines going down or coming back as vertical markers with a tooltip.
class ExecutionChart : public LiveChart
{
    Q_DECLARE_TR_FUNCTIONS(hb::ExecutionChart)
public:
    static constexpr int MaxMarkers = 40; // newest ones in range; older ones are left out

    explicit ExecutionChart(QWidget *parent);
    ~ExecutionChart() override;
    void show(const ChartFrame &frame, const ChartContext &context) override;

    // Times of the markers drawn, oldest first (for tests).
    QList<qint64> markerTimes() const;
    // The markers drawn, as the other charts of the panel draw them too.
    QVector<ChartView::Marker> shownMarkers() const;
    // What hovering a marker near `ms` shows (for tests); empty when none is drawn there.
    QString markerTextAt(qint64 ms) const;
    // The task whose line passes within a few pixels of `viewportPos`; empty when none does.
    QString taskNear(QPoint viewportPos) const;

private:
    QLineSeries *taskSeries(const QString &task);
    void showMarkers(const QVector<AuditEntry> &entries, double top);
    static QString actionTitle(const QString &action);
    static QString markerText(const AuditEntry &entry); // the tooltip
    static QColor actionColor(const QString &action);

    QLineSeries *m_tick;
    QLineSeries *m_average;
    QLineSeries *m_peak;
    QScatterSeries *m_markerHeads;
    QMap<QString, QLineSeries *> m_tasks;
    QList<QLineSeries *> m_markerLines; // a pool: hidden when not needed
    QVector<AuditEntry> m_shownMarkers;
};

} // namespace hb
