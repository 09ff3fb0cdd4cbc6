// MetricsReader::rangeSummary(): per task and overall figures of a time range, exact from the
// raw rows while they cover it, estimated from the rollups' histograms otherwise.

#include "store/rangesummary.h"

#include "core/config.h"
#include "core/logging.h"
#include "sqlite/sqlfile.h"
#include "sqlite/sqlvalues.h"
#include "store/durationhistogram.h"
#include "store/metricsreader.h"
#include "store/schema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QElapsedTimer>
#include <QHash>
#include <QMap>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace hb {

QString precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Exact:
        return QStringLiteral("exact");
    case Precision::Estimated:
        return QStringLiteral("estimated");
    case Precision::Unavailable:
        break;
    }
    return QStringLiteral("unavailable");
}

const TaskRangeSummary *RangeSummary::task(const QString &name) const
{
    for (const TaskRangeSummary &t : tasks) {
        if (t.task == name)
            return &t;
    }
    return nullptr;
}

namespace {

const QString kTaskActorPrefix = QStringLiteral("heartbeat:");
const QString kLedgerActor = QStringLiteral("ledger");

using schema::bucketStart;
using schema::kHourMs;
using schema::kMinuteMs;

// Outcome codes as the SQL below returns them: CASE outcome WHEN ?a THEN 0 ... (by Outcome).
std::string outcomeCase(int firstParam)
{
    std::string sql = "CASE outcome";
    for (int i = 0; i < 5; ++i)
        sql += " WHEN ?" + std::to_string(firstParam + i) + " THEN " + std::to_string(i);
    return sql + " ELSE 1 END"; // an outcome this build does not know reads as a failure
}

void bindOutcomeNames(SQLite::Statement &q, int firstParam)
{
    for (int i = 0; i < 5; ++i)
        q.bind(firstParam + i, outcomeName(Outcome(i)).toStdString());
}

std::optional<qint64> optionalInt(SQLite::Database &db, const std::string &sql,
                                  std::initializer_list<qint64> params = {})
{
    SQLite::Statement q(db, sql);
    int i = 0;
    for (const qint64 p : params)
        sql::bindInt(q, ++i, p);
    if (!q.executeStep() || q.getColumn(0).isNull())
        return std::nullopt;
    return sql::int64Of(q.getColumn(0));
}

qint64 intOf(SQLite::Database &db, const std::string &sql, std::initializer_list<qint64> params)
{
    return optionalInt(db, sql, params).value_or(0);
}

// Counts and durations of one task (or all) as they accumulate.
struct Tally
{
    TaskRangeSummary figures;
    std::vector<qint64> durations; // exact path: every run's duration
    DurationHistogram histogram;   // estimated path: of the buckets that have one

