#include "tasks/priceupdatetask.h"

#include "core/logging.h"
#include "ledger/ledger.h"
#include "oracle/oraclemonitor.h"
#include "oracle/oraclesource.h"
#include "tasks/taskcommon.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

namespace hb {

PriceUpdateTask::PriceUpdateTask(std::shared_ptr<Ledger> ledger,
                                 std::shared_ptr<OracleSource> oracle,
                                 std::shared_ptr<OracleMonitor> monitor)
    : m_ledger(std::move(ledger)), m_oracle(std::move(oracle)), m_monitor(std::move(monitor))
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

    const qint64 now = ctx.clock.nowMs();
    QHash<QString, double> reference;
    QHash<QString, PriceQuote> current;
    for (const PriceQuote &quote : m_ledger->prices()) {
        reference.insert(commodityName(quote.commodity), quote.price);
        current.insert(commodityName(quote.commodity), quote);
    }
    QStringList stale;
    for (int i = 0; i < kCommodityCount; ++i) {
        const QString commodity = commodityName(Commodity(i));
        const auto it = current.constFind(commodity);
        // "Older than" max_age: a price exactly max_age old is still good.
        if (it == current.cend() || now - it->updatedAtMs > ctx.config.oracleMaxAgeMs)
            stale.append(commodity);
    }
    if (stale.isEmpty())
        return TaskResult::success(0);
    if (ctx.isCancelled())
        return tasks::cancelledResult();

    m_oracle->setReferencePrices(reference);
    const OracleResult fetched = m_oracle->fetch(stale, ctx.cancelled);
    if (fetched.cancelled)
        return tasks::cancelledResult(); // says nothing about the feed: not recorded
    if (m_monitor)
        m_monitor->record(fetched, ctx.clock.nowMs());
    if (!fetched.error.isEmpty())
        return TaskResult::failure(
            QCoreApplication::translate("hb::Tasks", "price update of %1 failed: %2")
                .arg(stale.join(QStringLiteral(", ")), fetched.error));

    TaskResult result = TaskResult::success(0);
    for (const Quote &quote : fetched.quotes) {
        const std::optional<Commodity> commodity = commodityFromName(quote.commodity);
        if (!commodity || !stale.contains(quote.commodity))
            continue; // only what was asked for
        if (ctx.isCancelled())
            return tasks::cancelledResult(); // each price written so far is complete and audited
        const PriceQuote before = current.value(quote.commodity);
        QJsonObject detail{{QStringLiteral("after"), quote.price},
                           {QStringLiteral("after_updated_ms"), quote.timestampMs}};
        if (current.contains(quote.commodity)) {
            detail.insert(QStringLiteral("before"), before.price);
            detail.insert(QStringLiteral("before_updated_ms"), before.updatedAtMs);
        }
        // Committed with its audit entry (the ledger adds commodity, price and source).
        m_ledger->setPrice({*commodity, quote.price, quote.timestampMs, quote.source},
                           tasks::auditNote(name(), QStringLiteral("price_updated"), detail));
        ++result.items;
        result.samples.append({QStringLiteral("price.") + quote.commodity, now, quote.price});
    }
    tasks::burnForWork(*m_ledger, ctx.config, result.items);
    if (!fetched.errors.isEmpty()) {
        QStringList messages;
        for (const QuoteError &error : fetched.errors)
            messages.append(error.message);
        qCWarning(lcTasks).noquote() << "price update:" << messages.join(QStringLiteral("; "));
        // The good quotes stay written (and audited); the run still fails so the breaker sees a
        // feed that cannot price everything.
        TaskResult failed = TaskResult::failure(
            QCoreApplication::translate("hb::Tasks", "price update failed: %1")
                .arg(messages.join(QStringLiteral("; "))));
        failed.items = result.items;
        failed.samples = std::move(result.samples);
        return failed;
    }
    return result;
}

} // namespace hb
