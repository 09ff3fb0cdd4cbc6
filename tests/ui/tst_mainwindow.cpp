// Drives the real main window over a real engine thread, as an admin and as a viewer would. The
// admin role itself (unlock, passphrase, auto-lock, refusals): tst_adminunlock.

#include "alertsview.h"
#include "mainwindowrig.h"

using namespace hb;
using namespace Qt::StringLiterals;
using namespace hb::test;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void showsLiveMetricsAndTasks();
    void historyShowsTicksAndTheirRuns();
    void historyStartsWithWhatHappenedBefore();
    void bannerSaysHowTheOracleIs();
    void auditViewerPagesThroughTheStore();
    void auditViewerPagesThroughABurstInOneMillisecond();
    void pauseAndResumeReachTheEngine();
    void pauseAsksForConfirmationFirst();
    void keyboardShortcutPauses();
    void panelShortcutsBringAPanelToTheFront();
    void clickingTheToggleDisablesTheTask();
    void languageChoiceIsRemembered();
    void emptyTablesSayWhy();
    void demoSeedShowsItsProgress();
    void statusBarKeepsTheDataDirectory();
};

void TestMainWindow::showsLiveMetricsAndTasks()
{
    Window w(Role::Admin);
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().metrics.tickCount >= 2, 3000);
    QCOMPARE(w.window->taskModel()->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(w.window->healthBanner()->level(), HealthBanner::Level::Healthy, 2000);
    QVERIFY(w.window->healthBanner()->text().contains(u"Healthy"));
    // This engine was built with no price source: the banner says so, not "Oracle OK".
    QVERIFY2(w.window->healthBanner()->text().contains(u"Oracle not configured"),
             qPrintable(w.window->healthBanner()->text()));
    QVERIFY(w.window->metricsPanel()->figure(QStringLiteral("ticks")).toInt() >= 2);
    QCOMPARE(w.window->metricsPanel()->figure(QStringLiteral("failed")), QStringLiteral("0"));
}

void TestMainWindow::historyShowsTicksAndTheirRuns()
{
    Window w(Role::Admin);
    HistoryPanel *history = w.window->findChild<HistoryPanel *>();
    QVERIFY(history);
    QTRY_VERIFY_WITH_TIMEOUT(history->tickModel()->rowCount() >= 2, 3000);
    // The newest tick on top; selecting it lists what its tasks did.
    history->tabs()->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(history->tickModel()->recordAt(0).ran == 2, 3000);
    const TickRecord tick = history->tickModel()->recordAt(0);
    history->tickView()->selectRow(0);
    const QString detail = history->detailText();
    QVERIFY2(detail.startsWith(u"Tick " + QString::number(tick.id)), qPrintable(detail));
    QVERIFY2(detail.contains(u"Price update: success"), qPrintable(detail));

    // A paused tick still shows, saying why nothing ran.
    w.window->pauseAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        history->tickModel()->index(0, TickHistoryModel::NoteColumn).data().toString()
            == u"no task ran: emergency pause",
        3000);
}

