// The maintenance report (writeAnalysisReport): a PDF whose text (pdftotext) holds the per-task
// figures equal to SQL over the raw rows, an HTML file that carries the four charts as data:
// URIs, the interface language through the installed translators, and one-line errors that
// name the file.

#include "analysisreport.h"
#include "chartframe.h"
#include "store/metricsstore.h"
#include "testsupport.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cmath>

using namespace hb;

namespace {

constexpr qint64 kMinute = 60'000;
// 2023-11-14 22:57:00 UTC.
constexpr qint64 kBase = 1'700'002'620'000;
constexpr qint64 kTickMs = 5'000;
constexpr int kTicks = 1440; // two hours
constexpr qint64 kFrom = kBase + 10 * kMinute + 2'500;
constexpr qint64 kTo = kBase + 100 * kMinute;

const QString kTasks[] = {QStringLiteral("price_update"), QStringLiteral("loan_monitoring"),
                          QStringLiteral("memory_monitoring")};

std::string utf8(const QString &s)
{
    return s.toStdString();
}

void writeData(const QString &path)
{
    MetricsStore store(path);
    WriteBatch batch;
    for (int i = 0; i < kTicks; ++i) {
        const qint64 t = kBase + i * kTickMs;
        TickRecord tick{i + 1, t, 30 + (i * 17) % 200, 0, 0, 0, {}};
        for (int k = 0; k < 3; ++k) {
            const int roll = (i * 7 + k * 3) % (17 + 6 * k); // each task its own mix
            const Outcome o = roll == 0   ? Outcome::Failure
                              : roll == 1 ? Outcome::Timeout
                              : roll == 2 ? Outcome::Skipped
                                          : Outcome::Success;
            const qint64 duration =
                o == Outcome::Skipped
                    ? 0
                    : qint64(std::exp(double((i * 31 + k * 101) % 97) / 9.0) * (k + 1)) + 13 * k;
            batch.executions.append(
                {tick.id, kTasks[k], t + k, duration, o, 0, QString(), std::nullopt});
            tick.ran += o != Outcome::Skipped;
        }
        batch.ticks.append(tick);
        batch.samples.append({ChartSeries::Memory, t, 2e9 + (i % 60) * 1e7});
        batch.samples.append({ChartSeries::Cycles, t, 5e12 - i * 1e9});
        batch.samples.append({ChartSeries::ShardCount, t, 2});
        batch.samples.append(
            {ChartSeries::ShardLoadPrefix + QStringLiteral("0001"), t, 0.2 + (i % 10) * 0.05});
        batch.samples.append(
            {ChartSeries::ShardLoadPrefix + QStringLiteral("0002"), t, 0.6 - (i % 10) * 0.03});
        if (i % 300 == 100)
            batch.breakerEvents.append({t, kTasks[1], BreakerState::Closed, BreakerState::Open,
                                        QStringLiteral("shard 3 unreachable")});
        if (i % 300 == 160)
            batch.breakerEvents.append(
                {t, kTasks[1], BreakerState::Open, BreakerState::HalfOpen, QString()});
        if (i % 300 == 161)
            batch.breakerEvents.append(
                {t, kTasks[1], BreakerState::HalfOpen, BreakerState::Closed, QString()});
        if (i % 200 == 50)
            batch.audit.append({t, QStringLiteral("alice"), QStringLiteral("maintenance_on"),
                                QStringLiteral("{\"role\":\"admin\"}")});
        if (i % 100 == 0)
            batch.audit.append({t, QStringLiteral("heartbeat:loan_monitoring"),
                                QStringLiteral("loan_overdue"), QString()});
    }
    store.write(batch);
    SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE);
    for (int i = 0; i < 6; ++i)
        db.exec("INSERT INTO notification_events(uid, ts_ms, kind, severity, subject, condition,"
                " title, text, payload) VALUES('u" +
                std::to_string(i) + "', " + std::to_string(kBase + (5 + i * 20) * kMinute) +
                ", 'alert_raised', 'warning', 'memory_monitoring', 'alert:m', 'Memory high " +
                std::to_string(i) + "', '', '{}')");
}

qint64 scalar(SQLite::Database &db, const QString &sql)
{
    SQLite::Statement q(db, utf8(sql));
    if (!q.executeStep() || q.getColumn(0).isNull())
        return 0;
    return q.getColumn(0).getInt64();
}

QString inRange(const QString &column = QStringLiteral("started_at_ms"))
{
    return QStringLiteral(" %1 >= %2 AND %1 < %3 ").arg(column).arg(kFrom).arg(kTo);
}

