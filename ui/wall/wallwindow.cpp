#include "wallwindow.h"

#include "core/clock.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QScreen>
#include <QTime>
#include <QVariantAnimation>

#include <algorithm>
#include <cmath>

namespace hb {

namespace {

constexpr int RepaintCoalesceMs = 200; // records may come ten times a second; one frame for all

std::optional<int> minuteOfDay(const QString &hhmm)
{
    const QTime t = QTime::fromString(hhmm, QStringLiteral("HH:mm"));
    if (!t.isValid())
        return std::nullopt;
    return t.hour() * 60 + t.minute();
}

// splitmix64: a well-spread deterministic value per minute.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

WallWindow::WallWindow(DataSource &source, const HeartbeatConfig &config,
                       std::shared_ptr<const Clock> clock, QWidget *parent)
    : QWidget(parent)
    , m_source(source)
    , m_config(config)
    , m_clock(std::move(clock))
    , m_glide(new QVariantAnimation(this))
{
    setObjectName(QStringLiteral("wallWindow"));
    setWindowTitle(tr("Heartbeat wall display"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setContextMenuPolicy(Qt::NoContextMenu);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::BlankCursor);

    connect(&m_source, &DataSource::snapshotChanged, this, &WallWindow::onSnapshot);
    connect(&m_source, &DataSource::recordsArrived, this, &WallWindow::onRecords);
    connect(&m_source, &DataSource::statusChanged, this, &WallWindow::onStatus);
    connect(&m_source, &DataSource::machinesChanged, this, &WallWindow::onMachines);

    m_second.setInterval(1000);
    connect(&m_second, &QTimer::timeout, this, &WallWindow::poll);
    m_second.start();
    m_repaint.setSingleShot(true);
    m_repaint.setInterval(RepaintCoalesceMs);
    connect(&m_repaint, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_confirmTimeout.setSingleShot(true);
    m_confirmTimeout.setInterval(ConfirmTimeoutMs);
    connect(&m_confirmTimeout, &QTimer::timeout, this, [this] { answerLeave(false); });

    m_glide->setDuration(BurnInGlideMs);
    m_glide->setEasingCurve(QEasingCurve::InOutSine);
    connect(m_glide, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        m_offset = value.toPointF();
        update();
    });

    m_frameTimes.reserve(FrameTimesKept);
    m_shownState = m_source.status().state;
    const QVector<Page> rotation = pages();
    m_page = rotation.isEmpty() ? Page::Overview : rotation.first();
    m_pageStartedMs = now();
    m_brightness = isNightTime(m_config, now()) ? m_config.wallNightLevel : 1.0;
    updateBurnIn(false);
}

WallWindow::~WallWindow() = default;

qint64 WallWindow::now() const
{
    return m_clock->nowMs();
}

void WallWindow::showOnScreen(QScreen *screen)
{
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    setWindowFlag(Qt::FramelessWindowHint);
    if (screen) {
        setScreen(screen);
        setGeometry(screen->geometry());
    }
    showFullScreen();
    activateWindow();
    setFocus();
}

QString WallWindow::pageName(Page page)
{
    switch (page) {
    case Page::Overview:
        return QStringLiteral("overview");
    case Page::Breakers:
        return QStringLiteral("breakers");
    case Page::Machines:
        return QStringLiteral("machines");
    case Page::Alerts:
        return QStringLiteral("alerts");
    }
    return {};
}

QString WallWindow::pageTitle(Page page) const
{
    switch (page) {
    case Page::Overview:
        return tr("Overview");
    case Page::Breakers:
        return tr("Circuit breakers");
    case Page::Machines:
        return tr("Machines");
    case Page::Alerts:
        return tr("Alerts");
    }
    return {};
}

QVector<WallWindow::Page> WallWindow::pages() const
{
    static const Page all[] = {Page::Overview, Page::Breakers, Page::Machines, Page::Alerts};
    QVector<Page> out;
    for (const QString &name : m_config.wallPageList()) {
        for (Page page : all) {
            if (pageName(page) != name.trimmed().toLower() || out.contains(page))
                continue;
            if (page == Page::Machines && !m_source.hasMachines())
                continue;
            out.append(page);
        }
    }
    if (out.isEmpty())
        out.append(Page::Overview);
    return out;
}

void WallWindow::setPage(Page page)
{
    m_pageStartedMs = now();
    if (page != m_page) {
        m_page = page;
        Q_EMIT pageChanged(page);
    }
    update();
}

void WallWindow::showPage(Page page)
{
    setPage(page);
}

void WallWindow::nextPage()
{
    const QVector<Page> rotation = pages();
    const qsizetype i = rotation.indexOf(m_page);
    setPage(rotation.at((i + 1) % rotation.size())); // not in the rotation (-1): the first
}

void WallWindow::previousPage()
{
    const QVector<Page> rotation = pages();
    const qsizetype i = rotation.indexOf(m_page);
    setPage(rotation.at(i <= 0 ? rotation.size() - 1 : i - 1));
}

void WallWindow::setPinned(bool pinned)
{
    if (pinned == m_pinned)
        return;
    m_pinned = pinned;
    m_pageStartedMs = now(); // unpinning gives the page its full time again
    update();
}

qint64 WallWindow::pageTimeLeftMs() const
{
    const qint64 pageMs = qint64(std::max(1, m_config.wallPageSeconds)) * 1000;
    if (m_pinned)
        return pageMs;
    return std::clamp<qint64>(pageMs - (now() - m_pageStartedMs), 0, pageMs);
}

void WallWindow::poll()
{
    const qint64 t = now();
    if (!pages().contains(m_page))
        setPage(pages().first()); // the machines went away
    else if (!m_pinned && !m_confirming && pageTimeLeftMs() <= 0)
        nextPage();
    if (t / BurnInPeriodMs != m_burnInMinute)
        updateBurnIn(true);
    m_brightness = isNightTime(m_config, t) ? std::clamp(m_config.wallNightLevel, 0.0, 1.0) : 1.0;
    update();
}

bool WallWindow::isNightTime(const HeartbeatConfig &config, qint64 nowMs)
{
    const auto from = minuteOfDay(config.wallNightFrom);
    const auto to = minuteOfDay(config.wallNightTo);
    if (!from || !to || *from == *to)
        return false;
    const QTime local = QDateTime::fromMSecsSinceEpoch(nowMs).time();
    const int m = local.hour() * 60 + local.minute();
    if (*from < *to)
        return m >= *from && m < *to;
    return m >= *from || m < *to; // across midnight
}

double WallWindow::brightness() const
{
    return m_brightness;
}

QPointF WallWindow::burnInTarget(qint64 minute, QSize size)
{
    const quint64 h = mix(quint64(minute));
    // Two values in [-1, 1], then half the share each way: the content never moves more than
    // BurnInShare of the size between any two minutes.
    const double fx = double(h & 0xffff) / 0xffff * 2.0 - 1.0;
    const double fy = double((h >> 16) & 0xffff) / 0xffff * 2.0 - 1.0;
    return {fx * BurnInShare / 2 * size.width(), fy * BurnInShare / 2 * size.height()};
}

void WallWindow::updateBurnIn(bool glide)
{
    m_burnInMinute = now() / BurnInPeriodMs;
    const QPointF target = burnInTarget(m_burnInMinute, size());
    m_glide->stop();
    if (!glide || !isVisible()) {
        m_offset = target;
        update();
        return;
    }
    m_glide->setStartValue(m_offset);
    m_glide->setEndValue(target);
    m_glide->start();
}

void WallWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateBurnIn(false);
}

QString WallWindow::statusHeadline() const
{
    return WallText::statusHeadline(m_source.status(), now());
}

bool WallWindow::valuesDimmed() const
{
    return !m_source.status().isLive();
}

WallVerdict WallWindow::verdict() const
{
    // While the source is not live the verdict is the one of its last update: the wall losing
    // its connection must not read as the heartbeat going stale (the banner says what it is).
    const SourceStatus status = m_source.status();
    const qint64 at = status.isLive() || status.lastUpdateMs <= 0 ? now() : status.lastUpdateMs;
    return WallText::verdict(*m_snapshot, at);
}

QVector<WallTile> WallWindow::breakerTiles() const
{
    return WallText::breakerTiles(*m_snapshot, now());
}

QVector<WallTile> WallWindow::machineTiles() const
{
    return WallText::machineTiles(m_machines, now());
}

QVector<WallTile> WallWindow::alertRows() const
{
    return WallText::alertRows(m_snapshot->activeAlerts, now());
}

int WallWindow::keyNumberPixelSize() const
{
    return int(std::ceil(height() / 12.0));
}

int WallWindow::labelPixelSize() const
{
    return int(std::ceil(height() / 30.0));
}

QVector<double> WallWindow::frameTimesMs() const
{
    if (m_frameTimes.size() < FrameTimesKept)
        return m_frameTimes;
    QVector<double> ordered = m_frameTimes.mid(m_frameNext);
    ordered += m_frameTimes.mid(0, m_frameNext);
    return ordered;
}

void WallWindow::onSnapshot(const EngineSnapshot &snapshot)
{
    m_snapshot = snapshot;
    if (!m_repaint.isActive())
        m_repaint.start();
}

void WallWindow::onRecords(const RecordBatch &records)
{
    m_charts.add(records);
    if (!m_repaint.isActive())
        m_repaint.start();
}

void WallWindow::onStatus(const SourceStatus &status)
{
    // A change of state shows at the next frame (the banner comes and goes at once); a newer
    // "updated" time alone, which may come with every snapshot, waits for the coalesced frame.
    if (status.state != m_shownState) {
        m_shownState = status.state;
        update();
    } else if (!m_repaint.isActive()) {
        m_repaint.start();
    }
}

void WallWindow::onMachines(const QVector<MachineInfo> &machines)
{
    m_machines = machines;
    if (!m_repaint.isActive())
        m_repaint.start();
}

void WallWindow::keyPressEvent(QKeyEvent *event)
{
    if (m_confirming) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Y:
            answerLeave(true);
            break;
        case Qt::Key_Escape:
        case Qt::Key_N:
            answerLeave(false);
            break;
        default:
            break; // the question stays until answered or timed out
        }
        event->accept();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        previousPage();
        break;
    case Qt::Key_Right:
        nextPage();
        break;
    case Qt::Key_P:
        setPinned(!m_pinned);
        break;
    case Qt::Key_Escape:
        requestLeave();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void WallWindow::requestLeave()
{
    if (!m_confirmLeave) {
        answerLeave(true);
        return;
    }
    m_confirming = true;
    m_confirmTimeout.start();
    update();
}

void WallWindow::answerLeave(bool leave)
{
    m_confirming = false;
    m_confirmTimeout.stop();
    update();
    if (!leave)
        return;
    Q_EMIT leaveRequested();
    close();
}

void WallWindow::paintEvent(QPaintEvent *)
{
    QElapsedTimer timer;
    timer.start();
    m_elided.clear();
    {
        QPainter p(this);
        p.fillRect(rect(), QColor(0x0b, 0x0d, 0x10));
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        p.translate(m_offset);
        const qreal margin = height() * 0.025;
        const QRectF content = QRectF(rect()).adjusted(margin, margin, -margin, -margin);
        const qreal headerHeight = labelPixelSize() * 1.6;
        paintHeader(p, QRectF(content.topLeft(), QSizeF(content.width(), headerHeight)));
        QRectF body = content.adjusted(0, headerHeight + labelPixelSize() * 0.4, 0, 0);
        body = paintStatusBanner(p, body);
        p.save();
        if (valuesDimmed())
            p.setOpacity(DimmedOpacity);
        switch (m_page) {
        case Page::Overview:
            paintOverview(p, body);
            break;
        case Page::Breakers:
            paintTiles(p, body, breakerTiles(), tr("No circuit breakers yet"));
            break;
        case Page::Machines:
            paintTiles(p, body, machineTiles(), tr("No machines registered"));
            break;
        case Page::Alerts:
            paintAlerts(p, body);
            break;
        }
        p.restore();
        p.resetTransform();
        if (m_confirming)
            paintConfirm(p);
        if (m_brightness < 1.0)
            p.fillRect(rect(), QColor(0, 0, 0, int(std::round((1.0 - m_brightness) * 255))));
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (m_frameTimes.size() < FrameTimesKept)
        m_frameTimes.append(ms);
    else
        m_frameTimes[m_frameNext] = ms;
    m_frameNext = (m_frameNext + 1) % FrameTimesKept;
    Q_EMIT framePainted(ms);
}

} // namespace hb
