#pragma once

#include <QString>

// Tells a service manager where heartbeatd stands (systemd's Type=notify protocol, through
// libsystemd's sd_notify). Outside a service (no NOTIFY_SOCKET in the environment), or in a build
// without libsystemd, each call does nothing.
namespace hb::cli {

// Serving: systemd finishes `systemctl start` and starts the units ordered after this one.
// `status` is the one line `systemctl status` shows.
void notifyReady(const QString &status);
// A new one-line status for `systemctl status`.
void notifyStatus(const QString &status);
// Stopping: the stop has begun (SIGTERM or otherwise); systemd waits for the exit.
void notifyStopping();

} // namespace hb::cli
