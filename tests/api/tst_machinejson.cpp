// The JSON of GET /api/v1/machines read back (engine/api/machinejson.h): what the server writes
// the wall's remote source rebuilds field for field, and anything else is refused with the
// field named.
#include "api/machinejson.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

MachineInfo seenMachine()
{
    MachineInfo m;
    m.name = QStringLiteral("relay-1");
    m.state = MachineState::Down;
    m.offlineAfterMs = 90'000;
    m.createdMs = 1'796'167'000'000;
    m.stateSinceMs = 1'796'167'100'000;
    m.lastSeenMs = 1'796'167'090'034;
    m.downSinceMs = 1'796'167'100'000;
    m.lastKind = PingKind::Fail;
    m.lastReport.cpu = 0.42;
    m.lastReport.uptimeS = 86'400;
    m.lastReport.version = QStringLiteral("relay 2.1.0");
    m.recent = {{1'796'167'030'011, PingKind::Start}, {1'796'167'090'034, PingKind::Fail}};
    return m;
}

} // namespace

class TestMachineJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aMachineRoundTrips()
    {
        const MachineInfo m = seenMachine();
        QString error;
        const auto back = json::toMachine(json::fromMachine(m), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->name, m.name);
        QCOMPARE(back->state, m.state);
        QCOMPARE(back->offlineAfterMs, m.offlineAfterMs);
        QCOMPARE(back->createdMs, m.createdMs);
        QCOMPARE(back->stateSinceMs, m.stateSinceMs);
        QCOMPARE(back->lastSeenMs, m.lastSeenMs);
        QCOMPARE(back->downSinceMs, m.downSinceMs);
        QCOMPARE(back->lastKind, m.lastKind);
        QCOMPARE(back->lastReport.cpu, 0.42);
        QVERIFY(std::isnan(back->lastReport.memory)); // not sent: null, then NaN again
        QCOMPARE(back->lastReport.uptimeS, 86'400.0);
        QCOMPARE(back->lastReport.version, m.lastReport.version);
        QVERIFY(back->lastReport.note.isEmpty());
        QCOMPARE(back->recent.size(), 2);
        QCOMPARE(back->recent.at(0).atMs, m.recent.at(0).atMs);
        QCOMPARE(back->recent.at(0).kind, PingKind::Start);
        QCOMPARE(back->recent.at(1).kind, PingKind::Fail);
        // Written again, the same JSON.
        QCOMPARE(json::fromMachine(*back), json::fromMachine(m));
    }

    void aNeverSeenMachineRoundTrips()
    {
        MachineInfo m;
        m.name = QStringLiteral("batch");
        m.createdMs = 1'796'167'000'000;
        QString error;
        const auto back = json::toMachine(json::fromMachine(m), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->state, MachineState::New);
        QCOMPARE(back->lastSeenMs, 0);
        QCOMPARE(back->downSinceMs, 0);
        QVERIFY(back->recent.isEmpty());
        QCOMPARE(json::fromMachine(*back), json::fromMachine(m));
    }

    void errorsNameTheField_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("name missing")
            << u"name"_s << QJsonValue(QJsonValue::Undefined) << u"name: missing"_s;
        QTest::newRow("state unknown")
            << u"state"_s << QJsonValue(u"gone"_s) << u"state: unknown value \"gone\""_s;
        QTest::newRow("offline_after a string") << u"offline_after_ms"_s << QJsonValue(u"90s"_s)
                                                << u"offline_after_ms: expected an integer"_s;
        QTest::newRow("last_seen fractional")
            << u"last_seen_ms"_s << QJsonValue(1.5) << u"last_seen_ms: expected an integer"_s;
        QTest::newRow("last_kind unknown")
            << u"last_kind"_s << QJsonValue(u"ping"_s) << u"last_kind: unknown value \"ping\""_s;
        QTest::newRow("report cpu a string")
            << u"last_report"_s << QJsonValue(QJsonObject{{u"cpu"_s, u"high"_s}})
            << u"last_report.cpu: expected a number or null"_s;
        QTest::newRow("recent not objects")
            << u"recent"_s << QJsonValue(QJsonArray{1}) << u"recent[0]: expected an object"_s;
        QTest::newRow("recent kind unknown")
            << u"recent"_s
            << QJsonValue(QJsonArray{QJsonObject{{u"at_ms"_s, 1}, {u"kind"_s, u"x"_s}}})
            << u"recent[0].kind: unknown value \"x\""_s;
    }

    void errorsNameTheField()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject json = json::fromMachine(seenMachine());
        if (value.isUndefined())
            json.remove(key);
        else
            json.insert(key, value);
        QString message;
        QVERIFY(!json::toMachine(json, &message));
        QCOMPARE(message, error);
    }
};

QTEST_GUILESS_MAIN(TestMachineJson)
#include "tst_machinejson.moc"
