#include "subcommand.h"

#include "cli.h"
#include "runtime.h"

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
    return QCoreApplication::translate("hb::cli::Subcommand", text);
}
} // namespace

Subcommand::Subcommand(QString word, QStringList commands, const QString &description,
                       const QString &file, const QString &nameHelp)
    : m_word(std::move(word))
    , m_commands(std::move(commands))
{
    m_parser.addPositionalArgument(QStringLiteral("command"), m_commands.join(u", "),
                                   m_word + u' ' + m_commands.join(u'|'));
    m_parser.addPositionalArgument(QStringLiteral("name"), nameHelp, QStringLiteral("[NAME]"));
    m_parser.setApplicationDescription(description);
    m_parser.addOption({QStringLiteral("data-dir"),
                        tr("Data directory holding %1. Default: %2.")
                            .arg(file, QStringLiteral("~/.local/share/heartbeat")),
                        QStringLiteral("DIR")});
    m_parser.addHelpOption();
}

std::optional<int> Subcommand::parse(const QStringList &args)
{
    // Parsed as if the word were not there; the program name stays first.
    if (!m_parser.parse(QStringList{args.constFirst()} + args.mid(2)))
        return fail(tr("%1 (see '%2 %3 --help')")
                        .arg(m_parser.errorText(), QCoreApplication::applicationName(), m_word));
    if (m_parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(m_parser.helpText()), stdout);
        return ExitOk;
    }
    if (m_parser.positionalArguments().isEmpty())
        return fail(tr("%1 needs a command: %2").arg(m_word, m_commands.join(u", ")));
    if (!m_commands.contains(command()))
        return fail(
            tr("unknown %1 command '%2': use %3").arg(m_word, command(), m_commands.join(u", ")));
    return std::nullopt;
}

QString Subcommand::command() const
{
    return m_parser.positionalArguments().value(0);
}

QStringList Subcommand::operands() const
{
    return m_parser.positionalArguments().mid(1);
}

std::optional<QString> Subcommand::oneOperand(const QString &usage) const
{
    if (operands().size() == 1)
        return operands().constFirst();
    fail(tr("%1 %2 needs exactly one %3").arg(m_word, command(), usage));
    return std::nullopt;
}

QString Subcommand::dataDir() const
{
    const QString given = m_parser.value(QStringLiteral("data-dir"));
    return QDir::cleanPath(
        QDir(given.isEmpty() ? EngineRuntime::defaultDataDir() : given).absolutePath());
}

std::optional<int> Subcommand::needDataDir() const
{
    if (QFileInfo(dataDir()).isDir())
        return std::nullopt;
    return fail(dataDir() + u": " + tr("no such data directory"));
}

std::optional<int> Subcommand::makeDataDir() const
{
    const QString dir = dataDir();
    if (!QFileInfo::exists(dir)) {
        if (!QDir().mkpath(dir) ||
            !QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            return fail(dir + u": " + tr("cannot create the data directory"));
    } else if (!QFileInfo(dir).isDir()) {
        return fail(dir + u": " + tr("is not a directory"));
    }
    return std::nullopt;
}

int Subcommand::fail(const QString &message)
{
    printError(message);
    return ExitBadInput;
}

int Subcommand::issueSecret(const std::function<std::optional<QByteArray>(QString *error)> &create,
                            const QString &note) const
{
    if (const auto exit = makeDataDir())
        return *exit;
    QString error;
    const std::optional<QByteArray> secret = create(&error);
    if (!secret)
        return fail(error);
    std::fwrite(secret->constData(), 1, size_t(secret->size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    printError(note);
    return ExitOk;
}

void Subcommand::printTable(const QList<QStringList> &rows)
{
    QVector<qsizetype> widths(rows.value(0).size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths.at(c), row.at(c).size());
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths.value(c) + 2) : row.at(c);
        std::fputs(qPrintable(line + u'\n'), stdout);
    }
    std::fflush(stdout);
}

QString Subcommand::isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : tr("never");
}

} // namespace hb::cli
