// MetricsWriter and the audit outbox: entries are committed with the writer's transactions and
// acknowledged only after the commit, stored once however often they arrive, released (and
// the outbox told first) when the store fails, and moved again once retry() finds the store
// writable.

#include "core/auditoutbox.h"
#include "core/clock.h"
#include "filelimits.h"
#include "store/metricswriter.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <mutex>

using namespace hb;
using namespace Qt::Literals::StringLiterals;
using hb::test::FileSizeLimit;

namespace {

constexpr qint64 kBase = 1'700'002'620'000;

// An outbox in memory, recording what the writer told it and in which order.
class FakeOutbox : public AuditOutbox
{
public:
    void add(const AuditEntry &entry)
    {
        std::lock_guard lock(mutex);
        waiting.append(entry);
    }
    QVector<AuditEntry> take() override
    {
        std::lock_guard lock(mutex);
        QVector<AuditEntry> taken = waiting;
        for (const AuditEntry &e : waiting)
            claimed.append(e);
        waiting.clear();
        events << u"take"_s;
        return taken;
    }
    void acknowledge(const QStringList &uids) override
    {
        std::lock_guard lock(mutex);
        acknowledged += uids;
        claimed.removeIf([&](const AuditEntry &e) { return uids.contains(e.uid); });
        events << u"acknowledge"_s;
    }
    void release(const QStringList &uids) override
    {
        std::lock_guard lock(mutex);
        for (const AuditEntry &e : std::as_const(claimed)) {
            if (uids.contains(e.uid))
                waiting.append(e);
        }
        claimed.removeIf([&](const AuditEntry &e) { return uids.contains(e.uid); });
        released += uids;
        events << u"release"_s;
    }
    void storeFailed(const QString &reason) override
    {
        std::lock_guard lock(mutex);
        failedReason = reason;
        events << u"storeFailed"_s;
    }
    void storeRecovered() override
    {
        std::lock_guard lock(mutex);
        events << u"storeRecovered"_s;
    }

    std::mutex mutex;
    QVector<AuditEntry> waiting;
    QVector<AuditEntry> claimed;
    QStringList acknowledged;
    QStringList released;
    QStringList events;
    QString failedReason;
};

AuditEntry entry(const QString &uid, const QString &action = u"loan_liquidated"_s)
{
    return {kBase, u"heartbeat:auto_liquidation"_s, action, u"{}"_s, uid};
}

qint64 scalar(const QString &path, const QString &query)
{
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
    return db.execAndGet(query.toStdString()).getInt64();
}

// More than a nearly full disk takes.
WriteBatch paddingBatch()
{
    WriteBatch batch;
    for (int i = 0; i < 3000; ++i)
        batch.samples.append({u"padding"_s, kBase + i, double(i)});
    return batch;
}

WriteBatch tickBatch(qint64 id)
{
    WriteBatch batch;
    batch.ticks.append({id, kBase + id * 1000, 10, 0, 0, 0, TickSkipReason::None});
    return batch;
}

} // namespace

class TestMetricsOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void movedWithTheNextCommitAndAcknowledged();
    void anEntryMovedTwiceIsStoredOnce();
    void engineEntriesHaveNoUid();
    void failureReleasesAndRefusesFirst();
    void retryTakesUpWritingAgain();

private:
    std::unique_ptr<MetricsWriter> makeWriter(const std::shared_ptr<FakeOutbox> &outbox);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestMetricsOutbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"metrics.db"_s);
}

std::unique_ptr<MetricsWriter> TestMetricsOutbox::makeWriter(const std::shared_ptr<FakeOutbox> &outbox)
{
    auto writer = std::make_unique<MetricsWriter>(std::make_unique<MetricsStore>(m_path),
                                                  RetentionPolicy{},
                                                  std::make_shared<FakeClock>(kBase));
    writer->setOutbox(outbox);
    return writer;
}

void TestMetricsOutbox::movedWithTheNextCommitAndAcknowledged()
{
    auto outbox = std::make_shared<FakeOutbox>();
    outbox->add(entry(u"a"_s));
    outbox->add(entry(u"b"_s));
    auto writer = makeWriter(outbox);
    QVector<AuditEntry> moved;
    QObject receiver;
    connect(writer.get(), &MetricsWriter::auditMoved, &receiver,
            [&](const QVector<AuditEntry> &entries) { moved += entries; }, Qt::QueuedConnection);

    writer->moveOutbox(); // what start-up does: returns once committed
    QCOMPARE(scalar(m_path, u"SELECT count(*) FROM audit_log WHERE uid IN ('a', 'b')"_s), 2);
    QCOMPARE(outbox->acknowledged, (QStringList{u"a"_s, u"b"_s}));
    // Taken before the commit, acknowledged after it.
    QCOMPARE(outbox->events, (QStringList{u"take"_s, u"acknowledge"_s}));
    QTRY_COMPARE(moved.size(), 2);

    // Later entries go with whatever the engine submits next.
    outbox->add(entry(u"c"_s));
    writer->submit(tickBatch(1));
    writer->flush();
    QCOMPARE(scalar(m_path, u"SELECT count(*) FROM audit_log"_s), 3);
    QCOMPARE(outbox->acknowledged.constLast(), u"c"_s);
}

