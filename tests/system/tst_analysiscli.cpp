// heartbeat-dashboard's offline analysis from the command line, run as a cron job or a person
// would: `--open FILE.db` refuses a bad file with one line and status 2 before any window,
// `--export-csv OUT.csv` (with or without --from/--to) writes the per-task per-bucket figures
// and exits 0 without a display, the figures equal plain SQL over the raw rows, and neither the
// metrics file's folder nor the user's home is touched. A file a running heartbeatd is writing
// exports too, and a later export sees its newer rows.

#include "csvparse.h"
#include "daemontestutil.h"
#include "store/metricsstore.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace hb;
using namespace hb::test;

namespace {

QString dashboardPath()
{
    return hb::test::binDir() + u"/heartbeat-dashboard"_s;
}

// The test's own look at a closed file: immutable, so it creates no -wal/-shm beside it.
std::unique_ptr<SQLite::Database> openIndependent(const QString &path)
{
    const bool wal = QFileInfo::exists(path + u"-wal"_s);
    return std::make_unique<SQLite::Database>(
        QString(u"file:"_s + path + (wal ? u"?mode=ro"_s : u"?immutable=1"_s)).toStdString(),
        SQLite::OPEN_READONLY | SQLite::OPEN_URI, 2000);
}

// Per task and bucket (`width` ms) from the raw rows, as "task|bucket_start|runs|successes|
// failures|timeouts|skipped|max_ms" (the CSV's columns of the same names), every bucket that
// overlaps [from, to).
QStringList expectedBuckets(const QString &db, qint64 from, qint64 to, qint64 width = 60'000)
{
    const auto conn = openIndependent(db);
    SQLite::Statement q(*conn, "SELECT task, strftime('%Y-%m-%dT%H:%M:%SZ',"
                               "   started_at_ms / ?3 * ?3 / 1000, 'unixepoch') AS b,"
                               " count(*) FILTER (WHERE outcome <> 'skipped'),"
                               " sum(outcome = 'success'), sum(outcome = 'failure'),"
                               " sum(outcome = 'timeout'), sum(outcome = 'skipped'),"
                               " max(duration_ms) FROM executions"
                               " WHERE started_at_ms >= ?1 / ?3 * ?3"
                               " AND started_at_ms < (?2 - 1) / ?3 * ?3 + ?3"
                               " GROUP BY b, task ORDER BY b, task");
    q.bind(1, static_cast<int64_t>(from));
    q.bind(2, static_cast<int64_t>(to));
    q.bind(3, static_cast<int64_t>(width));
    QStringList out;
    while (q.executeStep()) {
        QStringList cells;
        for (int i = 0; i < q.getColumnCount(); ++i)
            cells << QString::fromUtf8(q.getColumn(i).getText());
        out << cells.join(u'|');
    }
    return out;
}

// Four days of runs, one every 7 minutes for each of three tasks, every outcome, written
// through the store: long enough for hour buckets, and a few hours of it for minute buckets.
bool writeLongFile(const QString &path, qint64 firstMs)
{
    constexpr Outcome kOutcomes[] = {Outcome::Success, Outcome::Failure,   Outcome::Timeout,
                                     Outcome::Skipped, Outcome::Cancelled, Outcome::Success};
    WriteBatch batch;
    for (int i = 0; i < 4 * 24 * 60 / 7; ++i) {
        for (int t = 0; t < 3; ++t) {
            ExecutionRecord r;
            r.tickId = i + 1;
            r.task = QStringList{u"price_update"_s, u"loan_monitoring"_s, u"a, \"b\""_s}.at(t);
            r.startedAtMs = firstMs + qint64(i) * 7 * 60'000 + t * 1'000;
            r.outcome = kOutcomes[(i + t) % 6];
            r.durationMs = r.outcome == Outcome::Skipped ? 0 : (i * 37 + t * 11) % 900;
            batch.executions.append(r);
        }
    }
    try {
        MetricsStore store(path);
        store.write(batch);
    } catch (const std::exception &e) {
        qWarning() << e.what();
        return false;
    }
    return true;
}

QStringList exportedBuckets(const QByteArray &csv)
{
    const QList<QStringList> records = parseCsv(csv);
    QStringList out;
    if (records.isEmpty())
        return out;
    const QStringList header = records.first();
    const QStringList columns = {u"task"_s,     u"bucket_start"_s, u"runs"_s,    u"successes"_s,
                                 u"failures"_s, u"timeouts"_s,     u"skipped"_s, u"max_ms"_s};
    for (qsizetype r = 1; r < records.size(); ++r) {
        QStringList cells;
        for (const QString &column : columns)
            cells << records.at(r).value(header.indexOf(column));
        out << cells.join(u'|');
    }
    return out;
}

qint64 sumOfColumn(const QByteArray &csv, const QString &column)
{
    const QList<QStringList> records = parseCsv(csv);
    if (records.isEmpty())
        return -1;
    const qsizetype at = records.first().indexOf(column);
    qint64 sum = 0;
    for (qsizetype r = 1; r < records.size(); ++r)
        sum += records.at(r).value(at).toLongLong();
    return sum;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

} // namespace

class TestAnalysisCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badFileIsRefusedBeforeAnyWindow_data();
    void badFileIsRefusedBeforeAnyWindow();
    void badOptionsAreRefused_data();
    void badOptionsAreRefused();
    void exportsTheWholeFileAndARange();
    void exportsWithoutADisplay();
    void exportsFromAReadOnlyFolder();
    void exportsAFileADaemonIsWriting();
    void writesTheReportWithoutAWindow();
    void opensTheFileInTheWindow();
    void helpNamesTheOptions();

private:
    QString home() const { return m_dashboard.environment().value(u"HOME"_s); }

    Binary m_dashboard{dashboardPath(), kFinishTimeoutMs};
    Daemon m_daemon;
    QTemporaryDir m_saved; // a data directory heartbeatd made: the file analysts open
    QString m_db;
};

void TestAnalysisCli::initTestCase()
{
    QVERIFY2(m_dashboard.init(), "heartbeat-dashboard is built and a private home can be made");
    QVERIFY2(m_daemon.init(), "heartbeatd is built");
    const QString dataDir = m_saved.filePath(u"data"_s);
    // About 60 ticks across at least one minute boundary is what the range checks need; a
    // 50 ms tick gets there in a few seconds.
    // A slow machine (a sanitized build on a busy one) records fewer runs in those seconds: it
    // runs again until the runs fill enough pages for the damaged-leaf case (at most 5 times).
    m_db = dataDir + u"/metrics.db"_s;
    for (int round = 0; round < 5; ++round) {
        const Result r = m_daemon.run({u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s,
                                       u"50"_s, u"--run-for"_s, u"4"_s});
        QVERIFY2(r.exitedWith(0), r.describe());
        // immutable: a look that leaves no -wal or -shm beside the file.
        SQLite::Database db("file:" + m_db.toStdString() + "?immutable=1",
                            SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        if (db.execAndGet("SELECT count(*) FROM dbstat WHERE name = 'executions' AND"
                          " pagetype = 'leaf'")
                .getInt64()
            >= 4)
            break;
    }
    QVERIFY(QFileInfo::exists(m_db));
    QVERIFY(!QFileInfo::exists(m_db + u"-wal"_s));
}

void TestAnalysisCli::badFileIsRefusedBeforeAnyWindow_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("extra"); // more arguments: with or without an export
    QTest::addColumn<QString>("mentions");
    const QStringList none;
    const QStringList csv = {u"--export-csv"_s, u"OUT"_s};
    QTest::newRow("missing, window") << u"missing"_s << none << u"no such file"_s;
    QTest::newRow("missing, export") << u"missing"_s << csv << u"no such file"_s;
    QTest::newRow("directory") << u"directory"_s << csv << u"folder"_s;
    QTest::newRow("empty file, window") << u"empty"_s << none << u"empty"_s;
    QTest::newRow("empty file, export") << u"empty"_s << csv << u"empty"_s;
    QTest::newRow("not sqlite") << u"text"_s << csv << u"not an SQLite database"_s;
    QTest::newRow("newer schema") << u"newer"_s << csv << u"newer version"_s;
    QTest::newRow("damaged page") << u"damaged"_s << csv << u"damaged"_s;
    QTest::newRow("damaged page met while exporting runs")
        << u"damaged-leaf"_s << (csv + QStringList{u"--csv-rows"_s, u"runs"_s}) << u"damaged"_s;
    QTest::newRow("another program's database") << u"foreign"_s << csv << u"another program"_s;
}

void TestAnalysisCli::badFileIsRefusedBeforeAnyWindow()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, extra);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"metrics.db"_s);
    const QString out = dir.filePath(u"out.csv"_s);
    extra.replaceInStrings(u"OUT"_s, out);
    if (kind == u"directory") {
        QVERIFY(QDir().mkpath(path));
    } else if (kind == u"empty" || kind == u"text") {
        QVERIFY(writeFile(path, kind == u"text" ? QByteArray("task,runs\n") : QByteArray()));
    } else if (kind == u"foreign") {
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE contacts(name TEXT, phone TEXT)");
    } else if (kind != u"missing") {
        QVERIFY(QFile::copy(m_db, path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        qint64 page = 0;
        qint64 pageSize = 0;
        {
            SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE);
            if (kind == u"newer")
                db.exec("PRAGMA user_version = " + std::to_string(MetricsStore::SchemaVersion + 1));
            // The root of the runs' table is read on open; a leaf in the middle only by a
            // read that goes through every run.
            if (kind != u"newer") {
                SQLite::Statement q(
                    db, kind == u"damaged"
                            ? "SELECT rootpage FROM sqlite_master WHERE name = 'executions'"
                            : "SELECT pageno FROM dbstat WHERE name = 'executions' AND"
                              " pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 2");
                QVERIFY2(q.executeStep(), "the recording has fewer than three leaves of runs");
                page = q.getColumn(0).getInt64();
            }
            pageSize = db.execAndGet("PRAGMA page_size").getInt64();
        }
        if (kind != u"newer") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite) && f.seek((page - 1) * pageSize));
            QCOMPARE(f.write(QByteArray(int(pageSize), char(0xff))), pageSize);
        }
    }
    const QMap<QString, QByteArray> before = dirContents(dir.path());
    const QMap<QString, QByteArray> homeBefore = dirContents(home());

    const Result r = m_dashboard.run(QStringList{u"--open"_s, path} + extra);
    QVERIFY2(r.exitedWith(2), r.describe());
    QVERIFY2(r.errLines().size() == 1, r.describe());
    const QString line = r.errLines().constFirst();
    QVERIFY2(line.startsWith(u"heartbeat-dashboard: "_s + path + u": "_s), r.describe());
    QVERIFY2(line.contains(mentions), r.describe());
    QVERIFY2(r.elapsedMs < 10'000, r.describe());
    QVERIFY(!QFileInfo::exists(out));           // nothing written...
    QVERIFY(dirContents(dir.path()) == before); // ...beside the file...
    QVERIFY(dirContents(home()) == homeBefore); // ...or in the home (no data directory)
}

