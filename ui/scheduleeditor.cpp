#include "scheduleeditor.h"

#include "format.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdlib>

namespace hb {

namespace {

const QString kScheduleInterval = QStringLiteral("interval");
const QString kScheduleCron = QStringLiteral("cron");
const QString kScheduleZone = QStringLiteral("tz");
const QString kScheduleAt = QStringLiteral("at");
const QString kScheduleActiveHours = QStringLiteral("active_hours");
const QString kScheduleJitter = QStringLiteral("jitter");
const QString kScheduleMisfire = QStringLiteral("misfire");

// "UTC+07:00", "UTC-03:30", "UTC" for an offset in seconds.
QString scheduleOffsetText(int seconds)
{
    if (seconds == 0)
        return QStringLiteral("UTC");
    const int minutes = std::abs(seconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(QChar(seconds < 0 ? u'-' : u'+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// One run as the preview lists it, in the schedule's zone: "Fri 2026-12-04 03:00 UTC+07:00".
QString scheduleRunText(qint64 ms, const QTimeZone &zone)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, zone);
    const QLocale locale;
    return locale.dayName(at.date().dayOfWeek(), QLocale::ShortFormat) + u' '
           + at.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + u' '
           + scheduleOffsetText(at.offsetFromUtc());
}

// The next `count` runs that happen: upcoming() knows no active hours, the engine skips runs
// outside them. Bounded, so an every-minute job with two active hours a day still answers fast.
QVector<qint64> scheduleRunsToCome(const TaskSchedule &schedule, qint64 afterMs, int count)
{
    QVector<qint64> runs;
    qint64 after = afterMs;
    for (int looked = 0; runs.size() < count && looked < 20'000;) {
        const QVector<qint64> batch = TaskScheduler::upcoming(schedule, after, 200);
        if (batch.isEmpty())
            break;
        for (const qint64 ms : batch) {
            if (TaskScheduler::inActiveHours(schedule, ms) && runs.size() < count)
                runs.append(ms);
        }
        looked += int(batch.size());
        // An interval's grid starts afresh from `after`: continue from the last run exactly.
        after = batch.constLast();
        if (schedule.kind == TaskSchedule::Kind::Once)
            break;
    }
    return runs;
}

} // namespace

ScheduleEditor::ScheduleEditor(const HeartbeatConfig &config, QWidget *parent)
    : QWidget(parent)
    , m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_list(new QListWidget(this))
    , m_form(new QFormLayout)
    , m_kind(new QComboBox)
    , m_interval(new QLineEdit)
    , m_cron(new QLineEdit)
    , m_zone(new QComboBox)
    , m_at(new QDateTimeEdit)
    , m_activeHours(new QLineEdit)
    , m_jitter(new QSpinBox)
    , m_misfire(new QComboBox)
    , m_otherProblem(new QLabel)
    , m_previewTitle(new QLabel)
    , m_preview(new QLabel)
    , m_previewNotes(new QLabel)
{
    setObjectName(QStringLiteral("scheduleEditor"));
    m_tasks = TaskName::all();
    for (const QString &task : config.tasks.keys() + config.schedules.keys()) {
        if (!m_tasks.contains(task))
            m_tasks.append(task);
    }
    for (const QString &task : std::as_const(m_tasks)) {
        Draft draft;
        draft.schedule = config.scheduleOf(task);
        draft.intervalText = draft.schedule.kind == TaskSchedule::Kind::Interval
                                 ? intervalText(draft.schedule.intervalMs)
                                 : QString();
        m_drafts.insert(task, draft);
        auto *item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, task);
        check(task);
    }

    // Left: the tasks, each with its schedule in words.
    m_list->setObjectName(QStringLiteral("scheduleTasks"));
    m_list->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 26);
    m_list->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 34);
    connect(m_list, &QListWidget::currentRowChanged, this, &ScheduleEditor::select);

