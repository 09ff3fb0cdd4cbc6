#include "tokencommand.h"

#include "api/tokenstore.h"
#include "cli.h"
#include "runtime.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace hb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::cli", text);
}

int fail(const QString &message)
{
    printError(message);
    return ExitBadInput;
}

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : tr("never");
}

void printTable(const QVector<TokenInfo> &tokens)
{
    QList<QStringList> rows{{tr("NAME"), tr("ROLE"), tr("CREATED"), tr("LAST-USED")}};
    for (const TokenInfo &t : tokens)
        rows.append({t.name, roleName(t.role), isoTime(t.createdAtMs), isoTime(t.lastUsedAtMs)});
    QVector<qsizetype> widths(rows.constFirst().size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths.at(c), row.at(c).size());
    }
    for (const QStringList &row : std::as_const(rows)) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths.at(c) + 2) : row.at(c);
        std::fputs(qPrintable(line + u'\n'), stdout);
    }
    std::fflush(stdout);
}

// The data directory as every command names it: --data-dir, or the user's default one.
QString dataDirOf(const QCommandLineParser &parser)
{
    const QString given = parser.value(QStringLiteral("data-dir"));
    return QDir::cleanPath(
        QDir(given.isEmpty() ? EngineRuntime::defaultDataDir() : given).absolutePath());
}

int create(const QCommandLineParser &parser, const QString &dataDir)
{
    const QString name = parser.value(QStringLiteral("name"));
    if (!parser.isSet(QStringLiteral("name")))
        return fail(tr("token create needs --name NAME"));
    if (!parser.isSet(QStringLiteral("role")))
        return fail(tr("token create needs --role viewer|operator|admin"));
    const std::optional<Role> role = TokenStore::parseRole(parser.value(QStringLiteral("role")));
    if (!role)
        return fail(tr("--role must be viewer, operator or admin (got '%1')")
                        .arg(parser.value(QStringLiteral("role"))));

    // A first token may come before the first engine run: the directory is made then, private
    // as it will hold the tokens.
    if (!QFileInfo::exists(dataDir)) {
        if (!QDir().mkpath(dataDir) ||
            !QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            return fail(dataDir + u": " + tr("cannot create the data directory"));
    } else if (!QFileInfo(dataDir).isDir()) {
        return fail(dataDir + u": " + tr("is not a directory"));
    }

    TokenStore store(dataDir);
    QString error;
    const std::optional<QByteArray> secret = store.create(name, *role, &error);
    if (!secret)
        return fail(error);
    // The secret alone on stdout, so TOKEN=$(heartbeatd token create ...) captures just it.
    std::fwrite(secret->constData(), 1, size_t(secret->size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    printError(tr("created token '%1' (%2); store it now: it is not shown again")
                   .arg(name, roleName(*role)));
    return ExitOk;
}

int list(const QString &dataDir)
{
    TokenStore store(dataDir);
    QString error;
    if (!store.reloadIfChanged(&error))
        return fail(error);
    printTable(store.list());
    return ExitOk;
}

int revoke(const QString &name, const QString &dataDir)
{
    TokenStore store(dataDir);
    QString error;
    if (!store.revoke(name, &error))
        return fail(error);
    printError(tr("revoked token '%1'").arg(name));
    return ExitOk;
}

} // namespace

std::optional<int> runTokenCommand(const QStringList &args)
{
    if (args.size() < 2 || args.at(1) != u"token")
        return std::nullopt;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("API tokens of a data directory: clients send one as 'Authorization: Bearer TOKEN'.\n"
           "  token create --name NAME --role ROLE   print a new token (shown only once)\n"
           "  token list                             names, roles, created and last-used times\n"
           "  token revoke NAME                      the token stops working"));
    parser.addOption({QStringLiteral("data-dir"),
                      tr("Data directory holding tokens.json. Default: %1.")
                          .arg(QStringLiteral("~/.local/share/heartbeat")),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("name"),
                      tr("create: the token's name (1 to 64 letters, digits, '.', '_', '-')."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("role"),
                      tr("create: the token's role: viewer, operator or admin."),
                      QStringLiteral("ROLE")});
    parser.addPositionalArgument(QStringLiteral("command"), tr("create, list or revoke."),
                                 QStringLiteral("token create|list|revoke"));
    parser.addPositionalArgument(QStringLiteral("name"), tr("revoke: the token's name."),
                                 QStringLiteral("[NAME]"));
    parser.addHelpOption();

    // Parsed as if "token" were not there; the program name stays first.
    if (!parser.parse(QStringList{args.constFirst()} + args.mid(2)))
        return fail(tr("%1 (see '%2 token --help')")
                        .arg(parser.errorText(), QCoreApplication::applicationName()));
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(tr("token needs a command: create, list or revoke"));
    const QString command = positional.constFirst();
    const QString dataDir = dataDirOf(parser);
    const bool createOptions =
        parser.isSet(QStringLiteral("name")) || parser.isSet(QStringLiteral("role"));

    if (command == u"create") {
        if (positional.size() > 1)
            return fail(tr("unexpected argument '%1'").arg(positional.at(1)));
        return create(parser, dataDir);
    }
    if (command != u"list" && command != u"revoke")
        return fail(tr("unknown token command '%1': use create, list or revoke").arg(command));
    if (createOptions)
        return fail(tr("--name and --role are for token create"));

    if (command == u"list") {
        if (positional.size() > 1)
            return fail(tr("unexpected argument '%1'").arg(positional.at(1)));
        if (!QFileInfo(dataDir).isDir())
            return fail(dataDir + u": " + tr("no such data directory"));
        return list(dataDir);
    }
    if (positional.size() != 2)
        return fail(tr("token revoke needs exactly one NAME"));
    if (!QFileInfo(dataDir).isDir())
        return fail(dataDir + u": " + tr("no such data directory"));
    return revoke(positional.at(1), dataDir);
}

} // namespace hb::cli
