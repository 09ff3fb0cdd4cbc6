// heartbeatd and its price source, as an operator meets it: nothing is simulated outside the
// demo. A fresh real directory has no price source, says once at start which field to set, and
// skips its price updates instead of failing them; the demo says that its prices are the demo's.

#include "daemontestutil.h"

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

class TestHeartbeatdOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void freshRealDirectoryWarnsOnceThatNoPriceSourceIsSet();
    void realDirectoryOnTheDemoFeedIsWarned();
    void demoSaysItsPricesAreTheDemoFeed();

private:
    Daemon m_daemon; // warnings only, as the other system tests run it
    Daemon m_asUser; // info lines on, as a user sees them
};

void TestHeartbeatdOracle::initTestCase()
{
    QVERIFY2(m_daemon.init(), "heartbeatd is built and a private home can be made");
    QVERIFY(m_asUser.init());
    m_asUser.setInfoLogging(true);
}

void TestHeartbeatdOracle::freshRealDirectoryWarnsOnceThatNoPriceSourceIsSet()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString db = dataDir + u"/metrics.db"_s;

    const Result r = m_daemon.run(
        {u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"100"_s, u"--run-for"_s, u"1.5"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    // One warning, naming the field to set and the file it is in.
    QVERIFY2(r.errLines().size() == 1, r.describe());
    const QString warning = r.errLines().constFirst();
    QVERIFY2(warning.contains(u"no price source configured"_s), r.describe());
    QVERIFY2(warning.contains(u"oracle.source"_s), r.describe());
    QVERIFY2(warning.contains(dataDir + u"/config.json"_s), r.describe());

    // The config.json it wrote says "none", for the user to change.
    QJsonParseError parseError;
    const QJsonDocument config =
        QJsonDocument::fromJson(hb::test::readAll(dataDir + u"/config.json"_s), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(config.object().value(u"oracle"_s).toObject().value(u"source"_s).toString(),
             u"none"_s);

    // Every price update was skipped with the reason; none failed, so no breaker moved. (A run
    // still in flight when --run-for ends is cancelled by the stop, whatever it would have done.)
    const auto conn = openReadOnly(db);
    QVERIFY(queryInt(*conn, "SELECT count(*) FROM executions WHERE task = 'price_update'") >= 3);
    QCOMPARE(queryInt(*conn,
                      "SELECT count(*) FROM executions WHERE task = 'price_update'"
                      " AND outcome != 'cancelled'"
                      " AND (outcome != 'skipped' OR error != 'no price source configured')"),
             qint64(0));
    QCOMPARE(queryInt(*conn, "SELECT count(*) FROM executions WHERE task = 'oracle_monitoring'"
                             " AND outcome NOT IN ('skipped', 'cancelled')"),
             qint64(0));
    QCOMPARE(queryInt(*conn, "SELECT count(*) FROM breaker_events WHERE task = 'price_update'"),
             qint64(0));
    const QString mismatch = countersMismatch(db);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

// A real directory whose config.json names the demo feed (as an older version wrote by
// default) keeps it, but is told at every start that its prices are simulated.
void TestHeartbeatdOracle::realDirectoryOnTheDemoFeedIsWarned()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    QVERIFY(QDir().mkpath(dataDir));
    HeartbeatConfig config;
    config.oracleSource = OracleSourceName::Demo;
    QString error;
    QVERIFY2(ConfigFile(dataDir + u"/config.json"_s).save(config, &error), qPrintable(error));

    const Result r = m_daemon.run(
        {u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"100"_s, u"--run-for"_s, u"0.5"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(r.errLines().size() == 1, r.describe());
    QVERIFY2(r.errLines().constFirst().contains(u"simulated prices"_s), r.describe());
    QVERIFY2(r.errLines().constFirst().contains(u"oracle.source"_s), r.describe());
}

void TestHeartbeatdOracle::demoSaysItsPricesAreTheDemoFeed()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);

    const Result r = m_asUser.run({u"--data-dir"_s, dataDir, u"--demo"_s, u"--demo-loans"_s,
                                   u"100"_s, u"--tick-ms"_s, u"100"_s, u"--run-for"_s, u"0.5"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    const QStringList lines = r.errLines();
    QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                         [](const QString &line) {
                             return line.contains(u"price oracle: the demo feed"_s);
                         }),
             r.describe());
    for (const QString &line : lines)
        QVERIFY2(!line.contains(u"no price source"_s), r.describe());
}

QTEST_GUILESS_MAIN(TestHeartbeatdOracle)
#include "tst_heartbeatd_oracle.moc"
