#include "oracle/oracletypes.h"
