// A ledger change and its audit entry live or die together, proven on the real daemon:
// - fault injection stops heartbeatd (_exit) right after a ledger commit and before metrics.db
//   committed its audit entry; after a restart every changed loan, pool correction and
//   treasury top-up has exactly one audit row;
// - SIGKILL at 25 random moments while the demo workload liquidates and repays loans; after
//   the last restart, for every action kind the changes in the ledger and the audit rows agree,
//   none duplicated, and every file passes integrity_check.

#include "daemontestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>

using namespace hb;
using namespace hb::test;

namespace {

// What the ledger files say happened, read directly.
struct LedgerFacts
{
    qint64 loans = 0;
    qint64 overdue = 0;
    QSet<QString> liquidated;
    QSet<QString> repaid;
    QHash<QString, qint64> catalogChanges; // ledger_changes
    qint64 outboxRows = 0;
    QStringList damaged; // files whose integrity_check is not ok
};

LedgerFacts readLedger(const QString &dataDir)
{
    LedgerFacts facts;
    const QString dir = dataDir + u"/ledger"_s;
    const QStringList shards =
        QDir(dir).entryList({u"shard-*.db"_s}, QDir::Files, QDir::Name);
    for (const QString &name : shards) {
        const auto db = openReadOnly(dir + u'/' + name);
        if (db->execAndGet("PRAGMA integrity_check").getString() != "ok")
            facts.damaged << name;
        facts.loans += queryInt(*db, "SELECT count(*) FROM loans");
        facts.overdue += queryInt(*db, "SELECT count(*) FROM loans WHERE status = 'overdue'");
        SQLite::Statement q(*db, "SELECT id, status FROM loans WHERE status IN"
                                 " ('liquidated', 'repaid')");
        while (q.executeStep()) {
            const QString id = QString::fromUtf8(q.getColumn(0).getText());
            (q.getColumn(1).getString() == "liquidated" ? facts.liquidated : facts.repaid)
                .insert(id);
        }
        facts.outboxRows += queryInt(*db, "SELECT count(*) FROM audit_outbox");
    }
    const auto catalog = openReadOnly(dir + u"/catalog.db"_s);
    if (catalog->execAndGet("PRAGMA integrity_check").getString() != "ok")
        facts.damaged << u"catalog.db"_s;
    SQLite::Statement changes(*catalog, "SELECT action, count FROM ledger_changes");
    while (changes.executeStep())
        facts.catalogChanges.insert(QString::fromUtf8(changes.getColumn(0).getText()),
                                    changes.getColumn(1).getInt64());
    facts.outboxRows += queryInt(*catalog, "SELECT count(*) FROM audit_outbox");
    return facts;
}

// What metrics.db's audit log says.
struct AuditFacts
{
    QHash<QString, qint64> rows; // by action
    QStringList liquidatedLoans; // one per row: duplicates show
    QStringList repaidLoans;
    qint64 openedLoans = 0;      // sum of loans_opened counts
    qint64 markedOverdue = 0;    // sum of loans_marked_overdue counts
    qint64 liquidatedFromOverdue = 0;
    qint64 repaidFromOverdue = 0;
    qint64 seededOverdue = 0;
    qint64 seededLoans = 0;      // ledger_seeded: the demo import, closed loans included
    qint64 seededLiquidated = 0;
    qint64 seededRepaid = 0;
    qint64 duplicateUids = 0;
    QString integrity;
};

AuditFacts readAudit(const QString &dataDir)
{
    AuditFacts facts;
    const auto db = openReadOnly(dataDir + u"/metrics.db"_s);
    facts.integrity = QString::fromStdString(db->execAndGet("PRAGMA integrity_check").getString());
    SQLite::Statement q(*db, "SELECT action, detail FROM audit_log");
    while (q.executeStep()) {
        const QString action = QString::fromUtf8(q.getColumn(0).getText());
        const QJsonObject detail =
            QJsonDocument::fromJson(QByteArray(q.getColumn(1).getText())).object();
        ++facts.rows[action];
        if (action == u"loan_liquidated") {
            facts.liquidatedLoans << detail.value(u"loan"_s).toString();
            if (detail.value(u"before"_s).toString() == u"overdue")
                ++facts.liquidatedFromOverdue;
        } else if (action == u"loans_marked_overdue") {
            facts.markedOverdue += detail.value(u"count"_s).toInteger();
        }
        else if (action == u"loan_repaid") {
            facts.repaidLoans << detail.value(u"loan"_s).toString();
            if (detail.value(u"before"_s).toString() == u"overdue")
                ++facts.repaidFromOverdue;
        }
        else if (action == u"loans_opened")
            facts.openedLoans += detail.value(u"count"_s).toInteger();
        else if (action == u"ledger_seeded") {
            facts.seededLoans += detail.value(u"loans"_s).toInteger();
            facts.seededLiquidated += detail.value(u"liquidated"_s).toInteger();
            facts.seededRepaid += detail.value(u"repaid"_s).toInteger();
            facts.seededOverdue += detail.value(u"overdue"_s).toInteger();
        }
    }
    facts.duplicateUids =
        queryInt(*db, "SELECT count(uid) - count(DISTINCT uid) FROM audit_log");
    return facts;
}

// Every way the ledger and the audit log can disagree, one line each; empty when they agree.
QStringList disagreements(const QString &dataDir)
{
    const LedgerFacts ledger = readLedger(dataDir);
    const AuditFacts audit = readAudit(dataDir);
    QStringList problems;
    const auto expect = [&](bool ok, const QString &what) {
        if (!ok)
            problems << what;
    };
    expect(ledger.damaged.isEmpty(), u"integrity_check failed: "_s + ledger.damaged.join(u", "));
    expect(audit.integrity == u"ok", u"metrics.db integrity_check: "_s + audit.integrity);
    expect(ledger.outboxRows == 0,
           u"%1 entries still in the outboxes after a clean stop"_s.arg(ledger.outboxRows));
    expect(audit.duplicateUids == 0, u"%1 duplicated uids"_s.arg(audit.duplicateUids));

    // Every closed loan is either one the seed imported closed (counted in its one entry) or
    // has exactly one audit row of its own.
    const auto sameLoans = [&](const QString &action, const QSet<QString> &inLedger,
                               const QStringList &audited, qint64 seeded) {
        const QSet<QString> auditedSet(audited.begin(), audited.end());
        expect(audited.size() == auditedSet.size(),
               u"%1: %2 audit rows for %3 loans (duplicates)"_s.arg(action)
                   .arg(audited.size())
                   .arg(auditedSet.size()));
        expect(auditedSet.size() + seeded == inLedger.size() && (auditedSet - inLedger).isEmpty(),
               u"%1: %2 loans in the ledger, %3 seeded + %4 audited, %5 audited but not in the "
               "ledger"_s.arg(action)
                   .arg(inLedger.size())
                   .arg(seeded)
                   .arg(auditedSet.size())
                   .arg((auditedSet - inLedger).size()));
    };
    sameLoans(u"loan_liquidated"_s, ledger.liquidated, audit.liquidatedLoans,
              audit.seededLiquidated);
    sameLoans(u"loan_repaid"_s, ledger.repaid, audit.repaidLoans, audit.seededRepaid);
    expect(ledger.loans == audit.seededLoans + audit.openedLoans,
           u"loans: %1 in the ledger, %2 seeded + %3 opened in the audit log"_s.arg(ledger.loans)
               .arg(audit.seededLoans)
               .arg(audit.openedLoans));
    // A loan becomes overdue by the seed or an audited marking, and leaves that state only by
    // an audited liquidation or repayment. The demo repays loans it picked while active, and
    // loan monitoring may mark one overdue in between: the ledger takes that repayment
    // (an overdue loan may be repaid) and audits it "before": "overdue".
    expect(ledger.overdue + audit.liquidatedFromOverdue + audit.repaidFromOverdue ==
               audit.seededOverdue + audit.markedOverdue,
           u"overdue: %1 now + %2 liquidated + %3 repaid from overdue, but %4 seeded + %5 marked"_s
               .arg(ledger.overdue)
               .arg(audit.liquidatedFromOverdue)
               .arg(audit.repaidFromOverdue)
               .arg(audit.seededOverdue)
               .arg(audit.markedOverdue));
    for (auto it = ledger.catalogChanges.cbegin(); it != ledger.catalogChanges.cend(); ++it)
        expect(audit.rows.value(it.key()) == it.value(),
               u"%1: %2 changes in catalog.db, %3 audit rows"_s.arg(it.key())
                   .arg(it.value())
                   .arg(audit.rows.value(it.key())));
    return problems;
}

// The audit log may be trimmed by auto cleanup (a cap of 10 000 rows); these tests count rows.
bool keepEveryAuditRow(const QString &dataDir)
{
    QFile file(dataDir + u"/config.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject tasks = config.value(u"tasks"_s).toObject();
    tasks.insert(u"auto_cleanup"_s, false);
    config.insert(u"tasks"_s, tasks);
    return writeFile(dataDir + u"/config.json"_s, QJsonDocument(config).toJson());
}

bool execOn(const QString &path, const char *sql)
{
    try {
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE);
        db.exec(sql);
        return true;
    } catch (const std::exception &e) {
        qWarning() << path << e.what();
        return false;
    }
}

} // namespace

