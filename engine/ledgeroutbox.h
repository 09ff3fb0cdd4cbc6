#pragma once

#include "core/auditoutbox.h"

#include <memory>

namespace hb {

class Ledger;

// The ledger's outboxes as the metrics writer sees them (core/auditoutbox.h): entries are taken
// from and acknowledged to the ledger files; a store failure makes the ledger refuse changes.
class LedgerOutbox : public AuditOutbox
{
public:
    explicit LedgerOutbox(std::shared_ptr<Ledger> ledger);

    QVector<AuditEntry> take() override;
    void acknowledge(const QStringList &uids) override;
    void release(const QStringList &uids) override;
    void storeFailed(const QString &reason) override;
    void storeRecovered() override;

private:
    std::shared_ptr<Ledger> m_ledger;
};

} // namespace hb
