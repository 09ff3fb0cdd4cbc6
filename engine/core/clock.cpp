#include "core/clock.h"

#include <QDateTime>

namespace hb {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString localTimeText(qint64 ms, qint64 referenceMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    if (at.date() == QDateTime::fromMSecsSinceEpoch(referenceMs).date())
        return at.toString(u"HH:mm:ss");
    return at.toString(u"yyyy-MM-dd HH:mm:ss");
}

} // namespace hb
