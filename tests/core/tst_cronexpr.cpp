// The cron expressions of task schedules: what each field accepts, how a bad expression is
// refused (position and reason), and the next run times, DST days of several zones included.
// Every expected time below was worked out by hand from the rules (the zones' transitions as
// published in the tz database), never computed with the code under test.

#include "core/cronexpr.h"

#include <QDateTime>
#include <QTest>

#include <cstdlib>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

// "2026-03-29T03:00:00+02:00": the instant in the zone, with the zone's offset then.
QString isoWithOffset(qint64 ms, const QTimeZone &tz)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, tz);
    const int offset = local.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return local.toString(u"yyyy-MM-ddTHH:mm:ss"_s) + (offset < 0 ? u'-' : u'+') +
           u"%1:%2"_s.arg(minutes / 60, 2, 10, QChar(u'0')).arg(minutes % 60, 2, 10, QChar(u'0'));
}

QString joined(const QList<int> &values)
{
    QStringList out;
    for (int v : values)
        out.append(QString::number(v));
    return out.join(u',');
}

} // namespace

class TestCronExpr : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesFields_data();
    void parsesFields();
    void refusesWithPositionAndReason_data();
    void refusesWithPositionAndReason();
    void nextRuns_data();
    void nextRuns();
    void wallTimeToUtc_data();
    void wallTimeToUtc();
    void emptyExpressionNeverRuns();
};

void TestCronExpr::parsesFields_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<QString>("minutes");
    QTest::addColumn<QString>("hours");
    QTest::addColumn<QString>("days");
    QTest::addColumn<QString>("months");
    QTest::addColumn<QString>("weekdays");

    const QString allDays =
        u"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31"_s;
    const QString allMonths = u"1,2,3,4,5,6,7,8,9,10,11,12"_s;
    const QString allWeekdays = u"0,1,2,3,4,5,6"_s;
    QTest::newRow("steps ranges lists names")
        << u"*/15 0-6/2 1,15 jan-mar mon-fri"_s << u"*/15 0-6/2 1,15 jan-mar mon-fri"_s
        << u"0,15,30,45"_s << u"0,2,4,6"_s << u"1,15"_s << u"1,2,3"_s << u"1,2,3,4,5"_s;
    QTest::newRow("7 is Sunday in a range") << u"0 0 * * 5-7"_s << u"0 0 * * 5-7"_s << u"0"_s
                                            << u"0"_s << allDays << allMonths << u"0,5,6"_s;
    QTest::newRow("0 and 7 are one day") << u"0 0 * * 0,7"_s << u"0 0 * * 0,7"_s << u"0"_s << u"0"_s
                                         << allDays << allMonths << u"0"_s;
    QTest::newRow("weekday step") << u"0 0 * * */2"_s << u"0 0 * * */2"_s << u"0"_s << u"0"_s
                                  << allDays << allMonths << u"0,2,4,6"_s;
    QTest::newRow("a/N runs to the field's end")
        << u"5/20 * * * *"_s << u"5/20 * * * *"_s << u"5,25,45"_s
        << u"0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,"
           u"17,18,19,20,21,22,23"_s
        << allDays << allMonths << allWeekdays;
    QTest::newRow("names in any case, spaces collapsed")
        << u"  0   12  *  JAN,Jul  SUN "_s << u"0 12 * jan,jul sun"_s << u"0"_s << u"12"_s
        << allDays << u"1,7"_s << u"0"_s;
    QTest::newRow("stepped range of days")
        << u"30 23 1-31/10 * *"_s << u"30 23 1-31/10 * *"_s << u"30"_s << u"23"_s << u"1,11,21,31"_s
        << allMonths << allWeekdays;
    QTest::newRow("@daily") << u"@daily"_s << u"@daily"_s << u"0"_s << u"0"_s << allDays
                            << allMonths << allWeekdays;
    QTest::newRow("@weekly") << u"@Weekly"_s << u"@weekly"_s << u"0"_s << u"0"_s << allDays
                             << allMonths << u"0"_s;
    QTest::newRow("@yearly") << u"@yearly"_s << u"@yearly"_s << u"0"_s << u"0"_s << u"1"_s << u"1"_s
                             << allWeekdays;
}

