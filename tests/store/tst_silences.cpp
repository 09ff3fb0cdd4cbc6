// Notification silences in metrics.db: a plain one is on for its window; a recurring one only
// from each run of its cron expression, in its zone, for its duration. Times worked out by hand
// from the calendar (2026-12-06 is a Sunday; Asia/Jakarta is UTC+7 all year).

#include "store/metricsstore.h"
#include "store/notificationstore.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace Qt::StringLiterals;

namespace {

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

NotificationSilence sundayNights()
{
    NotificationSilence s;
    s.fromMs = utc("2026-12-01T00:00:00Z");
    s.toMs = utc("2027-01-01T00:00:00Z");
    s.reason = u"weekly maintenance"_s;
    s.cron = u"0 2 * * sun"_s; // Sunday 02:00 in Jakarta = Saturday 19:00 UTC
    s.durationMs = 2 * 3'600'000;
    s.tz = u"Asia/Jakarta"_s;
    return s;
}

} // namespace

class TestSilences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recurringIsOnOnlyInItsOccurrences_data()
    {
        QTest::addColumn<qint64>("at");
        QTest::addColumn<bool>("on");
        QTest::newRow("a minute before") << utc("2026-12-05T18:59:00Z") << false;
        QTest::newRow("its start") << utc("2026-12-05T19:00:00Z") << true;
        QTest::newRow("inside") << utc("2026-12-05T20:59:59Z") << true;
        QTest::newRow("its end") << utc("2026-12-05T21:00:00Z") << false;
        QTest::newRow("a Tuesday") << utc("2026-12-08T19:30:00Z") << false;
        QTest::newRow("the next Sunday") << utc("2026-12-12T20:00:00Z") << true;
        QTest::newRow("after the window") << utc("2027-01-02T19:30:00Z") << false;
        QTest::newRow("before the window") << utc("2026-11-28T19:30:00Z") << false;
    }
    void recurringIsOnOnlyInItsOccurrences()
    {
        QFETCH(qint64, at);
        QFETCH(bool, on);
        QCOMPARE(sundayNights().activeAt(at), on);
    }

    void occurrenceAtSaysWhenTheNextOneIs()
    {
        const NotificationSilence s = sundayNights();
        const auto next = s.occurrenceAt(utc("2026-12-03T10:00:00Z"));
        QVERIFY(next);
        QCOMPARE(next->first, utc("2026-12-05T19:00:00Z"));
        QCOMPARE(next->second, utc("2026-12-05T21:00:00Z"));
        // In one: that one. The last one is cut by the window's end: none after it.
        QCOMPARE(s.occurrenceAt(utc("2026-12-05T20:00:00Z"))->first, utc("2026-12-05T19:00:00Z"));
        NotificationSilence cut = s;
        cut.toMs = utc("2026-12-26T20:00:00Z");
        QCOMPARE(cut.occurrenceAt(utc("2026-12-26T19:30:00Z"))->second, cut.toMs);
        QVERIFY(!cut.occurrenceAt(utc("2026-12-27T00:00:00Z")));

        NotificationSilence plain;
        plain.fromMs = 100;
        plain.toMs = 200;
        QVERIFY(plain.activeAt(150));
        QVERIFY(!plain.activeAt(200));
        const std::pair<qint64, qint64> window(100, 200);
        QCOMPARE(*plain.occurrenceAt(50), window);
    }

    void storedAndReadBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"metrics.db"_s);
        { MetricsStore create(path); } // creates and migrates the file
        NotificationStore store(path);
        NotificationSilence s = sundayNights();
        s.createdBy = u"ops"_s;
        s.createdMs = s.fromMs;
        s.id = store.addSilence(s);
        NotificationSilence plain = s;
        plain.cron.clear();
        plain.durationMs = 0;
        plain.tz.clear();
        plain.id = store.addSilence(plain);
        const QVector<NotificationSilence> rows = store.silences(utc("2026-12-03T00:00:00Z"));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].cron, s.cron);
        QCOMPARE(rows[0].durationMs, s.durationMs);
        QCOMPARE(rows[0].tz, s.tz);
        QVERIFY(!rows[1].isRecurring());
        QVERIFY(rows[1].activeAt(utc("2026-12-08T19:30:00Z")));
        QVERIFY(!rows[0].activeAt(utc("2026-12-08T19:30:00Z")));
    }
};

QTEST_GUILESS_MAIN(TestSilences)
#include "tst_silences.moc"
