// The price document every oracle source delivers: which quotes are believed, which are refused
// and why; and the sources that need no network (file, demo) plus the factory.

#include "core/clock.h"
#include "core/config.h"
#include "oracle/demooracle.h"
#include "oracle/fileoracle.h"
#include "oracle/oraclefactory.h"
#include "oracle/pricedocument.h"

#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kNow = 1'700'000'000'000; // FakeClock's default start
constexpr qint64 kRecent = kNow - 5'000;

const QStringList kGrains{u"rice"_s, u"corn"_s, u"wheat"_s};

QByteArray entry(const QByteArray &commodity, const QByteArray &rest)
{
    return "{\"commodity\": \"" + commodity + "\", " + rest + "}";
}

QByteArray goodEntry(const QByteArray &commodity, double price)
{
    return entry(commodity, "\"price\": " + QByteArray::number(price) +
                                ", \"timestamp_ms\": " + QByteArray::number(kRecent));
}

// A document with a good rice quote before `middle` and a good wheat quote after it.
QByteArray sandwich(const QByteArray &middle)
{
    return "{\"prices\": [" + goodEntry("rice", 14500.5) + ", " + middle + ", " +
           goodEntry("wheat", 5200) + "]}";
}

PriceCheck check()
{
    PriceCheck c;
    c.nowMs = kNow;
    c.reference.insert(u"corn"_s, 5000);
    c.defaultSource = u"test-feed"_s;
    return c;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size() && file.flush();
}

QString describe(const OracleResult &r)
{
    return u"error: '"_s + r.error + u"', errors: '" + r.summary() + u"', quotes: " +
           QString::number(r.quotes.size());
}

} // namespace

class TestOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The document and its checks.
    void acceptsGoodDocument();
    void acceptsBoundaries_data();
    void acceptsBoundaries();
    void rejectsBadQuote_data();
    void rejectsBadQuote();
    void rejectsDocument_data();
    void rejectsDocument();
    void requestedCommodities();
    void documentRoundTrip();

    // Sources without network.
    void fileGood();
    void fileMissing();
    void fileMalformed();
    void fileTooLarge();
    void demoDeterministic();
    void demoCommoditiesIndependent();
    void demoWithoutFaultsNeverFails();
    void demoAlwaysFaulty();
    void demoFaultRate();
    void demoCancelled();
    void factory_data();
    void factory();
    void factoryBuildsNoSourceForNone();
    void factoryRefusesBadConfig();
};

void TestOracle::acceptsGoodDocument()
{
    const QByteArray json = R"({"generated_at": 1, "prices": [
        {"commodity": "rice", "price": 14500.5, "timestamp_ms": 1699999995000, "source": "bapanas"},
        {"commodity": "corn", "price": 5800, "timestamp_ms": 1699999000000, "extra": true}
    ]})";
    const OracleResult r = parsePriceDocument(json, check());
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.quotes.size(), qsizetype(2));
    QCOMPARE(r.quotes.at(0), (Quote{u"rice"_s, 14500.5, 1'699'999'995'000, u"bapanas"_s}));
    // Without "source" the oracle's own name stands in.
    QCOMPARE(r.quotes.at(1), (Quote{u"corn"_s, 5800, 1'699'999'000'000, u"test-feed"_s}));
    QCOMPARE(r.quote(u"corn"_s)->price, 5800.0);
    QVERIFY(!r.quote(u"wheat"_s));
    QVERIFY(r.summary().isEmpty());
}

