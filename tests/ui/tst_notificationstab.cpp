// Configuration → Notifications: the channels of config.json are edited in a list and a form
// per type, come back exactly as they went in, and problems found by validateConfig are shown
// next to the field they name, with Save disabled until fixed.
// HB_SCREENSHOT_DIR=DIR (and HB_SCREENSHOT_QM=FILE.qm for a translation) saves the tab.

#include "configdialog.h"
#include "core/notificationsconfig.h"
#include "notificationseditor.h"
#include "ruleseditor.h"
#include "screenshotmode.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

class TestNotificationsTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void channelsComeBackAsTheyWent();
    void newWebhookIsEditedThroughTheForm();
    void generateMakesAStandardWebhooksSecret();
    void problemsAreShownNextToTheirField_data();
    void problemsAreShownNextToTheirField();
    void removingAChannelSavesWithoutIt();
    void viewersCannotEdit();
    void rulesAreEditedAndValidatedLikeTheFile();
    void screenshot();
};

namespace {

HeartbeatConfig withChannels()
{
    HeartbeatConfig config;
    NotificationChannel ops;
    ops.type = NotificationChannelType::Webhook;
    ops.name = u"ops"_s;
    ops.url = u"https://hooks.example.com/heartbeat"_s;
    ops.secret =
        u"whsec_"_s +
        QString::fromLatin1(QCryptographicHash::hash("ops", QCryptographicHash::Sha256).toBase64());
    // Not in NotificationKind::all()'s order: kept as written.
    ops.kinds = {NotificationKind::MachineUp, NotificationKind::MachineDown};
    ops.minSeverity = u"warning"_s;
    ops.resendIntervalMs = 30 * 60'000;
    NotificationChannel chat;
    chat.type = NotificationChannelType::Telegram;
    chat.name = u"on-call"_s;
    chat.botToken = u"123456:ABC-DEF1234ghIkl"_s;
    chat.chatId = u"-1001234567890"_s;
    chat.baseUrl = u"http://127.0.0.1:9999"_s;
    chat.minSeverity = u"critical"_s;
    chat.resendIntervalMs = 1'500; // not a whole second: still exact
    NotificationChannel tray;
    tray.type = NotificationChannelType::Desktop;
    tray.name = u"tray"_s;
    tray.enabled = false;
    config.notifications.channels = {ops, chat, tray};
    return config;
}

QPushButton *saveButton(ConfigDialog &d)
{
    return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
}

template<typename T> T *find(QWidget *parent, const QString &name)
{
    T *child = parent->findChild<T *>(name);
    if (!child)
        qWarning("no %s", qPrintable(name));
    return child;
}

void selectChannel(NotificationsEditor *editor, int row)
{
    find<QListWidget>(editor, u"notificationChannels"_s)->setCurrentRow(row);
}

void addChannel(NotificationsEditor *editor, const QString &type)
{
    auto *add = find<QPushButton>(editor, u"addChannelButton"_s);
    for (QAction *action : add->menu()->actions()) {
        if (action->objectName() == u"add_" + type)
            action->trigger();
    }
}

} // namespace

