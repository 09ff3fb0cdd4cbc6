// `heartbeatd schedule --cron EXPR` as a user runs it to check a schedule before putting it in a
// config: the next run times with their offsets, the note on a run moved by a DST gap, and the
// one-line refusals (exit status 2). Expected times are worked out by hand from the zones' rules.

#include "daemontestutil.h"

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

class TestHeartbeatdSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void printsRuns_data();
    void printsRuns();
    void defaultsToTheSystemZoneAndFiveRuns();
    void printsUpToAThousand();
    void refusals_data();
    void refusals();
    void helpListsTheCommand();

private:
    Result schedule(const QStringList &arguments) const
    {
        return m_daemon.run(QStringList{u"schedule"_s} + arguments);
    }

    Daemon m_daemon;
};

void TestHeartbeatdSchedule::initTestCase()
{
    QVERIFY2(m_daemon.init(), "heartbeatd is built and a private home can be made");
}

void TestHeartbeatdSchedule::printsRuns_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("lines");

    // Berlin, 29 March 2026: 02:00 CET -> 03:00 CEST; --from without an offset is Berlin time.
    QTest::newRow("DST gap note")
        << QStringList{u"--cron"_s, u"30 2 * * *"_s, u"--tz"_s,    u"Europe/Berlin"_s,
                       u"--from"_s, u"2026-03-28"_s, u"--count"_s, u"3"_s}
        << QStringList{u"2026-03-28T02:30:00+01:00"_s,
                       u"2026-03-29T03:00:00+02:00  (02:30 does not exist on this day: moved by "
                       u"the DST change)"_s,
                       u"2026-03-30T02:30:00+02:00"_s};
    // New York, 1 November 2026: 01:00-02:00 happens twice; the run is at the first.
    QTest::newRow("DST repeat runs once")
        << QStringList{u"--cron"_s,           u"30 1 * * *"_s, u"--tz"_s,
                       u"America/New_York"_s, u"--from"_s,     u"2026-10-31T12:00:00-04:00"_s,
                       u"--count"_s,          u"2"_s}
        << QStringList{u"2026-11-01T01:30:00-04:00"_s, u"2026-11-02T01:30:00-05:00"_s};
    // April 2026 in Jakarta: Fridays 3 and 10, the 13th a Monday.
    QTest::newRow("13th or Friday in Jakarta")
        << QStringList{u"--cron"_s,  u"0 0 13 * fri"_s,
                       u"--tz"_s,    u"Asia/Jakarta"_s,
                       u"--from"_s,  u"2026-04-01T00:00:00+07:00"_s,
                       u"--count"_s, u"3"_s}
        << QStringList{u"2026-04-03T00:00:00+07:00"_s, u"2026-04-10T00:00:00+07:00"_s,
                       u"2026-04-13T00:00:00+07:00"_s};
    // --from given in UTC, printed in the zone.
    QTest::newRow("from in UTC, 29 February")
        << QStringList{u"--cron"_s, u"0 0 29 feb *"_s,         u"--tz"_s,    u"Asia/Jakarta"_s,
                       u"--from"_s, u"2026-06-01T00:00:00Z"_s, u"--count"_s, u"2"_s}
        << QStringList{u"2028-02-29T00:00:00+07:00"_s, u"2032-02-29T00:00:00+07:00"_s};
}

void TestHeartbeatdSchedule::printsRuns()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, lines);
    const Result r = schedule(arguments);
    QVERIFY2(r.exitedWith(0) && r.errLines().isEmpty(), r.describe());
    QCOMPARE(QString::fromUtf8(r.out), lines.join(u'\n') + u'\n');
}

void TestHeartbeatdSchedule::defaultsToTheSystemZoneAndFiveRuns()
{
    m_daemon.setEnv(u"TZ"_s, u"Asia/Jakarta"_s);
    const Result r = schedule({u"--cron"_s, u"@hourly"_s, u"--from"_s, u"2026-01-01T00:30:00"_s});
    m_daemon.setEnv(u"TZ"_s, QString());
    QVERIFY2(r.exitedWith(0), r.describe());
    QCOMPARE(QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts),
             (QStringList{u"2026-01-01T01:00:00+07:00"_s, u"2026-01-01T02:00:00+07:00"_s,
                          u"2026-01-01T03:00:00+07:00"_s, u"2026-01-01T04:00:00+07:00"_s,
                          u"2026-01-01T05:00:00+07:00"_s}));
}

void TestHeartbeatdSchedule::printsUpToAThousand()
{
    const Result r = schedule({u"--cron"_s, u"* * * * *"_s, u"--tz"_s, u"UTC"_s, u"--from"_s,
                               u"2026-01-01T00:00:00Z"_s, u"--count"_s, u"1000"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1000);
    QCOMPARE(lines.constLast(), u"2026-01-01T16:40:00+00:00"_s); // 1000 minutes later
}

void TestHeartbeatdSchedule::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("line");

    QTest::newRow("hour out of range")
        << QStringList{u"--cron"_s, u"*/5 61 * * *"_s}
        << u"heartbeatd: bad cron expression at position 4: hour 61 is out of range 0-23"_s;
    QTest::newRow("unknown month")
        << QStringList{u"--cron"_s, u"0 0 * foo *"_s}
        << u"heartbeatd: bad cron expression at position 6: unknown month name \"foo\""_s;
    QTest::newRow("four fields")
        << QStringList{u"--cron"_s, u"0 0 * *"_s}
        << u"heartbeatd: bad cron expression at position 7: expected 5 fields, got 4"_s;
    QTest::newRow("unknown zone") << QStringList{u"--cron"_s, u"0 0 * * *"_s, u"--tz"_s,
                                                 u"Mars/Olympus"_s}
                                  << u"heartbeatd: unknown time zone 'Mars/Olympus'"_s;
    QTest::newRow("count 0")
        << QStringList{u"--cron"_s, u"0 0 * * *"_s, u"--count"_s, u"0"_s}
        << u"heartbeatd: --count must be a whole number from 1 to 1000 (got '0')"_s;
    QTest::newRow("count 1001")
        << QStringList{u"--cron"_s, u"0 0 * * *"_s, u"--count"_s, u"1001"_s}
        << u"heartbeatd: --count must be a whole number from 1 to 1000 (got '1001')"_s;
    QTest::newRow("bad from") << QStringList{u"--cron"_s, u"0 0 * * *"_s, u"--from"_s,
                                             u"tomorrow"_s}
                              << u"heartbeatd: --from must be an ISO 8601 date or date and time, "
                                 u"e.g. 2026-03-29T01:30:00+01:00 (got 'tomorrow')"_s;
    QTest::newRow("no expression")
        << QStringList{u"--tz"_s, u"UTC"_s} << u"heartbeatd: schedule needs --cron EXPR"_s;
}

void TestHeartbeatdSchedule::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, line);
    const Result r = schedule(arguments);
    QVERIFY2(r.exitedWith(2), r.describe());
    QVERIFY2(r.out.isEmpty(), r.describe());
    QCOMPARE(r.errLines(), QStringList{line});
}

void TestHeartbeatdSchedule::helpListsTheCommand()
{
    const Result r = m_daemon.run({u"--help"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(r.out.contains("schedule --cron EXPR"), r.describe());
}

QTEST_GUILESS_MAIN(TestHeartbeatdSchedule)
#include "tst_heartbeatd_schedule.moc"
