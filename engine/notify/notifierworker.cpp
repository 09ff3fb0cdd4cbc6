#include "notify/notifierworker.h"

#include "core/clock.h"
#include "core/notificationsconfig.h"
#include "notify/notifylogging.h"
#include "notify/webhooksigner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace hb {

namespace {

QNetworkRequest jsonRequest(const QUrl &url, qint64 timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Heartbeat-Notifier"));
    // Measured from the last byte that moved: a receiver that takes the request and never
    // answers fails the attempt instead of holding the channel's queue.
    request.setTransferTimeout(int(std::clamp<qint64>(timeoutMs, 1, 3'600'000)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

} // namespace

NotifierWorker::NotifierWorker(NotifierOptions options, std::shared_ptr<HeldIndex> heldIndex)
    : m_options(std::move(options))
    , m_clock(m_options.clock ? m_options.clock : std::make_shared<SystemClock>())
    , m_rules(m_options.config.rules)
    , m_heldIndex(std::move(heldIndex))
    , m_random(std::random_device{}())
{
}

NotifierWorker::~NotifierWorker() = default;

qint64 NotifierWorker::now() const
{
    return m_clock->nowMs();
}

void NotifierWorker::open()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_store = std::make_unique<NotificationStore>(m_options.metricsPath);
    m_conditions = m_store->conditions();
    publishHeld(); // held before a restart: still held, and so will their resolutions be
    m_network = new QNetworkAccessManager(this);
    m_resendTimer = new QTimer(this);
    m_resendTimer->setInterval(1000);
    connect(m_resendTimer, &QTimer::timeout, this, &NotifierWorker::resendDue);
    for (const NotificationChannel &channel : std::as_const(m_options.config.channels))
        addChannel(channel);
    updateResendTimer();

    // What a previous run wrote but did not deliver, with the attempts it made.
    const QVector<PendingDelivery> pending = m_store->pending();
    for (const PendingDelivery &delivery : pending) {
        const auto it = m_channels.find(delivery.channel);
        if (it == m_channels.end()) {
            const DeliveryRecord r{0,
                                   now(),
                                   delivery.channel,
                                   delivery.event.uid,
                                   delivery.event.kind,
                                   delivery.attempts,
                                   DeliveryStatus::Failed,
                                   tr("the channel is no longer configured")};
            m_store->recordDelivery(r, true);
            Q_EMIT deliveryRecorded(r);
            continue;
        }
        it->second->queue.enqueue(delivery);
    }
    if (!pending.isEmpty())
        qCInfo(lcNotify) << "resuming" << pending.size() << "undelivered notification(s)";
    for (auto &[name, channel] : m_channels)
        pump(name);
}

void NotifierWorker::shutdown()
{
    for (auto &[name, channel] : m_channels) {
        if (channel->reply) {
            channel->reply->disconnect(this);
            channel->reply->abort();
            delete channel->reply;
        }
        channel->backoff->stop();
    }
    if (m_resendTimer)
        m_resendTimer->stop();
}

void NotifierWorker::addChannel(const NotificationChannel &config)
{
    auto channel = std::make_unique<Channel>();
    channel->config = config;
    channel->backoff = new QTimer(this);
    channel->backoff->setSingleShot(true);
    const QString name = config.name;
    connect(channel->backoff, &QTimer::timeout, this, [this, name] { pump(name); });
    // A restart resends on the interval counted from the last message, not from now.
    for (const NotificationCondition &c : std::as_const(m_conditions)) {
        if (c.active)
            channel->lastSentMs.insert(c.key, c.lastNotifiedMs);
    }
    m_channels[name] = std::move(channel);
}

void NotifierWorker::setConfig(const NotificationsConfig &config)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_options.config = config;
    // What is held now stays held under its root; new rules judge what is raised from now on.
    m_rules = DependencyRules(config.rules);
    QSet<QString> names;
    for (const NotificationChannel &c : config.channels) {
        names.insert(c.name);
        const auto it = m_channels.find(c.name);
        if (it == m_channels.end())
            addChannel(c);
        else
            it->second->config = c; // the next attempt uses the new URL, secret, ...
    }
    for (auto it = m_channels.begin(); it != m_channels.end();) {
        if (names.contains(it->first)) {
            ++it;
            continue;
        }
        Channel &gone = *it->second;
        if (gone.reply) {
            gone.reply->disconnect(this);
            gone.reply->abort();
            gone.reply->deleteLater();
        }
        delete gone.backoff;
        while (!gone.queue.isEmpty()) {
            const PendingDelivery d = gone.queue.dequeue();
            record(gone, d, d.attempts, DeliveryStatus::Failed,
                   tr("the channel was removed from the configuration"));
        }
        it = m_channels.erase(it);
    }
    updateResendTimer();
    for (auto &[name, channel] : m_channels)
        pump(name);
}

void NotifierWorker::updateResendTimer()
{
    const QVector<NotificationChannel> &channels = m_options.config.channels;
    const bool resend =
        std::any_of(channels.begin(), channels.end(),
                    [](const NotificationChannel &c) { return c.resendIntervalMs > 0; });
    if (resend && !m_resendTimer->isActive())
        m_resendTimer->start();
    else if (!resend)
        m_resendTimer->stop();
}

bool NotifierWorker::accepts(const NotificationChannel &channel,
                             const NotificationEvent &event) const
{
    if (channel.type == NotificationChannelType::Desktop && !m_options.desktop)
        return false;
    return channel.enabled && (channel.kinds.isEmpty() || channel.kinds.contains(event.kind)) &&
           NotificationSeverity::rank(event.severity) >=
               NotificationSeverity::rank(channel.minSeverity);
}

void NotifierWorker::onMachineTransition(const MachineTransition &transition)
{
    Q_ASSERT(QThread::currentThread() == thread());
    bool active = false;
    bool silently = false;
    const ConditionReport report = machineCondition(transition, &active, &silently);
    if (active)
        raise(report);
    else
        clear(report, silently);
    publishHeld();
}

void NotifierWorker::onSnapshot(const EngineSnapshot &snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const EngineState &state = *snapshot;
    if (state.config.notifications != m_options.config)
        setConfig(state.config.notifications);
    if (!m_sawSnapshot) {
        m_sawSnapshot = true;
        m_firstTickCount = state.metrics.tickCount;
    }
    const QHash<QString, ConditionReport> active = activeConditions(state);
    // Root causes first, so consequences reported in the same snapshot are held under them; a
    // new root's message counts the consequences that come with it.
    QList<ConditionReport> ordered = active.values();
    std::stable_partition(ordered.begin(), ordered.end(),
                          [this](const ConditionReport &r) { return m_rules.isRoot(r.key); });
    const auto isActive = [this](const QString &key) {
        const auto it = m_conditions.constFind(key);
        return it != m_conditions.cend() && it->active;
    };
    QList<QString> roots = activeRoots(QString());
    QSet<QString> newRoots;
    for (const ConditionReport &report : std::as_const(ordered)) {
        if (m_rules.isRoot(report.key) && !isActive(report.key)) {
            roots.append(report.key);
            newRoots.insert(report.key);
        }
    }
    QHash<QString, int> heldHints;
    for (const ConditionReport &report : std::as_const(ordered)) {
        if (m_rules.isRoot(report.key) || isActive(report.key))
            continue;
        const QString root = m_rules.holdingRoot(report.key, roots);
        if (newRoots.contains(root))
            ++heldHints[root];
    }
    for (const ConditionReport &report : std::as_const(ordered))
        raise(report, heldHints.value(report.key));
    const qint64 at = state.takenAtMs > 0 ? state.takenAtMs : now();
    // Consequences clear before their roots: one that ends with its root is not let go first.
    QList<QString> keys = m_conditions.keys();
    std::stable_partition(keys.begin(), keys.end(),
                          [this](const QString &key) { return !m_rules.isRoot(key); });
    for (const QString &key : std::as_const(keys)) {
        const ClearRule rule = clearRuleOf(key);
        if (!m_conditions.value(key).active || rule == ClearRule::Reported || active.contains(key))
            continue;
        // An alert is raised again by its task's next run: before a tick has run since the
        // start, one from before a restart is not known to be over.
        if (rule == ClearRule::AbsentAfterTick && !m_lastActive.contains(key) &&
            state.metrics.tickCount <= m_firstTickCount)
            continue;
        clear(clearedCondition(key, at), false);
    }
    m_lastActive = active;
    publishHeld();
}

void NotifierWorker::raise(const ConditionReport &report, int heldHint)
{
    const auto it = m_conditions.constFind(report.key);
    if (it != m_conditions.cend() && it->active)
        return; // notified already, in this run or before a restart
    ConditionReport worded = report;
    if (heldHint > 0)
        worded.title = tr("%1 (%n dependent alert(s) held)", nullptr, heldHint).arg(report.title);
    const NotificationEvent event = makeEvent(worded, false);
    NotificationCondition state{report.key,
                                true,
                                report.raiseKind,
                                report.severity,
                                report.atMs,
                                event.uid,
                                now(),
                                m_rules.holdingRoot(report.key, activeRoots(report.key)),
                                0};
    m_raised.insert(report.key, report);
    commit(state, event, {}, state.heldBy);
    if (!state.heldBy.isEmpty()) {
        NotificationCondition root = m_conditions.value(state.heldBy);
        ++root.heldCount;
        saveState(root);
    }
}

void NotifierWorker::saveState(const NotificationCondition &state)
{
    m_conditions.insert(state.key, state);
    try {
        m_store->saveCondition(state);
    } catch (const StoreError &e) {
        qCWarning(lcNotify).noquote() << e.message();
    }
}

QList<QString> NotifierWorker::activeRoots(const QString &except) const
{
    QList<QString> roots;
    for (const NotificationCondition &c : std::as_const(m_conditions)) {
        if (c.active && c.key != except && m_rules.isRoot(c.key))
            roots.append(c.key);
    }
    return roots;
}

void NotifierWorker::release(const QString &root)
{
    const QList<NotificationCondition> conditions = m_conditions.values();
    for (const NotificationCondition &c : conditions) {
        if (!c.active || c.heldBy != root)
            continue;
        NotificationCondition state = c;
        state.heldBy = m_rules.holdingRoot(c.key, activeRoots(c.key));
        if (!state.heldBy.isEmpty()) {
            saveState(state);
            NotificationCondition other = m_conditions.value(state.heldBy);
            ++other.heldCount;
            saveState(other);
            continue;
        }
        // Still active with its cause gone: a problem of its own, told now.
        ConditionReport report = m_raised.value(c.key);
        if (report.key.isEmpty()) { // raised before a restart: its words are not kept
            report = {c.key,
                      c.kind,
                      QString(),
                      c.severity,
                      c.key.section(u':', 1),
                      tr("%1 is active").arg(c.key),
                      QString(),
                      c.sinceMs};
        }
        report.text = tr("Held while %1 was active; it is over, this is not.").arg(root) +
                      (report.text.isEmpty() ? QString() : u' ' + report.text);
        const NotificationEvent event = makeEvent(report, false);
        state.lastEventUid = event.uid;
        state.lastNotifiedMs = now();
        commit(state, event);
    }
}

void NotifierWorker::publishHeld()
{
    HeldConditions held;
    for (const NotificationCondition &c : std::as_const(m_conditions)) {
        if (c.active && !c.heldBy.isEmpty())
            held[c.heldBy].append(c.key);
    }
    for (QStringList &keys : held)
        keys.sort();
    if (held == m_published)
        return;
    m_published = held;
    {
        QMutexLocker lock(&m_heldIndex->mutex);
        m_heldIndex->held = held;
    }
    Q_EMIT heldChanged();
}

void NotifierWorker::clear(const ConditionReport &cleared, bool silently)
{
    const auto it = m_conditions.constFind(cleared.key);
    if (it == m_conditions.cend() || !it->active)
        return;
    NotificationCondition state = *it;
    state.active = false;
    state.sinceMs = cleared.atMs;
    // A held raise has a held resolution (after a restart too: held_by is in metrics.db).
    const QString heldBy = std::exchange(state.heldBy, QString());
    const int heldCount = std::exchange(state.heldCount, 0);
    m_raised.remove(cleared.key);
    if (silently || cleared.clearKind.isEmpty()) {
        saveState(state);
    } else {
        ConditionReport report = cleared;
        report.severity = it->severity; // the resolution goes wherever the raise went
        // The root's last word counts everything it held, including what came after its raise.
        if (heldCount > 0)
            report.title =
                tr("%1 (%n dependent alert(s) were held)", nullptr, heldCount).arg(cleared.title);
        const NotificationEvent event = makeEvent(report, true);
        state.kind = report.clearKind;
        state.lastEventUid = event.uid;
        state.lastNotifiedMs = now();
        commit(state, event, {}, heldBy);
    }
    if (m_rules.isRoot(state.key) || heldCount > 0)
        release(state.key);
}

void NotifierWorker::commit(const NotificationCondition &state, const NotificationEvent &event,
                            const QStringList &onlyChannels, const QString &heldBy)
{
    QStringList names;
    for (const auto &[name, channel] : m_channels) {
        if (accepts(channel->config, event) &&
            (onlyChannels.isEmpty() || onlyChannels.contains(name)))
            names << name;
    }
    // A consequence of an active root cause is held under it (and so is its resolution).
    if (!heldBy.isEmpty()) {
        m_conditions.insert(state.key, state);
        try {
            m_store->commitEvent(state, event, {});
        } catch (const StoreError &e) {
            qCWarning(lcNotify).noquote() << e.message();
        }
        for (const QString &name : std::as_const(names))
            record(*m_channels.at(name), PendingDelivery{event, name, 0}, 0, DeliveryStatus::Held,
                   tr("held under %1").arg(heldBy));
        return;
    }

    // A silenced channel gets a "silenced" row in the delivery log instead of the message.
    QVector<NotificationSilence> silences;
    try {
        silences = m_store->silences(now());
    } catch (const StoreError &e) {
        qCWarning(lcNotify).noquote() << e.message();
    }
    QHash<QString, NotificationSilence> silenced;
    for (const NotificationSilence &silence : std::as_const(silences)) {
        if (!silence.matches(event, now()))
            continue;
        for (const QString &name : std::as_const(names)) {
            if (!silenced.contains(name))
                silenced.insert(name, silence);
        }
    }
    for (const QString &name : silenced.keys())
        names.removeOne(name);

    m_conditions.insert(state.key, state);
    // Written before anything is sent: a crash from here on sends it after the restart.
    try {
        m_store->commitEvent(state, event, names);
    } catch (const StoreError &e) {
        // Still sent: a message without its log row beats a lost message.
        qCWarning(lcNotify).noquote() << e.message();
    }
    for (auto it = silenced.cbegin(); it != silenced.cend(); ++it) {
        Channel &channel = *m_channels.at(it.key());
        record(channel, PendingDelivery{event, it.key(), 0}, 0, DeliveryStatus::Silenced,
               tr("silenced until %1: %2")
                   .arg(QDateTime::fromMSecsSinceEpoch(it->toMs, Qt::UTC).toString(Qt::ISODate),
                        it->reason));
        channel.lastSentMs.insert(state.key, now()); // a resend counts from here too
    }
    qCInfo(lcNotify).noquote() << event.kind << event.subject << "->"
                               << (names.isEmpty() ? QStringLiteral("(no channel)")
                                                   : names.join(QStringLiteral(", ")));
    for (const QString &name : std::as_const(names)) {
        Channel &channel = *m_channels.at(name);
        channel.queue.enqueue(PendingDelivery{event, name, 0});
        channel.lastSentMs.insert(state.key, now());
        pump(name);
    }
}

void NotifierWorker::resendDue()
{
    const qint64 t = now();
    for (auto &[name, channel] : m_channels) {
        const qint64 interval = channel->config.resendIntervalMs;
        if (interval <= 0 || !channel->config.enabled)
            continue;
        const QList<NotificationCondition> conditions = m_conditions.values();
        for (const NotificationCondition &c : conditions) {
            if (!c.active || !c.heldBy.isEmpty() ||
                t - channel->lastSentMs.value(c.key, c.lastNotifiedMs) < interval)
                continue;
            ConditionReport report = m_raised.value(c.key);
            if (report.key.isEmpty()) { // raised before a restart: its words are not kept
                report = {c.key,
                          c.kind,
                          QString(),
                          c.severity,
                          c.key.section(u':', 1),
                          tr("%1 is still active").arg(c.key),
                          QString(),
                          c.sinceMs};
            }
            const NotificationEvent event = makeEvent(report, false, true);
            if (!accepts(channel->config, event))
                continue;
            NotificationCondition state = c;
            state.lastNotifiedMs = t;
            state.lastEventUid = event.uid;
            commit(state, event, {name});
        }
    }
}

void NotifierWorker::pump(const QString &name)
{
    const auto it = m_channels.find(name);
    if (it == m_channels.end())
        return;
    Channel &channel = *it->second;
    while (!channel.reply && !channel.backoff->isActive() && !channel.queue.isEmpty()) {
        if (channel.config.type == NotificationChannelType::Desktop) {
            const PendingDelivery d = channel.queue.dequeue();
            Q_EMIT desktopNotification(d.event.title, d.event.text, d.event.severity);
            record(channel, d, d.attempts + 1, DeliveryStatus::Sent, QString());
            continue;
        }
        attempt(channel);
    }
}

void NotifierWorker::attempt(Channel &channel)
{
    const PendingDelivery &d = channel.queue.head();
    const NotificationChannel &c = channel.config;
    QByteArray body;
    QNetworkRequest request;
    if (c.type == NotificationChannelType::Webhook) {
        body = d.event.payload;
        request = jsonRequest(QUrl(c.url), m_options.attemptTimeoutMs);
        // The id stays the same through the retries so receivers can drop duplicates.
        const QByteArray id = d.event.uid.toUtf8();
        const qint64 timestamp = now() / 1000;
        request.setRawHeader("webhook-id", id);
        request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
        request.setRawHeader("webhook-signature",
                             webhookSignature(webhookSecretKey(c.secret), id, timestamp, body));
    } else {
        QString base = c.baseUrl;
        while (base.endsWith(u'/'))
            base.chop(1);
        request = jsonRequest(
            QUrl(base + QStringLiteral("/bot") + c.botToken + QStringLiteral("/sendMessage")),
            m_options.attemptTimeoutMs);
        const QString text =
            d.event.title + (d.event.text.isEmpty() ? QString() : u"\n" + d.event.text);
        body = QJsonDocument(QJsonObject{{QStringLiteral("chat_id"), c.chatId},
                                         {QStringLiteral("text"), text},
                                         {QStringLiteral("disable_web_page_preview"), true}})
                   .toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network->post(request, body);
    channel.reply = reply;
    const QString name = c.name;
    connect(reply, &QNetworkReply::finished, this,
            [this, name, reply] { finishAttempt(name, reply); });
}

void NotifierWorker::finishAttempt(const QString &name, QNetworkReply *reply)
{
    reply->deleteLater();
    const auto it = m_channels.find(name);
    if (it == m_channels.end() || it->second->reply != reply)
        return;
    Channel &channel = *it->second;
    channel.reply = nullptr;
    PendingDelivery &d = channel.queue.head();
    const int attemptNo = d.attempts + 1;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool ok = reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
    if (ok) {
        const PendingDelivery done = channel.queue.dequeue();
        record(channel, done, attemptNo, DeliveryStatus::Sent, QString());
    } else {
        QString error;
        if (reply->error() == QNetworkReply::OperationCanceledError)
            error = tr("no answer within %1 ms").arg(m_options.attemptTimeoutMs);
        else if (status > 0)
            error =
                tr("HTTP %1 %2").arg(status).arg(QString::fromUtf8(reply->read(200)).simplified());
        else
            error = reply->errorString();
        if (attemptNo >= m_options.maxAttempts) {
            const PendingDelivery done = channel.queue.dequeue();
            record(channel, done, attemptNo, DeliveryStatus::Failed, error);
        } else {
            d.attempts = attemptNo;
            record(channel, d, attemptNo, DeliveryStatus::Retrying, error);
            // Full jitter: anywhere up to base * 2^(attempt - 1), so receivers that failed
            // together are not hit again together.
            const qint64 cap = m_options.retryBaseMs << std::min(attemptNo - 1, 20);
            std::uniform_int_distribution<qint64> delay(0, std::max<qint64>(0, cap));
            channel.backoff->start(int(std::min<qint64>(delay(m_random), 3'600'000)));
        }
    }
    pump(name);
}

void NotifierWorker::record(Channel &channel, const PendingDelivery &d, int attempt,
                            const QString &status, const QString &error)
{
    const DeliveryRecord r{0,      now(), channel.config.name, d.event.uid, d.event.kind, attempt,
                           status, error};
    try {
        m_store->recordDelivery(r, status != DeliveryStatus::Retrying);
    } catch (const StoreError &e) {
        qCWarning(lcNotify).noquote() << e.message();
    }
    if (status == DeliveryStatus::Sent)
        qCInfo(lcNotify).noquote()
            << "sent" << d.event.kind << "to" << r.channel << "attempt" << attempt;
    else
        qCWarning(lcNotify).noquote()
            << status << d.event.kind << "to" << r.channel << "attempt" << attempt << error;
    Q_EMIT deliveryRecorded(r);
}

} // namespace hb