void TestNotificationsTab::channelsComeBackAsTheyWent()
{
    const HeartbeatConfig original = withChannels();
    QVERIFY(!validateConfig(original));
    ConfigDialog dialog(original, true);
    NotificationsEditor *editor = dialog.notificationsEditor();
    QVERIFY(editor);
    QCOMPARE(dialog.tabs()->tabText(dialog.tabs()->indexOf(editor)), u"Notifications"_s);
    auto *list = find<QListWidget>(editor, u"notificationChannels"_s);
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->item(0)->text(), u"ops — Webhook"_s);
    QCOMPARE(list->item(2)->text(), u"tray — Desktop (off)"_s);

    // Each channel's form shows what it holds.
    selectChannel(editor, 0);
    QCOMPARE(find<QLineEdit>(editor, u"webhookUrl"_s)->text(),
             original.notifications.channels[0].url);
    QVERIFY(!find<QCheckBox>(editor, u"allKinds"_s)->isChecked());
    QVERIFY(find<QCheckBox>(editor, u"kind_machine_down"_s)->isChecked());
    QVERIFY(!find<QCheckBox>(editor, u"kind_breaker_opened"_s)->isChecked());
    QCOMPARE(find<QLineEdit>(editor, u"resendInterval"_s)->text(), u"30m"_s);
    selectChannel(editor, 1);
    QCOMPARE(find<QLineEdit>(editor, u"telegramBaseUrl"_s)->text(), u"http://127.0.0.1:9999"_s);
    QCOMPARE(find<QComboBox>(editor, u"minSeverity"_s)->currentData().toString(), u"critical"_s);
    QCOMPARE(find<QLineEdit>(editor, u"resendInterval"_s)->text(), u"1500ms"_s);
    selectChannel(editor, 2);
    QVERIFY(!find<QCheckBox>(editor, u"channelEnabled"_s)->isChecked());
    QVERIFY(find<QCheckBox>(editor, u"allKinds"_s)->isChecked());

    // Touch every channel's form (an edit and its undo) and a field on another tab: what
    // comes out is what went in, through the dialog and through config.json's JSON.
    for (int row = 0; row < 3; ++row) {
        selectChannel(editor, row);
        auto *name = find<QLineEdit>(editor, u"channelName"_s);
        const QString before = name->text();
        name->setText(before + u'x');
        name->setText(before);
        auto *kind = find<QCheckBox>(editor, u"kind_store_failed"_s);
        if (kind->isEnabled()) {
            kind->toggle();
            kind->toggle();
        }
    }
    auto *tick = qobject_cast<QLineEdit *>(dialog.editor(u"tick_interval_ms"_s));
    tick->setText(u"5000"_s);
    tick->setText(QString::number(original.tickIntervalMs));
    QVERIFY(dialog.isValid());
    QVERIFY(saveButton(dialog)->isEnabled());
    QCOMPARE(dialog.config().notifications, original.notifications);
    QVERIFY(dialog.config() == original);
    ConfigError error;
    const std::optional<HeartbeatConfig> reread = configFromJson(dialog.config().toJson(), &error);
    QVERIFY2(reread, qPrintable(error.toString()));
    QCOMPARE(reread->notifications, original.notifications);
}

void TestNotificationsTab::newWebhookIsEditedThroughTheForm()
{
    ConfigDialog dialog(HeartbeatConfig(), true);
    NotificationsEditor *editor = dialog.notificationsEditor();
    QVERIFY(find<QLabel>(editor, u"noChannels"_s)->isVisibleTo(editor));
    addChannel(editor, NotificationChannelType::Webhook);
    QCOMPARE(find<QListWidget>(editor, u"notificationChannels"_s)->count(), 1);
    QVERIFY(!dialog.isValid()); // a webhook needs its URL
    QVERIFY(!saveButton(dialog)->isEnabled());
    QVERIFY(find<QLabel>(editor, u"message_url"_s)->isVisibleTo(editor));

    find<QLineEdit>(editor, u"channelName"_s)->setText(u"ops"_s);
    find<QLineEdit>(editor, u"webhookUrl"_s)->setText(u"https://hooks.example.com/hb"_s);
    find<QCheckBox>(editor, u"allKinds"_s)->setChecked(false);
    for (const QString &kind : NotificationKind::all()) {
        find<QCheckBox>(editor, u"kind_" + kind)
            ->setChecked(kind == NotificationKind::MachineDown ||
                         kind == NotificationKind::BreakerOpened);
    }
    auto *severity = find<QComboBox>(editor, u"minSeverity"_s);
    severity->setCurrentIndex(severity->findData(u"critical"_s));
    find<QLineEdit>(editor, u"resendInterval"_s)->setText(u"2h"_s);
    QVERIFY2(dialog.isValid(), qPrintable(editor->shownError()));
    QVERIFY(saveButton(dialog)->isEnabled());

    const QVector<NotificationChannel> channels = dialog.config().notifications.channels;
    QCOMPARE(channels.size(), 1);
    const NotificationChannel &c = channels.constFirst();
    QCOMPARE(c.type, NotificationChannelType::Webhook);
    QCOMPARE(c.name, u"ops"_s);
    QVERIFY(c.enabled);
    QCOMPARE(c.url, u"https://hooks.example.com/hb"_s);
    QVERIFY(!webhookSecretKey(c.secret).isEmpty()); // one was made for it
    QCOMPARE(c.kinds,
             (QStringList{NotificationKind::MachineDown, NotificationKind::BreakerOpened}));
    QCOMPARE(c.minSeverity, u"critical"_s);
    QCOMPARE(c.resendIntervalMs, 2 * 3'600'000);
    QCOMPARE(find<QListWidget>(editor, u"notificationChannels"_s)->item(0)->text(),
             u"ops — Webhook"_s);

    // A Telegram chat beside it: its own form.
    addChannel(editor, NotificationChannelType::Telegram);
    QVERIFY(find<QLineEdit>(editor, u"telegramBotToken"_s)->isVisibleTo(editor));
    QVERIFY(!find<QLineEdit>(editor, u"webhookUrl"_s)->isVisibleTo(editor));
    QCOMPARE(find<QLineEdit>(editor, u"telegramBaseUrl"_s)->text(), u"https://api.telegram.org"_s);
    find<QLineEdit>(editor, u"telegramBotToken"_s)->setText(u"123:abc"_s);
    find<QLineEdit>(editor, u"telegramChatId"_s)->setText(u"42"_s);
    QVERIFY2(dialog.isValid(), qPrintable(editor->shownError()));
    QCOMPARE(dialog.config().notifications.channels.size(), 2);
    QCOMPARE(dialog.config().notifications.channels.at(1).chatId, u"42"_s);
    QCOMPARE(dialog.config().notifications.channels.at(1).name, u"telegram"_s);
}