    // Right: the selected task's schedule.
    m_kind->setObjectName(QStringLiteral("scheduleKind"));
    m_kind->addItem(tr("Every tick"), QStringLiteral("every_tick"));
    m_kind->addItem(tr("Interval"), QStringLiteral("interval"));
    m_kind->addItem(tr("Cron expression"), QStringLiteral("cron"));
    m_kind->addItem(tr("Once"), QStringLiteral("once"));
    m_interval->setObjectName(QStringLiteral("scheduleInterval"));
    m_interval->setPlaceholderText(tr("e.g. 90s, 5m, 2h or 1d"));
    m_cron->setObjectName(QStringLiteral("scheduleCron"));
    m_cron->setPlaceholderText(tr("minute hour day month weekday, e.g. 0 3 * * *"));
    m_zone->setObjectName(QStringLiteral("scheduleTimeZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->addItem(QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->lineEdit()->setPlaceholderText(
        tr("this machine's (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())));
    m_at->setObjectName(QStringLiteral("scheduleAt"));
    m_at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_at->setCalendarPopup(true);
    m_activeHours->setObjectName(QStringLiteral("scheduleActiveHours"));
    m_activeHours->setPlaceholderText(tr("always; or e.g. 09:00-21:00"));
    m_jitter->setObjectName(QStringLiteral("scheduleJitter"));
    m_jitter->setRange(0, TaskSchedule::MaxJitterSeconds);
    m_jitter->setSuffix(tr(" s"));
    m_misfire->setObjectName(QStringLiteral("scheduleMisfire"));
    m_misfire->addItem(tr("Run once right away"), QStringLiteral("run_once"));
    m_misfire->addItem(tr("Skip them"), QStringLiteral("skip"));
    m_misfire->addItem(tr("Run each (at most %1)").arg(TaskSchedule::MaxCatchUp),
                       QStringLiteral("run_all"));

    addRow(m_form, tr("Runs"), m_kind, QStringLiteral("schedule"));
    addRow(m_form, tr("Every"), m_interval, kScheduleInterval);
    addRow(m_form, tr("Cron"), m_cron, kScheduleCron);
    addRow(m_form, tr("At"), m_at, kScheduleAt);
    addRow(m_form, tr("Time zone"), m_zone, kScheduleZone);
    addRow(m_form, tr("Active hours"), m_activeHours, kScheduleActiveHours);
    addRow(m_form, tr("Jitter"), m_jitter, kScheduleJitter);
    addRow(m_form, tr("Missed runs"), m_misfire, kScheduleMisfire);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_otherProblem->setObjectName(QStringLiteral("scheduleOtherProblem"));
    m_otherProblem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_otherProblem->setWordWrap(true);
    m_otherProblem->hide();

    auto *previewBox = new QGroupBox(tr("Next runs"));
    m_previewTitle->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("schedulePreview"));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QFont mono = m_preview->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_preview->setFont(mono);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_previewTitle);
    previewLayout->addWidget(m_preview);
    m_previewNotes->setObjectName(QStringLiteral("schedulePreviewNotes"));
    m_previewNotes->setWordWrap(true);
    previewLayout->addWidget(m_previewNotes);
    previewLayout->addStretch(1);

    auto *right = new QVBoxLayout;
    right->addLayout(m_form);
    right->addWidget(m_otherProblem);
    right->addWidget(previewBox, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_list);
    layout->addLayout(right, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ScheduleEditor::storeForm);
    connect(m_interval, &QLineEdit::textChanged, this, &ScheduleEditor::storeForm);
    connect(m_cron, &QLineEdit::textChanged, this, &ScheduleEditor::storeForm);
    connect(m_zone, &QComboBox::currentTextChanged, this, &ScheduleEditor::storeForm);
    connect(m_at, &QDateTimeEdit::dateTimeChanged, this, &ScheduleEditor::storeForm);
    connect(m_activeHours, &QLineEdit::textChanged, this, &ScheduleEditor::storeForm);
    connect(m_jitter, &QSpinBox::valueChanged, this, &ScheduleEditor::storeForm);
    connect(m_misfire, &QComboBox::currentIndexChanged, this, &ScheduleEditor::storeForm);

    for (int row = 0; row < m_list->count(); ++row)
        refreshItem(row);
    m_list->setCurrentRow(0);
}

QLabel *ScheduleEditor::addRow(QFormLayout *form, const QString &label, QWidget *editor,
                               const QString &key)
{
    auto *message = new QLabel;
    message->setObjectName(u"scheduleMessage_" + key);
    message->setStyleSheet(QStringLiteral("color: #c62828;"));
    message->setWordWrap(true);
    message->hide();
    auto *cell = new QWidget;
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(editor);
    cellLayout->addWidget(message);
    form->addRow(label, cell);
    m_messages.insert(key, message);
    m_rowEditors.insert(key, cell);
    return message;
}

QMap<QString, TaskSchedule> ScheduleEditor::value() const
{
    QMap<QString, TaskSchedule> schedules;
    for (const QString &task : m_tasks)
        schedules.insert(task, m_drafts.value(task).schedule);
    return schedules;
}

std::optional<ScheduleFieldError> ScheduleEditor::problem() const
{
    for (const QString &task : m_tasks) {
        if (const std::optional<ScheduleFieldError> &p = m_drafts.value(task).problem)
            return p;
    }
    return std::nullopt;
}

void ScheduleEditor::setEditable(bool editable)
{
    for (QWidget *cell : std::as_const(m_rowEditors))
        cell->setEnabled(editable);
}

void ScheduleEditor::setClock(std::function<qint64()> nowMs)
{
    m_nowMs = std::move(nowMs);
    updatePreview();
}

void ScheduleEditor::selectTask(const QString &task)
{
    const qsizetype row = m_tasks.indexOf(task);
    if (row >= 0)
        m_list->setCurrentRow(int(row));
}

QString ScheduleEditor::currentTask() const
{
    return m_current;
}

QString ScheduleEditor::message(const QString &key) const
{
    const QLabel *label = m_messages.value(key);
    return label && !label->isHidden() ? label->text() : QString();
}

void ScheduleEditor::select(int row)
{
    m_current = row >= 0 && row < m_tasks.size() ? m_tasks.at(row) : QString();
    loadForm();
}

void ScheduleEditor::loadForm()
{
    if (m_current.isEmpty())
        return;
    const Draft &draft = m_drafts[m_current];
    const TaskSchedule &s = draft.schedule;
    m_loading = true;
    m_kind->setCurrentIndex(int(s.kind));
    m_interval->setText(draft.intervalText);
    m_cron->setText(s.cron);
    m_zone->setCurrentText(s.tz);
    const QTimeZone zone = s.timeZone().isValid() ? s.timeZone() : QTimeZone::systemTimeZone();
    // A new "once" starts at the next full hour rather than in 1970.
    const qint64 atMs = s.atMs > 0 ? s.atMs : (m_nowMs() / 3'600'000 + 1) * 3'600'000;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs, zone);
    m_at->setDateTime(QDateTime(at.date(), at.time()));
    m_activeHours->setText(s.activeHours);
    m_jitter->setValue(s.jitterSeconds);
    m_misfire->setCurrentIndex(int(s.misfire));
    m_loading = false;
    showState();
}

