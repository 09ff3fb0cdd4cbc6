#include "core/demomarket.h"

namespace hb {

std::optional<double> demoMarketPrice(QStringView commodity)
{
    if (commodity == u"rice")
        return 14'500;
    if (commodity == u"corn")
        return 5'800;
    if (commodity == u"wheat")
        return 5'200;
    return std::nullopt;
}

} // namespace hb
