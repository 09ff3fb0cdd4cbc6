#pragma once

// Moving Qt values in and out of SQLiteCpp statements, for the ledger's files. SQLiteCpp has no
// overload for `long long` (qint64) on LP64, and its text API speaks UTF-8 `const char *`.

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace hb::ledgersql {

inline void bindInt(SQLite::Statement &stmt, int index, qint64 value)
{
    stmt.bind(index, static_cast<int64_t>(value));
}

// `utf8` must outlive the statement's next step (not copied). Bound as TEXT, not BLOB, so that
// users' SQL comparing with string literals matches.
inline void bindText(SQLite::Statement &stmt, int index, const QByteArray &utf8)
{
    stmt.bindNoCopy(index, utf8.constData());
}

// Copied: for the catalog's few, cold statements.
inline void bindText(SQLite::Statement &stmt, int index, const QString &text)
{
    stmt.bind(index, text.toStdString());
}

inline QString textOf(const SQLite::Column &column)
{
    return QString::fromUtf8(column.getText(), column.getBytes());
}

} // namespace hb::ledgersql
