#include "tasks/priceupdatetask.h"

#include "core/logging.h"
#include "ledger/ledger.h"
#include "oracle/oraclemonitor.h"
#include "oracle/oraclesource.h"
#include "tasks/taskcommon.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace hb {

// One run's view of the prices: what the ledger held, and what is still to be priced.
struct PriceUpdateTask::Fetch
{
    qint64 nowMs = 0;
    QHash<QString, double> reference;
    QHash<QString, PriceQuote> current;
    QStringList missing; // stale commodities no source has priced yet in this run
    TaskResult result = TaskResult::success(0);
};

PriceUpdateTask::PriceUpdateTask(std::shared_ptr<Ledger> ledger,
                                 std::shared_ptr<OracleSource> oracle,
                                 std::shared_ptr<OracleMonitor> monitor,
                                 std::shared_ptr<OracleSource> fallback)
    : m_ledger(std::move(ledger)), m_oracle(std::move(oracle)), m_monitor(std::move(monitor)),
      m_fallback(std::move(fallback))
{}

QString PriceUpdateTask::name() const
{
    return TaskName::PriceUpdate;
}

TaskResult PriceUpdateTask::run(const TaskContext &ctx)
{
    if (!m_ledger)
        return tasks::missingDependency(name(), QStringLiteral("ledger"));
    // No source is a setting (oracle.source "none"), not a fault: nothing to fetch, nothing for
    // the breaker to count, and the run says why.
    if (!m_oracle)
        return TaskResult::skipped(
            QCoreApplication::translate("hb::Tasks", "no price source configured"));

    Fetch fetch;
    fetch.nowMs = ctx.clock.nowMs();
    for (const PriceQuote &quote : m_ledger->prices()) {
        fetch.reference.insert(commodityName(quote.commodity), quote.price);
        fetch.current.insert(commodityName(quote.commodity), quote);
    }
    const QStringList stale = [&] {
        QStringList list;
        for (int i = 0; i < kCommodityCount; ++i) {
            const QString commodity = commodityName(Commodity(i));
            const auto it = fetch.current.constFind(commodity);
            // "Older than" max_age: a price exactly max_age old is still good.
            if (it == fetch.current.cend() || fetch.nowMs - it->updatedAtMs > ctx.config.oracleMaxAgeMs)
                list.append(commodity);
        }
        return list;
    }();
    if (stale.isEmpty()) {
        m_carriedSinceMs = 0; // fresh prices: nothing is carried forward any more
        return TaskResult::success(0);
    }
    if (ctx.isCancelled())
        return tasks::cancelledResult();

    m_oracle->setReferencePrices(fetch.reference);
    const OracleResult fetched = m_oracle->fetch(stale, ctx.cancelled);
    if (fetched.cancelled)
        return tasks::cancelledResult(); // says nothing about the feed: not recorded
    if (m_monitor)
        m_monitor->record(fetched, ctx.clock.nowMs());
    fetch.missing = stale;
    if (!write(fetched, ctx, &fetch))
        return tasks::cancelledResult(); // each price written so far is complete and audited

    if (fetched.ok()) {
        m_carriedSinceMs = 0;
        tasks::burnForWork(*m_ledger, ctx.config, fetch.result.items);
        return fetch.result;
    }
    const QString primaryError =
        !fetched.error.isEmpty()
            ? QCoreApplication::translate("hb::Tasks", "price update of %1 failed: %2")
                  .arg(stale.join(QStringLiteral(", ")), fetched.error)
            : QCoreApplication::translate("hb::Tasks", "price update failed: %1")
                  .arg(fetched.summary());
    qCWarning(lcTasks).noquote() << "price update:" << fetched.summary();

    // The fallbacks are about prices the run could not get; an error about an entry nobody asked
    // for, with every price written, fails the run as it always did.
    // With retries left, the source is tried again first.
    if (!fetch.missing.isEmpty() && ctx.lastAttempt) {
        switch (ctx.config.scheduleOf(name()).fallback) {
        case TaskSchedule::Fallback::Alternative:
            return tryAlternative(ctx, primaryError, &fetch);
        case TaskSchedule::Fallback::DefaultValue:
            return carryForward(ctx, primaryError, &fetch);
        default:
            break; // the engine's to apply, once the run has failed
        }
    }
    tasks::burnForWork(*m_ledger, ctx.config, fetch.result.items);
    // The good quotes stay written (and audited); the run still fails so the breaker sees a
    // feed that cannot price everything.
    TaskResult failed = TaskResult::failure(primaryError);
    failed.items = fetch.result.items;
    failed.samples = std::move(fetch.result.samples);
    return failed;
}

bool PriceUpdateTask::write(const OracleResult &fetched, const TaskContext &ctx, Fetch *fetch)
{
    for (const Quote &quote : fetched.quotes) {
        const std::optional<Commodity> commodity = commodityFromName(quote.commodity);
        if (!commodity || !fetch->missing.contains(quote.commodity))
            continue; // only what was asked for
        if (ctx.isCancelled())
            return false;
        const PriceQuote before = fetch->current.value(quote.commodity);
        QJsonObject detail{{QStringLiteral("after"), quote.price},
                           {QStringLiteral("after_updated_ms"), quote.timestampMs}};
        if (fetch->current.contains(quote.commodity)) {
            detail.insert(QStringLiteral("before"), before.price);
            detail.insert(QStringLiteral("before_updated_ms"), before.updatedAtMs);
        }
        // Committed with its audit entry (the ledger adds commodity, price and source).
        m_ledger->setPrice({*commodity, quote.price, quote.timestampMs, quote.source},
                           tasks::auditNote(name(), QStringLiteral("price_updated"), detail));
        fetch->missing.removeAll(quote.commodity);
        ++fetch->result.items;
        fetch->result.samples.append(
            {QStringLiteral("price.") + quote.commodity, fetch->nowMs, quote.price});
    }
    return true;
}

