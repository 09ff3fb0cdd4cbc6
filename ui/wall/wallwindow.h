#pragma once

#include "datasource.h"
#include "wallcontent.h"
#include "wallseries.h"

#include <QElapsedTimer>
#include <QPointF>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QScreen;
class QVariantAnimation;

namespace hb {

class Clock;

// The wall display (`heartbeat-dashboard --wall`): pages that rotate on their own, sized from
// the screen's height to be read across a room, for weeks without a restart. One widget paints
// everything itself — no child widgets to create or drop per update, no menu, no command: the
// wall only looks. Left/Right change page, P pins the current one, Esc asks before leaving.
class WallWindow : public QWidget
{
    Q_OBJECT
public:
    enum class Page { Overview, Breakers, Machines, Alerts };
    Q_ENUM(Page)

    static constexpr int ConfirmTimeoutMs = 10'000; // an unanswered "Leave?" goes away
    static constexpr int BurnInPeriodMs = 60'000;   // the content moves once a minute
    static constexpr int BurnInGlideMs = 4'000;     // ... gliding this long
    static constexpr double BurnInShare = 0.015;    // ... by up to this share of the size
    static constexpr double DimmedOpacity = 0.4;    // the last values while the source is not live
    static constexpr int FrameTimesKept = 2'000;

    WallWindow(DataSource &source, const HeartbeatConfig &config,
               std::shared_ptr<const Clock> clock, QWidget *parent = nullptr);
    ~WallWindow() override;

    // Frameless full screen on `screen` (the primary one when null).
    void showOnScreen(QScreen *screen);

    // The rotation: the config's pages in its order, without machines when the source has none.
    QVector<Page> pages() const;
    Page currentPage() const { return m_page; }
    static QString pageName(Page page); // "overview", ... as in the config
    QString pageTitle(Page page) const; // translated
    void showPage(Page page);
    void nextPage();
    void previousPage();
    bool isPinned() const { return m_pinned; }
    void setPinned(bool pinned);
    // Time left on the current page before it turns (the progress ring); the page time when
    // pinned.
    qint64 pageTimeLeftMs() const;

    // Esc asks "Leave the wall display?" first unless this is off (scripted runs).
    void setConfirmLeave(bool confirm) { m_confirmLeave = confirm; }
    bool isConfirmingLeave() const { return m_confirming; }

    // What the screen says about the source: the large banner's headline (empty when live)
    // and whether the values are drawn dimmed as no longer current.
    QString statusHeadline() const;
    bool valuesDimmed() const;

    // The words each page shows, in the order shown.
    WallVerdict verdict() const;
    QVector<WallTile> breakerTiles() const;
    QVector<WallTile> machineTiles() const;
    QVector<WallTile> alertRows() const;

    // Sizes follow the window's height: key numbers (1/12 of it), labels (1/30: the smallest
    // text drawn).
    int keyNumberPixelSize() const;
    int labelPixelSize() const;

    // 1 by day, the config's night level between wallNightFrom and wallNightTo (local time).
    double brightness() const;
    static bool isNightTime(const HeartbeatConfig &config, qint64 nowMs);
    // Where the burn-in protection has moved the content, in pixels (glides between targets).
    QPointF burnInOffset() const { return m_offset; }
    // The target for a given minute (deterministic, within BurnInShare of `size`).
    static QPointF burnInTarget(qint64 minute, QSize size);

    // Paint times of the latest frames (at most FrameTimesKept), and the texts the latest frame
    // had to shorten to fit.
    QVector<double> frameTimesMs() const;
    QStringList elidedTexts() const { return m_elided; }

    // What the once-a-second timer does: turns the page when its time is up, moves the burn-in
    // offset at a new minute, re-judges night dimming, repaints the clock.
    void poll();

Q_SIGNALS:
    void pageChanged(hb::WallWindow::Page page);
    void leaveRequested();
    void framePainted(double ms);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Layout; // sizes of one frame, from the height

    void onSnapshot(const EngineSnapshot &snapshot);
    void onRecords(const RecordBatch &records);
    void onStatus(const SourceStatus &status);
    void onMachines(const QVector<MachineInfo> &machines);
    void setPage(Page page);
    void requestLeave();
    void answerLeave(bool leave);
    void updateBurnIn(bool glide);
    qint64 now() const;

    // wallpaint.cpp
    void paintHeader(QPainter &p, const QRectF &rect);
    QRectF paintStatusBanner(QPainter &p, const QRectF &rect);
    void paintOverview(QPainter &p, const QRectF &rect);
    void paintTiles(QPainter &p, const QRectF &rect, const QVector<WallTile> &tiles,
                    const QString &emptyText);
    enum class TileVariant { Full, Split, Joined }; // where the key number goes
    void paintTile(QPainter &p, const QRectF &rect, const WallTile &tile, TileVariant variant);
    void paintAlerts(QPainter &p, const QRectF &rect);
    void paintConfirm(QPainter &p);
    void paintRing(QPainter &p, const QRectF &rect);
    int text(QPainter &p, const QRectF &rect, const QString &text, int px, int minPx, int align,
             bool bold = false);
    // wallcharts.cpp
    struct ChartLine
    {
        QVector<QPointF> points;
        QColor color;
        qreal widthShare = 1.0; // of the standard line width
    };
    using ChartText = QVector<QPair<QString, QColor>>; // a line of differently coloured parts
    void paintCharts(QPainter &p, const QRectF &rect);
    void paintChartFrame(QPainter &p, const QRectF &rect, const QString &title,
                         const QString &value, const ChartText &subtitle, QRectF *plot);
    // Lines against time over the series' span up to now; on one scale from `floor` (NaN:
    // the lowest value) to `ceiling` (NaN: the highest), or each on its own when `ownScales`.
    void paintLines(QPainter &p, const QRectF &plot, const QVector<ChartLine> &lines, double floor,
                    double ceiling, bool ownScales,
                    const std::function<QString(double)> &valueText);
    void paintShardChart(QPainter &p, const QRectF &rect);
    void paintBreakerList(QPainter &p, const QRectF &rect);

    DataSource &m_source;
    HeartbeatConfig m_config;
    std::shared_ptr<const Clock> m_clock;
    EngineSnapshot m_snapshot;
    QVector<MachineInfo> m_machines;
    WallChartData m_charts;

    Page m_page = Page::Overview;
    qint64 m_pageStartedMs = 0;
    bool m_pinned = false;
    bool m_confirmLeave = true;
    bool m_confirming = false;
    QTimer m_second;
    QTimer m_repaint; // coalesces data arriving in bursts into one frame
    QTimer m_confirmTimeout;
    SourceStatus::State m_shownState = SourceStatus::State::Connecting;

    qint64 m_burnInMinute = -1;
    QPointF m_offset;
    QVariantAnimation *m_glide;
    double m_brightness = 1.0;

    QVector<double> m_frameTimes; // ring of FrameTimesKept
    int m_frameNext = 0;
    QStringList m_elided;
};

} // namespace hb
