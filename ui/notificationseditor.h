#pragma once

#include "core/config.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hb {

class RulesEditor;

// The configuration dialog's Notifications tab: the channels of config.json "notifications"
// as a list, and a form for the selected one — a webhook's URL and secret (Generate makes a
// new whsec_ key), a Telegram bot's token, chat and API base URL, or the desktop tray — with
// the kinds it receives, its lowest severity and its resend interval; below them, the dependency
// rules ("notifications.rules", RulesEditor). Problems come from
// validateConfig (showError) and are shown next to the field they name.
class NotificationsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit NotificationsEditor(const NotificationsConfig &config, QWidget *parent = nullptr);

    // The channels and rules as edited. Fields the form does not show for a channel's type keep
    // the values they came with.
    NotificationsConfig value() const;
    RulesEditor *rulesEditor() const { return m_rules; }
    // What the form cannot turn into a value (a resend interval that is no length); empty when
    // value() is what the form shows.
    QString formError() const { return m_formError; }

    void setEditable(bool editable);

    // A validateConfig problem in "notifications.channels[N].key": shown beside that field
    // while that channel is selected, above the form otherwise; one in "notifications.rules…"
    // under the rules. Null clears.
    void showError(const ConfigError *error);
    // The problem shown now (for tests); empty when none.
    QString shownError() const;

    // "whsec_" + base64 of 32 random bytes from the system's generator.
    static QString generateSecret();
    // "off" for 0, else the shortest "30s" / "5m" / "2h" / "1d" that reads back exactly.
    static QString intervalText(qint64 ms);
    static std::optional<qint64> parseInterval(const QString &text);

Q_SIGNALS:
    void changed();

private:
    void addChannel(const QString &type);
    void removeChannel();
    void select(int row);
    void loadForm();
    void storeForm();
    void refreshList();
    QString itemText(const NotificationChannel &channel) const;
    QLabel *messageFor(const QString &key) const;
    void applyError();

    NotificationsConfig m_config;
    int m_current = -1;
    bool m_loading = false;
    bool m_editable = true;
    QString m_formError;
    std::optional<ConfigError> m_error; // the last one validateConfig gave

    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QWidget *m_form;
    QWidget *m_formScroll;
    QLabel *m_empty;
    QLabel *m_topError;
    QLineEdit *m_name;
    QCheckBox *m_enabled;
    QLabel *m_type;
    QLabel *m_desktopNote;
    QHash<QString, QList<QWidget *>> m_typeRows; // the fields only a channel of that type has
    QLineEdit *m_url;
    QLineEdit *m_secret;
    QPushButton *m_generate;
    QLineEdit *m_botToken;
    QLineEdit *m_chatId;
    QLineEdit *m_baseUrl;
    QCheckBox *m_allKinds;
    QHash<QString, QCheckBox *> m_kinds;
    QComboBox *m_severity;
    QLineEdit *m_resend;
    QHash<QString, QLabel *> m_messages; // by the JSON key of the field
    RulesEditor *m_rules;
};

} // namespace hb
