#include "store/notificationstore.h"

#include "core/cronexpr.h"
#include "core/logging.h"
#include "sqlite/sqlfile.h"
#include "sqlite/sqlvalues.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <QCoreApplication>

namespace hb {

namespace {

constexpr int kNotificationBusyTimeoutMs = 5000;

using sql::bindInt;
using sql::bindText;
using sql::int64Of;
using sql::textOf;

StoreError failure(const QString &path, const std::exception &e)
{
    return StoreError(path + u": " +
                      QCoreApplication::translate("hb::MetricsStore", "cannot write (%1)")
                          .arg(QString::fromUtf8(e.what()).simplified()));
}

void bindCondition(SQLite::Statement &stmt, const NotificationCondition &c)
{
    bindText(stmt, 1, c.key);
    stmt.bind(2, c.active ? 1 : 0);
    bindText(stmt, 3, c.kind);
    bindText(stmt, 4, c.severity);
    bindInt(stmt, 5, c.sinceMs);
    bindText(stmt, 6, c.lastEventUid);
    bindInt(stmt, 7, c.lastNotifiedMs);
    bindText(stmt, 8, c.heldBy);
    stmt.bind(9, c.heldCount);
}

constexpr const char kSilenceColumns[] = "id, from_ms, to_ms, reason, machine, task, kind, "
                                         "created_by, created_ms, cron, duration_ms, tz";

// A row of kSilenceColumns.
NotificationSilence silenceOf(SQLite::Statement &q)
{
    NotificationSilence s;
    s.id = int64Of(q.getColumn(0));
    s.fromMs = int64Of(q.getColumn(1));
    s.toMs = int64Of(q.getColumn(2));
    s.reason = textOf(q.getColumn(3));
    s.machine = textOf(q.getColumn(4));
    s.task = textOf(q.getColumn(5));
    s.kind = textOf(q.getColumn(6));
    s.createdBy = textOf(q.getColumn(7));
    s.createdMs = int64Of(q.getColumn(8));
    s.cron = textOf(q.getColumn(9));
    s.durationMs = int64Of(q.getColumn(10));
    s.tz = textOf(q.getColumn(11));
    return s;
}

constexpr const char kUpsertCondition[] =
    "INSERT OR REPLACE INTO notification_state(condition, active, kind, severity, since_ms, "
    "last_event_uid, last_notified_ms, held_by, held_count) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

} // namespace

NotificationStore::NotificationStore(const QString &path)
    : m_path(path)
{
    try {
        // Never creates the file: the MetricsStore opened and migrated it before.
        m_db = std::make_unique<SQLite::Database>(sql::utf8(path), SQLite::OPEN_READWRITE,
                                                  kNotificationBusyTimeoutMs);
        m_db->exec("PRAGMA synchronous = NORMAL");
    } catch (const SQLite::Exception &e) {
        throw failure(path, e);
    }
}

NotificationStore::~NotificationStore() = default;

QHash<QString, NotificationCondition> NotificationStore::conditions()
{
    QHash<QString, NotificationCondition> result;
    try {
        SQLite::Statement q(*m_db, "SELECT condition, active, kind, severity, since_ms, "
                                   "last_event_uid, last_notified_ms, held_by, held_count "
                                   "FROM notification_state");
        while (q.executeStep()) {
            NotificationCondition c;
            c.key = textOf(q.getColumn(0));
            c.active = q.getColumn(1).getInt() != 0;
            c.kind = textOf(q.getColumn(2));
            c.severity = textOf(q.getColumn(3));
            c.sinceMs = int64Of(q.getColumn(4));
            c.lastEventUid = textOf(q.getColumn(5));
            c.lastNotifiedMs = int64Of(q.getColumn(6));
            c.heldBy = textOf(q.getColumn(7));
            c.heldCount = q.getColumn(8).getInt();
            result.insert(c.key, c);
        }
    } catch (const SQLite::Exception &e) {
        throw failure(m_path, e);
    }
    return result;
}

void NotificationStore::commitEvent(const NotificationCondition &state,
                                    const NotificationEvent &event, const QStringList &channels)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement condition(*m_db, kUpsertCondition);
        bindCondition(condition, state);
        condition.exec();
        SQLite::Statement insert(
            *m_db, "INSERT INTO notification_events(uid, ts_ms, kind, severity, subject, "
                   "condition, title, text, payload) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        bindText(insert, 1, event.uid);
        bindInt(insert, 2, event.atMs);
        bindText(insert, 3, event.kind);
        bindText(insert, 4, event.severity);
        bindText(insert, 5, event.subject);
        bindText(insert, 6, event.condition);
        bindText(insert, 7, event.title);
        bindText(insert, 8, event.text);
        insert.bind(9, event.payload.toStdString());
        insert.exec();
        SQLite::Statement pending(
            *m_db, "INSERT INTO notification_pending(event_uid, channel) VALUES(?1, ?2)");
        for (const QString &channel : channels) {
            bindText(pending, 1, event.uid);
            bindText(pending, 2, channel);
            sql::execAndReset(pending);
        }
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        throw failure(m_path, e);
    }
}

