#include "uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "hb.ui", QtInfoMsg)
