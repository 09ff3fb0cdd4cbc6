// `heartbeat-dashboard --wall` from the command line: which source it picks for a data
// directory (the local heartbeatd through its API, else metrics.db read live), the viewer token it
// makes for itself, and the options it refuses. The binary runs offscreen with --screenshot.

#include "binaryrun.h"
#include "daemontestutil.h"
#include "httptestutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QString dashboardPath()
{
    return hb::test::binDir() + u"/heartbeat-dashboard"_s;
}

// The wall logs where its data comes from and every change of its state on stderr (the journal
// of the user unit): "wall: showing …", "wall: live", "wall: engine unreachable: …".
bool saysLine(const Result &r, const QString &part)
{
    return r.errLines().filter(part).size() > 0;
}

// A PNG was written (the screenshot of the wall): its signature and more than a header.
bool isPng(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.size() > 1000
           && file.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8);
}

} // namespace

class TestWallCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesBadOptions_data();
    void refusesBadOptions();
    void serverPublishesItsUrlWhileServing();
    void localEngineIsShownThroughItsApi();
    void withoutAnEngineTheFileIsReadLive();
    void aUrlThatIsNotHttpIsShownNotCrashed();

private:
    Binary m_dashboard{dashboardPath(), kFinishTimeoutMs};
    QTemporaryDir m_tmp;
};

void TestWallCli::initTestCase()
{
    QVERIFY2(m_dashboard.init(), "heartbeat-dashboard is built");
    QVERIFY(m_tmp.isValid());
}

void TestWallCli::refusesBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QString token = m_tmp.filePath(u"token"_s);
    QVERIFY(writeFile(token, "hb_abc\n"));
    const QString garbage = m_tmp.filePath(u"garbage-token"_s);
    QVERIFY(writeFile(garbage, "two\nlines\x01"));
    const QString nowhere = m_tmp.filePath(u"no-such-dir"_s);
    QTest::newRow("--connect without --wall")
        << QStringList{u"--connect"_s, u"http://127.0.0.1:9"_s} << u"--connect needs --wall"_s;
    QTest::newRow("--screen without --wall") << QStringList{u"--screen"_s, u"0"_s}
                                             << u"--screen needs --wall"_s;
    QTest::newRow("--wall with --open") << QStringList{u"--wall"_s, u"--open"_s, token}
                                        << u"cannot be used together"_s;
    QTest::newRow("--connect without a token")
        << QStringList{u"--wall"_s, u"--connect"_s, u"http://127.0.0.1:9"_s}
        << u"--connect needs --token-file"_s;
    QTest::newRow("token file missing")
        << QStringList{u"--wall"_s, u"--connect"_s, u"http://127.0.0.1:9"_s, u"--token-file"_s,
                       m_tmp.filePath(u"missing"_s)}
        << u"cannot read the token file"_s;
    QTest::newRow("token file not a token")
        << QStringList{u"--wall"_s, u"--connect"_s, u"http://127.0.0.1:9"_s, u"--token-file"_s,
                       garbage}
        << u"not a token"_s;
    QTest::newRow("screen out of range")
        << QStringList{u"--wall"_s, u"--screen"_s, u"7"_s, u"--data-dir"_s, nowhere}
        << u"screen"_s;
    QTest::newRow("no data directory") << QStringList{u"--wall"_s, u"--data-dir"_s, nowhere}
                                       << u"no such data directory"_s;
}

void TestWallCli::refusesBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const Result r = m_dashboard.run(arguments);
    QVERIFY2(r.exitedWith(2), r.describe());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.errLines().constFirst().contains(mentions), r.describe());
    // Refused before anything was made: no data directory appeared.
    QVERIFY(!QFileInfo::exists(m_tmp.filePath(u"no-such-dir"_s)));
}

// DATA/api.url is how a local client finds a heartbeatd that took any free port.
void TestWallCli::serverPublishesItsUrlWhileServing()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(u"data"_s);
    ServingDaemon daemon;
    QVERIFY(daemon.start(dataDir, {u"--demo"_s, u"--tick-ms"_s, u"200"_s}));
    QFile file(dataDir + u"/api.url"_s);
    // Written just after the line that says where it serves.
    QVERIFY2(QTest::qWaitFor([&] { return file.exists(); }, 5000), "api.url is written while serving");
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()).trimmed(), daemon.url());
    file.close();
    QCOMPARE(daemon.stop(), 0);
    QVERIFY2(!file.exists(), "api.url is removed when the server stops");
}