void TestMainWindow::historyStartsWithWhatHappenedBefore()
{
    // A data directory with history: the engine goes on from tick 40, the window opens on it.
    PersistedState state;
    state.metrics.lastTickId = 40;
    Window w(Role::Admin, true, [](const QTemporaryDir &dir) {
        MetricsStore store(dir.filePath(QStringLiteral("metrics.db")));
        WriteBatch batch;
        for (qint64 id = 31; id <= 40; ++id) {
            batch.ticks.append({id, 1'600'000'000'000 + id * 1000, 30, 1, id == 40 ? 0 : 1, id == 40 ? 1 : 0, {}});
            batch.executions.append({id, TaskName::PriceUpdate, 1'600'000'000'000 + id * 1000, 30,
                                     id == 40 ? Outcome::Failure : Outcome::Success, 0,
                                     id == 40 ? u"HTTP 503"_s : QString()});
        }
        store.write(batch);
    }, state);
    HistoryPanel *history = w.window->findChild<HistoryPanel *>();
    QVERIFY(history);
    const auto oldestTick = [history] {
        const int n = history->tickModel()->rowCount();
        return n > 0 ? history->tickModel()->recordAt(n - 1).id : qint64(-1);
    };
    QTRY_COMPARE_WITH_TIMEOUT(oldestTick(), qint64(31), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(history->tickModel()->recordAt(0).id > 40, 3000); // live ones on top
    const HistoryModel *runs = history->model();
    const auto row40 = [runs] {
        for (int r = 0; r < runs->rowCount(); ++r) {
            if (runs->recordAt(r).tickId == 40)
                return r;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(row40() >= 0, 3000);
    QCOMPARE(runs->recordAt(row40()).error, u"HTTP 503"_s);
    QCOMPARE(runs->recordAt(runs->rowCount() - 1).tickId, qint64(31));
}

void TestMainWindow::bannerSaysHowTheOracleIs()
{
    HealthBanner banner;
    EngineState s;
    s.oracleSource = OracleSourceName::Http;
    s.metrics.lastTickMs = 1'000'000;
    s.gauges.insert(u"oracle.error_rate"_s, 0.02);
    s.gauges.insert(u"oracle.latency_ms"_s, 120);
    banner.update(s, 1'001'000);
    QCOMPARE(banner.level(), HealthBanner::Level::Healthy);
    QVERIFY2(banner.text().contains(u"Oracle OK (2.0 % errors, 120 ms average)"), qPrintable(banner.text()));

    s.activeAlerts.append({1'000'000, TaskName::OracleMonitoring, u"oracle_stale"_s, Severity::Warning,
                           u"The newest oracle price is 90000 s old"_s});
    banner.update(s, 1'001'000);
    QCOMPARE(banner.level(), HealthBanner::Level::Warning);
    QVERIFY2(banner.text().contains(u"Oracle degraded: The newest oracle price is 90000 s old"),
             qPrintable(banner.text()));

    BreakerStatus cut;
    cut.task = TaskName::PriceUpdate;
    cut.state = BreakerState::Open;
    s.breakers.append(cut);
    banner.update(s, 1'001'000);
    QVERIFY2(banner.text().contains(u"Oracle down"), qPrintable(banner.text()));
}

void TestMainWindow::auditViewerPagesThroughTheStore()
{
    // A viewer on an engine that has done nothing yet: the live tail is empty.
    Window w(Role::Viewer, false);
    // metrics.db as heartbeatd left it: more audit rows than the engine's live tail holds.
    const int stored = AuditPanel::PageSize + 120;
    {
        MetricsStore store(w.dir.filePath(QStringLiteral("metrics.db")));
        WriteBatch batch;
        for (int i = 0; i < stored; ++i)
            batch.audit.append({1'600'000'000'000 + i * 1000, QStringLiteral("heartbeat:auto_cleanup"),
                                QStringLiteral("archived_%1").arg(i), QStringLiteral("{}")});
        store.write(batch);
    }
    AuditPanel *audit = w.window->auditPanel();
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().metrics.tickCount >= 1, 3000);
    const int live = audit->model()->rowCount();

    QSignalSpy loaded(audit, &AuditPanel::olderLoaded);
    QVERIFY(audit->loadOlderButton()->isEnabled());
    QTest::mouseClick(audit->loadOlderButton(), Qt::LeftButton);
    QVERIFY(audit->isLoading()); // the read runs off the GUI thread
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.constFirst().constFirst().toInt(), AuditPanel::PageSize);
    QCOMPARE(audit->model()->rowCount(), live + AuditPanel::PageSize);
    QTest::qWait(3 * HeartbeatEngine::SnapshotIntervalMs); // snapshots with an empty tail
    QCOMPARE(audit->model()->rowCount(), live + AuditPanel::PageSize);
    // Newest first: the page ends with the oldest row it read.
    QCOMPARE(audit->model()->entryAt(audit->model()->rowCount() - 1).action,
             QStringLiteral("archived_%1").arg(stored - AuditPanel::PageSize));

    QTest::mouseClick(audit->loadOlderButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 5000);
    QCOMPARE(loaded.at(1).constFirst().toInt(), stored - AuditPanel::PageSize);
    QCOMPARE(audit->model()->entryAt(audit->model()->rowCount() - 1).action, u"archived_0"_s);
    QVERIFY2(!audit->loadOlderButton()->isEnabled(), "nothing older is left to load");
    QVERIFY2(audit->statusText().contains(u"whole audit log"), qPrintable(audit->statusText()));

    // The filter narrows all of it, loaded rows included.
    audit->findChild<QLineEdit *>(QStringLiteral("auditSearch"))->setText(u"archived_7"_s);
    QCOMPARE(audit->filter()->rowCount(), 11); // archived_7 and archived_70 .. archived_79
}

// More entries in one millisecond than a page holds (one tick liquidating hundreds of loans):
// "Load older" goes on through them and past them, each entry shown once.
void TestMainWindow::auditViewerPagesThroughABurstInOneMillisecond()
{
    Window w(Role::Viewer, false);
    constexpr qint64 kBurstMs = 1'600'000'000'000;
    const int burst = AuditPanel::PageSize + 200;
    const int earlier = 100;
    {
        MetricsStore store(w.dir.filePath(QStringLiteral("metrics.db")));
        WriteBatch batch;
        for (int i = 0; i < earlier; ++i)
            batch.audit.append({kBurstMs - 1000 + i, QStringLiteral("heartbeat:auto_cleanup"),
                                QStringLiteral("earlier_%1").arg(i), QStringLiteral("{}")});
        for (int i = 0; i < burst; ++i)
            batch.audit.append({kBurstMs, QStringLiteral("heartbeat:auto_liquidation"),
                                QStringLiteral("liquidated_%1").arg(i), QStringLiteral("{}")});
        store.write(batch);
    }
    AuditPanel *audit = w.window->auditPanel();
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().metrics.tickCount >= 1, 3000);
    const int live = audit->model()->rowCount();

    QSignalSpy loaded(audit, &AuditPanel::olderLoaded);
    for (int page = 0; page < 5 && audit->loadOlderButton()->isEnabled(); ++page) {
        QTest::mouseClick(audit->loadOlderButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), page + 1, 5000);
        QVERIFY(loaded.constLast().constFirst().toInt() >= 0);
    }
    QVERIFY2(!audit->loadOlderButton()->isEnabled(), "the whole log was read within 5 pages");
    QCOMPARE(audit->model()->rowCount(), live + burst + earlier);
    QSet<QString> actions;
    for (int row = live; row < audit->model()->rowCount(); ++row)
        actions.insert(audit->model()->entryAt(row).action);
    QCOMPARE(actions.size(), burst + earlier);
    QCOMPARE(audit->model()->entryAt(audit->model()->rowCount() - 1).action, u"earlier_0"_s);
}