void TestCronExpr::parsesFields()
{
    QFETCH(QString, text);
    CronError error;
    const std::optional<CronExpr> expr = CronExpr::parse(text, &error);
    QVERIFY2(expr, qPrintable(u"%1 at %2"_s.arg(error.reason).arg(error.position)));
    QTEST(expr->text(), "normalised");
    QTEST(joined(expr->values(CronExpr::Field::Minute)), "minutes");
    QTEST(joined(expr->values(CronExpr::Field::Hour)), "hours");
    QTEST(joined(expr->values(CronExpr::Field::DayOfMonth)), "days");
    QTEST(joined(expr->values(CronExpr::Field::Month)), "months");
    QTEST(joined(expr->values(CronExpr::Field::DayOfWeek)), "weekdays");
}

void TestCronExpr::refusesWithPositionAndReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("reason");

    QTest::newRow("minute") << u"61 * * * *"_s << 0 << u"minute 61 is out of range 0-59"_s;
    QTest::newRow("hour") << u"*/5 24 * * *"_s << 4 << u"hour 24 is out of range 0-23"_s;
    QTest::newRow("day 32") << u"0 0 32 * *"_s << 4 << u"day of month 32 is out of range 1-31"_s;
    QTest::newRow("day 0") << u"0 0 0 * *"_s << 4 << u"day of month 0 is out of range 1-31"_s;
    QTest::newRow("month 13") << u"0 0 * 13 *"_s << 6 << u"month 13 is out of range 1-12"_s;
    QTest::newRow("weekday 8") << u"0 0 * * 8"_s << 8 << u"day of week 8 is out of range 0-7"_s;
    QTest::newRow("end of a range")
        << u"0 0 * * 1-9"_s << 10 << u"day of week 9 is out of range 0-7"_s;
    QTest::newRow("month name") << u"0 0 * foo *"_s << 6 << u"unknown month name \"foo\""_s;
    QTest::newRow("day name") << u"0 0 * * funday"_s << 8 << u"unknown day name \"funday\""_s;
    QTest::newRow("name in the hour")
        << u"0 jan * * *"_s << 2
        << u"names are only for months and days of the week, got \"jan\" in the hour field"_s;
    QTest::newRow("4 fields") << u"0 0 * *"_s << 7 << u"expected 5 fields, got 4"_s;
    QTest::newRow("6 fields") << u"0 0 * * * *"_s << 10 << u"expected 5 fields, got 6"_s;
    QTest::newRow("empty") << QString() << 0 << u"expected 5 fields, got 0"_s;
    QTest::newRow("step 0") << u"*/0 * * * *"_s << 2 << u"step must be at least 1"_s;
    QTest::newRow("no step") << u"0 0 1-5/ * *"_s << 8 << u"expected a step after \"/\""_s;
    QTest::newRow("backwards") << u"5-1 * * * *"_s << 0 << u"range 5-1 goes backwards"_s;
    QTest::newRow("empty item") << u"1,,2 * * * *"_s << 2 << u"expected a number, got \",\""_s;
    QTest::newRow("trailing comma")
        << u"0 1, * * *"_s << 4 << u"expected a number at the end of the hour field"_s;
    QTest::newRow("junk after a number") << u"1x * * * *"_s << 1 << u"unexpected \"x\""_s;
    QTest::newRow("30 February") << u"0 0 30 2 *"_s << 4
                                 << u"no chosen month has the chosen day of month"_s;
    QTest::newRow("31 April, June")
        << u"0 0 31 apr,jun *"_s << 4 << u"no chosen month has the chosen day of month"_s;
    QTest::newRow("@reboot") << u"@reboot"_s << 0 << u"unknown macro \"@reboot\""_s;
}

void TestCronExpr::refusesWithPositionAndReason()
{
    QFETCH(QString, text);
    CronError error;
    QVERIFY(!CronExpr::parse(text, &error));
    QTEST(error.position, "position");
    QTEST(error.reason, "reason");
}

