#include "chartrangebar.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QToolButton>

namespace hb {

namespace {

// The chosen range must read at a glance, focus or not.
const QString kButtonStyle = QStringLiteral(
    "QToolButton { padding: 1px 7px; border: 1px solid transparent; border-radius: 3px; }"
    "QToolButton:hover { border-color: palette(mid); }"
    "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); }");

constexpr int kLive5Minutes = 0; // ChartPanel::Last5Minutes
constexpr int kAll = 4;          // ChartPanel::All

} // namespace

ChartRangeBar::ChartRangeBar(QAction *back, QAction *forward, QWidget *parent)
    : QWidget(parent)
    , m_presets(new QButtonGroup(this))
    , m_custom(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    for (QAction *action : {back, forward}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        layout->addWidget(button);
    }
    layout->addSpacing(6);

    const QString labels[PresetCount] = {tr("5 min"), tr("1 h"), tr("24 h"), tr("7 d"), tr("All")};
    m_presets->setExclusive(false); // none is checked while zoomed; exclusivity is kept by hand
    for (int i = 0; i < PresetCount; ++i) {
        auto *button = new QToolButton(this);
        button->setText(labels[i]);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setObjectName(u"range" + QString::number(i));
        button->setStyleSheet(kButtonStyle);
        m_presets->addButton(button, i);
        layout->addWidget(button);
    }
    connect(m_presets, &QButtonGroup::idClicked, this, [this](int id) {
        // A click toggles the button; the panel says which one is chosen.
        if (QAbstractButton *button = m_presets->button(id))
            button->setChecked(!button->isChecked());
        Q_EMIT presetClicked(id);
    });

    m_custom->setObjectName(QStringLiteral("customRange"));
    m_custom->setText(tr("Custom…"));
    m_custom->setToolTip(tr("Show a range you choose, from a date and time to another"));
    m_custom->setCheckable(true);
    m_custom->setAutoRaise(true);
    m_custom->setStyleSheet(kButtonStyle);
    connect(m_custom, &QToolButton::clicked, this, [this] {
        m_custom->setChecked(!m_custom->isChecked());
        Q_EMIT customClicked();
    });
    layout->addWidget(m_custom);
    setRecorded(false);
}

void ChartRangeBar::setRecorded(bool recorded)
{
    m_recorded = recorded;
    m_presets->button(kLive5Minutes)->setVisible(!recorded);
    m_presets->button(kAll)->setVisible(recorded);
    updateTips();
}

void ChartRangeBar::updateTips()
{
    const QString live[PresetCount] = {tr("Last 5 minutes, live"), tr("Last hour"),
                                       tr("Last 24 hours"), tr("Last 7 days"), QString()};
    const QString recorded[PresetCount] = {
        QString(), tr("The last hour of the file"), tr("The last 24 hours of the file"),
        tr("The last 7 days of the file"), tr("Everything the file holds")};
    for (int i = 0; i < PresetCount; ++i)
        m_presets->button(i)->setToolTip(m_recorded ? recorded[i] : live[i]);
}

void ChartRangeBar::setCheckedPreset(int preset)
{
    for (int i = 0; i < PresetCount; ++i)
        m_presets->button(i)->setChecked(i == preset);
    m_custom->setChecked(preset < 0);
}

QToolButton *ChartRangeBar::presetButton(int preset) const
{
    return qobject_cast<QToolButton *>(m_presets->button(preset));
}

} // namespace hb
