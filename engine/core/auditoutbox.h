#pragma once

// Where audit entries wait to be moved into metrics.db: the ledger's outboxes, each entry
// committed in the same transaction as the change it records. The metrics writer takes them
// on its own thread, commits them in its next transaction (metrics.db stores each uid once)
// and answers: acknowledge() once committed, release() when the commit failed.

#include "core/records.h"

#include <QStringList>
#include <QVector>

namespace hb {

class AuditOutbox
{
public:
    virtual ~AuditOutbox() = default;
    virtual QVector<AuditEntry> take() = 0;
    virtual void acknowledge(const QStringList &uids) = 0;
    virtual void release(const QStringList &uids) = 0;
    // metrics.db cannot be written: changes that would need an audit entry must stop at once,
    // before the engine hears of it. storeRecovered(): they may go on.
    virtual void storeFailed(const QString &reason) = 0;
    virtual void storeRecovered() = 0;
};

} // namespace hb