TaskResult PriceUpdateTask::tryAlternative(const TaskContext &ctx, const QString &primaryError,
                                           Fetch *fetch)
{
    const auto fail = [&](const QString &error) {
        tasks::burnForWork(*m_ledger, ctx.config, fetch->result.items);
        TaskResult failed = TaskResult::failure(error);
        failed.items = fetch->result.items;
        failed.samples = std::move(fetch->result.samples);
        return failed;
    };
    // Config validation refuses "alternative" without a second source; a task built without
    // one (a test, a start-up that could not build it) says so rather than pretend.
    if (!m_fallback)
        return fail(QCoreApplication::translate(
                        "hb::Tasks", "%1; no fallback price source to try (oracle.fallback_source)")
                        .arg(primaryError));
    if (ctx.isCancelled())
        return tasks::cancelledResult();

    const QStringList asked = fetch->missing;
    m_fallback->setReferencePrices(fetch->reference);
    // Not recorded in the monitor: it watches the configured feed, whose failure this was, and
    // a healthy fallback must not hide that the first source is down.
    const OracleResult fetched = m_fallback->fetch(asked, ctx.cancelled);
    if (fetched.cancelled)
        return tasks::cancelledResult();
    if (!write(fetched, ctx, fetch))
        return tasks::cancelledResult();
    if (!fetch->missing.isEmpty() || !fetched.ok()) {
        qCWarning(lcTasks).noquote() << "price update: fallback source" << m_fallback->name()
                                     << "failed too:" << fetched.summary();
        return fail(QCoreApplication::translate(
                        "hb::Tasks", "%1; the fallback source %2 failed too: %3")
                        .arg(primaryError, m_fallback->name(), fetched.summary()));
    }
    m_carriedSinceMs = 0;
    tasks::burnForWork(*m_ledger, ctx.config, fetch->result.items);
    const QJsonObject detail{{QStringLiteral("primary_source"), m_oracle->name()},
                             {QStringLiteral("fallback_source"), m_fallback->name()},
                             {QStringLiteral("primary_error"), primaryError},
                             {QStringLiteral("commodities"), QJsonArray::fromStringList(asked)}};
    fetch->result.audit.append({0, QString(), QStringLiteral("price_source_fallback"),
                                tasks::auditDetail(detail), QString()});
    qCInfo(lcTasks).noquote() << "price update: the fallback source" << m_fallback->name()
                              << "priced" << asked.join(QStringLiteral(", "));
    return fetch->result;
}

TaskResult PriceUpdateTask::carryForward(const TaskContext &ctx, const QString &primaryError,
                                         Fetch *fetch)
{
    tasks::burnForWork(*m_ledger, ctx.config, fetch->result.items);
    QStringList unknown;
    QJsonObject carried;
    for (const QString &commodity : std::as_const(fetch->missing)) {
        const auto it = fetch->current.constFind(commodity);
        if (it == fetch->current.cend()) {
            unknown.append(commodity);
            continue;
        }
        carried.insert(commodity,
                       QJsonObject{{QStringLiteral("price"), it->price},
                                   {QStringLiteral("updated_ms"), it->updatedAtMs},
                                   {QStringLiteral("age_ms"), fetch->nowMs - it->updatedAtMs}});
    }
    if (!unknown.isEmpty()) {
        TaskResult failed = TaskResult::failure(
            QCoreApplication::translate("hb::Tasks",
                                        "no last known price of %1 to carry forward: %2")
                .arg(unknown.join(QStringLiteral(", ")), primaryError));
        failed.items = fetch->result.items;
        failed.samples = std::move(fetch->result.samples);
        return failed;
    }

    // Audited when the prices begin to be carried forward, not on every tick after: the alert
    // says it for as long as it lasts, and the capped audit log keeps room for other changes.
    const bool begins = m_carriedSinceMs == 0;
    if (begins)
        m_carriedSinceMs = fetch->nowMs;
    const QDateTime since = QDateTime::fromMSecsSinceEpoch(m_carriedSinceMs).toLocalTime();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(fetch->nowMs).toLocalTime();
    // A time alone is enough today; an outage that began on an earlier day names the day too.
    const QString sinceText = since.toString(since.date() == now.date()
                                                 ? QStringLiteral("HH:mm")
                                                 : QStringLiteral("yyyy-MM-dd HH:mm"));
    const QJsonObject detail{{QStringLiteral("error"), primaryError},
                             {QStringLiteral("carried"), carried},
                             {QStringLiteral("since_ms"), m_carriedSinceMs}};
    TaskResult result = std::move(fetch->result);
    if (begins)
        result.audit.append({0, QString(), QStringLiteral("price_carried_forward"),
                             tasks::auditDetail(detail), QString()});
    result.alerts.append({m_carriedSinceMs, name(), QStringLiteral("price_carried_forward"),
                          Severity::Warning,
                          QCoreApplication::translate("hb::Tasks",
                                                      "Prices carried forward since %1: %2")
                              .arg(sinceText, primaryError)});
    return result;
}

} // namespace hb
