#pragma once
// Value types of the price oracle (filled in by the oracle work).
