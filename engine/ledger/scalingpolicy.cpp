#include "ledger/scalingpolicy.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hb {

void ScalingPolicy::validate() const
{
    if (capacity < 1)
        throw std::invalid_argument("ScalingPolicy: capacity must be at least 1");
    if (minShards < 1 || maxShards < minShards)
        throw std::invalid_argument("ScalingPolicy: need 1 <= minShards <= maxShards");
    if (!(scaleDownLoad >= 0.0 && scaleDownLoad < targetLoad && targetLoad < scaleUpLoad))
        throw std::invalid_argument(
            "ScalingPolicy: need 0 <= scaleDownLoad < targetLoad < scaleUpLoad");
}

double ScalingPolicy::averageLoad(qint64 loans, int shards) const
{
    return shards > 0 ? double(loans) / (double(shards) * double(capacity)) : 0.0;
}

int ScalingPolicy::targetShards(qint64 loans, int currentShards) const
{
    const int current = std::clamp(currentShards, minShards, maxShards);
    const double load = averageLoad(loans, current);
    const auto needed = [&] {
        const double exact = double(loans) / (double(capacity) * targetLoad);
        return int(std::min<double>(std::ceil(exact), maxShards));
    };
    int target = current;
    if (load > scaleUpLoad)
        target = std::max(needed(), current + 1);
    else if (load < scaleDownLoad)
        target = std::min(needed(), current - 1);
    return std::clamp(target, minShards, maxShards);
}

} // namespace hb
