#pragma once

#include "core/config.h"
#include "machines/machinemonitor.h"
#include "snapshot.h"
#include "store/notificationstore.h"

#include <QMap>
#include <QObject>
#include <QThread>

#include <memory>

namespace hb {

class Clock;
class NotifierWorker;
struct HeldIndex;

// Root cause (a condition key: "alert:oracle_monitoring/oracle_stale", "machine:relay-1") -> the
// conditions held under it ("breaker:price_update", "alert:price_update/prices_stale", ...),
// sorted. A root may itself be held under another (an oracle alert under its relay machine).
using HeldConditions = QMap<QString, QStringList>;

struct NotifierOptions
{
    QString metricsPath; // DATA/metrics.db, opened and migrated by the MetricsStore first
    NotificationsConfig config;
    std::shared_ptr<const Clock> clock; // null: system clock
    qint64 attemptTimeoutMs = 10'000;   // one attempt: a receiver that hangs longer fails it
    // Retries wait a random time up to base * 2^(attempt - 1) ("full jitter"): with 4 s, the
    // five attempts of one delivery span at most a minute.
    qint64 retryBaseMs = 4'000;
    int maxAttempts = 5;
    // A desktop shows "desktop" channels (the dashboard's tray). Without one (heartbeatd) they
    // take nothing: no delivery is logged as sent to a screen nobody has.
    bool desktop = false;
};

// Tells people what changed (docs/architecture.md, "Notifications"): machines down and up,
// breakers opened and closed, critical alerts raised and cleared, emergency pause and resume, a
// store failure. Each change of a condition is one event, written to metrics.db before it is
// sent (so a restart neither re-sends nor loses it) and delivered to every channel whose kinds
// and minimum severity take it: webhooks (Standard Webhooks signature), Telegram, the desktop.
//
// Lives on its own thread ("hb-notify"): the slots may be called, or connected to, from any
// thread; they return at once. Each channel has its own queue, so a channel that hangs or fails
// delays neither another channel nor the caller.
class Notifier : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(NotifierOptions options, QObject *parent = nullptr);
    ~Notifier() override; // stop()

    // Opens metrics.db and resumes what a previous run left undelivered. Throws StoreError.
    void start();
    // Blocking and idempotent: an attempt in flight is abandoned and made again by the next start.
    void stop();

    // Thread-safe: the newest rows of the delivery log (beforeId 0: from the newest).
    QVector<DeliveryRecord> deliveries(qint64 beforeId, int limit) const;

    // Thread-safe; throw StoreError. A silence applies to events from then on, in every process
    // that notifies from this metrics.db: matching messages are logged "silenced", not sent.
    qint64 addSilence(const NotificationSilence &silence);
    bool removeSilence(qint64 id);
    QVector<NotificationSilence> silences(qint64 nowMs) const; // those not over by nowMs

    // Thread-safe: what the dependency rules hold now (active conditions only); heldChanged()
    // says when it changes. Empty before start().
    HeldConditions heldUnder() const;

public Q_SLOTS:
    void onMachineTransition(const hb::MachineTransition &transition);
    // Diffs successive snapshots; a changed "notifications" config is applied from them too.
    void onSnapshot(const hb::EngineSnapshot &snapshot);
    void setConfig(const hb::NotificationsConfig &config);

Q_SIGNALS:
    // A "desktop" channel's message, for the dashboard's tray icon. Emitted on the notifier's
    // owner's thread.
    void desktopNotification(const QString &title, const QString &text, const QString &severity);
    // A row was added to the delivery log.
    void deliveryRecorded(const hb::DeliveryRecord &record);
    // heldUnder() changed. Emitted on the notifier's owner's thread.
    void heldChanged();

private:
    struct ThreadJoiner
    {
        void operator()(QThread *thread) const;
    };
    NotifierOptions m_options;
    std::unique_ptr<QThread, ThreadJoiner> m_thread;
    NotifierWorker *m_worker = nullptr;
    std::shared_ptr<HeldIndex> m_heldIndex;
};

} // namespace hb

Q_DECLARE_METATYPE(hb::DeliveryRecord)
Q_DECLARE_METATYPE(hb::NotificationsConfig)
