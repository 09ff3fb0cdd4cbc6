// Machines and notifications end to end: a real heartbeatd on 127.0.0.1 tells a webhook receiver
// (its Standard Webhooks signature checked with openssl, not our code) and a fake Telegram Bot API
// once per transition when a pushing machine goes quiet and when it returns, within
// offline_after + 1 s of its last heartbeat; a receiver answering 500 gets the message again and
// the delivery log shows both attempts; a restart on the same directory sends nothing again,
// and a machine that went quiet while heartbeatd was stopped is reported down once after it.
// Every request each receiver got is counted, so nothing sent besides is missed.
#include "../notify/opensslhmac.h"
#include "../notify/receiver.h"
#include "httptestutil.h"

#include <QDateTime>
#include <QSet>

#include <cstdlib>

using namespace hb;
using namespace hb::test;

namespace {
const QString kSecret = u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s;
const QByteArray kBotPath = "/bot42:SECRET-BOT/sendMessage";
} // namespace

class TestHeartbeatdMachineNotifications : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;
    std::unique_ptr<ServingDaemon> m_server;
    std::unique_ptr<HttpClient> m_http;
    QByteArray m_viewer;
    QHash<QString, QByteArray> m_push; // machine -> its push token
    Receiver m_webhook;
    Receiver m_telegram;
    QList<qint64> m_latenciesMs; // last heartbeat -> message at the receiver, per message

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
    int push(const QString &machine)
    {
        return m_http
            ->send("POST", u"/api/v1/machines/%1/heartbeat"_s.arg(machine), m_push.value(machine),
                   R"({"note": "e2e"})")
            .status;
    }
    // The machine's last heartbeat as heartbeatd recorded it (ms since the epoch).
    qint64 lastSeenMs(const QString &name)
    {
        const HttpReply r = m_http->get(u"/api/v1/machines"_s, m_viewer);
        for (const QJsonValue &item : r.json().value(u"items"_s).toArray()) {
            if (item[u"name"_s].toString() == name)
                return item[u"last_seen_ms"_s].toInteger();
        }
        return 0;
    }
    // A few heartbeats 300 ms apart, then quiet: the time of the last one, as heartbeatd saw it.
    qint64 pushAFewThenStop(const QString &machine, int count)
    {
        for (int i = 0; i < count; ++i) {
            if (push(machine) != 200)
                return 0;
            if (i + 1 < count)
                QTest::qWait(300);
        }
        return lastSeenMs(machine);
    }
    bool restart()
    {
        m_server = std::make_unique<ServingDaemon>();
        if (!m_server->start(m_data, {u"--tick-ms"_s, u"200"_s}))
            return false;
        m_http->setBase(m_server->url());
        return true;
    }

    static QJsonObject json(const ReceivedRequest &r)
    {
        return QJsonDocument::fromJson(r.body).object();
    }
    // "machine_down relay": what a webhook message says, by its own body.
    static QString webhookSays(const ReceivedRequest &r)
    {
        const QJsonObject o = json(r);
        return o[u"type"_s].toString() + u' ' + o[u"data"_s][u"subject"_s].toString();
    }
    static QString telegramText(const ReceivedRequest &r) { return json(r)[u"text"_s].toString(); }

    // The webhook message at `index` is `kind` for `machine`, signed with the channel's secret
    // (checked by openssl), and names the machine; the Telegram one at `tgIndex` names it too.
    void checkMessages(qsizetype index, qsizetype tgIndex, const QString &kind,
                       const QString &machine)
    {
        const ReceivedRequest &hook = m_webhook.requests.at(index);
        QCOMPARE(hook.method, QByteArray("POST"));
        QCOMPARE(webhookSays(hook), kind + u' ' + machine);
        QCOMPARE(json(hook)[u"data"_s][u"kind"_s].toString(), kind);
        QVERIFY2(json(hook)[u"data"_s][u"title"_s].toString().contains(machine), hook.body);
        const QByteArray expected = opensslWebhookSignature(
            QByteArray::fromBase64(kSecret.mid(6).toLatin1()), hook.headers.value("webhook-id"),
            hook.headers.value("webhook-timestamp"), hook.body);
        QVERIFY2(!expected.isEmpty(), "openssl is needed (scripts/install-deps.sh)");
        QCOMPARE(hook.headers.value("webhook-signature"), expected);
        // The timestamp is the sending time, within Standard Webhooks' tolerance of five minutes.
        const qint64 stamp = hook.headers.value("webhook-timestamp").toLongLong();
        QVERIFY(std::abs(stamp - hook.atMs / 1000) <= 300);

        const ReceivedRequest &tg = m_telegram.requests.at(tgIndex);
        QCOMPARE(tg.path, kBotPath);
        QCOMPARE(json(tg)[u"chat_id"_s].toString(), u"-1001"_s);
        QVERIFY2(telegramText(tg).contains(machine), tg.body);
        QVERIFY2(telegramText(tg).contains(kind == u"machine_down"_s ? u"down"_s : u"up"_s),
                 tg.body);
    }
    // The webhook message at `index` and the Telegram one at `tgIndex` arrived within `boundMs`
    // of `fromMs` (the last heartbeat, or the one that brought the machine back).
    void checkLatency(qsizetype index, qsizetype tgIndex, qint64 fromMs, qint64 boundMs)
    {
        for (const ReceivedRequest *r :
             {&m_webhook.requests.at(index), &m_telegram.requests.at(tgIndex)}) {
            const qint64 latency = r->atMs - fromMs;
            m_latenciesMs.append(latency);
            qInfo("%s: %lld ms after the heartbeat (bound %lld ms)", r->path.constData(), latency,
                  boundMs);
            QVERIFY2(latency >= 0 && latency <= boundMs, qPrintable(QString::number(latency)));
        }
    }
    struct DeliveryRow
    {
        QString channel, kind, status, error;
        int attempt = 0;
    };
    // notification_deliveries of one event, oldest first, read from metrics.db read-only.
    QList<DeliveryRow> deliveries(const QByteArray &eventUid)
    {
        const auto db = openReadOnly(m_data + u"/metrics.db"_s);
        SQLite::Statement q(*db, "SELECT channel, kind, attempt, status, error FROM "
                                 "notification_deliveries WHERE event_uid = ? ORDER BY id");
        q.bind(1, eventUid.toStdString());
        QList<DeliveryRow> out;
        while (q.executeStep())
            out.append({QString::fromStdString(q.getColumn(0).getString()),
                        QString::fromStdString(q.getColumn(1).getString()),
                        QString::fromStdString(q.getColumn(3).getString()),
                        QString::fromStdString(q.getColumn(4).getString()),
                        q.getColumn(2).getInt()});
        return out;
    }
    qint64 deliveryRowCount()
    {
        const auto db = openReadOnly(m_data + u"/metrics.db"_s);
        return queryInt(*db, "SELECT COUNT(*) FROM notification_deliveries");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(u"data"_s);
        m_server = std::make_unique<ServingDaemon>();
        QVERIFY(m_server->daemon().init());
        QVERIFY(m_server->daemon().createDataDir(m_data));
        QFile file(m_data + u"/config.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        // No task runs, so the engine raises nothing of its own (a demo task's breaker would
        // open after a while), and the channels filter no kind: every message heartbeatd sends
        // reaches the receivers and is counted.
        QJsonObject tasks = config.value(u"tasks"_s).toObject();
        QVERIFY(!tasks.isEmpty());
        for (const QString &task : tasks.keys())
            tasks.insert(task, false);
        config.insert(u"tasks"_s, tasks);
        const QJsonArray channels{
            QJsonObject{{u"type"_s, u"webhook"_s},
                        {u"name"_s, u"ops"_s},
                        {u"url"_s, m_webhook.url().toString()},
                        {u"secret"_s, kSecret}},
            QJsonObject{{u"type"_s, u"telegram"_s},
                        {u"name"_s, u"tg"_s},
                        {u"bot_token"_s, u"42:SECRET-BOT"_s},
                        {u"chat_id"_s, -1001},
                        {u"base_url"_s, m_telegram.url(QString()).toString()}}};
        config.insert(u"notifications"_s, QJsonObject{{u"channels"_s, channels}});
        QVERIFY(writeFile(m_data + u"/config.json"_s, QJsonDocument(config).toJson()));
        m_viewer = m_server->createToken(m_data, u"wall"_s, u"viewer"_s);
        QVERIFY(!m_viewer.isEmpty());
        // relay: the machine that goes quiet and returns. flaky: its down message meets a
        // failing receiver. sleeper: goes quiet while heartbeatd is stopped; 4 s leaves the
        // stop time to finish first on a loaded box.
        for (const auto &[name, after] :
             {std::pair{u"relay"_s, u"2s"_s}, std::pair{u"flaky"_s, u"1s"_s},
              std::pair{u"sleeper"_s, u"4s"_s}}) {
            m_push.insert(name, addMachine(name, after));
            QVERIFY(m_push.value(name).startsWith("hbm_"));
        }
        QVERIFY(m_server->start(m_data, {u"--tick-ms"_s, u"200"_s}));
        m_http = std::make_unique<HttpClient>(m_server->url());
        // A new machine is not down: nothing is sent before a machine has pushed.
        QTest::qWait(1500);
        QCOMPARE(m_webhook.requests.size(), 0);
        QCOMPARE(m_telegram.requests.size(), 0);
    }

    void aQuietMachineIsReportedDownOnceThenUpOnce()
    {
        const qint64 lastSeen = pushAFewThenStop(u"relay"_s, 4);
        QVERIFY(lastSeen > 0);
        // The first heartbeat of a new machine is not news: nothing sent while it pushes.
        QCOMPARE(m_webhook.requests.size(), 0);
        QCOMPARE(m_telegram.requests.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_webhook.requests.size(), 1, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram.requests.size(), 1, 10'000);
        checkMessages(0, 0, u"machine_down"_s, u"relay"_s);
        checkLatency(0, 0, lastSeen, 2000 + 1000);

        // Back: one up message per channel, soon after the heartbeat that brought it back.
        const qint64 back = pushAFewThenStop(u"relay"_s, 1);
        QVERIFY(back > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_webhook.requests.size(), 2, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram.requests.size(), 2, 10'000);
        checkMessages(1, 1, u"machine_up"_s, u"relay"_s);
        QVERIFY(m_webhook.requests.at(1).headers.value("webhook-id") !=
                m_webhook.requests.at(0).headers.value("webhook-id"));
        checkLatency(1, 1, back, 1000);

        // Quiet again: a new transition, one more down message per channel.
        QTRY_COMPARE_WITH_TIMEOUT(m_webhook.requests.size(), 3, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram.requests.size(), 3, 10'000);
        checkMessages(2, 2, u"machine_down"_s, u"relay"_s);
        checkLatency(2, 2, back, 2000 + 1000);

        // Each event delivered once per channel, at the first attempt.
        for (qsizetype i = 0; i < 3; ++i) {
            const QByteArray uid = m_webhook.requests.at(i).headers.value("webhook-id");
            QList<DeliveryRow> rows;
            QTRY_COMPARE_WITH_TIMEOUT((rows = deliveries(uid)).size(), 2, 5000);
            for (const DeliveryRow &row : std::as_const(rows)) {
                QCOMPARE(row.status, u"sent"_s);
                QCOMPARE(row.attempt, 1);
            }
            QCOMPARE(QSet<QString>({rows.at(0).channel, rows.at(1).channel}),
                     QSet<QString>({u"ops"_s, u"tg"_s}));
        }
    }

    void aFailingReceiverGetsTheMessageAgain()
    {
        // The webhook receiver answers the next request 500, the one after 200.
        m_webhook.script = {500};
        const qint64 lastSeen = pushAFewThenStop(u"flaky"_s, 1);
        QVERIFY(lastSeen > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram.requests.size(), 4, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_webhook.requests.size() >= 4, 10'000);
        checkMessages(3, 3, u"machine_down"_s, u"flaky"_s);
        checkLatency(3, 3, lastSeen, 1000 + 1000); // the first attempt, answered 500
        // The retry: the same message, id and body, after a backoff of at most 4 s.
        QTRY_COMPARE_WITH_TIMEOUT(m_webhook.requests.size(), 5, 15'000);
        QVERIFY(m_webhook.script.isEmpty());
        const ReceivedRequest &first = m_webhook.requests.at(3);
        const ReceivedRequest &second = m_webhook.requests.at(4);
        QCOMPARE(second.headers.value("webhook-id"), first.headers.value("webhook-id"));
        QCOMPARE(second.body, first.body);
        checkMessages(4, 3, u"machine_down"_s, u"flaky"_s); // signed again, for its timestamp
        qInfo("retried %lld ms after the 500", second.atMs - first.atMs);

        // Both attempts in the delivery log: the failed one with its reason, then the sent one.
        QList<DeliveryRow> rows;
        QTRY_COMPARE_WITH_TIMEOUT((rows = deliveries(first.headers.value("webhook-id"))).size(), 3,
                                  5000);
        QList<DeliveryRow> ops;
        for (const DeliveryRow &row : std::as_const(rows)) {
            QCOMPARE(row.kind, u"machine_down"_s);
            if (row.channel == u"ops"_s)
                ops.append(row);
            else
                QCOMPARE(row.status, u"sent"_s); // Telegram answered at once
        }
        QCOMPARE(ops.size(), 2);
        QCOMPARE(ops.at(0).attempt, 1);
        QCOMPARE(ops.at(0).status, u"retrying"_s);
        QVERIFY2(ops.at(0).error.contains(u"500"_s), qPrintable(ops.at(0).error));
        QCOMPARE(ops.at(1).attempt, 2);
        QCOMPARE(ops.at(1).status, u"sent"_s);
        // The API pages the same log, oldest first: this channel's rows of the event are the
        // same two.
        QList<QJsonObject> fromApi;
        QString cursor;
        for (int page = 0; page < 20; ++page) {
            const HttpReply r =
                m_http->get(u"/api/v1/notifications/deliveries?task=ops&limit=2"_s +
                                (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor),
                            m_viewer);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &item : r.json()[u"items"_s].toArray()) {
                QCOMPARE(item[u"channel"_s].toString(), u"ops"_s);
                if (item[u"event_uid"_s].toString() ==
                    QString::fromLatin1(first.headers.value("webhook-id")))
                    fromApi.append(item.toObject());
            }
            cursor = r.json()[u"next_cursor"_s].toString();
            if (cursor.isEmpty())
                break;
        }
        QCOMPARE(fromApi.size(), 2);
        QCOMPARE(fromApi.at(0)[u"attempt"_s].toInt(), 1);
        QCOMPARE(fromApi.at(0)[u"status"_s].toString(), u"retrying"_s);
        QCOMPARE(fromApi.at(1)[u"attempt"_s].toInt(), 2);
        QCOMPARE(fromApi.at(1)[u"status"_s].toString(), u"sent"_s);
    }

    void aRestartSendsNothingAgainAndReportsWhatWentQuietMeanwhile()
    {
        const qsizetype hooks = m_webhook.requests.size();
        const qsizetype tgs = m_telegram.requests.size();
        const qint64 rowsBefore = deliveryRowCount();
        // sleeper pushes, then heartbeatd stops before its 4 s are up.
        const qint64 lastSeen = pushAFewThenStop(u"sleeper"_s, 2);
        QVERIFY(lastSeen > 0);
        QCOMPARE(m_server->stop(), 0);
        const qint64 stoppedAt = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(stoppedAt < lastSeen + 4000,
                 "heartbeatd took longer to stop than sleeper's offline_after");
        QCOMPARE(m_webhook.requests.size(), hooks);
        QCOMPARE(m_telegram.requests.size(), tgs);
        // Quiet past its deadline while nothing runs.
        QTest::qWait(
            int(std::max<qint64>(0, lastSeen + 4000 + 500 - QDateTime::currentMSecsSinceEpoch())));

        QVERIFY(restart());
        const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();
        // Judged on its last heartbeat when heartbeatd returns: one down message per channel.
        QTRY_COMPARE_WITH_TIMEOUT(m_webhook.requests.size(), hooks + 1, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram.requests.size(), tgs + 1, 10'000);
        checkMessages(hooks, tgs, u"machine_down"_s, u"sleeper"_s);
        qInfo("sleeper's down message %lld ms after heartbeatd served again",
              m_webhook.requests.constLast().atMs - startedAt);

        // relay and flaky are still down and were told: nothing again, however long we wait.
        QTest::qWait(2500);
        QCOMPARE(m_webhook.requests.size(), hooks + 1);
        QCOMPARE(m_telegram.requests.size(), tgs + 1);
        QTRY_COMPARE_WITH_TIMEOUT(deliveryRowCount(), rowsBefore + 2, 5000);
    }

    void nothingElseWasSent()
    {
        // Counted request by request, whatever the clock did: relay down, up, down; flaky down
        // (twice to the webhook: 500, then 200); sleeper down.
        QStringList hooks, tgs;
        for (const ReceivedRequest &r : std::as_const(m_webhook.requests))
            hooks << webhookSays(r);
        for (const ReceivedRequest &r : std::as_const(m_telegram.requests)) {
            QCOMPARE(r.path, kBotPath);
            tgs << telegramText(r).section(u'\n', 0, 0);
        }
        QCOMPARE(hooks, QStringList({u"machine_down relay"_s, u"machine_up relay"_s,
                                     u"machine_down relay"_s, u"machine_down flaky"_s,
                                     u"machine_down flaky"_s, u"machine_down sleeper"_s}));
        QCOMPARE(tgs.size(), 5);
        const QStringList machines{u"relay"_s, u"relay"_s, u"relay"_s, u"flaky"_s, u"sleeper"_s};
        for (qsizetype i = 0; i < tgs.size(); ++i)
            QVERIFY2(tgs.at(i).contains(machines.at(i)), qPrintable(tgs.at(i)));
        // Ten deliveries sent and one retry: nothing failed, held, silenced or pending.
        const auto db = openReadOnly(m_data + u"/metrics.db"_s);
        QCOMPARE(
            queryInt(*db, "SELECT COUNT(*) FROM notification_deliveries WHERE status = 'sent'"),
            qint64(10));
        QCOMPARE(queryInt(*db, "SELECT COUNT(*) FROM notification_deliveries"), qint64(11));
        QCOMPARE(queryInt(*db, "SELECT COUNT(*) FROM notification_pending"), qint64(0));
        qInfo() << "latencies (ms, last heartbeat or return -> receiver):" << m_latenciesMs;
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHeartbeatdMachineNotifications)
#include "tst_heartbeatd_machine_notifications.moc"
