// The event-stream reader behind the wall's remote source (models/ssestream.h): the same events
// however the bytes are cut, every line ending and field the format has, and a bound on what an
// endless line or event may make it hold.
#include "ssestream.h"

#include <QRandomGenerator>
#include <QTest>

using namespace hb;

namespace {

using Events = QVector<SseStream::Event>;

// What a heartbeatd sends, with every kind of line the format allows mixed in.
const QByteArray kStream = "\xEF\xBB\xBF"
                           "retry: 2000\n"
                           "\n"
                           ": keep-alive\n"
                           "\n"
                           "id: ab12-1\r\n"
                           "event: snapshot\r\n"
                           "data: {\"a\":1}\r\n"
                           "\r\n"
                           "id: ab12-2\r"
                           "event: records\r"
                           "data: line one\r"
                           "data:line two\r"
                           "data\r"
                           "\r"
                           "event: reset\n"
                           "data: {\"reason\":\"x\"}\n"
                           "unknown: field\n"
                           "\n"
                           "id: ab12-3\n"
                           "event: audit\n"
                           ": a comment inside an event\n"
                           "data:  two spaces\n"
                           "\n"
                           "event: no-data\n"
                           "\n"
                           "data: incomplete at the end";

Events expected()
{
    return {{"ab12-1", "snapshot", "{\"a\":1}"},
            {"ab12-2", "records", "line one\nline two\n"},
            {"ab12-2", "reset", "{\"reason\":\"x\"}"},
            {"ab12-3", "audit", " two spaces"}};
}

QString describe(const Events &events)
{
    QStringList out;
    for (const SseStream::Event &e : events)
        out.append(QString::fromLatin1("[" + e.id + "|" + e.type + "|" + e.data + "]"));
    return out.join(u' ');
}

bool equal(const Events &a, const Events &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).id != b.at(i).id || a.at(i).type != b.at(i).type ||
            a.at(i).data != b.at(i).data)
            return false;
    }
    return true;
}

} // namespace

class TestSseStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeStream()
    {
        SseStream sse;
        Events events;
        QVERIFY(sse.feed(kStream, &events));
        QVERIFY2(equal(events, expected()), qPrintable(describe(events)));
        QCOMPARE(sse.retryMs(), std::optional<qint64>(2000));
        QCOMPARE(sse.comments(), 2);
        QCOMPARE(sse.lastEventId(), QByteArray("ab12-3"));
    }

    void sameEventsCutAtEveryByte()
    {
        for (qsizetype cut = 0; cut <= kStream.size(); ++cut) {
            SseStream sse;
            Events events;
            QVERIFY(sse.feed(QByteArrayView(kStream).first(cut), &events));
            QVERIFY(sse.feed(QByteArrayView(kStream).sliced(cut), &events));
            QVERIFY2(equal(events, expected()),
                     qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(describe(events))));
        }
        SseStream sse;
        Events events;
        for (const char c : kStream)
            QVERIFY(sse.feed(QByteArrayView(&c, 1), &events));
        QVERIFY2(equal(events, expected()), qPrintable(describe(events)));
        QCOMPARE(sse.retryMs(), std::optional<qint64>(2000));
    }

    void aBomOnlyAtTheStart()
    {
        // A BOM later is part of a line: here, of a field name nobody knows.
        SseStream sse;
        Events events;
        QVERIFY(sse.feed("data: a\n\n\xEF\xBB\xBF"
                         "data: b\n\n",
                         &events));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).data, QByteArray("a"));
        // A stream shorter than a BOM that is not one is read as it is.
        SseStream shortOne;
        Events more;
        QVERIFY(shortOne.feed("\xEF", &more));
        QVERIFY(shortOne.feed("x", &more));
        QVERIFY(shortOne.feed("\ndata: c\n\n", &more));
        QCOMPARE(more.size(), 1);
        QCOMPARE(more.at(0).data, QByteArray("c"));
    }

    void retryTakesOnlyDigits()
    {
        SseStream sse;
        Events events;
        QVERIFY(sse.feed("retry: 15x\n\nretry: -1\n\n", &events));
        QVERIFY(!sse.retryMs());
        QVERIFY(sse.feed("retry:500\n\n", &events));
        QCOMPARE(sse.retryMs(), std::optional<qint64>(500));
        QVERIFY(events.isEmpty());
    }

    void garbageIsReadWithoutHarm()
    {
        // Random bytes: whatever they make, the reader neither fails nor holds more than the
        // bound, and a proper event after a blank line still comes through.
        QRandomGenerator random(13);
        for (int round = 0; round < 200; ++round) {
            QByteArray junk(int(random.bounded(1, 4000)), Qt::Uninitialized);
            for (char &c : junk)
                c = char(random.bounded(256));
            SseStream sse(1 << 16);
            Events events;
            QVERIFY(sse.feed(junk, &events));
            QVERIFY(sse.pendingBytes() <= 3 * (1 << 16));
            events.clear();
            QVERIFY(sse.feed("\n\n\nevent: ok\ndata: 1\n\n", &events));
            QVERIFY(!events.isEmpty());
            QCOMPARE(events.constLast().type, QByteArray("ok"));
            QCOMPARE(events.constLast().data, QByteArray("1"));
        }
    }

    void aLineOverTheLimitIsAnError()
    {
        SseStream sse(1000);
        Events events;
        // Without an end of line, cut in many pieces: refused once past the bound.
        bool ok = true;
        for (int i = 0; i < 100 && ok; ++i)
            ok = sse.feed(QByteArray(100, 'x'), &events);
        QVERIFY(!ok);
        QVERIFY(sse.failed());
        QVERIFY2(sse.error().contains(u"1000"), qPrintable(sse.error()));
        QCOMPARE(sse.pendingBytes(), 0);
        // Failed for good.
        QVERIFY(!sse.feed("data: x\n\n", &events));
        QVERIFY(events.isEmpty());
    }

    void anEventOverTheLimitIsAnError()
    {
        // Each line is short; together they are too much.
        SseStream sse(1000);
        Events events;
        bool ok = true;
        for (int i = 0; i < 100 && ok; ++i)
            ok = sse.feed(QByteArray("data: " + QByteArray(50, 'y') + "\n"), &events);
        QVERIFY(!ok);
        QVERIFY2(sse.error().contains(u"larger than 1000"), qPrintable(sse.error()));
        QVERIFY(events.isEmpty());
        // Just under it is fine.
        SseStream fits(1000);
        QVERIFY(fits.feed(QByteArray("data: " + QByteArray(990, 'z') + "\n\n"), &events));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).data.size(), 990);
    }
};

QTEST_GUILESS_MAIN(TestSseStream)
#include "tst_ssestream.moc"