void NotificationStore::saveCondition(const NotificationCondition &state)
{
    try {
        SQLite::Statement condition(*m_db, kUpsertCondition);
        bindCondition(condition, state);
        condition.exec();
    } catch (const SQLite::Exception &e) {
        throw failure(m_path, e);
    }
}

QVector<PendingDelivery> NotificationStore::pending()
{
    QVector<PendingDelivery> result;
    try {
        SQLite::Statement q(
            *m_db, "SELECT e.uid, e.ts_ms, e.kind, e.severity, e.subject, e.condition, e.title, "
                   "e.text, e.payload, p.channel, p.attempts FROM notification_pending p "
                   "JOIN notification_events e ON e.uid = p.event_uid ORDER BY e.ts_ms, e.rowid");
        while (q.executeStep()) {
            PendingDelivery d;
            d.event.uid = textOf(q.getColumn(0));
            d.event.atMs = int64Of(q.getColumn(1));
            d.event.kind = textOf(q.getColumn(2));
            d.event.severity = textOf(q.getColumn(3));
            d.event.subject = textOf(q.getColumn(4));
            d.event.condition = textOf(q.getColumn(5));
            d.event.title = textOf(q.getColumn(6));
            d.event.text = textOf(q.getColumn(7));
            d.event.payload = QByteArray(static_cast<const char *>(q.getColumn(8).getBlob()),
                                         q.getColumn(8).getBytes());
            d.channel = textOf(q.getColumn(9));
            d.attempts = q.getColumn(10).getInt();
            result.append(d);
        }
    } catch (const SQLite::Exception &e) {
        throw failure(m_path, e);
    }
    return result;
}

void NotificationStore::recordDelivery(const DeliveryRecord &r, bool finished)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement log(*m_db, "INSERT INTO notification_deliveries(ts_ms, channel, "
                                     "event_uid, kind, attempt, status, error) "
                                     "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        bindInt(log, 1, r.tsMs);
        bindText(log, 2, r.channel);
        bindText(log, 3, r.eventUid);
        bindText(log, 4, r.kind);
        log.bind(5, r.attempt);
        bindText(log, 6, r.status);
        bindText(log, 7, r.error);
        log.exec();
        SQLite::Statement pending(
            *m_db, finished
                       ? "DELETE FROM notification_pending WHERE event_uid = ?1 AND channel = ?2"
                       : "UPDATE notification_pending SET attempts = ?3 "
                         "WHERE event_uid = ?1 AND channel = ?2");
        bindText(pending, 1, r.eventUid);
        bindText(pending, 2, r.channel);
        if (!finished)
            pending.bind(3, r.attempt);
        pending.exec();
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        throw failure(m_path, e);
    }
}

std::optional<std::pair<qint64, qint64>> NotificationSilence::occurrenceAt(qint64 nowMs) const
{
    if (nowMs >= toMs)
        return std::nullopt;
    if (!isRecurring())
        return std::pair{fromMs, toMs};
    const std::optional<CronExpr> expr = CronExpr::parse(cron);
    if (!expr || durationMs <= 0)
        return std::nullopt;
    const QTimeZone zone = tz.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(tz.toUtf8());
    // The first run after (t - duration) is the one in force at t if it began by t, else the
    // next one; either way it ends after t. One that began before the window counts from its
    // start.
    const qint64 t = std::max(nowMs, fromMs);
    const std::optional<CronRun> run = expr->next(t - durationMs, zone);
    if (!run)
        return std::nullopt;
    const qint64 begin = std::max(run->atMs, fromMs);
    const qint64 end = std::min(run->atMs + durationMs, toMs);
    if (begin >= end)
        return std::nullopt;
    return std::pair{begin, end};
}

bool NotificationSilence::activeAt(qint64 nowMs) const
{
    if (nowMs < fromMs || nowMs >= toMs)
        return false;
    const auto occurrence = occurrenceAt(nowMs);
    return occurrence && occurrence->first <= nowMs && nowMs < occurrence->second;
}

