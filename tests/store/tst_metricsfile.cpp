// Opening a saved metrics.db for analysis (store/metricsfile.h) and exporting CSV from it
// (store/metricscsv.h): every kind of bad file is refused with one line naming it; a good file,
// the schema 1 fixture and a file in a read-only folder are read without a byte of the file or
// its folder changing; a file a writer is writing opens and a re-read sees its new rows; the
// exported figures equal plain SQL over the raw rows.

#include "metricsstoretestutil.h"
#include "csvparse.h"
#include "store/metricscsv.h"
#include "store/metricsfile.h"
#include "store/metricsreader.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kTickMs = 37'000; // not a divisor of a minute: ticks straddle bucket edges
constexpr int kTicks = 600;        // about six hours from kBase, across hour boundaries
constexpr uid_t kNobody = 65534;   // nobody / nogroup on Debian

const QString kOddTask = QStringLiteral("report, \"daily\""); // needs RFC 4180 quoting

// What a folder holds: every entry's name with its size, modification time and SHA-256, and the
// folder's own modification time (which changes when anything is created in it, even a file
// removed again), so "nothing changed" covers side files that came and went.
QMap<QString, QString> snapshot(const QString &dir)
{
    QMap<QString, QString> out;
    const QFileInfoList entries = QDir(dir).entryInfoList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : entries) {
        QString value = QStringLiteral("<dir>");
        if (info.isFile()) {
            QFile file(info.filePath());
            QCryptographicHash hash(QCryptographicHash::Sha256);
            if (file.open(QIODevice::ReadOnly))
                hash.addData(&file);
            value = QString::fromLatin1(hash.result().toHex()) + u' ' +
                    QString::number(info.size()) + u' ' +
                    QString::number(info.lastModified().toMSecsSinceEpoch());
        }
        out.insert(info.fileName(), value);
    }
    out.insert(QStringLiteral("."),
               QString::number(QFileInfo(dir).lastModified().toMSecsSinceEpoch()));
    return out;
}

// The test's own look at a closed file: immutable, so it cannot create a -wal/-shm either.
std::unique_ptr<SQLite::Database> openIndependent(const QString &path)
{
    return std::make_unique<SQLite::Database>(
        utf8(QStringLiteral("file:") + path + QStringLiteral("?immutable=1")),
        SQLite::OPEN_READONLY | SQLite::OPEN_URI);
}

Outcome pickOutcome(QRandomGenerator &rng)
{
    const int r = int(rng.bounded(100));
    if (r < 70)
        return Outcome::Success;
    if (r < 82)
        return Outcome::Failure;
    if (r < 88)
        return Outcome::Timeout;
    if (r < 95)
        return Outcome::Skipped;
    return Outcome::Cancelled;
}

// Ticks, runs of three tasks with every outcome, audit entries and samples, `ticks` ticks from
// `firstTick` on, written the way the engine writes them (so the rollups are the store's own).
WriteBatch sampleBatch(int firstTick, int ticks)
{
    QRandomGenerator rng(quint32(42 + firstTick));
    const QStringList tasks = {QStringLiteral("price_update"), QStringLiteral("loan_monitoring"),
                               kOddTask};
    WriteBatch batch;
    for (int t = firstTick; t < firstTick + ticks; ++t) {
        const qint64 start = kBase + qint64(t) * kTickMs;
        int ran = 0, ok = 0, failed = 0;
        for (int i = 0; i < tasks.size(); ++i) {
            const Outcome outcome = pickOutcome(rng);
            // A task that decides to skip may take time deciding; most skip at once.
            const qint64 duration =
                outcome == Outcome::Skipped ? (t % 7 == 0 ? 5 : 0) : qint64(rng.bounded(900));
            QString error;
            if (outcome == Outcome::Failure)
                error = QStringLiteral("shard %1: \"unreachable\", retry\nsecond line").arg(t);
            ExecutionRecord run = exec(t + 1, tasks.at(i), start + i * 3, duration, outcome,
                                       qint64(rng.bounded(50)), error);
            if (outcome != Outcome::Skipped)
                run.queuedMs = qint64(rng.bounded(20));
            batch.executions.append(run);
            ran += outcome != Outcome::Skipped;
            ok += outcome == Outcome::Success;
            failed += outcome == Outcome::Failure || outcome == Outcome::Timeout;
        }
        batch.ticks.append({t + 1, start, 40, ran, ok, failed, TickSkipReason::None, {}});
        batch.samples.append({QStringLiteral("memory.rss_bytes"), start, 1e6 + t});
        if (t % 50 == 0)
            batch.audit.append(
                {start + 1, QStringLiteral("admin"), QStringLiteral("pause"),
                 QStringLiteral("{\"role\":\"admin\",\"reason\":\"a, \\\"b\\\"\"}")});
    }
    return batch;
}

