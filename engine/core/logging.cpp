#include "core/logging.h"

Q_LOGGING_CATEGORY(lcEngine, "hb.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "hb.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "hb.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTasks, "hb.tasks", QtInfoMsg)