void TestOracle::acceptsBoundaries_data()
{
    QTest::addColumn<QByteArray>("commodity");
    QTest::addColumn<QByteArray>("rest");
    QTest::addColumn<double>("price");

    const QByteArray at = ", \"timestamp_ms\": " + QByteArray::number(kRecent);
    // Soy has no reference price: only the fixed bounds apply.
    QTest::newRow("price at the ceiling")
        << QByteArray("soy") << QByteArray("\"price\": 1e9" + at) << 1e9;
    QTest::newRow("tiny price") << QByteArray("soy") << QByteArray("\"price\": 0.0001" + at)
                                << 0.0001;
    // The reference for corn is 5000: exactly 50 % either way is still believable.
    QTest::newRow("up 50 %") << QByteArray("corn") << QByteArray("\"price\": 7500" + at) << 7500.0;
    QTest::newRow("down 50 %") << QByteArray("corn") << QByteArray("\"price\": 2500" + at)
                               << 2500.0;
    QTest::newRow("one minute ahead") << QByteArray("corn")
                                      << QByteArray("\"price\": 5000, \"timestamp_ms\": " +
                                                    QByteArray::number(kNow + kMaxClockSkewMs))
                                      << 5000.0;
    QTest::newRow("timestamp written as 1.7e12")
        << QByteArray("corn") << QByteArray("\"price\": 5000, \"timestamp_ms\": 1.7e12") << 5000.0;
    QTest::newRow("a year old") // age is the price task's business, not the document's
        << QByteArray("corn")
        << QByteArray("\"price\": 5000, \"timestamp_ms\": " +
                      QByteArray::number(kNow - 365LL * 86'400'000))
        << 5000.0;
}

void TestOracle::acceptsBoundaries()
{
    QFETCH(QByteArray, commodity);
    QFETCH(QByteArray, rest);
    QFETCH(double, price);
    const OracleResult r = parsePriceDocument(sandwich(entry(commodity, rest)), check());
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.quotes.size(), qsizetype(3));
    QCOMPARE(r.quote(QString::fromUtf8(commodity))->price, price);
}

