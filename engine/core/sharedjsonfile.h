#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>

namespace hb {

// A small file of records that several processes change: {"version": N, "<key>": [ {...}, ... ]}
// (DATA/tokens.json, DATA/machines.json). The file is its owner's alone (mode 0600); every change
// is read-modify-write under PATH.lock and saved atomically (a crash leaves the old file or the
// new one); a reader re-reads it only when stat() says it changed. What the records mean is the
// caller's: it decodes them into its own entries and encodes them back.
//
// Errors are one line naming the file. Not thread-safe: one instance per thread.
class SharedJsonFile
{
public:
    // `key`: the member holding the array; `formatVersion`: the only "version" this build reads.
    SharedJsonFile(QString path, QString key, int formatVersion);

    QString path() const { return m_path; }

    // Takes the file's records, or refuses them with a reason that names the bad field (without
    // the path, which is added).
    using Decode = std::function<bool(const QJsonArray &records, QString *error)>;
    // Re-reads the file when it changed on disk since it was last read (or written) here, and
    // hands its records (none for a missing file) to `decode`. False when the file cannot be
    // read or is refused: the caller keeps what it had, and the same error is returned until the
    // file changes again.
    bool reloadIfChanged(const Decode &decode, QString *error);

    // Fills `records` with the new contents (or refuses, with a one-line error of its own).
    using Change = std::function<bool(QJsonArray &records, QString *error)>;
    // Read-modify-write under the lock: reads the file afresh (never this process's copy, which
    // another process may have outdated) and hands it to `decode` - a file that cannot be read or
    // decoded is never overwritten - then `change` says what it becomes, saved when it differs.
    bool modify(const Decode &decode, const Change &change, QString *error);

    // Shared by the files' owners: names are path segments and table cells.
    static bool validName(const QString &name); // [A-Za-z0-9._-]{1,64}
    // A new secret: `prefix` + base64url of 32 bytes from the system's generator.
    static QByteArray newSecret(const QByteArray &prefix);
    static QByteArray sha256(const QByteArray &bytes); // 32 raw bytes

private:
    struct Stamp // what stat() says of the file; equal stamps: the file did not change
    {
        bool exists = false;
        quint64 device = 0;
        quint64 inode = 0;
        qint64 size = 0;
        qint64 mtimeNs = 0;
        bool operator==(const Stamp &o) const;
    };
    Stamp stamp() const;
    std::optional<QJsonArray> read(QString *error) const; // error without the path
    bool write(const QJsonArray &records, QString *error) const;
    QString located(const QString &what) const { return m_path + u": " + what; }

    QString m_path;
    QString m_key;
    int m_formatVersion = 1;
    std::optional<Stamp> m_stamp; // of the file last read or written here
    QString m_loadError;          // that file could not be used; empty: it was read
};

// The fields of one record, read in turn: the first one that is wrong is remembered with where
// it is ("tokens[2].created_ms: expected a time in milliseconds"), and later reads return
// defaults, so a decoder reads every field and checks ok() once.
class JsonRecordReader
{
public:
    JsonRecordReader(const QJsonValue &record, QString where); // where: "tokens[2]"

    QString name(QStringView key); // SharedJsonFile::validName
    QString text(QStringView key); // any string
    qint64 milliseconds(QStringView key, qint64 min = 0, qint64 max = qint64(1) << 53);
    bool flag(QStringView key);
    QByteArray sha256(QStringView key); // 64 lowercase hex digits -> 32 bytes
    // Marks `key` wrong (when nothing was yet).
    void fail(QStringView key, const QString &what);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    QJsonValue value(QStringView key) const;

    QJsonValue m_record;
    QString m_where;
    QString m_error;
};

} // namespace hb
