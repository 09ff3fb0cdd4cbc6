// `heartbeatd token create|list|revoke` as an administrator or a script runs them: the secret
// captured from stdout alone, the table, the refusals (one line, exit status 2), and all of it
// while an engine runs on the same data directory.

#include "daemontestutil.h"

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

class TestHeartbeatdToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createListRevoke();
    void defaultDataDirectory();
    void refusals_data();
    void refusals();
    void unreadableFileIsNamedAndKept();
    void worksWhileAnEngineRuns();

private:
    Result token(const QString &dataDir, const QStringList &arguments) const
    {
        return m_daemon.run(QStringList{u"token"_s} + arguments +
                            QStringList{u"--data-dir"_s, dataDir});
    }

    Daemon m_daemon;
};

void TestHeartbeatdToken::initTestCase()
{
    QVERIFY2(m_daemon.init(), "heartbeatd is built and a private home can be made");
}

void TestHeartbeatdToken::createListRevoke()
{
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(u"new"_s); // created by the first token

    const Result created =
        token(dataDir, {u"create"_s, u"--name"_s, u"wall"_s, u"--role"_s, u"viewer"_s});
    const QString outputProblem = secretOutputProblem(created, u"^hb_[A-Za-z0-9_-]{43}$"_s);
    QVERIFY2(outputProblem.isEmpty(),
             qPrintable(outputProblem + u'\n' + QString::fromUtf8(created.describe())));
    const QByteArray secret = created.out.trimmed();
    // Only the token file, private, in a private directory: no engine files.
    const QString fileProblem = secretFileProblem(dataDir, u"tokens.json"_s, secret);
    QVERIFY2(fileProblem.isEmpty(), qPrintable(fileProblem));

    const Result admin =
        token(dataDir, {u"create"_s, u"--name"_s, u"ci.bot"_s, u"--role"_s, u"admin"_s});
    QVERIFY2(admin.exitedWith(0), admin.describe());
    QVERIFY(admin.out.trimmed() != secret);

    const Result listed = token(dataDir, {u"list"_s});
    QVERIFY2(listed.exitedWith(0) && listed.err.isEmpty(), listed.describe());
    const QList<QStringList> rows = tableOf(listed);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0), (QStringList{u"NAME"_s, u"ROLE"_s, u"CREATED"_s, u"LAST-USED"_s}));
    QCOMPARE(rows.at(1).value(0), u"ci.bot"_s);
    QCOMPARE(rows.at(1).value(1), u"admin"_s);
    QCOMPARE(rows.at(2).value(0), u"wall"_s);
    QCOMPARE(rows.at(2).value(1), u"viewer"_s);
    const QDateTime createdAt = QDateTime::fromString(rows.at(2).value(2), Qt::ISODate);
    QVERIFY2(createdAt.isValid() && qAbs(createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60,
             listed.describe());
    QCOMPARE(rows.at(2).value(3), u"never"_s);
    QVERIFY(!listed.out.contains(secret));

    const Result revoked = token(dataDir, {u"revoke"_s, u"wall"_s});
    QVERIFY2(revoked.exitedWith(0) && revoked.out.isEmpty(), revoked.describe());
    const Result after = token(dataDir, {u"list"_s});
    QVERIFY2(after.exitedWith(0), after.describe());
    QCOMPARE(tableOf(after).size(), 2);
    QCOMPARE(tableOf(after).at(1).value(0), u"ci.bot"_s);
    QVERIFY(!readAll(dataDir + u"/tokens.json"_s).contains(sha256Hex(secret)));
}

void TestHeartbeatdToken::defaultDataDirectory()
{
    // No --data-dir: the same directory the engine uses by default.
    const Result created =
        m_daemon.run({u"token"_s, u"create"_s, u"--name"_s, u"me"_s, u"--role"_s, u"operator"_s});
    QVERIFY2(created.exitedWith(0), created.describe());
    const QString dataDir = m_daemon.environment().value(u"XDG_DATA_HOME"_s) + u"/heartbeat"_s;
    QVERIFY(readAll(dataDir + u"/tokens.json"_s).contains(sha256Hex(created.out.trimmed())));
    const Result listed = m_daemon.run({u"token"_s, u"list"_s});
    QVERIFY2(listed.exitedWith(0), listed.describe());
    QCOMPARE(tableOf(listed).value(1).value(0), u"me"_s);
}

