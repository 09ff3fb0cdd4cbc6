#include "adminsession.h"

#include "background.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPointer>

namespace hb {

namespace {

// What setting or changing the passphrase came to.
struct Saved
{
    bool ok = false;
    QString error;
};

} // namespace

AdminSession::AdminSession(const QString &passphrasePath, QString userName,
                           std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent)
    , m_passphrase(passphrasePath)
    , m_userName(std::move(userName))
    , m_clock(std::move(clock))
    , m_lastActivityMs(m_clock->nowMs())
{
    m_idleTimer.setInterval(1000);
    connect(&m_idleTimer, &QTimer::timeout, this, &AdminSession::checkIdle);
    m_idleTimer.start();
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

AdminSession::~AdminSession()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

bool AdminSession::passphraseSet() const
{
    return m_passphrase.isSet();
}

void AdminSession::setPassphrase(const QString &passphrase)
{
    const quint64 request = ++m_saveRequest;
    const PassphraseFile file = m_passphrase;
    runInBackground(
        this,
        [file, passphrase] {
            Saved saved;
            if (file.isSet())
                saved.error = tr("A passphrase is already set; unlock with it instead.");
            else
                saved.ok = file.set(passphrase, &saved.error);
            return saved;
        },
        [this, request](const Saved &saved) {
            if (request != m_saveRequest)
                return; // a newer attempt answers instead
            if (saved.ok) {
                noteActivity();
                setRole(Role::Admin);
            }
            Q_EMIT passphraseSetFinished(saved.ok, saved.error);
        });
}

void AdminSession::changePassphrase(const QString &current, const QString &replacement)
{
    const quint64 request = ++m_saveRequest;
    if (!isAdmin()) {
        // Answered like the others (later), so callers have one way to hear it.
        QMetaObject::invokeMethod(
            this,
            [this, request] {
                if (request == m_saveRequest)
                    Q_EMIT passphraseChangeFinished(false, tr("Unlock admin first."));
            },
            Qt::QueuedConnection);
        return;
    }
    const PassphraseFile file = m_passphrase;
    runInBackground(
        this,
        [file, current, replacement] {
            Saved saved;
            if (!file.verify(current))
                saved.error = tr("The current passphrase is wrong.");
            else
                saved.ok = file.set(replacement, &saved.error);
            return saved;
        },
        [this, request](const Saved &saved) {
            if (request != m_saveRequest)
                return;
            if (saved.ok)
                noteActivity();
            Q_EMIT passphraseChangeFinished(saved.ok, saved.error);
        });
}

void AdminSession::unlock(const QString &passphrase)
{
    const quint64 request = ++m_unlockRequest;
    const PassphraseFile file = m_passphrase;
    runInBackground(
        this, [file, passphrase] { return file.verify(passphrase); },
        [this, request](bool ok) {
            if (request != m_unlockRequest)
                return; // a newer attempt answers instead
            if (ok) {
                noteActivity();
                setRole(Role::Admin);
            }
            Q_EMIT unlockFinished(ok);
        });
}

void AdminSession::lock()
{
    ++m_unlockRequest;
    setRole(Role::Viewer);
}

void AdminSession::noteActivity()
{
    m_lastActivityMs = m_clock->nowMs();
}

void AdminSession::checkIdle()
{
    if (m_role == Role::Admin && m_clock->nowMs() - m_lastActivityMs >= IdleLockMs) {
        lock();
        Q_EMIT autoLocked();
    }
}

bool AdminSession::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void AdminSession::setRole(Role role)
{
    if (m_role == role)
        return;
    m_role = role;
    Q_EMIT roleChanged(role);
}

} // namespace hb
