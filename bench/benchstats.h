#pragma once

// Small measuring helpers the benchmarks share.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <algorithm>
#include <cmath>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace hb::bench {

// What malloc holds: bytes in use by the program and bytes free inside the heaps (kept by the
// allocator, still resident if touched). RSS growth with `inUse` flat is the allocator's.
struct HeapKiB
{
    qint64 inUse = 0;
    qint64 free = 0;
};
inline HeapKiB heapKiB()
{
#ifdef __GLIBC__
    const struct mallinfo2 info = ::mallinfo2(); // all arenas
    return {qint64((info.uordblks + info.hblkhd) / 1024), qint64(info.fordblks / 1024)};
#else
    return {};
#endif
}

// This process's resident set size, from /proc/self/status; 0 where it cannot be read.
inline qint64 rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// The nearest-rank percentile (p in 0..1) of `values`; 0 for none.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(p * double(values.size()));
    const size_t i = std::min(values.size() - 1, size_t(std::max(rank, 1.0)) - 1);
    return values[i];
}

} // namespace hb::bench