// A closed metrics.db written by the store: WAL mode, no -wal beside it.
bool writeSampleFile(const QString &path, int ticks = kTicks)
{
    try {
        MetricsStore store(path);
        store.write(sampleBatch(0, ticks));
    } catch (const std::exception &e) {
        qWarning() << e.what();
        return false;
    }
    return !QFileInfo::exists(path + QStringLiteral("-wal"));
}


// Header and rows as maps of column name to value.
QList<QMap<QString, QString>> csvRows(const QByteArray &bytes)
{
    const QList<QStringList> records = parseCsv(bytes);
    QList<QMap<QString, QString>> out;
    if (records.isEmpty())
        return out;
    const QStringList header = records.first();
    for (qsizetype r = 1; r < records.size(); ++r) {
        QMap<QString, QString> row;
        for (qsizetype c = 0; c < header.size() && c < records.at(r).size(); ++c)
            row.insert(header.at(c), records.at(r).at(c));
        out << row;
    }
    return out;
}

// Overwrites one whole page with bytes no b-tree page has.
bool damagePage(const QString &path, qint64 page, qint64 pageSize)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek((page - 1) * pageSize))
        return false;
    return file.write(QByteArray(int(pageSize), char(0xff))) == pageSize;
}

// The child half of readOnlyFolder(): run as a user who cannot write `dir`, open the file,
// read it through, and say what happened on stdout.
int readAsChild(const QString &path)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (::access(QFile::encodeName(dir).constData(), W_OK) == 0) {
        std::puts("writable"); // the test would prove nothing
        return 1;
    }
    const QString problem = checkMetricsFile(path);
    if (!problem.isEmpty()) {
        std::printf("error: %s\n", qPrintable(problem));
        return 1;
    }
    try {
        MetricsReader reader(path);
        qint64 runs = 0;
        for (const ExecutionBucket &b :
             reader.executionSeries(0, kBase + 30 * kDay, MetricsReader::Resolution::Hour))
            runs += b.rows;
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        writeRunsCsv(reader, 0, kBase + 30 * kDay, csv);
        std::printf("rows %lld version %d csv %lld\n", static_cast<long long>(runs),
                    reader.schemaVersion(),
                    static_cast<long long>(parseCsv(csv.data()).size() - 1));
    } catch (const StoreError &e) {
        std::printf("error: %s\n", qPrintable(e.message()));
        return 1;
    }
    return 0;
}

} // namespace

class TestMetricsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvFieldQuoting_data();
    void csvFieldQuoting();
    void badFilesAreRefusedWithOneLine_data();
    void badFilesAreRefusedWithOneLine();
    void damagedPageMetWhileReadingSaysDamaged();
    void readingLeavesFileAndFolderUntouched();
    void schemaOneFixtureIsReadWithoutMigrating();
    void readOnlyFolder_data();
    void readOnlyFolder();
    void fileBeingWrittenOpensAndRereadSeesNewRows();
    void aggregatesEqualSqlOverRawRows_data();
    void aggregatesEqualSqlOverRawRows();
    void runsAndAuditEqualTheRows();

private:
    QTemporaryDir m_dir;
};

void TestMetricsFile::csvFieldQuoting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("plain") << QStringLiteral("price_update") << QByteArray("price_update");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("line break") << QStringLiteral("a\r\nb") << QByteArray("\"a\r\nb\"");
    QTest::newRow("utf-8") << QStringLiteral("Pembaruan harga – é")
                           << QStringLiteral("Pembaruan harga – é").toUtf8();
}

