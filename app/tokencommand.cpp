#include "tokencommand.h"

#include "api/tokenstore.h"
#include "cli.h"
#include "subcommand.h"

#include <QCoreApplication>

namespace hb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::cli", text);
}

int create(const Subcommand &command)
{
    const QCommandLineParser &parser = command.parser();
    const QString name = parser.value(QStringLiteral("name"));
    if (!parser.isSet(QStringLiteral("name")))
        return Subcommand::fail(tr("token create needs --name NAME"));
    if (!parser.isSet(QStringLiteral("role")))
        return Subcommand::fail(tr("token create needs --role viewer|operator|admin"));
    const std::optional<Role> role = TokenStore::parseRole(parser.value(QStringLiteral("role")));
    if (!role)
        return Subcommand::fail(tr("--role must be viewer, operator or admin (got '%1')")
                                    .arg(parser.value(QStringLiteral("role"))));
    // A first token may come before the first engine run: the directory is made then.
    return command.issueSecret(
        [&](QString *error) { return TokenStore(command.dataDir()).create(name, *role, error); },
        tr("created token '%1' (%2); store it now: it is not shown again")
            .arg(name, roleName(*role)));
}

int listTokens(const QString &dataDir)
{
    TokenStore store(dataDir);
    QString error;
    if (!store.reloadIfChanged(&error))
        return Subcommand::fail(error);
    QList<QStringList> rows{{tr("NAME"), tr("ROLE"), tr("CREATED"), tr("LAST-USED")}};
    for (const TokenInfo &t : store.list())
        rows.append({t.name, roleName(t.role), Subcommand::isoTime(t.createdAtMs),
                     Subcommand::isoTime(t.lastUsedAtMs)});
    Subcommand::printTable(rows);
    return ExitOk;
}

int revoke(const QString &name, const QString &dataDir)
{
    TokenStore store(dataDir);
    QString error;
    if (!store.revoke(name, &error))
        return Subcommand::fail(error);
    printError(tr("revoked token '%1'").arg(name));
    return ExitOk;
}

} // namespace

std::optional<int> runTokenCommand(const QStringList &args)
{
    if (args.size() < 2 || args.at(1) != u"token")
        return std::nullopt;

    Subcommand command(
        QStringLiteral("token"),
        {QStringLiteral("create"), QStringLiteral("list"), QStringLiteral("revoke")},
        tr("API tokens of a data directory: clients send one as 'Authorization: Bearer TOKEN'.\n"
           "  token create --name NAME --role ROLE   print a new token (shown only once)\n"
           "  token list                             names, roles, created and last-used times\n"
           "  token revoke NAME                      the token stops working"),
        QStringLiteral("tokens.json"), tr("revoke: the token's name."));
    QCommandLineParser &parser = command.parser();
    parser.addOption({QStringLiteral("name"),
                      tr("create: the token's name (1 to 64 letters, digits, '.', '_', '-')."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("role"),
                      tr("create: the token's role: viewer, operator or admin."),
                      QStringLiteral("ROLE")});
    if (const auto exit = command.parse(args))
        return *exit;

    const QString word = command.command();
    if (word != u"create" &&
        (parser.isSet(QStringLiteral("name")) || parser.isSet(QStringLiteral("role"))))
        return Subcommand::fail(tr("--name and --role are for token create"));
    if (word != u"revoke" && !command.operands().isEmpty())
        return Subcommand::fail(tr("unexpected argument '%1'").arg(command.operands().at(0)));
    if (word == u"create")
        return create(command);
    const std::optional<QString> name =
        word == u"revoke" ? command.oneOperand(QStringLiteral("NAME")) : QString();
    if (!name)
        return ExitBadInput;
    if (const auto exit = command.needDataDir())
        return *exit;
    return word == u"list" ? listTokens(command.dataDir()) : revoke(*name, command.dataDir());
}

} // namespace hb::cli
