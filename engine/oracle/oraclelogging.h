#pragma once

#include <QLoggingCategory>

// The price oracle's own category, so `QT_LOGGING_RULES=hb.oracle.debug=true` shows every fetch.
Q_DECLARE_LOGGING_CATEGORY(lcOracle)
