#pragma once

// The ledger's placement hash. It decides which shard file a loan lives in, so it must give the
// same value on every platform, compiler and run, forever: never qHash or std::hash (both are
// seeded or implementation-defined). Changing it would strand every stored loan.

#include <QByteArrayView>
#include <QStringView>

namespace hb {

// FNV-1a, 64-bit, over raw bytes.
quint64 fnv1a64(QByteArrayView bytes);

// FNV-1a 64 of the UTF-8 bytes of `text`, then the MurmurHash3 64-bit finaliser. FNV alone
// spreads short, similar keys ("L000001", "L000002", "shard-3#17") poorly over the high bits
// the ring orders by; the finaliser makes every input bit affect every output bit.
quint64 stableHash64(QStringView text);
quint64 stableHash64(QByteArrayView utf8);

} // namespace hb
