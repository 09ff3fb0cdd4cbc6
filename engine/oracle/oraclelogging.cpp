#include "oracle/oraclelogging.h"

Q_LOGGING_CATEGORY(lcOracle, "hb.oracle", QtInfoMsg)