void TestCronExpr::nextRuns_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("from");
    // Each run as ISO 8601 with the zone's offset; " moved" when moved by a DST gap.
    QTest::addColumn<QStringList>("expected");

    // Europe/Berlin 2026: 29 March 02:00 CET -> 03:00 CEST; 25 October 03:00 CEST -> 02:00 CET.
    QTest::newRow("Berlin gap: fixed time moved after the change")
        << u"30 2 * * *"_s << "Europe/Berlin"_ba << u"2026-03-28T00:00:00+01:00"_s
        << QStringList{u"2026-03-28T02:30:00+01:00"_s, u"2026-03-29T03:00:00+02:00 moved"_s,
                       u"2026-03-30T02:30:00+02:00"_s};
    QTest::newRow("Berlin gap: two gap times run once")
        << u"0,30 2 * * *"_s << "Europe/Berlin"_ba << u"2026-03-29T00:00:00+01:00"_s
        << QStringList{u"2026-03-29T03:00:00+02:00 moved"_s, u"2026-03-30T02:00:00+02:00"_s};
    QTest::newRow("Berlin gap: 03:00 itself is a normal run")
        << u"0 3 * * *"_s << "Europe/Berlin"_ba << u"2026-03-29T00:00:00+01:00"_s
        << QStringList{u"2026-03-29T03:00:00+02:00"_s, u"2026-03-30T03:00:00+02:00"_s};
    QTest::newRow("Berlin gap: wildcard hours skip the gap")
        << u"*/30 * * * *"_s << "Europe/Berlin"_ba << u"2026-03-29T01:00:00+01:00"_s
        << QStringList{u"2026-03-29T01:30:00+01:00"_s, u"2026-03-29T03:00:00+02:00"_s,
                       u"2026-03-29T03:30:00+02:00"_s, u"2026-03-29T04:00:00+02:00"_s};
    QTest::newRow("Berlin repeat: fixed time at its first occurrence")
        << u"30 2 * * *"_s << "Europe/Berlin"_ba << u"2026-10-24T12:00:00+02:00"_s
        << QStringList{u"2026-10-25T02:30:00+02:00"_s, u"2026-10-26T02:30:00+01:00"_s};
    QTest::newRow("Berlin repeat: wildcard runs once per wall time")
        << u"*/30 * * * *"_s << "Europe/Berlin"_ba << u"2026-10-25T01:45:00+02:00"_s
        << QStringList{u"2026-10-25T02:00:00+02:00"_s, u"2026-10-25T02:30:00+02:00"_s,
                       u"2026-10-25T03:00:00+01:00"_s, u"2026-10-25T03:30:00+01:00"_s};
    QTest::newRow("Berlin repeat: from inside the second pass")
        << u"*/30 * * * *"_s << "Europe/Berlin"_ba << u"2026-10-25T02:10:00+01:00"_s
        << QStringList{u"2026-10-25T03:00:00+01:00"_s};

    // America/New_York 2026: 8 March 02:00 EST -> 03:00 EDT; 1 November 02:00 EDT -> 01:00 EST.
    QTest::newRow("New York gap") << u"30 2 * * *"_s << "America/New_York"_ba
                                  << u"2026-03-07T12:00:00-05:00"_s
                                  << QStringList{u"2026-03-08T03:00:00-04:00 moved"_s,
                                                 u"2026-03-09T02:30:00-04:00"_s,
                                                 u"2026-03-10T02:30:00-04:00"_s};
    QTest::newRow("New York repeat")
        << u"30 1 * * *"_s << "America/New_York"_ba << u"2026-10-31T12:00:00-04:00"_s
        << QStringList{u"2026-11-01T01:30:00-04:00"_s, u"2026-11-02T01:30:00-05:00"_s};
    QTest::newRow("New York repeat, hourly")
        << u"0 * * * *"_s << "America/New_York"_ba << u"2026-11-01T00:30:00-04:00"_s
        << QStringList{u"2026-11-01T01:00:00-04:00"_s, u"2026-11-01T02:00:00-05:00"_s,
                       u"2026-11-01T03:00:00-05:00"_s};

    // Australia/Sydney 2026: 5 April 03:00 AEDT -> 02:00 AEST; 4 October 02:00 AEST -> 03:00.
    QTest::newRow("Sydney repeat")
        << u"30 2 * * *"_s << "Australia/Sydney"_ba << u"2026-04-04T12:00:00+11:00"_s
        << QStringList{u"2026-04-05T02:30:00+11:00"_s, u"2026-04-06T02:30:00+10:00"_s};
    QTest::newRow("Sydney gap") << u"30 2 * * *"_s << "Australia/Sydney"_ba
                                << u"2026-10-03T12:00:00+10:00"_s
                                << QStringList{u"2026-10-04T03:00:00+11:00 moved"_s,
                                               u"2026-10-05T02:30:00+11:00"_s};

    // Australia/Lord_Howe moves by 30 minutes: 5 April 02:00 (+11) -> 01:30 (+10:30);
    // 4 October 02:00 (+10:30) -> 02:30 (+11).
    QTest::newRow("Lord Howe half-hour gap")
        << u"15 2 * * *"_s << "Australia/Lord_Howe"_ba << u"2026-10-03T12:00:00+10:30"_s
        << QStringList{u"2026-10-04T02:30:00+11:00 moved"_s, u"2026-10-05T02:15:00+11:00"_s};
    QTest::newRow("Lord Howe half-hour repeat")
        << u"45 1 * * *"_s << "Australia/Lord_Howe"_ba << u"2026-04-04T12:00:00+11:00"_s
        << QStringList{u"2026-04-05T01:45:00+11:00"_s, u"2026-04-06T01:45:00+10:30"_s};

    // Asia/Jakarta: +07:00 all year. 27 March 2026 is a Friday.
    QTest::newRow("Jakarta weekdays")
        << u"0 9 * * mon-fri"_s << "Asia/Jakarta"_ba << u"2026-03-27T10:00:00+07:00"_s
        << QStringList{u"2026-03-30T09:00:00+07:00"_s, u"2026-03-31T09:00:00+07:00"_s,
                       u"2026-04-01T09:00:00+07:00"_s};

    // Days, in UTC. April 2026 starts on a Wednesday: Fridays 3, 10, 17, 24; the 13th a Monday.
    QTest::newRow("13th or Friday")
        << u"0 0 13 * 5"_s << "UTC"_ba << u"2026-04-01T00:00:00Z"_s
        << QStringList{u"2026-04-03T00:00:00+00:00"_s, u"2026-04-10T00:00:00+00:00"_s,
                       u"2026-04-13T00:00:00+00:00"_s, u"2026-04-17T00:00:00+00:00"_s,
                       u"2026-04-24T00:00:00+00:00"_s, u"2026-05-01T00:00:00+00:00"_s};
    QTest::newRow("13th only") << u"0 0 13 * *"_s << "UTC"_ba << u"2026-04-01T00:00:00Z"_s
                               << QStringList{u"2026-04-13T00:00:00+00:00"_s,
                                              u"2026-05-13T00:00:00+00:00"_s};
    QTest::newRow("Friday only") << u"0 0 * * fri"_s << "UTC"_ba << u"2026-04-01T00:00:00Z"_s
                                 << QStringList{u"2026-04-03T00:00:00+00:00"_s,
                                                u"2026-04-10T00:00:00+00:00"_s};
    // A day-of-month starting with `*` counts as unrestricted: both must match (1, 11, 21, 31
    // that are Mondays: 11 May and 1 June 2026).
    QTest::newRow("stepped day and Monday")
        << u"0 0 */10 * 1"_s << "UTC"_ba << u"2026-01-01T00:00:00Z"_s
        << QStringList{u"2026-05-11T00:00:00+00:00"_s, u"2026-06-01T00:00:00+00:00"_s};
    QTest::newRow("29 February") << u"0 0 29 2 *"_s << "UTC"_ba << u"2026-01-01T00:00:00Z"_s
                                 << QStringList{u"2028-02-29T00:00:00+00:00"_s,
                                                u"2032-02-29T00:00:00+00:00"_s};
    QTest::newRow("31st skips short months")
        << u"0 0 31 * *"_s << "UTC"_ba << u"2026-01-31T12:00:00Z"_s
        << QStringList{u"2026-03-31T00:00:00+00:00"_s, u"2026-05-31T00:00:00+00:00"_s,
                       u"2026-07-31T00:00:00+00:00"_s, u"2026-08-31T00:00:00+00:00"_s,
                       u"2026-10-31T00:00:00+00:00"_s, u"2026-12-31T00:00:00+00:00"_s};
    // Sundays of January 2026: 4, 11, 18, 25; July 2026 starts on a Wednesday.
    QTest::newRow("names") << u"0 12 * jan,jul sun"_s << "UTC"_ba << u"2026-01-01T00:00:00Z"_s
                           << QStringList{
                                  u"2026-01-04T12:00:00+00:00"_s, u"2026-01-11T12:00:00+00:00"_s,
                                  u"2026-01-18T12:00:00+00:00"_s, u"2026-01-25T12:00:00+00:00"_s,
                                  u"2026-07-05T12:00:00+00:00"_s};
    QTest::newRow("7 is Sunday") << u"0 0 * * 7"_s << "UTC"_ba << u"2026-01-01T00:00:00Z"_s
                                 << QStringList{u"2026-01-04T00:00:00+00:00"_s,
                                                u"2026-01-11T00:00:00+00:00"_s};
    QTest::newRow("stepped ranges")
        << u"5-20/5 */6 * * *"_s << "UTC"_ba << u"2026-01-01T00:00:00Z"_s
        << QStringList{u"2026-01-01T00:05:00+00:00"_s, u"2026-01-01T00:10:00+00:00"_s,
                       u"2026-01-01T00:15:00+00:00"_s, u"2026-01-01T00:20:00+00:00"_s,
                       u"2026-01-01T06:05:00+00:00"_s};
    QTest::newRow("a/N") << u"50/5 * * * *"_s << "UTC"_ba << u"2026-01-01T00:00:00Z"_s
                         << QStringList{u"2026-01-01T00:50:00+00:00"_s,
                                        u"2026-01-01T00:55:00+00:00"_s,
                                        u"2026-01-01T01:50:00+00:00"_s};
    QTest::newRow("strictly after") << u"0 0 * * *"_s << "UTC"_ba << u"2026-01-01T00:00:00Z"_s
                                    << QStringList{u"2026-01-02T00:00:00+00:00"_s};
    QTest::newRow("every minute, from mid-minute")
        << u"* * * * *"_s << "UTC"_ba << u"2026-12-31T23:59:30Z"_s
        << QStringList{u"2027-01-01T00:00:00+00:00"_s, u"2027-01-01T00:01:00+00:00"_s};
    QTest::newRow("@weekly") << u"@weekly"_s << "UTC"_ba << u"2026-01-01T00:00:00Z"_s
                             << QStringList{u"2026-01-04T00:00:00+00:00"_s};
    QTest::newRow("@monthly in Jakarta")
        << u"@monthly"_s << "Asia/Jakarta"_ba << u"2026-01-31T23:00:00Z"_s
        << QStringList{u"2026-03-01T00:00:00+07:00"_s};
}

