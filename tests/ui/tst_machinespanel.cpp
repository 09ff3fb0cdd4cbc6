// The Machines panel in the real main window on a real data directory: an admin adds a machine
// (its push token shown once, with the curl line, and it is the token machines.json accepts),
// pauses, resumes and removes it (after confirming), each change audited under the admin's
// name; viewers see the list but change nothing; locking closes the Add dialog with its token.
// HB_SCREENSHOT_DIR=DIR (and HB_SCREENSHOT_QM=FILE.qm for a translation) saves the panel and
// the Add dialog.

#include "addmachinedialog.h"
#include "chartpanel.h"
#include "machinelistmodel.h"
#include "machines/machinemonitor.h"
#include "machinespanel.h"
#include "mainwindowrig.h"
#include "modaldriver.h"
#include "screenshotmode.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTranslator>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

class TestMachinesPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addShowsTheTokenOnceAndItWorks();
    void badInputIsExplainedInTheForm();
    void pauseResumeAndRemoveChangeMachinesJson();
    void removeAsksFirst();
    void viewersSeeButCannotChange();
    void lockingClosesTheAddDialog();
    void machinesDockIsInTheViewMenu();
    void desktopChannelMessagesAreShown();
    void aRealMonitorDrivesStatesAndMarkers();
    void screenshot();
};

namespace {

using hb::test::ModalDriver;

bool fillNewMachine(QWidget *modal, const QString &name, const QString &offlineAfter)
{
    auto *nameEdit = modal->findChild<QLineEdit *>(u"machineName"_s);
    auto *offline = modal->findChild<QLineEdit *>(u"offlineAfter"_s);
    auto *buttons = modal->findChild<QDialogButtonBox *>();
    if (!nameEdit || !offline || !buttons || !nameEdit->isVisible())
        return false;
    nameEdit->setText(name);
    offline->setText(offlineAfter);
    buttons->button(QDialogButtonBox::Ok)->click();
    return true;
}

QPushButton *button(MachinesPanel *panel, const QString &name)
{
    return panel->findChild<QPushButton *>(name);
}

bool selectMachine(MachinesPanel *panel, const QString &name)
{
    for (int row = 0; row < panel->model()->rowCount(); ++row) {
        if (panel->model()->nameAt(row) == name) {
            panel->view()->selectRow(row);
            return true;
        }
    }
    return false;
}

std::optional<MachineEntry> onDisk(const QString &dir, const QString &name)
{
    MachineRegistry registry(dir);
    registry.reloadIfChanged();
    return registry.find(name);
}

QString stateOf(MachinesPanel *panel, const QString &name)
{
    for (int row = 0; row < panel->model()->rowCount(); ++row) {
        if (panel->model()->nameAt(row) == name)
            return panel->model()->index(row, MachineListModel::StateColumn).data().toString();
    }
    return {};
}

// The engine's audit tail holds `action` for `machine`, by the rig's admin.
bool audited(const Window &w, const QString &action, const QString &machine)
{
    for (const AuditEntry &e : w.shown().recentAudit) {
        if (e.action == action && e.actor == u"tester" && e.detail.contains(machine))
            return true;
    }
    return false;
}

} // namespace