void TestOracle::rejectsBadQuote_data()
{
    QTest::addColumn<QByteArray>("middle");
    QTest::addColumn<QString>("commodity");
    QTest::addColumn<QStringList>("messageContains");

    const QByteArray at = ", \"timestamp_ms\": " + QByteArray::number(kRecent);
    auto corn = [](const QByteArray &rest) { return entry("corn", rest); };

    QTest::newRow("price missing") << corn("\"timestamp_ms\": 1699999995000") << u"corn"_s
                                   << QStringList{u"price is missing"_s};
    QTest::newRow("price as a string") << corn("\"price\": \"5800\"" + at) << u"corn"_s
                                       << QStringList{u"price \"5800\" is not a number"_s};
    QTest::newRow("price null") << corn("\"price\": null" + at) << u"corn"_s
                                << QStringList{u"price null is not a number"_s};
    QTest::newRow("price true") << corn("\"price\": true" + at) << u"corn"_s
                                << QStringList{u"price true is not a number"_s};
    QTest::newRow("price an object") << corn("\"price\": {\"idr\": 5}" + at) << u"corn"_s
                                     << QStringList{u"(an object) is not a number"_s};
    QTest::newRow("price zero") << corn("\"price\": 0" + at) << u"corn"_s
                                << QStringList{u"price 0 is not positive"_s};
    QTest::newRow("price negative")
        << corn("\"price\": -3" + at) << u"corn"_s << QStringList{u"price -3 is not positive"_s};
    QTest::newRow("price absurd") << corn("\"price\": 1.5e9" + at) << u"corn"_s
                                  << QStringList{u"price 1.5e+09 is above the ceiling of 1e+09"_s};
    QTest::newRow("price jumps up")
        << corn("\"price\": 8000" + at) << u"corn"_s
        << QStringList{u"price 8000 moved 60% from the reference price 5000"_s, u"50%"_s};
    QTest::newRow("price crashes")
        << corn("\"price\": 2000" + at) << u"corn"_s
        << QStringList{u"price 2000 moved 60% from the reference price 5000"_s};
    QTest::newRow("timestamp missing")
        << corn("\"price\": 5800") << u"corn"_s << QStringList{u"timestamp_ms is missing"_s};
    QTest::newRow("timestamp as a string")
        << corn("\"price\": 5800, \"timestamp_ms\": \"1699999995000\"") << u"corn"_s
        << QStringList{u"timestamp_ms \"1699999995000\" is not an integer"_s};
    QTest::newRow("timestamp fractional")
        << corn("\"price\": 5800, \"timestamp_ms\": 1699999995000.5") << u"corn"_s
        << QStringList{u"is not an integer"_s};
    QTest::newRow("timestamp in seconds")
        << corn("\"price\": 5800, \"timestamp_ms\": 1699999995") << u"corn"_s
        << QStringList{u"timestamp_ms 1699999995 is before 2001"_s, u"seconds"_s};
    QTest::newRow("timestamp negative")
        << corn("\"price\": 5800, \"timestamp_ms\": -1") << u"corn"_s
        << QStringList{u"timestamp_ms -1 is before 2001"_s};
    QTest::newRow("timestamp in the future")
        << corn("\"price\": 5800, \"timestamp_ms\": " +
                QByteArray::number(kNow + kMaxClockSkewMs + 1'000))
        << u"corn"_s << QStringList{u"is 61 s in the future"_s};
    QTest::newRow("source a number") << corn("\"price\": 5800, \"source\": 7" + at) << u"corn"_s
                                     << QStringList{u"source 7 is not a string"_s};
    QTest::newRow("duplicate commodity")
        << QByteArray(corn("\"price\": 5800" + at) + ", " + corn("\"price\": 5900" + at))
        << u"corn"_s << QStringList{u"listed 2 times"_s};
    QTest::newRow("commodity missing") << QByteArray("{\"price\": 5800" + at + "}") << QString()
                                       << QStringList{u"prices[1]: commodity is missing"_s};
    QTest::newRow("commodity empty")
        << entry("", "\"price\": 5800" + at) << QString()
        << QStringList{u"prices[1]: commodity \"\" is not a non-empty string"_s};
    QTest::newRow("commodity a number")
        << QByteArray("{\"commodity\": 42, \"price\": 5800" + at + "}") << QString()
        << QStringList{u"prices[1]: commodity 42 is not a non-empty string"_s};
    QTest::newRow("entry not an object") << QByteArray("[\"corn\", 5800]") << QString()
                                         << QStringList{u"prices[1]: not an object"_s};
    QTest::newRow("control characters in the name")
        << entry("co\\nrn", "\"price\": -1" + at) << u"co\nrn"_s
        << QStringList{u"co rn: price -1 is not positive"_s};
}

void TestOracle::rejectsBadQuote()
{
    QFETCH(QByteArray, middle);
    QFETCH(QString, commodity);
    QFETCH(QStringList, messageContains);

    const OracleResult r = parsePriceDocument(sandwich(middle), check());
    QVERIFY2(!r.ok(), qPrintable(describe(r)));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error)); // one bad quote never fails the document
    QCOMPARE(r.errors.size(), qsizetype(1));
    const QuoteError &error = r.errors.first();
    QCOMPARE(error.commodity, commodity);
    if (!commodity.isEmpty() && !commodity.contains(u'\n'))
        QVERIFY2(error.message.startsWith(commodity + u": "), qPrintable(error.message));
    for (const QString &part : messageContains)
        QVERIFY2(error.message.contains(part), qPrintable(error.message + u" lacks: " + part));
    QVERIFY(!error.message.contains(u'\n'));
    QCOMPARE(r.summary(), error.message);

    // The good quotes around it still come through, and the bad one does not.
    QCOMPARE(r.quotes.size(), qsizetype(2));
    QCOMPARE(r.quote(u"rice"_s)->price, 14500.5);
    QCOMPARE(r.quote(u"wheat"_s)->price, 5200.0);
    QVERIFY(!r.quote(u"corn"_s));
}