void TestCronExpr::nextRuns()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, zone);
    QFETCH(QString, from);
    QFETCH(QStringList, expected);

    const QTimeZone tz(zone);
    QVERIFY2(tz.isValid(), zone.constData());
    const std::optional<CronExpr> expr = CronExpr::parse(expression);
    QVERIFY(expr);
    const QDateTime start = QDateTime::fromString(from, Qt::ISODate);
    QVERIFY(start.isValid());

    qint64 after = start.toMSecsSinceEpoch();
    QStringList got;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const std::optional<CronRun> run = expr->next(after, tz);
        QVERIFY(run);
        got.append(isoWithOffset(run->atMs, tz) + (run->movedByGap ? u" moved"_s : QString()));
        // The instant itself, not only its rendering.
        QCOMPARE(run->atMs, QDateTime::fromString(expected.at(i).section(u' ', 0, 0), Qt::ISODate)
                                .toMSecsSinceEpoch());
        after = run->atMs;
    }
    QCOMPARE(got, expected);
}

void TestCronExpr::wallTimeToUtc_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("wall");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("inGap");

    QTest::newRow("ordinary") << "Europe/Berlin"_ba << u"2026-07-01T12:00:00"_s
                              << u"2026-07-01T10:00:00Z"_s << false;
    QTest::newRow("gap: the end of the gap")
        << "Europe/Berlin"_ba << u"2026-03-29T02:30:00"_s << u"2026-03-29T01:00:00Z"_s << true;
    QTest::newRow("repeat: first occurrence")
        << "Europe/Berlin"_ba << u"2026-10-25T02:30:00"_s << u"2026-10-25T00:30:00Z"_s << false;
    QTest::newRow("Lord Howe gap") << "Australia/Lord_Howe"_ba << u"2026-10-04T02:10:00"_s
                                   << u"2026-10-03T15:30:00Z"_s << true;
}

void TestCronExpr::wallTimeToUtc()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, wall);
    QFETCH(QString, expected);
    const QDateTime local = QDateTime::fromString(wall, u"yyyy-MM-ddTHH:mm:ss"_s);
    bool inGap = false;
    const qint64 at = CronExpr::wallTimeToUtc(local.date(), local.time(), QTimeZone(zone), &inGap);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODate), expected);
    QTEST(inGap, "inGap");
}

void TestCronExpr::emptyExpressionNeverRuns()
{
    QVERIFY(!CronExpr().next(0, QTimeZone(QByteArrayLiteral("UTC"))));
    QVERIFY(!CronExpr().matches(QDate(2026, 1, 1), QTime(0, 0)));
}

QTEST_GUILESS_MAIN(TestCronExpr)
#include "tst_cronexpr.moc"