void TestMainWindow::pauseAndResumeReachTheEngine()
{
    Window w(Role::Admin);
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().metrics.tickCount >= 1, 3000);
    QVERIFY(w.window->pauseAction()->isEnabled());
    QVERIFY(!w.window->resumeAction()->isEnabled());

    QElapsedTimer timer;
    timer.start();
    w.window->pauseAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().emergencyStop, 1000);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(w.window->healthBanner()->level(), HealthBanner::Level::Paused);
    QVERIFY(w.window->healthBanner()->text().contains(u"EMERGENCY PAUSE"));
    QVERIFY(w.window->resumeAction()->isEnabled());
    QVERIFY(!w.window->pauseAction()->isEnabled());
    // Paused: the task stops being run while heartbeats go on.
    const int runs = w.task->runs;
    const qint64 ticks = w.shown().metrics.tickCount;
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().metrics.tickCount >= ticks + 3, 3000);
    QCOMPARE(w.task->runs.load(), runs);

    w.window->resumeAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!w.shown().emergencyStop, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(w.task->runs.load() > runs, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(w.window->healthBanner()->level(), HealthBanner::Level::Healthy, 2000);
    QCOMPARE(w.shown().recentAudit.constLast().action, QStringLiteral("resume"));
}

void TestMainWindow::pauseAsksForConfirmationFirst()
{
    Window w(Role::Admin);
    w.window->setConfirmationsEnabled(true);
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().metrics.tickCount >= 1, 3000);

    // Cancel the dialog: nothing happens.
    QTimer::singleShot(200, [] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->reject();
    });
    w.window->pauseAction()->trigger();
    QTest::qWait(300);
    QVERIFY(!w.shown().emergencyStop);

    // Confirm with a reason: paused, and the reason is recorded.
    QTimer::singleShot(200, [] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->setTextValue(QStringLiteral("oracle is lying"));
        dialog->accept();
    });
    w.window->pauseAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().emergencyStop, 2000);
    QCOMPARE(w.shown().emergencyReason, QStringLiteral("oracle is lying"));
}

