#include "schedulecommand.h"

#include "cli.h"
#include "core/cronexpr.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <cstdio>
#include <cstdlib>

namespace hb::cli {

namespace {

// "2026-03-29T03:00:00+02:00": always the offset, "+00:00" in UTC too.
QString scheduleIsoTime(qint64 ms, const QTimeZone &tz)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, tz);
    const int offset = local.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + (offset < 0 ? u'-' : u'+') +
           QStringLiteral("%1:%2")
               .arg(minutes / 60, 2, 10, QChar(u'0'))
               .arg(minutes % 60, 2, 10, QChar(u'0'));
}

// --from: an instant (with an offset or Z), a wall time in the zone, or a date (its midnight).
std::optional<qint64> scheduleStart(const QString &text, const QTimeZone &tz)
{
    const QDateTime given = QDateTime::fromString(text, Qt::ISODate);
    if (given.isValid()) {
        if (given.timeSpec() != Qt::LocalTime)
            return given.toMSecsSinceEpoch();
        return CronExpr::wallTimeToUtc(given.date(), given.time(), tz);
    }
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return CronExpr::wallTimeToUtc(date, QTime(0, 0), tz);
    return std::nullopt;
}

} // namespace

std::optional<int> runScheduleCommand(const QStringList &args)
{
    if (args.size() < 2 || args.at(1) != u"schedule")
        return std::nullopt;

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "hb::cli",
        "The next run times of a cron schedule, one per line (ISO 8601 with the offset).\n"
        "EXPR: minute hour day-of-month month day-of-week, e.g. \"*/15 9-17 * * mon-fri\"."));
    parser.addOption({QStringLiteral("cron"),
                      QCoreApplication::translate("hb::cli", "The cron expression (5 fields, or "
                                                             "@hourly, @daily, @weekly, …)."),
                      QStringLiteral("EXPR")});
    parser.addOption({QStringLiteral("tz"),
                      QCoreApplication::translate(
                          "hb::cli", "Time zone, e.g. Asia/Jakarta (default: the system's)."),
                      QStringLiteral("ZONE")});
    parser.addOption(
        {QStringLiteral("from"),
         QCoreApplication::translate("hb::cli", "Runs after this time, ISO 8601; without an "
                                                "offset it is a time in the zone (default: now)."),
         QStringLiteral("ISO")});
    parser.addOption(
        {QStringLiteral("count"),
         QCoreApplication::translate("hb::cli", "How many runs, 1 to 1000 (default: 5)."),
         QStringLiteral("N")});
    parser.addPositionalArgument(QStringLiteral("schedule"), QString(), QStringLiteral("schedule"));
    parser.addHelpOption();

    // Parsed as if the word were not there; the program name stays first.
    if (!parser.parse(QStringList{args.constFirst()} + args.mid(2))) {
        printError(QCoreApplication::translate("hb::cli", "%1 (see '%2 %3 --help')")
                       .arg(parser.errorText(), QCoreApplication::applicationName(),
                            QStringLiteral("schedule")));
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QCoreApplication::translate("hb::cli", "unexpected argument '%1'")
                       .arg(parser.positionalArguments().constFirst()));
        return ExitBadInput;
    }
    if (!parser.isSet(QStringLiteral("cron"))) {
        printError(QCoreApplication::translate("hb::cli", "schedule needs --cron EXPR"));
        return ExitBadInput;
    }

    CronError error;
    const std::optional<CronExpr> expr =
        CronExpr::parse(parser.value(QStringLiteral("cron")), &error);
    if (!expr) {
        printError(QCoreApplication::translate("hb::cli", "bad cron expression at position %1: %2")
                       .arg(error.position)
                       .arg(error.reason));
        return ExitBadInput;
    }

    QTimeZone tz = QTimeZone::systemTimeZone();
    if (parser.isSet(QStringLiteral("tz"))) {
        const QString zone = parser.value(QStringLiteral("tz"));
        tz = QTimeZone(zone.toUtf8());
        if (zone.isEmpty() || !tz.isValid()) {
            printError(QCoreApplication::translate("hb::cli", "unknown time zone '%1'").arg(zone));
            return ExitBadInput;
        }
    }

    qint64 count = 5;
    if (!readInteger(parser, QStringLiteral("count"), 1, 1000, &count))
        return ExitBadInput;

    qint64 after = QDateTime::currentMSecsSinceEpoch();
    if (parser.isSet(QStringLiteral("from"))) {
        const QString from = parser.value(QStringLiteral("from"));
        const std::optional<qint64> start = scheduleStart(from, tz);
        if (!start) {
            printError(QCoreApplication::translate(
                           "hb::cli", "--from must be an ISO 8601 date or date and time, e.g. "
                                      "2026-03-29T01:30:00+01:00 (got '%1')")
                           .arg(from));
            return ExitBadInput;
        }
        after = *start;
    }

    for (qint64 i = 0; i < count; ++i) {
        const std::optional<CronRun> run = expr->next(after, tz);
        if (!run)
            break;
        QString line = scheduleIsoTime(run->atMs, tz);
        if (run->movedByGap)
            line +=
                u"  " + QCoreApplication::translate(
                            "hb::cli", "(%1 does not exist on this day: moved by the DST change)")
                            .arg(run->wallTime.toString(QStringLiteral("HH:mm")));
        std::fputs(qPrintable(line + u'\n'), stdout);
        after = run->atMs;
    }
    std::fflush(stdout);
    return ExitOk;
}

} // namespace hb::cli