void TestMetricsOutbox::anEntryMovedTwiceIsStoredOnce()
{
    auto outbox = std::make_shared<FakeOutbox>();
    auto writer = makeWriter(outbox);
    // A process stopped between metrics.db's commit and the outbox's delete: after the
    // restart the same entry (same uid) comes again.
    outbox->add(entry(u"same"_s));
    writer->moveOutbox();
    outbox->add(entry(u"same"_s));
    outbox->add(entry(u"other"_s));
    writer->moveOutbox();
    QCOMPARE(scalar(m_path, u"SELECT count(*) FROM audit_log WHERE uid = 'same'"_s), 1);
    QCOMPARE(scalar(m_path, u"SELECT count(*) FROM audit_log"_s), 2);
    // Both arrivals are acknowledged: the outbox row must go either way.
    QCOMPARE(outbox->acknowledged.count(u"same"_s), 2);
}

void TestMetricsOutbox::engineEntriesHaveNoUid()
{
    auto outbox = std::make_shared<FakeOutbox>();
    auto writer = makeWriter(outbox);
    WriteBatch batch;
    // The engine's own entries (commands, refusals) carry no uid and are never merged.
    batch.audit = {{kBase, u"admin:ana"_s, u"resume"_s, u"{}"_s},
                   {kBase, u"admin:ana"_s, u"resume"_s, u"{}"_s}};
    writer->submit(std::move(batch));
    writer->flush();
    QCOMPARE(scalar(m_path, u"SELECT count(*) FROM audit_log WHERE uid IS NULL"_s), 2);
}

void TestMetricsOutbox::failureReleasesAndRefusesFirst()
{
    auto outbox = std::make_shared<FakeOutbox>();
    auto writer = makeWriter(outbox);
    writer->submit(tickBatch(1));
    writer->flush();
    outbox->events.clear();

    QString signalled;
    QStringList eventsAtSignal;
    connect(writer.get(), &MetricsWriter::writeFailed, writer.get(),
            [&](const QString &message) {
                signalled = message;
                std::lock_guard lock(outbox->mutex);
                eventsAtSignal = outbox->events;
            },
            Qt::DirectConnection);
    outbox->add(entry(u"x"_s));
    {
        FileSizeLimit full(QFileInfo(m_path).size() + 4096);
        writer->submit(paddingBatch());
        writer->flush();
    }
    QVERIFY(writer->hasFailed());
    QVERIFY(!signalled.isEmpty());
    // The ledger is told to refuse changes before anyone hears of the failure, and the
    // entries that could not be committed stay in the outbox.
    QCOMPARE(eventsAtSignal, (QStringList{u"take"_s, u"storeFailed"_s, u"release"_s}));
    QCOMPARE(outbox->failedReason, signalled);
    QCOMPARE(outbox->released, QStringList{u"x"_s});
    QVERIFY(outbox->acknowledged.isEmpty());
    QCOMPARE(scalar(m_path, u"SELECT count(*) FROM audit_log"_s), 0);
    QCOMPARE(writer->lastError(), signalled);
}

void TestMetricsOutbox::retryTakesUpWritingAgain()
{
    auto outbox = std::make_shared<FakeOutbox>();
    auto writer = makeWriter(outbox);
    writer->submit(tickBatch(1));
    writer->flush();
    outbox->add(entry(u"kept"_s));
    {
        FileSizeLimit full(QFileInfo(m_path).size() + 4096);
        writer->submit(paddingBatch());
        writer->flush();
        QVERIFY(writer->hasFailed());

        // Still full: the retry is refused with the store's error, nothing changes.
        QString error;
        QVERIFY(!writer->retry(paddingBatch(), &error));
        QVERIFY2(error.contains(m_path), qPrintable(error));
        QVERIFY(writer->hasFailed());
        QVERIFY(!outbox->events.contains(u"storeRecovered"_s));
    }
    // Space is back: the retry commits its batch and the entries kept in the outbox.
    WriteBatch probe = tickBatch(2);
    QString error;
    QVERIFY2(writer->retry(std::move(probe), &error), qPrintable(error));
    QVERIFY(!writer->hasFailed());
    QCOMPARE(outbox->events.constLast(), u"storeRecovered"_s);
    QCOMPARE(scalar(m_path, u"SELECT count(*) FROM audit_log WHERE uid = 'kept'"_s), 1);
    QCOMPARE(scalar(m_path, u"SELECT count(*) FROM ticks"_s), 2);
    writer->submit(tickBatch(3));
    writer->flush();
    QCOMPARE(scalar(m_path, u"SELECT count(*) FROM ticks"_s), 3);
}

QTEST_GUILESS_MAIN(TestMetricsOutbox)
#include "tst_metricsoutbox.moc"
