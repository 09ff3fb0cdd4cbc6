// The admin role in the real main window: a viewer starts read-only and is refused (and offered
// the unlock), the first unlock sets the passphrase (stored as a hash only), a wrong one is
// refused, and admin locks itself again after five idle minutes.

#include "mainwindowrig.h"

using namespace hb;
using namespace Qt::StringLiterals;
using namespace hb::test;

class TestAdminUnlock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void viewerIsRefusedWithAMessage();
    void startsAsViewerWithABannerWhenNoPassphraseIsSet();
    void firstUseSetsThePassphraseAsAHashOnly();
    void adminChangesThePassphrase();
    void wrongPassphraseIsRefused();
    void autoLocksAfterFiveIdleMinutes();
    void refusedViewerIsOfferedTheUnlock();
};

void TestAdminUnlock::viewerIsRefusedWithAMessage()
{
    Window w(Role::Viewer);
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().metrics.tickCount >= 1, 3000);
    QSignalSpy answered(w.window.get(), &MainWindow::commandAnswered);
    w.window->pauseAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 2000);
    QCOMPARE(answered.constFirst().at(1).toBool(), false);
    QVERIFY(w.window->lastCommandError().contains(u"admin"));
    QTest::qWait(300);
    QVERIFY(!w.shown().emergencyStop);
    QCOMPARE(w.shown().recentAudit.constLast().action, QStringLiteral("refused"));
}

void TestAdminUnlock::startsAsViewerWithABannerWhenNoPassphraseIsSet()
{
    Window w(Role::Viewer, false);
    QVERIFY(!w.session->isAdmin());
    QVERIFY(w.window->passphraseBannerShown());
    QVERIFY(w.window->unlockAction()->isVisible());
    QVERIFY(!w.window->lockAction()->isVisible());
}

void TestAdminUnlock::firstUseSetsThePassphraseAsAHashOnly()
{
    Window w(Role::Viewer, false);
    QSignalSpy set(w.session.get(), &AdminSession::passphraseSetFinished);
    w.window->unlockWith(QStringLiteral("short"));
    QTRY_COMPARE_WITH_TIMEOUT(set.size(), 1, 5000);
    QVERIFY(!w.session->isAdmin());
    QVERIFY(w.window->lastCommandError().contains(u"8"));

    w.window->unlockWith(kPassphrase);
    QTRY_COMPARE_WITH_TIMEOUT(set.size(), 2, 5000);
    QVERIFY(w.session->isAdmin());
    QVERIFY(!w.window->passphraseBannerShown());
    QVERIFY(w.window->lockAction()->isVisible());
    const QByteArray stored = readAll(w.dir.filePath(QStringLiteral("admin.json")));
    QVERIFY(stored.contains("pbkdf2_sha256"));
    QVERIFY(stored.contains("salt"));
    QVERIFY(!stored.contains(kPassphrase.toUtf8()));
    QTRY_COMPARE_WITH_TIMEOUT(
        w.shown().recentAudit.isEmpty() ? QString() : w.shown().recentAudit.constLast().action,
        QStringLiteral("admin_passphrase_set"), 2000);

    // Lock, then a correct unlock makes an admin again.
    w.window->lockAction()->trigger();
    QVERIFY(!w.session->isAdmin());
    QSignalSpy finished(w.session.get(), &AdminSession::unlockFinished);
    w.window->unlockWith(kPassphrase);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 3000);
    QVERIFY(w.session->isAdmin());
}

// An admin changes the passphrase: the old one no longer unlocks, the new one does, and the
// change is audited. A wrong current passphrase changes nothing.
void TestAdminUnlock::adminChangesThePassphrase()
{
    Window w(Role::Admin);
    QVERIFY(w.window->changePassphraseAction()->isVisible());
    const QString path = w.dir.filePath(QStringLiteral("admin.json"));
    const QByteArray before = readAll(path);
    QSignalSpy changed(w.session.get(), &AdminSession::passphraseChangeFinished);
    w.window->changePassphraseWith(QStringLiteral("not the passphrase"), u"a brand new one"_s);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
    QCOMPARE(changed.constFirst().constFirst().toBool(), false);
    QCOMPARE(w.window->lastCommandError(), u"The current passphrase is wrong."_s);
    QCOMPARE(readAll(path), before);

    w.window->changePassphraseWith(kPassphrase, u"a brand new one"_s);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 5000);
    QVERIFY(changed.last().constFirst().toBool());
    QVERIFY(readAll(path) != before);
    QTRY_COMPARE_WITH_TIMEOUT(
        w.shown().recentAudit.isEmpty() ? QString() : w.shown().recentAudit.constLast().action,
        QStringLiteral("admin_passphrase_changed"), 2000);

    w.window->lockAction()->trigger();
    QVERIFY(!w.window->changePassphraseAction()->isVisible());
    QSignalSpy unlocked(w.session.get(), &AdminSession::unlockFinished);
    w.window->unlockWith(kPassphrase);
    QTRY_COMPARE_WITH_TIMEOUT(unlocked.size(), 1, 5000);
    QVERIFY(!w.session->isAdmin());
    w.window->unlockWith(u"a brand new one"_s);
    QTRY_COMPARE_WITH_TIMEOUT(unlocked.size(), 2, 5000);
    QVERIFY(w.session->isAdmin());
}

