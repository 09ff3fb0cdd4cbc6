#include "datasource.h"

#include "background.h"
#include "enginehost.h"
#include "store/metricsreader.h"
#include "store/storeerror.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace hb {

void DataSource::setStatus(const SourceStatus &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(m_status);
}

LiveSource::LiveSource(EngineHost &host, const QString &dataDir, QObject *parent)
    : DataSource(parent)
    , m_host(host)
    , m_dataDir(dataDir)
    , m_feed(new RecordFeed(this))
{
    connect(m_host.snapshots(), &SnapshotRelay::snapshotChanged, this, &DataSource::snapshotChanged);
    connect(m_feed, &RecordFeed::recordsArrived, this, &DataSource::recordsArrived);
}

LiveSource::~LiveSource()
{
    if (m_started)
        m_host.removeRecordFeed(m_feed);
}

void LiveSource::start()
{
    if (m_started)
        return;
    m_started = true;
    m_host.addRecordFeed(m_feed);
}

RecordedSource::RecordedSource(const QString &path, Extent extent, QObject *parent)
    : DataSource(parent)
    , m_path(path)
    , m_extent(extent)
    , m_moment(extent.lastMs)
    , m_replay(new ReplayController(this))
{
    m_replay->setSource(path, replayOptions());
    connect(m_replay, &ReplayController::stateReady, this, &DataSource::snapshotChanged);
    connect(m_replay, &ReplayController::failed, this, &RecordedSource::readFailed);
    m_follow.setInterval(FollowIntervalMs);
    connect(&m_follow, &QTimer::timeout, this, &RecordedSource::refreshExtent);
}

RecordedSource::Extent RecordedSource::readExtent(const QString &path)
{
    MetricsReader reader(path);
    std::optional<MetricsReader::TimeSpan> span = reader.tickSpan();
    if (!span)
        span = reader.timeSpan(); // no tick: whatever the file holds
    return span ? Extent{span->firstMs, span->lastMs} : Extent{};
}

std::unique_ptr<RecordedSource> RecordedSource::open(const QString &path, QString *error,
                                                     QObject *parent)
{
    try {
        const Extent extent = readExtent(path);
        return std::unique_ptr<RecordedSource>(new RecordedSource(path, extent, parent));
    } catch (const StoreError &e) {
        if (error)
            *error = e.message();
        return nullptr;
    }
}

ReplayOptions RecordedSource::replayOptions() const
{
    ReplayOptions options;
    QFile file(QFileInfo(m_path).absolutePath() + QStringLiteral("/config.json"));
    if (file.open(QIODevice::ReadOnly)) { // read only: a bad one just means the defaults
        const QJsonDocument doc = QJsonDocument::fromJson(file.read(4 << 20));
        ConfigError error;
        if (doc.isObject())
            if (std::optional<HeartbeatConfig> config = configFromJson(doc.object(), &error))
                options.config = *config;
    }
    return options;
}

void RecordedSource::start()
{
    m_replay->requestMoment(m_moment);
}

void RecordedSource::setMoment(qint64 ms)
{
    m_atEnd = ms >= m_extent.lastMs;
    if (ms == m_moment)
        return;
    m_moment = ms;
    Q_EMIT momentChanged(ms);
    m_replay->requestMoment(ms);
}

void RecordedSource::setFollowing(bool on)
{
    if (on == following())
        return;
    if (on) {
        m_follow.start();
        refreshExtent();
    } else {
        m_follow.stop();
    }
    Q_EMIT followingChanged(on);
}

void RecordedSource::watchFreshness(std::shared_ptr<const Clock> clock, qint64 quietAfterMs)
{
    m_freshnessClock = std::move(clock);
    m_quietAfterMs = quietAfterMs;
    judgeFreshness({});
}

void RecordedSource::judgeFreshness(const QString &readError)
{
    if (!m_freshnessClock)
        return;
    const qint64 now = m_freshnessClock->nowMs();
    SourceStatus next = status();
    next.lastUpdateMs = m_extent.lastMs;
    next.retryAtMs = 0;
    SourceStatus::State state = SourceStatus::State::Live;
    QString reason;
    if (!readError.isEmpty()) {
        state = SourceStatus::State::Unreachable;
        reason = readError;
    } else if (m_extent.lastMs == 0 || now - m_extent.lastMs > m_quietAfterMs) {
        state = SourceStatus::State::Quiet;
        reason = tr("nothing new in %1 (no engine is writing it)").arg(QFileInfo(m_path).fileName());
    }
    if (state != next.state)
        next.sinceMs = state == SourceStatus::State::Quiet && m_extent.lastMs > 0
                           ? m_extent.lastMs // quiet since the last tick written, not since now
                           : now;
    next.state = state;
    next.reason = reason;
    setStatus(next);
}

void RecordedSource::refreshExtent()
{
    if (m_extentReading)
        return; // a slow read is still running: the next tick of the timer asks again
    m_extentReading = true;
    attemptInBackground(
        this, [path = m_path] { return readExtent(path); },
        [this](const Attempt<Extent> &read) {
            m_extentReading = false;
            if (!read.ok()) {
                judgeFreshness(read.error);
                Q_EMIT readFailed(read.error);
                return;
            }
            const bool same = read.value == m_extent;
            m_extent = read.value;
            judgeFreshness({});
            if (same)
                return;
            m_replay->setSource(m_path, replayOptions()); // its reader cached the old extent
            Q_EMIT extentChanged(m_extent.firstMs, m_extent.lastMs);
            if (m_atEnd && m_moment != m_extent.lastMs) {
                m_moment = m_extent.lastMs;
                Q_EMIT momentChanged(m_moment);
                m_replay->requestMoment(m_moment);
            }
        });
}

} // namespace hb
