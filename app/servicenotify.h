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
// The service manager's watchdog (WatchdogSec= in the unit): how often to send notifyWatchdog(),
// half its timeout as sd_watchdog_enabled(3) advises; 0 when no watchdog is asked for.
qint64 watchdogIntervalMs();
// WATCHDOG=1: still alive. heartbeatd sends it only while the engine thread answers.
void notifyWatchdog();

} // namespace hb::cli
