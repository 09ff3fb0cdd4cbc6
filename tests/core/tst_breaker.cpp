// The seed's per-task circuit breaker: every edge of its state machine, driven with plain
// integer times (the breaker is pure, so no test sleeps).

#include "core/breaker.h"

#include <QTest>

#include <optional>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace hb {
// Lets QCOMPARE print states by name.
char *toString(BreakerState state)
{
    return qstrdup(breakerStateName(state).toUtf8().constData());
}
} // namespace hb

namespace {

constexpr qint64 kTimeout = 300'000; // the seed's 5 min
constexpr qint64 kT0 = 1'700'000'000'000;
const QString kTask = u"price_update"_s;
const QString kFailure = u"oracle unreachable"_s;
const QString kResetReason = u"admin reset"_s;
const QString kForceReason = u"admin forced open"_s;

enum class Op { Failure, Success, Allow, Reset, ForceOpen };

// One call on the breaker and what must hold right after it. Built with the helpers below,
// e.g. failAt(t).is(Open, 5).moves(Closed, Open).retryAt(t + kTimeout).
struct Step
{
    Op op = Op::Allow;
    qint64 at = 0;
    bool hasState = false;
    BreakerState state = BreakerState::Closed;
    int count = 0;
    std::optional<bool> answer;       // allowRun()'s answer (Allow steps only)
    std::optional<BreakerState> from; // the transition the step must report; none if unset
    std::optional<BreakerState> to;
    std::optional<qint64> retryAt; // required while Open; 0 is checked otherwise