void TestWallCli::localEngineIsShownThroughItsApi()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(u"data"_s);
    ServingDaemon daemon;
    QVERIFY(daemon.start(dataDir, {u"--demo"_s, u"--tick-ms"_s, u"200"_s}));
    const QString shot = dir.filePath(u"wall.png"_s);
    const QStringList arguments{u"--wall"_s,       u"--data-dir"_s,   dataDir,
                                u"--screenshot"_s, shot,              u"--quit-after"_s,
                                u"4"_s};
    Result r = m_dashboard.run(arguments);
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(saysLine(r, u"wall: showing "_s + daemon.url()), r.describe());
    QVERIFY2(saysLine(r, u"wall: live"_s), r.describe());
    QVERIFY2(saysLine(r, u"made the viewer token"_s), r.describe());
    QVERIFY(isPng(shot));

    // The token it made for itself is a viewer token, kept owner-only, listed like any other.
    const QString tokenPath = dataDir + u"/wall.token"_s;
    QVERIFY(QFileInfo::exists(tokenPath));
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
                                      | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QVERIFY(QFileInfo(tokenPath).permissions() & QFile::ReadOwner);
    QCOMPARE(QFileInfo(tokenPath).permissions() & others, QFile::Permissions());
    const Result list = daemon.daemon().run({u"token"_s, u"list"_s, u"--data-dir"_s, dataDir});
    QVERIFY2(list.exitedWith(0), list.describe());
    const auto rows = tableOf(list);
    int walls = 0;
    for (const QStringList &row : rows) {
        if (!row.isEmpty() && row.constFirst().startsWith(u"wall-"_s)) {
            ++walls;
            QVERIFY2(row.contains(u"viewer"_s), qPrintable(row.join(u' ')));
        }
    }
    QCOMPARE(walls, 1);

    // A second start uses the same token: no new one.
    r = m_dashboard.run(arguments);
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(!saysLine(r, u"made the viewer token"_s), r.describe());
    QVERIFY2(saysLine(r, u"wall: live"_s), r.describe());
    const Result again = daemon.daemon().run({u"token"_s, u"list"_s, u"--data-dir"_s, dataDir});
    QCOMPARE(tableOf(again).size(), rows.size());
}

// No engine serves the directory: its metrics.db, read-only and live; nothing is written there.
void TestWallCli::withoutAnEngineTheFileIsReadLive()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(u"data"_s);
    Daemon daemon;
    QVERIFY(daemon.init());
    const Result ran = daemon.run({u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s,
                                   u"100"_s, u"--run-for"_s, u"2"_s});
    QVERIFY2(ran.exitedWith(0), ran.describe());
    const auto before = dirContents(dataDir);
    const QString shot = dir.filePath(u"wall.png"_s);
    const Result r = m_dashboard.run({u"--wall"_s, u"--data-dir"_s, dataDir, u"--screenshot"_s,
                                      shot, u"--quit-after"_s, u"3"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(saysLine(r, u"wall: showing "_s + dataDir + u"/metrics.db"_s), r.describe());
    // The file stopped growing when heartbeatd stopped: the wall says so, it does not pretend.
    QVERIFY2(saysLine(r, u"wall: no update"_s), r.describe());
    QVERIFY(isPng(shot));
    QCOMPARE(dirContents(dataDir), before);
}

void TestWallCli::aUrlThatIsNotHttpIsShownNotCrashed()
{
    const QString token = m_tmp.filePath(u"viewer"_s);
    QVERIFY(writeFile(token, "hb_whatever\n"));
    const QString shot = m_tmp.filePath(u"ftp.png"_s);
    const Result r =
        m_dashboard.run({u"--wall"_s, u"--connect"_s, u"ftp://127.0.0.1/x"_s, u"--token-file"_s,
                         token, u"--screenshot"_s, shot, u"--quit-after"_s, u"2"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(saysLine(r, u"wall: "_s) && r.errLines().filter(u"http"_s).size() > 0, r.describe());
    QVERIFY(isPng(shot));
}

QTEST_GUILESS_MAIN(TestWallCli)
#include "tst_wallcli.moc"