    void count(int outcome, qint64 n)
    {
        switch (Outcome(outcome)) {
        case Outcome::Success:
            figures.successes += n;
            break;
        case Outcome::Failure:
            figures.failures += n;
            break;
        case Outcome::Timeout:
            figures.timeouts += n;
            break;
        case Outcome::Skipped:
            figures.skipped += n;
            return;
        case Outcome::Cancelled:
            figures.cancelled += n;
            break;
        }
        figures.runs += n;
    }
};

void finishExact(Tally &t)
{
    DurationPercentiles &d = t.figures.durations;
    std::vector<qint64> &v = t.durations;
    d.sampleRuns = qint64(v.size());
    if (v.empty()) {
        d.precision = t.figures.runs > 0 ? Precision::Unavailable : Precision::Exact;
        return;
    }
    d.precision = Precision::Exact;
    const auto at = [&v](qint64 rank) {
        const auto nth = v.begin() + (rank - 1);
        std::nth_element(v.begin(), nth, v.end());
        return *nth;
    };
    const qint64 n = qint64(v.size());
    d.p50Ms = at(nearestRank(50, n));
    d.p95Ms = at(nearestRank(95, n));
    d.p99Ms = at(nearestRank(99, n));
    d.maxMs = *std::max_element(v.begin(), v.end());
    v.clear();
    v.shrink_to_fit();
}

void finishEstimated(Tally &t)
{
    DurationPercentiles &d = t.figures.durations;
    const qint64 n = t.histogram.total();
    d.sampleRuns = n;
    if (n == 0) {
        d.precision = t.figures.runs > 0 ? Precision::Unavailable : Precision::Estimated;
        return;
    }
    d.precision = Precision::Estimated;
    d.p50Ms = t.histogram.valueAtRank(nearestRank(50, n), d.maxMs);
    d.p95Ms = t.histogram.valueAtRank(nearestRank(95, n), d.maxMs);
    d.p99Ms = t.histogram.valueAtRank(nearestRank(99, n), d.maxMs);
}

// Whether the raw rows of [fromMs, toMs) are all there. Retention removes every raw row older
// than a cut-off, so they are unless the range begins before the oldest raw row and the rollups
// (which outlive the raw rows) counted more runs there than the raw rows hold.
bool rawCovers(SQLite::Database &db, qint64 fromMs, qint64 toMs)
{
    const std::optional<qint64> first =
        optionalInt(db, "SELECT min(started_at_ms) FROM executions");
    if (first && fromMs >= *first)
        return true;
    const std::optional<qint64> firstMinute =
        optionalInt(db, "SELECT min(bucket_ms) FROM exec_minute");
    const bool minutes = firstMinute && *firstMinute <= bucketStart(fromMs, kMinuteMs);
    const qint64 width = minutes ? kMinuteMs : kHourMs;
    const qint64 lo = bucketStart(fromMs, width);
    const qint64 end = first ? std::min(*first, toMs - 1) : toMs - 1;
    const qint64 hi = bucketStart(end, width) + width;
    const qint64 rolled =
        intOf(db,
              std::string("SELECT sum(runs) FROM ") + (minutes ? "exec_minute" : "exec_hour") +
                  " WHERE bucket_ms >= ?1 AND bucket_ms < ?2",
              {lo, hi});
    const qint64 raw = intOf(db,
                             "SELECT count(*) FROM executions"
                             " WHERE started_at_ms >= ?1 AND started_at_ms < ?2",
                             {lo, hi});
    return rolled <= raw;
}

struct RollupSpan
{
    const char *table;
    qint64 fromMs;
    qint64 toMs;
};

// The rollup rows that cover [fromMs, toMs) with the fewest rows: hours inside, minutes at the
// edges, or hours throughout where the minute rollups no longer reach back.
QVector<RollupSpan> rollupSpans(SQLite::Database &db, qint64 fromMs, qint64 toMs)
{
    const qint64 fm = bucketStart(fromMs, kMinuteMs);
    const qint64 tm = bucketStart(toMs - 1, kMinuteMs) + kMinuteMs;
    const std::optional<qint64> firstMinute =
        optionalInt(db, "SELECT min(bucket_ms) FROM exec_minute");
    if (!firstMinute || *firstMinute > fm)
        return {
            {"exec_hour", bucketStart(fromMs, kHourMs), bucketStart(toMs - 1, kHourMs) + kHourMs}};
    const qint64 hourFrom = bucketStart(fm + kHourMs - 1, kHourMs);
    const qint64 hourTo = bucketStart(tm, kHourMs);
    if (hourFrom >= hourTo)
        return {{"exec_minute", fm, tm}};
    QVector<RollupSpan> spans;
    if (fm < hourFrom)
        spans.append({"exec_minute", fm, hourFrom});
    spans.append({"exec_hour", hourFrom, hourTo});
    if (hourTo < tm)
        spans.append({"exec_minute", hourTo, tm});
    return spans;
}

struct RollupTotals
{
    qint64 runs = 0;                // executions rows, skipped ones included
    bool histogramsComplete = true; // every bucket with runs has a histogram
};

RollupTotals rollupTotals(SQLite::Database &db, const QVector<RollupSpan> &spans,
                          bool hasHistograms)
{
    RollupTotals totals;
    for (const RollupSpan &span : spans) {
        totals.runs += intOf(db,
                             std::string("SELECT sum(runs) FROM ") + span.table +
                                 " WHERE bucket_ms >= ?1 AND bucket_ms < ?2",
                             {span.fromMs, span.toMs});
        if (!hasHistograms) {
            totals.histogramsComplete = false;
        } else if (totals.histogramsComplete) {
            totals.histogramsComplete =
                intOf(db,
                      std::string("SELECT count(*) FROM ") + span.table +
                          " WHERE bucket_ms >= ?1 AND bucket_ms < ?2 AND hist IS NULL"
                          " AND runs > skipped",
                      {span.fromMs, span.toMs}) == 0;
        }
    }
    return totals;
}

// A task name per row, converted once per distinct name.
class TaskNames
{
public:
    Tally &tallyOf(QMap<QString, Tally> &tallies, const SQLite::Column &column)
    {
        const char *text = column.getText();
        const std::string key(text, size_t(column.getBytes()));
        auto it = m_names.find(key);
        if (it == m_names.end())
            it = m_names.insert(key, QString::fromStdString(key));
        Tally &t = tallies[*it];
        t.figures.task = *it;
        return t;
    }

private:
    QHash<std::string, QString> m_names;
};

// Every run of [fromMs, toMs) into `tallies`, by task. Rows are appended in time order, so the
// range's rows are one stretch of rowids: one sequential pass over it reads each page once,
// where a pass per task along the (task, started_at_ms) index would look up every row's page
// once per task.
void readRawRuns(SQLite::Database &db, qint64 fromMs, qint64 toMs, QMap<QString, Tally> *tallies)
{
    SQLite::Statement ids(db, "SELECT min(id), max(id) FROM executions"
                              " WHERE started_at_ms >= ?1 AND started_at_ms < ?2");
    sql::bindInt(ids, 1, fromMs);
    sql::bindInt(ids, 2, toMs);
    if (!ids.executeStep() || ids.getColumn(0).isNull())
        return;
    // NOT INDEXED: the rowid range, never the started_at_ms index (a lookup per row).
    SQLite::Statement q(db, "SELECT task, duration_ms, " + outcomeCase(5) +
                                " FROM executions NOT INDEXED WHERE id >= ?1 AND id <= ?2"
                                " AND started_at_ms >= ?3 AND started_at_ms < ?4");
    sql::bindInt(q, 1, sql::int64Of(ids.getColumn(0)));
    sql::bindInt(q, 2, sql::int64Of(ids.getColumn(1)));
    sql::bindInt(q, 3, fromMs);
    sql::bindInt(q, 4, toMs);
    bindOutcomeNames(q, 5);
    // The few task names, matched by their UTF-8 bytes: no string made per row.
    std::vector<std::pair<std::string, Tally *>> names;
    const int skipped = int(Outcome::Skipped);
    while (q.executeStep()) {
        const SQLite::Column task = q.getColumn(0);
        const char *text = task.getText();
        const size_t size = size_t(task.getBytes());
        Tally *t = nullptr;
        for (auto &[name, tally] : names) {
            if (name.size() == size && std::memcmp(name.data(), text, size) == 0) {
                t = tally;
                break;
            }
        }
        if (!t) {
            const QString key = QString::fromUtf8(text, qsizetype(size));
            t = &(*tallies)[key]; // QMap's nodes stay put as others are inserted
            t->figures.task = key;
            names.emplace_back(std::string(text, size), t);
        }
        const int outcome = q.getColumn(2).getInt();
        t->count(outcome, 1);
        if (outcome != skipped)
            t->durations.push_back(sql::int64Of(q.getColumn(1)));
    }
}

} // namespace

