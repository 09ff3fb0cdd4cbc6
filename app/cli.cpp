#include "cli.h"

#include <QCoreApplication>

#include <cstdio>

namespace hb::cli {

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("data-dir"),
                      QCoreApplication::translate("hb::cli",
                                                  "Data directory (config.json, metrics.db, "
                                                  "ledger/). Default: %1.")
                          .arg(QStringLiteral("~/.local/share/heartbeat")),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("tick-ms"),
                      QCoreApplication::translate(
                          "hb::cli", "Tick interval in milliseconds for this run (default: from "
                                     "config.json; 30000 in production, 2000 in demo)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("demo-loans"),
                      QCoreApplication::translate(
                          "hb::cli", "Loans in the demo ledger of a new demo data directory, "
                                     "0 to 1000000 (default: 5000)."),
                      QStringLiteral("N")});
    parser.addHelpOption();
    parser.addVersionOption();
}

void printError(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                 qPrintable(message));
    std::fflush(stderr);
}

std::optional<int> parse(QCommandLineParser &parser, RuntimeOptions *options)
{
    if (!parser.parse(QCoreApplication::arguments())) {
        printError(QCoreApplication::translate("hb::cli", "%1 (see '%2 --help')")
                       .arg(parser.errorText(), QCoreApplication::applicationName()));
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QCoreApplication::translate("hb::cli", "unexpected argument '%1'")
                       .arg(parser.positionalArguments().constFirst()));
        return ExitBadInput;
    }
    options->dataDir = parser.value(QStringLiteral("data-dir"));
    if (!readInteger(parser, QStringLiteral("tick-ms"), 10, 86'400'000,
                     &options->tickIntervalOverrideMs))
        return ExitBadInput;
    if (!readInteger(parser, QStringLiteral("demo-loans"), 0, 1'000'000, &options->demoLoans))
        return ExitBadInput;
    return std::nullopt;
}

bool readInteger(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                 qint64 *value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        printError(QCoreApplication::translate("hb::cli",
                                               "--%1 must be a whole number from %2 to %3 (got '%4')")
                       .arg(name)
                       .arg(min)
                       .arg(max)
                       .arg(parser.value(name)));
        return false;
    }
    *value = v;
    return true;
}

bool readSeconds(const QCommandLineParser &parser, const QString &name, double *value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double v = parser.value(name).toDouble(&ok);
    if (!ok || !(v > 0.0) || v > 31'536'000.0) {
        printError(QCoreApplication::translate("hb::cli",
                                               "--%1 must be a positive number of seconds (got '%2')")
                       .arg(name, parser.value(name)));
        return false;
    }
    *value = v;
    return true;
}

} // namespace hb::cli