    Step is(BreakerState s, int failures) const
    {
        Step copy = *this;
        copy.hasState = true;
        copy.state = s;
        copy.count = failures;
        return copy;
    }
    Step moves(BreakerState f, BreakerState t) const
    {
        Step copy = *this;
        copy.from = f;
        copy.to = t;
        return copy;
    }
    Step retryAtMs(qint64 ms) const
    {
        Step copy = *this;
        copy.retryAt = ms;
        return copy;
    }
    Step allows() const
    {
        Step copy = *this;
        copy.answer = true;
        return copy;
    }
    Step refuses() const
    {
        Step copy = *this;
        copy.answer = false;
        return copy;
    }
};
using Script = QList<Step>;

Step makeStep(Op op, qint64 at)
{
    Step step;
    step.op = op;
    step.at = at;
    return step;
}
Step failAt(qint64 at)
{
    return makeStep(Op::Failure, at);
}
Step succeedAt(qint64 at)
{
    return makeStep(Op::Success, at);
}
Step allowAt(qint64 at)
{
    return makeStep(Op::Allow, at);
}
Step resetAt(qint64 at)
{
    return makeStep(Op::Reset, at);
}
Step forceOpenAt(qint64 at)
{
    return makeStep(Op::ForceOpen, at);
}

constexpr auto Closed = BreakerState::Closed;
constexpr auto Open = BreakerState::Open;
constexpr auto HalfOpen = BreakerState::HalfOpen;

QString opName(Op op)
{
    switch (op) {
    case Op::Failure:
        return u"recordFailure"_s;
    case Op::Success:
        return u"recordSuccess"_s;
    case Op::Allow:
        return u"allowRun"_s;
    case Op::Reset:
        return u"reset"_s;
    case Op::ForceOpen:
        return u"forceOpen"_s;
    }
    return {};
}

QString name(BreakerState state)
{
    return breakerStateName(state);
}

// Failures [first, first + n) one millisecond apart, staying Closed; counts start at `count0`.
Script failuresStayingClosed(qint64 first, int n, int count0 = 0)
{
    Script script;
    for (int i = 0; i < n; ++i) {
        script << failAt(first + i).is(Closed, count0 + i + 1)
               << allowAt(first + i).allows().is(Closed, count0 + i + 1);
    }
    return script;
}

// Opens a fresh breaker with `threshold` failures ending at `openedAt`.
Script openAt(qint64 openedAt, int threshold, qint64 timeout)
{
    Script script = failuresStayingClosed(openedAt - threshold + 1, threshold - 1);
    script
        << failAt(openedAt).is(Open, threshold).moves(Closed, Open).retryAtMs(openedAt + timeout);
    return script;
}

// Opens at `openedAt`, then lets the trial start at `trialAt`.
Script halfOpenAt(qint64 openedAt, qint64 trialAt, int threshold, qint64 timeout)
{
    Script script = openAt(openedAt, threshold, timeout);
    script << allowAt(trialAt).allows().is(HalfOpen, threshold).moves(Open, HalfOpen);
    return script;
}

// Empty when the breaker did what `step` says; otherwise what went wrong.
QStringList checkStep(CircuitBreaker &breaker, const Step &step)
{
    std::optional<BreakerEvent> event;
    std::optional<bool> answer;
    switch (step.op) {
    case Op::Failure:
        event = breaker.recordFailure(step.at, kFailure);
        break;
    case Op::Success:
        event = breaker.recordSuccess(step.at);
        break;
    case Op::Allow: {
        BreakerEvent out;
        out.tsMs = -1; // stays -1 when allowRun() reports no transition
        answer = breaker.allowRun(step.at, &out);
        if (out.tsMs != -1)
            event = out;
        break;
    }
    case Op::Reset:
        event = breaker.reset(step.at, kResetReason);
        break;
    case Op::ForceOpen:
        event = breaker.forceOpen(step.at, kForceReason);
        break;
    }

    QStringList problems;
    if (!step.hasState)
        return {u"the script does not say the expected state"_s};
    if (step.op == Op::Allow && !step.answer)
        return {u"the script does not say whether the run is allowed"_s};
    if (step.state == Open && !step.retryAt)
        return {u"the script does not say when the Open breaker retries"_s};

    if (answer != step.answer)
        problems << (*answer ? u"allowRun() allowed the run"_s : u"allowRun() refused the run"_s);
    if (breaker.state() != step.state)
        problems << u"state %1, expected %2"_s.arg(name(breaker.state()), name(step.state));
    if (breaker.failureCount() != step.count)
        problems << u"failure count %1, expected %2"_s.arg(breaker.failureCount()).arg(step.count);
    if (breaker.retryAtMs() != step.retryAt.value_or(0))
        problems << u"retryAtMs() %1, expected %2"_s.arg(breaker.retryAtMs())
                        .arg(step.retryAt.value_or(0));
    if (step.op == Op::Failure && breaker.status().lastFailureMs != step.at)
        problems << u"lastFailureMs %1"_s.arg(breaker.status().lastFailureMs);

    if (event.has_value() != step.to.has_value()) {
        problems << (event ? u"unexpected event %1 -> %2"_s.arg(name(event->from), name(event->to))
                           : u"no event, expected one"_s);
    } else if (event) {
        if (event->from != *step.from || event->to != *step.to)
            problems << u"event %1 -> %2"_s.arg(name(event->from), name(event->to));
        if (event->tsMs != step.at)
            problems << u"event time %1"_s.arg(event->tsMs);
        if (event->task != kTask)
            problems << u"event task '%1'"_s.arg(event->task);
        if (event->reason.isEmpty())
            problems << u"event has no reason"_s;
        if (step.op == Op::Failure && !event->reason.contains(kFailure))
            problems << u"event reason '%1' lacks the failure"_s.arg(event->reason);
        if (step.op == Op::Reset && event->reason != kResetReason)
            problems << u"event reason '%1'"_s.arg(event->reason);
        if (step.op == Op::ForceOpen && event->reason != kForceReason)
            problems << u"event reason '%1'"_s.arg(event->reason);
    }

    // What a restart would restore from this status: the same everything, except that a
    // HalfOpen whose trial died with the process comes back Open and trials again at once.
    const BreakerStatus &status = breaker.status();
    CircuitBreaker restored =
        CircuitBreaker::fromStatus(status, breaker.threshold(), breaker.timeoutMs());
    const BreakerState expectedRestored = status.state == HalfOpen ? Open : status.state;
    if (restored.state() != expectedRestored || restored.task() != status.task ||
        restored.failureCount() != status.failureCount ||
        restored.status().lastFailureMs != status.lastFailureMs ||
        restored.status().openedAtMs != status.openedAtMs) {
        problems << u"fromStatus(status()) restored %1 with %2 failures"_s
                        .arg(name(restored.state()))
                        .arg(restored.failureCount());
    }
    if (status.state == HalfOpen && !restored.allowRun(step.at))
        problems << u"a restored half-open breaker does not allow a new trial"_s;
    return problems;
}

void runScript(CircuitBreaker &breaker, const Script &script)
{
    for (qsizetype i = 0; i < script.size(); ++i) {
        const Step &step = script.at(i);
        const QStringList problems = checkStep(breaker, step);
        QVERIFY2(problems.isEmpty(), qPrintable(u"step %1 (%2 at T0%3%4): %5"_s.arg(i)
                                                    .arg(opName(step.op))
                                                    .arg(step.at >= kT0 ? u"+"_s : QString())
                                                    .arg(step.at - kT0)
                                                    .arg(problems.join(u"; "))));
    }
}

} // namespace

