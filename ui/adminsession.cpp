#include "adminsession.h"

#include "background.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPointer>

namespace hb {

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

bool AdminSession::setPassphrase(const QString &passphrase, QString *error)
{
    if (m_passphrase.isSet()) {
        *error = tr("A passphrase is already set; unlock with it instead.");
        return false;
    }
    if (!m_passphrase.set(passphrase, error))
        return false;
    noteActivity();
    setRole(Role::Admin);
    return true;
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