class TestIntegrity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exitRightAfterALedgerCommit_data();
    void exitRightAfterALedgerCommit();
    void sigkillAtRandomMoments();

private:
    bool newDataDir(const QString &dataDir);
    Daemon m_daemon;
};

void TestIntegrity::initTestCase()
{
    QVERIFY2(m_daemon.init(), "heartbeatd is built and a private home can be made");
}

bool TestIntegrity::newDataDir(const QString &dataDir)
{
    if (!m_daemon.createDataDir(dataDir) || !keepEveryAuditRow(dataDir))
        return false;
    const QStringList problems = disagreements(dataDir);
    if (!problems.isEmpty())
        qWarning().noquote() << "a fresh demo directory disagrees:" << problems.join(u"; ");
    return problems.isEmpty(); // the seed and the first ticks are audited from the first second
}

void TestIntegrity::exitRightAfterALedgerCommit_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("tamper"); // SQL on catalog.db that makes the change due now
    QTest::newRow("liquidation") << u"loan_liquidated"_s << QString();
    QTest::newRow("pool correction")
        << u"pool_corrected"_s << u"UPDATE pools SET total_principal = total_principal + 777"_s;
    QTest::newRow("treasury top-up")
        << u"cycles_topped_up"_s << u"UPDATE balances SET amount = 1 WHERE account = 'cycles'"_s;
}

