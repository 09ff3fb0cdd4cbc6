#pragma once

#include "core/clock.h"
#include "datasource.h"
#include "ssestream.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace hb {

// Another process's engine, read through its HTTP API (the wall's `--connect URL`): the event
// stream GET /api/v1/events for snapshots and records, GET /api/v1/machines polled, and the paged
// reads for what was missed while away (docs/api.md, "Event stream", "Paged reads").
//
// It says how current its data is (status()): Connecting until the first snapshot, Live while
// snapshots come as the engine's tick promises, Quiet when one is late or the engine stops
// answering (then it reconnects), Unreachable / Unauthorised / BadStream while it retries with
// backoff (exponential, with jitter), NewerApi and BadAddress when retrying cannot help (NewerApi
// still asks again at the longest backoff: an engine may be rolled back). Every time it reports
// is from the injected clock; timeouts are measured on a monotonic clock.
//
// The stream's own "retry:" hint is not followed: the backoff above is what the wall promises.
// Reconnecting sends Last-Event-ID, so the server's resume delivers no event twice and misses
// none. When the server cannot resume (it restarted: `reset`), the runs and ticks written since
// the last one seen are read with the paged reads and delivered before the live ones; a run
// (tick id and task) or tick (id) is never delivered twice. Memory stays bounded for weeks: the
// record of what was delivered keeps only the last minutes, and every reply is deleted.
//
// No command goes through it (commandHost() is null) and it has no metrics.db (metricsPath() is
// empty: history reads find nothing).
class RemoteSource final : public DataSource
{
    Q_OBJECT
public:
    // The API version this build speaks (the server's Heartbeat-Api-Version header).
    static constexpr int ApiVersion = 1;

    struct Options
    {
        QUrl baseUrl;     // http://host:port (a path prefix is kept: behind a reverse proxy)
        QByteArray token; // a viewer token is enough
        int backoffInitialMs = 1'000;
        int backoffMaxMs = 30'000;
        double jitter = 0.2; // each wait is shortened by up to this share, at random
        int machinesPollMs = 5'000;
        int graceMs = 1'500;         // a snapshot this late past the engine's next tick: quiet
        int maxSilenceMs = 4'000;    // nothing at all from the engine this long: quiet
        int probeAfterMs = 2'500;    // silent this long (a slow tick): ask /healthz if it lives
        int answerTimeoutMs = 5'000; // a request not answered within this: unreachable
        qsizetype maxEventBytes = SseStream::DefaultMaxEventBytes; // also a page's or list's
        qint64 backfillLimitMs = 3'600'000; // the most history read back after a restart
        std::shared_ptr<const Clock> clock; // null: the system clock
    };

    explicit RemoteSource(Options options, QObject *parent = nullptr);
    ~RemoteSource() override;

    Kind kind() const override { return Kind::Remote; }
    QString metricsPath() const override { return {}; }
    void start() override;
    bool hasMachines() const override { return true; }

    // Ends every connection and timer; start() begins again.
    void stop();

    const Options &options() const { return m_options; }

    // Counters, for tests and the benchmark.
    int attempts() const { return m_attempts; }        // requests for the stream made
    int connects() const { return m_connects; }        // streams answered with 200
    qint64 eventsReceived() const { return m_events; } // events read off the streams
    qint64 snapshotsReceived() const { return m_snapshots; }
    qint64 alertsReceived() const { return m_alerts; }
    qint64 auditReceived() const { return m_audit; }
    int resets() const { return m_resets; }             // `reset` events (server restarts)
    qint64 recordsFetched() const { return m_fetched; } // runs and ticks read by paged reads
    qint64 duplicatesDropped() const { return m_duplicates; }
    qsizetype rememberedRecords() const { return m_seenRuns.size() + m_seenTicks.size(); }
    QByteArray lastEventId() const { return m_lastEventId; }
    int liveRequests() const; // replies not yet deleted (all of them: stream, probe, polls)

private:
    enum class Retry { Backoff, Slow, Never };