void TestOracle::rejectsDocument_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("errorContains");

    const QByteArray good = sandwich(goodEntry("corn", 5800));
    QTest::newRow("empty body") << QByteArray() << QStringList{u"not valid JSON"_s};
    QTest::newRow("HTML error page") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                                     << QStringList{u"not valid JSON"_s, u"at byte"_s};
    QTest::newRow("truncated") << good.left(good.size() - 30)
                               << QStringList{u"not valid JSON"_s, u"at byte"_s};
    QTest::newRow("cut after the first quote")
        << good.left(good.indexOf('}') + 1) << QStringList{u"not valid JSON"_s};
    QTest::newRow("garbage after the document")
        << QByteArray(good + " trailing") << QStringList{u"not valid JSON"_s};
    QTest::newRow("an array") << QByteArray("[" + goodEntry("rice", 1) + "]")
                              << QStringList{u"not a JSON object"_s};
    QTest::newRow("no prices") << QByteArray(R"({"quotes": []})")
                               << QStringList{u"no \"prices\" array"_s};
    QTest::newRow("prices an object")
        << QByteArray(R"({"prices": {"rice": 14500}})") << QStringList{u"no \"prices\" array"_s};
    QTest::newRow("prices null") << QByteArray(R"({"prices": null})")
                                 << QStringList{u"no \"prices\" array"_s};
}

void TestOracle::rejectsDocument()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, errorContains);

    PriceCheck c = check();
    c.requested = kGrains;
    const OracleResult r = parsePriceDocument(body, c);
    QVERIFY(!r.ok());
    for (const QString &part : errorContains)
        QVERIFY2(r.error.contains(part), qPrintable(r.error + u" lacks: " + part));
    QVERIFY(!r.error.contains(u'\n'));
    // A whole-request failure carries nothing else, not even "missing" errors.
    QVERIFY(r.quotes.isEmpty());
    QVERIFY(r.errors.isEmpty());
    QCOMPARE(r.summary(), r.error);
}

void TestOracle::requestedCommodities()
{
    const QByteArray json = "{\"prices\": [" + goodEntry("rice", 14500) + ", " +
                            goodEntry("soy", 9000) + ", " + entry("sugar", "\"price\": -1") + ", " +
                            goodEntry("wheat", 5200) + "]}";
    PriceCheck c = check();
    c.requested = QStringList{u"rice"_s, u"corn"_s, u"wheat"_s};
    const OracleResult r = parsePriceDocument(json, c);
    // Soy and sugar were not asked for: skipped, bad or not. Corn was asked for and is absent.
    QCOMPARE(r.quotes.size(), qsizetype(2));
    QVERIFY(r.quote(u"rice"_s));
    QVERIFY(r.quote(u"wheat"_s));
    QCOMPARE(r.errors.size(), qsizetype(1));
    QCOMPARE(r.errors.first().commodity, u"corn"_s);
    QCOMPARE(r.errors.first().message, u"corn: no price in the response"_s);

    // Without a request every commodity counts.
    const OracleResult all = parsePriceDocument(json, check());
    QCOMPARE(all.quotes.size(), qsizetype(3));
    QCOMPARE(all.errors.size(), qsizetype(1));
    QCOMPARE(all.errors.first().commodity, u"sugar"_s);

    // An empty list of prices is a valid answer with nothing in it.
    const OracleResult none = parsePriceDocument(R"({"prices": []})", check());
    QVERIFY(none.ok());
    QVERIFY(none.quotes.isEmpty());
}

void TestOracle::documentRoundTrip()
{
    const QVector<Quote> quotes{{u"rice"_s, 14500.25, kRecent, u"bapanas"_s},
                                {u"corn"_s, 5800, kRecent - 1, u"test-feed"_s}};
    const OracleResult r = parsePriceDocument(priceDocument(quotes), check());
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.quotes, quotes);
}

