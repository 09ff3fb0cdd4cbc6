#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QButtonGroup;
class QToolButton;
QT_END_NAMESPACE

namespace hb {

// The chart panel's range controls: Back / Forward through the zoom history, the preset
// buttons (5 min, 1 h, 24 h, 7 d live; 1 h, 24 h, 7 d, All of a recorded file, relative to its
// end) and "Custom…". Only shows and reports: the panel owns the range.
class ChartRangeBar : public QWidget
{
    Q_OBJECT
public:
    // Preset ids are ChartPanel::Range values.
    static constexpr int PresetCount = 5;
    ChartRangeBar(QAction *back, QAction *forward, QWidget *parent = nullptr);

    // Recorded: no live 5-minute preset, an "All" one instead; tooltips say "of the file".
    void setRecorded(bool recorded);
    // The preset shown as chosen; -1 for none (a zoom or a custom range).
    void setCheckedPreset(int preset);
    QToolButton *presetButton(int preset) const;
    QToolButton *customButton() const { return m_custom; }

Q_SIGNALS:
    void presetClicked(int preset);
    void customClicked();

private:
    void updateTips();

    QButtonGroup *m_presets;
    QToolButton *m_custom;
    bool m_recorded = false;
};

} // namespace hb
