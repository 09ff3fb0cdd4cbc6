// ScalingPolicy: how many shards a number of loans should live on (capacity 1000, grow above
// 80 %, shrink below 30 %, aim for 55 %, 2..100 shards), computed in one go.

#include "ledger/scalingpolicy.h"

#include <QTest>

#include <stdexcept>

using namespace hb;

class TestScalingPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void targetShards_data();
    void targetShards();
    void demoSizeNeedsAtLeast63Shards();
    void rejectsNonsense_data();
    void rejectsNonsense();
};

void TestScalingPolicy::targetShards_data()
{
    QTest::addColumn<qint64>("loans");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("expected");
    QTest::newRow("empty stays at the minimum") << qint64(0) << 2 << 2;
    QTest::newRow("exactly 80 % stays") << qint64(1600) << 2 << 2;
    QTest::newRow("just above 80 % grows to 55 %") << qint64(1601) << 2 << 3;
    QTest::newRow("far above grows in one go") << qint64(50'000) << 2 << 91;
    QTest::newRow("within the band stays") << qint64(50'000) << 63 << 63;
    QTest::newRow("never above 100") << qint64(1'000'000) << 10 << 100;
    QTest::newRow("exactly 30 % stays") << qint64(3000) << 10 << 10;
    QTest::newRow("below 30 % shrinks in one go") << qint64(2999) << 10 << 6;
    QTest::newRow("never below 2") << qint64(100) << 10 << 2;
    QTest::newRow("above the maximum comes down") << qint64(90'000) << 150 << 100;
    QTest::newRow("below the minimum comes up") << qint64(0) << 1 << 2;
    QTest::newRow("just above 80 % at 10 shards") << qint64(8001) << 10 << 15;
}

void TestScalingPolicy::targetShards()
{
    QFETCH(qint64, loans);
    QFETCH(int, current);
    QFETCH(int, expected);
    const ScalingPolicy policy;
    QCOMPARE(policy.targetShards(loans, current), expected);
    // Once there, it stays (no flapping).
    QCOMPARE(policy.targetShards(loans, expected), expected);
}

void TestScalingPolicy::demoSizeNeedsAtLeast63Shards()
{
    // 50 000 loans at 1000 per shard and 80 %: at least ceil(50 000 / 800) = 63 shards.
    const ScalingPolicy policy;
    for (int current = 2; current <= 100; ++current) {
        const int target = policy.targetShards(50'000, current);
        QVERIFY2(target >= 63, qPrintable(QString::number(current)));
        QVERIFY(policy.averageLoad(50'000, target) <= policy.scaleUpLoad);
    }
}

void TestScalingPolicy::rejectsNonsense_data()
{
    QTest::addColumn<int>("field");
    for (int i = 0; i < 5; ++i)
        QTest::addRow("case %d", i) << i;
}

void TestScalingPolicy::rejectsNonsense()
{
    QFETCH(int, field);
    ScalingPolicy policy;
    policy.validate(); // the defaults are fine
    switch (field) {
    case 0:
        policy.capacity = 0;
        break;
    case 1:
        policy.minShards = 0;
        break;
    case 2:
        policy.maxShards = 1;
        break;
    case 3:
        policy.targetLoad = 0.9;
        break;
    case 4:
        policy.scaleDownLoad = 0.6;
        break;
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, policy.validate());
}

QTEST_GUILESS_MAIN(TestScalingPolicy)
#include "tst_scalingpolicy.moc"
