#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include <optional>

namespace hb::cli {

// What the commands that change one file of a data directory (`heartbeatd token …`,
// `heartbeatd machine …`) share: their parsing, their data directory, their table and their
// one-line refusals (exit status 2). They never take the engine's lock, so they work while an
// engine runs on the directory.
class Subcommand
{
public:
    // `word`: "token", "machine"; `commands`: what may follow it; `file`: what --data-dir holds
    // for it ("tokens.json").
    Subcommand(QString word, QStringList commands, const QString &description, const QString &file);

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }

    // Parses the process's arguments (args[1] is the word). The exit status when the command
    // ends here: after --help, a bad option or no command at all.
    std::optional<int> parse(const QStringList &args);

    QString command() const;      // the first positional argument
    int unknownCommand() const;   // refuses command()
    QStringList operands() const; // the positional arguments after it
    QString dataDir() const;      // --data-dir, or the user's default one, absolute
    // Exactly one operand (NAME): it, or nullopt after saying what `usage` needs.
    std::optional<QString> oneOperand(const QString &usage) const;

    // The exit status when the data directory is missing (not for a command that makes it).
    std::optional<int> needDataDir() const;
    // Makes a missing data directory, private (it will hold secrets' hashes).
    std::optional<int> makeDataDir() const;

    // One line on stderr; returns the exit status for bad input.
    static int fail(const QString &message);
    // A secret alone on stdout, so SECRET=$(heartbeatd …) captures just it.
    static void printSecret(const QByteArray &secret);
    // Columns padded to their widest cell; the first row is the header.
    static void printTable(const QList<QStringList> &rows);
    static QString isoTime(qint64 ms); // UTC ISO 8601, or "never" for 0

private:
    QString m_word;
    QStringList m_commands;
    QCommandLineParser m_parser;
};

} // namespace hb::cli