void TestMetricsFile::csvFieldQuoting()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, field);
    QCOMPARE(csv::field(text), field);
    const QByteArray record = csv::record({text, QStringLiteral("x")});
    QVERIFY(record.endsWith("\r\n"));
    QCOMPARE(parseCsv(record), QList<QStringList>({{text, QStringLiteral("x")}}));
}

void TestMetricsFile::badFilesAreRefusedWithOneLine_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected"); // words the reason must contain
    QTest::newRow("missing path") << u"missing"_s << u"no such file"_s;
    QTest::newRow("directory") << u"directory"_s << u"a folder"_s;
    QTest::newRow("empty file") << u"empty"_s << u"empty"_s;
    QTest::newRow("not sqlite") << u"text"_s << u"not an SQLite database"_s;
    QTest::newRow("newer schema") << u"newer"_s << u"newer version"_s;
    QTest::newRow("damaged root page") << u"damaged"_s << u"damaged"_s;
    QTest::newRow("truncated copy") << u"truncated"_s << u"damaged"_s;
    QTest::newRow("other program") << u"foreign"_s << u"another program"_s;
    QTest::newRow("empty sqlite") << u"blank-sqlite"_s << u"empty SQLite database"_s;
    QTest::newRow("tables missing") << u"incomplete"_s << u"tables missing: ticks"_s;
}

void TestMetricsFile::badFilesAreRefusedWithOneLine()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    if (kind == u"directory") {
        QVERIFY(QDir().mkpath(path));
    } else if (kind == u"empty") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    } else if (kind == u"text") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("task,runs\nprice_update,3\n");
    } else if (kind == u"newer" || kind == u"damaged" || kind == u"truncated") {
        QVERIFY(writeSampleFile(path, 3000)); // big enough for the runs to need interior pages
        qint64 root = 0;
        qint64 pageSize = 0;
        qint64 pageCount = 0;
        {
            SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE);
            if (kind == u"newer")
                db.exec("PRAGMA user_version = " + std::to_string(MetricsStore::SchemaVersion + 1));
            root = db.execAndGet("SELECT rootpage FROM sqlite_master WHERE name = 'executions'")
                       .getInt64();
            pageSize = db.execAndGet("PRAGMA page_size").getInt64();
            pageCount = db.execAndGet("PRAGMA page_count").getInt64();
        }
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        if (kind == u"damaged")
            QVERIFY(damagePage(path, root, pageSize));
        if (kind == u"truncated")
            QVERIFY(QFile::resize(path, pageCount / 2 * pageSize));
    } else if (kind == u"foreign" || kind == u"blank-sqlite" || kind == u"incomplete") {
        SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        if (kind == u"foreign")
            db.exec("CREATE TABLE contacts(name TEXT, phone TEXT)");
        if (kind == u"blank-sqlite")
            db.exec("PRAGMA user_version = 0; CREATE TABLE t(x); DROP TABLE t");
        if (kind == u"incomplete")
            db.exec("PRAGMA user_version = 7; CREATE TABLE executions(id INTEGER PRIMARY KEY)");
    }
    const QMap<QString, QString> before = snapshot(dir.path());

    const QString reason = checkMetricsFile(path);
    QVERIFY2(!reason.isEmpty(), qPrintable(kind));
    QVERIFY2(reason.startsWith(path + u": "), qPrintable(reason));
    QVERIFY2(!reason.contains(u'\n'), qPrintable(reason));
    QVERIFY2(reason.contains(expected), qPrintable(reason));
    try {
        MetricsReader reader(path);
        QFAIL("the reader must refuse it too");
    } catch (const StoreError &e) {
        QCOMPARE(e.message(), reason);
    }
    QCOMPARE(snapshot(dir.path()), before); // nothing written, nothing created
    QVERIFY(kind != u"missing" || !QFileInfo::exists(path));
}

