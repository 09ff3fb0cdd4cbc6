#pragma once

// The notifier's half on its own thread. Private to engine/notify/.

#include "notify/conditions.h"
#include "notify/notifier.h"

#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QQueue>
#include <QTimer>

#include <memory>
#include <random>

class QNetworkAccessManager;
class QNetworkReply;

namespace hb {

// What Notifier::heldUnder() reads from any thread; the worker writes it.
struct HeldIndex
{
    mutable QMutex mutex;
    HeldConditions held;
};

class NotifierWorker : public QObject
{
    Q_OBJECT
public:
    NotifierWorker(NotifierOptions options, std::shared_ptr<HeldIndex> heldIndex);
    ~NotifierWorker() override;

    void open();     // throws StoreError
    void shutdown(); // abandons attempts in flight; they stay pending in metrics.db

    void onMachineTransition(const MachineTransition &transition);
    void onSnapshot(const EngineSnapshot &snapshot);
    void setConfig(const NotificationsConfig &config);

Q_SIGNALS:
    void desktopNotification(const QString &title, const QString &text, const QString &severity);
    void deliveryRecorded(const hb::DeliveryRecord &record);
    void heldChanged();

private:
    struct Channel
    {
        NotificationChannel config;
        QQueue<PendingDelivery> queue;
        QPointer<QNetworkReply> reply;     // the attempt in flight
        QTimer *backoff = nullptr;         // running: waiting before the next attempt
        QHash<QString, qint64> lastSentMs; // condition -> last raise or resend for this channel
    };

    qint64 now() const;
    bool accepts(const NotificationChannel &channel, const NotificationEvent &event) const;
    // Dedups against the condition's stored state; writes and queues the event when it is due.
    // `heldHint`: a root's dependents raised with it, for its message.
    void raise(const ConditionReport &report, int heldHint = 0);
    void clear(const ConditionReport &report, bool silently);
    // `heldBy` not empty: logged "held" under that root instead of sent or silenced.
    void commit(const NotificationCondition &state, const NotificationEvent &event,
                const QStringList &onlyChannels = {}, const QString &heldBy = {});
    void saveState(const NotificationCondition &state);
    QList<QString> activeRoots(const QString &except) const;
    // A root that cleared lets go of what it held: moved under another active root that holds
    // it, or notified now (its raise was never sent).
    void release(const QString &root);
    void publishHeld();
    void resendDue();
    void updateResendTimer();
    void pump(const QString &channel);
    void attempt(Channel &channel);
    void finishAttempt(const QString &channel, QNetworkReply *reply);
    void record(Channel &channel, const PendingDelivery &delivery, int attempt,
                const QString &status, const QString &error);
    void addChannel(const NotificationChannel &config);

    NotifierOptions m_options;
    std::shared_ptr<const Clock> m_clock;
    std::unique_ptr<NotificationStore> m_store;
    QNetworkAccessManager *m_network = nullptr;
    std::map<QString, std::unique_ptr<Channel>> m_channels; // by name
    QHash<QString, NotificationCondition> m_conditions;
    QHash<QString, ConditionReport> m_raised; // this run's raise messages, for resends
    DependencyRules m_rules;
    std::shared_ptr<HeldIndex> m_heldIndex;
    HeldConditions m_published; // what m_heldIndex holds
    QTimer *m_resendTimer = nullptr;
    // Snapshot diffing: the previous snapshot's conditions and the tick count of the first one.
    bool m_sawSnapshot = false;
    qint64 m_firstTickCount = 0;
    QHash<QString, ConditionReport> m_lastActive;
    std::mt19937_64 m_random;
};

} // namespace hb
