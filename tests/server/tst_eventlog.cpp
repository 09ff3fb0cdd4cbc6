// The event stream's memory (server/eventlog.h): resumable ids, bounded size, coalesced snapshots.
#include "eventlog.h"

#include <QTest>

#ifdef __GLIBC__
#include <malloc.h>
#endif

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

    // Snapshots come up to ten a second and their JSON is large: with nobody reading the stream,
    // none is serialised; one a client is sent is serialised once, however many clients get it.
    void aSnapshotsTextIsMadeOnlyWhenSentAndOnce()
    {
        EventLog log;
        int made = 0;
        const QByteArray first = log.idOf(log.append("records", "a"));
        for (int i = 0; i < 5; ++i)
            log.appendSnapshot([&made, i]() -> QByteArray {
                ++made;
                return "s" + QByteArray::number(i);
            });
        QCOMPARE(made, 0);
        QCOMPARE(log.newestSnapshot()->data, QByteArray("s4"));
        QCOMPARE(made, 1);
        const auto rest = log.since(QString::fromLatin1(first));
        QVERIFY(rest);
        QCOMPARE(rest->size(), size_t(1));
        QCOMPARE(rest->front()->data, QByteArray("s4"));
        QCOMPARE(made, 1);
        log.appendSnapshot([&made] {
            ++made;
            return QByteArray("s5");
        });
        log.append("snapshot", "s6"); // an eager one replaces a lazy one unmade
        QCOMPARE(log.newestSnapshot()->data, QByteArray("s6"));
        QCOMPARE(made, 1);
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

    // A server that runs for weeks holds at most its capacity in events, counted as memory (text
    // built by appending has spare room allocated), not as characters.
    void theLogsMemoryStaysWithinItsCapacity()
    {
#ifndef __GLIBC__
        QSKIP("the heap is measured with glibc's mallinfo2");
#else
        constexpr qint64 capacity = 1 << 20;
        const auto heapInUse = [] {
            const struct mallinfo2 info = ::mallinfo2();
            return qint64(info.uordblks + info.hblkhd);
        };
        const qint64 before = heapInUse();
        {
            EventLog log(capacity);
            for (int i = 0; i < 50'000; ++i) {
                QByteArray text;
                text.reserve(600); // as QJsonDocument::toJson leaves an audit entry's text
                text.append(280, 'a');
                log.append(QByteArrayLiteral("audit"), text);
            }
            QVERIFY(log.heldBytes() <= capacity);
            const qint64 grown = heapInUse() - before;
            QVERIFY2(grown <= capacity + capacity / 4,
                     qPrintable(QStringLiteral("the log holds %1 KiB for a capacity of %2 KiB")
                                    .arg(grown / 1024)
                                    .arg(capacity / 1024)));
            // And still resumes from within what it keeps.
            QVERIFY(log.since(log.streamId() + QStringLiteral("-49990")));
        }
#endif
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
