#include "analysiscli.h"

#include "analysisreport.h"

#include "cli.h"
#include "store/metricscsv.h"
#include "store/metricsreader.h"
#include "store/storeerror.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTimeZone>

#include <functional>

namespace hb::analysis {

namespace {

const QString kOpen = QStringLiteral("open");
const QString kExportCsv = QStringLiteral("export-csv");
const QString kReport = QStringLiteral("report");
const QString kCsvRows = QStringLiteral("csv-rows");
const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");

// The options that write a file and need no window; each is one branch of run().
QStringList outputOptions()
{
    return {kExportCsv, kReport};
}

// A time as ISO 8601: a date (midnight), or a date and time with an optional offset; without
// an offset it is UTC, so a script's range means the same on every machine.
std::optional<qint64> parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay(QTimeZone::utc());
    }
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc());
    return time.toMSecsSinceEpoch();
}

bool readTime(const QCommandLineParser &parser, const QString &name, std::optional<qint64> *ms)
{
    if (!parser.isSet(name))
        return true;
    *ms = parseTime(parser.value(name));
    if (*ms)
        return true;
    cli::printError(QCoreApplication::translate(
                        "hb::analysis", "--%1 must be an ISO 8601 date or time, e.g. 2026-12-01 or "
                                        "2026-12-01T09:30:00Z (got '%2')")
                        .arg(name, parser.value(name)));
    return false;
}

// What the command line asked for, checked.
struct Request
{
    QString metricsPath;
    std::optional<qint64> fromMs;
    std::optional<qint64> toMs;
};

// [from, to) of the request; the file's own first and last times stand in for what is not
// given ("the whole file"). Empty (to <= from) when the file holds nothing in it.
std::pair<qint64, qint64> rangeOf(const Request &request, MetricsReader &reader)
{
    const std::optional<MetricsReader::TimeSpan> span = reader.timeSpan();
    const qint64 from = request.fromMs.value_or(span ? span->firstMs : 0);
    const qint64 to = request.toMs.value_or(span ? span->lastMs + 1 : from);
    return {from, to};
}

// Writes `outPath` whole or not at all (QSaveFile: a failure leaves no partial file and an
// older file of that name as it was).
int writeOutput(const QString &outPath, const Request &request,
                const std::function<void(QIODevice &)> &write)
{
    if (QFileInfo::exists(outPath) && QFileInfo(outPath).canonicalFilePath() ==
                                          QFileInfo(request.metricsPath).canonicalFilePath()) {
        cli::printError(
            QCoreApplication::translate(
                "hb::analysis", "%1: is the metrics file being read; choose another output file")
                .arg(outPath));
        return cli::ExitBadInput;
    }
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly)) {
        cli::printError(QCoreApplication::translate("hb::analysis", "%1: cannot write (%2)")
                            .arg(outPath, out.errorString()));
        return cli::ExitBadInput;
    }
    try {
        write(out);
    } catch (const StoreError &e) {
        out.cancelWriting();
        cli::printError(e.message());
        return cli::ExitBadInput;
    }
    if (!out.commit()) {
        cli::printError(QCoreApplication::translate("hb::analysis", "%1: cannot write (%2)")
                            .arg(outPath, out.errorString()));
        return cli::ExitBadInput;
    }
    return cli::ExitOk;
}

int exportCsv(const QCommandLineParser &parser, const Request &request, MetricsReader &reader)
{
    const QString rows =
        parser.isSet(kCsvRows) ? parser.value(kCsvRows) : QStringLiteral("buckets");
    const std::pair<qint64, qint64> range = rangeOf(request, reader);
    const qint64 from = range.first;
    const qint64 to = range.second;
    std::function<void(QIODevice &)> write;
    if (rows == u"buckets") {
        const MetricsReader::Resolution bucket = csv::bucketFor(to - from);
        write = [&reader, from, to, bucket](QIODevice &out) {
            writeAggregatesCsv(reader, from, to, bucket, out);
        };
    } else if (rows == u"runs") {
        write = [&reader, from, to](QIODevice &out) { writeRunsCsv(reader, from, to, out); };
    } else if (rows == u"audit") {
        write = [&reader, from, to](QIODevice &out) { writeAuditCsv(reader, from, to, out); };
    } else {
        cli::printError(QCoreApplication::translate(
                            "hb::analysis", "--%1 must be buckets, runs or audit (got '%2')")
                            .arg(kCsvRows, rows));
        return cli::ExitBadInput;
    }
    return writeOutput(parser.value(kExportCsv), request, write);
}

