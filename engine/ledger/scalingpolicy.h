#pragma once

// How many shards the ledger should have for a number of loans. Pure arithmetic, no I/O.
//
// The average load is loans / (shards * capacity). Nothing changes while it stays within
// [scaleDownLoad, scaleUpLoad]. Outside that band the count is recomputed in one go so the
// average lands on targetLoad (the middle of the band by default: right after a scale-up the
// ledger is not already at the next threshold, so one migration per crossing instead of a
// trickle of small ones). The result is always within [minShards, maxShards].

#include <QtGlobal>

namespace hb {

struct ScalingPolicy
{
    int capacity = 1000;         // loans per shard at 100 % load
    double scaleUpLoad = 0.80;   // grow above this average load
    double scaleDownLoad = 0.30; // shrink below this average load
    double targetLoad = 0.55;    // what a scaling step aims for
    int minShards = 2;
    int maxShards = 100;

    // Throws std::invalid_argument naming the field that makes no sense.
    void validate() const;
    int targetShards(qint64 loans, int currentShards) const;
    double averageLoad(qint64 loans, int shards) const;
};

} // namespace hb
