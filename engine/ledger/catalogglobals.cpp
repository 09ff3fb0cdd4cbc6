#include "ledger/catalog.h"

// The catalog's global tables: stored pool totals, prices, treasury and cycles balances.
// Upserts are plain SQL (UPDATE, then INSERT when no row matched, in one transaction) so the
// same statements run on PostgreSQL.

#include "ledger/auditoutbox.h"
#include "sqlite/sqlvalues.h"
#include "store/storeerror.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <algorithm>
#include <stdexcept>

namespace hb {

using namespace sql;

namespace {

QJsonObject balancesJson(const Balances &b)
{
    return {{QStringLiteral("treasury"), b.treasury}, {QStringLiteral("cycles"), b.cycles}};
}

QJsonObject totalsJson(const PoolTotals &t)
{
    return {{QStringLiteral("total_principal"), t.totalPrincipal},
            {QStringLiteral("active_loans"), t.activeLoans}};
}

// The audit entry of a balance change: the amount and both balances.
void auditBalances(SQLite::Database &db, const AuditNote *note, qint64 nowMs, qint64 amount,
                   const BalanceChange &change)
{
    if (!note || note->isEmpty())
        return;
    outbox::write(db,
                  outbox::entryFor(*note, nowMs,
                                   {{QStringLiteral("amount"), amount},
                                    {QStringLiteral("before"), balancesJson(change.before)},
                                    {QStringLiteral("after"), balancesJson(change.after)}}),
                  true);
}

} // namespace

QVector<PoolTotals> Catalog::poolTotals()
{
    QVector<PoolTotals> totals;
    try {
        SQLite::Statement q(*m_db, "SELECT id, total_principal, active_loans FROM pools"
                                   " ORDER BY id");
        while (q.executeStep())
            totals.append(
                {textOf(q.getColumn(0)), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()});
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot read pool totals"), e);
    }
    return totals;
}

void Catalog::setPoolTotals(const QVector<PoolTotals> &totals, qint64 nowMs)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement update(*m_db, "UPDATE pools SET total_principal = ?, active_loans = ?,"
                                        " updated_ms = ? WHERE id = ?");
        SQLite::Statement insert(*m_db, "INSERT INTO pools(total_principal, active_loans,"
                                        " updated_ms, id) VALUES(?, ?, ?, ?)");
        for (const PoolTotals &t : totals) {
            for (SQLite::Statement *stmt : {&update, &insert}) {
                bindInt(*stmt, 1, t.totalPrincipal);
                bindInt(*stmt, 2, t.activeLoans);
                bindInt(*stmt, 3, nowMs);
                bindText(*stmt, 4, t.pool);
            }
            if (update.exec() == 0)
                insert.exec();
            update.reset();
            insert.reset();
        }
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot write pool totals"), e);
    }
}

void Catalog::addToPoolTotals(const QVector<PoolTotals> &deltas, qint64 nowMs)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement update(*m_db, "UPDATE pools SET total_principal = total_principal + ?,"
                                        " active_loans = active_loans + ?, updated_ms = ?"
                                        " WHERE id = ?");
        SQLite::Statement insert(*m_db, "INSERT INTO pools(total_principal, active_loans,"
                                        " updated_ms, id) VALUES(?, ?, ?, ?)");
        for (const PoolTotals &d : deltas) {
            for (SQLite::Statement *stmt : {&update, &insert}) {
                bindInt(*stmt, 1, d.totalPrincipal);
                bindInt(*stmt, 2, d.activeLoans);
                bindInt(*stmt, 3, nowMs);
                bindText(*stmt, 4, d.pool);
            }
            if (update.exec() == 0)
                insert.exec();
            update.reset();
            insert.reset();
        }
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot write pool totals"), e);
    }
}

