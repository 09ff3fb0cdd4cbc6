#include "format.h"

#include "core/config.h"
#include "core/records.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <iterator>

namespace hb::format {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("hb::format", text);
}
} // namespace

QString duration(qint64 ms)
{
    const QLocale locale;
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60'000)
        return tr("%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', ms % 1000 == 0 ? 0 : 1));
    return tr("%1 min %2 s").arg(ms / 60'000).arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'));
}

QString age(qint64 ms)
{
    if (ms < 0)
        return tr("never");
    if (ms < 1000)
        return tr("just now");
    if (ms < 60'000)
        return tr("%1 s ago").arg(ms / 1000);
    if (ms < 3'600'000)
        return tr("%1 min ago").arg(ms / 60'000);
    return tr("%1 h ago").arg(ms / 3'600'000);
}

QString until(qint64 ms)
{
    if (ms <= 0)
        return tr("now");
    if (ms < 59'500)
        return tr("in %1 s").arg(std::max<qint64>(1, (ms + 500) / 1000));
    const qint64 minutes = (ms + 30'000) / 60'000;
    if (minutes < 60)
        return tr("in %1 min").arg(minutes);
    const qint64 hours = (ms + 1'800'000) / 3'600'000;
    if (hours < 48)
        return tr("in %1 h").arg(hours);
    return tr("in %1 d").arg((ms + 43'200'000) / 86'400'000);
}

QString runTime(qint64 epochMs, qint64 referenceMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(epochMs);
    const bool today = at.date() == QDateTime::fromMSecsSinceEpoch(referenceMs).date();
    return at.toString(today ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString span(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    struct Unit
    {
        qint64 ms;
        const char *text;
    };
    static const Unit units[] = {{86'400'000, QT_TRANSLATE_NOOP("hb::format", "%1 d")},
                                 {3'600'000, QT_TRANSLATE_NOOP("hb::format", "%1 h")},
                                 {60'000, QT_TRANSLATE_NOOP("hb::format", "%1 min")},
                                 {1'000, QT_TRANSLATE_NOOP("hb::format", "%1 s")}};
    for (size_t i = 0; i < std::size(units); ++i) {
        if (ms < units[i].ms)
            continue;
        const QString big = tr(units[i].text).arg(ms / units[i].ms);
        const qint64 rest = ms % units[i].ms;
        if (i + 1 == std::size(units) || rest < units[i + 1].ms)
            return big;
        return big + u' ' + tr(units[i + 1].text).arg(rest / units[i + 1].ms);
    }
    return tr("%1 ms").arg(ms);
}

QString dateTimeFormat(const QLocale &locale)
{
    // The locale's long time format has the seconds; its time zone ("t", outside quoted text)
    // goes, with the space or brackets around it: every time shown is local.
    const QString time = locale.timeFormat(QLocale::LongFormat);
    QString kept;
    bool quoted = false;
    for (const QChar c : time) {
        if (c == u'\'')
            quoted = !quoted;
        if (quoted || c != u't')
            kept.append(c);
    }
    kept = kept.trimmed();
    while (kept.endsWith(u"()") || kept.endsWith(u'(') || kept.endsWith(u')'))
        kept = kept.chopped(kept.endsWith(u"()") ? 2 : 1).trimmed();
    return locale.dateFormat(QLocale::ShortFormat) + u' ' + kept;
}

QString localTime(qint64 epochMs)
{
    if (epochMs <= 0)
        return QStringLiteral("—");
    // Tables call this for every cell a filter looks at: the format is worked out once per
    // locale, not per call.
    thread_local QLocale cachedLocale(QLocale::c());
    thread_local QString cachedFormat = dateTimeFormat(cachedLocale);
    const QLocale locale;
    if (locale != cachedLocale) {
        cachedLocale = locale;
        cachedFormat = dateTimeFormat(locale);
    }
    return locale.toString(QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime(), cachedFormat);
}

QString bytes(qint64 value)
{
    if (value < 0)
        return QStringLiteral("—");
    return QLocale().formattedDataSize(value, 1, QLocale::DataSizeSIFormat);
}

QString percent(double fraction)
{
    return tr("%1 %").arg(QLocale().toString(fraction * 100.0, 'f', 1));
}

QString outcome(int value)
{
    switch (Outcome(value)) {
    case Outcome::Success:
        return tr("success");
    case Outcome::Failure:
        return tr("failure");
    case Outcome::Timeout:
        return tr("timeout");
    case Outcome::Skipped:
        return tr("skipped");
    case Outcome::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString breakerState(int value)
{
    switch (BreakerState(value)) {
    case BreakerState::Closed:
        return tr("closed");
    case BreakerState::Open:
        return tr("open");
    case BreakerState::HalfOpen:
        return tr("half-open");
    }
    return {};
}

QString taskTitle(const QString &task)
{
    static const QHash<QString, const char *> titles = {
        {TaskName::PriceUpdate, QT_TRANSLATE_NOOP("hb::format", "Price update")},
        {TaskName::LoanMonitoring, QT_TRANSLATE_NOOP("hb::format", "Loan monitoring")},
        {TaskName::CyclesMonitoring, QT_TRANSLATE_NOOP("hb::format", "Cycles monitoring")},
        {TaskName::MemoryMonitoring, QT_TRANSLATE_NOOP("hb::format", "Memory monitoring")},
        {TaskName::AutoCleanup, QT_TRANSLATE_NOOP("hb::format", "Auto cleanup")},
        {TaskName::PoolMaintenance, QT_TRANSLATE_NOOP("hb::format", "Pool maintenance")},
        {TaskName::AutoLiquidation, QT_TRANSLATE_NOOP("hb::format", "Auto liquidation")},
        {TaskName::OracleMonitoring, QT_TRANSLATE_NOOP("hb::format", "Oracle monitoring")},
        {TaskName::TreasuryMonitoring, QT_TRANSLATE_NOOP("hb::format", "Treasury monitoring")},
        {TaskName::ShardBalancing, QT_TRANSLATE_NOOP("hb::format", "Shard balancing")},
        // The demo's own task (engine/tasks/demoworkloadtask.h), not one of the nine.
        {QStringLiteral("demo_workload"), QT_TRANSLATE_NOOP("hb::format", "Demo workload")},
    };
    const auto it = titles.constFind(task);
    return it != titles.cend() ? tr(it.value()) : task;
}

} // namespace hb::format
