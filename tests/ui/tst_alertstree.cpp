// The Alerts panel of a real main window, over a real engine and a real notifier: when the oracle
// is down, the price update's alert is shown under it (held by the default dependency rule), with
// its own text; the root opens by itself, and what the user closes or selects stays so as the
// alerts change; when the oracle recovers the price alert is on its own again.

#include "alertsview.h"
#include "alerttreemodel.h"
#include "mainwindowrig.h"
#include "notify/notifier.h"
#include "screenshotmode.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTranslator>

using namespace hb;
using namespace hb::test;
using namespace Qt::StringLiterals;

namespace {

// The view's row whose condition is `key`, anywhere in the tree.
QModelIndex findCondition(const QAbstractItemModel *model, const QString &key,
                          const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        if (index.data(AlertTreeModel::ConditionRole).toString() == key)
            return index;
        const QModelIndex below = findCondition(model, key, index);
        if (below.isValid())
            return below;
    }
    return {};
}

QString cellText(const QModelIndex &row, int column)
{
    return row.sibling(row.row(), column).data().toString();
}

} // namespace

class TestAlertsTree : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void heldPriceAlertIsShownUnderOracleDown();
    void screenshot();
};

void TestAlertsTree::heldPriceAlertIsShownUnderOracleDown()
{
    auto oracleTask = std::make_shared<ScriptedTask>(TaskName::OracleMonitoring);
    Window w(Role::Admin, true,
             [](const QTemporaryDir &dir) { MetricsStore store(dir.filePath(u"metrics.db"_s)); },
             {}, {oracleTask});
    NotifierOptions o;
    o.metricsPath = w.dir.filePath(u"metrics.db"_s);
    o.desktop = true;
    Notifier notifier(o);
    // As the dashboard's runtime feeds it: every snapshot of the engine.
    connect(w.host->engine(), &HeartbeatEngine::snapshotChanged, &notifier, &Notifier::onSnapshot);
    w.window->setNotifier(&notifier);
    notifier.start();

    AlertsView *view = w.window->alertsView();
    QVERIFY(view);
    const QAbstractItemModel *model = view->model();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Alert oracle{now, TaskName::OracleMonitoring, u"oracle_stale"_s, Severity::Critical,
                       u"Oracle price is 15 min old"_s};
    const Alert prices{now, TaskName::PriceUpdate, u"prices_stale"_s, Severity::Critical,
                       u"Prices not updated for 15 min"_s};
    const QString oracleKey = u"alert:oracle_monitoring/oracle_stale"_s;
    const QString pricesKey = u"alert:price_update/prices_stale"_s;
    // The oracle goes down first; the prices go stale because of it (a consequence raised
    // before its root is a problem of its own, and is not held).
    oracleTask->setAlerts({oracle});
    QTRY_VERIFY_WITH_TIMEOUT(findCondition(model, oracleKey).isValid(), 10'000);
    w.task->setAlerts({prices});

    // (The window shows snapshots at most every 100 ms; the notifier may judge one first.)
    QModelIndex root;
    QTRY_VERIFY_WITH_TIMEOUT(
        (root = findCondition(model, oracleKey)).isValid() && model->rowCount(root) == 1 &&
            cellText(model->index(0, 0, root), AlertTreeModel::MessageColumn) == prices.message,
        10'000);
    QVERIFY(!root.parent().isValid());
    QCOMPARE(cellText(root, AlertTreeModel::MessageColumn),
             u"Oracle price is 15 min old (1 dependent alert(s) held)"_s);
    QModelIndex held = model->index(0, 0, root);
    QCOMPARE(held.data(AlertTreeModel::ConditionRole).toString(), pricesKey);
    QCOMPARE(cellText(held, AlertTreeModel::MessageColumn), prices.message);
    QCOMPARE(cellText(held, AlertTreeModel::SeverityColumn), u"critical"_s);
    QCOMPARE(cellText(held, AlertTreeModel::StatusColumn), u"held"_s);
    QVERIFY(!cellText(held, AlertTreeModel::AgeColumn).isEmpty());
    QVERIFY2(view->isExpanded(root), "a root cause opens by itself");
    QCOMPARE(notifier.heldUnder().value(oracleKey), QStringList{pricesKey});

    // The user selects the held alert; the oracle's text changes (the model is rebuilt): the
    // root stays open and the selection stays on the same alert.
    view->selectionModel()->setCurrentIndex(held, QItemSelectionModel::ClearAndSelect |
                                                      QItemSelectionModel::Rows);
    Alert older = oracle;
    older.message = u"Oracle price is 16 min old"_s;
    oracleTask->setAlerts({older});
    QTRY_VERIFY_WITH_TIMEOUT(
        (root = findCondition(model, oracleKey)).isValid() &&
            cellText(root, AlertTreeModel::MessageColumn).startsWith(older.message),
        10'000);
    QVERIFY(view->isExpanded(root));
    QCOMPARE(view->selectionModel()
                 ->selectedRows()
                 .value(0)
                 .data(AlertTreeModel::ConditionRole)
                 .toString(),
             pricesKey);

    // The user closes the root; it stays closed through the next change.
    view->collapse(root);
    older.message = u"Oracle price is 17 min old"_s;
    oracleTask->setAlerts({older});
    QTRY_VERIFY_WITH_TIMEOUT(
        (root = findCondition(model, oracleKey)).isValid() &&
            cellText(root, AlertTreeModel::MessageColumn).startsWith(older.message),
        10'000);
    QVERIFY2(!view->isExpanded(root), "what the user closed stays closed");

    // Sorting by severity keeps the tree: the held alert is still under its root.
    view->sortByColumn(AlertTreeModel::SeverityColumn, Qt::AscendingOrder);
    root = findCondition(model, oracleKey);
    QCOMPARE(findCondition(model, pricesKey).parent(), root);

    // The oracle recovers: the price alert is on its own again, active.
    oracleTask->setAlerts({});
    QTRY_VERIFY_WITH_TIMEOUT(
        findCondition(model, pricesKey).isValid() &&
            !findCondition(model, pricesKey).parent().isValid() &&
            cellText(findCondition(model, pricesKey), AlertTreeModel::StatusColumn) == u"active",
        10'000);
    w.window->setNotifier(nullptr);
    notifier.stop();
}

void TestAlertsTree::screenshot()
{
    HB_SCREENSHOT_MODE(outDir, translator)
    const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    // The words the engine and its tasks use, translated as they would be.
    const auto breaker = [](const QString &task, int failures) {
        return QCoreApplication::translate("hb::HeartbeatEngine",
                                           "Circuit breaker of %1 opened after %n failure(s); the "
                                           "task is skipped until its next trial",
                                           nullptr, failures)
            .arg(task);
    };
    const Alert oracle{now - 14 * 60'000, TaskName::OracleMonitoring, u"oracle_stale"_s,
                       Severity::Critical,
                       QCoreApplication::translate(
                           "hb::Tasks", "The newest oracle price is %1 s old, older than %2 s")
                           .arg(840)
                           .arg(300)};
    const Alert prices{now - 11 * 60'000, TaskName::PriceUpdate, u"breaker_open"_s,
                       Severity::Critical, breaker(TaskName::PriceUpdate, 3)};
    const Alert liquidation{now - 9 * 60'000, TaskName::AutoLiquidation, u"breaker_open"_s,
                            Severity::Critical, breaker(TaskName::AutoLiquidation, 3)};
    const Alert pool{now - 40 * 60'000, TaskName::PoolMaintenance, u"breaker_open"_s,
                     Severity::Critical, breaker(TaskName::PoolMaintenance, 5)};
    const Alert memory{now - 3 * 60'000, TaskName::MemoryMonitoring, u"memory_high"_s,
                       Severity::Warning,
                       QCoreApplication::translate("hb::MemoryMonitoringTask",
                                                   "Memory use %1 is above the warning line of %2")
                           .arg(QLocale::c().formattedDataSize(1'288'490'189),
                                QLocale::c().formattedDataSize(1'073'741'824))};
    AlertTreeModel model;
    model.setSnapshot(EngineSnapshot(EngineState{}));
    EngineState state;
    state.activeAlerts = {oracle, prices, liquidation, pool, memory};
    model.setSnapshot(EngineSnapshot(state));
    MachineInfo batch;
    batch.name = u"batch-nightly"_s;
    batch.state = MachineState::Down;
    batch.downSinceMs = now - 42 * 60'000;
    model.setHeld(
        {{AlertTreeModel::conditionOf(oracle),
          {AlertTreeModel::conditionOf(prices), AlertTreeModel::conditionOf(liquidation)}},
         {u"machine:batch-nightly"_s, {AlertTreeModel::conditionOf(pool)}}},
        {batch});
    model.setNow(now);
    AlertsView view(&model);
    view.resize(1100, 260);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.grab().save(outDir + u"/alerts-tree.png"_s));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestAlertsTree)
#include "tst_alertstree.moc"