void TestMainWindow::keyboardShortcutPauses()
{
    Window w(Role::Admin);
    QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().metrics.tickCount >= 1, 3000);
    QTest::keyClick(w.window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().emergencyStop, 1000);
    QTest::keyClick(w.window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!w.shown().emergencyStop, 1000);
}

void TestMainWindow::panelShortcutsBringAPanelToTheFront()
{
    Window w(Role::Viewer, false);
    w.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
    auto *audit = w.window->findChild<QDockWidget *>(QStringLiteral("auditDock"));
    auto *tasks = w.window->findChild<QDockWidget *>(QStringLiteral("tasksDock"));
    QVERIFY(audit && tasks);
    audit->hide();
    QTest::keyClick(w.window.get(), Qt::Key_5, Qt::ControlModifier);
    QTRY_VERIFY(audit->isVisible());
    QVERIFY(w.window->tabifiedDockWidgets(audit).contains(tasks));
    QVERIFY(!audit->visibleRegion().isEmpty()); // raised: in front of its tab group
    QTest::keyClick(w.window.get(), Qt::Key_1, Qt::ControlModifier);
    QTRY_VERIFY(!tasks->visibleRegion().isEmpty());
    QTRY_VERIFY(audit->visibleRegion().isEmpty());
}

void TestMainWindow::clickingTheToggleDisablesTheTask()
{
    Window w(Role::Admin);
    QTRY_VERIFY_WITH_TIMEOUT(w.shown().metrics.tickCount >= 1, 3000);
    auto *view = w.window->findChild<QTableView *>(QStringLiteral("taskTable"));
    QVERIFY(view);
    const QModelIndex toggle = w.window->taskModel()->index(0, TaskTableModel::EnabledColumn);
    QCOMPARE(w.window->taskModel()->taskAt(0), TaskName::PriceUpdate);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(toggle).center());
    QTRY_VERIFY_WITH_TIMEOUT(!w.shown().config.isTaskEnabled(TaskName::PriceUpdate), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(toggle.data().toString(), QStringLiteral("off"), 2000);
    const int runs = w.task->runs;
    QTest::qWait(400);
    QCOMPARE(w.task->runs.load(), runs);
    QCOMPARE(w.shown().recentAudit.constLast().action, QStringLiteral("task_disable"));
}

void TestMainWindow::languageChoiceIsRemembered()
{
    Window w(Role::Viewer);
    auto *indonesian = w.window->findChild<QAction *>(QStringLiteral("language_id"));
    QVERIFY(indonesian);
    indonesian->trigger();
    QCOMPARE(UiSettings::load().language, QStringLiteral("id"));
    w.window->findChild<QAction *>(QStringLiteral("language_en"))->trigger();
    QCOMPARE(UiSettings::load().language, QStringLiteral("en"));
}