    QUrl endpoint(const QString &path, const QList<QPair<QString, QString>> &query = {}) const;
    QNetworkReply *get(const QUrl &url, int timeoutMs);
    qint64 now() const { return m_clock->nowMs(); }

    void connectStream();
    void dropStream();
    void onStreamHeaders();
    void onStreamData();
    void onStreamFinished();
    bool handleEvent(const SseStream::Event &event); // false: the stream failed
    bool handleSnapshot(const QByteArray &data);
    bool handleRecords(const QByteArray &data);

    // A status that is not Live, with a retry as `retry` says.
    void fail(SourceStatus::State state, const QString &reason, Retry retry);
    // Reasons of a failed request; an HTTP answer is classified by its status and version.
    void failRequest(QNetworkReply *reply);
    void markLive();
    void goQuiet();
    void watch(); // the periodic check for a late or silent engine

    void pollMachines();
    void probe();

    // What was delivered, so nothing is delivered twice.
    RecordBatch unseen(const RecordBatch &batch);
    void prune();
    void deliver(const RecordBatch &batch);

    void startBackfill();
    void fetchPage();
    void onPage(QNetworkReply *reply);
    void finishBackfill();

    Options m_options;
    std::shared_ptr<const Clock> m_clock;
    QNetworkAccessManager *m_nam;
    bool m_started = false;

    // The stream.
    QPointer<QNetworkReply> m_stream;
    bool m_streamOpen = false; // answered 200 with an event stream
    std::unique_ptr<SseStream> m_sse;
    QByteArray m_lastEventId;
    QTimer m_answerTimer;
    QTimer m_retryTimer;
    QTimer m_watchTimer;
    QElapsedTimer m_mono;        // the monotonic clock of the deadlines below
    qint64 m_lastLifeMono = 0;   // the last sign of life (any byte, an answer to a probe)
    qint64 m_expectedByMono = 0; // the next snapshot is late after this (0: none expected)
    qint64 m_streamOpenedMono = 0;
    int m_failures = 0;          // since the last snapshot: the backoff's exponent
    qint64 m_failedSinceMs = 0;  // when a live stream closed (the outage's start)
    bool m_quickRetried = false; // a closed live stream was reopened at once, once
    bool m_resetSeen = false;    // the next snapshot starts over

    // Probing and polling.
    QPointer<QNetworkReply> m_probe;
    QPointer<QNetworkReply> m_machinesReply;
    QTimer m_machinesTimer;
    QByteArray m_machinesBody;

    // Delivered records: (tick id, task) → started at; tick id → started at.
    QHash<QPair<qint64, QString>, qint64> m_seenRuns;
    QHash<qint64, qint64> m_seenTicks;
    qsizetype m_pruneAt = 4096;
    qint64 m_newestRunMs = 0;    // the newest run delivered (the engine's clock)
    qint64 m_newestTickMs = 0;   // the newest tick delivered
    qint64 m_firstTakenAtMs = 0; // the first snapshot's time: nothing before it is owed
    qint64 m_lastTakenAtMs = 0;

    // Reading back what was missed.
    struct Backfill
    {
        bool owed = false;
        bool active = false;
        bool rescan = false; // live records were dropped meanwhile: read again when done
        bool ticks = false;  // reading ticks (after the runs)
        qint64 fromMs = 0;
        QString cursor;
        int attempts = 0;
        QPointer<QNetworkReply> reply;
        QVector<RecordBatch> held; // live records held back until the history is delivered
        qsizetype heldRecords = 0;
    } m_backfill;
    QTimer m_backfillRetry;

    // Counters.
    int m_attempts = 0;
    int m_connects = 0;
    qint64 m_events = 0;
    qint64 m_snapshots = 0;
    qint64 m_alerts = 0;
    qint64 m_audit = 0;
    int m_resets = 0;
    qint64 m_fetched = 0;
    qint64 m_duplicates = 0;
};

} // namespace hb
