#pragma once

#include "core/config.h"

#include <QHash>
#include <QMap>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace hb {

// The configuration dialog's Schedules tab: the tasks as a list and, for the selected one, its
// schedule ("tasks.NAME" in config.json; docs/scheduling.md) — the kind (every tick, interval,
// cron, once) with its field, the time zone, active hours, jitter and the misfire policy — and
// a preview of its next five runs in its zone, updated as the user types. A field the engine
// would refuse is refused here with the engine's words (validateSchedule), beside the field.
// Fields the form does not show (retries, fallback, critical) keep the values they came with.
class ScheduleEditor : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PreviewRuns = 5;

    explicit ScheduleEditor(const HeartbeatConfig &config, QWidget *parent = nullptr);

    // Every listed task's schedule as edited, default ones included.
    QMap<QString, TaskSchedule> value() const;
    // The first task whose schedule cannot be saved, with why ("tasks.NAME.cron": reason);
    // nullopt when every one can.
    std::optional<ScheduleFieldError> problem() const;

    void setEditable(bool editable);
    // The time the preview counts from (tests pass a fixed one); the system clock by default.
    void setClock(std::function<qint64()> nowMs);

    // For tests and the screenshot mode.
    void selectTask(const QString &task);
    QString currentTask() const;
    QStringList previewLines() const { return m_previewLines; }
    // The message shown beside a field of the selected task ("cron", "tz", "interval", ...).
    QString message(const QString &key) const;

Q_SIGNALS:
    void changed();

private:
    // One task's schedule as edited: an interval the form cannot read keeps its text.
    struct Draft
    {
        TaskSchedule schedule;
        QString intervalText;
        std::optional<ScheduleFieldError> problem;
    };

    void select(int row);
    void loadForm();
    void storeForm();
    void check(const QString &task);
    void showState();
    void refreshItem(int row);
    void updatePreview();
    QLabel *addRow(QFormLayout *form, const QString &label, QWidget *editor, const QString &key);

    QStringList m_tasks;
    QHash<QString, Draft> m_drafts;
    QString m_current;
    bool m_loading = false;
    std::function<qint64()> m_nowMs;
    QStringList m_previewLines;

    QListWidget *m_list;
    QFormLayout *m_form;
    QComboBox *m_kind;
    QLineEdit *m_interval;
    QLineEdit *m_cron;
    QComboBox *m_zone;
    QDateTimeEdit *m_at;
    QLineEdit *m_activeHours;
    QSpinBox *m_jitter;
    QComboBox *m_misfire;
    QLabel *m_otherProblem;
    QLabel *m_previewTitle;
    QLabel *m_preview;
    QLabel *m_previewNotes;
    QHash<QString, QLabel *> m_messages;
    QHash<QString, QWidget *> m_rowEditors;
};

} // namespace hb
