#pragma once

#include <QDialog>

QT_BEGIN_NAMESPACE
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
QT_END_NAMESPACE

namespace hb {

// "Custom…" time range: from and to as local dates and times, to after from. Starts on the
// range shown; `limitFromMs` / `limitToMs` (when set) are the data's extent, offered as bounds.
class TimeRangeDialog : public QDialog
{
    Q_OBJECT
public:
    TimeRangeDialog(qint64 fromMs, qint64 toMs, QWidget *parent = nullptr);

    void setLimits(qint64 firstMs, qint64 lastMs);
    qint64 fromMs() const;
    qint64 toMs() const;
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }

Q_SIGNALS:
    void rangeChosen(qint64 fromMs, qint64 toMs);

private:
    void validate();

    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace hb
