#include "core/clock.h"

#include <QDateTime>

namespace hb {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace hb
