#include "machinecommand.h"

#include "cli.h"
#include "machines/machineregistry.h"
#include "machines/machinetypes.h"
#include "store/metricsreader.h"
#include "subcommand.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

namespace hb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::cli", text);
}

int add(const QString &name, const Subcommand &command)
{
    const QString text = command.parser().isSet(QStringLiteral("offline-after"))
                             ? command.parser().value(QStringLiteral("offline-after"))
                             : QStringLiteral("2m");
    const std::optional<qint64> offlineAfterMs = MachineRegistry::parseDuration(text);
    if (!offlineAfterMs || *offlineAfterMs < MachineRegistry::MinOfflineAfterMs ||
        *offlineAfterMs > MachineRegistry::MaxOfflineAfterMs)
        return Subcommand::fail(
            tr("--offline-after must be a duration from 1s to 30d such as 90s, 2m, 1h (got '%1')")
                .arg(text));
    // A first machine may come before the first engine run: the directory is made then.
    return command.issueSecret(
        [&](QString *error) {
            return MachineRegistry(command.dataDir()).add(name, *offlineAfterMs, error);
        },
        tr("added machine '%1' (down after %2 without a heartbeat); store its push token now: it "
           "is not shown again")
            .arg(name, MachineRegistry::durationText(*offlineAfterMs)));
}

int listMachines(const QString &dataDir)
{
    MachineRegistry registry(dataDir);
    QString error;
    if (!registry.reloadIfChanged(&error))
        return Subcommand::fail(error);
    // The state as the engine last judged it (machine_seen), if an engine ever ran here.
    QHash<QString, MachineSeenRecord> seen;
    const QString metricsPath = dataDir + QStringLiteral("/metrics.db");
    if (QFileInfo::exists(metricsPath)) {
        try {
            for (const MachineSeenRecord &row : MetricsReader(metricsPath).machineSeen())
                seen.insert(row.machine, row);
        } catch (const StoreError &e) {
            printError(e.message());
        }
    }
    QList<QStringList> rows{
        {tr("NAME"), tr("STATE"), tr("OFFLINE-AFTER"), tr("PAUSED"), tr("LAST-SEEN")}};
    for (const MachineEntry &m : registry.list()) {
        const MachineSeenRecord row = seen.value(m.name);
        rows.append({m.name, row.state.isEmpty() ? machineStateName(MachineState::New) : row.state,
                     MachineRegistry::durationText(m.offlineAfterMs),
                     m.paused ? tr("yes") : tr("no"), Subcommand::isoTime(row.lastSeenMs)});
    }
    Subcommand::printTable(rows);
    return ExitOk;
}

int change(const QString &word, const QString &name, const QString &dataDir)
{
    MachineRegistry registry(dataDir);
    QString error;
    const bool ok = word == u"remove" ? registry.remove(name, &error)
                                      : registry.setPaused(name, word == u"pause", &error);
    if (!ok)
        return Subcommand::fail(error);
    printError(word == u"remove"  ? tr("removed machine '%1'").arg(name)
               : word == u"pause" ? tr("paused machine '%1'").arg(name)
                                  : tr("resumed machine '%1'").arg(name));
    return ExitOk;
}

} // namespace

std::optional<int> runMachineCommand(const QStringList &args)
{
    if (args.size() < 2 || args.at(1) != u"machine")
        return std::nullopt;

    const QStringList commands{QStringLiteral("add"), QStringLiteral("list"),
                               QStringLiteral("remove"), QStringLiteral("pause"),
                               QStringLiteral("resume")};
    Subcommand command(
        QStringLiteral("machine"), commands,
        tr("Machines that push heartbeats to this data directory's engine.\n"
           "  machine add NAME [--offline-after 2m]  print its push token (shown only once)\n"
           "  machine list                           names, states, windows, last heartbeats\n"
           "  machine remove NAME                    forget it (its token stops working)\n"
           "  machine pause NAME                     stop judging it (maintenance)\n"
           "  machine resume NAME                    judge it again from its last heartbeat"),
        QStringLiteral("machines.json"), tr("the machine's name."));
    QCommandLineParser &parser = command.parser();
    parser.addOption({QStringLiteral("offline-after"),
                      tr("add: down after this long without a heartbeat, 1s to 30d "
                         "(default: 2m)."),
                      QStringLiteral("DURATION")});
    if (const auto exit = command.parse(args))
        return *exit;

    const QString word = command.command();
    if (word != u"add" && parser.isSet(QStringLiteral("offline-after")))
        return Subcommand::fail(tr("--offline-after is for machine add"));
    if (word == u"list") {
        if (!command.operands().isEmpty())
            return Subcommand::fail(tr("unexpected argument '%1'").arg(command.operands().at(0)));
        if (const auto exit = command.needDataDir())
            return *exit;
        return listMachines(command.dataDir());
    }
    const std::optional<QString> name = command.oneOperand(QStringLiteral("NAME"));
    if (!name)
        return ExitBadInput;
    if (word == u"add")
        return add(*name, command);
    if (const auto exit = command.needDataDir())
        return *exit;
    return change(word, *name, command.dataDir());
}

} // namespace hb::cli
