// The Notifications dock on a real data directory: the delivery log shows what metrics.db holds
// (newest first, the status as a coloured word) and follows the notifier as it records
// deliveries; an admin creates a silence in the New silence dialog and ends it with End now,
// both through the engine's commands, so they are in the audit log under the admin's name.

#include "adminsession.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "modaldriver.h"
#include "notificationspanel.h"
#include "notify/notifier.h"
#include "screenshotmode.h"
#include "store/metricsstore.h"
#include "store/metricswriter.h"
#include "store/notificationstore.h"
#include "testsupport.h"
#include "testtasks.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace Qt::StringLiterals;
using namespace hb;
using namespace hb::test;

namespace {

const QString kPassphrase = u"correct horse battery"_s;

// The main window over an engine that writes DATA/metrics.db, as the dashboard runs it.
struct Rig
{
    QTemporaryDir dir;
    std::shared_ptr<FakeClock> adminClock = std::make_shared<FakeClock>();
    std::unique_ptr<MetricsWriter> writer;
    std::unique_ptr<EngineHost> host;
    std::unique_ptr<AdminSession> session;
    std::unique_ptr<MainWindow> window;

    explicit Rig(bool admin)
    {
        writer =
            std::make_unique<MetricsWriter>(std::make_unique<MetricsStore>(metricsPath()),
                                            RetentionPolicy{}, std::make_shared<SystemClock>());
        EngineOptions o;
        o.clock = std::make_shared<SystemClock>();
        o.config.taskTimeoutMs = 2'000;
        o.tickIntervalOverrideMs = 100;
        o.tasks = {std::make_shared<ScriptedTask>(TaskName::PriceUpdate),
                   std::make_shared<SlowTask>(50)};
        o.writer = writer.get();
        host = std::make_unique<EngineHost>(std::move(o));
        session =
            std::make_unique<AdminSession>(dir.filePath(u"admin.json"_s), u"tester"_s, adminClock);
        window = std::make_unique<MainWindow>(*host, *session, std::make_shared<SystemClock>(),
                                              dir.path());
        QSignalSpy set(session.get(), &AdminSession::passphraseSetFinished);
        session->setPassphrase(kPassphrase);
        const bool ok = set.wait(10'000) && set.constFirst().constFirst().toBool();
        Q_ASSERT(ok);
        if (!admin)
            session->lock();
        window->show();
        host->start();
    }
    ~Rig()
    {
        host->stop();
        window.reset();
        writer->stop();
    }
    QString metricsPath() const { return dir.filePath(u"metrics.db"_s); }
    NotificationsPanel *panel() const { return window->notificationsPanel(); }

    // audit_log rows of `action` by the rig's admin whose detail contains `text`.
    int audited(const QString &action, const QString &text) const
    {
        writer->flush();
        SQLite::Database db(metricsPath().toStdString(), SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT count(*) FROM audit_log WHERE action = ?1 AND actor = "
                                "'tester' AND detail LIKE ?2");
        q.bind(1, action.toStdString());
        q.bind(2, QString(u'%' + text + u'%').toStdString());
        q.executeStep();
        return q.getColumn(0).getInt();
    }
};

using hb::test::ModalDriver;

int rowWithReason(const NotificationsPanel *panel, const QString &reason)
{
    QTableWidget *t = panel->silencesTable();
    for (int r = 0; r < t->rowCount(); ++r) {
        if (t->item(r, 2) && t->item(r, 2)->text() == reason)
            return r;
    }
    return -1;
}

QString cellText(QTableWidget *t, int row, int column)
{
    return t->item(row, column) ? t->item(row, column)->text() : QString();
}

} // namespace

class TestNotificationsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dockIsInTheViewMenuOnCtrl7();
    void deliveryLogShowsMetricsDbAndFollowsTheNotifier();
    void deliveryLogPagesOlderRowsAndRereadsWhileVisible();
    void adminCreatesAndEndsASilenceAudited();
    void viewerCannotChangeSilences();
    void recurringSilenceShowsItsNextTimeAndRefusesABadExpression();
    void screenshot();
};