void TestHeartbeatdToken::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorMentions");
    QTest::addColumn<bool>("dataDirExists");

    QTest::newRow("bad role") << QStringList{u"create"_s, u"--name"_s, u"x"_s, u"--role"_s,
                                             u"root"_s}
                              << u"root"_s << true;
    QTest::newRow("no role") << QStringList{u"create"_s, u"--name"_s, u"x"_s} << u"--role"_s
                             << true;
    QTest::newRow("no name") << QStringList{u"create"_s, u"--role"_s, u"admin"_s} << u"--name"_s
                             << true;
    QTest::newRow("bad name") << QStringList{u"create"_s, u"--name"_s, u"a b"_s, u"--role"_s,
                                             u"admin"_s}
                              << u"a b"_s << true;
    QTest::newRow("duplicate") << QStringList{u"create"_s, u"--name"_s, u"taken"_s, u"--role"_s,
                                              u"admin"_s}
                               << u"taken"_s << true;
    QTest::newRow("revoke unknown") << QStringList{u"revoke"_s, u"nobody"_s} << u"nobody"_s << true;
    QTest::newRow("revoke without name") << QStringList{u"revoke"_s} << u"NAME"_s << true;
    QTest::newRow("unknown command") << QStringList{u"rotate"_s} << u"rotate"_s << true;
    QTest::newRow("no command") << QStringList{} << u"create"_s << true;
    QTest::newRow("unknown option")
        << QStringList{u"list"_s, u"--frobnicate"_s} << u"frobnicate"_s << true;
    QTest::newRow("list, no directory") << QStringList{u"list"_s} << u"no such"_s << false;
    QTest::newRow("revoke, no directory")
        << QStringList{u"revoke"_s, u"taken"_s} << u"no such"_s << false;
}

void TestHeartbeatdToken::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorMentions);
    QFETCH(bool, dataDirExists);
    const QString problem = refusalProblem(
        [this](const QString &dataDir, const QStringList &args) { return token(dataDir, args); },
        {u"create"_s, u"--name"_s, u"taken"_s, u"--role"_s, u"viewer"_s}, arguments, errorMentions,
        dataDirExists);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestHeartbeatdToken::unreadableFileIsNamedAndKept()
{
    QTemporaryDir dataDir;
    const QString path = dataDir.filePath(u"tokens.json"_s);
    const QByteArray corrupt = R"({"version": 1, "tokens": [{"name": "half)";
    QVERIFY(writeFile(path, corrupt));
    for (const QStringList &arguments :
         {QStringList{u"list"_s}, QStringList{u"revoke"_s, u"half"_s},
          QStringList{u"create"_s, u"--name"_s, u"x"_s, u"--role"_s, u"viewer"_s}}) {
        const Result r = token(dataDir.path(), arguments);
        QVERIFY2(r.exitedWith(2) && r.out.isEmpty(), r.describe());
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.errLines().constFirst().contains(path), r.describe());
    }
    QCOMPARE(readAll(path), corrupt);
}

void TestHeartbeatdToken::worksWhileAnEngineRuns()
{
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(u"data"_s);
    QVERIFY(m_daemon.createDataDir(dataDir));
    const auto daemon = m_daemon.startTicking(dataDir, {u"--tick-ms"_s, u"50"_s}, 1);
    QVERIFY(daemon);
    const auto stop = qScopeGuard([&] {
        daemon->terminate();
        daemon->waitForFinished(kFinishTimeoutMs);
    });

    const Result created =
        token(dataDir, {u"create"_s, u"--name"_s, u"wall"_s, u"--role"_s, u"viewer"_s});
    QVERIFY2(created.exitedWith(0), created.describe());
    const Result listed = token(dataDir, {u"list"_s});
    QVERIFY2(listed.exitedWith(0), listed.describe());
    QCOMPARE(tableOf(listed).value(1).value(0), u"wall"_s);
    const Result revoked = token(dataDir, {u"revoke"_s, u"wall"_s});
    QVERIFY2(revoked.exitedWith(0), revoked.describe());
    QCOMPARE(tableOf(token(dataDir, {u"list"_s})).size(), 1);

    // The engine was not disturbed: it still ticks and stops cleanly.
    const qint64 ticks = committedTicks(dataDir + u"/metrics.db"_s);
    QVERIFY(
        QTest::qWaitFor([&] { return committedTicks(dataDir + u"/metrics.db"_s) > ticks; }, 5000));
    QCOMPARE(daemon->state(), QProcess::Running);
}

QTEST_GUILESS_MAIN(TestHeartbeatdToken)
#include "tst_heartbeatd_token.moc"