void TestOracle::fileGood()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"prices.json"_s);
    QVERIFY(writeFile(path, sandwich(goodEntry("corn", 5800))));
    auto clock = std::make_shared<FakeClock>(kNow);
    FileOracle oracle(path, 65'536, clock);
    QCOMPARE(oracle.name(), path);
    std::atomic_bool cancelled{false};
    const OracleResult r = oracle.fetch(kGrains, cancelled);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.quotes.size(), qsizetype(3));
    QCOMPARE(r.quote(u"rice"_s)->source, path);
    QVERIFY(r.latencyMs >= 0);

    // The reference prices reach the checks: a corn price of 5800 is a jump from 1000.
    oracle.setReferencePrices({{u"corn"_s, 1000}});
    const OracleResult jumped = oracle.fetch(kGrains, cancelled);
    QCOMPARE(jumped.quotes.size(), qsizetype(2));
    QCOMPARE(jumped.errors.size(), qsizetype(1));
    QVERIFY2(jumped.errors.first().message.startsWith(u"corn: price 5800 moved 480%"),
             qPrintable(jumped.errors.first().message));
}

void TestOracle::fileMissing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"nope.json"_s);
    std::atomic_bool cancelled{false};
    const OracleResult r = FileOracle(path, 65'536).fetch(kGrains, cancelled);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"cannot read "_s + path + u": "), qPrintable(r.error));
    QVERIFY2(r.error.contains(u"No such file"), qPrintable(r.error));
    QVERIFY(r.quotes.isEmpty());

    const OracleResult directory = FileOracle(dir.path(), 65'536).fetch(kGrains, cancelled);
    QVERIFY2(directory.error.contains(u"is a directory"), qPrintable(directory.error));
}

void TestOracle::fileMalformed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"prices.json"_s);
    const QByteArray good = sandwich(goodEntry("corn", 5800));
    QVERIFY(writeFile(path, good.left(good.size() / 2))); // a writer caught half-way
    std::atomic_bool cancelled{false};
    const OracleResult r = FileOracle(path, 65'536).fetch(kGrains, cancelled);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(path + u": not valid JSON"), qPrintable(r.error));
    QVERIFY(r.quotes.isEmpty());
}

void TestOracle::fileTooLarge()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"prices.json"_s);
    QByteArray padded = sandwich(goodEntry("corn", 5800));
    padded.append(QByteArray(2048, ' ')); // valid JSON, only too big
    QVERIFY(writeFile(path, padded));
    std::atomic_bool cancelled{false};
    const OracleResult r =
        FileOracle(path, 1024, std::make_shared<FakeClock>(kNow)).fetch(kGrains, cancelled);
    QVERIFY2(r.error.contains(u"larger than the limit of 1024 bytes"), qPrintable(r.error));
    const OracleResult fits = FileOracle(path, padded.size(), std::make_shared<FakeClock>(kNow))
                                  .fetch(kGrains, cancelled);
    QVERIFY2(fits.ok(), qPrintable(describe(fits)));
}

