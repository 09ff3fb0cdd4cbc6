#include "ledgeroutbox.h"

#include "ledger/ledger.h"

#include <QCoreApplication>

namespace hb {

LedgerOutbox::LedgerOutbox(std::shared_ptr<Ledger> ledger)
    : m_ledger(std::move(ledger))
{
}

QVector<AuditEntry> LedgerOutbox::take()
{
    return m_ledger->takeOutbox();
}

void LedgerOutbox::acknowledge(const QStringList &uids)
{
    m_ledger->acknowledgeOutbox(uids);
}

void LedgerOutbox::release(const QStringList &uids)
{
    m_ledger->releaseOutbox(uids);
}

void LedgerOutbox::storeFailed(const QString &reason)
{
    m_ledger->refuseChanges(
        QCoreApplication::translate("hb::Ledger",
                                    "ledger changes refused: the metrics store failed (%1)")
            .arg(reason));
}

void LedgerOutbox::storeRecovered()
{
    m_ledger->allowChanges();
}

} // namespace hb
