#pragma once

// CSV exports of a metrics.db for spreadsheets and scripts (RFC 4180: comma-separated, CRLF line
// ends, a field with a comma, quote or line break quoted with its quotes doubled; UTF-8, no BOM),
// each with a header row. Times are ISO 8601 UTC ("2026-12-01T09:00:00Z"), and also in Unix ms
// where a script may want to join on them. The columns are documented in docs/csv-export.md.
//
// The writers stream: memory stays bounded however long the range. They throw StoreError (one
// line naming the metrics file) when reading fails. A write error is left on `out`: the caller
// checks it (a QSaveFile's commit() fails), so a half-written file never replaces a good one.

#include "core/records.h"
#include "store/metricsreader.h"

#include <QByteArray>
#include <QStringList>
#include <QVector>

class QIODevice;

namespace hb {

namespace csv {

// One field as RFC 4180 wants it: quoted only when it must be.
QByteArray field(const QString &text);
// One record: the fields joined by commas, ended with CRLF.
QByteArray record(const QStringList &fields);

// The bucket width for an export of a range `spanMs` long: minutes up to three days (as the
// charts), hours beyond.
MetricsReader::Resolution bucketFor(qint64 spanMs);

} // namespace csv

// Per task and bucket, every bucket that overlaps [fromMs, toMs) (whole): task, bucket_start,
// bucket_start_ms, bucket_minutes, runs, successes, failures, timeouts, cancelled, skipped,
// avg_ms, max_ms, total_ms. Raw reads as Minute. Returns the number of data rows.
qint64 writeAggregatesCsv(MetricsReader &reader, qint64 fromMs, qint64 toMs,
                          MetricsReader::Resolution bucket, QIODevice &out);

// Runs (executions rows): tick_id, task, started_at, started_at_ms, duration_ms, outcome, items,
// queued_ms (empty when not measured), error. From a selection the GUI holds, or every run that
// started in [fromMs, toMs), in time order.
qint64 writeRunsCsv(const QVector<ExecutionRecord> &runs, QIODevice &out);
qint64 writeRunsCsv(MetricsReader &reader, qint64 fromMs, qint64 toMs, QIODevice &out);

// Audit entries: time, ts_ms, actor, action, detail, uid (empty for entries that have none);
// of a range in time order.
qint64 writeAuditCsv(const QVector<AuditEntry> &entries, QIODevice &out);
qint64 writeAuditCsv(MetricsReader &reader, qint64 fromMs, qint64 toMs, QIODevice &out);

} // namespace hb
