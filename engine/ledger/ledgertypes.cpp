#include "ledger/ledgertypes.h"
