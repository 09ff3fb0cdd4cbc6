// Machine heartbeats against a real heartbeatd on 127.0.0.1 (docs/api.md, "Machines"): machines
// registered with `heartbeatd machine add` push with their own token (header or query, POST or
// the GET of a cron line), bad pushes are refused with the right status, a machine that stops
// pushing is down within a second of its deadline and up again on its next push, a machine
// removed from the command line is unknown within a second, and a restart keeps the state.
#include "httptestutil.h"

#include <QDateTime>
#include <QUrlQuery>

using namespace hb;
using namespace hb::test;

class TestHeartbeatdMachinesHttp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;
    std::unique_ptr<ServingDaemon> m_server;
    std::unique_ptr<HttpClient> m_http;
    QByteArray m_viewer, m_admin;
    QHash<QString, QByteArray> m_push; // machine -> its push token

    // `heartbeatd machine add`: the push token it prints, alone on stdout.
    QByteArray addMachine(const QString &name, const QString &offlineAfter)
    {
        const Result r = m_server->daemon().run({u"machine"_s, u"add"_s, name, u"--offline-after"_s,
                                                 offlineAfter, u"--data-dir"_s, m_data});
        if (!r.exitedWith(0)) {
            qWarning().noquote() << "machine add failed:" << r.describe();
            return {};
        }
        return r.out.trimmed();
    }
    HttpReply push(const QString &machine, const QByteArray &token, const QByteArray &body = {},
                   const char *kind = "heartbeat", const QByteArray &method = "POST")
    {
        return m_http->send(method, u"/api/v1/machines/%1/%2"_s.arg(machine, QLatin1String(kind)),
                            token, body);
    }
    // The GET form with the token in the query, as a cron line sends it.
    HttpReply cronPing(const QString &machine, const QByteArray &token,
                       const char *kind = "heartbeat")
    {
        QUrlQuery query;
        query.addQueryItem(
            u"token"_s, QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(token))));
        return m_http->get(u"/api/v1/machines/%1/%2?%3"_s.arg(machine, QLatin1String(kind),
                                                              query.toString(QUrl::FullyEncoded)));
    }
    QJsonObject machine(const QString &name)
    {
        const HttpReply r = m_http->get(u"/api/v1/machines"_s, m_viewer);
        for (const QJsonValue &item : r.json().value(u"items"_s).toArray()) {
            if (item.toObject().value(u"name"_s).toString() == name)
                return item.toObject();
        }
        return {};
    }
    QString stateOf(const QString &name) { return machine(name).value(u"state"_s).toString(); }
    // machine_events rows of `name` into `to` (and their times).
    QList<qint64> transitions(const QString &name, const char *to)
    {
        const auto db = openReadOnly(m_data + u"/metrics.db"_s);
        SQLite::Statement q(*db, "SELECT ts_ms FROM machine_events WHERE machine = ? AND "
                                 "to_state = ? ORDER BY id");
        q.bind(1, name.toStdString());
        q.bind(2, to);
        QList<qint64> out;
        while (q.executeStep())
            out.append(q.getColumn(0).getInt64());
        return out;
    }
    qint64 lastSeenMs(const QString &name)
    {
        return machine(name).value(u"last_seen_ms"_s).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(u"data"_s);
        m_server = std::make_unique<ServingDaemon>();
        QVERIFY(m_server->daemon().init());
        QVERIFY(m_server->daemon().createDataDir(m_data));
        m_viewer = m_server->createToken(m_data, u"wall"_s, u"viewer"_s);
        m_admin = m_server->createToken(m_data, u"ops"_s, u"admin"_s);
        QVERIFY(!m_viewer.isEmpty() && !m_admin.isEmpty());
        // Registered before the start, with no engine running on the directory.
        for (const auto &[name, after] :
             {std::pair{u"relay-1"_s, u"1m"_s}, std::pair{u"cron-box"_s, u"2m"_s}}) {
            m_push.insert(name, addMachine(name, after));
            QVERIFY(m_push.value(name).startsWith("hbm_"));
        }
        QVERIFY(m_server->start(m_data, {u"--tick-ms"_s, u"200"_s}));
        m_http = std::make_unique<HttpClient>(m_server->url());
        // Registered while it runs: picked up within a second.
        for (const auto &[name, after] :
             {std::pair{u"quiet"_s, u"1s"_s}, std::pair{u"batch-3"_s, u"1m"_s},
              std::pair{u"gone"_s, u"1m"_s}, std::pair{u"sleeper"_s, u"2s"_s}}) {
            m_push.insert(name, addMachine(name, after));
            QVERIFY(!m_push.value(name).isEmpty());
        }
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(u"sleeper"_s), u"new"_s, 3000);
    }

    void pushWithTheTokenInTheHeaderAndAReport()
    {
        QCOMPARE(stateOf(u"relay-1"_s), u"new"_s);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const HttpReply r = push(u"relay-1"_s, m_push.value(u"relay-1"_s),
                                 R"({"cpu": 0.42, "memory": 71.5, "disk": 12.5, "uptime": 86400,
                                     "version": "relay 2.1.0", "note": "all good"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"ok"_s).toBool(), true);
        const QJsonObject m = machine(u"relay-1"_s);
        QCOMPARE(m.value(u"state"_s).toString(), u"up"_s);
        QCOMPARE(m.value(u"offline_after_ms"_s).toInteger(), 60'000);
        QVERIFY(m.value(u"last_seen_ms"_s).toInteger() >= before - 5);
        QVERIFY(m.value(u"down_since_ms"_s).isNull());
        const QJsonObject report = m.value(u"last_report"_s).toObject();
        QCOMPARE(report.value(u"cpu"_s).toDouble(), 0.42);
        QCOMPARE(report.value(u"uptime"_s).toDouble(), 86400.0);
        QCOMPARE(report.value(u"version"_s).toString(), u"relay 2.1.0"_s);
        QCOMPARE(report.value(u"note"_s).toString(), u"all good"_s);
        QCOMPARE(m.value(u"recent"_s).toArray().size(), 1);
        // The row is written by the store's writer, shortly after.
        QTRY_COMPARE_WITH_TIMEOUT(transitions(u"relay-1"_s, "up").size(), 1, 3000);
    }

    void cronLinePingsWithAPlainGet()
    {
        // `curl -fsS URL`: a GET, no header, no body; the token in the query.
        HttpReply r = cronPing(u"cron-box"_s, m_push.value(u"cron-box"_s));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(stateOf(u"cron-box"_s), u"up"_s);
        // Without a body, the report is empty rather than the previous one's.
        QVERIFY(machine(u"cron-box"_s).value(u"last_report"_s).toObject().value(u"cpu"_s).isNull());
        // And a POST with no body at all.
        r = push(u"cron-box"_s, m_push.value(u"cron-box"_s), {}, "heartbeat", "POST");
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QJsonArray recent = machine(u"cron-box"_s).value(u"recent"_s).toArray();
        QCOMPARE(recent.size(), 2);
        QVERIFY(recent.at(0).toObject().value(u"at_ms"_s).toInteger() <=
                recent.at(1).toObject().value(u"at_ms"_s).toInteger());
    }

    void startAndFailAroundAJob()
    {
        const QByteArray token = m_push.value(u"batch-3"_s);
        QCOMPARE(push(u"batch-3"_s, token, {}, "start").status, 200);
        QCOMPARE(stateOf(u"batch-3"_s), u"up"_s);
        QCOMPARE(machine(u"batch-3"_s).value(u"last_kind"_s).toString(), u"start"_s);
        // A failed job marks the machine down at once, and once.
        QCOMPARE(cronPing(u"batch-3"_s, token, "fail").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(u"batch-3"_s), u"down"_s, 1000);
        QVERIFY(!machine(u"batch-3"_s).value(u"down_since_ms"_s).isNull());
        QTRY_COMPARE_WITH_TIMEOUT(transitions(u"batch-3"_s, "down").size(), 1, 3000);
        // The next heartbeat brings it back.
        QCOMPARE(push(u"batch-3"_s, token).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(u"batch-3"_s), u"up"_s, 1000);
        QTRY_COMPARE_WITH_TIMEOUT(transitions(u"batch-3"_s, "up").size(), 2, 3000);
    }

    void badPushesAreRefused()
    {
        const QByteArray token = m_push.value(u"relay-1"_s);
        const qint64 seen = lastSeenMs(u"relay-1"_s);
        // Unknown machine: 404, with or without a token.
        HttpReply r = push(u"nobody"_s, token);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"no_such_machine"_s);
        QCOMPARE(push(u"nobody"_s, {}).status, 404);
        // Another machine's token, an API token, no token: 401.
        r = push(u"relay-1"_s, m_push.value(u"cron-box"_s));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"unauthorized"_s);
        QVERIFY(r.headers.contains("www-authenticate"));
        QCOMPARE(push(u"relay-1"_s, m_admin).status, 401);
        QCOMPARE(m_http->get(u"/api/v1/machines/relay-1/heartbeat"_s).status, 401);
        QCOMPARE(cronPing(u"relay-1"_s, "hbm_wrong").status, 401);
        // A push token is not an API token.
        QCOMPARE(m_http->get(u"/api/v1/machines"_s, token).status, 401);
        QCOMPARE(m_http->get(u"/api/v1/machines"_s).status, 401);
        // Malformed bodies: 400 naming the problem.
        r = push(u"relay-1"_s, token, R"({"cpu": "12%"})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"bad_body"_s);
        QVERIFY2(r.json().value(u"message"_s).toString().contains(u"cpu"_s),
                 qPrintable(r.describe()));
        r = push(u"relay-1"_s, token, R"({"load": 1})");
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json().value(u"message"_s).toString().contains(u"load"_s),
                 qPrintable(r.describe()));
        r = push(u"relay-1"_s, token, "{\"cpu\": 1");
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json().value(u"message"_s).toString().contains(u"JSON"_s),
                 qPrintable(r.describe()));
        // A body over 64 KiB: 413 on its Content-Length, before it is sent.
        const QByteArray head =
            "POST /api/v1/machines/relay-1/heartbeat HTTP/1.1\r\nHost: x\r\n"
            "Authorization: Bearer " +
            token + "\r\nContent-Type: application/json\r\nContent-Length: 65537\r\n\r\n";
        const QByteArray answer = rawExchange(m_server->port(), head, 5000);
        QCOMPARE(statusOf(answer), 413);
        QCOMPARE(bodyOf(answer).value(u"error"_s).toString(), u"payload_too_large"_s);
        // ... while 64 KiB exactly is read and judged on what it says.
        const QByteArray note = "{\"note\": \"" + QByteArray(65536 - 12, 'n') + "\"}";
        QCOMPARE(note.size(), 65536);
        r = push(u"relay-1"_s, token, note);
        QCOMPARE(r.status, 400); // too long a note, but not refused for its size
        QVERIFY2(r.json().value(u"message"_s).toString().contains(u"note"_s),
                 qPrintable(r.describe()));
        // Other methods: 405.
        QCOMPARE(push(u"relay-1"_s, token, {}, "heartbeat", "DELETE").status, 405);
        // Nothing of this was taken as a heartbeat.
        QCOMPARE(lastSeenMs(u"relay-1"_s), seen);
    }

    void aQuietMachineIsDownWithinASecondOfItsDeadline()
    {
        const QString name = u"quiet"_s;
        QCOMPARE(push(name, m_push.value(name)).status, 200);
        const qint64 lastSeen = lastSeenMs(name);
        QVERIFY(lastSeen > 0);
        // offline_after 1 s: down by last_seen + 1 s, noticed within a second of that.
        QElapsedTimer waited;
        waited.start();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(name), u"down"_s, 4000);
        const QJsonObject m = machine(name);
        const qint64 late = m.value(u"down_since_ms"_s).toInteger() - (lastSeen + 1000);
        QVERIFY2(late >= 0 && late <= 1000, qPrintable(QString::number(late)));
        QTRY_COMPARE_WITH_TIMEOUT(transitions(name, "down").size(), 1, 3000);
        const qint64 rowLate = transitions(name, "down").constFirst() - (lastSeen + 1000);
        QVERIFY2(rowLate >= 0 && rowLate <= 1000, qPrintable(QString::number(rowLate)));
        // /metrics says so too.
        const QByteArray metrics = m_http->get(u"/metrics"_s).body;
        QVERIFY2(metrics.contains("hb_machine_up{machine=\"quiet\"} 0\n"), metrics.constData());
        QVERIFY(metrics.contains("hb_machine_up{machine=\"relay-1\"} 1\n"));
        QVERIFY(metrics.contains("hb_machine_last_seen_timestamp_seconds{machine=\"quiet\"} "));
        // Up again on the next push, and down again when it stops.
        QCOMPARE(cronPing(name, m_push.value(name)).status, 200);
        QCOMPARE(stateOf(name), u"up"_s);
        QTRY_COMPARE_WITH_TIMEOUT(transitions(name, "up").size(), 2, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(name), u"down"_s, 4000);
        QTRY_COMPARE_WITH_TIMEOUT(transitions(name, "down").size(), 2, 3000);
    }

    void aRemovedMachineIsUnknownWithinASecond()
    {
        const QString name = u"gone"_s;
        QCOMPARE(push(name, m_push.value(name)).status, 200);
        const Result r =
            m_server->daemon().run({u"machine"_s, u"remove"_s, name, u"--data-dir"_s, m_data});
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        QElapsedTimer since;
        since.start();
        int status = 0;
        while (since.elapsed() < 3000 && (status = push(name, m_push.value(name)).status) == 200)
            QTest::qWait(50);
        QCOMPARE(status, 404);
        QVERIFY2(since.elapsed() <= 1500, qPrintable(QString::number(since.elapsed())));
        QVERIFY(machine(name).isEmpty());
    }

    void aRestartKeepsTheState()
    {
        // "sleeper" (offline_after 2 s) pushes once and goes quiet while heartbeatd is stopped.
        const QString name = u"sleeper"_s;
        QCOMPARE(push(name, m_push.value(name)).status, 200);
        const qint64 lastSeen = lastSeenMs(name);
        const qint64 relaySeen = lastSeenMs(u"relay-1"_s);
        QCOMPARE(m_server->stop(), 0);
        QCOMPARE(transitions(name, "down").size(), 0);
        QTest::qWait(2500);

        m_server = std::make_unique<ServingDaemon>();
        QVERIFY(m_server->start(m_data, {u"--tick-ms"_s, u"200"_s}));
        m_http->setBase(m_server->url());
        // Judged on the push it sent before the stop: down, at once, with one row.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(name), u"down"_s, 2000);
        QCOMPARE(lastSeenMs(name), lastSeen);
        QTRY_COMPARE_WITH_TIMEOUT(transitions(name, "down").size(), 1, 3000);
        // Up machines within their offline_after stay up, last seen where they were.
        QCOMPARE(stateOf(u"relay-1"_s), u"up"_s);
        QCOMPARE(lastSeenMs(u"relay-1"_s), relaySeen);
        QCOMPARE(transitions(u"relay-1"_s, "up").size(), 1);
        // No second down row later either.
        QTest::qWait(1500);
        QCOMPARE(transitions(name, "down").size(), 1);
        QCOMPARE(push(name, m_push.value(name)).status, 200);
        QCOMPARE(stateOf(name), u"up"_s);
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHeartbeatdMachinesHttp)
#include "tst_heartbeatd_machines_http.moc"
