#pragma once

#include <QLoggingCategory>

// Notifications: `QT_LOGGING_RULES=hb.notify.debug=true` shows every attempt.
Q_DECLARE_LOGGING_CATEGORY(lcNotify)
