// The machines of a data directory as `heartbeatd machine …` and the monitor use them: added,
// listed, paused, removed, their push tokens checked, and shared between processes through
// DATA/machines.json.

#include "machines/machineregistry.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

class TestMachineRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addListPauseRemove();
    void tokenIsShownOnceAndOnlyItsHashIsKept();
    void fileIsPrivate();
    void authenticate_data();
    void authenticate();
    void twoInstancesSeeEachOthersChanges();
    void corruptFileIsNamedAndMachinesKept_data();
    void corruptFileIsNamedAndMachinesKept();
    void refusals_data();
    void refusals();
    void durations_data();
    void durations();

private:
    static qint64 ms(const char *text)
    {
        return *MachineRegistry::parseDuration(QString::fromLatin1(text));
    }
    static mode_t modeOf(const QString &path)
    {
        struct stat st = {};
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 0777) : 0;
    }
};

void TestMachineRegistry::addListPauseRemove()
{
    QTemporaryDir dir;
    MachineRegistry registry(dir.path());
    QVERIFY(registry.reloadIfChanged()); // no file yet: no machines, no error
    QVERIFY(registry.list().isEmpty());

    QString error;
    QVERIFY2(registry.add(u"relay-2"_s, ms("90s"), &error), qPrintable(error));
    QVERIFY2(registry.add(u"api.1"_s, ms("2m"), &error), qPrintable(error));
    QVector<MachineEntry> machines = registry.list();
    QCOMPARE(machines.size(), 2);
    QCOMPARE(machines.at(0).name, u"api.1"_s); // by name
    QCOMPARE(machines.at(0).offlineAfterMs, qint64(120'000));
    QCOMPARE(machines.at(1).name, u"relay-2"_s);
    QCOMPARE(machines.at(1).offlineAfterMs, qint64(90'000));
    QVERIFY(!machines.at(1).paused);
    QVERIFY(qAbs(machines.at(1).createdAtMs - QDateTime::currentMSecsSinceEpoch()) < 60'000);

    QVERIFY2(registry.setPaused(u"relay-2"_s, true, &error), qPrintable(error));
    QVERIFY(registry.find(u"relay-2"_s)->paused);
    QVERIFY(!registry.find(u"api.1"_s)->paused);
    QVERIFY2(registry.setPaused(u"relay-2"_s, false, &error), qPrintable(error));
    QVERIFY(!registry.find(u"relay-2"_s)->paused);

    QVERIFY2(registry.remove(u"api.1"_s, &error), qPrintable(error));
    QVERIFY(!registry.find(u"api.1"_s));
    QCOMPARE(registry.list().size(), 1);

    // What a later process reads is what this one wrote.
    MachineRegistry fresh(dir.path());
    QVERIFY(fresh.reloadIfChanged(&error));
    QCOMPARE(fresh.list().size(), 1);
    QCOMPARE(fresh.list().at(0).name, u"relay-2"_s);
    QCOMPARE(fresh.list().at(0).offlineAfterMs, qint64(90'000));
}

void TestMachineRegistry::tokenIsShownOnceAndOnlyItsHashIsKept()
{
    QTemporaryDir dir;
    MachineRegistry registry(dir.path());
    QString error;
    const auto token = registry.add(u"batch"_s, ms("5m"), &error);
    QVERIFY2(token, qPrintable(error));
    QVERIFY2(QRegularExpression(u"^hbm_[A-Za-z0-9_-]{43}$"_s)
                 .match(QString::fromLatin1(*token))
                 .hasMatch(),
             token->constData());
    const auto second = registry.add(u"batch2"_s, ms("5m"), &error);
    QVERIFY(second && *second != *token);

    const QByteArray onDisk = hb::test::readAll(registry.path());
    QVERIFY(!onDisk.contains(*token));
    QVERIFY(!onDisk.contains(token->mid(4)));
    QVERIFY(onDisk.contains(QCryptographicHash::hash(*token, QCryptographicHash::Sha256).toHex()));
    const QJsonObject first =
        QJsonDocument::fromJson(onDisk).object().value(u"machines").toArray().at(0).toObject();
    QCOMPARE(first.keys(), (QStringList{u"created_ms"_s, u"name"_s, u"offline_after_ms"_s,
                                        u"paused"_s, u"sha256"_s}));
}

void TestMachineRegistry::fileIsPrivate()
{
    QTemporaryDir dir;
    MachineRegistry registry(dir.path());
    QString error;
    QVERIFY2(registry.add(u"m"_s, ms("1s"), &error), qPrintable(error));
    QCOMPARE(modeOf(registry.path()), mode_t(0600));
    // Opened up by hand: the next change makes it private again.
    QVERIFY(QFile::setPermissions(registry.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                       QFile::ReadGroup | QFile::ReadOther));
    QCOMPARE(modeOf(registry.path()), mode_t(0644));
    QVERIFY2(registry.setPaused(u"m"_s, true, &error), qPrintable(error));
    QCOMPARE(modeOf(registry.path()), mode_t(0600));
}

void TestMachineRegistry::authenticate_data()
{
    QTest::addColumn<QString>("machine");
    QTest::addColumn<QString>("presented"); // what is sent, built from the two real tokens
    QTest::addColumn<bool>("accepted");
    QTest::newRow("own token") << u"web"_s << u"web"_s << true;
    QTest::newRow("other machine's token") << u"web"_s << u"db"_s << false;
    QTest::newRow("empty") << u"web"_s << u""_s << false;
    QTest::newRow("truncated") << u"web"_s << u"web-1"_s << false;
    QTest::newRow("one byte more") << u"web"_s << u"web+x"_s << false;
    QTest::newRow("hash of the token") << u"web"_s << u"web-hash"_s << false;
    QTest::newRow("unknown machine") << u"nobody"_s << u"web"_s << false;
}

void TestMachineRegistry::authenticate()
{
    QFETCH(QString, machine);
    QFETCH(QString, presented);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    MachineRegistry registry(dir.path());
    QString error;
    const QHash<QString, QByteArray> tokens{{u"web"_s, *registry.add(u"web"_s, 60'000, &error)},
                                            {u"db"_s, *registry.add(u"db"_s, 60'000, &error)}};
    QByteArray token = tokens.value(presented.section(u'-', 0, 0).section(u'+', 0, 0));
    if (presented.endsWith(u"-1"))
        token.chop(1);
    else if (presented.endsWith(u"+x"))
        token += 'x';
    else if (presented.endsWith(u"-hash"))
        token = QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
    QCOMPARE(registry.authenticate(machine, token), accepted);

    // The monitor's copy of the hashes agrees with the registry.
    const QByteArray hash = registry.tokenHashes().value(machine);
    QCOMPARE(!hash.isEmpty() && hash == QCryptographicHash::hash(token, QCryptographicHash::Sha256),
             accepted);

    // Removed: its token opens nothing any more.
    QVERIFY(registry.remove(u"web"_s, &error));
    QVERIFY(!registry.authenticate(u"web"_s, tokens.value(u"web"_s)));
}

void TestMachineRegistry::twoInstancesSeeEachOthersChanges()
{
    QTemporaryDir dir;
    MachineRegistry cli(dir.path());
    MachineRegistry engine(dir.path());
    QVERIFY(engine.reloadIfChanged());
    QString error;
    const auto token = cli.add(u"relay"_s, ms("30s"), &error);
    QVERIFY2(token, qPrintable(error));
    QVERIFY(!engine.find(u"relay"_s)); // not before it reloads
    QVERIFY(engine.reloadIfChanged(&error));
    QVERIFY(engine.authenticate(u"relay"_s, *token));

    // A change made by the other instance is kept when this one changes the file after it.
    QVERIFY(engine.setPaused(u"relay"_s, true, &error));
    QVERIFY(cli.add(u"second"_s, ms("1h"), &error));
    QVERIFY(engine.reloadIfChanged(&error));
    QCOMPARE(engine.list().size(), 2);
    QVERIFY(engine.find(u"relay"_s)->paused);
    QCOMPARE(engine.find(u"second"_s)->offlineAfterMs, qint64(3'600'000));

    QVERIFY(cli.remove(u"relay"_s, &error));
    QVERIFY(engine.reloadIfChanged(&error));
    QVERIFY(!engine.find(u"relay"_s));
    QVERIFY(!engine.authenticate(u"relay"_s, *token));
}

void TestMachineRegistry::corruptFileIsNamedAndMachinesKept_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("cut short") << QByteArray(R"({"version": 1, "machines": [ {"name": )")
                               << u"not valid JSON"_s;
    QTest::newRow("not an object") << QByteArray("[]") << u"not a JSON object"_s;
    QTest::newRow("newer format") << QByteArray(R"({"version": 9, "machines": []})") << u"newer"_s;
    QTest::newRow("offline_after too short")
        << QByteArray(R"({"version":1,"machines":[{"name":"x","offline_after_ms":999,)"
                      R"("paused":false,"created_ms":1,"sha256":")" +
                      QByteArray(64, 'a') + R"("}]})")
        << u"machines[0].offline_after_ms"_s;
    QTest::newRow("paused not a flag")
        << QByteArray(R"({"version":1,"machines":[{"name":"x","offline_after_ms":1000,)"
                      R"("paused":"no","created_ms":1,"sha256":")" +
                      QByteArray(64, 'a') + R"("}]})")
        << u"machines[0].paused"_s;
}

void TestMachineRegistry::corruptFileIsNamedAndMachinesKept()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    MachineRegistry registry(dir.path());
    QString error;
    const auto token = registry.add(u"keep"_s, ms("1m"), &error);
    QVERIFY(token);

    QFile file(registry.path());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(contents);
    file.close();

    QVERIFY(!registry.reloadIfChanged(&error));
    // One line that names the file and what is wrong with it.
    QVERIFY2(error.startsWith(registry.path()) && error.contains(mentions) &&
                 !error.contains(u'\n'),
             qPrintable(error));
    QCOMPARE(registry.list().size(), 1); // kept what it had
    QVERIFY(registry.authenticate(u"keep"_s, *token));
    error.clear();
    QVERIFY(!registry.reloadIfChanged(&error)); // said again while the file stays so
    QVERIFY(error.contains(registry.path()));

    // Never overwritten: it holds somebody's machines.
    QVERIFY(!registry.add(u"new"_s, ms("1m"), &error));
    QVERIFY(!registry.setPaused(u"keep"_s, true, &error));
    QVERIFY2(error.contains(registry.path()), qPrintable(error));
    QCOMPARE(hb::test::readAll(registry.path()), contents);
}

void TestMachineRegistry::refusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("offlineAfterMs");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("taken") << u"taken"_s << qint64(60'000) << u"already exists"_s;
    QTest::newRow("slash") << u"a/b"_s << qint64(60'000) << u"not a valid machine name"_s;
    QTest::newRow("empty") << QString() << qint64(60'000) << u"not a valid machine name"_s;
    QTest::newRow("65 chars") << QString(65, u'm') << qint64(60'000)
                              << u"not a valid machine name"_s;
    QTest::newRow("under 1s") << u"fast"_s << qint64(999) << u"1s to 30d"_s;
    QTest::newRow("over 30d") << u"slow"_s << MachineRegistry::MaxOfflineAfterMs + 1
                              << u"1s to 30d"_s;
}

void TestMachineRegistry::refusals()
{
    QFETCH(QString, name);
    QFETCH(qint64, offlineAfterMs);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    MachineRegistry registry(dir.path());
    QString error;
    QVERIFY(registry.add(u"taken"_s, 60'000, &error));
    const QByteArray before = hb::test::readAll(registry.path());
    QVERIFY(!registry.add(name, offlineAfterMs, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QCOMPARE(hb::test::readAll(registry.path()), before);

    QVERIFY(!registry.remove(u"absent"_s, &error));
    QVERIFY2(error.contains(u"absent"_s), qPrintable(error));
    QVERIFY(!registry.setPaused(u"absent"_s, true, &error));
    QVERIFY2(error.contains(u"absent"_s), qPrintable(error));
    QCOMPARE(hb::test::readAll(registry.path()), before);
}

void TestMachineRegistry::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: refused
    QTest::newRow("2m") << u"2m"_s << qint64(120'000);
    QTest::newRow("90s") << u"90s"_s << qint64(90'000);
    QTest::newRow("1h") << u"1h"_s << qint64(3'600'000);
    QTest::newRow("30d") << u"30d"_s << MachineRegistry::MaxOfflineAfterMs;
    QTest::newRow("1500ms") << u"1500ms"_s << qint64(1'500);
    QTest::newRow("1s") << u"1s"_s << MachineRegistry::MinOfflineAfterMs;
    QTest::newRow("bare number") << u"120"_s << qint64(-1);
    QTest::newRow("unknown unit") << u"2w"_s << qint64(-1);
    QTest::newRow("negative") << u"-5s"_s << qint64(-1);
    QTest::newRow("fraction") << u"1.5m"_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("unit only") << u"s"_s << qint64(-1);
}

void TestMachineRegistry::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const std::optional<qint64> parsed = MachineRegistry::parseDuration(text);
    QCOMPARE(parsed.value_or(-1), expected);

    // The bounds hold for what the registry accepts, whatever parses.
    if (!parsed)
        return;
    QTemporaryDir dir;
    MachineRegistry registry(dir.path());
    QString error;
    QVERIFY2(registry.add(u"m"_s, *parsed, &error), qPrintable(error));
    QCOMPARE(registry.find(u"m"_s)->offlineAfterMs, *parsed);
}

QTEST_GUILESS_MAIN(TestMachineRegistry)
#include "tst_machineregistry.moc"