bool isAdminAuditEntry(const AuditEntry &entry)
{
    return !entry.actor.startsWith(kTaskActorPrefix) && entry.actor != kLedgerActor;
}

RangeSummary MetricsReader::rangeSummary(qint64 fromMs, qint64 toMs,
                                         const RangeSummaryOptions &options)
{
    RangeSummary out;
    out.fromMs = fromMs;
    out.toMs = toMs;
    out.spanFromMs = fromMs;
    out.spanToMs = toMs;
    if (toMs <= fromMs)
        return out;
    QElapsedTimer timer;
    timer.start();
    SQLite::Database &db = *m_db;
    try {
        out.rawComplete = rawCovers(db, fromMs, toMs);
        const bool hasHistograms = m_schemaVersion >= schema::kHistogramVersion;
        const QVector<RollupSpan> spans = rollupSpans(db, fromMs, toMs);
        bool useRaw = out.rawComplete;
        if (useRaw) {
            if (options.source == RangeSummaryOptions::Source::Rollups) {
                useRaw = false;
            } else {
                const RollupTotals totals = rollupTotals(db, spans, hasHistograms);
                useRaw = totals.runs <= options.exactRunLimit || !totals.histogramsComplete;
            }
        }

        QMap<QString, Tally> tallies;
        Tally total;
        if (useRaw) {
            out.precision = Precision::Exact;
            readRawRuns(db, fromMs, toMs, &tallies);
            for (Tally &t : tallies) {
                total.durations.insert(total.durations.end(), t.durations.cbegin(),
                                       t.durations.cend());
                finishExact(t);
            }
            for (const Tally &t : std::as_const(tallies)) {
                total.count(int(Outcome::Success), t.figures.successes);
                total.count(int(Outcome::Failure), t.figures.failures);
                total.count(int(Outcome::Timeout), t.figures.timeouts);
                total.count(int(Outcome::Skipped), t.figures.skipped);
                total.count(int(Outcome::Cancelled), t.figures.cancelled);
            }
            finishExact(total);
        } else {
            out.precision = Precision::Estimated;
            out.spanFromMs = spans.constFirst().fromMs;
            out.spanToMs = spans.constLast().toMs;
            TaskNames names;
            for (const RollupSpan &span : spans) {
                SQLite::Statement q(db, std::string("SELECT task, successes, failures, timeouts,"
                                                    " skipped, cancelled, max_ms, ") +
                                            (hasHistograms ? "hist" : "NULL") + " FROM " +
                                            span.table +
                                            " WHERE bucket_ms >= ?1 AND bucket_ms < ?2");
                sql::bindInt(q, 1, span.fromMs);
                sql::bindInt(q, 2, span.toMs);
                while (q.executeStep()) {
                    Tally &t = names.tallyOf(tallies, q.getColumn(0));
                    for (int i = 0; i < 5; ++i)
                        t.count(i, sql::int64Of(q.getColumn(1 + i)));
                    const qint64 started =
                        sql::int64Of(q.getColumn(1)) + sql::int64Of(q.getColumn(2)) +
                        sql::int64Of(q.getColumn(3)) + sql::int64Of(q.getColumn(5));
                    if (started > 0) {
                        DurationPercentiles &d = t.figures.durations;
                        d.maxMs = std::max(d.maxMs, sql::int64Of(q.getColumn(6)));
                    }
                    const SQLite::Column hist = q.getColumn(7);
                    std::optional<DurationHistogram> h;
                    if (hist.isBlob())
                        h = DurationHistogram::decode(static_cast<const char *>(hist.getBlob()),
                                                      hist.getBytes());
                    if (h)
                        t.histogram.add(*h);
                }
            }
            for (Tally &t : tallies) {
                total.figures.successes += t.figures.successes;
                total.figures.failures += t.figures.failures;
                total.figures.timeouts += t.figures.timeouts;
                total.figures.skipped += t.figures.skipped;
                total.figures.cancelled += t.figures.cancelled;
                total.figures.runs += t.figures.runs;
                total.figures.durations.maxMs =
                    std::max(total.figures.durations.maxMs, t.figures.durations.maxMs);
                total.histogram.add(t.histogram);
                finishEstimated(t);
            }
            finishEstimated(total);
        }
        for (Tally &t : tallies)
            out.tasks.append(std::move(t.figures));
        out.total = std::move(total.figures);

        readRangeEvents(fromMs, toMs, options.listLimit, &out);
    } catch (const std::exception &e) {
        fail(e, "range summary");
    }
    qCDebug(lcStore) << "range summary of" << m_path << "in" << timer.elapsed()
                     << "ms:" << out.total.runs << "runs," << precisionName(out.precision);
    return out;
}

