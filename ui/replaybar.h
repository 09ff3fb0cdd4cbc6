#pragma once

// Time travel in analysis mode: a scrubber across the recorded range with play speeds
// (ReplayBar), and the controller that rebuilds the engine's state at the chosen moment off the
// GUI thread (ReplayController). The lead wires them: bar.momentChanged -> controller's
// requestMoment, controller.stateReady -> the panels' snapshot slot.

#include "replay/replay.h"
#include "snapshot.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace hb {

class ReplayBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PlayIntervalMs = 100; // how often playing moves the moment

    explicit ReplayBar(QWidget *parent = nullptr);

    void setRange(qint64 fromMs, qint64 toMs);
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    qint64 moment() const { return m_momentMs; }
    bool isPlaying() const { return m_playTimer.isActive(); }
    int speed() const { return m_speed; } // 1, 10, 60 or 600 (× real time)
    static QVector<int> speeds();
    // A step key moves by one second of play at the current speed (1 s at 1×, 10 min at 600×).
    qint64 stepMs() const { return qint64(m_speed) * 1000; }

public Q_SLOTS:
    void setMoment(qint64 ms); // clamped to the range; emits momentChanged when it moves
    void setSpeed(int speed);
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBackward();

Q_SIGNALS:
    void momentChanged(qint64 ms);
    void playingChanged(bool playing);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void advance();
    void updateLabel();
    void retranslate();

    QToolButton *m_play;
    QSlider *m_slider;
    QLabel *m_time;
    QComboBox *m_speedBox;
    QTimer m_playTimer;
    QElapsedTimer m_sinceAdvance;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    qint64 m_momentMs = 0;
    int m_speed = 60;
};

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
