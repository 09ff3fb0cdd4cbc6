#pragma once

// Moving Qt values in and out of SQLiteCpp statements. SQLiteCpp has no overload for
// `long long` (qint64) on LP64, and its text API speaks UTF-8 `const char *`.

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace hb::sql {

inline void bindInt(SQLite::Statement &stmt, int index, qint64 value)
{
    stmt.bind(index, static_cast<int64_t>(value));
}

// `utf8` must outlive the statement's next step: the text is not copied (hot path). Bound as
// TEXT up to the terminating NUL QByteArray guarantees (SQLiteCpp's sized overload binds a
// BLOB, which would never compare equal to a string literal in users' SQL).
inline void bindText(SQLite::Statement &stmt, int index, const QByteArray &utf8)
{
    stmt.bindNoCopy(index, utf8.constData());
}

// Copied: for the few, cold statements (the ledger catalog's).
inline void bindText(SQLite::Statement &stmt, int index, const QString &text)
{
    stmt.bind(index, text.toStdString());
}

inline qint64 int64Of(const SQLite::Column &column)
{
    return qint64(column.getInt64());
}

inline QString textOf(const SQLite::Column &column)
{
    const char *text = column.getText();
    return QString::fromUtf8(text, column.getBytes());
}

// Steps a statement that returns no rows, then makes it ready for the next bind.
inline void execAndReset(SQLite::Statement &stmt)
{
    stmt.exec();
    stmt.tryReset();
}

} // namespace hb::sql
