// The notifier against real local receivers: Standard Webhooks signatures checked with openssl,
// retries after a 500, a receiver that hangs, a fake Telegram Bot API, filters, snapshot
// transitions, and once-per-transition across a restart on the same metrics.db.

#include "core/notificationsconfig.h"
#include "notify/notifier.h"
#include "opensslhmac.h"
#include "receiver.h"
#include "store/metricsstore.h"
#include "store/notificationstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSecret = u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s;

NotificationChannel webhook(const QString &name, const QUrl &url)
{
    NotificationChannel c;
    c.type = NotificationChannelType::Webhook;
    c.name = name;
    c.url = url.toString();
    c.secret = kSecret;
    return c;
}

NotificationChannel desktop(const QString &name)
{
    NotificationChannel c;
    c.type = NotificationChannelType::Desktop;
    c.name = name;
    return c;
}

MachineTransition transition(const QString &machine, MachineState from, MachineState to)
{
    MachineTransition t;
    t.machine = machine;
    t.from = from;
    t.to = to;
    t.atMs = QDateTime::currentMSecsSinceEpoch();
    t.reason = to == MachineState::Down ? u"no heartbeat for 2m"_s : u"heartbeat"_s;
    return t;
}

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// The delivery log, oldest first, as "channel attempt status".
QStringList log(const QString &metricsPath)
{
    NotificationStore store(metricsPath);
    QStringList rows;
    const QVector<DeliveryRecord> records = store.deliveries(0, 1000);
    for (auto it = records.crbegin(); it != records.crend(); ++it)
        rows << u"%1 %2 %3"_s.arg(it->channel).arg(it->attempt).arg(it->status);
    return rows;
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void webhookSignedRetriedAfter500();
    void hangingReceiverDelaysNoOtherChannel();
    void telegramBotApi();
    void oncePerTransitionAcrossRestart();
    void undeliveredEventSentAfterRestart();
    void snapshotTransitionsAndFilters();
    void resendWhileConditionLasts();
    void silencedMessagesAreLoggedNotSent();
    void consequencesOfOracleDownAreHeld();
    void theCutPriceFeedIsTheRootOfTheDefaultRule();
    void machineRuleHoldsAcrossARestartThenLetsGo();
    void desktopChannelsTakeNothingWithoutADesktop();

private:
    NotifierOptions options(const QVector<NotificationChannel> &channels) const
    {
        NotifierOptions o;
        o.metricsPath = m_metricsPath;
        o.config.channels = channels;
        o.retryBaseMs = 50;
        o.attemptTimeoutMs = 2'000;
        o.desktop = true; // as in the dashboard
        return o;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_metricsPath;
};

void TestNotifier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_metricsPath = m_dir->filePath(u"metrics.db"_s);
    MetricsStore create(m_metricsPath); // creates and migrates, as EngineRuntime does first
}