void TestNotificationsPanel::dockIsInTheViewMenuOnCtrl7()
{
    Rig rig(true);
    auto *dock = rig.window->findChild<QDockWidget *>(u"notificationsDock"_s);
    QVERIFY(dock);
    QCOMPARE(dock->widget(), rig.panel());
    auto *go = rig.window->findChild<QAction *>(u"goTo_notificationsDock"_s);
    QVERIFY(go);
    QCOMPARE(go->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_7));
    dock->hide();
    go->trigger();
    QVERIFY(dock->isVisible());
    QCOMPARE(rig.panel()->tabs()->count(), 2); // delivery log, silences (held: the Alerts tree)
}

void TestNotificationsPanel::deliveryLogShowsMetricsDbAndFollowsTheNotifier()
{
    Rig rig(true);
    NotificationsPanel *panel = rig.panel();
    QTableWidget *log = panel->deliveriesTable();
    {
        NotificationStore store(rig.metricsPath());
        DeliveryRecord r;
        r.tsMs = QDateTime::currentMSecsSinceEpoch() - 60'000;
        r.channel = u"ops"_s;
        r.eventUid = u"e1"_s;
        r.kind = u"machine_down"_s;
        r.attempt = 5;
        r.status = DeliveryStatus::Failed;
        r.error = u"HTTP 500"_s;
        store.recordDelivery(r, true);
    }
    panel->refreshDeliveries();
    // (A read begun before the row was written may answer first.)
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 1, 5'000);
    QCOMPARE(cellText(log, 0, 1), u"ops"_s);
    QCOMPARE(cellText(log, 0, 2), u"machine_down"_s);
    QCOMPARE(cellText(log, 0, 3), u"5"_s);
    QCOMPARE(cellText(log, 0, 4), u"failed"_s);
    QCOMPARE(log->item(0, 4)->foreground().color(), QColor(0xc6, 0x28, 0x28));
    QCOMPARE(cellText(log, 0, 5), u"HTTP 500"_s);

    // A real notifier with a desktop channel: its delivery appears without anyone refreshing,
    // above the older row.
    NotifierOptions o;
    o.metricsPath = rig.metricsPath();
    o.desktop = true;
    NotificationChannel desktop;
    desktop.type = NotificationChannelType::Desktop;
    desktop.name = u"screen"_s;
    o.config.channels = {desktop};
    o.desktop = true;
    Notifier notifier(o);
    rig.window->setNotifier(&notifier);
    notifier.start();
    MachineTransition t;
    t.machine = u"relay-1"_s;
    t.from = MachineState::Up;
    t.to = MachineState::Down;
    t.atMs = QDateTime::currentMSecsSinceEpoch();
    t.lastSeenMs = t.atMs - 120'000;
    t.reason = u"no heartbeat for 2m"_s;
    notifier.onMachineTransition(t);
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 2, 10'000);
    QCOMPARE(cellText(log, 0, 1), u"screen"_s);
    QCOMPARE(cellText(log, 0, 4), u"sent"_s);
    QCOMPARE(cellText(log, 1, 1), u"ops"_s);
    rig.window->setNotifier(nullptr);
    notifier.stop();
}

