#pragma once

// Shared by the ledger tests (header-only: each tst_*.cpp is its own executable).

#include "core/clock.h"
#include "filelimits.h"
#include "ledger/ledger.h"
#include "ledger/shard.h"
#include "ledger/stablehash.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>


namespace hb::test {

// 2023-11-14 22:13:20 UTC, the FakeClock's default start.
inline constexpr qint64 kNow = 1'700'000'000'000;
using hb::kDayMs;

inline std::string utf8(const QString &s)
{
    return s.toStdString();
}

// The test's own order-independent checksum over what a user cares about (id, principal,
// status), computed independently of the ledger's loanFingerprint.
struct LoanSum
{
    qint64 count = 0;
    quint64 sum = 0;
    void add(const Loan &loan)
    {
        ++count;
        const QByteArray text = loan.id.toUtf8() + '|' + QByteArray::number(loan.principal) + '|' +
                                loanStatusName(loan.status).toUtf8();
        sum += fnv1a64(text);
    }
    bool operator==(const LoanSum &o) const { return count == o.count && sum == o.sum; }
};

inline LoanSum sumOf(Ledger &ledger)
{
    LoanSum s;
    ledger.forEachLoan({}, [&](const Loan &loan) {
        s.add(loan);
        return true;
    });
    return s;
}

inline LoanSum sumOf(const QVector<Loan> &loans)
{
    LoanSum s;
    for (const Loan &loan : loans)
        s.add(loan);
    return s;
}

inline Loan makeLoan(int n, const QString &pool = QStringLiteral("pool-a"),
                     LoanStatus status = LoanStatus::Active)
{
    Loan loan;
    loan.id = QStringLiteral("T-%1").arg(n, 6, 10, QLatin1Char('0'));
    loan.borrower = QStringLiteral("B-%1").arg(n % 97);
    loan.pool = pool;
    loan.principal = 10'000 + n * 37;
    loan.collateral = Commodity(n % 3);
    loan.collateralQuantity = 100.25 + n;
    loan.createdMs = kNow - 60 * kDayMs + n;
    loan.dueMs = kNow - 30 * kDayMs + (n % 60) * kDayMs; // half past due, half not
    loan.status = status;
    loan.updatedMs = loan.createdMs;
    return loan;
}

inline QVector<Loan> makeLoans(int from, int count)
{
    QVector<Loan> loans;
    for (int i = from; i < from + count; ++i)
        loans.append(makeLoan(i, i % 3 == 0 ? QStringLiteral("pool-a") : QStringLiteral("pool-b")));
    return loans;
}

// Loan ids stored in one shard file, read directly with SQLite.
inline QStringList idsInFile(const QString &path)
{
    QStringList ids;
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT id FROM loans ORDER BY id");
    while (q.executeStep())
        ids << QString::fromUtf8(q.getColumn(0).getText());
    return ids;
}

inline QStringList shardFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("shard-*.db")}, QDir::Files, QDir::Name);
}

} // namespace hb::test