void TestNotifier::webhookSignedRetriedAfter500()
{
    Receiver receiver;
    receiver.script = {500, 200};
    Notifier notifier(options({webhook(u"ops"_s, receiver.url())}));
    QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
    notifier.start();
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    notifier.onMachineTransition(transition(u"relay-1"_s, MachineState::Up, MachineState::Down));

    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 10'000);
    QCOMPARE(receiver.requests.size(), 2);
    QCOMPARE(log(m_metricsPath), (QStringList{u"ops 1 retrying"_s, u"ops 2 sent"_s}));
    QVERIFY(notifier.deliveries(0, 10).first().status == DeliveryStatus::Sent);

    const ReceivedRequest &first = receiver.requests.at(0);
    const ReceivedRequest &second = receiver.requests.at(1);
    QCOMPARE(first.method, QByteArray("POST"));
    QCOMPARE(first.path, QByteArray("/hook"));
    QCOMPARE(first.headers.value("content-type"), QByteArray("application/json"));
    // A retry is the same message: receivers drop duplicates by webhook-id.
    QVERIFY(first.headers.value("webhook-id").startsWith("msg_"));
    QCOMPARE(second.headers.value("webhook-id"), first.headers.value("webhook-id"));
    QCOMPARE(second.body, first.body);
    for (const ReceivedRequest &request : receiver.requests) {
        const QByteArray timestamp = request.headers.value("webhook-timestamp");
        QVERIFY(qAbs(timestamp.toLongLong() - before) <= 5);
        const QByteArray key =
            QByteArray::fromBase64(kSecret.mid(6).toLatin1()); // the receiver's own decoding
        const QByteArray expected = opensslWebhookSignature(
            key, request.headers.value("webhook-id"), timestamp, request.body);
        QVERIFY2(!expected.isEmpty(), "openssl is needed (scripts/install-deps.sh installs it)");
        QCOMPARE(request.headers.value("webhook-signature"), expected);
    }
    const QJsonObject body = jsonOf(first.body);
    QCOMPARE(body.value(u"type"_s).toString(), NotificationKind::MachineDown);
    const QJsonObject data = body.value(u"data"_s).toObject();
    QCOMPARE(data.value(u"subject"_s).toString(), u"relay-1"_s);
    QCOMPARE(data.value(u"severity"_s).toString(), u"critical"_s);
    QCOMPARE(data.value(u"id"_s).toString(),
             QString::fromLatin1(first.headers.value("webhook-id")));
    QVERIFY(data.value(u"title"_s).toString().contains(u"relay-1"_s));
}