// The range's ticks, breaker openings, admin actions and alerts: raw rows only, few of them.
void MetricsReader::readRangeEvents(qint64 fromMs, qint64 toMs, int listLimit, RangeSummary *out)
{
    SQLite::Database &db = *m_db;
    out->ticks =
        intOf(db, "SELECT count(*) FROM ticks WHERE started_at_ms >= ?1 AND started_at_ms < ?2",
              {fromMs, toMs});

    // Events are appended in time order, so rowid order is time order (ties included).
    SQLite::Statement openings(
        db, "SELECT o.ts_ms, o.task, o.reason,"
            " (SELECT c.ts_ms FROM breaker_events c WHERE c.ts_ms >= o.ts_ms"
            "  AND c.rowid > o.rowid AND c.task = o.task AND c.to_state = ?3"
            "  ORDER BY c.ts_ms, c.rowid LIMIT 1) AS closed"
            " FROM breaker_events o WHERE o.ts_ms >= ?1 AND o.ts_ms < ?2"
            " AND o.from_state = ?3 AND o.to_state = ?4 ORDER BY o.ts_ms, o.rowid");
    SQLite::Statement reopenings(db, "SELECT count(*) FROM breaker_events WHERE ts_ms >= ?1"
                                     " AND ts_ms <= ?2 AND task = ?3 AND from_state = ?4"
                                     " AND to_state = ?5");
    const std::string closed = breakerStateName(BreakerState::Closed).toStdString();
    const std::string open = breakerStateName(BreakerState::Open).toStdString();
    const std::string halfOpen = breakerStateName(BreakerState::HalfOpen).toStdString();
    sql::bindInt(openings, 1, fromMs);
    sql::bindInt(openings, 2, toMs);
    openings.bind(3, closed);
    openings.bind(4, open);
    while (openings.executeStep()) {
        BreakerOpening o;
        o.openedAtMs = sql::int64Of(openings.getColumn(0));
        o.task = sql::textOf(openings.getColumn(1));
        o.reason = sql::textOf(openings.getColumn(2));
        if (!openings.getColumn(3).isNull())
            o.closedAtMs = sql::int64Of(openings.getColumn(3));
        sql::bindInt(reopenings, 1, o.openedAtMs);
        sql::bindInt(reopenings, 2,
                     o.isClosed() ? o.closedAtMs : std::numeric_limits<qint64>::max());
        reopenings.bind(3, sql::utf8(o.task));
        reopenings.bind(4, halfOpen);
        reopenings.bind(5, open);
        if (reopenings.executeStep())
            o.reopenings = reopenings.getColumn(0).getInt();
        reopenings.reset();
        out->breakerOpenings.append(o);
    }

    const std::string adminFilter = " WHERE ts_ms >= ?1 AND ts_ms < ?2"
                                    " AND substr(actor, 1, ?3) <> ?4 AND actor <> ?5";
    const auto bindAdmin = [&](SQLite::Statement &q) {
        sql::bindInt(q, 1, fromMs);
        sql::bindInt(q, 2, toMs);
        q.bind(3, int(kTaskActorPrefix.size()));
        q.bind(4, sql::utf8(kTaskActorPrefix));
        q.bind(5, sql::utf8(kLedgerActor));
    };
    SQLite::Statement adminCount(db, "SELECT count(*) FROM audit_log" + adminFilter);
    bindAdmin(adminCount);
    adminCount.executeStep();
    out->adminActionCount = sql::int64Of(adminCount.getColumn(0));
    SQLite::Statement admin(db, "SELECT ts_ms, actor, action, detail FROM audit_log" + adminFilter +
                                    " ORDER BY ts_ms DESC, id DESC LIMIT ?6");
    bindAdmin(admin);
    admin.bind(6, listLimit);
    while (admin.executeStep()) {
        AuditEntry e;
        e.tsMs = sql::int64Of(admin.getColumn(0));
        e.actor = sql::textOf(admin.getColumn(1));
        e.action = sql::textOf(admin.getColumn(2));
        e.detail = sql::textOf(admin.getColumn(3));
        out->adminActions.append(e);
    }
    std::reverse(out->adminActions.begin(), out->adminActions.end());

    if (m_schemaVersion >= 6) { // the version that added notification_events
        const std::string filter = " FROM notification_events WHERE ts_ms >= ?1 AND ts_ms < ?2"
                                   " AND kind = ?3";
        const std::string kind = NotificationKind::AlertRaised.toStdString();
        SQLite::Statement count(db, "SELECT count(*)" + filter);
        sql::bindInt(count, 1, fromMs);
        sql::bindInt(count, 2, toMs);
        count.bind(3, kind);
        count.executeStep();
        out->alertsRaisedCount = sql::int64Of(count.getColumn(0));
        SQLite::Statement alerts(db, "SELECT ts_ms, severity, subject, title" + filter +
                                         " ORDER BY ts_ms DESC, rowid DESC LIMIT ?4");
        sql::bindInt(alerts, 1, fromMs);
        sql::bindInt(alerts, 2, toMs);
        alerts.bind(3, kind);
        alerts.bind(4, listLimit);
        while (alerts.executeStep()) {
            AlertRaised a;
            a.tsMs = sql::int64Of(alerts.getColumn(0));
            a.severity = sql::textOf(alerts.getColumn(1));
            a.subject = sql::textOf(alerts.getColumn(2));
            a.title = sql::textOf(alerts.getColumn(3));
            out->alertsRaised.append(a);
        }
        std::reverse(out->alertsRaised.begin(), out->alertsRaised.end());
    }
}

} // namespace hb