bool NotificationSilence::matches(const NotificationEvent &event, qint64 nowMs) const
{
    if (!activeAt(nowMs))
        return false;
    if (!kind.isEmpty() && kind != event.kind)
        return false;
    const QString machinePrefix = QStringLiteral("machine:");
    if (!machine.isEmpty() && event.condition != machinePrefix + machine)
        return false;
    if (!task.isEmpty()) {
        // Breakers carry the task as their subject, alerts "task/key".
        const bool ofTask = event.condition == QStringLiteral("breaker:") + task ||
                            event.condition.startsWith(QStringLiteral("alert:") + task + u'/');
        if (!ofTask)
            return false;
    }
    return true;
}

qint64 NotificationStore::addSilence(const NotificationSilence &s)
{
    try {
        SQLite::Statement insert(*m_db, "INSERT INTO notification_silences(from_ms, to_ms, reason, "
                                        "machine, task, kind, created_by, created_ms, cron, "
                                        "duration_ms, tz) "
                                        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        bindInt(insert, 1, s.fromMs);
        bindInt(insert, 2, s.toMs);
        bindText(insert, 3, s.reason);
        bindText(insert, 4, s.machine);
        bindText(insert, 5, s.task);
        bindText(insert, 6, s.kind);
        bindText(insert, 7, s.createdBy);
        bindInt(insert, 8, s.createdMs);
        bindText(insert, 9, s.cron);
        bindInt(insert, 10, s.durationMs);
        bindText(insert, 11, s.tz);
        insert.exec();
        return qint64(m_db->getLastInsertRowid());
    } catch (const SQLite::Exception &e) {
        throw failure(m_path, e);
    }
}

bool NotificationStore::removeSilence(qint64 id)
{
    try {
        SQLite::Statement remove(*m_db, "DELETE FROM notification_silences WHERE id = ?1");
        bindInt(remove, 1, id);
        return remove.exec() > 0;
    } catch (const SQLite::Exception &e) {
        throw failure(m_path, e);
    }
}

std::optional<NotificationSilence> NotificationStore::endSilence(qint64 id, qint64 nowMs)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement end(*m_db, "UPDATE notification_silences SET to_ms = max(from_ms, ?2) "
                                     "WHERE id = ?1 AND to_ms > ?2");
        bindInt(end, 1, id);
        bindInt(end, 2, nowMs);
        if (end.exec() == 0)
            return std::nullopt;
        SQLite::Statement q(*m_db, std::string("SELECT ") + kSilenceColumns +
                                       " FROM notification_silences WHERE id = ?1");
        bindInt(q, 1, id);
        q.executeStep();
        const NotificationSilence s = silenceOf(q);
        transaction.commit();
        return s;
    } catch (const SQLite::Exception &e) {
        throw failure(m_path, e);
    }
}

QVector<NotificationSilence> NotificationStore::silences(qint64 nowMs)
{
    QVector<NotificationSilence> result;
    try {
        SQLite::Statement q(*m_db, std::string("SELECT ") + kSilenceColumns +
                                       " FROM notification_silences WHERE to_ms > ?1"
                                       " ORDER BY from_ms, id");
        bindInt(q, 1, nowMs);
        while (q.executeStep())
            result.append(silenceOf(q));
    } catch (const SQLite::Exception &e) {
        throw failure(m_path, e);
    }
    return result;
}

QVector<DeliveryRecord> NotificationStore::deliveries(qint64 beforeId, int limit)
{
    QVector<DeliveryRecord> result;
    try {
        SQLite::Statement q(*m_db, "SELECT id, ts_ms, channel, event_uid, kind, attempt, status, "
                                   "error FROM notification_deliveries WHERE ?1 = 0 OR id < ?1 "
                                   "ORDER BY id DESC LIMIT ?2");
        bindInt(q, 1, beforeId);
        q.bind(2, limit);
        while (q.executeStep()) {
            DeliveryRecord r;
            r.id = int64Of(q.getColumn(0));
            r.tsMs = int64Of(q.getColumn(1));
            r.channel = textOf(q.getColumn(2));
            r.eventUid = textOf(q.getColumn(3));
            r.kind = textOf(q.getColumn(4));
            r.attempt = q.getColumn(5).getInt();
            r.status = textOf(q.getColumn(6));
            r.error = textOf(q.getColumn(7));
            result.append(r);
        }
    } catch (const SQLite::Exception &e) {
        throw failure(m_path, e);
    }
    return result;
}

} // namespace hb
