#include "ledger/stablehash.h"

#include <QByteArray>

namespace hb {

namespace {

constexpr quint64 kFnvOffset = 0xcbf29ce484222325ULL;
constexpr quint64 kFnvPrime = 0x100000001b3ULL;

constexpr quint64 fnvStep(quint64 h, quint8 byte)
{
    return (h ^ byte) * kFnvPrime;
}

constexpr quint64 fmix64(quint64 k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

} // namespace

quint64 fnv1a64(QByteArrayView bytes)
{
    quint64 h = kFnvOffset;
    for (const char c : bytes)
        h = fnvStep(h, quint8(c));
    return h;
}

quint64 stableHash64(QByteArrayView utf8)
{
    return fmix64(fnv1a64(utf8));
}

quint64 stableHash64(QStringView text)
{
    // Loan ids are ASCII: hash them without building a UTF-8 copy (routing is a hot path).
    quint64 h = kFnvOffset;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return stableHash64(QByteArrayView(text.toUtf8()));
        h = fnvStep(h, quint8(c.unicode()));
    }
    return fmix64(h);
}

} // namespace hb
