#include "oracle/demooracle.h"

#include "core/demomarket.h"
#include "oracle/oraclelogging.h"

#include <QCoreApplication>
#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace hb {

namespace {

// How far a walk moves per fetch (standard deviation of the log-price step) and how strongly it
// is pulled back to its level: together about 3 % typical distance from the level, so the
// jump rule (50 %) never trips on demo data.
constexpr double kVolatility = 0.01;
constexpr double kReversion = 0.05;
constexpr double kPi = 3.14159265358979323846;

enum class Fault { Outage, Truncated, NegativePrice, FutureTimestamp, Count };

// A stable hash (qHash is seeded per process): the same name gives the same walk on every run.
quint64 fnv1a(const QString &text)
{
    quint64 hash = 14'695'981'039'346'656'037ULL;
    for (const char byte : text.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 1'099'511'628'211ULL;
    }
    return hash;
}

QRandomGenerator seeded(quint64 seed)
{
    const quint32 words[2] = {quint32(seed), quint32(seed >> 32)};
    return QRandomGenerator(words, 2);
}

// A standard normal draw (Box-Muller), cut at 4 sigma so one step can never be wild. Always
// draws two numbers, which keeps the sequence of draws the same from fetch to fetch.
double normal(QRandomGenerator &random)
{
    const double u1 = 1.0 - random.generateDouble(); // (0, 1]: log() stays finite
    const double u2 = random.generateDouble();
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
    return std::clamp(z, -4.0, 4.0);
}

} // namespace

DemoOracle::DemoOracle(quint64 seed, double faultRate, std::shared_ptr<const Clock> clock)
    : OracleSource(std::move(clock))
    , m_seed(seed)
    , m_faultRate(std::clamp(faultRate, 0.0, 1.0))
    , m_random(seeded(seed))
{
}

QString DemoOracle::name() const
{
    return QStringLiteral("demo");
}

double DemoOracle::basePrice(const QString &commodity)
{
    if (const std::optional<double> level = demoMarketPrice(commodity))
        return *level;
    return 1'000 + double(fnv1a(commodity) % 19'000);
}

DemoOracle::Walk &DemoOracle::walk(const QString &commodity)
{
    auto it = m_walks.find(commodity);
    if (it == m_walks.end()) {
        Walk fresh{seeded(m_seed ^ fnv1a(commodity)), std::log(basePrice(commodity))};
        it = m_walks.emplace(commodity, std::move(fresh)).first;
    }
    return it->second;
}

OracleResult DemoOracle::fetch(const QStringList &commodities, const std::atomic_bool &cancelled)
{
    if (cancelled.load(std::memory_order_relaxed))
        return OracleResult::cancellation();

    const QMutexLocker lock(&m_mutex);
    const qint64 now = clock().nowMs();
    QVector<Quote> quotes;
    quotes.reserve(commodities.size());
    for (const QString &commodity : commodities) {
        Walk &w = walk(commodity);
        const double level = std::log(basePrice(commodity));
        w.logPrice += kReversion * (level - w.logPrice) + kVolatility * normal(w.random);
        const qint64 lagMs = w.random.bounded(5'000); // priced a moment ago, as feeds are
        quotes.append({commodity, std::round(std::exp(w.logPrice)), now - lagMs, name()});
    }

    // The same three draws every fetch, whatever happens: the sequence depends on the seed only.
    const qint64 latencyMs = 30 + m_random.bounded(91);
    const bool faulty = m_random.generateDouble() < m_faultRate;
    auto fault = Fault(m_random.bounded(int(Fault::Count)));
    const qsizetype victim = quotes.isEmpty() ? 0 : qsizetype(m_fetches % quint64(quotes.size()));
    ++m_fetches;

    OracleResult result;
    if (faulty && (fault == Fault::Outage || quotes.isEmpty())) {
        result = OracleResult::failure(QCoreApplication::translate(
            "hb::Oracle", "demo feed: simulated outage (HTTP 503 Service Unavailable)"));
    } else {
        if (faulty && fault == Fault::NegativePrice)
            quotes[victim].price = -quotes[victim].price;
        if (faulty && fault == Fault::FutureTimestamp)
            quotes[victim].timestampMs = now + 10 * 60'000;
        QByteArray document = priceDocument(quotes);
        if (faulty && fault == Fault::Truncated)
            document.truncate(document.size() / 2);
        result = parsePriceDocument(document, priceCheck(commodities));
    }
    result.latencyMs = latencyMs;
    if (!result.ok())
        qCDebug(lcOracle).noquote() << "demo fetch failed:" << result.summary();
    return result;
}

} // namespace hb
