#pragma once

#include "core/sharedjsonfile.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>
#include <QVector>

#include <algorithm>
#include <functional>

namespace hb {

// The entries of a SharedJsonFile, each under a unique name (`Entry::name()`), kept by name:
// what DATA/tokens.json and DATA/machines.json have in common. The owner says how one entry is
// read and written; this keeps a copy in memory, re-reads it when the file changed, and makes
// each change read-modify-write under the file's lock.
template<typename Entry> class NamedRecords
{
public:
    struct Codec
    {
        QString key;       // the array's member, also the records' name in errors ("tokens[2]")
        int formatVersion; // the only "version" this build reads
        // Reads one record's fields (the name too); a bad field is left in the reader.
        std::function<Entry(JsonRecordReader &record)> decode;
        std::function<QJsonObject(const Entry &entry)> encode;
        // Optional: what the owner adds to every save (merged last-used times, say).
        std::function<void(QVector<Entry> &entries)> beforeSave = {};
    };
    using Change = std::function<bool(QVector<Entry> &entries, QString *error)>;

    NamedRecords(const QString &path, Codec codec)
        : m_file(path, codec.key, codec.formatVersion)
        , m_codec(std::move(codec))
    {
    }

    QString path() const { return m_file.path(); }
    const QVector<Entry> &entries() const { return m_entries; } // by name

    const Entry *find(const QString &name) const
    {
        const auto it = std::lower_bound(
            m_entries.cbegin(), m_entries.cend(), name,
            [](const Entry &e, const QString &wanted) { return e.name() < wanted; });
        return it != m_entries.cend() && it->name() == name ? &*it : nullptr;
    }

    // SharedJsonFile::reloadIfChanged: false keeps the entries this had.
    bool reloadIfChanged(QString *error)
    {
        return m_file.reloadIfChanged(
            [this](const QJsonArray &records, QString *decodeError) {
                std::optional<QVector<Entry>> entries = decodeAll(records, decodeError);
                if (entries)
                    m_entries = std::move(*entries);
                return entries.has_value();
            },
            error);
    }

    // Applies `change` (which may refuse, saying why) to the file as it is now and saves it.
    bool modify(const Change &change, QString *error)
    {
        std::optional<QVector<Entry>> entries;
        const bool ok = m_file.modify(
            [&](const QJsonArray &records, QString *decodeError) {
                entries = decodeAll(records, decodeError);
                return entries.has_value();
            },
            [&](QJsonArray &records, QString *changeError) {
                if (!change(*entries, changeError))
                    return false;
                if (m_codec.beforeSave)
                    m_codec.beforeSave(*entries);
                sortByName(*entries);
                records = QJsonArray();
                for (const Entry &e : std::as_const(*entries))
                    records.append(m_codec.encode(e));
                return true;
            },
            error);
        if (ok)
            m_entries = std::move(*entries);
        return ok;
    }

    // The usual changes. `refusal` is the one-line error when the name is taken (insert) or
    // missing (update, erase).
    bool insert(const Entry &entry, const QString &refusal, QString *error)
    {
        return modify(
            [&](QVector<Entry> &entries, QString *changeError) {
                if (indexOf(entries, entry.name()) >= 0)
                    return refuse(changeError, refusal);
                entries.append(entry);
                return true;
            },
            error);
    }
    bool update(const QString &name, const std::function<void(Entry &)> &apply,
                const QString &refusal, QString *error)
    {
        return modify(
            [&](QVector<Entry> &entries, QString *changeError) {
                const qsizetype i = indexOf(entries, name);
                if (i < 0)
                    return refuse(changeError, refusal);
                apply(entries[i]);
                return true;
            },
            error);
    }
    bool erase(const QString &name, const QString &refusal, QString *error)
    {
        return modify(
            [&](QVector<Entry> &entries, QString *changeError) {
                const qsizetype i = indexOf(entries, name);
                if (i < 0)
                    return refuse(changeError, refusal);
                entries.removeAt(i);
                return true;
            },
            error);
    }

private:
    static bool refuse(QString *error, const QString &why)
    {
        if (error)
            *error = why;
        return false;
    }
    static qsizetype indexOf(const QVector<Entry> &entries, const QString &name)
    {
        const auto it = std::find_if(entries.cbegin(), entries.cend(),
                                     [&](const Entry &e) { return e.name() == name; });
        return it == entries.cend() ? -1 : it - entries.cbegin();
    }
    static void sortByName(QVector<Entry> &entries)
    {
        std::sort(entries.begin(), entries.end(),
                  [](const Entry &a, const Entry &b) { return a.name() < b.name(); });
    }

    std::optional<QVector<Entry>> decodeAll(const QJsonArray &records, QString *error) const
    {
        QVector<Entry> entries;
        entries.reserve(records.size());
        QSet<QString> names;
        for (qsizetype i = 0; i < records.size(); ++i) {
            JsonRecordReader record(records.at(i), m_codec.key + u'[' + QString::number(i) + u']');
            Entry e = m_codec.decode(record);
            if (record.ok() && names.contains(e.name()))
                record.fail(u"name",
                            QCoreApplication::translate("hb::SharedJsonFile", "'%1' appears twice")
                                .arg(e.name()));
            if (!record.ok()) {
                *error = record.error();
                return std::nullopt;
            }
            names.insert(e.name());
            entries.append(std::move(e));
        }
        sortByName(entries);
        return entries;
    }

    SharedJsonFile m_file;
    Codec m_codec;
    QVector<Entry> m_entries; // by name
};

} // namespace hb
