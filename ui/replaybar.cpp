#include "replaybar.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QToolButton>

#include <algorithm>

namespace hb {

ReplayBar::ReplayBar(QWidget *parent)
    : QWidget(parent)
    , m_play(new QToolButton(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
    , m_speedBox(new QComboBox(this))
{
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_play);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_time);
    layout->addWidget(m_speedBox);

    m_play->setCheckable(true);
    connect(m_play, &QToolButton::clicked, this, [this](bool on) { on ? play() : pause(); });
    // The slider counts seconds from the start of the range (an int holds 68 years of them).
    m_slider->setRange(0, 0);
    m_slider->setSingleStep(1);
    m_slider->setPageStep(60);
    connect(m_slider, &QSlider::valueChanged, this, [this](int seconds) {
        const qint64 ms = m_fromMs + qint64(seconds) * 1000;
        // Keep the sub-second part of a moment the slider already shows.
        if (ms / 1000 != m_momentMs / 1000 || ms < m_fromMs || ms > m_toMs)
            setMoment(ms);
    });
    for (int s : speeds())
        m_speedBox->addItem(QString(), s);
    connect(m_speedBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_speed = m_speedBox->itemData(index).toInt(); });
    m_speedBox->setCurrentIndex(int(speeds().indexOf(m_speed)));

    m_playTimer.setInterval(PlayIntervalMs);
    connect(&m_playTimer, &QTimer::timeout, this, &ReplayBar::advance);
    retranslate();
    updateLabel();
}

QVector<int> ReplayBar::speeds()
{
    return {1, 10, 60, 600};
}

void ReplayBar::setRange(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = std::max(fromMs, toMs);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, int(std::min<qint64>((m_toMs - m_fromMs) / 1000, INT_MAX)));
    }
    setMoment(std::clamp(m_momentMs, m_fromMs, m_toMs));
    updateLabel();
}

void ReplayBar::setMoment(qint64 ms)
{
    ms = std::clamp(ms, m_fromMs, m_toMs);
    if (ms == m_momentMs)
        return;
    m_momentMs = ms;
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(int((ms - m_fromMs) / 1000));
    }
    updateLabel();
    Q_EMIT momentChanged(ms);
}

void ReplayBar::setSpeed(int speed)
{
    const int index = int(speeds().indexOf(speed));
    if (index >= 0)
        m_speedBox->setCurrentIndex(index);
}

void ReplayBar::play()
{
    if (isPlaying())
        return;
    if (m_momentMs >= m_toMs)
        setMoment(m_fromMs); // from the start again, as a player does
    m_sinceAdvance.start();
    m_playTimer.start();
    m_play->setChecked(true);
    retranslate();
    Q_EMIT playingChanged(true);
}

void ReplayBar::pause()
{
    if (!isPlaying())
        return;
    m_playTimer.stop();
    m_play->setChecked(false);
    retranslate();
    Q_EMIT playingChanged(false);
}

void ReplayBar::togglePlay()
{
    isPlaying() ? pause() : play();
}

void ReplayBar::stepForward()
{
    setMoment(m_momentMs + stepMs());
}

void ReplayBar::stepBackward()
{
    setMoment(m_momentMs - stepMs());
}

// Moves by the real time elapsed times the speed, so a late timer does not slow the replay.
void ReplayBar::advance()
{
    const qint64 elapsed = m_sinceAdvance.restart();
    setMoment(m_momentMs + elapsed * m_speed);
    if (m_momentMs >= m_toMs)
        pause();
}

void ReplayBar::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Space:
        togglePlay();
        return;
    case Qt::Key_Right:
        stepForward();
        return;
    case Qt::Key_Left:
        stepBackward();
        return;
    case Qt::Key_Home:
        setMoment(m_fromMs);
        return;
    case Qt::Key_End:
        setMoment(m_toMs);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void ReplayBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) {
        retranslate();
        updateLabel();
    }
    QWidget::changeEvent(event);
}

void ReplayBar::updateLabel()
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(m_momentMs);
    m_time->setText(locale().toString(at, QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

void ReplayBar::retranslate()
{
    m_play->setText(isPlaying() ? tr("Pause") : tr("Play"));
    m_play->setToolTip(tr("Play or pause the replay (Space); Left and Right step"));
    m_slider->setToolTip(tr("The moment the panels show"));
    m_slider->setAccessibleName(tr("Replay moment"));
    m_speedBox->setToolTip(tr("Replay speed"));
    for (int i = 0; i < m_speedBox->count(); ++i)
        m_speedBox->setItemText(i, tr("%1×").arg(m_speedBox->itemData(i).toInt()));
}

} // namespace hb
