#pragma once

#include <QCoreApplication>
#include <QString>

namespace hb {

// Who asks the engine to do something. Authorization is checked in the engine, not only in the
// GUI: every mutating call carries an Actor, and a refused call is audited as refused.
enum class Role : quint8 { Viewer, Operator, Admin };
QString roleName(Role role); // "viewer", "operator", "admin"

struct Actor
{
    QString name;
    Role role = Role::Viewer;

    bool has(Role required) const { return int(role) >= int(required); }
    static Actor system() { return {QStringLiteral("system"), Role::Admin}; }
};

// The answer to a command. `error` is a translated sentence a user can act on.
struct CommandResult
{
    bool ok = true;
    bool refused = false; // failed because of authorization
    QString error;
    qint64 id = 0; // what the command created, where it has an id (a silence); else 0

    static CommandResult success() { return {}; }
    static CommandResult failure(const QString &error) { return {false, false, error, 0}; }
    static CommandResult denied(const QString &error) { return {false, true, error, 0}; }
};

} // namespace hb
