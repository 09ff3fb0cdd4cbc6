#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCharts) // "hb.charts": chart buffers and range loading