// The form into the selected task's draft, then checked as the engine would check it.
void ScheduleEditor::storeForm()
{
    if (m_loading || m_current.isEmpty())
        return;
    Draft &draft = m_drafts[m_current];
    TaskSchedule &s = draft.schedule;
    s.kind = TaskSchedule::Kind(std::max(0, m_kind->currentIndex()));
    draft.intervalText = m_interval->text();
    // Text that is no interval is 0, which the rules refuse with the forms they accept.
    s.intervalMs = s.kind == TaskSchedule::Kind::Interval
                       ? parseIntervalText(draft.intervalText).value_or(0)
                       : 0;
    s.cron = s.kind == TaskSchedule::Kind::Cron ? m_cron->text().simplified() : QString();
    s.tz = m_zone->currentText().trimmed();
    if (s.kind == TaskSchedule::Kind::Once) {
        const QTimeZone zone = s.timeZone().isValid() ? s.timeZone() : QTimeZone::systemTimeZone();
        const QDateTime shown = m_at->dateTime();
        s.atMs = QDateTime(shown.date(), shown.time(), zone).toMSecsSinceEpoch();
    } else {
        s.atMs = 0;
    }
    s.activeHours = m_activeHours->text().trimmed();
    s.jitterSeconds = m_jitter->value();
    s.misfire = TaskSchedule::Misfire(std::max(0, m_misfire->currentIndex()));
    check(m_current);
    refreshItem(int(m_tasks.indexOf(m_current)));
    showState();
    Q_EMIT changed();
}

