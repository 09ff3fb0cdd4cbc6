#pragma once

// The notifier's half on its own thread. Private to engine/notify/.

#include "notify/conditions.h"
#include "notify/notifier.h"

#include <QHash>
#include <QPointer>
#include <QQueue>
#include <QTimer>

#include <memory>
#include <random>

class QNetworkAccessManager;
class QNetworkReply;

namespace hb {

class NotifierWorker : public QObject
{
    Q_OBJECT
public:
    explicit NotifierWorker(NotifierOptions options);
    ~NotifierWorker() override;

    void open();     // throws StoreError
    void shutdown(); // abandons attempts in flight; they stay pending in metrics.db

    void onMachineTransition(const MachineTransition &transition);
    void onSnapshot(const EngineSnapshot &snapshot);
    void setConfig(const NotificationsConfig &config);

Q_SIGNALS:
    void desktopNotification(const QString &title, const QString &text, const QString &severity);
    void deliveryRecorded(const hb::DeliveryRecord &record);

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
    void raise(const ConditionReport &report);
    void clear(const ConditionReport &report, bool silently);
    void commit(const NotificationCondition &state, const NotificationEvent &event,
                const QStringList &onlyChannels = {});
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
    QHash<QString, QString> m_held;           // dependent condition -> the root that held it
    QTimer *m_resendTimer = nullptr;
    // Snapshot diffing: the previous snapshot's conditions and the tick count of the first one.
    bool m_sawSnapshot = false;
    qint64 m_firstTickCount = 0;
    QHash<QString, ConditionReport> m_lastActive;
    std::mt19937_64 m_random;
};

} // namespace hb
