#include "chartlogging.h"

Q_LOGGING_CATEGORY(lcCharts, "hb.charts", QtInfoMsg)
