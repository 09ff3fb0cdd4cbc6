#include "notify/notifylogging.h"

Q_LOGGING_CATEGORY(lcNotify, "hb.notify", QtInfoMsg)
