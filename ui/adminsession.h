#pragma once

#include "core/actor.h"
#include "core/clock.h"
#include "passphrase.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace hb {

// Who is at the desk: a viewer until someone unlocks admin with the data directory's
// passphrase; back to viewer on Lock or after IdleLockMs without keyboard or mouse input.
// Hashing a passphrase takes ~0.1 s (checking, setting or changing it), so it runs on a worker
// thread and answers later with a signal; the window keeps painting meanwhile.
class AdminSession : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 IdleLockMs = 5 * 60 * 1000;

    AdminSession(const QString &passphrasePath, QString userName,
                 std::shared_ptr<const Clock> clock, QObject *parent = nullptr);
    ~AdminSession() override;

    Actor actor() const { return {m_userName, m_role}; }
    bool isAdmin() const { return m_role == Role::Admin; }
    bool passphraseSet() const;

    // First use: stores the passphrase (hash only) and unlocks; answers with
    // passphraseSetFinished() (with why when refused).
    void setPassphrase(const QString &passphrase);
    // Admin only: replaces the passphrase if `current` is right; answers with
    // passphraseChangeFinished().
    void changePassphrase(const QString &current, const QString &replacement);
    // Checks the passphrase on a worker thread; answers with unlockFinished().
    void unlock(const QString &passphrase);
    void lock();
    // Any input counts; the window forwards it (and the session watches the application).
    void noteActivity();
    // Locks if idle for IdleLockMs by the session's clock (called every second by a timer).
    void checkIdle();

Q_SIGNALS:
    void roleChanged(hb::Role role);
    void unlockFinished(bool ok);
    void passphraseSetFinished(bool ok, const QString &error);
    void passphraseChangeFinished(bool ok, const QString &error);
    void autoLocked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setRole(Role role);

    PassphraseFile m_passphrase;
    QString m_userName;
    std::shared_ptr<const Clock> m_clock;
    Role m_role = Role::Viewer;
    qint64 m_lastActivityMs = 0;
    quint64 m_unlockRequest = 0; // newer attempts make older answers stale
    quint64 m_saveRequest = 0;   // the same for setting and changing the passphrase
    QTimer m_idleTimer;
};

} // namespace hb