QVector<PoolCorrection> Catalog::correctPoolTotals(const QVector<PoolTotals> &derived,
                                                   qint64 nowMs, const AuditNote *note)
{
    QVector<PoolCorrection> corrections;
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        QHash<QString, PoolTotals> stored;
        for (const PoolTotals &t : poolTotals())
            stored.insert(t.pool, t);
        for (const PoolTotals &d : derived) {
            const PoolTotals before = stored.value(d.pool, PoolTotals{d.pool, 0, 0});
            if (before == d)
                continue;
            corrections.append({before, d});
        }
        if (corrections.isEmpty())
            return corrections;
        SQLite::Statement update(*m_db, "UPDATE pools SET total_principal = ?, active_loans = ?,"
                                        " updated_ms = ? WHERE id = ?");
        SQLite::Statement insert(*m_db, "INSERT INTO pools(total_principal, active_loans,"
                                        " updated_ms, id) VALUES(?, ?, ?, ?)");
        for (const PoolCorrection &c : std::as_const(corrections)) {
            for (SQLite::Statement *stmt : {&update, &insert}) {
                bindInt(*stmt, 1, c.after.totalPrincipal);
                bindInt(*stmt, 2, c.after.activeLoans);
                bindInt(*stmt, 3, nowMs);
                bindText(*stmt, 4, c.after.pool);
            }
            if (update.exec() == 0)
                insert.exec();
            update.reset();
            insert.reset();
            if (note && !note->isEmpty())
                outbox::write(*m_db,
                              outbox::entryFor(*note, nowMs,
                                               {{QStringLiteral("pool"), c.after.pool},
                                                {QStringLiteral("before"), totalsJson(c.before)},
                                                {QStringLiteral("after"), totalsJson(c.after)}}),
                              true);
        }
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot write pool totals"), e);
    }
    return corrections;
}

QVector<PriceQuote> Catalog::prices()
{
    QVector<PriceQuote> quotes;
    try {
        SQLite::Statement q(*m_db, "SELECT commodity, price, updated_at_ms, source FROM prices");
        while (q.executeStep()) {
            const QString name = textOf(q.getColumn(0));
            const std::optional<Commodity> commodity = commodityFromName(name);
            if (!commodity)
                throw StoreError(m_path + u": " +
                                 QCoreApplication::translate(
                                     "hb::Ledger", "prices hold an unknown commodity '%1'")
                                     .arg(name));
            quotes.append({*commodity, q.getColumn(1).getDouble(), q.getColumn(2).getInt64(),
                           textOf(q.getColumn(3))});
        }
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot read prices"), e);
    }
    std::sort(quotes.begin(), quotes.end(),
              [](const PriceQuote &a, const PriceQuote &b) { return a.commodity < b.commodity; });
    return quotes;
}

void Catalog::setPrice(const PriceQuote &quote, const AuditNote *note)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement update(*m_db, "UPDATE prices SET price = ?, updated_at_ms = ?,"
                                        " source = ? WHERE commodity = ?");
        SQLite::Statement insert(*m_db, "INSERT INTO prices(price, updated_at_ms, source,"
                                        " commodity) VALUES(?, ?, ?, ?)");
        for (SQLite::Statement *stmt : {&update, &insert}) {
            stmt->bind(1, quote.price);
            bindInt(*stmt, 2, quote.updatedAtMs);
            bindText(*stmt, 3, quote.source);
            bindText(*stmt, 4, commodityName(quote.commodity));
        }
        if (update.exec() == 0)
            insert.exec();
        if (note && !note->isEmpty())
            outbox::write(*m_db,
                          outbox::entryFor(*note, quote.updatedAtMs,
                                           {{QStringLiteral("commodity"),
                                             commodityName(quote.commodity)},
                                            {QStringLiteral("price"), quote.price},
                                            {QStringLiteral("source"), quote.source}}),
                          true);
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot write a price"), e);
    }
}

Balances Catalog::readBalances()
{
    Balances b;
    SQLite::Statement q(*m_db, "SELECT account, amount FROM balances");
    while (q.executeStep()) {
        const std::string account = q.getColumn(0).getString();
        if (account == "treasury")
            b.treasury = q.getColumn(1).getInt64();
        else if (account == "cycles")
            b.cycles = q.getColumn(1).getInt64();
    }
    return b;
}