Q_DECLARE_METATYPE(Step)
Q_DECLARE_METATYPE(hb::BreakerStatus)

class TestBreaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void transitions_data();
    void transitions();
    void allowRunWithoutEventPointer();
    void restoresPersistedStatus_data();
    void restoresPersistedStatus();
    void setPolicyKeepsState_data();
    void setPolicyKeepsState();
};

void TestBreaker::defaults()
{
    const CircuitBreaker breaker(kTask);
    QCOMPARE(breaker.task(), kTask);
    QCOMPARE(breaker.state(), Closed);
    QCOMPARE(breaker.failureCount(), 0);
    QCOMPARE(breaker.threshold(), 5);
    QCOMPARE(breaker.timeoutMs(), kTimeout);
    QCOMPARE(breaker.retryAtMs(), qint64(0));
}

void TestBreaker::transitions_data()
{
    QTest::addColumn<int>("threshold");
    QTest::addColumn<qint64>("timeout");
    QTest::addColumn<Script>("script");

    for (int threshold : {1, 3, 5}) {
        // Not one failure early: threshold - 1 failures leave it Closed and running.
        Script opens = openAt(kT0 + 10, threshold, kTimeout);
        opens << allowAt(kT0 + 10).refuses().is(Open, threshold).retryAtMs(kT0 + 10 + kTimeout);
        QTest::addRow("opens at exactly threshold %d", threshold) << threshold << kTimeout << opens;
    }

    for (int threshold : {3, 5}) {
        Script resets = failuresStayingClosed(kT0, threshold - 1);
        resets << succeedAt(kT0 + 100).is(Closed, 0);
        resets << failuresStayingClosed(kT0 + 200, threshold - 1);
        resets << failAt(kT0 + 300)
                      .is(Open, threshold)
                      .moves(Closed, Open)
                      .retryAtMs(kT0 + 300 + kTimeout);
        QTest::addRow("success resets the count, threshold %d", threshold)
            << threshold << kTimeout << resets;
    }

    {
        Script s = openAt(kT0, 5, kTimeout);
        s << allowAt(kT0).refuses().is(Open, 5).retryAtMs(kT0 + kTimeout)
          << allowAt(kT0 + kTimeout - 1).refuses().is(Open, 5).retryAtMs(kT0 + kTimeout)
          << allowAt(kT0 + kTimeout).allows().is(HalfOpen, 5).moves(Open, HalfOpen);
        QTest::newRow("open refuses runs until exactly the timeout") << 5 << kTimeout << s;
    }
    {
        Script s = openAt(kT0, 3, 1000);
        s << allowAt(kT0 + 999).refuses().is(Open, 3).retryAtMs(kT0 + 1000)
          << allowAt(kT0 + 1000).allows().is(HalfOpen, 3).moves(Open, HalfOpen);
        QTest::newRow("custom timeout 1000 ms") << 3 << qint64(1000) << s;
    }
    {
        const qint64 trial = kT0 + kTimeout + 500; // later than due: the next call still trials
        Script s = halfOpenAt(kT0, trial, 5, kTimeout);
        s << allowAt(trial).refuses().is(HalfOpen, 5)
          << allowAt(trial + 1).refuses().is(HalfOpen, 5)
          << allowAt(trial + 10 * kTimeout).refuses().is(HalfOpen, 5);
        QTest::newRow("half-open allows one trial only") << 5 << kTimeout << s;
    }
    {
        const qint64 trial = kT0 + kTimeout;
        Script s = halfOpenAt(kT0, trial, 5, kTimeout);
        s << succeedAt(trial + 50).is(Closed, 0).moves(HalfOpen, Closed)
          << allowAt(trial + 51).allows().is(Closed, 0)
          << allowAt(trial + 52).allows().is(Closed, 0);
        s << failuresStayingClosed(trial + 100, 4);
        QTest::newRow("half-open success closes") << 5 << kTimeout << s;
    }
    {
        const qint64 trial = kT0 + kTimeout;
        const qint64 reopened = trial + 50;
        Script s = halfOpenAt(kT0, trial, 3, kTimeout);
        s << failAt(reopened).is(Open, 4).moves(HalfOpen, Open).retryAtMs(reopened + kTimeout)
          << allowAt(kT0 + 2 * kTimeout).refuses().is(Open, 4).retryAtMs(reopened + kTimeout)
          << allowAt(reopened + kTimeout - 1).refuses().is(Open, 4).retryAtMs(reopened + kTimeout)
          << allowAt(reopened + kTimeout).allows().is(HalfOpen, 4).moves(Open, HalfOpen);
        QTest::newRow("half-open failure reopens with a restarted timer") << 3 << kTimeout << s;
    }

    {
        Script s = failuresStayingClosed(kT0, 2);
        s << resetAt(kT0 + 10).is(Closed, 0) << failuresStayingClosed(kT0 + 20, 4);
        QTest::newRow("reset from closed clears the count") << 5 << kTimeout << s;
    }
    {
        Script s = openAt(kT0, 3, kTimeout);
        s << resetAt(kT0 + 10).is(Closed, 0).moves(Open, Closed)
          << allowAt(kT0 + 11).allows().is(Closed, 0) << failuresStayingClosed(kT0 + 20, 2);
        QTest::newRow("reset from open") << 3 << kTimeout << s;
    }
    {
        const qint64 trial = kT0 + kTimeout;
        Script s = halfOpenAt(kT0, trial, 1, kTimeout);
        s << resetAt(trial + 10).is(Closed, 0).moves(HalfOpen, Closed)
          << allowAt(trial + 11).allows().is(Closed, 0)
          << allowAt(trial + 12).allows().is(Closed, 0);
        // The abandoned trial's flag is gone: the next open breaker trials normally.
        s << halfOpenAt(trial + 20, trial + 20 + kTimeout, 1, kTimeout);
        QTest::newRow("reset from half-open") << 1 << kTimeout << s;
    }

    {
        Script s = failuresStayingClosed(kT0, 1);
        s << forceOpenAt(kT0 + 10).is(Open, 1).moves(Closed, Open).retryAtMs(kT0 + 10 + kTimeout)
          << allowAt(kT0 + 10 + kTimeout - 1).refuses().is(Open, 1).retryAtMs(kT0 + 10 + kTimeout)
          << allowAt(kT0 + 10 + kTimeout).allows().is(HalfOpen, 1).moves(Open, HalfOpen);
        QTest::newRow("forceOpen from closed") << 5 << kTimeout << s;
    }
    {
        const qint64 forced = kT0 + 1000;
        Script s = openAt(kT0, 1, kTimeout);
        s << forceOpenAt(forced).is(Open, 1).retryAtMs(forced + kTimeout)
          << allowAt(kT0 + kTimeout).refuses().is(Open, 1).retryAtMs(forced + kTimeout)
          << allowAt(forced + kTimeout).allows().is(HalfOpen, 1).moves(Open, HalfOpen);
        QTest::newRow("forceOpen on open restarts the timer, no event") << 1 << kTimeout << s;
    }
    {
        const qint64 trial = kT0 + kTimeout;
        const qint64 forced = trial + 10;
        Script s = halfOpenAt(kT0, trial, 2, kTimeout);
        s << forceOpenAt(forced).is(Open, 2).moves(HalfOpen, Open).retryAtMs(forced + kTimeout)
          // The trial that was running reports late: the admin's decision stands.
          << succeedAt(forced + 5).is(Open, 2).retryAtMs(forced + kTimeout)
          << allowAt(forced + kTimeout).allows().is(HalfOpen, 2).moves(Open, HalfOpen);
        QTest::newRow("forceOpen from half-open") << 2 << kTimeout << s;
    }
    {
        Script s;
        s << forceOpenAt(kT0).is(Open, 0).moves(Closed, Open).retryAtMs(kT0 + kTimeout)
          << failAt(kT0 + 10).is(Open, 1).retryAtMs(kT0 + kTimeout)
          << allowAt(kT0 + kTimeout).allows().is(HalfOpen, 1).moves(Open, HalfOpen);
        QTest::newRow("a late failure while open keeps the timer") << 5 << kTimeout << s;
    }
}

