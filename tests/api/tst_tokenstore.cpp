// The API tokens of a data directory as the `heartbeatd token` commands, the dashboard and the
// HTTP server use them: created, listed, revoked, checked, and shared between processes through
// DATA/tokens.json.

#include "api/tokenstore.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

class TestTokenStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createListRevoke();
    void secretLooksRightAndIsNeverOnDisk();
    void fileIsOwnerOnly();
    void wrongAndRevokedTokensAreRejected_data();
    void wrongAndRevokedTokensAreRejected();
    void rolesRoundTrip();
    void secondInstanceSeesChangesAfterReload();
    void reloadIsCheapWhenUnchanged();
    void flushUsageKeepsConcurrentCreate();
    void flushUsageTakesTheLaterTime();
    void corruptFileIsReportedAndTokensKept();
    void newerFormatIsRefused();
    void badNamesAreRefused_data();
    void badNamesAreRefused();
    void duplicateNameIsRefused();
    void missingDataDirectory();
    void constantTimeEquals();

private:
    static void writeRaw(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
    }
};

void TestTokenStore::createListRevoke()
{
    QTemporaryDir dir;
    TokenStore store(dir.path());
    QVERIFY(store.reloadIfChanged());
    QVERIFY(store.list().isEmpty());

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QString error;
    QVERIFY2(store.create(u"wall"_s, Role::Viewer, &error), qPrintable(error));
    QVERIFY2(store.create(u"ci-bot"_s, Role::Admin, &error), qPrintable(error));
    QVERIFY2(store.create(u"ops.1"_s, Role::Operator, &error), qPrintable(error));

    const QVector<TokenInfo> tokens = store.list();
    QCOMPARE(tokens.size(), 3);
    QCOMPARE(tokens.at(0).name, u"ci-bot"_s); // by name
    QCOMPARE(tokens.at(0).role, Role::Admin);
    QCOMPARE(tokens.at(1).name, u"ops.1"_s);
    QCOMPARE(tokens.at(1).role, Role::Operator);
    QCOMPARE(tokens.at(2).name, u"wall"_s);
    QCOMPARE(tokens.at(2).role, Role::Viewer);
    for (const TokenInfo &t : tokens) {
        QVERIFY(t.createdAtMs >= before && t.createdAtMs <= QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(t.lastUsedAtMs, 0);
    }

    QVERIFY2(store.revoke(u"ops.1"_s, &error), qPrintable(error));
    QCOMPARE(store.list().size(), 2);
    QVERIFY(!store.revoke(u"ops.1"_s, &error));
    QVERIFY2(error.contains(u"ops.1"_s), qPrintable(error));

    // What is on disk, as a fresh process reads it.
    TokenStore fresh(dir.path());
    QVERIFY(fresh.reloadIfChanged());
    QCOMPARE(fresh.list().size(), 2);
    QCOMPARE(fresh.list().at(0).name, u"ci-bot"_s);
    QCOMPARE(fresh.list().at(1).name, u"wall"_s);
}

void TestTokenStore::secretLooksRightAndIsNeverOnDisk()
{
    QTemporaryDir dir;
    TokenStore store(dir.path());
    QString error;
    const auto secret = store.create(u"wall"_s, Role::Viewer, &error);
    QVERIFY2(secret, qPrintable(error));
    QVERIFY(secret->startsWith("hb_"));
    QCOMPARE(secret->size(), 3 + 43); // 32 bytes in base64url, no padding
    const QByteArray decoded = QByteArray::fromBase64(
        secret->mid(3), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    QCOMPARE(decoded.size(), 32);

    const auto other = store.create(u"wall2"_s, Role::Viewer, &error);
    QVERIFY(other);
    QVERIFY(*other != *secret);

    const QByteArray onDisk = hb::test::readAll(store.path());
    QVERIFY(!onDisk.isEmpty());
    QVERIFY2(!onDisk.contains(*secret), onDisk.constData());
    QVERIFY(!onDisk.contains(secret->mid(3)));
    QVERIFY(!onDisk.contains(decoded.toHex()));
    const QByteArray hash = QCryptographicHash::hash(*secret, QCryptographicHash::Sha256).toHex();
    QVERIFY2(onDisk.contains(hash), onDisk.constData());

    const QJsonObject root = QJsonDocument::fromJson(onDisk).object();
    QCOMPARE(root.value(u"version").toInt(), 1);
    const QJsonObject first = root.value(u"tokens").toArray().at(0).toObject();
    QCOMPARE(first.keys(),
             (QStringList{u"created_ms"_s, u"last_used_ms"_s, u"name"_s, u"role"_s, u"sha256"_s}));
}

void TestTokenStore::fileIsOwnerOnly()
{
    QTemporaryDir dir;
    TokenStore store(dir.path());
    QString error;
    QVERIFY2(store.create(u"a"_s, Role::Viewer, &error), qPrintable(error));
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(store.path()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));

    // Made readable by someone's chmod: the next save makes it private again.
    QVERIFY(QFile::setPermissions(store.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                    QFile::ReadGroup | QFile::ReadOther));
    QVERIFY2(store.revoke(u"a"_s, &error), qPrintable(error));
    QCOMPARE(::stat(QFile::encodeName(store.path()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
}

void TestTokenStore::wrongAndRevokedTokensAreRejected_data()
{
    QTest::addColumn<QByteArray>("presented"); // "SECRET" stands for the real one
    QTest::newRow("right") << QByteArray("SECRET");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("other") << QByteArray("hb_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QTest::newRow("one char short") << QByteArray("SECRET-1");
    QTest::newRow("extra char") << QByteArray("SECRET+x");
    QTest::newRow("without prefix") << QByteArray("SECRET-prefix");
    QTest::newRow("the hash itself") << QByteArray("HASH");
}

void TestTokenStore::wrongAndRevokedTokensAreRejected()
{
    QFETCH(QByteArray, presented);
    QTemporaryDir dir;
    TokenStore store(dir.path());
    QString error;
    const auto secret = store.create(u"wall"_s, Role::Operator, &error);
    QVERIFY2(secret, qPrintable(error));
    QVERIFY(store.create(u"other"_s, Role::Admin, &error));

    const bool right = presented == "SECRET";
    if (right)
        presented = *secret;
    else if (presented == "SECRET-1")
        presented = secret->chopped(1);
    else if (presented == "SECRET+x")
        presented = *secret + 'x';
    else if (presented == "SECRET-prefix")
        presented = secret->mid(3);
    else if (presented == "HASH")
        presented = QCryptographicHash::hash(*secret, QCryptographicHash::Sha256).toHex();

    const auto who = store.authenticate(presented);
    QCOMPARE(who.has_value(), right);
    if (right) {
        QCOMPARE(who->name, u"wall"_s);
        QCOMPARE(who->role, Role::Operator);
        QVERIFY(who->lastUsedAtMs > 0);
    }

    // Revoked: the same secret no longer opens anything, here or in a fresh process.
    QVERIFY2(store.revoke(u"wall"_s, &error), qPrintable(error));
    QVERIFY(!store.authenticate(*secret));
    TokenStore fresh(dir.path());
    QVERIFY(fresh.reloadIfChanged());
    QVERIFY(!fresh.authenticate(*secret));
}

void TestTokenStore::rolesRoundTrip()
{
    QCOMPARE(TokenStore::parseRole(u"viewer"_s), Role::Viewer);
    QCOMPARE(TokenStore::parseRole(u"operator"_s), Role::Operator);
    QCOMPARE(TokenStore::parseRole(u"admin"_s), Role::Admin);
    QVERIFY(!TokenStore::parseRole(u"root"_s));
    QVERIFY(!TokenStore::parseRole(QString()));
}

void TestTokenStore::secondInstanceSeesChangesAfterReload()
{
    QTemporaryDir dir;
    TokenStore server(dir.path()); // as the running engine holds it
    TokenStore cli(dir.path());    // as `heartbeatd token` uses it
    QVERIFY(server.reloadIfChanged());

    QString error;
    const auto secret = cli.create(u"wall"_s, Role::Viewer, &error);
    QVERIFY2(secret, qPrintable(error));
    QVERIFY(!server.authenticate(*secret)); // not reloaded yet
    QVERIFY(server.reloadIfChanged(&error));
    QCOMPARE(server.list().size(), 1);
    QVERIFY(server.authenticate(*secret));

    QVERIFY(cli.revoke(u"wall"_s, &error));
    QVERIFY(server.reloadIfChanged(&error));
    QVERIFY(server.list().isEmpty());
    QVERIFY(!server.authenticate(*secret));

    // Two changes within the same clock tick are still seen (each save is a new file).
    const auto a = cli.create(u"a"_s, Role::Viewer, &error);
    QVERIFY(server.reloadIfChanged(&error));
    QVERIFY(cli.revoke(u"a"_s, &error));
    const auto b = cli.create(u"b"_s, Role::Viewer, &error);
    QVERIFY(a && b);
    QVERIFY(server.reloadIfChanged(&error));
    QVERIFY(!server.authenticate(*a));
    QVERIFY(server.authenticate(*b));

    // The file removed: every token is gone.
    QVERIFY(QFile::remove(server.path()));
    QVERIFY(server.reloadIfChanged(&error));
    QVERIFY(!server.authenticate(*b));
}

void TestTokenStore::reloadIsCheapWhenUnchanged()
{
    QTemporaryDir dir;
    TokenStore store(dir.path());
    QString error;
    const auto secret = store.create(u"wall"_s, Role::Viewer, &error);
    QVERIFY(secret);
    QVERIFY(store.reloadIfChanged());

    // Overwritten in place with as many bytes, its time put back: same inode, size and mtime,
    // so the file is not read again (a server calls this for every request).
    const QString path = store.path();
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    const QByteArray garbage(hb::test::readAll(path).size(), 'x');
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QCOMPARE(file.write(garbage), garbage.size());
    }
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
    QVERIFY2(store.reloadIfChanged(&error), qPrintable(error));
    QVERIFY(store.authenticate(*secret));

    // Its time moved on: read, and found corrupt.
    times[1].tv_sec += 1;
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
    QVERIFY(!store.reloadIfChanged(&error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestTokenStore::flushUsageKeepsConcurrentCreate()
{
    QTemporaryDir dir;
    TokenStore server(dir.path());
    TokenStore cli(dir.path());
    QString error;
    const auto wall = cli.create(u"wall"_s, Role::Viewer, &error);
    QVERIFY(wall);
    QVERIFY(server.reloadIfChanged());
    QVERIFY(server.authenticate(*wall));

    // Created after the server last read the file; the server's flush must not write it away.
    const auto late = cli.create(u"late"_s, Role::Admin, &error);
    QVERIFY(late);
    QVERIFY2(server.flushUsage(&error), qPrintable(error));

    TokenStore fresh(dir.path());
    QVERIFY(fresh.reloadIfChanged());
    QCOMPARE(fresh.list().size(), 2);
    QVERIFY(fresh.authenticate(*late));
    const QVector<TokenInfo> tokens = fresh.list();
    QCOMPARE(tokens.at(1).name, u"wall"_s);
    QVERIFY(tokens.at(1).lastUsedAtMs > 0); // the server's use was written
    QVERIFY(server.list().size() == 2);     // and the server sees the new token too
}

void TestTokenStore::flushUsageTakesTheLaterTime()
{
    QTemporaryDir dir;
    TokenStore a(dir.path());
    TokenStore b(dir.path());
    QString error;
    const auto secret = a.create(u"wall"_s, Role::Viewer, &error);
    QVERIFY(secret);
    QVERIFY(b.reloadIfChanged());
    QVERIFY(a.authenticate(*secret));
    QTest::qWait(5);
    const qint64 later = b.authenticate(*secret)->lastUsedAtMs;
    QVERIFY(b.flushUsage(&error));
    QVERIFY(a.flushUsage(&error)); // an earlier use flushed last never moves the time back
    TokenStore fresh(dir.path());
    QVERIFY(fresh.reloadIfChanged());
    QCOMPARE(fresh.list().at(0).lastUsedAtMs, later);
}

void TestTokenStore::corruptFileIsReportedAndTokensKept()
{
    QTemporaryDir dir;
    TokenStore store(dir.path());
    QString error;
    const auto secret = store.create(u"wall"_s, Role::Viewer, &error);
    QVERIFY(secret);

    writeRaw(store.path(), "{\"version\": 1, \"tokens\": [ {\"name\": ");
    QVERIFY(!store.reloadIfChanged(&error));
    QVERIFY2(error.contains(store.path()), qPrintable(error));
    QVERIFY(store.authenticate(*secret)); // kept
    error.clear();
    QVERIFY(!store.reloadIfChanged(&error)); // still said, without reading again
    QVERIFY2(error.contains(store.path()), qPrintable(error));

    // Nothing overwrites a file that could not be read: it holds somebody's tokens.
    const QByteArray corrupt = hb::test::readAll(store.path());
    QVERIFY(!store.create(u"new"_s, Role::Viewer, &error));
    QVERIFY2(error.contains(store.path()), qPrintable(error));
    QVERIFY(!store.revoke(u"wall"_s, &error));
    QVERIFY(!store.flushUsage(&error));
    QCOMPARE(hb::test::readAll(store.path()), corrupt);

    // A fresh process has nothing to keep: no token is accepted.
    TokenStore fresh(dir.path());
    QVERIFY(!fresh.reloadIfChanged(&error));
    QVERIFY(!fresh.authenticate(*secret));

    // Valid JSON with a wrong field names the field.
    writeRaw(store.path(), R"({"version":1,"tokens":[{"name":"x","role":"root","created_ms":1,)"
                           R"("last_used_ms":0,"sha256":"00"}]})");
    QVERIFY(!fresh.reloadIfChanged(&error));
    QVERIFY2(error.contains(u"tokens[0].role"_s), qPrintable(error));
}

void TestTokenStore::newerFormatIsRefused()
{
    QTemporaryDir dir;
    TokenStore store(dir.path());
    const QByteArray newer = R"({"version": 2, "tokens": []})";
    writeRaw(store.path(), newer);
    QString error;
    QVERIFY(!store.reloadIfChanged(&error));
    QVERIFY2(error.contains(u"newer"_s) && error.contains(store.path()), qPrintable(error));
    QVERIFY(!store.create(u"a"_s, Role::Admin, &error));
    QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
    QCOMPARE(hb::test::readAll(store.path()), newer);
}

void TestTokenStore::badNamesAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("space") << u"my token"_s;
    QTest::newRow("slash") << u"a/b"_s;
    QTest::newRow("65 chars") << QString(65, u'a');
    QTest::newRow("non-ASCII") << u"kéy"_s;
    QTest::newRow("newline") << u"a\nb"_s;
}

void TestTokenStore::badNamesAreRefused()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    TokenStore store(dir.path());
    QString error;
    QVERIFY(!store.create(name, Role::Viewer, &error));
    QVERIFY2(error.contains(u"64"_s), qPrintable(error));
    QVERIFY(!QFileInfo::exists(store.path()));
    QVERIFY2(store.create(QString(64, u'a'), Role::Viewer, &error), qPrintable(error));
}

void TestTokenStore::duplicateNameIsRefused()
{
    QTemporaryDir dir;
    TokenStore a(dir.path());
    TokenStore b(dir.path()); // never read the file: the check is against the file itself
    QString error;
    const auto first = a.create(u"wall"_s, Role::Viewer, &error);
    QVERIFY(first);
    QVERIFY(!b.create(u"wall"_s, Role::Admin, &error));
    QVERIFY2(error.contains(u"wall"_s) && error.contains(u"already"_s), qPrintable(error));
    QVERIFY(a.reloadIfChanged());
    QCOMPARE(a.list().size(), 1);
    QCOMPARE(a.list().at(0).role, Role::Viewer);
    QVERIFY(a.authenticate(*first));
}

void TestTokenStore::missingDataDirectory()
{
    QTemporaryDir parent;
    TokenStore store(parent.filePath(u"absent"_s));
    QString error;
    QVERIFY(store.reloadIfChanged(&error)); // nothing there: no tokens
    QVERIFY(store.list().isEmpty());
    QVERIFY(!store.create(u"a"_s, Role::Viewer, &error));
    QVERIFY2(error.contains(u"absent"_s), qPrintable(error));
    QVERIFY(!QFileInfo::exists(parent.filePath(u"absent"_s)));
}

void TestTokenStore::constantTimeEquals()
{
    QVERIFY(TokenStore::constantTimeEquals("abc", "abc"));
    QVERIFY(TokenStore::constantTimeEquals(QByteArray(), QByteArray()));
    QVERIFY(!TokenStore::constantTimeEquals("abc", "abd"));
    QVERIFY(!TokenStore::constantTimeEquals("abc", "bbc"));
    QVERIFY(!TokenStore::constantTimeEquals("abc", "abcd"));
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