void TestIntegrity::exitRightAfterALedgerCommit()
{
    QFETCH(QString, action);
    QFETCH(QString, tamper);
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    QVERIFY(newDataDir(dataDir));
    if (!tamper.isEmpty())
        QVERIFY(execOn(dataDir + u"/ledger/catalog.db"_s, tamper.toUtf8().constData()));
    const qint64 rowsBefore = readAudit(dataDir).rows.value(action);

    // Stopped right after the ledger committed the change (and its outbox entry), before
    // metrics.db could commit the entry.
    m_daemon.setEnv(u"HB_FAULT_EXIT_AFTER_COMMIT"_s, action);
    const Result crashed = m_daemon.run(
        {u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"50"_s, u"--run-for"_s, u"15"_s});
    m_daemon.setEnv(u"HB_FAULT_EXIT_AFTER_COMMIT"_s, {});
    QVERIFY2(crashed.exitedWith(86), crashed.describe());
    // The change is in the ledger, its audit row not (yet) in metrics.db.
    QCOMPARE(readAudit(dataDir).rows.value(action), rowsBefore);
    const LedgerFacts afterCrash = readLedger(dataDir);
    QVERIFY2(afterCrash.outboxRows > 0, "the injected exit left nothing in an outbox");
    if (action == u"loan_liquidated")
        QVERIFY(qint64(afterCrash.liquidated.size()) > rowsBefore);
    else
        QVERIFY(afterCrash.catalogChanges.value(action) > rowsBefore);

    // The restart moves what the outboxes hold first; then every change has one audit row.
    const Result restarted = m_daemon.run(
        {u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"50"_s, u"--run-for"_s, u"0.5"_s});
    QVERIFY2(restarted.exitedWith(0), restarted.describe());
    const QStringList problems = disagreements(dataDir);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n")));
    QVERIFY(readAudit(dataDir).rows.value(action) > rowsBefore);
}

void TestIntegrity::sigkillAtRandomMoments()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString db = dataDir + u"/metrics.db"_s;
    QVERIFY(newDataDir(dataDir));

    // HB_KILLS raises the count for a longer soak outside CI (scripts/soak-kills.sh).
    const int kills = std::max(25, qEnvironmentVariableIntValue("HB_KILLS"));
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u, %d kills", seed, kills);
    QRandomGenerator random(seed);
    for (int i = 0; i < kills; ++i) {
        // Running for real (at least one tick committed), then killed anywhere in a tick: in a
        // task's ledger commit, between it and the metrics commit, in the middle of either.
        const auto process = m_daemon.startTicking(
            dataDir, {u"--tick-ms"_s, u"30"_s}, std::max<qint64>(1, committedTicks(db) + 1));
        QVERIFY2(process, qPrintable(u"run %1 did not start (seed %2)"_s.arg(i).arg(seed)));
        QTest::qWait(int(random.bounded(20, 700)));
        ::kill(pid_t(process->processId()), SIGKILL);
        QVERIFY(process->waitForFinished(10'000));
        QCOMPARE(process->exitStatus(), QProcess::CrashExit);
    }
    const Result last = m_daemon.run(
        {u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"30"_s, u"--run-for"_s, u"0.5"_s});
    QVERIFY2(last.exitedWith(0), last.describe());

    const LedgerFacts ledger = readLedger(dataDir);
    // The workload really liquidated and repaid while it was being killed.
    QVERIFY2(ledger.liquidated.size() > 0 && ledger.repaid.size() > 0,
             qPrintable(u"liquidated %1, repaid %2"_s.arg(ledger.liquidated.size())
                            .arg(ledger.repaid.size())));
    const QStringList problems = disagreements(dataDir);
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"seed %1:\n"_s.arg(seed) + problems.join(u"\n")));
}

QTEST_GUILESS_MAIN(TestIntegrity)
#include "tst_integrity.moc"
