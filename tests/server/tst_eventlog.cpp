// The event stream's memory (server/eventlog.h): resumable ids, bounded size, coalesced snapshots.
#include "eventlog.h"

#include <QTest>

using namespace hb::http;

class TestEventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resumesAfterAnIdWithoutLossOrDuplicates()
    {
        EventLog log;
        QByteArrayList ids;
        for (int i = 0; i < 10; ++i)
            ids.append(log.idOf(log.append("records", QByteArray::number(i))));
        const auto rest = log.since(QString::fromLatin1(ids.at(3)));
        QVERIFY(rest);
        QCOMPARE(rest->size(), size_t(6));
        QCOMPARE(rest->front()->data, QByteArray("4"));
        QCOMPARE(rest->back()->data, QByteArray("9"));
        QVERIFY(log.since(QString::fromLatin1(ids.last()))->empty());
    }

    void onlyTheNewestSnapshotIsKept()
    {
        EventLog log;
        const QByteArray first = log.idOf(log.append("records", "a"));
        log.append("snapshot", "s1");
        log.append("records", "b");
        log.append("snapshot", "s2");
        const auto rest = log.since(QString::fromLatin1(first));
        QVERIFY(rest);
        QCOMPARE(rest->size(), size_t(2));
        QCOMPARE(rest->at(0)->data, QByteArray("b"));
        QCOMPARE(rest->at(1)->data, QByteArray("s2"));
        QCOMPARE(log.newestSnapshot()->data, QByteArray("s2"));
    }

    void anIdTooOldOrFromAnotherRunCannotResume()
    {
        EventLog log(100); // bytes
        const QByteArray first = log.idOf(log.append("records", QByteArray(40, 'x')));
        for (int i = 0; i < 10; ++i)
            log.append("records", QByteArray(40, 'y'));
        QVERIFY(!log.since(QString::fromLatin1(first)));          // dropped since
        EventLog other;
        QVERIFY(!other.since(QString::fromLatin1(first)));        // another stream
        QVERIFY(!log.since(QStringLiteral("garbage")));
        QVERIFY(!log.since(log.streamId() + QStringLiteral("-999"))); // from the future
    }

    void formatIsServerSentEvents()
    {
        EventLog log;
        const EventLog::Event &e = log.append("alert", R"({"a":1})");
        QCOMPARE(EventLog::format(log.idOf(e), e),
                 QByteArray("id: " + log.streamId().toLatin1() + "-1\nevent: alert\ndata: {\"a\":1}\n\n"));
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
