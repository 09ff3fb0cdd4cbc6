#pragma once

#include "core/config.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QTabWidget;
class QWidget;

namespace hb {

class NotificationsEditor;
class ScheduleEditor;

// Edits every field of config.json. The form is built from the config's own JSON form and
// checked by the same rules that check the file (configFromJson), so a problem is shown next
// to the field it concerns, in the words the engine would use. Read-only for viewers.
class ConfigDialog : public QDialog
{
    Q_OBJECT
public:
    ConfigDialog(const HeartbeatConfig &config, bool editable, QWidget *parent = nullptr);

    // The edited configuration; valid only when isValid().
    HeartbeatConfig config() const { return m_config; }
    bool isValid() const { return m_valid; }

    // For tests: the editor and the message label of a field by JSON path ("breaker.timeout_ms").
    QWidget *editor(const QString &path) const { return m_editors.value(path); }
    QString message(const QString &path) const;
    NotificationsEditor *notificationsEditor() const { return m_notifications; }
    ScheduleEditor *scheduleEditor() const { return m_schedules; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    void addField(QFormLayout *form, const QString &path, const QJsonValue &value);
    QJsonObject currentJson() const;
    void revalidate();

    HeartbeatConfig m_config;
    bool m_valid = true;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QJsonValue::Type> m_types;
    QHash<QString, QLabel *> m_messages;
    QDialogButtonBox *m_buttons;
    NotificationsEditor *m_notifications = nullptr;
    ScheduleEditor *m_schedules = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace hb