void ScheduleEditor::check(const QString &task)
{
    Draft &draft = m_drafts[task];
    draft.problem = validateSchedule(u"tasks." + task, draft.schedule);
}

// The selected task's rows for its kind, its problem beside its field, and the preview.
void ScheduleEditor::showState()
{
    if (m_current.isEmpty())
        return;
    const Draft &draft = m_drafts[m_current];
    const TaskSchedule::Kind kind = draft.schedule.kind;
    const auto showRow = [this](const QString &key, bool visible) {
        m_form->setRowVisible(m_rowEditors.value(key), visible);
    };
    showRow(kScheduleInterval, kind == TaskSchedule::Kind::Interval);
    showRow(kScheduleCron, kind == TaskSchedule::Kind::Cron);
    showRow(kScheduleAt, kind == TaskSchedule::Kind::Once);
    // Every tick has no run time to shift or to miss.
    showRow(kScheduleJitter, kind != TaskSchedule::Kind::EveryTick);
    showRow(kScheduleMisfire, kind != TaskSchedule::Kind::EveryTick);

    for (QLabel *label : std::as_const(m_messages))
        label->hide();
    m_otherProblem->hide();
    if (draft.problem) {
        const QString prefix = u"tasks." + m_current + u'.';
        const QString key = draft.problem->field.startsWith(prefix)
                                ? draft.problem->field.mid(prefix.size())
                                : QString();
        if (QLabel *label = m_messages.value(key)) {
            label->setText(draft.problem->reason);
            label->show();
        } else {
            m_otherProblem->setText(draft.problem->field + u": " + draft.problem->reason);
            m_otherProblem->show();
        }
    }
    updatePreview();
}

void ScheduleEditor::refreshItem(int row)
{
    QListWidgetItem *item = m_list->item(row);
    if (!item)
        return;
    const QString task = m_tasks.at(row);
    const Draft &draft = m_drafts[task];
    const QString title = format::taskTitle(task);
    if (draft.problem) {
        item->setText(tr("%1 — needs fixing").arg(title));
        item->setForeground(QColor(0xc6, 0x28, 0x28));
        item->setToolTip(draft.problem->reason);
    } else {
        item->setText(title + u'\n' + draft.schedule.describe());
        item->setForeground(QBrush());
        item->setToolTip(draft.schedule.describe());
    }
}

void ScheduleEditor::updatePreview()
{
    m_previewLines.clear();
    if (m_current.isEmpty())
        return;
    const Draft &draft = m_drafts[m_current];
    const TaskSchedule &s = draft.schedule;
    QStringList notes;
    if (draft.problem) {
        m_previewTitle->setText(tr("No runs to show until the schedule is fixed."));
    } else if (s.kind == TaskSchedule::Kind::EveryTick) {
        m_previewTitle->setText(tr("Runs at every tick of the engine."));
    } else {
        const QTimeZone zone = s.timeZone();
        const QString zoneName = s.tz.isEmpty()
                                     ? tr("this machine's zone, %1")
                                           .arg(QString::fromUtf8(QTimeZone::systemTimeZoneId()))
                                     : s.tz;
        const QVector<qint64> runs = scheduleRunsToCome(s, m_nowMs(), PreviewRuns);
        for (const qint64 ms : runs)
            m_previewLines.append(scheduleRunText(ms, zone));
        m_previewTitle->setText(runs.isEmpty() ? tr("No run to come.")
                                               : tr("Times in %1:").arg(zoneName));
        if (s.jitterSeconds > 0)
            notes.append(tr("Each run may start up to %1 s later (jitter).").arg(s.jitterSeconds));
    }
    if (!draft.problem && !s.activeHours.isEmpty())
        notes.append(tr("Only inside the active hours %1; runs outside them are skipped.")
                         .arg(s.activeHours));
    m_preview->setText(m_previewLines.join(u'\n'));
    m_preview->setVisible(!m_previewLines.isEmpty());
    m_previewNotes->setText(notes.join(u'\n'));
    m_previewNotes->setVisible(!notes.isEmpty());
}

} // namespace hb