// An empty table says why in its middle (nothing yet, or nothing matches the filter) rather
// than show a blank box; rows replace the text.
void TestMainWindow::emptyTablesSayWhy()
{
    HistoryPanel history;
    history.resize(600, 300);
    history.show();
    QVERIFY(QTest::qWaitForWindowExposed(&history));
    TableView *runs = history.view();
    QVERIFY(runs->showsEmptyText());
    QCOMPARE(runs->emptyText(), u"No task runs yet."_s);
    QVERIFY(history.tickView()->showsEmptyText());

    // The text is painted: the same empty table without it looks different.
    const QImage withText = runs->viewport()->grab().toImage();
    const QString text = runs->emptyText();
    runs->setEmptyText(QString());
    QVERIFY(!runs->showsEmptyText());
    QVERIFY(runs->viewport()->grab().toImage() != withText);
    runs->setEmptyText(text);

    auto *outcome = history.findChildren<QComboBox *>().at(1);
    outcome->setCurrentIndex(outcome->findData(int(Outcome::Failure)));
    QCOMPARE(runs->emptyText(), u"No run matches the filter."_s);
    outcome->setCurrentIndex(0);
    QCOMPARE(runs->emptyText(), u"No task runs yet."_s);

    ExecutionRecord run;
    run.tickId = 1;
    run.task = u"price_update"_s;
    run.startedAtMs = 1'700'000'000'000;
    history.addRecords({run});
    QVERIFY(!runs->showsEmptyText());

    // The audit log and the alerts of a window over an engine that has done nothing yet.
    AuditPanel audit;
    QVERIFY(audit.view()->showsEmptyText());
    audit.findChild<QLineEdit *>(u"auditSearch"_s)->setText(u"breaker"_s);
    QVERIFY2(audit.view()->emptyText().contains(u"breaker"), qPrintable(audit.view()->emptyText()));

    Window w(Role::Viewer, false);
    const auto *alerts = w.window->findChild<AlertsView *>(u"alertsTree"_s);
    QVERIFY(alerts);
    QVERIFY(alerts->showsEmptyText());
    QVERIFY(alerts->emptyText().contains(u"No alerts"));
}

// Building a large demo ledger on the first run shows a progress bar (not for a small one), and
// it goes away when the ledger is built.
void TestMainWindow::demoSeedShowsItsProgress()
{
    DemoSeedProgress quick(60'000);
    quick.report(0, 5000);
    quick.report(2000, 5000);
    QVERIFY2(!quick.dialog(), "a seed shorter than the delay shows nothing");

    DemoSeedProgress slow(0);
    slow.report(0, 1'000'000);
    slow.report(250'000, 1'000'000);
    QVERIFY(slow.dialog());
    QVERIFY(slow.dialog()->isVisible());
    QCOMPARE(slow.dialog()->value(), 250);
    QCOMPARE(slow.dialog()->maximum(), 1000);
    QVERIFY2(slow.dialog()->labelText().contains(QLocale().toString(250'000)),
             qPrintable(slow.dialog()->labelText()));
    slow.report(1'000'000, 1'000'000);
    QVERIFY(!slow.dialog());
}

// The status bar names the data directory for good: an alert's passing message hides it for a
// while, then it is back.
void TestMainWindow::statusBarKeepsTheDataDirectory()
{
    Window w(Role::Viewer, false);
    auto *label = w.window->findChild<QLabel *>(u"statusDataDir"_s);
    QVERIFY(label);
    QVERIFY2(label->text().contains(w.dir.path()), qPrintable(label->text()));
    QVERIFY(label->isVisible());
    w.window->statusBar()->showMessage(u"Alert: something"_s, 200);
    QVERIFY(!label->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(label->isVisible(), 2000);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
