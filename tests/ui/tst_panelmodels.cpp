// The dashboard's table models (besides the task table): each passes QAbstractItemModelTester
// through the changes it sees in use, and shows what a user needs to read.

#include "alerttreemodel.h"
#include "auditlogmodel.h"
#include "breakertablemodel.h"
#include "format.h"
#include "historymodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLocale>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace hb;
using namespace Qt::StringLiterals;

namespace {

EngineSnapshot withBreakers(const QVector<BreakerStatus> &breakers, const QVector<qint64> &retry)
{
    EngineState s;
    s.breakers = breakers;
    s.breakerRetryAtMs = retry;
    return EngineSnapshot(s);
}

EngineSnapshot withAlerts(const QVector<Alert> &alerts)
{
    EngineState s;
    s.activeAlerts = alerts;
    return EngineSnapshot(s);
}

ExecutionRecord run(qint64 tick, const QString &task, Outcome outcome, const QString &error = {})
{
    return {tick, task, 1'700'000'000'000 + tick * 1000, 12, outcome, 3, error};
}

} // namespace

class TestPanelModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void breakerTableCountsDownAndPassesTester();
    void alertListTellsWhatIsNewAndKeepsClearedOnes();
    void alertTreeHoldsConsequencesUnderTheirRoot();
    void historyIsBoundedNewestFirstAndFilters();
    void auditLogIsNewestFirstAndReadable();
    void auditLogKeepsOlderRowsAsTheTailSlides();
    void auditLogPagesFromTheStoreBeforeAnyLiveEntry();
    void auditLogKeepsEqualEntriesOfOneMillisecond();
    void tickHistoryShowsEveryTickAndItsRuns();
    void skipReasonsAreTranslatedWhereShown();
    void runsShowHowLongTheyWaitedToStart();
    void timesShowTheSecond_data();
    void timesShowTheSecond();
};

