#pragma once

#include <QLoggingCategory>

// The ledger's own category ("hb.ledger"): shard scaling, migrations, recovery, breakers.
Q_DECLARE_LOGGING_CATEGORY(lcLedger)
