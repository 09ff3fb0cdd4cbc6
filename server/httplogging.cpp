#include "httplogging.h"

Q_LOGGING_CATEGORY(lcHttp, "hb.http")