// The maintenance report of the range, charts drawn offscreen; the format by the suffix.
int writeReport(const QCommandLineParser &parser, const Request &request, MetricsReader &reader)
{
    const QString outPath = parser.value(kReport);
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != u"pdf" && suffix != u"html" && suffix != u"htm") {
        cli::printError(QCoreApplication::translate(
                            "hb::analysis", "%1: a report is .pdf or .html")
                            .arg(outPath));
        return cli::ExitBadInput;
    }
    if (QFileInfo::exists(outPath) && QFileInfo(outPath).canonicalFilePath() ==
                                          QFileInfo(request.metricsPath).canonicalFilePath()) {
        cli::printError(
            QCoreApplication::translate(
                "hb::analysis", "%1: is the metrics file being read; choose another output file")
                .arg(outPath));
        return cli::ExitBadInput;
    }
    const std::pair<qint64, qint64> range = rangeOf(request, reader);
    ReportRequest report;
    report.metricsPath = request.metricsPath;
    report.outPath = outPath;
    report.fromMs = range.first;
    report.toMs = range.second;
    const QString error = writeAnalysisReport(report);
    if (!error.isEmpty()) {
        cli::printError(error);
        return cli::ExitBadInput;
    }
    return cli::ExitOk;
}

} // namespace

void addOptions(QCommandLineParser &parser)
{
    parser.addOption({kOpen,
                      QCoreApplication::translate(
                          "hb::analysis",
                          "Open a saved metrics.db read-only for analysis (it is never changed). "
                          "A file that is not one this build can read: one line and status 2."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {kExportCsv,
         QCoreApplication::translate(
             "hb::analysis", "With --open: write a CSV of the range to FILE and exit, without a "
                             "window (see --csv-rows, --from, --to)."),
         QStringLiteral("FILE")});
    parser.addOption(
        {kReport,
         QCoreApplication::translate(
             "hb::analysis", "With --open: write the maintenance report of the range to FILE "
                             "(.pdf or .html) and exit, without a window (see --from, --to)."),
         QStringLiteral("FILE")});
    parser.addOption({kCsvRows,
                      QCoreApplication::translate(
                          "hb::analysis",
                          "What --export-csv writes: buckets (per task and minute or hour: runs, "
                          "outcomes, avg_ms, max_ms; the default), runs or audit."),
                      QStringLiteral("ROWS")});
    parser.addOption(
        {kFrom,
         QCoreApplication::translate(
             "hb::analysis", "Start of the range (ISO 8601, UTC unless it has an offset; default: "
                             "the start of the file)."),
         QStringLiteral("TIME")});
    parser.addOption({kTo,
                      QCoreApplication::translate(
                          "hb::analysis",
                          "End of the range, exclusive (ISO 8601; default: the end of the file)."),
                      QStringLiteral("TIME")});
}

bool wantsHeadlessRun(int argc, char *argv[])
{
    const QStringList outputs = outputOptions();
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        for (const QString &name : outputs) {
            if (arg == u"--" + name || arg.startsWith(u"--" + name + u'='))
                return true;
        }
    }
    return false;
}

std::optional<int> run(const QCommandLineParser &parser, QString *openPath)
{
    openPath->clear();
    QString output;
    for (const QString &name : outputOptions()) {
        if (parser.isSet(name) && output.isEmpty())
            output = name;
    }
    if (!parser.isSet(kOpen)) {
        for (const QString &name : outputOptions() + QStringList{kCsvRows, kFrom, kTo}) {
            if (parser.isSet(name)) {
                cli::printError(
                    QCoreApplication::translate("hb::analysis", "--%1 needs --open FILE.db")
                        .arg(name));
                return cli::ExitBadInput;
            }
        }
        return std::nullopt;
    }

    Request request;
    request.metricsPath = parser.value(kOpen);
    if (!readTime(parser, kFrom, &request.fromMs) || !readTime(parser, kTo, &request.toMs))
        return cli::ExitBadInput;
    if (request.fromMs && request.toMs && *request.fromMs >= *request.toMs) {
        cli::printError(
            QCoreApplication::translate("hb::analysis", "--from (%1) must be before --to (%2)")
                .arg(parser.value(kFrom), parser.value(kTo)));
        return cli::ExitBadInput;
    }
    if (parser.isSet(kCsvRows) && output != kExportCsv) {
        cli::printError(QCoreApplication::translate("hb::analysis", "--%1 needs --%2 FILE")
                            .arg(kCsvRows, kExportCsv));
        return cli::ExitBadInput;
    }

    std::unique_ptr<MetricsReader> reader;
    try {
        reader = std::make_unique<MetricsReader>(request.metricsPath);
    } catch (const StoreError &e) {
        cli::printError(e.message());
        return cli::ExitBadInput;
    }
    if (!output.isEmpty()) {
        // A headless run ends every failure with its own one line (the StoreError's message);
        // the store's log line for the same failure would only repeat it. QT_LOGGING_RULES
        // still turns it back on.
        QLoggingCategory::setFilterRules(QStringLiteral("hb.store.warning=false"));
    }
    try {
        if (output == kExportCsv)
            return exportCsv(parser, request, *reader);
        if (output == kReport)
            return writeReport(parser, request, *reader);
    } catch (const StoreError &e) {
        cli::printError(e.message()); // a damaged page met while reading
        return cli::ExitBadInput;
    }
    *openPath = request.metricsPath;
    return std::nullopt;
}

} // namespace hb::analysis