void TestMachinesPanel::addShowsTheTokenOnceAndItWorks()
{
    Window w(Role::Admin);
    MachinesPanel *panel = w.window->machinesPanel();
    QVERIFY(panel);
    QCOMPARE(panel->model()->rowCount(), 0);
    QVERIFY(panel->view()->showsEmptyText());
    QVERIFY(button(panel, u"addMachineButton"_s)->isEnabled());

    QString token;
    QString curl;
    QString warning;
    bool copied = false;
    ModalDriver driver([&](QWidget *modal) {
        auto *dialog = qobject_cast<AddMachineDialog *>(modal);
        if (!dialog)
            return false;
        auto *tokenEdit = dialog->findChild<QLineEdit *>(u"machineToken"_s);
        if (!tokenEdit->isVisible()) {
            fillNewMachine(dialog, u"oracle-relay-1"_s, u"90s"_s);
            return false;
        }
        token = tokenEdit->text();
        curl = dialog->curlLine();
        warning = dialog->findChild<QLabel *>(u"tokenWarning"_s)->text();
        dialog->findChild<QPushButton *>(u"copyTokenButton"_s)->click();
        copied = QGuiApplication::clipboard()->text() == token;
        dialog->findChild<QPushButton *>(u"copyCurlButton"_s)->click();
        copied = copied && QGuiApplication::clipboard()->text() == curl;
        dialog->findChild<QPushButton *>(u"closeTokenButton"_s)->click();
        return true;
    });
    button(panel, u"addMachineButton"_s)->click();
    QVERIFY(driver.done());

    QVERIFY2(token.startsWith(u"hbm_"_s), qPrintable(token));
    QVERIFY(copied);
    QVERIFY(warning.contains(u"not be shown again"_s));
    QCOMPARE(curl, u"curl -fsS -X POST -H \"Authorization: Bearer %1\" "
                   "http://127.0.0.1:8089/api/v1/machines/oracle-relay-1/heartbeat"_s.arg(token));

    // Registered as typed, and the token shown is the one it accepts.
    const std::optional<MachineEntry> entry = onDisk(w.dir.path(), u"oracle-relay-1"_s);
    QVERIFY(entry);
    QCOMPARE(entry->offlineAfterMs, 90'000);
    QVERIFY(!entry->paused);
    MachineRegistry registry(w.dir.path());
    QVERIFY(registry.reloadIfChanged());
    QVERIFY(registry.authenticate(u"oracle-relay-1"_s, token.toLatin1()));
    QVERIFY(!registry.authenticate(u"oracle-relay-1"_s, QByteArrayLiteral("hbm_wrong")));

    // Listed at once, new until it pings, and selected.
    QCOMPARE(panel->model()->rowCount(), 1);
    QCOMPARE(stateOf(panel, u"oracle-relay-1"_s), u"○ new"_s);
    QCOMPARE(panel->model()->index(0, MachineListModel::OfflineAfterColumn).data().toString(),
             u"1 min 30 s"_s);
    QCOMPARE(panel->view()->selectionModel()->selectedRows().size(), 1);
    // Nowhere in the window afterwards.
    for (QLineEdit *edit : w.window->findChildren<QLineEdit *>())
        QVERIFY(!edit->text().contains(token));
    for (QPlainTextEdit *edit : w.window->findChildren<QPlainTextEdit *>())
        QVERIFY(!edit->toPlainText().contains(token));

    QTRY_VERIFY(audited(w, u"machine_add"_s, u"oracle-relay-1"_s));
}

void TestMachinesPanel::badInputIsExplainedInTheForm()
{
    Window w(Role::Admin);
    MachinesPanel *panel = w.window->machinesPanel();
    MachineRegistry registry(w.dir.path());
    QString error;
    QVERIFY(registry.add(u"batch-2"_s, 120'000, &error));

    QStringList shown;
    int step = 0;
    ModalDriver driver([&](QWidget *modal) {
        auto *label = modal->findChild<QLabel *>(u"addMachineError"_s);
        if (!label)
            return false;
        if (step > 0 && label->isVisible())
            shown << label->text();
        switch (step++) {
        case 0:
            fillNewMachine(modal, u"batch-2"_s, u"2m"_s); // taken
            return false;
        case 1:
            fillNewMachine(modal, u"batch-3"_s, u"soon"_s); // not a length
            return false;
        case 2:
            fillNewMachine(modal, u"batch-3"_s, u"31d"_s); // out of range
            return false;
        default:
            qobject_cast<QDialog *>(modal)->reject();
            return true;
        }
    });
    button(panel, u"addMachineButton"_s)->click();
    QVERIFY(driver.done());
    QCOMPARE(shown.size(), 3);
    QVERIFY2(shown.at(0).contains(u"batch-2"_s), qPrintable(shown.at(0)));
    QVERIFY2(shown.at(1).contains(u"90s"_s), qPrintable(shown.at(1)));
    QVERIFY2(shown.at(2).contains(u"30"_s), qPrintable(shown.at(2)));
    QVERIFY(!onDisk(w.dir.path(), u"batch-3"_s));
}

void TestMachinesPanel::pauseResumeAndRemoveChangeMachinesJson()
{
    Window w(Role::Admin);
    MachinesPanel *panel = w.window->machinesPanel();
    MachineRegistry registry(w.dir.path());
    QString error;
    QVERIFY(registry.add(u"api-3"_s, 120'000, &error));
    QVERIFY(registry.add(u"db-4"_s, 60'000, &error));
    panel->refresh();
    QCOMPARE(panel->model()->rowCount(), 2);

    QPushButton *pause = button(panel, u"pauseMachineButton"_s);
    QVERIFY(!pause->isEnabled()); // nothing selected
    QVERIFY(selectMachine(panel, u"db-4"_s));
    QVERIFY(pause->isEnabled());
    QCOMPARE(pause->text().remove(u'&'), u"Pause"_s);
    pause->click();
    QVERIFY(onDisk(w.dir.path(), u"db-4"_s)->paused);
    QVERIFY(!onDisk(w.dir.path(), u"api-3"_s)->paused);
    QCOMPARE(stateOf(panel, u"db-4"_s), u"‖ paused"_s);
    QCOMPARE(pause->text().remove(u'&'), u"Resume"_s);
    QTRY_VERIFY(audited(w, u"machine_pause"_s, u"db-4"_s));

    pause->click();
    QVERIFY(!onDisk(w.dir.path(), u"db-4"_s)->paused);
    QCOMPARE(pause->text().remove(u'&'), u"Pause"_s);
    QTRY_VERIFY(audited(w, u"machine_resume"_s, u"db-4"_s));

    ModalDriver confirm([](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box || box->objectName() != u"removeMachineConfirmation")
            return false;
        box->findChild<QPushButton *>(u"confirmRemoveButton"_s)->click();
        return true;
    });
    button(panel, u"removeMachineButton"_s)->click();
    QVERIFY(confirm.done());
    QVERIFY(!onDisk(w.dir.path(), u"db-4"_s));
    QVERIFY(onDisk(w.dir.path(), u"api-3"_s));
    QCOMPARE(panel->model()->rowCount(), 1);
    QCOMPARE(panel->model()->nameAt(0), u"api-3"_s);
    QTRY_VERIFY(audited(w, u"machine_remove"_s, u"db-4"_s));
}

void TestMachinesPanel::removeAsksFirst()
{
    Window w(Role::Admin);
    MachinesPanel *panel = w.window->machinesPanel();
    MachineRegistry registry(w.dir.path());
    QString error;
    QVERIFY(registry.add(u"api-3"_s, 120'000, &error));
    panel->refresh();
    QVERIFY(selectMachine(panel, u"api-3"_s));
    QString question;
    ModalDriver cancel([&question](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box)
            return false;
        question = box->text();
        box->button(QMessageBox::Cancel)->click();
        return true;
    });
    button(panel, u"removeMachineButton"_s)->click();
    QVERIFY(cancel.done());
    QVERIFY(question.contains(u"api-3"_s));
    QVERIFY(onDisk(w.dir.path(), u"api-3"_s));
    QCOMPARE(panel->model()->rowCount(), 1);
}

void TestMachinesPanel::viewersSeeButCannotChange()
{
    Window w(Role::Viewer);
    MachinesPanel *panel = w.window->machinesPanel();
    QVERIFY(!button(panel, u"addMachineButton"_s)->isEnabled());
    // Added elsewhere (`heartbeatd machine add`): listed within a second or so.
    MachineRegistry registry(w.dir.path());
    QString error;
    QVERIFY(registry.add(u"edge-5"_s, 120'000, &error));
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 1, 5'000);
    QVERIFY(selectMachine(panel, u"edge-5"_s));
    QVERIFY(!button(panel, u"pauseMachineButton"_s)->isEnabled());
    QVERIFY(!button(panel, u"removeMachineButton"_s)->isEnabled());
    QVERIFY(button(panel, u"addMachineButton"_s)->toolTip().contains(u"Unlock admin"_s));
    // And once admin is unlocked, they can.
    QSignalSpy unlocked(w.session.get(), &AdminSession::unlockFinished);
    w.window->unlockWith(kPassphrase);
    QVERIFY(unlocked.wait(10'000));
    QVERIFY(button(panel, u"addMachineButton"_s)->isEnabled());
    QVERIFY(button(panel, u"pauseMachineButton"_s)->isEnabled());
}

void TestMachinesPanel::lockingClosesTheAddDialog()
{
    Window w(Role::Admin);
    MachinesPanel *panel = w.window->machinesPanel();
    bool sawToken = false;
    ModalDriver driver([&](QWidget *modal) {
        auto *dialog = qobject_cast<AddMachineDialog *>(modal);
        if (!dialog)
            return false;
        if (!dialog->findChild<QLineEdit *>(u"machineToken"_s)->isVisible()) {
            fillNewMachine(dialog, u"relay-9"_s, u"2m"_s);
            return false;
        }
        sawToken = !dialog->shownToken().isEmpty();
        w.session->lock();
        return true;
    });
    button(panel, u"addMachineButton"_s)->click();
    QVERIFY(driver.done());
    QVERIFY(sawToken);
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QVERIFY(!panel->isAdmin());
    QVERIFY(!button(panel, u"addMachineButton"_s)->isEnabled());
    QVERIFY(onDisk(w.dir.path(), u"relay-9"_s)); // what was done stays done
}

void TestMachinesPanel::machinesDockIsInTheViewMenu()
{
    Window w(Role::Viewer);
    auto *dock = w.window->findChild<QDockWidget *>(u"machinesDock"_s);
    QVERIFY(dock);
    QCOMPARE(dock->windowTitle(), u"Machines"_s);
    QCOMPARE(dock->widget(), static_cast<QWidget *>(w.window->machinesPanel()));
    QAction *go = w.window->findChild<QAction *>(u"goTo_machinesDock"_s);
    QVERIFY(go);
    QCOMPARE(go->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_6));
    go->trigger();
    QTRY_VERIFY(w.window->machinesPanel()->isVisible());
    bool listed = false;
    for (QAction *a : w.window->menuBar()->actions()) {
        if (a->menu() && a->menu()->actions().contains(dock->toggleViewAction()))
            listed = true;
    }
    QVERIFY(listed);
}

void TestMachinesPanel::desktopChannelMessagesAreShown()
{
    // The notifier's "desktop" channel reaches the window: counted and in the status bar.
    Window w(Role::Viewer);
    const int before = w.window->notificationsShown();
    w.window->showDesktopNotification(u"Machine down"_s, u"relay-1: no heartbeat for 2m"_s,
                                      u"critical"_s);
    QCOMPARE(w.window->notificationsShown(), before + 1);
    QVERIFY(w.window->statusBar()->currentMessage().contains(u"relay-1: no heartbeat for 2m"_s));
}

void TestMachinesPanel::aRealMonitorDrivesStatesAndMarkers()
{
    // The window on a real MachineMonitor (without a metrics writer: nothing stored here): a
    // ping makes the machine up, silence makes it down within a second of its deadline, and
    // the chart gets a marker for it.
    Window w(Role::Viewer);
    MachineRegistry registry(w.dir.path());
    QString error;
    const std::optional<QByteArray> token = registry.add(u"relay-1"_s, 1'000, &error);
    QVERIFY(token);
    MachineMonitor monitor(w.dir.path(), w.dir.filePath(u"metrics.db"_s), nullptr,
                           std::make_shared<SystemClock>());
    w.window->setMachineMonitor(&monitor);
    monitor.start();
    MachinesPanel *panel = w.window->machinesPanel();
    QTRY_COMPARE(stateOf(panel, u"relay-1"_s), u"○ new"_s);
    QCOMPARE(monitor.ping(u"relay-1"_s, *token, PingKind::Heartbeat, MachineReport()),
             MachineMonitor::PingResult::Accepted);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(panel, u"relay-1"_s), u"✔ up"_s, 2'000);
    const QModelIndex recent = panel->model()->index(0, MachineListModel::RecentColumn);
    QCOMPARE(recent.data(MachineListModel::RecentPingsRole).value<QVector<MachinePing>>().size(),
             1);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(panel, u"relay-1"_s), u"✖ down"_s, 4'000);
    QVERIFY(panel->model()->machines().constFirst().downSinceMs > 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.window->chartPanel()->markerTimes().size(), 1, 3'000);
    monitor.stop();
}

void TestMachinesPanel::screenshot()
{
    HB_SCREENSHOT_MODE(outDir, translator)
    QTemporaryDir dir;
    MachineRegistry registry(dir.path());
    QString error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    // Four machines, one in each state, as the monitor would report them.
    QVector<MachineInfo> machines;
    const auto add = [&](const QString &name, qint64 offlineAfterMs, MachineState state,
                         qint64 lastSeenAgoMs, qint64 everyMs, int pings) {
        QVERIFY(registry.add(name, offlineAfterMs, &error));
        if (state == MachineState::Paused)
            QVERIFY(registry.setPaused(name, true, &error));
        MachineInfo m;
        m.name = name;
        m.state = state;
        m.offlineAfterMs = offlineAfterMs;
        m.lastSeenMs = lastSeenAgoMs < 0 ? 0 : now - lastSeenAgoMs;
        for (int i = pings - 1; i >= 0; --i)
            m.recent.append({m.lastSeenMs - i * everyMs, PingKind::Heartbeat});
        machines.append(m);
    };
    add(u"api-server-1"_s, 120'000, MachineState::Up, 12'000, 30'000, 40);
    add(u"batch-nightly"_s, 3'600'000, MachineState::Down, 95 * 60'000, 600'000, 8);
    add(u"oracle-relay-1"_s, 90'000, MachineState::Up, 4'000, 15'000, 60);
    add(u"oracle-relay-2"_s, 90'000, MachineState::New, -1, 0, 0);
    add(u"price-cache"_s, 300'000, MachineState::Paused, 40 * 60'000, 60'000, 25);
    // The nightly batch: its last run started, then failed; down since.
    MachineInfo &batch = machines[1];
    batch.recent.last().kind = PingKind::Fail;
    batch.recent[batch.recent.size() - 2].kind = PingKind::Start;
    batch.downSinceMs = batch.lastSeenMs;
    // A relay that failed once an hour ago and recovered.
    machines[2].recent[10].kind = PingKind::Fail;

    MachinesPanel panel(dir.path());
    panel.setAdmin(true);
    panel.setPushBaseUrl(u"http://127.0.0.1:8089"_s);
    panel.model()->setMachines(machines);
    panel.setNow(now);
    panel.resize(940, 250);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.view()->selectRow(4); // paused: the button offers Resume
    QVERIFY(panel.grab().save(outDir + u"/machines.png"_s));

    ModalDriver driver([&](QWidget *modal) {
        auto *dialog = qobject_cast<AddMachineDialog *>(modal);
        if (!dialog)
            return false;
        if (!dialog->findChild<QLineEdit *>(u"machineToken"_s)->isVisible()) {
            dialog->grab().save(outDir + u"/machines-add-form.png"_s);
            fillNewMachine(dialog, u"backup-host"_s, u"26h"_s);
            return false;
        }
        dialog->grab().save(outDir + u"/machines-add.png"_s);
        dialog->reject();
        return true;
    });
    panel.findChild<QPushButton *>(u"addMachineButton"_s)->click();
    QVERIFY(driver.done());
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestMachinesPanel)
#include "tst_machinespanel.moc"
