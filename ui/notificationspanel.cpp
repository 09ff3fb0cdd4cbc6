#include "notificationspanel.h"

#include "background.h"
#include "core/config.h"
#include "core/cronexpr.h"
#include "format.h"
#include "notify/notifier.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace hb {

namespace {

struct Loaded
{
    QVector<DeliveryRecord> deliveries;
    QVector<NotificationSilence> silences;
};

QString statusWord(const QString &status)
{
    if (status == DeliveryStatus::Sent)
        return NotificationsPanel::tr("sent");
    if (status == DeliveryStatus::Retrying)
        return NotificationsPanel::tr("retrying");
    if (status == DeliveryStatus::Failed)
        return NotificationsPanel::tr("failed");
    if (status == DeliveryStatus::Silenced)
        return NotificationsPanel::tr("silenced");
    if (status == DeliveryStatus::Held)
        return NotificationsPanel::tr("held");
    return status;
}

QColor statusColour(const QString &status)
{
    if (status == DeliveryStatus::Sent)
        return QColor(0x2e, 0x7d, 0x32); // green
    if (status == DeliveryStatus::Retrying)
        return QColor(0xef, 0x6c, 0x00); // amber
    if (status == DeliveryStatus::Failed)
        return QColor(0xc6, 0x28, 0x28); // red
    if (status == DeliveryStatus::Held)
        return QColor(0x15, 0x65, 0xc0); // blue
    return QColor(0x75, 0x75, 0x75);     // silenced: grey
}

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    return table;
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

QString matchersText(const NotificationSilence &s)
{
    QStringList parts;
    if (!s.machine.isEmpty())
        parts << NotificationsPanel::tr("machine %1").arg(s.machine);
    if (!s.task.isEmpty())
        parts << NotificationsPanel::tr("task %1").arg(s.task);
    if (!s.kind.isEmpty())
        parts << NotificationsPanel::tr("kind %1").arg(s.kind);
    return parts.isEmpty() ? NotificationsPanel::tr("everything")
                           : parts.join(QStringLiteral(", "));
}

// From, to (default: now to an hour from now), a reason (required) and the matchers.
class NewSilenceDialog : public QDialog
{
public:
    explicit NewSilenceDialog(QWidget *parent)
        : QDialog(parent)
    {
        setObjectName(QStringLiteral("newSilenceDialog"));
        setWindowTitle(NotificationsPanel::tr("New silence"));
        const QDateTime now = QDateTime::currentDateTime();
        m_from = new QDateTimeEdit(now, this);
        m_from->setObjectName(QStringLiteral("silenceFrom"));
        m_to = new QDateTimeEdit(now.addSecs(3600), this);
        m_to->setObjectName(QStringLiteral("silenceTo"));
        for (QDateTimeEdit *edit : {m_from, m_to}) {
            edit->setCalendarPopup(true);
            edit->setDisplayFormat(format::dateTimeFormat(locale()));
        }
        m_reason = new QLineEdit(this);
        m_reason->setObjectName(QStringLiteral("silenceReason"));
        m_reason->setPlaceholderText(NotificationsPanel::tr("Why, e.g. \"relay maintenance\""));
        m_machine = new QLineEdit(this);
        m_machine->setObjectName(QStringLiteral("silenceMachine"));
        m_machine->setPlaceholderText(NotificationsPanel::tr("any machine"));
        m_task = new QLineEdit(this);
        m_task->setObjectName(QStringLiteral("silenceTask"));
        m_task->setPlaceholderText(NotificationsPanel::tr("any task"));
        m_kind = new QComboBox(this);
        m_kind->setObjectName(QStringLiteral("silenceKind"));
        m_kind->addItem(NotificationsPanel::tr("any kind"), QString());
        for (const QString &kind : NotificationKind::all())
            m_kind->addItem(kind, kind);
        // Recurring: on from each run of a cron expression, for a while each time.
        m_repeat = new QCheckBox(NotificationsPanel::tr("Repeat on a schedule"), this);
        m_repeat->setObjectName(QStringLiteral("silenceRepeat"));
        m_cron = new QLineEdit(this);
        m_cron->setObjectName(QStringLiteral("silenceCron"));
        m_cron->setPlaceholderText(NotificationsPanel::tr("cron, e.g. 0 2 * * sun"));
        m_duration = new QLineEdit(QStringLiteral("2h"), this);
        m_duration->setObjectName(QStringLiteral("silenceDuration"));
        m_duration->setPlaceholderText(NotificationsPanel::tr("each time, e.g. 2h"));
        m_zone = new QComboBox(this);
        m_zone->setObjectName(QStringLiteral("silenceZone"));
        m_zone->setEditable(true);
        m_zone->addItem(QString()); // the machine's
        for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
            m_zone->addItem(QString::fromUtf8(id));
        m_zone->lineEdit()->setPlaceholderText(NotificationsPanel::tr("this machine's zone"));
        m_next = new QLabel(this);
        m_next->setObjectName(QStringLiteral("silenceNext"));
        m_next->setWordWrap(true);
        m_problem = new QLabel(this);
        m_problem->setObjectName(QStringLiteral("silenceProblem"));
        m_problem->setWordWrap(true);

        auto *form = new QFormLayout;
        form->addRow(NotificationsPanel::tr("From:"), m_from);
        form->addRow(NotificationsPanel::tr("To:"), m_to);
        form->addRow(NotificationsPanel::tr("Reason:"), m_reason);
        form->addRow(NotificationsPanel::tr("Machine:"), m_machine);
        form->addRow(NotificationsPanel::tr("Task:"), m_task);
        form->addRow(NotificationsPanel::tr("Kind:"), m_kind);
        form->addRow(m_repeat);
        form->addRow(NotificationsPanel::tr("Runs at:"), m_cron);
        form->addRow(NotificationsPanel::tr("Lasts:"), m_duration);
        form->addRow(NotificationsPanel::tr("Time zone:"), m_zone);
        form->addRow(m_next);
        m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        m_buttons->button(QDialogButtonBox::Ok)->setText(NotificationsPanel::tr("Create"));
        connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(m_problem);
        layout->addWidget(m_buttons);
        connect(m_reason, &QLineEdit::textChanged, this, [this] { validate(); });
        connect(m_from, &QDateTimeEdit::dateTimeChanged, this, [this] { validate(); });
        connect(m_to, &QDateTimeEdit::dateTimeChanged, this, [this] { validate(); });
        connect(m_repeat, &QCheckBox::toggled, this, [this](bool on) {
            // A recurring silence spans weeks: a year unless the user says otherwise.
            if (on && m_to->dateTime() <= m_from->dateTime().addSecs(3600))
                m_to->setDateTime(m_from->dateTime().addDays(366));
            validate();
        });
        connect(m_cron, &QLineEdit::textChanged, this, [this] { validate(); });
        connect(m_duration, &QLineEdit::textChanged, this, [this] { validate(); });
        connect(m_zone, &QComboBox::currentTextChanged, this, [this] { validate(); });
        validate();
    }