void TestMetricsFile::damagedPageMetWhileReadingSaysDamaged()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    QVERIFY(writeSampleFile(path, 3000));
    qint64 leaf = 0;
    qint64 pageSize = 0;
    {
        const auto independent = openIndependent(path);
        SQLite::Database &db = *independent;
        SQLite::Statement q(db, "SELECT pageno FROM dbstat WHERE name = 'executions'"
                                " AND pagetype = 'leaf' ORDER BY pageno");
        QVector<qint64> leaves;
        while (q.executeStep())
            leaves << q.getColumn(0).getInt64();
        QVERIFY2(leaves.size() >= 5, "the runs must span several pages");
        leaf = leaves.at(leaves.size() / 2); // neither the first nor the last
        pageSize = db.execAndGet("PRAGMA page_size").getInt64();
    }
    QVERIFY(damagePage(path, leaf, pageSize));

    // The open reads only the ends of each table: cheap, so a page in the middle passes...
    QCOMPARE(checkMetricsFile(path), QString());
    // ...and reading through it says the file is damaged, naming it.
    MetricsReader reader(path);
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    try {
        writeRunsCsv(reader, 0, kBase + kDay, out);
        QFAIL("a damaged page must not read as data");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + u": "), qPrintable(e.message()));
        QVERIFY2(e.message().contains(u"damaged"), qPrintable(e.message()));
        QVERIFY2(!e.message().contains(u'\n'), qPrintable(e.message()));
    }
}

void TestMetricsFile::readingLeavesFileAndFolderUntouched()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    QVERIFY(writeSampleFile(path));
    const QMap<QString, QString> before = snapshot(dir.path());
    QCOMPARE(before.size(), 2); // metrics.db and the folder itself: no -wal, no -shm

    QCOMPARE(checkMetricsFile(path), QString());
    {
        MetricsReader reader(path);
        QCOMPARE(reader.schemaVersion(), MetricsStore::SchemaVersion);
        const auto span = reader.timeSpan();
        QVERIFY(span);
        QCOMPARE(span->firstMs, kBase);
        QVERIFY(
            !reader.executionSeries(kBase, kBase + kDay, MetricsReader::Resolution::Raw).isEmpty());
        QVERIFY(!reader.executionSeries(kBase, kBase + kDay, MetricsReader::Resolution::Hour)
                     .isEmpty());
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(writeAggregatesCsv(reader, kBase, kBase + kDay, MetricsReader::Resolution::Minute,
                                   out) > 0);
        QVERIFY(writeRunsCsv(reader, kBase, kBase + kDay, out) > 0);
        QVERIFY(writeAuditCsv(reader, kBase, kBase + kDay, out) > 0);
    }
    QCOMPARE(snapshot(dir.path()), before);
}