void TestNotifier::hangingReceiverDelaysNoOtherChannel()
{
    Receiver hanging;
    hanging.script = {0, 0, 0, 0};
    Receiver healthy;
    NotifierOptions o =
        options({webhook(u"slow"_s, hanging.url()), webhook(u"fast"_s, healthy.url())});
    o.attemptTimeoutMs = 1'000;
    o.maxAttempts = 2;
    Notifier notifier(o);
    QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
    notifier.start();
    notifier.onMachineTransition(transition(u"relay-1"_s, MachineState::Up, MachineState::Down));
    notifier.onMachineTransition(transition(u"relay-2"_s, MachineState::Up, MachineState::Down));

    // The healthy channel gets both while the slow one is still waiting for its first answer.
    QTRY_COMPARE_WITH_TIMEOUT(healthy.requests.size(), 2, 5'000);
    QTRY_COMPARE_WITH_TIMEOUT(log(m_metricsPath).size(), 2, 5'000);
    QCOMPARE(log(m_metricsPath), (QStringList{u"fast 1 sent"_s, u"fast 1 sent"_s}));
    QCOMPARE(hanging.requests.size(), 1); // one in flight at a time per channel

    // Each hanging attempt ends at the timeout; the second is the last: failed, not lost.
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 6, 15'000);
    const QStringList rows = log(m_metricsPath);
    QCOMPARE(rows.count(u"slow 1 retrying"_s), 2);
    QCOMPARE(rows.count(u"slow 2 failed"_s), 2);
    const QVector<DeliveryRecord> records = notifier.deliveries(0, 10);
    QVERIFY(records.first().error.contains(u"no answer within 1000 ms"_s));
    QCOMPARE(hanging.requests.size(), 4);
}

void TestNotifier::telegramBotApi()
{
    Receiver api;
    NotificationChannel telegram;
    telegram.type = NotificationChannelType::Telegram;
    telegram.name = u"tg"_s;
    telegram.botToken = u"123456:ABC-def"_s;
    telegram.chatId = u"-100777"_s;
    telegram.baseUrl = api.url(QString()).toString() + u"/"_s;
    Notifier notifier(options({telegram}));
    QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
    notifier.start();
    notifier.onMachineTransition(transition(u"batch-7"_s, MachineState::Up, MachineState::Down));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10'000);
    QCOMPARE(api.requests.size(), 1);
    const ReceivedRequest &request = api.requests.at(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/bot123456:ABC-def/sendMessage"));
    const QJsonObject body = jsonOf(request.body);
    QCOMPARE(body.value(u"chat_id"_s).toString(), u"-100777"_s);
    QVERIFY(body.value(u"text"_s).toString().contains(u"batch-7"_s));
    QCOMPARE(log(m_metricsPath), QStringList{u"tg 1 sent"_s});
}

void TestNotifier::oncePerTransitionAcrossRestart()
{
    Receiver receiver;
    const auto channels = QVector<NotificationChannel>{webhook(u"ops"_s, receiver.url())};
    {
        Notifier notifier(options(channels));
        QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
        notifier.start();
        notifier.onMachineTransition(
            transition(u"relay-1"_s, MachineState::Up, MachineState::Down));
        // The same judgement again (a monitor re-judging at start): not a new transition.
        notifier.onMachineTransition(
            transition(u"relay-1"_s, MachineState::Up, MachineState::Down));
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10'000);
        QTest::qWait(200);
        QCOMPARE(receiver.requests.size(), 1);
    }
    {
        // A restart: the monitor judges relay-1 down again from its last heartbeat.
        Notifier notifier(options(channels));
        QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
        notifier.start();
        notifier.onMachineTransition(
            transition(u"relay-1"_s, MachineState::New, MachineState::Down));
        QTest::qWait(300);
        QCOMPARE(receiver.requests.size(), 1); // nothing re-sent
        notifier.onMachineTransition(
            transition(u"relay-1"_s, MachineState::Down, MachineState::Up));
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10'000);
        QCOMPARE(receiver.requests.size(), 2);
        const QJsonObject up = jsonOf(receiver.requests.at(1).body);
        QCOMPARE(up.value(u"type"_s).toString(), NotificationKind::MachineUp);
        QCOMPARE(up.value(u"data"_s).toObject().value(u"resolved"_s), QJsonValue(true));
        // Up again is no news.
        notifier.onMachineTransition(
            transition(u"relay-1"_s, MachineState::Down, MachineState::Up));
        QTest::qWait(300);
        QCOMPARE(receiver.requests.size(), 2);
    }
    QCOMPARE(log(m_metricsPath), (QStringList{u"ops 1 sent"_s, u"ops 1 sent"_s}));
}

void TestNotifier::undeliveredEventSentAfterRestart()
{
    Receiver receiver;
    receiver.script = {0}; // the first attempt never gets an answer
    NotifierOptions o = options({webhook(u"ops"_s, receiver.url())});
    o.attemptTimeoutMs = 60'000;
    {
        Notifier notifier(o);
        notifier.start();
        notifier.onMachineTransition(
            transition(u"relay-1"_s, MachineState::Up, MachineState::Down));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 1, 10'000);
    } // stopped with the attempt in flight
    QVERIFY(log(m_metricsPath).isEmpty());
    const QByteArray id = receiver.requests.at(0).headers.value("webhook-id");

    Notifier notifier(o);
    QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
    notifier.start();
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10'000);
    QCOMPARE(receiver.requests.size(), 2);
    QCOMPARE(receiver.requests.at(1).headers.value("webhook-id"), id); // the same event
    QCOMPARE(log(m_metricsPath), QStringList{u"ops 1 sent"_s});
    QCOMPARE(jsonOf(receiver.requests.at(1).body).value(u"type"_s).toString(),
             NotificationKind::MachineDown);
}

void TestNotifier::snapshotTransitionsAndFilters()
{
    NotificationChannel all = desktop(u"all"_s);
    NotificationChannel criticalOnly = desktop(u"critical"_s);
    criticalOnly.minSeverity = u"critical"_s;
    NotificationChannel breakersOnly = desktop(u"breakers"_s);
    breakersOnly.kinds = {NotificationKind::BreakerOpened, NotificationKind::BreakerClosed};
    const QVector<NotificationChannel> channels{all, criticalOnly, breakersOnly};
    Notifier notifier(options(channels));
    QSignalSpy desktopSpy(&notifier, &Notifier::desktopNotification);
    QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
    notifier.start();

    EngineState state;
    state.config.notifications.channels = channels;
    state.takenAtMs = QDateTime::currentMSecsSinceEpoch();
    state.breakers = {BreakerStatus{TaskName::PriceUpdate, BreakerState::Closed, 0, 0, 0}};
    notifier.onSnapshot(EngineSnapshot(state)); // nothing active: nothing said
    state.breakers[0].state = BreakerState::Open;
    state.breakers[0].failureCount = 5;
    notifier.onSnapshot(EngineSnapshot(state));
    notifier.onSnapshot(EngineSnapshot(state)); // still open: no news
    state.breakers[0].state = BreakerState::HalfOpen;
    notifier.onSnapshot(EngineSnapshot(state)); // still not closed
    state.emergencyStop = true;
    state.emergencyReason = u"store failed"_s;
    state.activeAlerts = {Alert{state.takenAtMs, u"memory_monitoring"_s, u"memory_high"_s,
                                Severity::Critical, u"memory at 95%"_s},
                          Alert{state.takenAtMs, u"cycles_monitoring"_s, u"cycles_low"_s,
                                Severity::Warning, u"cycles low"_s}};
    notifier.onSnapshot(EngineSnapshot(state));
    state.breakers[0].state = BreakerState::Closed;
    state.emergencyStop = false;
    state.activeAlerts.clear();
    notifier.onSnapshot(EngineSnapshot(state));

    // all: opened, pause, alert, closed, resume, cleared = 6; critical: pause, alert, resume,
    // cleared = 4 (a breaker is a warning); breakers: opened, closed = 2.
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 12, 10'000);
    QStringList byChannel;
    for (const QList<QVariant> &args : recorded)
        byChannel << args.at(0).value<DeliveryRecord>().channel + u' ' +
                         args.at(0).value<DeliveryRecord>().kind;
    QCOMPARE(byChannel.count(u"all breaker_opened"_s), 1);
    QCOMPARE(byChannel.count(u"all breaker_closed"_s), 1);
    QCOMPARE(byChannel.count(u"all emergency_pause"_s), 1);
    QCOMPARE(byChannel.count(u"all emergency_resume"_s), 1);
    QCOMPARE(byChannel.count(u"all alert_raised"_s), 1);
    QCOMPARE(byChannel.count(u"all alert_cleared"_s), 1);
    QCOMPARE(byChannel.filter(u"critical "_s).size(), 4);
    QVERIFY(byChannel.filter(u"critical breaker"_s).isEmpty());
    QCOMPARE(byChannel.filter(u"breakers "_s),
             (QStringList{u"breakers breaker_opened"_s, u"breakers breaker_closed"_s}));
    QCOMPARE(desktopSpy.size(), 12);
    QVERIFY(desktopSpy.at(0).at(0).toString().contains(TaskName::PriceUpdate));
}

void TestNotifier::resendWhileConditionLasts()
{
    NotificationChannel tray = desktop(u"tray"_s);
    tray.resendIntervalMs = 1'000;
    Notifier notifier(options({tray, desktop(u"once"_s)}));
    QSignalSpy desktopSpy(&notifier, &Notifier::desktopNotification);
    notifier.start();
    notifier.onMachineTransition(transition(u"relay-1"_s, MachineState::Up, MachineState::Down));
    QTRY_COMPARE_WITH_TIMEOUT(desktopSpy.size(), 2, 5'000);
    QTRY_COMPARE_WITH_TIMEOUT(desktopSpy.size(), 3, 5'000);
    QVERIFY(desktopSpy.at(2).at(0).toString().contains(u"relay-1"_s));
    notifier.onMachineTransition(transition(u"relay-1"_s, MachineState::Down, MachineState::Up));
    QTRY_COMPARE_WITH_TIMEOUT(desktopSpy.size(), 5, 5'000); // the resolution, to both
    QTest::qWait(1'500);
    QCOMPARE(desktopSpy.size(), 5); // over: no more resends
    const QStringList rows = log(m_metricsPath);
    QCOMPARE(rows.count(u"once 1 sent"_s), 2);
    QCOMPARE(rows.count(u"tray 1 sent"_s), 3);
}

void TestNotifier::silencedMessagesAreLoggedNotSent()
{
    Receiver receiver;
    Notifier notifier(options({webhook(u"ops"_s, receiver.url())}));
    QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
    notifier.start();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    NotificationSilence maintenance;
    maintenance.fromMs = now - 1000;
    maintenance.toMs = now + 3'600'000;
    maintenance.reason = u"relay-1 is being rebuilt"_s;
    maintenance.machine = u"relay-1"_s;
    maintenance.createdBy = u"ops-admin"_s;
    const qint64 id = notifier.addSilence(maintenance);
    QVERIFY(id > 0);
    NotificationSilence later = maintenance; // not started yet: silences nothing now
    later.fromMs = now + 600'000;
    later.machine.clear();
    notifier.addSilence(later);
    QCOMPARE(notifier.silences(now).size(), 2);

    notifier.onMachineTransition(transition(u"relay-1"_s, MachineState::Up, MachineState::Down));
    notifier.onMachineTransition(transition(u"relay-2"_s, MachineState::Up, MachineState::Down));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 10'000);
    QCOMPARE(receiver.requests.size(), 1); // relay-2 only
    QVERIFY(receiver.requests.at(0).body.contains("relay-2"));
    const QVector<DeliveryRecord> rows = notifier.deliveries(0, 10);
    const auto silenced = std::find_if(rows.cbegin(), rows.cend(), [](const DeliveryRecord &r) {
        return r.status == DeliveryStatus::Silenced;
    });
    QVERIFY(silenced != rows.cend());
    QVERIFY(silenced->error.contains(u"relay-1 is being rebuilt"_s));

    // Lifted: the next transition of relay-1 is sent.
    QVERIFY(notifier.removeSilence(id));
    notifier.onMachineTransition(transition(u"relay-1"_s, MachineState::Down, MachineState::Up));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 2, 10'000);
    QVERIFY(receiver.requests.at(1).body.contains("machine_up"));
}

void TestNotifier::consequencesOfOracleDownAreHeld()
{
    const QVector<NotificationChannel> channels{desktop(u"tray"_s)};
    Notifier notifier(options(channels));
    QSignalSpy desktopSpy(&notifier, &Notifier::desktopNotification);
    QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
    notifier.start();
    EngineState state;
    state.config.notifications.channels = channels;
    state.takenAtMs = QDateTime::currentMSecsSinceEpoch();
    const auto alert = [&state](const QString &task, const QString &key) {
        return Alert{state.takenAtMs, task, key, Severity::Critical, task + u" failing"_s};
    };
    // Root and consequences in one snapshot: the root is judged first whatever the order.
    state.activeAlerts = {alert(TaskName::PriceUpdate, u"prices_missing"_s),
                          alert(TaskName::OracleMonitoring, u"oracle_stale"_s)};
    state.activeAlerts << alert(TaskName::PriceUpdate, u"prices_stale"_s)
                       << alert(TaskName::AutoLiquidation, u"no_prices"_s)
                       << alert(TaskName::MemoryMonitoring, u"memory_high"_s);
    state.breakers = {BreakerStatus{TaskName::PriceUpdate, BreakerState::Open, 5, 0, 0}};
    notifier.onSnapshot(EngineSnapshot(state));
    // The root and the unrelated memory alert are sent; the four consequences are held.
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 6, 10'000);
    QCOMPARE(desktopSpy.size(), 2);
    int held = 0;
    for (const QList<QVariant> &args : recorded) {
        const DeliveryRecord r = args.at(0).value<DeliveryRecord>();
        if (r.status == DeliveryStatus::Held) {
            ++held;
            QVERIFY(r.error.contains(u"oracle_monitoring/oracle_stale"_s));
        }
    }
    QCOMPARE(held, 4);
    // The root's message counts the consequences that came with it; the tree is exposed.
    const QStringList titles{desktopSpy.at(0).at(0).toString(), desktopSpy.at(1).at(0).toString()};
    QVERIFY2(titles.filter(u"oracle_stale (4 dependent alert"_s).size() == 1,
             qPrintable(titles.join(u" | "_s)));
    const HeldConditions tree = notifier.heldUnder();
    QCOMPARE(tree.keys(), QStringList{u"alert:oracle_monitoring/oracle_stale"_s});
    QCOMPARE(
        tree.first(),
        (QStringList{u"alert:auto_liquidation/no_prices"_s, u"alert:price_update/prices_missing"_s,
                     u"alert:price_update/prices_stale"_s, u"breaker:price_update"_s}));
    // Their resolutions are held too; the root's is sent.
    state.activeAlerts.clear();
    state.breakers[0].state = BreakerState::Closed;
    notifier.onSnapshot(EngineSnapshot(state));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 12, 10'000);
    QCOMPARE(desktopSpy.size(), 4); // + the root cleared, the memory alert cleared
    QVERIFY(notifier.heldUnder().isEmpty());
}

void TestNotifier::theCutPriceFeedIsTheRootOfTheDefaultRule()
{
    // What the real tasks report when the oracle fails: no critical oracle alert, but the price
    // update task's breaker opens; later liquidation fails for want of prices. With the default
    // rules, one "Oracle down" message says so and the rest is held under it.
    const QVector<NotificationChannel> channels{desktop(u"tray"_s)};
    Notifier notifier(options(channels));
    QSignalSpy desktopSpy(&notifier, &Notifier::desktopNotification);
    QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
    notifier.start();
    EngineState state;
    state.config.notifications.channels = channels;
    state.oracleSource = OracleSourceName::Demo;
    state.takenAtMs = QDateTime::currentMSecsSinceEpoch();
    state.breakers = {BreakerStatus{TaskName::PriceUpdate, BreakerState::Open, 5, 0, 0},
                      BreakerStatus{TaskName::LoanMonitoring, BreakerState::Closed, 0, 0, 0}};
    notifier.onSnapshot(EngineSnapshot(state));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 10'000); // the root sent, the breaker held
    QCOMPARE(desktopSpy.size(), 1);
    QVERIFY2(desktopSpy.at(0).at(0).toString().startsWith(u"Oracle down (1 dependent alert"_s),
             qPrintable(desktopSpy.at(0).at(0).toString()));
    state.activeAlerts = {Alert{state.takenAtMs, TaskName::AutoLiquidation, u"no_prices"_s,
                                Severity::Critical, u"no prices to liquidate with"_s}};
    state.breakers[0].state = BreakerState::HalfOpen; // a trial: still cut, no news
    notifier.onSnapshot(EngineSnapshot(state));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 3, 10'000);
    QCOMPARE(recorded.last().at(0).value<DeliveryRecord>().status, DeliveryStatus::Held);
    QCOMPARE(notifier.heldUnder(),
             (HeldConditions{{DependencyRule::OracleDown,
                              {u"alert:auto_liquidation/no_prices"_s, u"breaker:price_update"_s}}}));
    // An unrelated breaker is not held.
    state.breakers[1].state = BreakerState::Open;
    notifier.onSnapshot(EngineSnapshot(state));
    QTRY_COMPARE_WITH_TIMEOUT(desktopSpy.size(), 2, 10'000);
    QVERIFY(desktopSpy.at(1).at(0).toString().contains(TaskName::LoanMonitoring));
    // Prices flow again: one message that counts all it held; the held resolutions stay held.
    state.breakers[0].state = BreakerState::Closed;
    state.activeAlerts.clear();
    ++state.metrics.tickCount;
    notifier.onSnapshot(EngineSnapshot(state));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 7, 10'000);
    QCOMPARE(desktopSpy.size(), 3);
    QVERIFY2(desktopSpy.at(2).at(0).toString().startsWith(u"Oracle back up (2 dependent alert"_s),
             qPrintable(desktopSpy.at(2).at(0).toString()));
    QVERIFY(notifier.heldUnder().isEmpty());
}

void TestNotifier::machineRuleHoldsAcrossARestartThenLetsGo()
{
    NotifierOptions o = options({desktop(u"tray"_s)});
    o.config.rules = {{u"machine:relay-1"_s, {TaskName::PriceUpdate}}};
    EngineState state;
    state.config.notifications = o.config;
    state.takenAtMs = QDateTime::currentMSecsSinceEpoch();
    const Alert stale{state.takenAtMs, TaskName::PriceUpdate, u"prices_stale"_s, Severity::Critical,
                      u"no prices"_s};
    const Alert memory{state.takenAtMs, TaskName::MemoryMonitoring, u"memory_high"_s,
                       Severity::Critical, u"2 GB"_s};
    const HeldConditions expected{
        {u"machine:relay-1"_s, {u"alert:price_update/prices_stale"_s, u"breaker:price_update"_s}}};
    {
        Notifier notifier(o);
        QSignalSpy desktopSpy(&notifier, &Notifier::desktopNotification);
        QSignalSpy heldSpy(&notifier, &Notifier::heldChanged);
        notifier.start();
        notifier.onMachineTransition(
            transition(u"relay-1"_s, MachineState::Up, MachineState::Down));
        QTRY_COMPARE_WITH_TIMEOUT(desktopSpy.size(), 1, 10'000);
        // The task that needs relay-1 fails: held under it; an unrelated alert is sent.
        state.activeAlerts = {stale, memory};
        state.breakers = {BreakerStatus{TaskName::PriceUpdate, BreakerState::Open, 5, 0, 0}};
        notifier.onSnapshot(EngineSnapshot(state));
        QTRY_COMPARE_WITH_TIMEOUT(desktopSpy.size(), 2, 10'000);
        QVERIFY(desktopSpy.at(1).at(0).toString().contains(u"memory_high"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!heldSpy.isEmpty(), 5'000);
        QCOMPARE(notifier.heldUnder(), expected);
        QCOMPARE(log(m_metricsPath).count(u"tray 0 held"_s), 2);
    }
    {
        // After a restart it is still held, and the breaker's resolution is held with it.
        Notifier notifier(o);
        QSignalSpy desktopSpy(&notifier, &Notifier::desktopNotification);
        QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
        notifier.start();
        QCOMPARE(notifier.heldUnder(), expected);
        state.breakers[0].state = BreakerState::Closed;
        notifier.onSnapshot(EngineSnapshot(state));
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10'000);
        QCOMPARE(recorded.at(0).at(0).value<DeliveryRecord>().status, DeliveryStatus::Held);
        QCOMPARE(recorded.at(0).at(0).value<DeliveryRecord>().kind,
                 NotificationKind::BreakerClosed);
        QCOMPARE(desktopSpy.size(), 0);

        // relay-1 is back: its message counts what it held; the alert that outlived it is told
        // now, since nobody heard of it.
        notifier.onMachineTransition(
            transition(u"relay-1"_s, MachineState::Down, MachineState::Up));
        QTRY_COMPARE_WITH_TIMEOUT(desktopSpy.size(), 2, 10'000);
        QVERIFY2(desktopSpy.at(0).at(0).toString().contains(u"(2 dependent alert"_s),
                 qPrintable(desktopSpy.at(0).at(0).toString()));
        QVERIFY(desktopSpy.at(1).at(0).toString().contains(u"prices_stale"_s));
        QVERIFY(desktopSpy.at(1).at(1).toString().contains(u"relay-1"_s));
        QTRY_VERIFY_WITH_TIMEOUT(notifier.heldUnder().isEmpty(), 5'000);
    }
}

void TestNotifier::desktopChannelsTakeNothingWithoutADesktop()
{
    // heartbeatd: a "desktop" channel in a shared config.json is nobody's screen there, so it
    // takes nothing and logs nothing; the webhook beside it is delivered as usual.
    Receiver receiver;
    NotifierOptions o = options({desktop(u"tray"_s), webhook(u"ops"_s, receiver.url())});
    o.desktop = false;
    Notifier notifier(o);
    QSignalSpy desktopSpy(&notifier, &Notifier::desktopNotification);
    QSignalSpy recorded(&notifier, &Notifier::deliveryRecorded);
    notifier.start();
    notifier.onMachineTransition(transition(u"relay-1"_s, MachineState::Up, MachineState::Down));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10'000);
    QCOMPARE(recorded.at(0).at(0).value<DeliveryRecord>().channel, u"ops"_s);
    QTest::qWait(300);
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(desktopSpy.size(), 0);
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
