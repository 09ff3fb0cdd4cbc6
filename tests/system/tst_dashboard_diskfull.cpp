// The disk under metrics.db fills while the dashboard's engine runs the demo workload: the
// engine pauses, and the ledger (on a disk with room to spare) does not change after the
// failure. A real full disk: the data directory is a small tmpfs, the ledger a large one, both
// mounted in a private mount namespace (unshare) that disappears with the test.

#include "daemontestutil.h"

#include <QCryptographicHash>
#include <QStandardPaths>

using namespace hb;
using namespace hb::test;

namespace {

QString dashboardPath()
{
    return hb::test::binDir() + u"/heartbeat-dashboard"_s;
}

// Everything the ledger holds that a change would move, as text: the shard files, each loan's
// status and last update, the balances, pool totals and prices.
QString ledgerDigest(const QString &ledgerDir)
{
    QString text;
    const QStringList files =
        QDir(ledgerDir).entryList({u"*.db"_s}, QDir::Files, QDir::Name);
    text += files.join(u',') + u'\n';
    for (const QString &name : files) {
        const auto db = openReadOnly(ledgerDir + u'/' + name);
        const char *query = name == u"catalog.db"
                                ? "SELECT 'b', account, amount, updated_ms FROM balances UNION ALL"
                                  " SELECT 'p', id, total_principal || '/' || active_loans,"
                                  " updated_ms FROM pools UNION ALL"
                                  " SELECT 'q', commodity, price, updated_at_ms FROM prices"
                                  " ORDER BY 1, 2"
                                : "SELECT 'l', id, status, updated_ms FROM loans ORDER BY id";
        SQLite::Statement q(*db, query);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 rows = 0;
        while (q.executeStep()) {
            for (int c = 0; c < 4; ++c) {
                hash.addData(QByteArrayView(q.getColumn(c).getText()));
                hash.addData(QByteArrayView("|"));
            }
            ++rows;
        }
        text += name + u' ' + QString::number(rows) + u' ' +
                QString::fromLatin1(hash.result().toHex()) + u'\n';
    }
    return text;
}

} // namespace

class TestDashboardDiskFull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fullDiskPausesAndTheLedgerStaysPut();

private:
    Daemon m_daemon;
};

void TestDashboardDiskFull::initTestCase()
{
    QVERIFY2(m_daemon.init(), "heartbeatd is built and a private home can be made");
    QVERIFY2(QFileInfo(dashboardPath()).isExecutable(), "heartbeat-dashboard is built");
}

void TestDashboardDiskFull::fullDiskPausesAndTheLedgerStaysPut()
{
    if (::geteuid() != 0)
        QSKIP("mounting a small tmpfs needs root (a private mount namespace); CI runs as root");
    const QString unshare = QStandardPaths::findExecutable(u"unshare"_s);
    if (unshare.isEmpty())
        QSKIP("util-linux's unshare is not installed");

    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString seed = parent.filePath(u"seed"_s); // a demo data directory, made as usual
    QVERIFY(m_daemon.createDataDir(seed));
    const QString run = parent.filePath(u"run"_s);   // mount point of the small disk
    const QString out = parent.filePath(u"out"_s);   // what the script copies out of it
    QVERIFY(QDir().mkpath(run) && QDir().mkpath(out));
    // Room for what the directory holds now plus a little: metrics.db's WAL fills it within a
    // few ticks. The ledger gets its own 256 MB, so it could go on changing if let.
    qint64 used = 0;
    for (const QFileInfo &f : QDir(seed).entryInfoList(QDir::Files))
        used += f.size();
    const qint64 small = ((used + 160 * 1024) / 4096 + 1) * 4096;

    // Inside the namespace: mount, copy the directory in, run the dashboard until the failure
    // is reported, snapshot the ledger half a second later, again 3 s after that, quit.
    const QString script = uR"(set -u
run=$1 seed=$2 out=$3 dash=$4 small=$5
mount -t tmpfs -o size=$small tmpfs "$run" || exit 97
mkdir "$run/ledger" && mount -t tmpfs -o size=256m tmpfs "$run/ledger" || exit 97
cp -a "$seed/." "$run/" || exit 98
"$dash" --data-dir "$run" --tick-ms 40 --quit-after 30 2>"$out/stderr" &
pid=$!
i=0
until grep -q "metrics.db" "$out/stderr" 2>/dev/null; do
  i=$((i+1)); [ $i -gt 200 ] && { kill $pid; wait $pid; exit 99; }
  sleep 0.1
done
sleep 0.5
cp -a "$run/ledger" "$out/mid"
sleep 3
cp -a "$run/ledger" "$out/end"
kill -TERM $pid
wait $pid
echo "exit $?" >"$out/exit"
cp -a "$run/metrics.db" "$out/" 2>/dev/null
exit 0
)"_s;
    Binary namespaced(unshare, 60'000);
    QVERIFY(namespaced.init());
    const Result r = namespaced.run({u"--mount"_s, u"--propagation"_s, u"private"_s, u"sh"_s,
                                     u"-c"_s, script, u"sh"_s, run, seed, out, dashboardPath(),
                                     QString::number(small)});
    if (r.exitedWith(97))
        QSKIP(qPrintable(u"cannot mount a tmpfs here: "_s + QString::fromUtf8(r.err)));
    const QByteArray failure =
        r.describe() + QByteArray("\ndashboard stderr: ") + readAll(out + u"/stderr"_s);
    QVERIFY2(r.exitedWith(0), failure.constData());

    // The failure was reported (one line naming metrics.db), and the dashboard, stopped with
    // the store still failing, says so with status 2.
    const QString err = QString::fromUtf8(readAll(out + u"/stderr"_s));
    QVERIFY2(err.contains(run + u"/metrics.db"_s), qPrintable(err));
    QCOMPARE(QString::fromUtf8(readAll(out + u"/exit"_s)).trimmed(), u"exit 2"_s);

    // Not one ledger change in the 3 s after the failure, although the demo workload opens and
    // repays loans every 40 ms tick whenever it is let.
    const QString mid = ledgerDigest(out + u"/mid"_s);
    const QString end = ledgerDigest(out + u"/end"_s);
    QVERIFY2(mid == end, qPrintable(u"the ledger changed after the store failed:\n"_s + mid +
                                    u"---\n"_s + end));
    // And it did change before: the run was a real one.
    QVERIFY(mid != ledgerDigest(seed + u"/ledger"_s));
    for (const QString &copy : {u"/mid"_s, u"/end"_s}) {
        const QStringList files = QDir(out + copy).entryList({u"*.db"_s}, QDir::Files);
        for (const QString &name : files)
            QCOMPARE(integrityCheck(out + copy + u'/' + name), u"ok"_s);
    }
}

QTEST_GUILESS_MAIN(TestDashboardDiskFull)
#include "tst_dashboard_diskfull.moc"