// The log shows the newest page; Load older adds the page before it until none is left; a row
// written by another process (no signal from this one's notifier) appears while the dock is in
// view.
void TestNotificationsPanel::deliveryLogPagesOlderRowsAndRereadsWhileVisible()
{
    Rig rig(true);
    NotificationsPanel *panel = rig.panel();
    QTableWidget *log = panel->deliveriesTable();
    constexpr int kRows = 2 * NotificationsPanel::DeliveryPage + 50;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - kRows * 1000;
    {
        NotificationStore store(rig.metricsPath());
        for (int i = 0; i < kRows; ++i) {
            DeliveryRecord r;
            r.tsMs = start + i * 1000;
            r.channel = u"ops-%1"_s.arg(i);
            r.eventUid = u"e%1"_s.arg(i);
            r.kind = u"machine_down"_s;
            r.attempt = 1;
            r.status = DeliveryStatus::Sent;
            store.recordDelivery(r, true);
        }
    }
    QSignalSpy loaded(panel, &NotificationsPanel::deliveriesLoaded);
    panel->refreshDeliveries();
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), NotificationsPanel::DeliveryPage, 10'000);
    QCOMPARE(cellText(log, 0, 1), u"ops-%1"_s.arg(kRows - 1)); // newest first
    QPushButton *older = panel->loadOlderButton();
    QVERIFY(older->isEnabled());
    older->click();
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 2 * NotificationsPanel::DeliveryPage, 10'000);
    QCOMPARE(cellText(log, NotificationsPanel::DeliveryPage, 1),
             u"ops-%1"_s.arg(kRows - 1 - NotificationsPanel::DeliveryPage));
    QTRY_VERIFY_WITH_TIMEOUT(older->isEnabled(), 10'000);
    older->click();
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), kRows, 10'000);
    QCOMPARE(cellText(log, kRows - 1, 1), u"ops-0"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!older->isEnabled(), 10'000); // nothing older is left

    // Another process writes to metrics.db: shown without any signal here, while in view, with
    // the older pages kept.
    panel->setDeliveryPollInterval(200);
    rig.window->findChild<QAction *>(u"goTo_notificationsDock"_s)->trigger();
    QTRY_VERIFY(panel->isVisible());
    loaded.clear();
    QVERIFY(loaded.wait(5'000)); // the read on showing is over: what follows is the poll's
    {
        NotificationStore other(rig.metricsPath());
        DeliveryRecord r;
        r.tsMs = QDateTime::currentMSecsSinceEpoch();
        r.channel = u"from-heartbeatd"_s;
        r.eventUid = u"late"_s;
        r.kind = u"machine_up"_s;
        r.attempt = 1;
        r.status = DeliveryStatus::Sent;
        other.recordDelivery(r, true);
    }
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), kRows + 1, 5'000);
    QCOMPARE(cellText(log, 0, 1), u"from-heartbeatd"_s);
    QCOMPARE(cellText(log, kRows, 1), u"ops-0"_s);
}

void TestNotificationsPanel::adminCreatesAndEndsASilenceAudited()
{
    Rig rig(true);
    NotificationsPanel *panel = rig.panel();
    panel->tabs()->setCurrentIndex(1);
    auto *newButton = panel->findChild<QPushButton *>(u"newSilenceButton"_s);
    auto *endButton = panel->findChild<QPushButton *>(u"endSilenceButton"_s);
    QVERIFY(newButton && endButton);
    QTRY_VERIFY(newButton->isEnabled());

    bool okWasDisabledWithoutReason = false;
    ModalDriver fill([&](QWidget *modal) {
        if (modal->objectName() != u"newSilenceDialog")
            return false;
        auto *buttons = modal->findChild<QDialogButtonBox *>();
        auto *from = modal->findChild<QDateTimeEdit *>(u"silenceFrom"_s);
        auto *to = modal->findChild<QDateTimeEdit *>(u"silenceTo"_s);
        // Now to an hour from now by default.
        if (qAbs(from->dateTime().secsTo(to->dateTime()) - 3600) > 1)
            return false;
        okWasDisabledWithoutReason = !buttons->button(QDialogButtonBox::Ok)->isEnabled();
        modal->findChild<QLineEdit *>(u"silenceReason"_s)->setText(u"relay maintenance"_s);
        modal->findChild<QLineEdit *>(u"silenceMachine"_s)->setText(u"relay-1"_s);
        auto *kind = modal->findChild<QComboBox *>(u"silenceKind"_s);
        kind->setCurrentIndex(kind->findData(u"machine_down"_s));
        buttons->button(QDialogButtonBox::Ok)->click();
        return true;
    });
    QTimer::singleShot(0, newButton, &QPushButton::click);
    QTRY_VERIFY_WITH_TIMEOUT(fill.done(), 5'000);
    QVERIFY(okWasDisabledWithoutReason);

    QTRY_VERIFY_WITH_TIMEOUT(rowWithReason(panel, u"relay maintenance"_s) >= 0, 5'000);
    const int row = rowWithReason(panel, u"relay maintenance"_s);
    QTableWidget *table = panel->silencesTable();
    QCOMPARE(cellText(table, row, 4), u"tester"_s);
    QVERIFY(cellText(table, row, 3).contains(u"relay-1"_s));
    QVERIFY(cellText(table, row, 3).contains(u"machine_down"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rig.audited(u"silence_add"_s, u"relay maintenance"_s), 1, 5'000);
    const qint64 id = panel->silences().at(row).id;
    QVERIFY(id > 0);

    // End now asks first; Cancel leaves it.
    table->selectRow(row);
    QVERIFY(endButton->isEnabled());
    ModalDriver cancel([](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box || box->objectName() != u"endSilenceConfirmation")
            return false;
        box->button(QMessageBox::Cancel)->click();
        return true;
    });
    QTimer::singleShot(0, endButton, &QPushButton::click);
    QTRY_VERIFY_WITH_TIMEOUT(cancel.done(), 5'000);
    QTest::qWait(200);
    QCOMPARE(rig.audited(u"silence_end"_s, QString::number(id)), 0);
    QVERIFY(rowWithReason(panel, u"relay maintenance"_s) >= 0);

    ModalDriver confirm([](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box || box->objectName() != u"endSilenceConfirmation")
            return false;
        box->findChild<QPushButton *>(u"endSilenceConfirm"_s)->click();
        return true;
    });
    QTimer::singleShot(0, endButton, &QPushButton::click);
    QTRY_VERIFY_WITH_TIMEOUT(confirm.done(), 5'000);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithReason(panel, u"relay maintenance"_s) < 0, 5'000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.audited(u"silence_end"_s, QString()), 1, 5'000);
}

void TestNotificationsPanel::recurringSilenceShowsItsNextTimeAndRefusesABadExpression()
{
    Rig rig(true);
    NotificationsPanel *panel = rig.panel();
    panel->tabs()->setCurrentIndex(1);
    auto *newButton = panel->findChild<QPushButton *>(u"newSilenceButton"_s);
    QTRY_VERIFY(newButton->isEnabled());

    QString refusal;
    QString next;
    ModalDriver fill([&](QWidget *modal) {
        if (modal->objectName() != u"newSilenceDialog")
            return false;
        auto *ok = modal->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        modal->findChild<QLineEdit *>(u"silenceReason"_s)->setText(u"weekly window"_s);
        modal->findChild<QCheckBox *>(u"silenceRepeat"_s)->setChecked(true);
        auto *cron = modal->findChild<QLineEdit *>(u"silenceCron"_s);
        cron->setText(u"0 25 * * sun"_s);
        refusal = modal->findChild<QLabel *>(u"silenceProblem"_s)->text();
        if (ok->isEnabled())
            refusal += u" (but OK was enabled)"_s;
        cron->setText(u"0 2 * * sun"_s);
        modal->findChild<QLineEdit *>(u"silenceDuration"_s)->setText(u"2h"_s);
        modal->findChild<QComboBox *>(u"silenceZone"_s)->setCurrentText(u"Asia/Jakarta"_s);
        next = modal->findChild<QLabel *>(u"silenceNext"_s)->text();
        // The picture of the dialog in screenshot mode (docs/).
        if (const QString dir = qEnvironmentVariable("HB_SCREENSHOT_DIR"); !dir.isEmpty())
            modal->grab().save(dir + u"/silence-recurring.png"_s);
        ok->click();
        return true;
    });
    QTimer::singleShot(0, newButton, &QPushButton::click);
    QTRY_VERIFY_WITH_TIMEOUT(fill.done(), 5'000);
    QCOMPARE(refusal, u"Runs at: position 2: hour 25 is out of range 0-23"_s);
    QVERIFY2(next.startsWith(u"Next: "_s), qPrintable(next));

    QTRY_VERIFY_WITH_TIMEOUT(rowWithReason(panel, u"weekly window"_s) >= 0, 5'000);
    const int row = rowWithReason(panel, u"weekly window"_s);
    QVERIFY2(cellText(panel->silencesTable(), row, 0)
                 .endsWith(u", every 0 2 * * sun for 2h (Asia/Jakarta)"_s),
             qPrintable(cellText(panel->silencesTable(), row, 0)));
    const NotificationSilence stored = panel->silences().at(row);
    QCOMPARE(stored.cron, u"0 2 * * sun"_s);
    QCOMPARE(stored.durationMs, 7'200'000);
    QCOMPARE(stored.tz, u"Asia/Jakarta"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rig.audited(u"silence_add"_s, u"0 2 * * sun"_s), 1, 5'000);
}

void TestNotificationsPanel::viewerCannotChangeSilences()
{
    Rig rig(false);
    NotificationsPanel *panel = rig.panel();
    QVERIFY(!panel->isAdmin());
    QVERIFY(!panel->findChild<QPushButton *>(u"newSilenceButton"_s)->isEnabled());
    QVERIFY(!panel->findChild<QPushButton *>(u"endSilenceButton"_s)->isEnabled());
}

// HB_SCREENSHOT_DIR=DIR (and HB_SCREENSHOT_QM=FILE.qm for a translation) saves the dock's
// delivery log.
void TestNotificationsPanel::screenshot()
{
    HB_SCREENSHOT_MODE(outDir, translator)
    QTemporaryDir dir;
    const QString path = dir.filePath(u"metrics.db"_s);
    { MetricsStore migrate(path); }
    const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    struct Row
    {
        qint64 agoS;
        const char *channel;
        const char *kind;
        int attempt;
        QString status;
        const char *error;
    };
    const Row rows[] = {
        {2520, "ops", "machine_down", 1, DeliveryStatus::Sent, ""},
        {2520, "on-call", "machine_down", 1, DeliveryStatus::Retrying, "HTTP 502 Bad Gateway"},
        {2510, "on-call", "machine_down", 2, DeliveryStatus::Sent, ""},
        {840, "ops", "alert_raised", 1, DeliveryStatus::Sent, ""},
        {840, "tray", "alert_raised", 1, DeliveryStatus::Sent, ""},
        {660, "ops", "breaker_opened", 1, DeliveryStatus::Held, ""},
        {540, "ops", "breaker_opened", 1, DeliveryStatus::Held, ""},
        {300, "on-call", "alert_raised", 5, DeliveryStatus::Failed, "timed out after 10 s"},
        {120, "ops", "machine_up", 1, DeliveryStatus::Silenced, ""},
    };
    {
        NotificationStore store(path);
        for (const Row &row : rows) {
            DeliveryRecord r;
            r.tsMs = now - row.agoS * 1000;
            r.channel = QString::fromLatin1(row.channel);
            r.eventUid = QString::number(row.agoS);
            r.kind = QString::fromLatin1(row.kind);
            r.attempt = row.attempt;
            r.status = row.status;
            r.error = QString::fromLatin1(row.error);
            store.recordDelivery(r, true);
        }
    }
    NotificationsPanel panel(dir.path());
    panel.resize(900, 320);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_COMPARE_WITH_TIMEOUT(panel.deliveriesTable()->rowCount(), int(std::size(rows)), 5'000);
    QVERIFY(panel.grab().save(outDir + u"/notifications-dock.png"_s));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestNotificationsPanel)
#include "tst_notificationspanel.moc"