void TestPanelModels::breakerTableCountsDownAndPassesTester()
{
    BreakerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 t0 = 1'700'000'000'000;
    BreakerStatus open{QStringLiteral("price_update"), BreakerState::Open, 5, t0, t0};
    BreakerStatus closed{QStringLiteral("memory_monitoring"), BreakerState::Closed, 0, 0, 0};
    model.setSnapshot(withBreakers({open, closed}, {t0 + 300'000, 0}));
    QCOMPARE(model.rowCount(), 2);
    model.setNow(t0 + 60'000);
    const QModelIndex retry = model.index(0, BreakerTableModel::RetryColumn);
    QCOMPARE(retry.data(BreakerTableModel::RawValueRole).toLongLong(), 240'000);
    QVERIFY(retry.data().toString().contains(u"4 min"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNow(t0 + 61'000);
    QCOMPARE(changed.size(), 1); // one ranged update of the countdown column
    QCOMPARE(changed.constFirst().at(0).toModelIndex().column(), int(BreakerTableModel::RetryColumn));
    QVERIFY(model.index(0, BreakerTableModel::StateColumn).data().toString().contains(u"open"));
    QCOMPARE(model.index(1, BreakerTableModel::RetryColumn).data().toString(), QStringLiteral("—"));
    model.setSnapshot(withBreakers({closed}, {0}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.taskAt(0), QStringLiteral("memory_monitoring"));
}

void TestPanelModels::alertListTellsWhatIsNewAndKeepsClearedOnes()
{
    AlertTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Alert memory{1, QStringLiteral("memory_monitoring"), QStringLiteral("memory_high"),
                       Severity::Warning, QStringLiteral("Memory use 1.2 GB")};
    const Alert cycles{2, QStringLiteral("cycles_monitoring"), QStringLiteral("cycles_low"),
                       Severity::Critical, QStringLiteral("Cycles below 500 B")};
    QCOMPARE(model.setSnapshot(withAlerts({memory})).size(), 1);
    QCOMPARE(model.setSnapshot(withAlerts({memory})).size(), 0); // still active: not new
    const QVector<Alert> fresh = model.setSnapshot(withAlerts({memory, cycles}));
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.constFirst().key, QStringLiteral("cycles_low"));
    QCOMPARE(model.activeCount(), 2);
    QCOMPARE(model.index(0, AlertTreeModel::MessageColumn).data().toString(), cycles.message);
    model.setSnapshot(withAlerts({cycles}));
    QCOMPARE(model.activeCount(), 1);
    QCOMPARE(model.rowCount(), 2); // the cleared one stays, marked so
    QCOMPARE(model.index(1, AlertTreeModel::StatusColumn).data().toString(), QStringLiteral("cleared"));
    // It comes back: new again.
    QCOMPARE(model.setSnapshot(withAlerts({cycles, memory})).size(), 1);
}

// What the notifier's dependency rules hold is shown under its root cause, with each held alert's
// own text, severity and age; a machine down, which has no alert row, is a root of its own.
void TestPanelModels::alertTreeHoldsConsequencesUnderTheirRoot()
{
    AlertTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 t0 = 1'700'000'000'000;
    const Alert oracle{t0, TaskName::OracleMonitoring, u"oracle_stale"_s, Severity::Critical,
                       u"Oracle price is 15 min old"_s};
    const Alert prices{t0 + 1000, TaskName::PriceUpdate, u"prices_stale"_s, Severity::Critical,
                       u"Prices not updated for 15 min"_s};
    const Alert memory{t0 + 2000, u"memory_monitoring"_s, u"memory_high"_s, Severity::Warning,
                       u"Memory use 1.2 GB"_s};
    model.setSnapshot(withAlerts({oracle, prices, memory}));
    QCOMPARE(model.rowCount(), 3); // nothing held yet: flat

    const QString oracleKey = u"alert:oracle_monitoring/oracle_stale"_s;
    const QString pricesKey = u"alert:price_update/prices_stale"_s;
    QCOMPARE(AlertTreeModel::conditionOf(oracle), oracleKey);
    model.setHeld({{oracleKey, {pricesKey, u"breaker:auto_liquidation"_s}}});
    QCOMPARE(model.rowCount(), 2); // the oracle (holding two) and the memory alert
    const auto rowOf = [&model](const QString &key, const QModelIndex &parent = {}) {
        for (int r = 0; r < model.rowCount(parent); ++r) {
            if (model.index(r, 0, parent).data(AlertTreeModel::ConditionRole).toString() == key)
                return model.index(r, 0, parent);
        }
        return QModelIndex();
    };
    const auto text = [&model](const QModelIndex &row, int column) {
        return model.index(row.row(), column, row.parent()).data().toString();
    };
    QModelIndex root = rowOf(oracleKey);
    // (The plural forms come from hb_en.qm in the app; here the source text.)
    QVERIFY(root.isValid());
    QCOMPARE(text(root, AlertTreeModel::MessageColumn),
             u"Oracle price is 15 min old (2 dependent alert(s) held)"_s);
    QCOMPARE(root.data(AlertTreeModel::HeldCountRole).toInt(), 2);
    QCOMPARE(model.rowCount(root), 2);
    const QModelIndex held = rowOf(pricesKey, root);
    QVERIFY(held.isValid());
    QCOMPARE(held.parent(), root);
    QCOMPARE(text(held, AlertTreeModel::MessageColumn), prices.message);
    QCOMPARE(text(held, AlertTreeModel::SeverityColumn), u"critical"_s);
    QCOMPARE(text(held, AlertTreeModel::StatusColumn), u"held"_s);
    QCOMPARE(text(held, AlertTreeModel::SourceColumn), format::taskTitle(TaskName::PriceUpdate));
    // A held breaker without an alert row yet says what it is.
    QCOMPARE(text(rowOf(u"breaker:auto_liquidation"_s, root), AlertTreeModel::MessageColumn),
             u"The circuit breaker of %1 is open"_s.arg(format::taskTitle(u"auto_liquidation"_s)));
    QVERIFY(rowOf(u"alert:memory_monitoring/memory_high"_s).isValid()); // unrelated: top level

    // Age counts from the clock the window gives.
    model.setNow(t0 + 1000 + 120'000);
    QCOMPARE(text(held, AlertTreeModel::AgeColumn), format::age(120'000));

    // The oracle's relay machine is down and holds the oracle alert: three levels, the machine
    // (no alert row of its own) shown by its name and state.
    MachineInfo relay;
    relay.name = u"relay-1"_s;
    relay.state = MachineState::Down;
    relay.downSinceMs = t0 - 60'000;
    model.setHeld({{u"machine:relay-1"_s, {oracleKey}},
                   {oracleKey, {pricesKey, u"breaker:auto_liquidation"_s}}},
                  {relay});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex machine = rowOf(u"machine:relay-1"_s);
    QVERIFY(machine.isValid());
    QCOMPARE(text(machine, AlertTreeModel::MessageColumn),
             u"Machine relay-1 is down (1 dependent alert(s) held)"_s);
    QCOMPARE(text(machine, AlertTreeModel::SourceColumn), u"relay-1"_s);
    QCOMPARE(text(machine, AlertTreeModel::StatusColumn), u"down"_s);
    QCOMPARE(machine.data(AlertTreeModel::SortRole).toLongLong(), relay.downSinceMs);
    root = rowOf(oracleKey, machine);
    QVERIFY(root.isValid());
    QCOMPARE(model.rowCount(root), 2);

    // The root clears: what it held is on its own again, active.
    model.setHeld({});
    model.setSnapshot(withAlerts({prices, memory}));
    QCOMPARE(model.rowCount(), 3); // the cleared oracle stays, marked so
    QCOMPARE(text(rowOf(pricesKey), AlertTreeModel::StatusColumn), u"active"_s);
    QCOMPARE(text(rowOf(oracleKey), AlertTreeModel::StatusColumn), u"cleared"_s);
}

void TestPanelModels::historyIsBoundedNewestFirstAndFilters()
{
    HistoryModel model(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    HistoryFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.addRecords({run(1, QStringLiteral("a"), Outcome::Success),
                      run(1, QStringLiteral("b"), Outcome::Failure, QStringLiteral("boom"))});
    model.addRecords({run(2, QStringLiteral("a"), Outcome::Success), run(2, QStringLiteral("b"), Outcome::Timeout),
                      run(3, QStringLiteral("a"), Outcome::Success), run(3, QStringLiteral("b"), Outcome::Success)});
    QCOMPARE(model.rowCount(), 5); // bounded
    QCOMPARE(model.recordAt(0).tickId, 3);
    QCOMPARE(model.recordAt(4).tickId, 1); // the oldest still kept is b's failure in tick 1
    QCOMPARE(model.recordAt(4).error, QStringLiteral("boom"));

    filter.setTask(QStringLiteral("b"));
    QCOMPARE(filter.rowCount(), 3);
    filter.setOutcome(int(Outcome::Failure));
    QCOMPARE(filter.rowCount(), 1);
    filter.setTask({});
    filter.setOutcome(-1);
    QCOMPARE(filter.rowCount(), 5);

    // A batch larger than the capacity keeps its newest records.
    QVector<ExecutionRecord> many;
    for (int i = 10; i < 20; ++i)
        many.append(run(i, QStringLiteral("a"), Outcome::Success));
    model.addRecords(many);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.recordAt(0).tickId, 19);
    QCOMPARE(model.recordAt(4).tickId, 15);
}

void TestPanelModels::auditLogIsNewestFirstAndReadable()
{
    AuditLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const AuditEntry first{1, QStringLiteral("alice"), QStringLiteral("emergency_pause"),
                           QStringLiteral("{\"reason\":\"drill\",\"role\":\"admin\"}")};
    const AuditEntry second{2, QStringLiteral("victor"), QStringLiteral("refused"),
                            QStringLiteral("{\"request\":\"resume\",\"required_role\":\"admin\"}")};
    model.setEntries({first, second});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, AuditLogModel::ActorColumn).data().toString(), QStringLiteral("victor"));
    const QString detail = model.index(1, AuditLogModel::DetailColumn).data().toString();
    QVERIFY2(detail.contains(u"reason: drill"), qPrintable(detail));
    QVERIFY(model.index(0, AuditLogModel::ActionColumn).data(Qt::ForegroundRole).isValid());
    // A new engine that has done nothing yet has an empty tail: what is shown stays.
    model.setEntries({});
    QCOMPARE(model.rowCount(), 2);
}

void TestPanelModels::auditLogKeepsOlderRowsAsTheTailSlides()
{
    AuditLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto entry = [](qint64 ts, const QString &action) {
        return AuditEntry{ts, QStringLiteral("alice"), action, QStringLiteral("{}")};
    };
    // The engine's tail holds three; then one more arrives and the oldest falls off the tail.
    model.setEntries({entry(10, u"a"_s), entry(20, u"b"_s), entry(20, u"c"_s)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setEntries({entry(20, u"b"_s), entry(20, u"c"_s), entry(30, u"d"_s)});
    QCOMPARE(reset.size(), 0); // the selection and scroll position survive
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.entryAt(0).action, u"d"_s);
    QCOMPARE(model.entryAt(3).action, u"a"_s); // kept although the tail dropped it
    QCOMPARE(model.oldestMs(), qint64(10));

    // Older rows from the store: those of the oldest shown millisecond may be shown already.
    QCOMPARE(model.appendOlder({entry(5, u"x"_s), entry(10, u"y"_s), entry(10, u"a"_s)}), 2);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.entryAt(4).action, u"y"_s);
    QCOMPARE(model.entryAt(5).action, u"x"_s);
    QCOMPARE(model.appendOlder({}), 0);

    // A tail that no longer reaches the top row but is not full: nothing can be missing, the
    // newer entries go on top.
    model.setEntries({entry(40, u"e"_s), entry(50, u"f"_s)}, 3);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.entryAt(0).action, u"f"_s);
    // A full tail all newer than the top row (a burst larger than the tail): entries may be
    // missing in between, so it starts over rather than show a silent gap.
    model.setEntries({entry(60, u"g"_s), entry(70, u"h"_s), entry(80, u"i"_s)}, 3);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 3);
}

void TestPanelModels::auditLogPagesFromTheStoreBeforeAnyLiveEntry()
{
    AuditLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto entry = [](qint64 ts, const QString &action) {
        return AuditEntry{ts, QStringLiteral("bob"), action, QStringLiteral("{}")};
    };
    // A viewer opens the window on an engine that has done nothing yet and reads the store.
    model.setEntries({});
    QCOMPARE(model.appendOlder({entry(10, u"a"_s), entry(20, u"b"_s), entry(20, u"c"_s)}), 3);
    model.setEntries({}); // the next snapshot: still nothing live, the page stays
    QCOMPARE(model.rowCount(), 3);
    // The first live entries: one of the page's millisecond that the page did not have, and
    // one the page had (the store's newest rows may be the tail's too).
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setEntries({entry(20, u"c"_s), entry(20, u"d"_s), entry(30, u"e"_s)}, 200);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.entryAt(0).action, u"e"_s);
    QCOMPARE(model.entryAt(1).action, u"d"_s);
    QCOMPARE(model.entryAt(2).action, u"c"_s);
    QCOMPARE(model.entryAt(4).action, u"a"_s);
}

// The same automatic action twice in one millisecond is two rows: a page from the store that
// holds three of them while two are shown adds the third, not none and not three.
void TestPanelModels::auditLogKeepsEqualEntriesOfOneMillisecond()
{
    AuditLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto entry = [](qint64 ts, const QString &action) {
        return AuditEntry{ts, QStringLiteral("heartbeat"), action, QStringLiteral("{}")};
    };
    model.setEntries({entry(10, u"a"_s), entry(10, u"a"_s), entry(20, u"b"_s)});
    QCOMPARE(model.appendOlder({entry(5, u"x"_s), entry(10, u"a"_s), entry(10, u"a"_s),
                                entry(10, u"a"_s), entry(20, u"b"_s)}),
             2);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.entryAt(3).action, u"a"_s);
    QCOMPARE(model.entryAt(4).action, u"x"_s);
    // The same page again adds nothing: every entry of it is shown now.
    QCOMPARE(model.appendOlder({entry(5, u"x"_s)}), 0);
}

void TestPanelModels::tickHistoryShowsEveryTickAndItsRuns()
{
    TickHistoryModel ticks(3);
    QAbstractItemModelTester tester(&ticks, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ticks.addTicks(
        {{1, 1000, 120, 2, 1, 1, {}}, {2, 3000, 0, 0, 0, 0, TickSkipReason::EmergencyStop}});
    ticks.addTicks({{3, 5000, 80, 2, 2, 0, {}}, {4, 7000, 90, 2, 2, 0, {}}});
    QCOMPARE(ticks.rowCount(), 3);
    QCOMPARE(ticks.recordAt(0).id, qint64(4));
    QCOMPARE(ticks.index(2, TickHistoryModel::NoteColumn).data().toString(),
             u"no task ran: emergency pause"_s);
    QCOMPARE(ticks.index(0, TickHistoryModel::FailedColumn).data().toString(), u"0"_s);
    QCOMPARE(ticks.index(0, TickHistoryModel::DurationColumn).data(TickHistoryModel::RawValueRole)
                 .toLongLong(),
             90);

    // Ticks from before the window opened go below, without the ones already shown and only
    // while there is room.
    QCOMPARE(ticks.appendOlder({{1, 0, 10, 1, 1, 0, {}}, {2, 0, 10, 1, 1, 0, {}}}), 0); // full
    TickHistoryModel roomy(5);
    QAbstractItemModelTester roomyTester(&roomy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    roomy.addTicks({{7, 7000, 90, 2, 2, 0, {}}});
    QCOMPARE(roomy.appendOlder({{5, 5000, 1, 0, 0, 0, {}}, {6, 6000, 1, 0, 0, 0, {}},
                                {7, 7000, 1, 0, 0, 0, {}}}),
             2);
    QCOMPARE(roomy.recordAt(1).id, qint64(6));
    QCOMPARE(roomy.recordAt(2).id, qint64(5));
    QCOMPARE(roomy.appendOlder({{1, 0, 1, 0, 0, 0, {}}, {2, 0, 1, 0, 0, 0, {}}, {3, 0, 1, 0, 0, 0, {}},
                                {4, 0, 1, 0, 0, 0, {}}}),
             2); // room for two: the newest two of them
    QCOMPARE(roomy.recordAt(4).id, qint64(3));

    HistoryModel runs;
    runs.addRecords({run(3, u"a"_s, Outcome::Success), run(4, u"a"_s, Outcome::Success),
                     run(4, u"b"_s, Outcome::Failure, u"boom"_s)});
    const QVector<ExecutionRecord> ofTick = runs.runsOfTick(4);
    QCOMPARE(ofTick.size(), 2);
    QCOMPARE(ofTick.at(0).task, u"a"_s); // in the order they finished
    QCOMPARE(ofTick.at(1).error, u"boom"_s);
}

namespace {

// Marks every text it is asked for with the context it was asked in: what is shown went
// through tr() (and in which class), or it is not marked.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char * = nullptr,
                      int = -1) const override
    {
        return u"<%1:%2>"_s.arg(QString::fromLatin1(context), QString::fromUtf8(source));
    }
    bool isEmpty() const override { return false; }
};

} // namespace

// Why a tick ran nothing reaches the table as a value, and the words are the translator's;
// words a newer version stored (no value of ours) are shown as they are.
void TestPanelModels::skipReasonsAreTranslatedWhereShown()
{
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const auto remove =
        qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });

    TickHistoryModel ticks;
    TickRecord other{6, 6000, 0, 0, 0, 0, TickSkipReason::Other, u"solar eclipse"_s};
    ticks.addTicks({{1, 1000, 0, 0, 0, 0, TickSkipReason::PreviousTickRunning},
                    {2, 2000, 0, 0, 0, 0, TickSkipReason::EmergencyStop},
                    {3, 3000, 0, 0, 0, 0, TickSkipReason::MaintenanceMode},
                    {4, 4000, 0, 0, 0, 0, TickSkipReason::HeartbeatDisabled},
                    {5, 5000, 20, 1, 1, 0, TickSkipReason::None},
                    other});
    const auto note = [&ticks](qint64 id) {
        for (int row = 0; row < ticks.rowCount(); ++row) {
            if (ticks.recordAt(row).id == id)
                return ticks.index(row, TickHistoryModel::NoteColumn).data().toString();
        }
        return QString();
    };
    const QString ctx = u"hb::TickHistoryModel:"_s;
    QCOMPARE(note(1),
             u"<%1no task ran: %2>"_s.arg(ctx, u"<%1previous tick still running>"_s.arg(ctx)));
    QCOMPARE(note(2), u"<%1no task ran: %2>"_s.arg(ctx, u"<%1emergency pause>"_s.arg(ctx)));
    QCOMPARE(note(3), u"<%1no task ran: %2>"_s.arg(ctx, u"<%1maintenance mode>"_s.arg(ctx)));
    QCOMPARE(note(4), u"<%1no task ran: %2>"_s.arg(ctx, u"<%1heartbeat disabled>"_s.arg(ctx)));
    QCOMPARE(note(5), QString());
    QCOMPARE(note(6), u"<%1no task ran: %2>"_s.arg(ctx, u"solar eclipse"_s));
    // Sorting and exports see the stored words, whatever the language.
    QCOMPARE(ticks.index(4, TickHistoryModel::NoteColumn)
                 .data(TickHistoryModel::RawValueRole)
                 .toString(),
             u"emergency stop"_s);
}

// The run table says how long each run waited for a worker thread before it started, apart
// from how long it ran; nothing for a skipped run or one from before this was measured.
void TestPanelModels::runsShowHowLongTheyWaitedToStart()
{
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ExecutionRecord waited = run(1, u"a"_s, Outcome::Success);
    waited.queuedMs = 1500;
    ExecutionRecord old = run(1, u"b"_s, Outcome::Success); // read from a schema-2 file
    ExecutionRecord skipped = run(1, u"c"_s, Outcome::Skipped);
    model.addRecords({waited, old, skipped});
    QCOMPARE(model.headerData(HistoryModel::QueuedColumn, Qt::Horizontal).toString(), u"Queued"_s);
    const QModelIndex queued = model.index(2, HistoryModel::QueuedColumn);
    QCOMPARE(model.recordAt(2).task, u"a"_s);
    QCOMPARE(queued.data().toString(), format::duration(1500));
    QCOMPARE(queued.data(HistoryModel::RawValueRole).toLongLong(), 1500);
    QCOMPARE(model.index(2, HistoryModel::DurationColumn).data().toString(), format::duration(12));
    QCOMPARE(model.index(1, HistoryModel::QueuedColumn).data().toString(), QString());
    QVERIFY(!model.index(1, HistoryModel::QueuedColumn).data(HistoryModel::RawValueRole).isValid());
    QCOMPARE(model.index(0, HistoryModel::QueuedColumn).data().toString(), QString());
}

void TestPanelModels::timesShowTheSecond_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("C") << u"C"_s;
    QTest::newRow("en_US (short format has no seconds)") << u"en_US"_s;
    QTest::newRow("id_ID") << u"id_ID"_s;
    QTest::newRow("de_DE") << u"de_DE"_s;
    QTest::newRow("ja_JP") << u"ja_JP"_s;
}

// Ticks come seconds apart: every time in a table shows its second, in the locale's own way,
// and never a time zone (all of them are local).
void TestPanelModels::timesShowTheSecond()
{
    QFETCH(QString, locale);
    const QLocale previous;
    QLocale::setDefault(QLocale(locale));
    const auto restore = qScopeGuard([&previous] { QLocale::setDefault(previous); });
    const QString format = format::dateTimeFormat(QLocale());
    QVERIFY2(format.contains(u"ss"), qPrintable(format));
    QVERIFY2(!format.contains(u't'), qPrintable(format));
    const qint64 t = QDateTime(QDate(2023, 11, 14), QTime(10, 21, 37), Qt::UTC).toMSecsSinceEpoch();
    const QString shown = format::localTime(t);
    qInfo("%s: %s", qPrintable(format), qPrintable(shown));
    QVERIFY2(shown.contains(QLocale().toString(37)), qPrintable(shown));
    QCOMPARE(shown, QLocale().toString(QDateTime::fromMSecsSinceEpoch(t).toLocalTime(), format));
    QCOMPARE(format::localTime(0), u"—"_s);
}

QTEST_MAIN(TestPanelModels)
#include "tst_panelmodels.moc"