void TestAnalysisCli::badOptionsAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QString db = u"DB"_s;
    QTest::newRow("export without --open")
        << QStringList{u"--export-csv"_s, u"OUT"_s} << u"--export-csv needs --open"_s;
    QTest::newRow("--from without --open")
        << QStringList{u"--from"_s, u"2026-12-01"_s} << u"--from needs --open"_s;
    QTest::newRow("bad --from") << QStringList{u"--open"_s, db,          u"--export-csv"_s,
                                               u"OUT"_s,    u"--from"_s, u"yesterday"_s}
                                << u"--from must be an ISO 8601"_s;
    QTest::newRow("bad --to") << QStringList{u"--open"_s, db,        u"--export-csv"_s,
                                             u"OUT"_s,    u"--to"_s, u"2026-13-40"_s}
                              << u"--to must be an ISO 8601"_s;
    QTest::newRow("--from after --to")
        << QStringList{u"--open"_s,     db,        u"--export-csv"_s,        u"OUT"_s, u"--from"_s,
                       u"2026-12-02"_s, u"--to"_s, u"2026-12-01T23:00:00Z"_s}
        << u"must be before --to"_s;
    QTest::newRow("unknown --csv-rows")
        << QStringList{u"--open"_s, db, u"--export-csv"_s, u"OUT"_s, u"--csv-rows"_s, u"all"_s}
        << u"--csv-rows must be buckets, runs or audit"_s;
    QTest::newRow("output is the metrics file")
        << QStringList{u"--open"_s, db, u"--export-csv"_s, db} << u"is the metrics file"_s;
    QTest::newRow("output folder missing")
        << QStringList{u"--open"_s, db, u"--export-csv"_s, u"/nonexistent/dir/out.csv"_s}
        << u"cannot write"_s;
}