void TestMetricsFile::schemaOneFixtureIsReadWithoutMigrating()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("metrics-v1.db"));
    QVERIFY(QFile::copy(fixturePath(QStringLiteral("metrics-v1.db")), path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    QStringList expected;
    {
        // Independent: the same whole minutes, grouped straight from the raw rows.
        const auto db = openIndependent(path);
        expected = rows(*db, QStringLiteral("SELECT task, started_at_ms / 60000 * 60000,"
                                            " sum(outcome <> 'skipped'), sum(outcome = 'success'),"
                                            " sum(outcome = 'failure'), max(duration_ms)"
                                            " FROM executions GROUP BY 2, 1 ORDER BY 2, 1"));
    }
    QVERIFY(!expected.isEmpty());
    const QMap<QString, QString> before = snapshot(dir.path());

    QCOMPARE(checkMetricsFile(path), QString());
    {
        MetricsReader reader(path);
        QCOMPARE(reader.schemaVersion(), 1);
        QCOMPARE(reader.recentExecutions(100).size(), 21);
        QVERIFY(
            !reader.executionSeries(0, kBase + kDay, MetricsReader::Resolution::Hour).isEmpty());
        QStringList got;
        reader.forEachTaskBucket(0, kBase + kDay, MetricsReader::Resolution::Minute,
                                 [&got](const QString &task, const ExecutionBucket &b) {
                                     got << QStringLiteral("%1|%2|%3|%4|%5|%6")
                                                .arg(task)
                                                .arg(b.bucketMs)
                                                .arg(b.runs())
                                                .arg(b.successes)
                                                .arg(b.failures)
                                                .arg(b.maxMs);
                                 });
        QCOMPARE(got, expected);
    }
    QCOMPARE(snapshot(dir.path()), before); // still schema 1: nothing was migrated
    QCOMPARE(MetricsStore::fileSchemaVersion(path), 1);
}

void TestMetricsFile::readOnlyFolder_data()
{
    QTest::addColumn<bool>("fixture");
    QTest::newRow("WAL file written by the store") << false;
    QTest::newRow("schema 1 fixture, rollback journal") << true;
}

// Permission bits do not stop root, so the reading is done by a child process that drops to
// 'nobody' first (when the test runs as root, as in CI) and checks that it really cannot write
// the folder; run as anyone else, the child keeps the user, for whom the folder is read-only.
void TestMetricsFile::readOnlyFolder()
{
    QFETCH(bool, fixture);
    const bool root = ::geteuid() == 0;
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    QVERIFY(QFile::setPermissions(
        parent.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                           QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup));
    const QString dir = parent.filePath(QStringLiteral("saved"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/metrics.db");
    if (fixture)
        QVERIFY(QFile::copy(fixturePath(QStringLiteral("metrics-v1.db")), path));
    else
        QVERIFY(writeSampleFile(path));
    qint64 expectedRows = 0;
    {
        const auto db = openIndependent(path);
        expectedRows = scalar(*db, QStringLiteral("SELECT count(*) FROM executions"));
    }
    const int expectedVersion = fixture ? 1 : MetricsStore::SchemaVersion;

    const QFile::Permissions readOnlyFile = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    QVERIFY(QFile::setPermissions(path, readOnlyFile));
    QVERIFY(QFile::setPermissions(dir, readOnlyFile | QFile::ExeOwner | QFile::ExeGroup |
                                           QFile::ExeOther));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(path, readOnlyFile | QFile::WriteOwner);
    });
    const QMap<QString, QString> before = snapshot(dir);

    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments({QStringLiteral("--read-as-child"), path});
    if (root) {
        child.setChildProcessModifier([] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
                ::_exit(126);
        });
    }
    child.start();
    QVERIFY(child.waitForFinished(30'000));
    const QByteArray out = child.readAllStandardOutput();
    QVERIFY2(child.exitCode() != 126, "could not switch to the user 'nobody'");
    QVERIFY2(child.exitCode() == 0, QByteArray(out + child.readAllStandardError()).constData());
    QCOMPARE(QString::fromUtf8(out).trimmed(),
             QStringLiteral("rows %1 version %2 csv %1").arg(expectedRows).arg(expectedVersion));
    QCOMPARE(snapshot(dir), before);
}

void TestMetricsFile::fileBeingWrittenOpensAndRereadSeesNewRows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    MetricsStore store(path); // the writer stays open: WAL with its -wal and -shm
    store.write(sampleBatch(0, 100));
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));

    QCOMPARE(checkMetricsFile(path), QString());
    MetricsReader reader(path);
    const auto count = [&reader] {
        qint64 runs = 0;
        reader.forEachTaskBucket(
            0, kBase + kDay, MetricsReader::Resolution::Minute,
            [&runs](const QString &, const ExecutionBucket &b) { runs += b.rows; });
        return runs;
    };
    QCOMPARE(count(), qint64(300));
    QCOMPARE(reader.timeSpan()->lastMs, kBase + 99 * kTickMs + 6);

    store.write(sampleBatch(100, 50)); // committed while the reader is open
    QCOMPARE(count(), qint64(450));    // the next read ("follow") sees them
    QCOMPARE(reader.timeSpan()->lastMs, kBase + 149 * kTickMs + 6);
    QCOMPARE(reader.executions(kBase + 100 * kTickMs, kBase + kDay, 1000).size(), 150);
}

void TestMetricsFile::aggregatesEqualSqlOverRawRows_data()
{
    QTest::addColumn<qint64>("fromMs");
    QTest::addColumn<qint64>("toMs");
    QTest::addColumn<int>("resolution");
    const qint64 end = kBase + kTicks * kTickMs;
    QTest::newRow("whole file, minutes") << kBase << end << int(MetricsReader::Resolution::Minute);
    QTest::newRow("whole file, hours") << kBase << end << int(MetricsReader::Resolution::Hour);
    // Not on bucket edges: every bucket the range touches is exported whole.
    QTest::newRow("part, minutes") << kBase + 17 * kMinute + 12'345 << kBase + 95 * kMinute + 1
                                   << int(MetricsReader::Resolution::Minute);
    QTest::newRow("part, hours") << kBase + 70 * kMinute + 5 << kBase + 4 * kHour
                                 << int(MetricsReader::Resolution::Hour);
}

