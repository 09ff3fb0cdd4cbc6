// The admin passphrase file: only a salted hash is stored, and the file is its owner's alone
// from the moment it exists (mode 0600 at creation, never loosened then tightened), whatever
// the umask; replacing it is atomic and leaves nothing else behind.

#include "passphrase.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hb;
using namespace Qt::StringLiterals;

namespace {

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

// Records what happens to the files of one directory (Linux inotify), to tell a file created
// private from one created readable and chmod-ed afterwards.
class DirectoryEvents
{
public:
    explicit DirectoryEvents(const QString &dir)
        : m_fd(inotify_init1(IN_NONBLOCK))
    {
        if (m_fd >= 0)
            inotify_add_watch(m_fd, QFile::encodeName(dir).constData(),
                              IN_CREATE | IN_ATTRIB | IN_MOVED_TO | IN_CLOSE_WRITE);
    }
    ~DirectoryEvents()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool ok() const { return m_fd >= 0; }
    // Names of the files whose attributes (mode, owner, ...) changed since the last call.
    QStringList attributeChanges()
    {
        QStringList names;
        alignas(inotify_event) char buffer[8192];
        for (;;) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n <= 0)
                break;
            for (ssize_t at = 0; at < n;) {
                const auto *e = reinterpret_cast<const inotify_event *>(buffer + at);
                if ((e->mask & IN_ATTRIB) && e->len > 0)
                    names << QFile::decodeName(e->name);
                at += ssize_t(sizeof(inotify_event)) + e->len;
            }
        }
        return names;
    }

private:
    int m_fd;
};

} // namespace

class TestPassphrase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fileIsPrivateFromItsCreation_data();
    void fileIsPrivateFromItsCreation();
    void storesOnlyASaltedHash();
};

void TestPassphrase::fileIsPrivateFromItsCreation_data()
{
    QTest::addColumn<int>("umask");
    QTest::newRow("umask 022") << 022;
    QTest::newRow("umask 0 (everything readable by default)") << 0;
}

void TestPassphrase::fileIsPrivateFromItsCreation()
{
    QFETCH(int, umask);
    const mode_t previous = ::umask(mode_t(umask));
    const auto restore = qScopeGuard([previous] { ::umask(previous); });

    QTemporaryDir dir;
    const QString path = dir.filePath(u"admin.json"_s);
    PassphraseFile file(path);
    DirectoryEvents events(dir.path());
    QVERIFY(events.ok());

    QString error;
    QVERIFY2(file.set(u"correct horse battery"_s, &error), qPrintable(error));
    QCOMPARE(modeOf(path), mode_t(0600));
    // Created so: no file of the directory had its mode changed after it was written.
    QCOMPARE(events.attributeChanges(), QStringList());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList({u"admin.json"_s}));

    // A new passphrase replaces the file the same way, also over one an older build left
    // readable by others.
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY2(file.set(u"another good one"_s, &error), qPrintable(error));
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList({u"admin.json"_s}));
    QVERIFY(file.verify(u"another good one"_s));
    QVERIFY(!file.verify(u"correct horse battery"_s));
}

void TestPassphrase::storesOnlyASaltedHash()
{
    QTemporaryDir dir;
    PassphraseFile a(dir.filePath(u"a.json"_s));
    PassphraseFile b(dir.filePath(u"b.json"_s));
    QString error;
    QVERIFY(a.set(u"correct horse battery"_s, &error));
    QVERIFY(b.set(u"correct horse battery"_s, &error));
    QFile fa(a.path());
    QFile fb(b.path());
    QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
    const QByteArray bytesA = fa.readAll();
    QVERIFY(!bytesA.contains("correct horse"));
    QVERIFY(bytesA != fb.readAll()); // salted: the same passphrase hashes differently
    QVERIFY(!a.set(u"short"_s, &error));
    QVERIFY(error.contains(u"8"));
}

QTEST_GUILESS_MAIN(TestPassphrase)
#include "tst_passphrase.moc"
