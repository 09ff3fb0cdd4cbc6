// GET /api/v1/events of a real heartbeatd: Server-Sent Events, resumable after a reconnect
// without loss or duplicates (docs/api.md, "Event stream").
#include "httptestutil.h"

using namespace hb;
using namespace hb::test;

namespace {

struct SseEvent
{
    QByteArray id, type, data;
    qint64 seq() const { return id.mid(id.lastIndexOf('-') + 1).toLongLong(); }
};

// One event-stream connection, read as it arrives.
class SseClient
{
public:
    bool open(quint16 port, const QByteArray &token, const QByteArray &lastEventId = {})
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(3000))
            return false;
        QByteArray request = "GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token + "\r\n";
        if (!lastEventId.isEmpty())
            request += "Last-Event-ID: " + lastEventId + "\r\n";
        m_socket.write(request + "\r\n");
        return m_socket.waitForBytesWritten(3000);
    }
    // Reads for `ms`, returning the events completed meanwhile.
    QVector<SseEvent> read(int ms)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms && m_socket.state() == QAbstractSocket::ConnectedState) {
            if (m_socket.waitForReadyRead(50))
                m_buffer += m_socket.readAll();
        }
        m_buffer += m_socket.readAll();
        if (m_status == 0 && m_buffer.contains("\r\n\r\n")) {
            m_status = statusOf(m_buffer);
            m_buffer.remove(0, m_buffer.indexOf("\r\n\r\n") + 4);
        }
        QVector<SseEvent> out;
        qsizetype end;
        while (m_status == 200 && (end = m_buffer.indexOf("\n\n")) >= 0) {
            SseEvent event;
            for (const QByteArray &line : m_buffer.left(end).split('\n')) {
                if (line.startsWith("id: "))
                    event.id = line.mid(4);
                else if (line.startsWith("event: "))
                    event.type = line.mid(7);
                else if (line.startsWith("data: "))
                    event.data = line.mid(6);
            }
            m_buffer.remove(0, end + 2);
            if (!event.type.isEmpty())
                out.append(event);
        }
        return out;
    }
    int status() const { return m_status; }
    QByteArray rest() const { return m_buffer; }
    void close() { m_socket.abort(); }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    int m_status = 0;
};

QList<qint64> tickIds(const QVector<SseEvent> &events)
{
    QList<qint64> ids;
    for (const SseEvent &e : events) {
        if (e.type != "records")
            continue;
        for (const QJsonValue &t : QJsonDocument::fromJson(e.data).object().value(u"ticks"_s).toArray())
            ids.append(t.toObject().value(u"id"_s).toInteger());
    }
    return ids;
}

} // namespace

