#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace hb {

// The admin passphrase of a data directory, stored only as a salted PBKDF2-SHA256 hash in
// DATA/admin.json (never the passphrase itself). Set on first use; verify() is deliberately
// slow (~0.1 s): call it off the GUI thread.
class PassphraseFile
{
public:
    static constexpr int Iterations = 100'000;
    static constexpr int MinimumLength = 8;

    explicit PassphraseFile(QString path) : m_path(std::move(path)) {}
    QString path() const { return m_path; }

    // False when no passphrase was set yet (or the file is unreadable: then `error` says why).
    bool isSet(QString *error = nullptr) const;
    // Writes a new salt and hash atomically, in a file only its owner can read (mode 0600 from
    // creation). Refuses passphrases shorter than MinimumLength. Slow like verify().
    bool set(const QString &passphrase, QString *error) const;
    bool verify(const QString &passphrase) const;

private:
    struct Record
    {
        QByteArray salt;
        QByteArray hash;
        int iterations = Iterations;
    };
    std::optional<Record> read(QString *error) const;

    QString m_path;
};

} // namespace hb