// What the report's row of `task` must read, from the raw rows: name, runs, successes,
// failures, timeouts, failure rate, p50, p95, p99, max, "exact".
QStringList expectedRow(SQLite::Database &db, const QString &task)
{
    const QString where = inRange() + QStringLiteral(" AND task = '%1'").arg(task);
    const qint64 runs = scalar(db, QStringLiteral("SELECT count(*) FROM executions WHERE") + where +
                                       QStringLiteral(" AND outcome <> 'skipped'"));
    const auto count = [&](const char *outcome) {
        return scalar(db, QStringLiteral("SELECT count(*) FROM executions WHERE") + where +
                              QStringLiteral(" AND outcome = '%1'").arg(QLatin1String(outcome)));
    };
    const auto percentile = [&](int p) {
        const qint64 offset = qint64(std::ceil(double(p) * double(runs) / 100.0)) - 1;
        return scalar(db, QStringLiteral("SELECT duration_ms FROM executions WHERE") + where +
                              QStringLiteral(" AND outcome <> 'skipped' ORDER BY duration_ms"
                                             " LIMIT 1 OFFSET %1")
                                  .arg(offset));
    };
    const qint64 failures = count("failure");
    const qint64 timeouts = count("timeout");
    const QLocale locale;
    QStringList row{task, locale.toString(runs), locale.toString(count("success")),
                    locale.toString(failures), locale.toString(timeouts)};
    row += locale.toString(double(failures + timeouts) / double(runs) * 100.0, 'f', 1);
    row += QStringLiteral("%");
    for (const int p : {50, 95, 99})
        row += locale.toString(percentile(p));
    row += locale.toString(
        scalar(db, QStringLiteral("SELECT max(duration_ms) FROM executions WHERE") + where));
    row += QStringLiteral("exact");
    return row;
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60'000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString lineStartingWith(const QString &text, const QString &start)
{
    for (const QString &line : text.split(u'\n')) {
        if (line.trimmed().startsWith(start))
            return line.trimmed();
    }
    return {};
}

QStringList words(const QString &line)
{
    return line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

// A translator that knows a few of the report's words in Indonesian.
class IndonesianWords : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "hb::AnalysisReport") != 0)
            return {};
        if (qstrcmp(source, "Health summary") == 0)
            return QStringLiteral("Ringkasan kesehatan");
        if (qstrcmp(source, "Breaker openings") == 0)
            return QStringLiteral("Pemutus yang terbuka");
        if (qstrcmp(source, "exact") == 0)
            return QStringLiteral("tepat");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestAnalysisReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { QLocale::setDefault(QLocale::c()); }
    void pdfHoldsTheFiguresOfTheRawRows();
    void htmlEmbedsTheCharts();
    void givenChartsAreTheOnesShown();
    void inTheInterfaceLanguage();
    void badRequestsNameTheFile_data();
    void badRequestsNameTheFile();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestAnalysisReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QFAIL("pdftotext is missing: scripts/install-deps.sh installs poppler-utils");
    m_db = m_dir.filePath(QStringLiteral("metrics.db"));
    writeData(m_db);
}

void TestAnalysisReport::pdfHoldsTheFiguresOfTheRawRows()
{
    const QString out = m_dir.filePath(QStringLiteral("report.pdf"));
    QCOMPARE(writeAnalysisReport({m_db, out, kFrom, kTo, {}}), QString());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    if (!qEnvironmentVariableIsEmpty("HB_REPORT_PAGE_PNG")) { // to look at a page
        QProcess::execute(QStringLiteral("pdftoppm"),
                          {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), out,
                           qEnvironmentVariable("HB_REPORT_PAGE_PNG")});
    }
    const QString text = pdfText(out);
    QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
    QVERIFY(text.contains(QStringLiteral("Heartbeat maintenance report")));

    SQLite::Database db(utf8(m_db), SQLite::OPEN_READONLY);
    for (const QString &task : kTasks) {
        const QStringList row = words(lineStartingWith(text, task));
        QCOMPARE(row, expectedRow(db, task));
    }
    // The health summary.
    const auto figure = [&](const QString &name) {
        const QString line = lineStartingWith(text, name);
        return words(line.mid(name.size())).value(0);
    };
    const QLocale locale;
    QCOMPARE(
        figure(QStringLiteral("Task runs")),
        locale.toString(scalar(db, QStringLiteral("SELECT count(*) FROM executions WHERE") +
                                       inRange() + QStringLiteral(" AND outcome <> 'skipped'"))));
    QCOMPARE(figure(QStringLiteral("Ticks")),
             locale.toString(
                 scalar(db, QStringLiteral("SELECT count(*) FROM ticks WHERE") + inRange())));
    const qint64 openings =
        scalar(db, QStringLiteral("SELECT count(*) FROM breaker_events WHERE from_state = "
                                  "'closed' AND to_state = 'open' AND") +
                       inRange(QStringLiteral("ts_ms")));
    QVERIFY(openings > 0);
    QCOMPARE(figure(QStringLiteral("Breaker openings")), locale.toString(openings));
    QCOMPARE(figure(QStringLiteral("Alerts raised")),
             locale.toString(scalar(db, QStringLiteral("SELECT count(*) FROM notification_events"
                                                       " WHERE kind = 'alert_raised' AND") +
                                            inRange(QStringLiteral("ts_ms")))));
    QCOMPARE(figure(QStringLiteral("Admin actions")),
             locale.toString(scalar(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE"
                                                       " actor = 'alice' AND") +
                                            inRange(QStringLiteral("ts_ms")))));
    // A breaker opening with how long it lasted (5 min: 60 ticks of 5 s).
    QVERIFY(text.contains(QStringLiteral("shard 3 unreachable")));
    QVERIFY(text.contains(QStringLiteral("5 min")));
    QVERIFY(text.contains(QStringLiteral("Memory high 1")));
    QVERIFY(text.contains(QStringLiteral("maintenance_on")));
}

