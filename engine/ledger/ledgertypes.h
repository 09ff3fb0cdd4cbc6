#pragma once
// Value types of the sharded loan ledger (filled in by the ledger work).
