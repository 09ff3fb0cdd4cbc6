// Notifications from a real heartbeatd to real local receivers: an emergency pause reaches a
// webhook (its Standard Webhooks signature checked with openssl, not our code) and a fake
// Telegram Bot API once; a restart on the same directory sends nothing again; the resume
// follows; the delivery log is paged over the API; no secret is shown to a viewer.
#include "../notify/opensslhmac.h"
#include "../notify/receiver.h"
#include "httptestutil.h"

#include <QDateTime>

using namespace hb;
using namespace hb::test;

namespace {
const QString kSecret = u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s;
}

class TestHeartbeatdNotifications : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;
    QByteArray m_admin;
    QByteArray m_viewer;
    QByteArray m_operator;
    Receiver m_webhook;
    Receiver m_telegram;

    static QString kindOf(const ReceivedRequest &request)
    {
        return QJsonDocument::fromJson(request.body).object().value(u"type"_s).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(u"data"_s);
        ServingDaemon setup;
        QVERIFY(setup.daemon().init());
        QVERIFY(setup.daemon().createDataDir(m_data));
        QFile file(m_data + u"/config.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        const QJsonArray channels{
            QJsonObject{{u"type"_s, u"webhook"_s},
                        {u"name"_s, u"ops"_s},
                        {u"url"_s, m_webhook.url().toString()},
                        {u"secret"_s, kSecret},
                        {u"kinds"_s, QJsonArray{u"emergency_pause"_s, u"emergency_resume"_s}}},
            QJsonObject{{u"type"_s, u"telegram"_s},
                        {u"name"_s, u"tg"_s},
                        {u"bot_token"_s, u"42:SECRET-BOT"_s},
                        {u"chat_id"_s, -1001},
                        {u"base_url"_s, m_telegram.url(QString()).toString()},
                        {u"kinds"_s, QJsonArray{u"emergency_pause"_s, u"emergency_resume"_s}}}};
        config.insert(u"notifications"_s, QJsonObject{{u"channels"_s, channels}});
        QVERIFY(writeFile(m_data + u"/config.json"_s, QJsonDocument(config).toJson()));
        m_admin = setup.createToken(m_data, u"admin"_s, u"admin"_s);
        m_viewer = setup.createToken(m_data, u"wall"_s, u"viewer"_s);
        m_operator = setup.createToken(m_data, u"oncall"_s, u"operator"_s);
        QVERIFY(!m_admin.isEmpty() && !m_viewer.isEmpty() && !m_operator.isEmpty());
    }

    void pauseNotifiedOnceAcrossARestartThenResume()
    {
        QByteArray pauseId;
        {
            ServingDaemon server;
            QVERIFY(server.start(m_data, {u"--tick-ms"_s, u"200"_s}));
            HttpClient http(server.url());
            QCOMPARE(http.post(u"/api/v1/pause"_s, m_admin, R"({"reason":"drill"})").status, 200);
            QTRY_COMPARE_WITH_TIMEOUT(m_webhook.requests.size(), 1, 10'000);
            QTRY_COMPARE_WITH_TIMEOUT(m_telegram.requests.size(), 1, 10'000);

            const ReceivedRequest &hook = m_webhook.requests.at(0);
            QCOMPARE(kindOf(hook), u"emergency_pause"_s);
            QVERIFY(hook.body.contains("drill"));
            pauseId = hook.headers.value("webhook-id");
            const QByteArray expected =
                opensslWebhookSignature(QByteArray::fromBase64(kSecret.mid(6).toLatin1()), pauseId,
                                        hook.headers.value("webhook-timestamp"), hook.body);
            QVERIFY2(!expected.isEmpty(), "openssl is needed (scripts/install-deps.sh)");
            QCOMPARE(hook.headers.value("webhook-signature"), expected);

            const ReceivedRequest &tg = m_telegram.requests.at(0);
            QCOMPARE(tg.path, QByteArray("/bot42:SECRET-BOT/sendMessage"));
            QCOMPARE(QJsonDocument::fromJson(tg.body).object().value(u"chat_id"_s).toString(),
                     u"-1001"_s);

            // A viewer sees neither the webhook secret nor the bot token.
            const HttpReply snapshot = http.get(u"/api/v1/snapshot"_s, m_viewer);
            QCOMPARE(snapshot.status, 200);
            QVERIFY(!snapshot.body.contains("MfKQ9r8GKYqrTwjUPD8"));
            QVERIFY(!snapshot.body.contains("SECRET-BOT"));
            QCOMPARE(server.stop(), 0);
        }
        {
            // Still paused after the restart (the pause is persisted): no news, nothing sent.
            ServingDaemon server;
            QVERIFY(server.start(m_data, {u"--tick-ms"_s, u"200"_s}));
            HttpClient http(server.url());
            QTest::qWait(1'500);
            QCOMPARE(m_webhook.requests.size(), 1);
            QCOMPARE(m_telegram.requests.size(), 1);

            QCOMPARE(http.post(u"/api/v1/resume"_s, m_admin).status, 200);
            QTRY_COMPARE_WITH_TIMEOUT(m_webhook.requests.size(), 2, 10'000);
            QTRY_COMPARE_WITH_TIMEOUT(m_telegram.requests.size(), 2, 10'000);
            QCOMPARE(kindOf(m_webhook.requests.at(1)), u"emergency_resume"_s);
            QVERIFY(m_webhook.requests.at(1).headers.value("webhook-id") != pauseId);

            // The delivery log, paged: four rows, all sent; one channel on its own.
            QJsonArray rows;
            QTRY_VERIFY_WITH_TIMEOUT(
                (rows = http.get(u"/api/v1/notifications/deliveries"_s, m_viewer)
                            .json()
                            .value(u"items"_s)
                            .toArray())
                        .size() == 4,
                5'000);
            for (const QJsonValue &row : rows)
                QCOMPARE(row[u"status"_s].toString(), u"sent"_s);
            const HttpReply first =
                http.get(u"/api/v1/notifications/deliveries?task=ops&limit=1"_s, m_viewer);
            QCOMPARE(first.status, 200);
            QCOMPARE(first.json().value(u"items"_s).toArray().size(), 1);
            QCOMPARE(first.json().value(u"items"_s)[0][u"kind"_s].toString(), u"emergency_pause"_s);
            QCOMPARE(first.json().value(u"items"_s)[0][u"event_uid"_s].toString(),
                     QString::fromLatin1(pauseId));
            const QString cursor = first.json().value(u"next_cursor"_s).toString();
            QVERIFY(!cursor.isEmpty());
            const HttpReply second =
                http.get(u"/api/v1/notifications/deliveries?task=ops&cursor="_s + cursor, m_viewer);
            QCOMPARE(second.json().value(u"items"_s).toArray().size(), 1);
            QCOMPARE(second.json().value(u"items"_s)[0][u"kind"_s].toString(),
                     u"emergency_resume"_s);
            QCOMPARE(server.stop(), 0);
        }
    }

    // Runs after the test above: the heartbeat is resumed, the webhook has had two messages.
    void silenceOverTheApiIsAuditedAndApplied()
    {
        ServingDaemon server;
        QVERIFY(server.start(m_data, {u"--tick-ms"_s, u"200"_s}));
        HttpClient http(server.url());
        const qsizetype before = m_webhook.requests.size();
        const QByteArray body =
            QJsonDocument(
                QJsonObject{
                    {u"to"_s, QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate)},
                    {u"reason"_s, u"relay swap"_s},
                    {u"matchers"_s, QJsonObject{{u"kind"_s, u"emergency_pause"_s}}}})
                .toJson();

        // A viewer may not; a bad body names its field; an operator may.
        QCOMPARE(http.post(u"/api/v1/silences"_s, m_viewer, body).status, 403);
        const HttpReply bad =
            http.post(u"/api/v1/silences"_s, m_operator, R"({"to":"tomorrow","reason":"x"})");
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(u"field"_s).toString(), u"to"_s);
        const HttpReply created = http.post(u"/api/v1/silences"_s, m_operator, body);
        QCOMPARE(created.status, 201);
        const qint64 id = created.json().value(u"id"_s).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(created.json().value(u"created_by"_s).toString(), u"oncall"_s);
        const QJsonArray listed =
            http.get(u"/api/v1/silences"_s, m_viewer).json().value(u"items"_s).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0)[u"id"_s].toInteger(), id);
        QCOMPARE(listed.at(0)[u"matchers"_s][u"kind"_s].toString(), u"emergency_pause"_s);

        // The pause it matches is logged as silenced, not sent; the resume is sent.
        QCOMPARE(http.post(u"/api/v1/pause"_s, m_admin, R"({"reason":"drill 2"})").status, 200);
        QJsonArray rows;
        QTRY_VERIFY_WITH_TIMEOUT(
            (rows = http.get(u"/api/v1/notifications/deliveries?task=ops&limit=1000"_s, m_viewer)
                        .json()
                        .value(u"items"_s)
                        .toArray())
                    .last()[u"status"_s]
                    .toString() == u"silenced"_s,
            10'000);
        QVERIFY(rows.last()[u"error"_s].toString().contains(u"relay swap"_s));
        QTest::qWait(500);
        QCOMPARE(m_webhook.requests.size(), before);

        // Ended early by its id: gone from the list; an unknown id is 404.
        QCOMPARE(http.send("DELETE", u"/api/v1/silences/%1"_s.arg(id), m_viewer).status, 403);
        QCOMPARE(http.send("DELETE", u"/api/v1/silences/%1"_s.arg(id), m_operator).status, 200);
        QCOMPARE(http.send("DELETE", u"/api/v1/silences/%1"_s.arg(id), m_operator).status, 404);
        QCOMPARE(
            http.get(u"/api/v1/silences"_s, m_viewer).json().value(u"items"_s).toArray().size(), 0);

        // A recurring one (29 February, so not in force now): stored, listed with its repeat,
        // a bad expression refused with the position.
        const HttpReply badCron = http.post(
            u"/api/v1/silences"_s, m_operator,
            R"({"reason":"x","repeat":{"cron":"0 0 30 feb *","duration":"1h"}})");
        QCOMPARE(badCron.status, 400);
        QCOMPARE(badCron.json().value(u"field"_s).toString(), u"repeat.cron"_s);
        const HttpReply recurring = http.post(
            u"/api/v1/silences"_s, m_operator,
            R"({"reason":"leap day","repeat":{"cron":"0 0 29 2 *","duration":"1h","tz":"Asia/Jakarta"}})");
        QCOMPARE(recurring.status, 201);
        const QJsonArray withRepeat =
            http.get(u"/api/v1/silences"_s, m_viewer).json().value(u"items"_s).toArray();
        QCOMPARE(withRepeat.size(), 1);
        QCOMPARE(withRepeat.at(0)[u"repeat"_s][u"cron"_s].toString(), u"0 0 29 2 *"_s);
        QCOMPARE(withRepeat.at(0)[u"repeat"_s][u"duration_ms"_s].toInteger(), 3'600'000);
        QCOMPARE(withRepeat.at(0)[u"repeat"_s][u"tz"_s].toString(), u"Asia/Jakarta"_s);
        QCOMPARE(http.send("DELETE",
                           u"/api/v1/silences/%1"_s.arg(recurring.json().value(u"id"_s).toInteger()),
                           m_operator)
                     .status,
                 200);
        QCOMPARE(http.post(u"/api/v1/resume"_s, m_admin).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_webhook.requests.size(), before + 1, 10'000);
        QCOMPARE(kindOf(m_webhook.requests.last()), u"emergency_resume"_s);

        // The audit log names the token for each, and the viewer's refusals.
        QStringList actions;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                actions.clear();
                const QJsonArray audit = http.get(u"/api/v1/audit?limit=1000"_s, m_viewer)
                                             .json()
                                             .value(u"items"_s)
                                             .toArray();
                for (const QJsonValue &entry : audit)
                    actions << entry[u"actor"_s].toString() + u' ' + entry[u"action"_s].toString();
                return actions.contains(u"oncall silence_end"_s);
            }(),
            10'000);
        QVERIFY2(actions.contains(u"oncall silence_add"_s), qPrintable(actions.join(u", ")));
        QCOMPARE(actions.count(u"wall refused"_s), 2);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHeartbeatdNotifications)
#include "tst_heartbeatd_notifications.moc"