void TestOracle::demoDeterministic()
{
    auto clock = std::make_shared<FakeClock>(kNow);
    DemoOracle a(42, 0.3, clock);
    DemoOracle b(42, 0.3, clock);
    DemoOracle other(43, 0.3, clock);
    std::atomic_bool cancelled{false};
    int differences = 0;
    for (int i = 0; i < 200; ++i) {
        const OracleResult ra = a.fetch(kGrains, cancelled);
        const OracleResult rb = b.fetch(kGrains, cancelled);
        const OracleResult ro = other.fetch(kGrains, cancelled);
        QCOMPARE(ra.quotes, rb.quotes);
        QCOMPARE(ra.error, rb.error);
        QCOMPARE(ra.summary(), rb.summary());
        QCOMPARE(ra.latencyMs, rb.latencyMs);
        QVERIFY(ra.latencyMs >= 30 && ra.latencyMs <= 120);
        if (ra.quotes != ro.quotes || ra.error != ro.error)
            ++differences;
        clock->advance(2'000);
    }
    QVERIFY2(differences > 150, "another seed gives (almost) the same feed");
}

void TestOracle::demoCommoditiesIndependent()
{
    // A commodity's walk does not depend on which others are asked for with it.
    auto clock = std::make_shared<FakeClock>(kNow);
    DemoOracle alone(7, 0, clock);
    DemoOracle together(7, 0, clock);
    std::atomic_bool cancelled{false};
    for (int i = 0; i < 50; ++i) {
        const auto r1 = alone.fetch({u"rice"_s}, cancelled).quote(u"rice"_s);
        const auto r2 = together.fetch(kGrains, cancelled).quote(u"rice"_s);
        QVERIFY(r1 && r2);
        QCOMPARE(r1->price, r2->price);
    }
}

void TestOracle::demoWithoutFaultsNeverFails()
{
    auto clock = std::make_shared<FakeClock>(kNow);
    DemoOracle oracle(kDemoOracleSeed, 0, clock);
    const QStringList commodities{u"rice"_s, u"corn"_s, u"wheat"_s, u"soy"_s};
    std::atomic_bool cancelled{false};
    QHash<QString, double> minimum, maximum;
    for (int i = 0; i < 1000; ++i) {
        const OracleResult r = oracle.fetch(commodities, cancelled);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.quotes.size(), commodities.size());
        QHash<QString, double> last;
        for (const Quote &q : r.quotes) {
            QCOMPARE(q.source, u"demo"_s);
            QVERIFY(q.timestampMs <= clock->nowMs() && q.timestampMs > clock->nowMs() - 10'000);
            last.insert(q.commodity, q.price);
            minimum[q.commodity] = std::min(minimum.value(q.commodity, q.price), q.price);
            maximum[q.commodity] = std::max(maximum.value(q.commodity, q.price), q.price);
        }
        // Every step passes the jump rule against the step before.
        oracle.setReferencePrices(last);
        clock->advance(2'000);
    }
    // Realistic and alive: it moves, but stays near its level.
    for (const QString &c : commodities) {
        const double base = DemoOracle::basePrice(c);
        QVERIFY2(minimum.value(c) > 0.7 * base && maximum.value(c) < 1.3 * base, qPrintable(c));
        QVERIFY2(maximum.value(c) - minimum.value(c) > 0.02 * base, qPrintable(c));
    }
    QCOMPARE(DemoOracle::basePrice(u"rice"_s), 14'500.0);
}

void TestOracle::demoAlwaysFaulty()
{
    auto clock = std::make_shared<FakeClock>(kNow);
    DemoOracle oracle(kDemoOracleSeed, 1, clock);
    std::atomic_bool cancelled{false};
    int whole = 0, partial = 0;
    for (int i = 0; i < 1000; ++i) {
        const OracleResult r = oracle.fetch(kGrains, cancelled);
        QVERIFY2(!r.ok(), qPrintable(QString::number(i)));
        if (r.error.isEmpty()) {
            ++partial;
            QCOMPARE(r.errors.size(), qsizetype(1)); // one spoilt quote, the others good
            QCOMPARE(r.quotes.size(), qsizetype(2));
        } else {
            ++whole;
        }
        clock->advance(2'000);
    }
    // The kinds of failure a real feed has, each well represented.
    QVERIFY2(whole > 300 && partial > 300,
             qPrintable(u"%1 whole, %2 partial"_s.arg(whole).arg(partial)));
    // With nothing to spoil, a fault is an outage.
    QVERIFY(!oracle.fetch({}, cancelled).error.isEmpty());
}

void TestOracle::demoFaultRate()
{
    auto clock = std::make_shared<FakeClock>(kNow);
    DemoOracle oracle(kDemoOracleSeed, 0.3, clock);
    std::atomic_bool cancelled{false};
    int failures = 0;
    for (int i = 0; i < 1000; ++i) {
        if (!oracle.fetch(kGrains, cancelled).ok())
            ++failures;
        clock->advance(2'000);
    }
    // Binomial(1000, 0.3): standard deviation 14.5; this is more than three of them.
    QVERIFY2(failures >= 250 && failures <= 350, qPrintable(QString::number(failures)));
}

void TestOracle::demoCancelled()
{
    DemoOracle oracle(1, 0, std::make_shared<FakeClock>(kNow));
    std::atomic_bool cancelled{true};
    const OracleResult r = oracle.fetch(kGrains, cancelled);
    QVERIFY(r.cancelled);
    QCOMPARE(r.error, u"cancelled"_s);
    QVERIFY(r.quotes.isEmpty());
}

void TestOracle::factory_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");

    QTest::newRow("demo") << u"demo"_s << QString() << QString() << u"demo"_s;
    QTest::newRow("http") << u"http"_s << u"https://user:secret@oracle.example.id/v1/p?key=k"_s
                          << QString() << u"https://oracle.example.id/v1/p"_s;
    QTest::newRow("file") << u"file"_s << QString() << u"/srv/prices.json"_s
                          << u"/srv/prices.json"_s;
}

void TestOracle::factory()
{
    QFETCH(QString, source);
    QFETCH(QString, url);
    QFETCH(QString, path);
    QFETCH(QString, name);

    HeartbeatConfig config;
    config.oracleSource = source;
    config.oracleUrl = url;
    config.oraclePath = path;
    QString error;
    const std::unique_ptr<OracleSource> oracle = makeOracle(config, nullptr, &error);
    QVERIFY2(oracle, qPrintable(error));
    QCOMPARE(oracle->name(), name); // no credentials in names that reach logs and the ledger
    QVERIFY(error.isEmpty());
    QVERIFY(!makeFallbackOracle(config)); // no second source asked for

    // The same source as the second one (price_update's "alternative" fallback), beside a first
    // source of another kind.
    HeartbeatConfig second;
    second.oracleSource = OracleSourceName::Demo;
    second.oracleFallbackSource = source;
    second.oracleFallbackUrl = url;
    second.oracleFallbackPath = path;
    const std::unique_ptr<OracleSource> fallback = makeFallbackOracle(second, nullptr, &error);
    QVERIFY2(fallback, qPrintable(error));
    QCOMPARE(fallback->name(), name);
}

void TestOracle::factoryBuildsNoSourceForNone()
{
    // The default outside the demo: no source, and nothing wrong with that.
    HeartbeatConfig config;
    QCOMPARE(config.oracleSource, OracleSourceName::None);
    QString error;
    QVERIFY(!makeOracle(config, nullptr, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestOracle::factoryRefusesBadConfig()
{
    HeartbeatConfig config;
    config.oracleSource = OracleSourceName::Http;
    QString error;
    QVERIFY(!makeOracle(config, nullptr, &error));
    QVERIFY2(error.contains(u"oracle.url"), qPrintable(error));

    // A problem elsewhere in the config neither stops the oracle nor hides its own problem.
    config.tickIntervalMs = 1;
    QVERIFY(!makeOracle(config, nullptr, &error));
    QVERIFY2(error.contains(u"oracle.url"), qPrintable(error));
    HeartbeatConfig other = HeartbeatConfig::demoDefaults();
    other.tickIntervalMs = 1;
    QVERIFY(makeOracle(other));

    // A second source without its url is refused, naming the field.
    HeartbeatConfig fallback;
    fallback.oracleSource = OracleSourceName::Demo;
    fallback.oracleFallbackSource = OracleSourceName::Http;
    error.clear();
    QVERIFY(!makeFallbackOracle(fallback, nullptr, &error));
    QVERIFY2(error.contains(u"oracle.fallback_url"), qPrintable(error));
    // The demo source honours the configured fault rate.
    other.oracleDemoFaultRate = 1;
    std::atomic_bool cancelled{false};
    QVERIFY(!makeOracle(other)->fetch(kGrains, cancelled).ok());
}

QTEST_GUILESS_MAIN(TestOracle)
#include "tst_oracle.moc"
