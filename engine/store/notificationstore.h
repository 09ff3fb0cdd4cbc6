#pragma once

#include "store/storeerror.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>

namespace SQLite {
class Database;
}

namespace hb {

// One notification as written to metrics.db (notification_events) before it is sent.
struct NotificationEvent
{
    QString uid;       // unique; the webhook-id header, "msg_" + 32 hex digits
    qint64 atMs = 0;   // when the transition happened
    QString kind;      // a NotificationKind
    QString severity;  // a NotificationSeverity; a resolution carries the one it resolves
    QString subject;   // the machine, task or alert it is about
    QString condition; // what it changes the state of, e.g. "machine:relay-1"
    QString title;
    QString text;
    bool resolved = false; // the condition cleared (machine_up, breaker_closed, ...)
    QByteArray payload;    // the JSON body a webhook receives
};

// The last notified state of one condition (notification_state).
struct NotificationCondition
{
    QString key; // e.g. "machine:relay-1", "breaker:price_update", "emergency"
    bool active = false;
    QString kind;     // the kind last notified
    QString severity; // of the raise
    qint64 sinceMs = 0;
    QString lastEventUid;
    qint64 lastNotifiedMs = 0; // the raise or its latest resend
    QString heldBy;            // the root cause it is held under (dependency rules); empty: none
    int heldCount = 0;         // a root: the conditions held under it since its raise
};

// An event still to be delivered to one channel, with the attempts made so far.
struct PendingDelivery
{
    NotificationEvent event;
    QString channel;
    int attempts = 0;
};

// Values of notification_deliveries.status.
namespace DeliveryStatus {
inline const QString Sent = QStringLiteral("sent");
inline const QString Retrying = QStringLiteral("retrying"); // the attempt failed; another follows
inline const QString Failed = QStringLiteral("failed");     // the last attempt failed
inline const QString Silenced = QStringLiteral("silenced");
inline const QString Held = QStringLiteral("held");
} // namespace DeliveryStatus

// A window in which matching notifications are recorded as silenced instead of sent
// (notification_silences). Empty matchers match anything.
// The longest a recurring silence's each occurrence may last.
inline constexpr qint64 kRecurringSilenceMaxMs = 7LL * 86'400'000;

struct NotificationSilence
{
    qint64 id = 0;
    qint64 fromMs = 0;
    qint64 toMs = 0; // exclusive
    QString reason;
    QString machine; // matches machine_down / machine_up of this machine
    QString task;    // matches breakers of this task and alerts it raised
    QString kind;    // a NotificationKind
    QString createdBy;
    qint64 createdMs = 0;
    // A recurring silence: between fromMs and toMs it is on only from each run of `cron` (in
    // `tz`, the machine's when empty) for `durationMs` - "every Sunday 02:00-04:00 Asia/Jakarta"
    // is cron "0 2 * * sun", 2 h, Asia/Jakarta. Empty cron: on for the whole of from..to.
    QString cron;
    qint64 durationMs = 0;
    QString tz;

    bool isRecurring() const { return !cron.isEmpty(); }
    // In force at `nowMs` (the window, and for a recurring one an occurrence).
    bool activeAt(qint64 nowMs) const;
    // The occurrence in force at or next after `nowMs`: [start, end); nullopt when none is left
    // before toMs. A plain silence's is its window.
    std::optional<std::pair<qint64, qint64>> occurrenceAt(qint64 nowMs) const;
    bool matches(const NotificationEvent &event, qint64 nowMs) const;
};

// One row of the delivery log (notification_deliveries).
struct DeliveryRecord
{
    qint64 id = 0;
    qint64 tsMs = 0;
    QString channel;
    QString eventUid;
    QString kind;
    int attempt = 0;
    QString status;
    QString error;
};

// The notifier's own connection to DATA/metrics.db (the MetricsStore has opened and migrated it
// first). Not thread-safe: the notifier's thread uses it. Every method throws StoreError.
class NotificationStore
{
public:
    explicit NotificationStore(const QString &path);
    ~NotificationStore();

    QHash<QString, NotificationCondition> conditions();
    // One transaction: the condition's new state, the event, and a pending delivery for each of
    // `channels`, so a crash leaves either all of it or none.
    void commitEvent(const NotificationCondition &state, const NotificationEvent &event,
                     const QStringList &channels);
    // A condition's state alone (cleared without a message, e.g. a machine paused while down).
    void saveCondition(const NotificationCondition &state);
    // Everything not yet delivered, oldest first.
    QVector<PendingDelivery> pending();
    // Appends to the log; `finished` (sent, failed, silenced) removes the pending delivery,
    // otherwise its attempt count is updated.
    void recordDelivery(const DeliveryRecord &record, bool finished);
    // Returns the new silence's id.
    qint64 addSilence(const NotificationSilence &silence);
    bool removeSilence(qint64 id);
    // Ends a current or future silence at `nowMs` (a future one never starts); the row stays,
    // for the record. Returns it as ended, or nothing when no such silence is current or future.
    std::optional<NotificationSilence> endSilence(qint64 id, qint64 nowMs);
    // Those not over at `nowMs` (current and future), by start.
    QVector<NotificationSilence> silences(qint64 nowMs);
    // Newest first; `beforeId` 0: from the newest.
    QVector<DeliveryRecord> deliveries(qint64 beforeId, int limit);

private:
    QString m_path;
    std::unique_ptr<SQLite::Database> m_db;
};

} // namespace hb