void TestBreaker::transitions()
{
    QFETCH(int, threshold);
    QFETCH(qint64, timeout);
    QFETCH(Script, script);

    CircuitBreaker breaker(kTask, threshold, timeout);
    runScript(breaker, script);
}

void TestBreaker::allowRunWithoutEventPointer()
{
    CircuitBreaker breaker(kTask, 1, 1000);
    QVERIFY(breaker.recordFailure(kT0, kFailure));
    QVERIFY(!breaker.allowRun(kT0 + 999));
    QVERIFY(breaker.allowRun(kT0 + 1000));
    QCOMPARE(breaker.state(), HalfOpen);
    QVERIFY(!breaker.allowRun(kT0 + 1001));
}

void TestBreaker::restoresPersistedStatus_data()
{
    QTest::addColumn<BreakerStatus>("persisted");
    QTest::addColumn<Script>("afterRestart");

    BreakerStatus closed{kTask, Closed, 4, kT0 - 100, 0};
    QTest::newRow("closed keeps its count")
        << closed << Script{failAt(kT0).is(Open, 5).moves(Closed, Open).retryAtMs(kT0 + kTimeout)};

    BreakerStatus open{kTask, Open, 7, kT0 - 100, kT0 - 100};
    QTest::newRow("open keeps its timer")
        << open
        << Script{allowAt(kT0 - 100 + kTimeout - 1)
                      .refuses()
                      .is(Open, 7)
                      .retryAtMs(kT0 - 100 + kTimeout),
                  allowAt(kT0 - 100 + kTimeout).allows().is(HalfOpen, 7).moves(Open, HalfOpen),
                  succeedAt(kT0 + kTimeout).is(Closed, 0).moves(HalfOpen, Closed)};

    // The trial in flight died with the process: Open again, due for a new trial at once.
    BreakerStatus halfOpen{kTask, HalfOpen, 5, kT0 - kTimeout - 10, kT0 - kTimeout - 10};
    QTest::newRow("half-open comes back open, trials again")
        << halfOpen
        << Script{allowAt(kT0).allows().is(HalfOpen, 5).moves(Open, HalfOpen),
                  allowAt(kT0 + 1).refuses().is(HalfOpen, 5),
                  failAt(kT0 + 2).is(Open, 6).moves(HalfOpen, Open).retryAtMs(kT0 + 2 + kTimeout)};
}