void TestMetricsFile::aggregatesEqualSqlOverRawRows()
{
    QFETCH(qint64, fromMs);
    QFETCH(qint64, toMs);
    QFETCH(int, resolution);
    const QString path = m_dir.filePath(QStringLiteral("aggregates.db"));
    if (!QFileInfo::exists(path))
        QVERIFY(writeSampleFile(path));
    const qint64 width = resolution == int(MetricsReader::Resolution::Hour) ? kHour : kMinute;
    const qint64 first = fromMs - fromMs % width;
    const qint64 end = (toMs - 1) - (toMs - 1) % width + width;

    QStringList expected;
    {
        const auto db = openIndependent(path);
        SQLite::Statement q(*db, "SELECT task, started_at_ms / ?3 * ?3 AS b,"
                                 " strftime('%Y-%m-%dT%H:%M:%SZ', started_at_ms / ?3 * ?3 / 1000,"
                                 "          'unixepoch'),"
                                 " count(*) FILTER (WHERE outcome <> 'skipped'),"
                                 " sum(outcome = 'success'), sum(outcome = 'failure'),"
                                 " sum(outcome = 'timeout'), sum(outcome = 'cancelled'),"
                                 " sum(outcome = 'skipped'), max(duration_ms), sum(duration_ms)"
                                 " FROM executions WHERE started_at_ms >= ?1"
                                 " AND started_at_ms < ?2 GROUP BY b, task ORDER BY b, task");
        q.bind(1, static_cast<int64_t>(first));
        q.bind(2, static_cast<int64_t>(end));
        q.bind(3, static_cast<int64_t>(width));
        while (q.executeStep()) {
            QStringList cells;
            for (int i = 0; i < q.getColumnCount(); ++i)
                cells << QString::fromUtf8(q.getColumn(i).getText());
            // avg_ms: the bucket's total duration over the runs that started.
            const double runs = q.getColumn(3).getDouble();
            cells << (runs > 0 ? QString::number(q.getColumn(10).getDouble() / runs, 'f', 6)
                               : QStringLiteral("0"));
            expected << cells.join(u'|');
        }
    }
    QVERIFY(expected.size() > 3);

    MetricsReader reader(path);
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    const qint64 written =
        writeAggregatesCsv(reader, fromMs, toMs, MetricsReader::Resolution(resolution), out);
    const QList<QStringList> records = parseCsv(out.data());
    QVERIFY(!records.isEmpty());
    QCOMPARE(records.first(),
             QStringList({u"task"_s, u"bucket_start"_s, u"bucket_start_ms"_s, u"bucket_minutes"_s,
                          u"runs"_s, u"successes"_s, u"failures"_s, u"timeouts"_s, u"cancelled"_s,
                          u"skipped"_s, u"avg_ms"_s, u"max_ms"_s, u"total_ms"_s}));
    QCOMPARE(written, qint64(records.size() - 1));
    QStringList got;
    bool sawOddTask = false;
    for (const QMap<QString, QString> &row : csvRows(out.data())) {
        QCOMPARE(row.value(QStringLiteral("bucket_minutes")).toLongLong(), width / kMinute);
        sawOddTask = sawOddTask || row.value(QStringLiteral("task")) == kOddTask;
        const double avg = row.value(QStringLiteral("avg_ms")).toDouble();
        got << QStringList({row.value(u"task"_s), row.value(u"bucket_start_ms"_s),
                            row.value(u"bucket_start"_s), row.value(u"runs"_s),
                            row.value(u"successes"_s), row.value(u"failures"_s),
                            row.value(u"timeouts"_s), row.value(u"cancelled"_s),
                            row.value(u"skipped"_s), row.value(u"max_ms"_s),
                            row.value(u"total_ms"_s), QString::number(avg, 'f', 6)})
                   .join(u'|');
    }
    QVERIFY(sawOddTask); // the quoted task name came back whole
    // avg_ms is written to 3 decimals: compare it as a number, the rest exactly.
    QCOMPARE(got.size(), expected.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        QStringList a = got.at(i).split(u'|');
        QStringList b = expected.at(i).split(u'|');
        const double avgA = a.takeLast().toDouble();
        const double avgB = b.takeLast().toDouble();
        QCOMPARE(a, b);
        QVERIFY2(std::abs(avgA - avgB) <= 0.0005, qPrintable(got.at(i) + u" / " + expected.at(i)));
    }
}

