// The replay scrubber and its controller: playing at 600× moves the moment ten minutes per real
// second, Space plays and pauses, the arrow keys step, and the controller answers the newest
// moment asked for, dropping the ones a newer request overtook.

#include "replaybar.h"
#include "replaycontroller.h"
#include "store/metricsstore.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;

namespace {

constexpr qint64 kStart = 1'760'000'000'000;
constexpr qint64 kHour = 3'600'000;

// One tick a minute for two hours, price_update failing in the second hour.
QString writeFile(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    MetricsStore store(path);
    WriteBatch batch;
    for (int i = 0; i < 120; ++i) {
        const qint64 at = kStart + i * 60'000;
        const bool failing = i >= 60;
        batch.ticks.append({i + 1, at, 10, 1, failing ? 0 : 1, failing ? 1 : 0});
        batch.executions.append({i + 1, TaskName::PriceUpdate, at, 10,
                                 failing ? Outcome::Failure : Outcome::Success, 1,
                                 failing ? QStringLiteral("feed down") : QString(), 0});
    }
    store.write(batch);
    return path;
}

} // namespace

class TestReplayBar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void playingAt600xMovesTenMinutesASecond();
    void keysPlayPauseAndStep();
    void controllerAnswersTheNewestRequestOnly();
    void controllerFollowsTheBarWhilePlaying();
    void unreadableFileFails();
};

void TestReplayBar::playingAt600xMovesTenMinutesASecond()
{
    ReplayBar bar;
    bar.setRange(kStart, kStart + 2 * kHour);
    bar.setMoment(kStart);
    bar.setSpeed(600);
    QCOMPARE(bar.speed(), 600);
    QSignalSpy moved(&bar, &ReplayBar::momentChanged);
    QElapsedTimer wall;
    wall.start();
    bar.play();
    QVERIFY(bar.isPlaying());
    QTest::qWait(500);
    bar.pause();
    const qint64 realMs = wall.elapsed();
    QVERIFY(!bar.isPlaying());
    QVERIFY(moved.size() >= 2);
    const qint64 advanced = bar.moment() - kStart;
    // At 600× half a second of play is five minutes; timers may be late but never run ahead.
    QVERIFY2(advanced >= 150'000 && advanced <= realMs * 600,
             qPrintable(QString::number(advanced)));
    // The last signal carries the moment the bar shows.
    QCOMPARE(moved.constLast().constFirst().toLongLong(), bar.moment());

    // Played to the end it stops there.
    bar.setMoment(kStart + 2 * kHour - 1000);
    bar.play();
    QTRY_VERIFY_WITH_TIMEOUT(!bar.isPlaying(), 2000);
    QCOMPARE(bar.moment(), kStart + 2 * kHour);
}

void TestReplayBar::keysPlayPauseAndStep()
{
    ReplayBar bar;
    bar.setRange(kStart, kStart + kHour);
    bar.setMoment(kStart + 60'000);
    bar.setSpeed(10);
    QTest::keyClick(&bar, Qt::Key_Right);
    QCOMPARE(bar.moment(), kStart + 70'000); // one second of play at 10×
    QTest::keyClick(&bar, Qt::Key_Left);
    QTest::keyClick(&bar, Qt::Key_Left);
    QCOMPARE(bar.moment(), kStart + 50'000);
    QTest::keyClick(&bar, Qt::Key_Space);
    QVERIFY(bar.isPlaying());
    QTest::keyClick(&bar, Qt::Key_Space);
    QVERIFY(!bar.isPlaying());
    bar.setMoment(kStart - kHour); // clamped to the range
    QCOMPARE(bar.moment(), kStart);
    // The speeds offered are the four of the design, labelled through tr().
    auto *speeds = bar.findChild<QComboBox *>();
    QVERIFY(speeds);
    QCOMPARE(speeds->count(), 4);
    QCOMPARE(speeds->itemText(3), QStringLiteral("600×"));
}

void TestReplayBar::controllerAnswersTheNewestRequestOnly()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir);
    ReplayController controller;
    controller.setSource(path);
    QSignalSpy ready(&controller, &ReplayController::stateReady);
    QSignalSpy range(&controller, &ReplayController::rangeKnown);

    // Asked three times before any answer can arrive: the first runs, the second is replaced by
    // the third while waiting, and the first's answer is stale when it comes.
    controller.requestMoment(kStart + 10 * 60'000);
    controller.requestMoment(kStart + 70 * 60'000);
    controller.requestMoment(kStart + 90 * 60'000 + 30'000);
    QVERIFY(controller.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 10'000);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(controller.dropped(), 2);
    const EngineSnapshot state = ready.constFirst().constFirst().value<EngineSnapshot>();
    QCOMPARE(state->takenAtMs, kStart + 90 * 60'000 + 30'000);
    // 60 successes then 31 failures (ticks 61..91 have finished by 90:30).
    QCOMPARE(state->metrics.successfulExecutions, 60);
    QCOMPARE(state->metrics.failedExecutions, 31);
    QCOMPARE(state->metrics.lastError, QStringLiteral("price_update: feed down"));
    QCOMPARE(range.size(), 1);
    QCOMPARE(range.constFirst().at(0).toLongLong(), kStart);
    QCOMPARE(range.constFirst().at(1).toLongLong(), kStart + 119 * 60'000);
}

void TestReplayBar::controllerFollowsTheBarWhilePlaying()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir);
    ReplayBar bar;
    ReplayController controller;
    controller.setSource(path);
    QObject::connect(&bar, &ReplayBar::momentChanged, &controller,
                     &ReplayController::requestMoment);
    QSignalSpy ready(&controller, &ReplayController::stateReady);
    bar.setRange(kStart, kStart + 2 * kHour);
    bar.setMoment(kStart + 1000);
    bar.setSpeed(600);
    bar.play();
    QTest::qWait(800);
    bar.pause();
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 10'000);
    QVERIFY(ready.size() >= 2);
    // Answers come in the order asked, and the last one is the moment the bar stopped at.
    qint64 previous = 0;
    for (const QList<QVariant> &args : std::as_const(ready)) {
        const qint64 at = args.constFirst().value<EngineSnapshot>()->takenAtMs;
        QVERIFY(at > previous);
        previous = at;
    }
    QCOMPARE(previous, bar.moment());
    QVERIFY(ready.constLast().constFirst().value<EngineSnapshot>()->metrics.tickCount > 0);
}

void TestReplayBar::unreadableFileFails()
{
    QTemporaryDir dir;
    ReplayController controller;
    controller.setSource(dir.filePath(QStringLiteral("missing.db")));
    QSignalSpy failed(&controller, &ReplayController::failed);
    QSignalSpy ready(&controller, &ReplayController::stateReady);
    controller.requestMoment(kStart);
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.constFirst().constFirst().toString().contains(QStringLiteral("missing.db")));
    QCOMPARE(ready.size(), 0);
}

QTEST_MAIN(TestReplayBar)
#include "tst_replaybar.moc"