void TestAnalysisCli::badOptionsAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"metrics.db"_s);
    QVERIFY(QFile::copy(m_db, db));
    const QString out = dir.filePath(u"out.csv"_s);
    arguments.replaceInStrings(u"DB"_s, db);
    arguments.replaceInStrings(u"OUT"_s, out);
    const QMap<QString, QByteArray> before = dirContents(dir.path());

    const Result r = m_dashboard.run(arguments);
    QVERIFY2(r.exitedWith(2), r.describe());
    QVERIFY2(r.errLines().size() == 1, r.describe());
    QVERIFY2(r.errLines().constFirst().contains(mentions), r.describe());
    QVERIFY(dirContents(dir.path()) == before); // no output, the file as it was
}

void TestAnalysisCli::exportsTheWholeFileAndARange()
{
    const QString dataDir = QFileInfo(m_db).absolutePath();
    const QMap<QString, QByteArray> before = dirContents(dataDir);
    const QMap<QString, QByteArray> homeBefore = dirContents(home());
    QTemporaryDir outDir;
    QVERIFY(outDir.isValid());
    const QString whole = outDir.filePath(u"whole.csv"_s);

    Result r = m_dashboard.run({u"--open"_s, m_db, u"--export-csv"_s, whole});
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(r.errLines().isEmpty(), r.describe());
    const QByteArray csv = readAll(whole);
    const QStringList header = parseCsv(csv).value(0);
    QVERIFY2(header.contains(u"task"_s) && header.contains(u"runs"_s), csv.left(200));
    QVERIFY(csv.startsWith("task,bucket_start,"));

    qint64 first = 0;
    qint64 last = 0;
    qint64 rows = 0;
    {
        const auto conn = openIndependent(m_db);
        first = conn->execAndGet("SELECT min(started_at_ms) FROM executions").getInt64();
        last = conn->execAndGet("SELECT max(started_at_ms) FROM executions").getInt64();
        rows = conn->execAndGet("SELECT count(*) FROM executions").getInt64();
    }
    QVERIFY(rows > 0);
    const QStringList expected = expectedBuckets(m_db, first, last + 1);
    QCOMPARE(exportedBuckets(csv), expected);
    QCOMPARE(sumOfColumn(csv, u"runs"_s) + sumOfColumn(csv, u"skipped"_s), rows);

    // Four days: hour buckets for the whole file, minute buckets for six hours of it (given as
    // ISO times with milliseconds and an offset), figures equal to SQL over the raw rows.
    const QString longDb = outDir.filePath(u"long.db"_s);
    const qint64 longFirst = 1'764'547'323'456; // 2025-12-01T00:02:03.456Z
    QVERIFY(writeLongFile(longDb, longFirst));
    const QString longCsv = outDir.filePath(u"long.csv"_s);
    r = m_dashboard.run({u"--open"_s, longDb, u"--export-csv"_s, longCsv});
    QVERIFY2(r.exitedWith(0), r.describe());
    const QByteArray longBytes = readAll(longCsv);
    const QStringList expectedHours =
        expectedBuckets(longDb, longFirst, longFirst + 4 * 86'400'000, 3'600'000);
    QCOMPARE(expectedHours.size(), 3 * 96); // three tasks, 96 hours
    QCOMPARE(exportedBuckets(longBytes), expectedHours);
    QCOMPARE(parseCsv(longBytes).value(1).value(3), u"60"_s); // bucket_minutes

    const qint64 from = longFirst + 30 * 3'600'000 + 12'345;
    const qint64 to = from + 6 * 3'600'000;
    const QString part = outDir.filePath(u"part.csv"_s);
    r = m_dashboard.run(
        {u"--open"_s, longDb, u"--export-csv"_s, part, u"--from"_s, iso(from), u"--to"_s, iso(to)});
    QVERIFY2(r.exitedWith(0), r.describe());
    const QStringList expectedPart = expectedBuckets(longDb, from, to);
    QVERIFY(expectedPart.size() > 100);
    QCOMPARE(exportedBuckets(readAll(part)), expectedPart);

    // The runs themselves, of the whole file.
    const QString runs = outDir.filePath(u"runs.csv"_s);
    r = m_dashboard.run({u"--open"_s, m_db, u"--export-csv"_s, runs, u"--csv-rows"_s, u"runs"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    QCOMPARE(parseCsv(readAll(runs)).size() - 1, rows);

    // A range with nothing in it: the header alone.
    const QString empty = outDir.filePath(u"empty.csv"_s);
    r = m_dashboard.run({u"--open"_s, m_db, u"--export-csv"_s, empty, u"--from"_s, u"2001-01-01"_s,
                         u"--to"_s, u"2001-01-02"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    QCOMPARE(parseCsv(readAll(empty)).size(), 1);

    QVERIFY(dirContents(dataDir) == before);    // the metrics file's folder, byte for byte
    QVERIFY(dirContents(home()) == homeBefore); // no demo data directory, no settings
    // No temporary files left: the five CSVs and the long file.
    QCOMPARE(QDir(outDir.path()).entryList(QDir::Files | QDir::Hidden).size(), 6);
}

void TestAnalysisCli::exportsWithoutADisplay()
{
    QTemporaryDir outDir;
    QVERIFY(outDir.isValid());
    const QString out = outDir.filePath(u"cron.csv"_s);
    QProcessEnvironment env = m_dashboard.environment();
    for (const QString &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        env.remove(name);
    QProcess process;
    process.setProgram(dashboardPath());
    process.setArguments({u"--open"_s, m_db, u"--export-csv"_s, out});
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start();
    const Result r = finish(process, timer, kFinishTimeoutMs);
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY(parseCsv(readAll(out)).size() > 1);
}

// Permission bits do not stop root: as root (CI) the binary runs as 'nobody', who can read the
// saved folder but not write it (the test checks that it really cannot).
void TestAnalysisCli::exportsFromAReadOnlyFolder()
{
    const bool root = ::geteuid() == 0;
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QFile::Permissions readOnlyFile = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    const QFile::Permissions readOnlyDir =
        readOnlyFile | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    QVERIFY(QFile::setPermissions(parent.path(), readOnlyDir | QFile::WriteOwner));
    if (root && !othersCanReach(parent.path()))
        QSKIP(qPrintable(u"the temporary folder "_s + parent.path() +
                         u" is not reachable by 'nobody'"_s));
    const QString saved = parent.filePath(u"saved"_s);
    const QString out = parent.filePath(u"out"_s);
    QVERIFY(QDir().mkpath(saved) && QDir().mkpath(out));
    const QString db = saved + u"/metrics.db"_s;
    QVERIFY(QFile::copy(m_db, db));
    QVERIFY(QFile::setPermissions(db, readOnlyFile));
    QVERIFY(QFile::setPermissions(saved, readOnlyDir));
    QVERIFY(QFile::setPermissions(out, readOnlyDir | QFile::WriteOwner | QFile::WriteGroup |
                                           QFile::WriteOther));
    const auto restore =
        qScopeGuard([&] { QFile::setPermissions(saved, readOnlyDir | QFile::WriteOwner); });
    const QMap<QString, QByteArray> before = dirContents(saved);

    std::function<void()> asNobody;
    if (root) {
        const QByteArray savedPath = QFile::encodeName(saved); // copied into the child
        asNobody = [savedPath] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
                ::_exit(126);
            if (::access(savedPath.constData(), W_OK) == 0)
                ::_exit(125); // the folder is writable after all: the test would prove nothing
        };
    }
    const QString csv = out + u"/saved.csv"_s;
    const Result r = m_dashboard.run({u"--open"_s, db, u"--export-csv"_s, csv}, asNobody);
    QVERIFY2(r.exitCode != 126, "could not switch to the user 'nobody'");
    QVERIFY2(r.exitCode != 125, "the folder is writable for the reading user");
    QVERIFY2(r.exitedWith(0), r.describe());
    qint64 first = 0;
    qint64 last = 0;
    {
        const auto conn = openIndependent(db);
        first = conn->execAndGet("SELECT min(started_at_ms) FROM executions").getInt64();
        last = conn->execAndGet("SELECT max(started_at_ms) FROM executions").getInt64();
    }
    const QStringList expected = expectedBuckets(db, first, last + 1);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(exportedBuckets(readAll(csv)), expected);
    QVERIFY(dirContents(saved) == before); // no -wal, no -shm, not a byte changed
}

void TestAnalysisCli::exportsAFileADaemonIsWriting()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"live"_s);
    const auto daemon = m_daemon.startTicking(dataDir, {u"--demo"_s, u"--tick-ms"_s, u"100"_s}, 3);
    QVERIFY(daemon);
    const auto stop = qScopeGuard([&] {
        daemon->terminate();
        daemon->waitForFinished(kFinishTimeoutMs);
    });
    const QString db = dataDir + u"/metrics.db"_s;
    QVERIFY(QFileInfo::exists(db + u"-wal"_s)); // being written right now

    const QString out = parent.filePath(u"first.csv"_s);
    Result r =
        m_dashboard.run({u"--open"_s, db, u"--export-csv"_s, out, u"--csv-rows"_s, u"runs"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    const qint64 firstRuns = parseCsv(readAll(out)).size() - 1;
    QVERIFY(firstRuns > 0);

    // Follow: the next read sees what was committed since.
    const qint64 ticks = committedTicks(db);
    QTRY_VERIFY_WITH_TIMEOUT(committedTicks(db) >= ticks + 3, 10'000);
    r = m_dashboard.run({u"--open"_s, db, u"--export-csv"_s, out, u"--csv-rows"_s, u"runs"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY(parseCsv(readAll(out)).size() - 1 > firstRuns);
    QCOMPARE(daemon->state(), QProcess::Running); // the writer never noticed
}

// A cron job's weekly report: PDF and HTML, no display, the data directory untouched; the
// per-task runs in it are those of SQL over the raw rows.
void TestAnalysisCli::writesTheReportWithoutAWindow()
{
    if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty())
        QSKIP("pdftotext (poppler-utils) is missing: scripts/install-deps.sh installs it");
    const QString dataDir = QFileInfo(m_db).absolutePath();
    const QMap<QString, QByteArray> before = dirContents(dataDir);
    QTemporaryDir outDir;
    QVERIFY(outDir.isValid());
    QProcessEnvironment env = m_dashboard.environment();
    for (const QString &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        env.remove(name);
    const auto runHeadless = [&](const QStringList &arguments) {
        QProcess process;
        process.setProgram(dashboardPath());
        process.setArguments(arguments);
        process.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        process.start();
        return finish(process, timer, kFinishTimeoutMs);
    };

    const QString pdf = outDir.filePath(u"weekly.pdf"_s);
    Result r = runHeadless({u"--open"_s, m_db, u"--report"_s, pdf});
    QVERIFY2(r.exitedWith(0), r.describe());
    QProcess text;
    text.start(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s});
    QVERIFY(text.waitForFinished(30'000));
    const QString report = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(report.contains(u"Heartbeat maintenance report"_s), qPrintable(report.left(400)));
    {
        const auto conn = openIndependent(m_db);
        SQLite::Statement q(*conn, "SELECT task, count(*) FROM executions WHERE outcome <> "
                                   "'skipped' GROUP BY task");
        int tasks = 0;
        while (q.executeStep()) {
            ++tasks;
            const QString runs = QLocale(QLocale::English).toString(q.getColumn(1).getInt64());
            const QRegularExpression line(
                u"\\b"_s + QRegularExpression::escape(runs) + u"\\b"_s);
            QVERIFY2(report.contains(line), qPrintable(runs));
        }
        QVERIFY(tasks > 0);
    }

    const QString html = outDir.filePath(u"weekly.html"_s);
    r = runHeadless({u"--open"_s, m_db, u"--report"_s, html, u"--from"_s, u"2001-01-01"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    const QByteArray page = readAll(html);
    QVERIFY(page.contains("<html") || page.contains("<!DOCTYPE"));
    QCOMPARE(page.count("data:image/png;base64,"), 4);

    // Not a report format: refused, nothing written.
    const QString odt = outDir.filePath(u"weekly.odt"_s);
    r = runHeadless({u"--open"_s, m_db, u"--report"_s, odt});
    QVERIFY2(r.exitedWith(2), r.describe());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY(!QFileInfo::exists(odt));
    QCOMPARE(dirContents(dataDir), before);
}

// `--open FILE.db` without an output: the recorded window (scripted: a screenshot, then it
// quits), no engine, no data directory made, the file and its folder as they were.
void TestAnalysisCli::opensTheFileInTheWindow()
{
    const QString dataDir = QFileInfo(m_db).absolutePath();
    const QMap<QString, QByteArray> before = dirContents(dataDir);
    QTemporaryDir outDir;
    QVERIFY(outDir.isValid());
    const QString png = outDir.filePath(u"window.png"_s);
    const Result r =
        m_dashboard.run({u"--open"_s, m_db, u"--screenshot"_s, png, u"--quit-after"_s, u"2"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    const QByteArray shot = readAll(png);
    QVERIFY2(shot.startsWith("\x89PNG") && shot.size() > 10'000, qPrintable(png));
    QCOMPARE(dirContents(dataDir), before);
    // No demo data directory was made for it.
    QVERIFY(!QFileInfo::exists(home() + u"/.local/share/heartbeat"_s));
}

void TestAnalysisCli::helpNamesTheOptions()
{
    const Result r = m_dashboard.run({u"--help"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    for (const char *option : {"--open <FILE>", "--export-csv <FILE>", "--report <FILE>", "--csv-rows <ROWS>",
                               "--from <TIME>", "--to <TIME>"})
        QVERIFY2(r.out.contains(option), option);
}

QTEST_GUILESS_MAIN(TestAnalysisCli)
#include "tst_analysiscli.moc"
