#pragma once

// Value types of the sharded loan ledger. Plain data, cheap to copy, safe to pass between
// threads. Money is INTEGER minor units; times are Unix epoch milliseconds UTC.

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <array>
#include <optional>

namespace hb {

enum class LoanStatus : quint8 { Active, Overdue, Liquidated, Repaid };
inline constexpr int kLoanStatusCount = 4;
QString loanStatusName(LoanStatus status); // the stable string stored in loans.status
std::optional<LoanStatus> loanStatusFromName(QStringView name);
// Active and overdue loans are outstanding: they count in pool totals. The others are closed.
constexpr bool isOutstanding(LoanStatus status)
{
    return status == LoanStatus::Active || status == LoanStatus::Overdue;
}

enum class Commodity : quint8 { Rice, Corn, Wheat };
inline constexpr int kCommodityCount = 3;
QString commodityName(Commodity commodity); // "rice", "corn", "wheat"
std::optional<Commodity> commodityFromName(QStringView name);

// One row of `loans` (in the shard that owns `id`).
struct Loan
{
    QString id;
    QString borrower;
    QString pool;
    qint64 principal = 0; // minor units
    Commodity collateral = Commodity::Rice;
    double collateralQuantity = 0.0;
    qint64 createdMs = 0;
    qint64 dueMs = 0;
    LoanStatus status = LoanStatus::Active;
    qint64 updatedMs = 0;

    bool operator==(const Loan &other) const;
    bool operator!=(const Loan &other) const { return !(*this == other); }
};

// A stable hash of every field of `loan`; summed over a set of loans it is an order-independent
// checksum (what a migration verifies on the destination).
quint64 loanFingerprint(const Loan &loan);

// Count and order-independent checksum (wrapping sum of loanFingerprint) of a set of loans.
struct LoanChecksum
{
    qint64 count = 0;
    quint64 sum = 0;

    void add(const Loan &loan)
    {
        ++count;
        sum += loanFingerprint(loan);
    }
    void add(const LoanChecksum &other)
    {
        count += other.count;
        sum += other.sum;
    }
    bool operator==(const LoanChecksum &o) const { return count == o.count && sum == o.sum; }
    bool operator!=(const LoanChecksum &o) const { return !(*this == o); }
};

// Which loans a scan or count visits; every set field must match.
struct LoanFilter
{
    QVector<LoanStatus> statuses;      // empty: any status
    std::optional<qint64> dueBeforeMs; // due_ms < this
    QString pool;                      // empty: any pool
    std::optional<int> shard;          // only this shard's loans (none if it is not in the ring)
};

struct LoanCounts
{
    qint64 total = 0;
    std::array<qint64, kLoanStatusCount> byStatus{}; // indexed by LoanStatus

    qint64 of(LoanStatus status) const { return byStatus[size_t(status)]; }
};

struct ShardLoad
{
    int shard = 0;
    qint64 loans = 0;
};

// A pool's outstanding totals: sum of principal and number of its active + overdue loans.
struct PoolTotals
{
    QString pool;
    qint64 totalPrincipal = 0;
    qint64 activeLoans = 0;

    bool operator==(const PoolTotals &o) const
    {
        return pool == o.pool && totalPrincipal == o.totalPrincipal && activeLoans == o.activeLoans;
    }
};

// A stored pool total that disagreed with the loans, and what it was set to.
struct PoolCorrection
{
    PoolTotals before;
    PoolTotals after;
};

// One row of `prices`: the latest price of a commodity (per unit of collateral quantity).
struct PriceQuote
{
    Commodity commodity = Commodity::Rice;
    double price = 0.0;
    qint64 updatedAtMs = 0;
    QString source;
};

// Treasury and cycles balances, both in cycles (the platform's compute budget unit).
struct Balances
{
    qint64 treasury = 0;
    qint64 cycles = 0;

    bool operator==(const Balances &o) const
    {
        return treasury == o.treasury && cycles == o.cycles;
    }
};

// The result of a transfer or burn: `applied` is false when the source could not cover it
// (nothing changed then). Before/after are what the audit log records.
struct BalanceChange
{
    bool applied = false;
    Balances before;
    Balances after;
};

// The result of a status update. `found` is false for an unknown id; `applied` is false when
// the transition is not allowed (a repaid or liquidated loan is final) or changes nothing.
struct StatusChange
{
    bool found = false;
    bool applied = false;
    LoanStatus before = LoanStatus::Active;
    LoanStatus after = LoanStatus::Active;
};

// How a ledger change is recorded in the audit log. A mutating call given a note with an action
// writes one audit entry to the `audit_outbox` of the file its change commits to, in the same
// transaction (see ledger.h): the change and its record live or die together.
struct AuditNote
{
    QString actor;      // who acted ("heartbeat:auto_liquidation", "admin:ana"); empty: "ledger"
    QString action;     // "loan_liquidated", ...; empty: the change is not audited
    QJsonObject detail; // the ledger adds what only it knows (loan, before/after, counts)

    bool isEmpty() const { return action.isEmpty(); }
};

// What rebalance() did. `migrated` is false when the shard count was already right.
struct RebalanceReport
{
    bool migrated = false;
    int shardsBefore = 0;
    int shardsAfter = 0;
    qint64 loans = 0;
    qint64 movedLoans = 0;
    double seconds = 0.0;
};

} // namespace hb