class TestHeartbeatdEvents : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;
    ServingDaemon m_server;
    QByteArray m_viewer, m_admin;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(u"data"_s);
        QVERIFY(m_server.daemon().init());
        QVERIFY(m_server.daemon().createDataDir(m_data));
        m_viewer = m_server.createToken(m_data, u"wall"_s, u"viewer"_s);
        m_admin = m_server.createToken(m_data, u"admin"_s, u"admin"_s);
        QVERIFY(m_server.start(m_data, {u"--demo"_s, u"--tick-ms"_s, u"100"_s}));
    }

    void needsAToken()
    {
        SseClient client;
        QVERIFY(client.open(m_server.port(), {}));
        client.read(1000);
        QCOMPARE(client.status(), 401);
    }

    void startsWithTheStateThenStreams()
    {
        SseClient client;
        QVERIFY(client.open(m_server.port(), m_viewer));
        const QVector<SseEvent> events = client.read(1500);
        QCOMPARE(client.status(), 200);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.constFirst().type, QByteArray("snapshot"));
        QVERIFY(QJsonDocument::fromJson(events.constFirst().data).object().contains(u"tasks"_s));
        QVERIFY(tickIds(events).size() >= 5); // ~10 ticks a second
        for (qsizetype i = 1; i < events.size(); ++i)
            QVERIFY(events.at(i).seq() > events.at(i - 1).seq());
    }

    void auditAndAlertsArrive()
    {
        SseClient client;
        QVERIFY(client.open(m_server.port(), m_viewer));
        client.read(300);
        HttpClient http(m_server.url());
        QCOMPARE(http.post(u"/api/v1/pause"_s, m_admin, R"({"reason":"stream test"})").status, 200);
        QVector<SseEvent> events = client.read(1500);
        QCOMPARE(http.post(u"/api/v1/resume"_s, m_admin).status, 200);
        events += client.read(1500);
        QStringList actions;
        for (const SseEvent &e : std::as_const(events)) {
            if (e.type == "audit")
                actions.append(QJsonDocument::fromJson(e.data).object().value(u"action"_s).toString());
        }
        QVERIFY2(actions.contains(u"emergency_pause"_s) && actions.contains(u"resume"_s),
                 qPrintable(actions.join(u", "_s)));
    }

    void resumesWithoutLossOrDuplicates()
    {
        // A witness stays connected throughout and sees every event; a client that drops out and
        // resumes with Last-Event-ID must get exactly the witness's events after its last id.
        SseClient witness;
        QVERIFY(witness.open(m_server.port(), m_viewer));
        QVector<SseEvent> witnessed;
        const auto readWitnessing = [&](SseClient &client, int ms) {
            QVector<SseEvent> got;
            QElapsedTimer timer;
            timer.start();
            while (timer.elapsed() < ms) {
                got += client.read(40);
                witnessed += witness.read(10);
            }
            return got;
        };
        witnessed += witness.read(300);

        SseClient firstClient;
        QVERIFY(firstClient.open(m_server.port(), m_viewer));
        const QVector<SseEvent> before = readWitnessing(firstClient, 1200);
        QVERIFY(!before.isEmpty());
        const SseEvent last = before.constLast();
        firstClient.close();
        witnessed += witness.read(1000); // events go on while the client is away

        SseClient secondClient;
        QVERIFY(secondClient.open(m_server.port(), m_viewer, last.id));
        QVector<SseEvent> after = readWitnessing(secondClient, 1500);
        QVERIFY(!after.isEmpty());
        QVERIFY(after.constFirst().type != "reset");
        QVERIFY2(after.constFirst().seq() > last.seq(), after.constFirst().id.constData());
        witnessed += witness.read(300);

        // Records, alerts and audit entries (snapshots are coalesced: only the newest is kept).
        const auto kept = [](const QVector<SseEvent> &events, qint64 after, qint64 upTo) {
            QList<QByteArray> ids;
            for (const SseEvent &e : events) {
                if (e.type != "snapshot" && e.seq() > after && e.seq() <= upTo)
                    ids.append(e.id);
            }
            return ids;
        };
        const qint64 upTo = after.constLast().seq();
        QVERIFY(witnessed.constLast().seq() >= upTo);
        const QList<QByteArray> resumed = kept(after, last.seq(), upTo);
        const QList<QByteArray> expected = kept(witnessed, last.seq(), upTo);
        QVERIFY(expected.size() >= 10); // two seconds of records at ten ticks a second
        QCOMPARE(resumed, expected);
        // And nothing the first connection had already seen came again.
        QSet<QByteArray> seenBefore;
        for (const SseEvent &e : before)
            seenBefore.insert(e.id);
        for (const SseEvent &e : after)
            QVERIFY2(!seenBefore.contains(e.id), e.id.constData());
    }

    void anUnknownIdStartsOver()
    {
        SseClient client;
        QVERIFY(client.open(m_server.port(), m_viewer, "zzzz-12"));
        const QVector<SseEvent> events = client.read(1000);
        QVERIFY(events.size() >= 2);
        QCOMPARE(events.at(0).type, QByteArray("reset"));
        QCOMPARE(events.at(1).type, QByteArray("snapshot"));
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHeartbeatdEvents)
#include "tst_heartbeatd_events.moc"
