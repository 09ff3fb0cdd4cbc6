// The Machines panel's model and its strip of recent heartbeats, on fixed MachineInfo values:
// what each column says ("12 s ago", the state in a word and a symbol, down since, offline
// after), that the ages move with the clock alone, and that a failed ping is painted red.

#include "format.h"
#include "heartbeatstrip.h"
#include "machinelistmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QHeaderView>
#include <QImage>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace hb;
using namespace Qt::StringLiterals;

class TestMachineListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columnsSayWhatAUserNeeds();
    void lastSeenReadsAsAnAge_data();
    void lastSeenReadsAsAnAge();
    void offlineAfterReadsAsALength_data();
    void offlineAfterReadsAsALength();
    void theClockMovesTheAgesWithoutANewList();
    void stateIsNeverColourAlone();
    void sameMachinesUpdateInPlace();
    void failedPingsArePaintedRed();
};

namespace {

constexpr qint64 kNow = 1'700'000'000'000;

MachineInfo machine(const QString &name, MachineState state, qint64 lastSeenAgoMs)
{
    MachineInfo m;
    m.name = name;
    m.state = state;
    m.offlineAfterMs = 120'000;
    m.createdMs = kNow - 3'600'000;
    m.lastSeenMs = lastSeenAgoMs < 0 ? 0 : kNow - lastSeenAgoMs;
    m.stateSinceMs = kNow - 600'000;
    return m;
}

QVector<MachineInfo> fleet()
{
    MachineInfo relay = machine(u"oracle-relay-1"_s, MachineState::Up, 12'000);
    for (int i = 0; i < 10; ++i)
        relay.recent.append({kNow - 12'000 - (9 - i) * 30'000, PingKind::Heartbeat});
    MachineInfo batch = machine(u"batch-2"_s, MachineState::Down, 300'000);
    batch.downSinceMs = kNow - 180'000;
    batch.recent = {{kNow - 330'000, PingKind::Start}, {kNow - 300'000, PingKind::Fail}};
    MachineInfo fresh = machine(u"api-3"_s, MachineState::New, -1);
    MachineInfo paused = machine(u"db-4"_s, MachineState::Paused, 7'200'000);
    paused.offlineAfterMs = 90'000;
    return {relay, batch, fresh, paused};
}

QString cell(const MachineListModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

void TestMachineListModel::columnsSayWhatAUserNeeds()
{
    MachineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMachines(fleet());
    model.setNow(kNow);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(MachineListModel::ColumnCount));
    QCOMPARE(model.headerData(MachineListModel::LastSeenColumn, Qt::Horizontal).toString(),
             u"Last seen"_s);

    QCOMPARE(cell(model, 0, MachineListModel::NameColumn), u"oracle-relay-1"_s);
    QCOMPARE(cell(model, 0, MachineListModel::StateColumn), u"✔ up"_s);
    QCOMPARE(cell(model, 0, MachineListModel::LastSeenColumn), u"12 s ago"_s);
    QCOMPARE(cell(model, 0, MachineListModel::DownSinceColumn), u"—"_s);
    QCOMPARE(cell(model, 0, MachineListModel::OfflineAfterColumn), u"2 min"_s);
    // Plural forms come from hb_en.qm in the app; here the source text.
    QVERIFY(cell(model, 0, MachineListModel::RecentColumn).startsWith(u"10 heartbeat"_s));

    QCOMPARE(cell(model, 1, MachineListModel::StateColumn), u"✖ down"_s);
    QCOMPARE(cell(model, 1, MachineListModel::LastSeenColumn), u"5 min ago"_s);
    QCOMPARE(cell(model, 1, MachineListModel::DownSinceColumn), format::localTime(kNow - 180'000));
    QCOMPARE(cell(model, 1, MachineListModel::DownSinceColumn, Qt::ToolTipRole),
             u"Down for 3 min"_s);

    QCOMPARE(cell(model, 2, MachineListModel::StateColumn), u"○ new"_s);
    QCOMPARE(cell(model, 2, MachineListModel::LastSeenColumn), u"never"_s);
    QCOMPARE(cell(model, 3, MachineListModel::StateColumn), u"‖ paused"_s);
    QCOMPARE(cell(model, 3, MachineListModel::LastSeenColumn), u"2 h ago"_s);
    QCOMPARE(cell(model, 3, MachineListModel::OfflineAfterColumn), u"1 min 30 s"_s);

    // Sortable raw values.
    QCOMPARE(model.index(1, MachineListModel::LastSeenColumn)
                 .data(MachineListModel::RawValueRole)
                 .toLongLong(),
             kNow - 300'000);
    QCOMPARE(model.index(3, MachineListModel::OfflineAfterColumn)
                 .data(MachineListModel::RawValueRole)
                 .toLongLong(),
             90'000);
    QCOMPARE(model.nameAt(1), u"batch-2"_s);
    QVERIFY(model.machine(u"db-4"_s).has_value());
    QVERIFY(!model.machine(u"gone"_s).has_value());
}

void TestMachineListModel::lastSeenReadsAsAnAge_data()
{
    QTest::addColumn<qint64>("agoMs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("never") << qint64(-1) << u"never"_s;
    QTest::newRow("now") << qint64(300) << u"just now"_s;
    QTest::newRow("seconds") << qint64(12'400) << u"12 s ago"_s;
    QTest::newRow("a minute") << qint64(60'000) << u"1 min ago"_s;
    QTest::newRow("minutes") << qint64(59 * 60'000 + 59'000) << u"59 min ago"_s;
    QTest::newRow("hours") << qint64(3 * 3'600'000 + 5'000) << u"3 h ago"_s;
}

void TestMachineListModel::lastSeenReadsAsAnAge()
{
    QFETCH(qint64, agoMs);
    QFETCH(QString, expected);
    MachineListModel model;
    model.setMachines({machine(u"m"_s, MachineState::Up, agoMs)});
    model.setNow(kNow);
    QCOMPARE(cell(model, 0, MachineListModel::LastSeenColumn), expected);
}

void TestMachineListModel::offlineAfterReadsAsALength_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("1 s") << qint64(1'000) << u"1 s"_s;
    QTest::newRow("90 s") << qint64(90'000) << u"1 min 30 s"_s;
    QTest::newRow("2 min") << qint64(120'000) << u"2 min"_s;
    QTest::newRow("1 h") << qint64(3'600'000) << u"1 h"_s;
    QTest::newRow("1 h 30") << qint64(5'400'000) << u"1 h 30 min"_s;
    QTest::newRow("30 d") << qint64(30LL * 86'400'000) << u"30 d"_s;
}

void TestMachineListModel::offlineAfterReadsAsALength()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    MachineListModel model;
    MachineInfo m = machine(u"m"_s, MachineState::Up, 1'000);
    m.offlineAfterMs = ms;
    model.setMachines({m});
    QCOMPARE(cell(model, 0, MachineListModel::OfflineAfterColumn), expected);
}

void TestMachineListModel::theClockMovesTheAgesWithoutANewList()
{
    MachineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMachines(fleet());
    model.setNow(kNow);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setNow(kNow + 50'000);
    QCOMPARE(cell(model, 0, MachineListModel::LastSeenColumn), u"1 min ago"_s);
    QCOMPARE(cell(model, 1, MachineListModel::DownSinceColumn, Qt::ToolTipRole),
             u"Down for 3 min 50 s"_s);
    QCOMPARE(reset.size(), 0);
    // A ping stamped a moment after the clock the view last read is "just now", not negative.
    model.setNow(kNow - 13'000);
    QCOMPARE(cell(model, 0, MachineListModel::LastSeenColumn), u"just now"_s);
    // Ranged updates of the time columns only, never the name or the state.
    QVERIFY(!changed.isEmpty());
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex from = args.at(0).toModelIndex();
        const QModelIndex to = args.at(1).toModelIndex();
        QCOMPARE(from.row(), 0);
        QCOMPARE(to.row(), 3);
        QVERIFY(from.column() >= MachineListModel::LastSeenColumn);
        QVERIFY(from.column() != MachineListModel::OfflineAfterColumn);
    }
}

void TestMachineListModel::stateIsNeverColourAlone()
{
    MachineListModel model;
    model.setMachines(fleet());
    QSet<QRgb> colours;
    QSet<QString> symbols;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex state = model.index(row, MachineListModel::StateColumn);
        colours.insert(state.data(Qt::ForegroundRole).value<QBrush>().color().rgb());
        symbols.insert(state.data().toString().left(1));
    }
    QCOMPARE(colours.size(), 4);
    QCOMPARE(symbols.size(), 4);
    QVERIFY(model.index(1, MachineListModel::StateColumn).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(model.index(1, MachineListModel::StateColumn)
                 .data(Qt::ForegroundRole)
                 .value<QBrush>()
                 .color(),
             MachineListModel::stateColor(MachineState::Down));
}

void TestMachineListModel::sameMachinesUpdateInPlace()
{
    MachineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMachines(fleet());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVector<MachineInfo> next = fleet();
    next[1].state = MachineState::Up;
    next[1].downSinceMs = 0;
    model.setMachines(next);
    QCOMPARE(reset.size(), 0); // a selection survives a ping
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cell(model, 1, MachineListModel::StateColumn), u"✔ up"_s);
    next.removeAt(2);
    model.setMachines(next);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 3);
}

void TestMachineListModel::failedPingsArePaintedRed()
{
    MachineListModel model;
    QVector<MachineInfo> machines = fleet();
    machines.resize(2); // up with plain heartbeats; down after a fail ping
    model.setMachines(machines);
    model.setNow(kNow);
    QTableView view;
    view.setModel(&model);
    view.setItemDelegateForColumn(MachineListModel::RecentColumn,
                                  new HeartbeatStripDelegate(&view));
    view.horizontalHeader()->resizeSection(MachineListModel::RecentColumn, 180);
    view.resize(1000, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.viewport()->grab().toImage();
    const auto count = [&](int row, const QColor &colour) {
        const QRect rect = view.visualRect(model.index(row, MachineListModel::RecentColumn));
        int n = 0;
        for (int y = rect.top(); y <= rect.bottom(); ++y) {
            for (int x = rect.left(); x <= rect.right(); ++x)
                n += image.pixelColor(x, y).rgb() == colour.rgb() ? 1 : 0;
        }
        return n;
    };
    const QColor red(0xc6, 0x28, 0x28);
    const QColor green(0x2e, 0x7d, 0x32);
    QCOMPARE(count(0, red), 0);
    QVERIFY(count(0, green) >= 10); // ten heartbeats, each a tick of several pixels
    QVERIFY(count(1, red) > 0);
    QCOMPARE(count(1, green), 0);
}

QTEST_MAIN(TestMachineListModel)
#include "tst_machinelistmodel.moc"
