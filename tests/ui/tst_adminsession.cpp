// AdminSession hashes passphrases (PBKDF2, 100 000 iterations: a tenth of a second or more) on
// a worker thread when it sets and changes one, as it does to check one: the GUI thread keeps
// handling events (painting, input, timers) meanwhile.

#include "adminsession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace hb;
using namespace Qt::StringLiterals;

namespace {

const QString kPassphrase = u"correct horse battery"_s;

struct Answer
{
    bool ok = false;
    int timerTicks = 0; // how often a 5 ms timer fired between the call and the answer
    qint64 callMs = 0;  // how long the call itself took
    qint64 answerMs = 0;
};

template<typename Signal>
Answer answerOf(AdminSession &session, Signal signal, const std::function<void()> &call)
{
    Answer answer;
    QTimer timer;
    timer.setInterval(5);
    QObject::connect(&timer, &QTimer::timeout, &timer, [&answer] { ++answer.timerTicks; });
    QSignalSpy finished(&session, signal);
    timer.start();
    QElapsedTimer clock;
    clock.start();
    call();
    answer.callMs = clock.elapsed();
    const int ticksDuringCall = answer.timerTicks;
    if (!finished.wait(20'000))
        return answer;
    answer.answerMs = clock.elapsed();
    answer.ok = finished.constFirst().constFirst().toBool();
    answer.timerTicks -= ticksDuringCall;
    return answer;
}

} // namespace

class TestAdminSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void settingThePassphraseDoesNotBlockTheGuiThread();
    void changingThePassphraseDoesNotBlockTheGuiThread();
    void refusalsAnswerTheSameWay();

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    QString newPath() { return m_dir.filePath(u"admin%1.json"_s.arg(++m_serial)); }
};

void TestAdminSession::settingThePassphraseDoesNotBlockTheGuiThread()
{
    AdminSession session(newPath(), u"tester"_s, std::make_shared<SystemClock>());
    const Answer a = answerOf(session, &AdminSession::passphraseSetFinished,
                              [&] { session.setPassphrase(kPassphrase); });
    QVERIFY(a.ok);
    QVERIFY(session.isAdmin());
    QVERIFY(session.passphraseSet());
    // The call returned at once; the hashing went on while the timer kept firing.
    QVERIFY2(a.callMs * 4 < a.answerMs,
             qPrintable(u"call %1 ms, answer after %2 ms"_s.arg(a.callMs).arg(a.answerMs)));
    QVERIFY2(
        a.timerTicks >= 3,
        qPrintable(
            u"the timer fired %1 times in %2 ms of hashing"_s.arg(a.timerTicks).arg(a.answerMs)));
}

void TestAdminSession::changingThePassphraseDoesNotBlockTheGuiThread()
{
    const QString path = newPath();
    AdminSession session(path, u"tester"_s, std::make_shared<SystemClock>());
    QVERIFY(answerOf(session, &AdminSession::passphraseSetFinished, [&] {
                session.setPassphrase(kPassphrase);
            }).ok);
    const Answer a = answerOf(session, &AdminSession::passphraseChangeFinished, [&] {
        session.changePassphrase(kPassphrase, u"another good one"_s);
    });
    QVERIFY(a.ok);
    QVERIFY2(a.callMs * 4 < a.answerMs,
             qPrintable(u"call %1 ms, answer after %2 ms"_s.arg(a.callMs).arg(a.answerMs)));
    QVERIFY2(
        a.timerTicks >= 3,
        qPrintable(
            u"the timer fired %1 times in %2 ms of hashing"_s.arg(a.timerTicks).arg(a.answerMs)));
    QVERIFY(PassphraseFile(path).verify(u"another good one"_s));
    QVERIFY(!PassphraseFile(path).verify(kPassphrase));
}

// Refused requests answer through the same signal, later, with the reason.
void TestAdminSession::refusalsAnswerTheSameWay()
{
    const QString path = newPath();
    AdminSession session(path, u"tester"_s, std::make_shared<SystemClock>());
    QSignalSpy set(&session, &AdminSession::passphraseSetFinished);
    QSignalSpy changed(&session, &AdminSession::passphraseChangeFinished);

    session.changePassphrase(kPassphrase, u"another good one"_s); // not admin
    QVERIFY(changed.isEmpty());
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.constFirst().at(0).toBool(), false);
    QCOMPARE(changed.constFirst().at(1).toString(), u"Unlock admin first."_s);

    session.setPassphrase(u"short"_s);
    QVERIFY(set.isEmpty());
    QVERIFY(set.wait(5000));
    QCOMPARE(set.constFirst().at(0).toBool(), false);
    QVERIFY(set.constFirst().at(1).toString().contains(u"8"));
    QVERIFY(!session.isAdmin());
    QVERIFY(!QFile::exists(path));

    session.setPassphrase(kPassphrase);
    QVERIFY(set.wait(5000));
    QVERIFY(set.constLast().at(0).toBool());
    session.lock();
    session.setPassphrase(u"somebody else's"_s); // a second first use
    QVERIFY(set.wait(5000));
    QCOMPARE(set.constLast().at(0).toBool(), false);
    QCOMPARE(set.constLast().at(1).toString(),
             u"A passphrase is already set; unlock with it instead."_s);
    QVERIFY(!session.isAdmin());
    QVERIFY(PassphraseFile(path).verify(kPassphrase));
}

QTEST_MAIN(TestAdminSession)
#include "tst_adminsession.moc"
