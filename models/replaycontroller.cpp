#include "replaycontroller.h"

#include "background.h"

namespace hb {

// The reader is made and used by one job at a time, never two at once.
struct ReplayController::Source
{
    QString path;
    ReplayOptions options;
    std::shared_ptr<ReplayReader> reader;
};

ReplayController::ReplayController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<EngineSnapshot>();
}

ReplayController::~ReplayController() = default;

void ReplayController::setSource(const QString &metricsPath, const ReplayOptions &options)
{
    auto source = std::make_shared<Source>();
    source->path = metricsPath;
    source->options = options;
    m_source = std::move(source);
    ++m_latest; // whatever runs for the old file answers no one
    m_hasPending = false;
}

void ReplayController::requestMoment(qint64 ms)
{
    if (!m_source)
        return;
    ++m_latest;
    if (m_busy) {
        if (m_hasPending)
            ++m_dropped; // never started: the newer moment replaces it
        m_hasPending = true;
        m_pendingMs = ms;
        return;
    }
    startJob(ms);
}

void ReplayController::startJob(qint64 ms)
{
    m_busy = true;
    const quint64 request = m_latest;
    std::shared_ptr<Source> source = m_source;
    struct Answer
    {
        EngineSnapshot state;
        bool opened = false;
        qint64 fromMs = 0;
        qint64 toMs = 0;
    };
    attemptInBackground(
        this,
        [source, ms] {
            Answer answer;
            if (!source->reader) {
                source->reader = std::make_shared<ReplayReader>(source->path, source->options);
                answer.opened = true;
                answer.fromMs = source->reader->firstMs();
                answer.toMs = source->reader->lastMs();
            }
            answer.state = source->reader->stateAt(ms);
            return answer;
        },
        [this, request, source](const Attempt<Answer> &answer) {
            m_busy = false;
            const bool current = source == m_source;
            if (current && answer.ok() && answer.value.opened)
                Q_EMIT rangeKnown(answer.value.fromMs, answer.value.toMs);
            if (current && !answer.ok())
                Q_EMIT failed(tr("Cannot replay %1: %2").arg(source->path, answer.error));
            else if (current && request == m_latest)
                Q_EMIT stateReady(answer.value.state);
            else
                ++m_dropped; // a newer moment was asked for meanwhile
            if (m_hasPending) {
                m_hasPending = false;
                startJob(m_pendingMs);
            }
        });
}

} // namespace hb