void TestAdminUnlock::wrongPassphraseIsRefused()
{
    Window w(Role::Viewer);
    QVERIFY(!w.session->isAdmin());
    QVERIFY(!w.window->passphraseBannerShown());
    QSignalSpy finished(w.session.get(), &AdminSession::unlockFinished);
    w.window->unlockWith(QStringLiteral("not the passphrase"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 3000);
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    QVERIFY(!w.session->isAdmin());
    QCOMPARE(w.window->lastCommandError(), QStringLiteral("Wrong passphrase"));
    QTRY_COMPARE_WITH_TIMEOUT(
        w.shown().recentAudit.isEmpty() ? QString() : w.shown().recentAudit.constLast().action,
        QStringLiteral("admin_unlock_refused"), 2000);
    // Still refused by the engine, too.
    QSignalSpy answered(w.window.get(), &MainWindow::commandAnswered);
    w.window->emergencyPause(QStringLiteral("try"));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 2000);
    QCOMPARE(answered.constFirst().at(1).toBool(), false);
}

void TestAdminUnlock::autoLocksAfterFiveIdleMinutes()
{
    Window w(Role::Admin);
    QVERIFY(w.session->isAdmin());
    QSignalSpy locked(w.session.get(), &AdminSession::autoLocked);
    w.clock->advance(AdminSession::IdleLockMs - 1000);
    w.session->checkIdle();
    QVERIFY(w.session->isAdmin());
    // Activity restarts the idle time.
    QTest::mouseMove(w.window.get(), QPoint(10, 10));
    w.session->noteActivity();
    w.clock->advance(AdminSession::IdleLockMs - 1000);
    w.session->checkIdle();
    QVERIFY(w.session->isAdmin());
    w.clock->advance(1000);
    w.session->checkIdle();
    QVERIFY(!w.session->isAdmin());
    QCOMPARE(locked.size(), 1);
    QVERIFY(w.window->unlockAction()->isVisible());
}

// A viewer presses Emergency pause: the engine refuses (and audits it), and the dialog that
// says so offers the unlock. Unlocked, the pause is not retried behind the admin's back.
void TestAdminUnlock::refusedViewerIsOfferedTheUnlock()
{
    Window w(Role::Viewer);
    w.window->setConfirmationsEnabled(true);
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().metrics.tickCount >= 1, 3000);
    QVERIFY(!w.session->isAdmin());

    QStringList seen; // the dialogs, in the order they came
    QTimer driver;
    driver.setInterval(50);
    QObject::connect(&driver, &QTimer::timeout, &driver, [&seen] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            auto *unlock = box->findChild<QPushButton *>(u"offerUnlockButton"_s);
            seen << (unlock ? u"refused: "_s : u"unexpected: "_s) + box->text();
            if (unlock)
                unlock->click();
            else
                box->reject();
        } else if (auto *input = qobject_cast<QInputDialog *>(modal)) {
            seen << u"passphrase"_s;
            input->setTextValue(kPassphrase);
            input->accept();
        }
    });
    driver.start();
    w.window->pauseAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w.session->isAdmin(), 5000);
    driver.stop();

    QCOMPARE(seen.size(), 2);
    QVERIFY2(seen.at(0).contains(u"admin"), qPrintable(seen.at(0)));
    QCOMPARE(seen.at(1), u"passphrase"_s);
    QTest::qWait(3 * HeartbeatEngine::SnapshotIntervalMs);
    QVERIFY2(!w.shown().emergencyStop, "the refused pause is not retried by itself");
    bool refusedAudited = false;
    for (const AuditEntry &e : w.shown().recentAudit)
        refusedAudited = refusedAudited || (e.action == u"refused" && e.detail.contains(u"pause"));
    QVERIFY(refusedAudited);
}

QTEST_MAIN(TestAdminUnlock)
#include "tst_adminunlock.moc"
