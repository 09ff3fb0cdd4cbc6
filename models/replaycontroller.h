#pragma once

#include "replay/replay.h"
#include "snapshot.h"

#include <QObject>

#include <memory>

namespace hb {

// Rebuilds the state at a moment on a pool thread, one job at a time (the reader's connection
// is not shared): a request made while a job runs waits, replacing any older waiting one, and
// the answer of a job overtaken by a newer request is dropped. The file is opened read-only by
// the first job.
class ReplayController : public QObject
{
    Q_OBJECT
public:
    explicit ReplayController(QObject *parent = nullptr);
    ~ReplayController() override;

    void setSource(const QString &metricsPath, const ReplayOptions &options = {});
    bool isBusy() const { return m_busy; }
    int dropped() const { return m_dropped; } // requests never answered: a newer one came

public Q_SLOTS:
    void requestMoment(qint64 ms);

Q_SIGNALS:
    void stateReady(const hb::EngineSnapshot &state);
    void rangeKnown(qint64 fromMs, qint64 toMs); // after the file opened
    void failed(const QString &message);

private:
    void startJob(qint64 ms);

    struct Source;
    std::shared_ptr<Source> m_source;
    bool m_busy = false;
    bool m_hasPending = false;
    qint64 m_pendingMs = 0;
    quint64 m_latest = 0; // the newest request's number
    int m_dropped = 0;
};

} // namespace hb
