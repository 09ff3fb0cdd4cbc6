// The pushing machines' rows of metrics.db as the monitor writes them and a restart or
// `machine list` reads them back: machine_events appended, machine_seen upserted (a later row of
// a machine wins, a removed machine's row deleted), "never heard from" stored as NULL.

#include "store/metricsreader.h"
#include "store/metricsstore.h"

#include <SQLiteCpp/Database.h>

#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

class TestMachineRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eventsAndSeenRoundTrip();
    void batchesCountAndMergeMachineRows();
};

void TestMachineRows::eventsAndSeenRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"metrics.db"_s);
    MetricsStore store(path);
    WriteBatch first;
    first.machineEvents.append({1'000, u"web"_s, u"new"_s, u"up"_s, 1'000, u"first heartbeat"_s});
    first.machineEvents.append({1'500, u"idle"_s, u"new"_s, u"paused"_s, 0, u"paused"_s});
    first.machineSeen.append({u"web"_s, u"up"_s, 1'000, 1'000, u"heartbeat"_s, u"{}"_s});
    first.machineSeen.append({u"idle"_s, u"paused"_s, 1'500, 0, QString(), QString()});
    first.machineSeen.append({u"web"_s, u"up"_s, 1'000, 2'000, u"start"_s, u"{\"cpu\":0.5}"_s});
    first.machineSeen.append({u"gone"_s, u"new"_s, 1'000, 0, QString(), QString()});
    store.write(first);
    WriteBatch second;
    second.machineEvents.append({3'000, u"gone"_s, u"new"_s, u"removed"_s, 0, u"removed"_s});
    second.machineSeen.append({u"gone"_s, {}, 0, 0, {}, {}, true});
    store.write(second);

    MetricsReader reader(path);
    const QVector<MachineSeenRecord> seen = reader.machineSeen();
    QCOMPARE(seen.size(), 2); // by name; "gone" deleted
    QCOMPARE(seen.at(0).machine, u"idle"_s);
    QCOMPARE(seen.at(0).lastSeenMs, qint64(0));
    QCOMPARE(seen.at(1).machine, u"web"_s);
    QCOMPARE(seen.at(1).lastSeenMs, qint64(2'000)); // the later row won
    QCOMPARE(seen.at(1).lastKind, u"start"_s);
    QCOMPARE(seen.at(1).lastReport, u"{\"cpu\":0.5}"_s);

    const QVector<MachineEventRecord> events =
        reader.machineEvents(0, std::numeric_limits<qint64>::max());
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).toState, u"up"_s);
    QCOMPARE(events.at(2).toState, u"removed"_s);
    QCOMPARE(reader.machineEvents(0, 2'000, u"idle"_s).size(), 1);
    QCOMPARE(reader.machineEvents(0, 1'500).size(), 1); // [from, to)

    // "Never heard from" is NULL for SQL users, not 0.
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
    QCOMPARE(
        db.execAndGet("SELECT count(*) FROM machine_events WHERE last_seen_ms IS NULL").getInt(),
        2);
    QCOMPARE(db.execAndGet("SELECT count(*) FROM machine_seen WHERE last_seen_ms IS NULL").getInt(),
             1);
}

void TestMachineRows::batchesCountAndMergeMachineRows()
{
    WriteBatch a;
    QVERIFY(a.isEmpty());
    WriteBatch b;
    b.machineSeen.append({u"web"_s, u"up"_s, 1, 1, u"heartbeat"_s, QString()});
    QVERIFY(!b.isEmpty());
    QCOMPARE(b.recordCount(), 1);
    WriteBatch c;
    c.machineEvents.append({1, u"web"_s, u"new"_s, u"up"_s, 1, u"first heartbeat"_s});
    QVERIFY(!c.isEmpty());
    a.merge(std::move(b));
    a.merge(std::move(c));
    QCOMPARE(a.recordCount(), 2);
    QCOMPARE(a.machineSeen.size(), 1);
    QCOMPARE(a.machineEvents.size(), 1);
}

QTEST_GUILESS_MAIN(TestMachineRows)
#include "tst_machinerows.moc"