Balances Catalog::balances()
{
    try {
        return readBalances();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot read balances"), e);
    }
}

void Catalog::setBalances(const Balances &balances, qint64 nowMs, const AuditNote *note)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        const Balances before = readBalances();
        SQLite::Statement q(*m_db, "UPDATE balances SET amount = ?, updated_ms = ?"
                                   " WHERE account = ?");
        for (const auto &[account, amount] :
             {std::pair("treasury", balances.treasury), std::pair("cycles", balances.cycles)}) {
            bindInt(q, 1, amount);
            bindInt(q, 2, nowMs);
            q.bind(3, account);
            q.exec();
            q.reset();
        }
        if (note && !note->isEmpty())
            outbox::write(*m_db,
                          outbox::entryFor(*note, nowMs,
                                           {{QStringLiteral("before"), balancesJson(before)},
                                            {QStringLiteral("after"), balancesJson(balances)}}),
                          true);
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot write balances"), e);
    }
}

BalanceChange Catalog::transferTreasuryToCycles(qint64 amount, qint64 nowMs,
                                               const AuditNote *note)
{
    if (amount <= 0)
        throw std::invalid_argument("transferTreasuryToCycles: amount must be positive");
    BalanceChange change;
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        change.before = readBalances();
        change.after = change.before;
        // The guard is in the UPDATE itself, so the check and the debit cannot be split.
        SQLite::Statement debit(*m_db, "UPDATE balances SET amount = amount - ?, updated_ms = ?"
                                       " WHERE account = 'treasury' AND amount >= ?");
        bindInt(debit, 1, amount);
        bindInt(debit, 2, nowMs);
        bindInt(debit, 3, amount);
        if (debit.exec() == 1) {
            SQLite::Statement credit(*m_db, "UPDATE balances SET amount = amount + ?,"
                                            " updated_ms = ? WHERE account = 'cycles'");
            bindInt(credit, 1, amount);
            bindInt(credit, 2, nowMs);
            credit.exec();
            change.after = readBalances();
            change.applied = true;
            auditBalances(*m_db, note, nowMs, amount, change);
            transaction.commit();
        }
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot transfer to cycles"), e);
    }
    return change;
}

BalanceChange Catalog::burnCycles(qint64 amount, qint64 nowMs, const AuditNote *note)
{
    if (amount <= 0)
        throw std::invalid_argument("burnCycles: amount must be positive");
    return adjust("cycles", -amount, nowMs,
                  QCoreApplication::translate("hb::Ledger", "cannot burn cycles"), note);
}

BalanceChange Catalog::creditTreasury(qint64 amount, qint64 nowMs, const AuditNote *note)
{
    if (amount <= 0)
        throw std::invalid_argument("creditTreasury: amount must be positive");
    return adjust("treasury", amount, nowMs,
                  QCoreApplication::translate("hb::Ledger", "cannot credit the treasury"), note);
}

BalanceChange Catalog::adjust(const char *account, qint64 delta, qint64 nowMs, const QString &what,
                              const AuditNote *note)
{
    BalanceChange change;
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        change.before = readBalances();
        change.after = change.before;
        // The guard is in the UPDATE itself, so the check and the change cannot be split.
        SQLite::Statement update(*m_db, "UPDATE balances SET amount = amount + ?1, updated_ms = ?2"
                                        " WHERE account = ?3 AND amount + ?1 >= 0");
        bindInt(update, 1, delta);
        bindInt(update, 2, nowMs);
        update.bind(3, account);
        if (update.exec() == 1) {
            change.after = readBalances();
            change.applied = true;
            auditBalances(*m_db, note, nowMs, delta < 0 ? -delta : delta, change);
            transaction.commit();
        }
    } catch (const SQLite::Exception &e) {
        fail(what, e);
    }
    return change;
}

} // namespace hb