void TestAnalysisReport::htmlEmbedsTheCharts()
{
    const QString out = m_dir.filePath(QStringLiteral("report.html"));
    QCOMPARE(writeAnalysisReport({m_db, out, kFrom, kTo, {}}), QString());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    const QRegularExpression image(QStringLiteral("<img src=\"data:image/png;base64,([^\"]+)\""));
    QList<QImage> images;
    for (auto it = image.globalMatch(html); it.hasNext();)
        images.append(
            QImage::fromData(QByteArray::fromBase64(it.next().captured(1).toLatin1()), "PNG"));
    QCOMPARE(images.size(), 4);
    for (const QImage &chart : std::as_const(images)) {
        QVERIFY(!chart.isNull());
        QVERIFY(chart.width() >= 600);
    }
    // The tick-time chart drew its line (the tick series' blue), so it is the range's data and
    // not an empty frame.
    int blue = 0;
    const QImage tick = images.constFirst().convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < tick.height(); ++y) {
        for (int x = 0; x < tick.width(); ++x) {
            const QColor c = tick.pixelColor(x, y);
            blue += c.blue() > 150 && c.red() < 90 && c.green() < 160;
        }
    }
    QVERIFY2(blue > 200, qPrintable(QString::number(blue)));

    SQLite::Database db(utf8(m_db), SQLite::OPEN_READONLY);
    const QStringList row = expectedRow(db, kTasks[0]);
    QVERIFY(html.contains(u">" + kTasks[0] + u"</td><td align=\"right\">" + row.at(1) + u"</td>"));
    QVERIFY(html.contains(QStringLiteral("<h2>Health summary</h2>")));
}

void TestAnalysisReport::givenChartsAreTheOnesShown()
{
    QVector<QImage> charts;
    const QColor colors[] = {Qt::red, Qt::green, Qt::blue, Qt::yellow};
    for (const QColor &c : colors) {
        QImage image(400, 200, QImage::Format_RGB32);
        image.fill(c);
        charts.append(image);
    }
    const QString out = m_dir.filePath(QStringLiteral("given.html"));
    QCOMPARE(writeAnalysisReport({m_db, out, kFrom, kTo, charts}), QString());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    const QRegularExpression image(QStringLiteral("<img src=\"data:image/png;base64,([^\"]+)\""));
    int i = 0;
    for (auto it = image.globalMatch(html); it.hasNext(); ++i) {
        const QImage back =
            QImage::fromData(QByteArray::fromBase64(it.next().captured(1).toLatin1()), "PNG");
        QVERIFY(i < 4);
        QCOMPARE(back.size(), QSize(400, 200));
        QCOMPARE(back.pixelColor(10, 10), colors[i]);
    }
    QCOMPARE(i, 4);
}

void TestAnalysisReport::inTheInterfaceLanguage()
{
    IndonesianWords translator;
    QCoreApplication::installTranslator(&translator);
    const QString out = m_dir.filePath(QStringLiteral("laporan.pdf"));
    const QString error = writeAnalysisReport({m_db, out, kFrom, kTo, {}});
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(error, QString());
    const QString text = pdfText(out);
    QVERIFY(text.contains(QStringLiteral("Ringkasan kesehatan")));
    QVERIFY(!text.contains(QStringLiteral("Health summary")));
    QVERIFY(text.contains(QStringLiteral("Pemutus yang terbuka")));
    const QStringList row = words(lineStartingWith(text, kTasks[2]));
    QVERIFY2(!row.isEmpty(), qPrintable(text));
    QCOMPARE(row.constLast(), QStringLiteral("tepat"));
}

void TestAnalysisReport::badRequestsNameTheFile_data()
{
    QTest::addColumn<QString>("metrics");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown suffix")
        << QString() << QStringLiteral("report.txt") << QStringLiteral("report.txt");
    QTest::newRow("missing metrics.db")
        << QStringLiteral("missing.db") << QStringLiteral("report.pdf")
        << QStringLiteral("missing.db");
    QTest::newRow("folder not there")
        << QString() << QStringLiteral("nowhere/report.html") << QStringLiteral("nowhere");
}

void TestAnalysisReport::badRequestsNameTheFile()
{
    QFETCH(QString, metrics);
    QFETCH(QString, out);
    QFETCH(QString, named);
    QTemporaryDir dir;
    const QString metricsPath = metrics.isEmpty() ? m_db : dir.filePath(metrics);
    const QString error = writeAnalysisReport({metricsPath, dir.filePath(out), kFrom, kTo, {}});
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(named), qPrintable(error));
    QVERIFY(!error.contains(u'\n'));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

QTEST_MAIN(TestAnalysisReport)
#include "tst_analysisreport.moc"
