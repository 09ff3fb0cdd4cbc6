#include "timerangedialog.h"

#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hb {

namespace {

QDateTimeEdit *timeEdit(qint64 ms, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(ms), parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return edit;
}

} // namespace

TimeRangeDialog::TimeRangeDialog(qint64 fromMs, qint64 toMs, QWidget *parent)
    : QDialog(parent)
    , m_from(timeEdit(fromMs, this))
    , m_to(timeEdit(toMs, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("timeRangeDialog"));
    setWindowTitle(tr("Custom time range"));
    m_from->setObjectName(QStringLiteral("rangeFrom"));
    m_to->setObjectName(QStringLiteral("rangeTo"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeDialog::validate);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT rangeChosen(this->fromMs(), this->toMs());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

void TimeRangeDialog::setLimits(qint64 firstMs, qint64 lastMs)
{
    const QString tip =
        tr("The file holds %1 to %2")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(firstMs), QLocale::ShortFormat),
                 QLocale().toString(QDateTime::fromMSecsSinceEpoch(lastMs), QLocale::ShortFormat));
    m_from->setToolTip(tip);
    m_to->setToolTip(tip);
}

qint64 TimeRangeDialog::fromMs() const
{
    return m_from->dateTime().toMSecsSinceEpoch();
}

qint64 TimeRangeDialog::toMs() const
{
    return m_to->dateTime().toMSecsSinceEpoch();
}

void TimeRangeDialog::validate()
{
    const bool ok = toMs() > fromMs();
    m_problem->setText(ok ? QString() : tr("The end must come after the start."));
    m_problem->setVisible(!ok);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace hb
