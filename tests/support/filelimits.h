#pragma once

// Helpers for tests that make a disk misbehave on purpose (store and ledger alike).

#include <QFile>
#include <QString>

#include <csignal>
#include <sys/resource.h>

namespace hb::test {

// True when an SQLite file still has a WAL, shared-memory or rollback-journal file beside it.
inline bool sideFilesExist(const QString &path)
{
    return QFile::exists(path + QStringLiteral("-wal")) ||
           QFile::exists(path + QStringLiteral("-shm")) ||
           QFile::exists(path + QStringLiteral("-journal"));
}

// Caps the size any file of this process may grow to, the way a full disk would; SIGXFSZ is
// ignored so the write fails with EFBIG instead of killing the test.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() { restore(); }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    void restore()
    {
        if (m_restored)
            return;
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
        m_restored = true;
    }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_restored = false;
};

} // namespace hb::test