void TestBreaker::restoresPersistedStatus()
{
    QFETCH(BreakerStatus, persisted);
    QFETCH(Script, afterRestart);

    CircuitBreaker breaker = CircuitBreaker::fromStatus(persisted, 5, kTimeout);
    QCOMPARE(breaker.task(), persisted.task);
    QCOMPARE(breaker.state(), persisted.state == HalfOpen ? Open : persisted.state);
    QCOMPARE(breaker.failureCount(), persisted.failureCount);
    QCOMPARE(breaker.status().lastFailureMs, persisted.lastFailureMs);
    QCOMPARE(breaker.status().openedAtMs, persisted.openedAtMs);
    QCOMPARE(breaker.threshold(), 5);
    QCOMPARE(breaker.timeoutMs(), kTimeout);
    runScript(breaker, afterRestart);
}

void TestBreaker::setPolicyKeepsState_data()
{
    QTest::addColumn<int>("threshold");
    QTest::addColumn<Script>("before");
    QTest::addColumn<int>("newThreshold");
    QTest::addColumn<qint64>("newTimeout");
    QTest::addColumn<Script>("after");

    QTest::newRow("closed keeps its count, the new threshold applies")
        << 5 << failuresStayingClosed(kT0, 2) << 3 << kTimeout
        << Script{failAt(kT0 + 10).is(Open, 3).moves(Closed, Open).retryAtMs(kT0 + 10 + kTimeout)};

    // Lowering the threshold below the count does not open by itself; the next failure does.
    QTest::newRow("a lower threshold waits for the next failure")
        << 5 << failuresStayingClosed(kT0, 3) << 2 << kTimeout
        << Script{allowAt(kT0 + 10).allows().is(Closed, 3),
                  failAt(kT0 + 11).is(Open, 4).moves(Closed, Open).retryAtMs(kT0 + 11 + kTimeout)};

    QTest::newRow("open keeps its opening time, the new timeout applies")
        << 1 << openAt(kT0, 1, kTimeout) << 1 << qint64(1000)
        << Script{allowAt(kT0 + 999).refuses().is(Open, 1).retryAtMs(kT0 + 1000),
                  allowAt(kT0 + 1000).allows().is(HalfOpen, 1).moves(Open, HalfOpen)};

    QTest::newRow("half-open keeps its trial")
        << 2 << halfOpenAt(kT0, kT0 + kTimeout, 2, kTimeout) << 4 << qint64(1000)
        << Script{allowAt(kT0 + kTimeout + 1).refuses().is(HalfOpen, 2),
                  succeedAt(kT0 + kTimeout + 2).is(Closed, 0).moves(HalfOpen, Closed)};
}

void TestBreaker::setPolicyKeepsState()
{
    QFETCH(int, threshold);
    QFETCH(Script, before);
    QFETCH(int, newThreshold);
    QFETCH(qint64, newTimeout);
    QFETCH(Script, after);

    CircuitBreaker breaker(kTask, threshold, kTimeout);
    runScript(breaker, before);
    if (QTest::currentTestFailed())
        return;

    const BreakerStatus was = breaker.status();
    breaker.setPolicy(newThreshold, newTimeout);
    QCOMPARE(breaker.threshold(), newThreshold);
    QCOMPARE(breaker.timeoutMs(), newTimeout);
    QCOMPARE(breaker.state(), was.state);
    QCOMPARE(breaker.failureCount(), was.failureCount);
    QCOMPARE(breaker.status().lastFailureMs, was.lastFailureMs);
    QCOMPARE(breaker.status().openedAtMs, was.openedAtMs);
    runScript(breaker, after);
}

QTEST_GUILESS_MAIN(TestBreaker)
#include "tst_breaker.moc"