    NotificationSilence silence() const
    {
        NotificationSilence s;
        s.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        s.toMs = m_to->dateTime().toMSecsSinceEpoch();
        s.reason = m_reason->text().trimmed();
        s.machine = m_machine->text().trimmed();
        s.task = m_task->text().trimmed();
        s.kind = m_kind->currentData().toString();
        if (m_repeat->isChecked()) {
            s.cron = m_cron->text().simplified();
            s.durationMs = parseIntervalText(m_duration->text()).value_or(0);
            s.tz = m_zone->currentText().trimmed();
        }
        return s;
    }

private:
    void validate()
    {
        QString problem;
        if (m_reason->text().trimmed().isEmpty())
            problem = NotificationsPanel::tr("A silence needs a reason.");
        else if (m_to->dateTime() <= m_from->dateTime())
            problem = NotificationsPanel::tr("It must end after it starts.");
        else if (m_to->dateTime() <= QDateTime::currentDateTime())
            problem = NotificationsPanel::tr("It must end in the future.");
        for (QWidget *w : std::initializer_list<QWidget *>{m_cron, m_duration, m_zone})
            w->setEnabled(m_repeat->isChecked());
        m_next->clear();
        if (problem.isEmpty() && m_repeat->isChecked()) {
            CronError error;
            const std::optional<qint64> duration = parseIntervalText(m_duration->text());
            const QString zone = m_zone->currentText().trimmed();
            if (!CronExpr::parse(m_cron->text(), &error))
                problem = NotificationsPanel::tr("Runs at: position %1: %2")
                              .arg(error.position)
                              .arg(error.reason);
            else if (!duration || *duration < 60'000 || *duration > kRecurringSilenceMaxMs)
                problem = NotificationsPanel::tr("Lasts: from 1m to 7d, e.g. 30m or 2h.");
            else if (!zone.isEmpty() && !QTimeZone(zone.toUtf8()).isValid())
                problem = NotificationsPanel::tr("Time zone: unknown zone %1.").arg(zone);
            else if (const auto next = silence().occurrenceAt(QDateTime::currentMSecsSinceEpoch()))
                m_next->setText(NotificationsPanel::tr("Next: %1 to %2")
                                    .arg(format::localTime(next->first),
                                         format::localTime(next->second)));
            else
                problem = NotificationsPanel::tr("It never falls between From and To.");
        }
        m_problem->setText(problem);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    }

    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLineEdit *m_reason;
    QLineEdit *m_machine;
    QLineEdit *m_task;
    QComboBox *m_kind;
    QCheckBox *m_repeat;
    QLineEdit *m_cron;
    QLineEdit *m_duration;
    QComboBox *m_zone;
    QLabel *m_next;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace

NotificationsPanel::NotificationsPanel(const QString &dataDir, QWidget *parent)
    : QWidget(parent)
    , m_metricsPath(dataDir + QStringLiteral("/metrics.db"))
    , m_tabs(new QTabWidget(this))
    , m_deliveries(makeTable(
          {tr("Time"), tr("Channel"), tr("Kind"), tr("Attempt"), tr("Status"), tr("Error")}, this))
    , m_silences(
          makeTable({tr("From"), tr("To"), tr("Reason"), tr("Matches"), tr("Created by")}, this))
    , m_error(new QLabel(this))
    , m_older(new QPushButton(tr("Load older"), this))
    , m_new(new QPushButton(tr("New silence…"), this))
    , m_end(new QPushButton(tr("End now"), this))
{
    m_tabs->setObjectName(QStringLiteral("notificationTabs"));
    m_deliveries->setObjectName(QStringLiteral("deliveriesTable"));
    m_silences->setObjectName(QStringLiteral("silencesTable"));
    m_error->setObjectName(QStringLiteral("notificationsError"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_new->setObjectName(QStringLiteral("newSilenceButton"));
    m_end->setObjectName(QStringLiteral("endSilenceButton"));

    m_older->setObjectName(QStringLiteral("loadOlderDeliveries"));
    auto *deliveriesPage = new QWidget(this);
    auto *deliveriesLayout = new QVBoxLayout(deliveriesPage);
    deliveriesLayout->setContentsMargins(0, 0, 0, 0);
    deliveriesLayout->addWidget(m_deliveries, 1);
    auto *olderRow = new QHBoxLayout;
    olderRow->addWidget(m_older);
    olderRow->addStretch(1);
    deliveriesLayout->addLayout(olderRow);
    m_tabs->addTab(deliveriesPage, tr("Delivery log"));
    auto *silencesPage = new QWidget(this);
    auto *silencesLayout = new QVBoxLayout(silencesPage);
    silencesLayout->setContentsMargins(0, 0, 0, 0);
    silencesLayout->addWidget(m_silences, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_end);
    buttons->addStretch(1);
    silencesLayout->addLayout(buttons);
    m_tabs->addTab(silencesPage, tr("Silences"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);

    connect(m_older, &QPushButton::clicked, this, &NotificationsPanel::loadOlderDeliveries);
    m_poll.setInterval(DeliveryPollMs);
    connect(&m_poll, &QTimer::timeout, this, &NotificationsPanel::refreshDeliveries);
    connect(m_new, &QPushButton::clicked, this, &NotificationsPanel::requestNew);
    connect(m_end, &QPushButton::clicked, this, &NotificationsPanel::requestEnd);
    connect(m_silences, &QTableWidget::itemSelectionChanged, this,
            &NotificationsPanel::updateButtons);
    updateButtons();
    refresh();
}

void NotificationsPanel::setNotifier(Notifier *notifier)
{
    if (m_notifier)
        disconnect(m_notifier, nullptr, this, nullptr);
    m_notifier = notifier;
    if (notifier) {
        connect(notifier, &Notifier::deliveryRecorded, this,
                &NotificationsPanel::refreshDeliveries);
    }
    refresh();
}

void NotificationsPanel::setAdmin(bool admin)
{
    m_admin = admin;
    updateButtons();
}

void NotificationsPanel::refresh()
{
    refreshDeliveries();
    refreshSilences();
}

void NotificationsPanel::refreshDeliveries()
{
    const QString path = m_metricsPath;
    attemptInBackground(
        this, [path] { return NotificationStore(path).deliveries(0, DeliveryPage); },
        [this](const Attempt<QVector<DeliveryRecord>> &a) {
            m_error->setText(a.ok() ? QString()
                                    : tr("The delivery log could not be read: %1").arg(a.error));
            m_error->setVisible(!a.ok());
            if (a.ok())
                mergeDeliveries(a.value, true);
            Q_EMIT deliveriesLoaded();
        });
}

void NotificationsPanel::loadOlderDeliveries()
{
    if (m_deliveryRows.isEmpty()) {
        refreshDeliveries();
        return;
    }
    const QString path = m_metricsPath;
    const qint64 before = m_deliveryRows.constLast().id;
    m_older->setEnabled(false); // until this page is in
    attemptInBackground(
        this, [path, before] { return NotificationStore(path).deliveries(before, DeliveryPage); },
        [this](const Attempt<QVector<DeliveryRecord>> &a) {
            m_error->setText(a.ok() ? QString()
                                    : tr("The delivery log could not be read: %1").arg(a.error));
            m_error->setVisible(!a.ok());
            if (a.ok()) {
                m_noOlderDeliveries = a.value.size() < DeliveryPage;
                mergeDeliveries(a.value, false);
            } else {
                showDeliveries();
            }
            Q_EMIT deliveriesLoaded();
        });
}

void NotificationsPanel::mergeDeliveries(const QVector<DeliveryRecord> &page, bool newest)
{
    if (newest && page.size() < DeliveryPage) {
        m_noOlderDeliveries = true; // the whole log fits in the newest page
    } else if (newest && (m_deliveryRows.isEmpty()
                          || page.constLast().id > m_deliveryRows.constFirst().id)) {
        // A full page newer than everything shown leaves a gap: start again from it.
        m_deliveryRows.clear();
        m_noOlderDeliveries = false;
    }
    QMap<qint64, DeliveryRecord> byId;
    for (const DeliveryRecord &d : std::as_const(m_deliveryRows))
        byId.insert(d.id, d);
    for (const DeliveryRecord &d : page)
        byId.insert(d.id, d);
    m_deliveryRows.clear();
    m_deliveryRows.reserve(byId.size());
    const QList<DeliveryRecord> ascending = byId.values();
    for (auto it = ascending.crbegin(); it != ascending.crend(); ++it)
        m_deliveryRows.append(*it);
    showDeliveries();
}

void NotificationsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshDeliveries();
    m_poll.start();
}

void NotificationsPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_poll.stop();
}

void NotificationsPanel::refreshSilences()
{
    const QString path = m_metricsPath;
    attemptInBackground(
        this,
        [path] { return NotificationStore(path).silences(QDateTime::currentMSecsSinceEpoch()); },
        [this](const Attempt<QVector<NotificationSilence>> &a) {
            m_error->setText(a.ok() ? QString()
                                    : tr("The silences could not be read: %1").arg(a.error));
            m_error->setVisible(!a.ok());
            if (a.ok())
                showSilences(a.value);
            Q_EMIT silencesLoaded();
        });
}

void NotificationsPanel::showDeliveries()
{
    const QVector<DeliveryRecord> &rows = m_deliveryRows;
    m_older->setEnabled(!m_noOlderDeliveries && !rows.isEmpty());
    m_older->setToolTip(m_noOlderDeliveries
                            ? tr("Every delivery is shown")
                            : tr("Show the %1 deliveries before these").arg(DeliveryPage));
    const bool resize = m_deliveries->rowCount() == 0;
    m_deliveries->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const DeliveryRecord &d = rows.at(r);
        m_deliveries->setItem(r, 0, cell(format::localTime(d.tsMs)));
        m_deliveries->setItem(r, 1, cell(d.channel));
        m_deliveries->setItem(r, 2, cell(d.kind));
        m_deliveries->setItem(r, 3, cell(QString::number(d.attempt)));
        QTableWidgetItem *status = cell(statusWord(d.status));
        status->setForeground(statusColour(d.status));
        status->setData(Qt::UserRole, d.status);
        m_deliveries->setItem(r, 4, status);
        m_deliveries->setItem(r, 5, cell(d.error));
    }
    if (resize) // not at every poll: the columns would jump under the reader's eyes
        m_deliveries->resizeColumnsToContents();
}

void NotificationsPanel::showSilences(const QVector<NotificationSilence> &rows)
{
    const qint64 selected = [this] {
        const int row = m_silences->currentRow();
        return row >= 0 && row < m_silenceRows.size() ? m_silenceRows.at(row).id : 0;
    }();
    m_silenceRows = rows;
    m_silences->setRowCount(int(rows.size()));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int r = 0; r < rows.size(); ++r) {
        const NotificationSilence &s = rows.at(r);
        QTableWidgetItem *from = cell(
            s.isRecurring()
                ? tr("%1, every %2 for %3%4")
                      .arg(format::localTime(s.fromMs), s.cron, intervalText(s.durationMs),
                           s.tz.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s.tz))
                : format::localTime(s.fromMs));
        if (s.fromMs > now)
            from->setToolTip(tr("Upcoming"));
        m_silences->setItem(r, 0, from);
        m_silences->setItem(r, 1, cell(format::localTime(s.toMs)));
        m_silences->setItem(r, 2, cell(s.reason));
        m_silences->setItem(r, 3, cell(matchersText(s)));
        m_silences->setItem(r, 4, cell(s.createdBy));
        if (s.id == selected)
            m_silences->selectRow(r);
    }
    m_silences->resizeColumnsToContents();
    updateButtons();
}

void NotificationsPanel::updateButtons()
{
    m_new->setEnabled(m_admin);
    const int row = m_silences->currentRow();
    m_end->setEnabled(m_admin && !m_silences->selectedItems().isEmpty() && row >= 0 &&
                      row < m_silenceRows.size());
    const QString why = tr("Unlock admin to change silences");
    m_new->setToolTip(m_admin ? QString() : why);
    m_end->setToolTip(m_admin ? QString() : why);
}

void NotificationsPanel::requestNew()
{
    if (!m_admin)
        return;
    NewSilenceDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted || !m_admin)
        return;
    Q_EMIT addSilenceRequested(dialog.silence());
}

void NotificationsPanel::requestEnd()
{
    const int row = m_silences->currentRow();
    if (!m_admin || row < 0 || row >= m_silenceRows.size())
        return;
    const NotificationSilence s = m_silenceRows.at(row);
    if (m_confirm) {
        QMessageBox confirm(QMessageBox::Warning, tr("End silence"),
                            tr("End the silence “%1” now? Notifications it matches are sent "
                               "again from now on.")
                                .arg(s.reason),
                            QMessageBox::Cancel, this);
        confirm.setObjectName(QStringLiteral("endSilenceConfirmation"));
        QPushButton *end = confirm.addButton(tr("End now"), QMessageBox::DestructiveRole);
        end->setObjectName(QStringLiteral("endSilenceConfirm"));
        confirm.exec();
        if (confirm.clickedButton() != end || !m_admin)
            return;
    }
    Q_EMIT endSilenceRequested(s.id);
}

} // namespace hb