void TestNotificationsTab::generateMakesAStandardWebhooksSecret()
{
    QSet<QString> seen;
    for (int i = 0; i < 20; ++i) {
        const QString secret = NotificationsEditor::generateSecret();
        QVERIFY(secret.startsWith(u"whsec_"_s));
        const QByteArray key = QByteArray::fromBase64(secret.mid(6).toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        QCOMPARE(key.size(), 32);
        QCOMPARE(webhookSecretKey(secret), key);
        seen.insert(secret);
    }
    QCOMPARE(seen.size(), 20);

    ConfigDialog dialog(withChannels(), true);
    NotificationsEditor *editor = dialog.notificationsEditor();
    selectChannel(editor, 0);
    const QString before = dialog.config().notifications.channels.at(0).secret;
    find<QPushButton>(editor, u"generateSecretButton"_s)->click();
    const QString after = find<QLineEdit>(editor, u"webhookSecret"_s)->text();
    QVERIFY(after != before);
    QCOMPARE(dialog.config().notifications.channels.at(0).secret, after);
    QVERIFY(dialog.isValid());
}

void TestNotificationsTab::problemsAreShownNextToTheirField_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("editor");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("webhook url") << 0 << "webhookUrl"
                                 << "ftp://x"
                                 << "message_url"
                                 << "http";
    QTest::newRow("secret") << 0 << "webhookSecret"
                            << "hunter2"
                            << "message_secret"
                            << "whsec_";
    QTest::newRow("name taken") << 1 << "channelName"
                                << "ops"
                                << "message_name"
                                << "ops";
    QTest::newRow("no chat") << 1 << "telegramChatId"
                             << ""
                             << "message_chat_id"
                             << "required";
    QTest::newRow("resend") << 2 << "resendInterval"
                            << "soon"
                            << "message_resend_interval_ms"
                            << "30m";
}

void TestNotificationsTab::problemsAreShownNextToTheirField()
{
    QFETCH(int, row);
    QFETCH(QString, editor);
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(QString, expected);
    ConfigDialog dialog(withChannels(), true);
    NotificationsEditor *notifications = dialog.notificationsEditor();
    selectChannel(notifications, row);
    auto *line = find<QLineEdit>(notifications, editor);
    const QString good = line->text();
    line->setText(text);
    QVERIFY(!dialog.isValid());
    QVERIFY(!saveButton(dialog)->isEnabled());
    auto *label = find<QLabel>(notifications, message);
    QVERIFY(label->isVisibleTo(notifications));
    QVERIFY2(label->text().contains(expected), qPrintable(label->text()));
    // Another channel selected: the problem is still said, above the form, with its channel.
    selectChannel(notifications, row == 0 ? 1 : 0);
    if (message != u"message_resend_interval_ms") {
        QVERIFY(!label->isVisibleTo(notifications));
        const QString top = find<QLabel>(notifications, u"notificationsError"_s)->text();
        QVERIFY2(top.contains(expected), qPrintable(top));
    }
    selectChannel(notifications, row);
    line->setText(good);
    QVERIFY(dialog.isValid());
    QVERIFY(notifications->shownError().isEmpty());
    QVERIFY(saveButton(dialog)->isEnabled());
}

void TestNotificationsTab::removingAChannelSavesWithoutIt()
{
    ConfigDialog dialog(withChannels(), true);
    NotificationsEditor *editor = dialog.notificationsEditor();
    selectChannel(editor, 1);
    find<QPushButton>(editor, u"removeChannelButton"_s)->click();
    QCOMPARE(find<QListWidget>(editor, u"notificationChannels"_s)->count(), 2);
    QVERIFY(dialog.isValid());
    const QVector<NotificationChannel> left = dialog.config().notifications.channels;
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.at(0).name, u"ops"_s);
    QCOMPARE(left.at(1).name, u"tray"_s);
}

