#include "store/metricscsv.h"

#include "store/schema.h"

#include <QDateTime>
#include <QIODevice>

namespace hb {

namespace {

QString isoUtc(qint64 ms, Qt::DateFormat format = Qt::ISODateWithMs)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(format);
}

QString number(qint64 value)
{
    return QString::number(value);
}

void writeRecord(QIODevice &out, const QStringList &fields)
{
    out.write(csv::record(fields));
}

const QStringList &aggregateColumns()
{
    static const QStringList columns = {QStringLiteral("task"),
                                        QStringLiteral("bucket_start"),
                                        QStringLiteral("bucket_start_ms"),
                                        QStringLiteral("bucket_minutes"),
                                        QStringLiteral("runs"),
                                        QStringLiteral("successes"),
                                        QStringLiteral("failures"),
                                        QStringLiteral("timeouts"),
                                        QStringLiteral("cancelled"),
                                        QStringLiteral("skipped"),
                                        QStringLiteral("avg_ms"),
                                        QStringLiteral("max_ms"),
                                        QStringLiteral("total_ms")};
    return columns;
}

const QStringList &runColumns()
{
    static const QStringList columns = {
        QStringLiteral("tick_id"),     QStringLiteral("task"),
        QStringLiteral("started_at"),  QStringLiteral("started_at_ms"),
        QStringLiteral("duration_ms"), QStringLiteral("outcome"),
        QStringLiteral("items"),       QStringLiteral("queued_ms"),
        QStringLiteral("error")};
    return columns;
}

const QStringList &auditColumns()
{
    static const QStringList columns = {QStringLiteral("time"),   QStringLiteral("ts_ms"),
                                        QStringLiteral("actor"),  QStringLiteral("action"),
                                        QStringLiteral("detail"), QStringLiteral("uid")};
    return columns;
}

void writeRun(QIODevice &out, const ExecutionRecord &r)
{
    writeRecord(out, {number(r.tickId), r.task, isoUtc(r.startedAtMs), number(r.startedAtMs),
                      number(r.durationMs), outcomeName(r.outcome), number(r.items),
                      r.queuedMs ? number(*r.queuedMs) : QString(), r.error});
}

void writeAudit(QIODevice &out, const AuditEntry &e)
{
    writeRecord(out, {isoUtc(e.tsMs), number(e.tsMs), e.actor, e.action, e.detail, e.uid});
}

} // namespace

namespace csv {

QByteArray field(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    bool quote = false;
    for (const char c : std::as_const(utf8)) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return utf8;
    utf8.replace('"', QByteArrayLiteral("\"\""));
    return '"' + utf8 + '"';
}

QByteArray record(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += field(fields.at(i));
    }
    line += "\r\n";
    return line;
}

MetricsReader::Resolution bucketFor(qint64 spanMs)
{
    return spanMs <= 3 * schema::kDayMs ? MetricsReader::Resolution::Minute
                                        : MetricsReader::Resolution::Hour;
}

} // namespace csv

qint64 writeAggregatesCsv(MetricsReader &reader, qint64 fromMs, qint64 toMs,
                          MetricsReader::Resolution bucket, QIODevice &out)
{
    if (bucket == MetricsReader::Resolution::Raw)
        bucket = MetricsReader::Resolution::Minute;
    const QString minutes = number(MetricsReader::bucketWidthMs(bucket) / schema::kMinuteMs);
    writeRecord(out, aggregateColumns());
    qint64 written = 0;
    reader.forEachTaskBucket(
        fromMs, toMs, bucket, [&](const QString &task, const ExecutionBucket &b) {
            writeRecord(out, {task, isoUtc(b.bucketMs, Qt::ISODate), number(b.bucketMs), minutes,
                              number(b.runs()), number(b.successes), number(b.failures),
                              number(b.timeouts), number(b.cancelled), number(b.skipped),
                              QString::number(b.averageMs(), 'f', 3), number(b.maxMs),
                              number(b.totalMs)});
            ++written;
        });
    return written;
}

qint64 writeRunsCsv(const QVector<ExecutionRecord> &runs, QIODevice &out)
{
    writeRecord(out, runColumns());
    for (const ExecutionRecord &r : runs)
        writeRun(out, r);
    return runs.size();
}

qint64 writeRunsCsv(MetricsReader &reader, qint64 fromMs, qint64 toMs, QIODevice &out)
{
    writeRecord(out, runColumns());
    qint64 written = 0;
    reader.forEachExecution(fromMs, toMs, [&](const ExecutionRecord &r) {
        writeRun(out, r);
        ++written;
    });
    return written;
}

qint64 writeAuditCsv(const QVector<AuditEntry> &entries, QIODevice &out)
{
    writeRecord(out, auditColumns());
    for (const AuditEntry &e : entries)
        writeAudit(out, e);
    return entries.size();
}

qint64 writeAuditCsv(MetricsReader &reader, qint64 fromMs, qint64 toMs, QIODevice &out)
{
    writeRecord(out, auditColumns());
    qint64 written = 0;
    reader.forEachAuditEntry(fromMs, toMs, [&](const AuditEntry &e) {
        writeAudit(out, e);
        ++written;
    });
    return written;
}

} // namespace hb
