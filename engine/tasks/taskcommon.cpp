#include "tasks/taskcommon.h"

#include "ledger/ledger.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <limits>

namespace hb::tasks {

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::Tasks", text);
}

TaskResult missingDependency(const QString &task, const QString &what)
{
    return TaskResult::failure(
        QCoreApplication::translate("hb::Tasks", "%1 cannot run: no %2 was configured")
            .arg(task, what));
}

qint64 burnForWork(Ledger &ledger, const HeartbeatConfig &config, qint64 items)
{
    if (items <= 0 || config.cyclesCostPerItem <= 0)
        return 0;
    // Saturate instead of overflowing: a huge ledger times a large cost is "everything".
    const qint64 cost = items > std::numeric_limits<qint64>::max() / config.cyclesCostPerItem
                            ? std::numeric_limits<qint64>::max()
                            : items * config.cyclesCostPerItem;
    // A burn larger than the balance takes what is left. Another task may burn in between:
    // then this one is refused and burns nothing this time, which is harmless.
    const qint64 amount = std::min(cost, std::max<qint64>(0, ledger.balances().cycles));
    if (amount <= 0)
        return 0;
    return ledger.burnCycles(amount).applied ? amount : 0;
}

AuditNote auditNote(const QString &task, const QString &action, const QJsonObject &detail)
{
    return {QStringLiteral("heartbeat:") + task, action, detail};
}

QString auditDetail(const QJsonObject &detail)
{
    return QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
}

TaskResult cancelledResult()
{
    return TaskResult::failure(tr("cancelled before it finished"));
}

} // namespace hb::tasks