void TestNotificationsTab::viewersCannotEdit()
{
    ConfigDialog dialog(withChannels(), false);
    NotificationsEditor *editor = dialog.notificationsEditor();
    QVERIFY(!find<QPushButton>(editor, u"addChannelButton"_s)->isEnabled());
    QVERIFY(!find<QPushButton>(editor, u"removeChannelButton"_s)->isEnabled());
    QVERIFY(!find<QLineEdit>(editor, u"webhookUrl"_s)->isEnabled());
    // Still readable.
    QCOMPARE(find<QListWidget>(editor, u"notificationChannels"_s)->count(), 3);
    QVERIFY(!find<QPushButton>(editor, u"addRuleButton"_s)->isEnabled());
    QCOMPARE(find<QTableWidget>(editor, u"dependencyRules"_s)->editTriggers(),
             QAbstractItemView::NoEditTriggers);
}

// The dependency rules are a table of root and held tasks; what is typed is checked by the
// rules config.json is read with, the problem shown under the table and Save disabled until
// it is fixed; what is saved is what the table shows.
void TestNotificationsTab::rulesAreEditedAndValidatedLikeTheFile()
{
    ConfigDialog dialog(withChannels(), true);
    NotificationsEditor *editor = dialog.notificationsEditor();
    auto *table = find<QTableWidget>(editor, u"dependencyRules"_s);
    QVERIFY(table);
    // The built-in rule, as config.json has it when it names none.
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), u"oracle_down"_s);
    QCOMPARE(table->item(0, 1)->text(), u"price_update, auto_liquidation"_s);
    QVERIFY(dialog.isValid());

    find<QPushButton>(editor, u"addRuleButton"_s)->click();
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(!dialog.isValid()); // "machine:" names no machine
    QVERIFY(!saveButton(dialog)->isEnabled());
    QVERIFY2(editor->shownError().startsWith(u"Rule 2:"), qPrintable(editor->shownError()));
    QVERIFY2(editor->shownError().contains(u"machine:NAME"), qPrintable(editor->shownError()));

    table->item(1, 0)->setText(u"machine:relay-1"_s);
    table->item(1, 1)->setText(u"oracle_monitoring, nonsense"_s);
    QVERIFY(!dialog.isValid());
    QVERIFY2(editor->shownError().contains(u"must be a task"), qPrintable(editor->shownError()));
    table->item(1, 1)->setText(u" oracle_monitoring ,price_update"_s);
    QVERIFY2(dialog.isValid(), qPrintable(editor->shownError()));
    QVERIFY(saveButton(dialog)->isEnabled());
    QVERIFY(editor->shownError().isEmpty());
    DependencyRule relay;
    relay.root = u"machine:relay-1"_s;
    relay.holds = {u"oracle_monitoring"_s, u"price_update"_s};
    const QVector<DependencyRule> expected{NotificationsConfig::defaultRules().constFirst(), relay};
    QCOMPARE(dialog.config().notifications.rules, expected);
    // Through config.json's JSON and back.
    ConfigError error;
    const std::optional<HeartbeatConfig> reread = configFromJson(dialog.config().toJson(), &error);
    QVERIFY2(reread, qPrintable(error.toString()));
    QCOMPARE(reread->notifications.rules, expected);

    // A root twice is refused, as in the file.
    table->item(1, 0)->setText(u"oracle_down"_s);
    table->item(1, 1)->setText(u"price_update"_s);
    QVERIFY(!dialog.isValid());
    QVERIFY2(editor->shownError().contains(u"unique"), qPrintable(editor->shownError()));

    // Removing the rule, then every rule: no rules is a valid choice (nothing is held).
    table->selectRow(1);
    find<QPushButton>(editor, u"removeRuleButton"_s)->click();
    QVERIFY(dialog.isValid());
    QCOMPARE(dialog.config().notifications.rules, NotificationsConfig::defaultRules());
    table->selectRow(0);
    find<QPushButton>(editor, u"removeRuleButton"_s)->click();
    QVERIFY(dialog.isValid());
    QVERIFY(dialog.config().notifications.rules.isEmpty());
    find<QPushButton>(editor, u"defaultRulesButton"_s)->click();
    QCOMPARE(dialog.config().notifications.rules, NotificationsConfig::defaultRules());
}

void TestNotificationsTab::screenshot()
{
    HB_SCREENSHOT_MODE(outDir, translator)
    ConfigDialog dialog(withChannels(), true);
    dialog.tabs()->setCurrentWidget(dialog.notificationsEditor());
    selectChannel(dialog.notificationsEditor(), 0);
    dialog.resize(dialog.sizeHint().width() + 60, 760); // the channel's form and the rules, whole
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(outDir + u"/notifications.png"_s));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestNotificationsTab)
#include "tst_notificationstab.moc"
