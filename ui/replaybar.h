#pragma once

// Time travel in analysis mode: a scrubber across the recorded range with play speeds. The
// window moves its RecordedSource's moment with it (models/replaycontroller.h rebuilds the
// state at that moment off the GUI thread).

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>


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

} // namespace hb
