#!/usr/bin/env bash
# A longer soak of the integrity test outside CI: SIGKILL heartbeatd at N random moments
# (default 300) while the demo workload liquidates and repays loans, then check that the
# ledger and the audit log agree. Builds first. Usage: scripts/soak-kills.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-300}
scripts/build.sh >/dev/null
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='hb.*.info=false' HB_KILLS="$kills"
export QTEST_FUNCTION_TIMEOUT=$((kills * 5000 + 600000))
exec build/tests/tst_integrity sigkillAtRandomMoments -maxwarnings 0
