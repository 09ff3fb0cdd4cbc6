#!/usr/bin/env bash
# `cmake --install` into a temporary prefix puts every file where its users look for it: the
# binaries, the desktop entry and icon, the systemd unit (starting the binary installed with it)
# and the service user's sysusers.d entry.
#   install_layout.sh BUILD_DIR [CMAKE]
set -euo pipefail
build_dir=$1
cmake=${2:-cmake}

prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$cmake" --install "$build_dir" --prefix "$prefix" >/dev/null

failed=0
fail() {
  echo "FAIL: $*" >&2
  failed=1
}
expect_file() {
  [ -f "$prefix/$1" ] || fail "$1 is not installed"
}
expect_executable() {
  [ -x "$prefix/$1" ] || fail "$1 is not installed as an executable"
}

expect_executable bin/heartbeatd
expect_executable bin/heartbeat-dashboard
expect_file share/applications/heartbeat-dashboard.desktop
expect_file share/applications/heartbeat-wall.desktop
expect_file share/icons/hicolor/scalable/apps/heartbeat-dashboard.svg
unit=lib/systemd/system/heartbeatd.service
expect_file "$unit"
expect_file lib/sysusers.d/heartbeat.conf

if [ -f "$prefix/$unit" ]; then
  # The unit starts the binary installed beside it, not one that may not exist.
  grep -qxF "ExecStart=$prefix/bin/heartbeatd --data-dir %S/heartbeat" "$prefix/$unit" ||
    fail "$unit does not start $prefix/bin/heartbeatd: $(grep '^ExecStart=' "$prefix/$unit")"
  grep -qxF "Type=notify" "$prefix/$unit" || fail "$unit is not Type=notify"
  # The user the unit runs as is the one sysusers.d creates.
  user=$(sed -n 's/^User=//p' "$prefix/$unit")
  grep -qE "^u $user " "$prefix/lib/sysusers.d/heartbeat.conf" 2>/dev/null ||
    fail "sysusers.d does not create the unit's user '$user'"
  # ... and systemd-sysusers reads the entry and creates it (in a scratch root, not this system).
  if command -v systemd-sysusers >/dev/null && [ -n "$user" ]; then
    root="$prefix/sysusers-root"
    mkdir -p "$root/etc" "$root/usr/lib/sysusers.d"
    cp "$prefix/lib/sysusers.d/heartbeat.conf" "$root/usr/lib/sysusers.d/"
    out=$(systemd-sysusers --root="$root" 2>&1) || fail "systemd-sysusers: $out"
    grep -q "^$user:" "$root/etc/passwd" || fail "systemd-sysusers did not create '$user': $out"
  fi
  if command -v systemd-analyze >/dev/null; then
    out=$(systemd-analyze verify "$prefix/$unit" 2>&1) || fail "systemd-analyze verify: $out"
    [ -z "$out" ] || fail "systemd-analyze verify: $out"
  fi
fi

# The wall's user unit starts the dashboard installed beside it, in wall mode, with the session.
wall_unit=lib/systemd/user/heartbeat-wall.service
expect_file "$wall_unit"
if [ -f "$prefix/$wall_unit" ]; then
  grep -qxF "ExecStart=$prefix/bin/heartbeat-dashboard --wall" "$prefix/$wall_unit" ||
    fail "$wall_unit does not start $prefix/bin/heartbeat-dashboard --wall: $(grep '^ExecStart=' "$prefix/$wall_unit")"
  grep -qxF "WantedBy=graphical-session.target" "$prefix/$wall_unit" ||
    fail "$wall_unit is not started with the graphical session"
  if command -v systemd-analyze >/dev/null; then
    # The user manager needs a runtime directory; a scratch one when the caller has none.
    runtime=${XDG_RUNTIME_DIR:-}
    if [ -z "$runtime" ] || [ ! -d "$runtime" ]; then
      runtime="$prefix/run"
      mkdir -m 700 -p "$runtime"
    fi
    out=$(XDG_RUNTIME_DIR=$runtime systemd-analyze --user verify "$prefix/$wall_unit" 2>&1) || fail "systemd-analyze --user verify: $out"
    [ -z "$out" ] || fail "systemd-analyze --user verify: $out"
  fi
fi

# The installed binary runs from where it was put.
if [ -x "$prefix/bin/heartbeatd" ]; then
  version=$("$prefix/bin/heartbeatd" --version 2>&1) || fail "installed heartbeatd --version: $version"
fi

[ "$failed" -eq 0 ] && echo "install layout under $prefix: ok"
exit "$failed"