void TestMetricsFile::runsAndAuditEqualTheRows()
{
    const QString path = m_dir.filePath(QStringLiteral("rows.db"));
    QVERIFY(writeSampleFile(path, 200));
    const qint64 from = kBase + 20 * kTickMs;
    const qint64 to = kBase + 150 * kTickMs;
    QStringList expectedRuns;
    QStringList expectedAudit;
    {
        const auto db = openIndependent(path);
        SQLite::Statement q(*db, "SELECT tick_id, task,"
                                 " strftime('%Y-%m-%dT%H:%M:%fZ', started_at_ms / 1000.0,"
                                 "          'unixepoch'),"
                                 " started_at_ms, duration_ms, outcome, items,"
                                 " coalesce(queued_ms, ''), error FROM executions"
                                 " WHERE started_at_ms >= ?1 AND started_at_ms < ?2"
                                 " ORDER BY started_at_ms, id");
        q.bind(1, static_cast<int64_t>(from));
        q.bind(2, static_cast<int64_t>(to));
        while (q.executeStep()) {
            QStringList cells;
            for (int i = 0; i < q.getColumnCount(); ++i)
                cells << QString::fromUtf8(q.getColumn(i).getText());
            expectedRuns << cells.join(u'\x1f');
        }
        expectedAudit = rows(*db, QStringLiteral("SELECT ts_ms, actor, action, detail,"
                                                 " coalesce(uid, '') FROM audit_log"
                                                 " WHERE ts_ms >= %1 AND ts_ms < %2"
                                                 " ORDER BY ts_ms, id")
                                      .arg(from)
                                      .arg(to));
    }
    QCOMPARE(expectedRuns.size(), 130 * 3);
    QVERIFY(expectedAudit.size() >= 2);

    MetricsReader reader(path);
    QBuffer runs;
    QVERIFY(runs.open(QIODevice::WriteOnly));
    QCOMPARE(writeRunsCsv(reader, from, to, runs), qint64(expectedRuns.size()));
    const QList<QStringList> runRecords = parseCsv(runs.data());
    QCOMPARE(runRecords.first(),
             QStringList({u"tick_id"_s, u"task"_s, u"started_at"_s, u"started_at_ms"_s,
                          u"duration_ms"_s, u"outcome"_s, u"items"_s, u"queued_ms"_s, u"error"_s}));
    QStringList gotRuns;
    for (qsizetype i = 1; i < runRecords.size(); ++i)
        gotRuns << runRecords.at(i).join(u'\x1f');
    QCOMPARE(gotRuns, expectedRuns); // errors with quotes, commas and line breaks come back whole

    // The overload for a selection the GUI holds writes the same.
    QBuffer selected;
    QVERIFY(selected.open(QIODevice::WriteOnly));
    writeRunsCsv(reader.executionsPage({from, to, {}, {}, 0, 100'000}).rows, selected);
    QCOMPARE(selected.data(), runs.data());

    QBuffer audit;
    QVERIFY(audit.open(QIODevice::WriteOnly));
    QCOMPARE(writeAuditCsv(reader, from, to, audit), qint64(expectedAudit.size()));
    const QList<QStringList> auditRecords = parseCsv(audit.data());
    QCOMPARE(auditRecords.first(),
             QStringList({u"time"_s, u"ts_ms"_s, u"actor"_s, u"action"_s, u"detail"_s, u"uid"_s}));
    QStringList gotAudit;
    for (qsizetype i = 1; i < auditRecords.size(); ++i) {
        const QStringList r = auditRecords.at(i);
        QCOMPARE(r.at(0), QDateTime::fromMSecsSinceEpoch(r.at(1).toLongLong(), Qt::UTC)
                              .toString(Qt::ISODateWithMs));
        gotAudit << r.mid(1).join(u'|');
    }
    QCOMPARE(gotAudit, expectedAudit);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--read-as-child") == 0)
        return readAsChild(QString::fromLocal8Bit(argv[2]));
    TestMetricsFile test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_metricsfile.moc"
