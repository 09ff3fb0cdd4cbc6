#include "ledger/ledgertypes.h"

#include "ledger/stablehash.h"

#include <QByteArray>

#include <cstring>

namespace hb {

namespace {
constexpr const char16_t *kStatusNames[] = {u"active", u"overdue", u"liquidated", u"repaid"};
constexpr const char16_t *kCommodityNames[] = {u"rice", u"corn", u"wheat"};
static_assert(std::size(kStatusNames) == kLoanStatusCount);
static_assert(std::size(kCommodityNames) == kCommodityCount);

template<typename Enum, size_t N>
std::optional<Enum> fromName(const char16_t *const (&names)[N], QStringView name)
{
    for (size_t i = 0; i < N; ++i) {
        if (name == QStringView(names[i]))
            return Enum(i);
    }
    return std::nullopt;
}
} // namespace

QString loanStatusName(LoanStatus status)
{
    return QString::fromUtf16(kStatusNames[int(status)]);
}

std::optional<LoanStatus> loanStatusFromName(QStringView name)
{
    return fromName<LoanStatus>(kStatusNames, name);
}

QString commodityName(Commodity commodity)
{
    return QString::fromUtf16(kCommodityNames[int(commodity)]);
}

std::optional<Commodity> commodityFromName(QStringView name)
{
    return fromName<Commodity>(kCommodityNames, name);
}

bool Loan::operator==(const Loan &o) const
{
    return id == o.id && borrower == o.borrower && pool == o.pool && principal == o.principal &&
           collateral == o.collateral && collateralQuantity == o.collateralQuantity &&
           createdMs == o.createdMs && dueMs == o.dueMs && status == o.status &&
           updatedMs == o.updatedMs;
}

quint64 loanFingerprint(const Loan &loan)
{
    // The exact bits of the quantity: a REAL survives SQLite unchanged, so any change shows.
    quint64 quantityBits = 0;
    static_assert(sizeof(quantityBits) == sizeof(loan.collateralQuantity));
    std::memcpy(&quantityBits, &loan.collateralQuantity, sizeof quantityBits);
    QByteArray bytes;
    bytes.reserve(128);
    // Fields are joined by a byte no text field contains in practice, so moving characters
    // from one field to the next changes the hash.
    const char sep = '\x1f';
    bytes += loan.id.toUtf8() + sep + loan.borrower.toUtf8() + sep + loan.pool.toUtf8() + sep +
             QByteArray::number(loan.principal) + sep + QByteArray::number(int(loan.collateral)) +
             sep + QByteArray::number(quantityBits) + sep + QByteArray::number(loan.createdMs) +
             sep + QByteArray::number(loan.dueMs) + sep + QByteArray::number(int(loan.status)) +
             sep + QByteArray::number(loan.updatedMs);
    return stableHash64(QByteArrayView(bytes));
}

} // namespace hb
