// heartbeat-dashboard driven from the command line (offscreen), the way a script, CI or a person
// taking screenshots runs it: options and exit statuses, a scripted run that records into the
// data directory and writes a real screenshot, and bad files refused without damage.

#include "binaryrun.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace hb::test;

namespace {

constexpr int kFinishTimeoutMs = 30'000; // a bound for hangs, never a wait

QString dashboardPath()
{
    return hb::test::binDir() + u"/heartbeat-dashboard"_s;
}

// A decoded PNG, 8 bits per channel. System tests link QtCore only (hb_engine), so QImage is
// not at hand; this reads the non-interlaced RGB/RGBA files that QImage::save() writes for a
// widget grab, which is all the screenshot can be. Anything else is reported as unsupported.
struct Png
{
    int width = 0;
    int height = 0;
    int channels = 0;  // 3 (RGB) or 4 (RGBA)
    QByteArray pixels; // rows of width * channels bytes, filters undone

    quint32 rgb(int x, int y) const
    {
        const auto *p = reinterpret_cast<const uchar *>(pixels.constData()) +
                        (qsizetype(y) * width + x) * channels;
        return (quint32(p[0]) << 16) | (quint32(p[1]) << 8) | quint32(p[2]);
    }
};

uchar paeth(int a, int b, int c)
{
    const int p = a + b - c;
    const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    if (pa <= pb && pa <= pc)
        return uchar(a);
    return uchar(pb <= pc ? b : c);
}

std::optional<Png> decodePng(const QByteArray &file, QString *error)
{
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    if (!file.startsWith(signature)) {
        *error = u"not a PNG (bad signature)"_s;
        return std::nullopt;
    }
    Png png;
    QByteArray idat;
    bool sawEnd = false;
    for (qsizetype pos = signature.size(); pos + 12 <= file.size() && !sawEnd;) {
        const auto *at = reinterpret_cast<const uchar *>(file.constData()) + pos;
        const quint32 length = qFromBigEndian<quint32>(at);
        const QByteArray type = file.mid(pos + 4, 4);
        if (pos + 12 + qsizetype(length) > file.size()) {
            *error = u"truncated chunk "_s + QString::fromLatin1(type);
            return std::nullopt;
        }
        const QByteArray data = file.mid(pos + 8, length);
        if (type == "IHDR") {
            const auto *h = reinterpret_cast<const uchar *>(data.constData());
            png.width = int(qFromBigEndian<quint32>(h));
            png.height = int(qFromBigEndian<quint32>(h + 4));
            const int depth = h[8], colourType = h[9], interlace = h[12];
            png.channels = colourType == 2 ? 3 : colourType == 6 ? 4 : 0;
            if (depth != 8 || png.channels == 0 || interlace != 0) {
                *error = u"unsupported PNG (depth %1, colour type %2, interlace %3)"_s.arg(depth)
                             .arg(colourType)
                             .arg(interlace);
                return std::nullopt;
            }
        } else if (type == "IDAT") {
            idat += data;
        } else if (type == "IEND") {
            sawEnd = true;
        }
        pos += 12 + qsizetype(length);
    }
    if (!sawEnd || png.width <= 0 || png.height <= 0 || idat.isEmpty()) {
        *error = u"incomplete PNG (no IHDR, IDAT or IEND)"_s;
        return std::nullopt;
    }

    const qsizetype stride = qsizetype(png.width) * png.channels;
    const qsizetype rawSize = (stride + 1) * png.height;
    QByteArray zlib(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(rawSize), zlib.data()); // qUncompress's size header
    const QByteArray raw = qUncompress(zlib + idat);
    if (raw.size() != rawSize) {
        *error = u"image data inflates to %1 bytes, expected %2"_s.arg(raw.size()).arg(rawSize);
        return std::nullopt;
    }

    png.pixels = QByteArray(stride * png.height, '\0');
    auto *out = reinterpret_cast<uchar *>(png.pixels.data());
    const auto *in = reinterpret_cast<const uchar *>(raw.constData());
    const int bpp = png.channels;
    for (int y = 0; y < png.height; ++y) {
        const uchar filter = in[y * (stride + 1)];
        const uchar *src = in + y * (stride + 1) + 1;
        uchar *row = out + y * stride;
        const uchar *prev = y > 0 ? row - stride : nullptr;
        for (qsizetype i = 0; i < stride; ++i) {
            const int a = i >= bpp ? row[i - bpp] : 0;
            const int b = prev ? prev[i] : 0;
            const int c = prev && i >= bpp ? prev[i - bpp] : 0;
            switch (filter) {
            case 0:
                row[i] = src[i];
                break;
            case 1:
                row[i] = uchar(src[i] + a);
                break;
            case 2:
                row[i] = uchar(src[i] + b);
                break;
            case 3:
                row[i] = uchar(src[i] + (a + b) / 2);
                break;
            case 4:
                row[i] = uchar(src[i] + paeth(a, b, c));
                break;
            default:
                *error = u"bad filter type %1 on row %2"_s.arg(filter).arg(y);
                return std::nullopt;
            }
        }
    }
    return png;
}

} // namespace

class TestDashboardCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void options_data();
    void options();
    void scriptedRunWritesScreenshot_data();
    void scriptedRunWritesScreenshot();
    void badFilesAreRefusedWithoutTouchingThem_data();
    void badFilesAreRefusedWithoutTouchingThem();

private:
    Result run(const QStringList &arguments, int timeoutMs = 0) const
    {
        return m_dashboard.run(arguments, {}, timeoutMs);
    }

    Binary m_dashboard{dashboardPath(), kFinishTimeoutMs};
    QHash<QString, Png> m_screenshots; // by language, from scriptedRunWritesScreenshot
};

void TestDashboardCli::initTestCase()
{
    QVERIFY2(m_dashboard.init(), "heartbeat-dashboard is built and a private home can be made");
}

void TestDashboardCli::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errorMentions"); // exit 2: the one stderr line names this

    QTest::newRow("--help") << QStringList{u"--help"_s} << 0 << QString();
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << 2 << u"frobnicate"_s;
    QTest::newRow("--lang xx") << QStringList{u"--lang"_s, u"xx"_s} << 2 << u"--lang"_s;
    QTest::newRow("--quit-after abc")
        << QStringList{u"--quit-after"_s, u"abc"_s} << 2 << u"--quit-after"_s;
}

void TestDashboardCli::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, errorMentions);

    // Stopping at the options must not create the data directory (or show a window for long).
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"never-created"_s);
    const Result r = run(QStringList{u"--data-dir"_s, dataDir} + arguments, 15'000);

    QVERIFY2(r.exitedWith(exitCode), r.describe());
    QVERIFY2(!QFileInfo::exists(dataDir), "the data directory was created");
    if (exitCode == 0) {
        const QString help = QString::fromUtf8(r.out);
        for (const QString &option : {u"--screenshot"_s, u"--quit-after"_s, u"--lang"_s,
                                      u"--data-dir"_s, u"--tick-ms"_s, u"--version"_s})
            QVERIFY2(help.contains(option), qPrintable(u"--help does not mention "_s + option));
        QVERIFY2(r.errLines().isEmpty(), r.describe());
    } else {
        QVERIFY2(r.errLines().size() == 1, r.describe());
        QVERIFY2(r.errLines().constFirst().startsWith(u"heartbeat-dashboard: "_s), r.describe());
        QVERIFY2(r.errLines().constFirst().contains(errorMentions), r.describe());
    }
}

void TestDashboardCli::scriptedRunWritesScreenshot_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("id") << u"id"_s;
}

void TestDashboardCli::scriptedRunWritesScreenshot()
{
    QFETCH(QString, language);

    // Kept in the build tree so people can look at them after a run.
    const QString screenshots = QStringLiteral(HB_BUILD_DIR "/screenshots");
    QVERIFY(QDir().mkpath(screenshots));
    const QString png = screenshots + u"/main-"_s + language + u".png"_s;
    QFile::remove(png);
    QVERIFY(!QFileInfo::exists(png));

    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const Result r = run({u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"200"_s, u"--screenshot"_s,
                          png, u"--quit-after"_s, u"2"_s, u"--lang"_s, language});
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(r.elapsedMs < 15'000, r.describe());
    // A clean run prints nothing at warning level (Qt's own thread/timer warnings included).
    QVERIFY2(r.errLines().isEmpty(), r.describe());

    // A real picture of the window: a PNG of a sensible size that is not one flat colour.
    QString error;
    const std::optional<Png> image = decodePng(hb::test::readAll(png), &error);
    QVERIFY2(image, qPrintable(png + u": "_s + error));
    QVERIFY2(image->width >= 800 && image->height >= 500,
             qPrintable(u"screenshot is %1x%2"_s.arg(image->width).arg(image->height)));
    QSet<quint32> colours;
    for (int gy = 0; gy < 24; ++gy) {
        for (int gx = 0; gx < 24; ++gx)
            colours.insert(image->rgb(gx * (image->width - 1) / 23, gy * (image->height - 1) / 23));
    }
    QVERIFY2(colours.size() >= 3,
             qPrintable(u"only %1 distinct colours in a 24x24 sample"_s.arg(colours.size())));

    // --lang is honoured: the menu bar ("File", "Engine" / "Berkas", "Mesin") does not depend
    // on the engine's state, so the two languages' pictures must differ there.
    m_screenshots.insert(language, *image);
    if (language != u"en" && m_screenshots.contains(u"en"_s)) {
        const Png &english = m_screenshots.value(u"en"_s);
        int differing = 0;
        for (int y = 0; y < 18; ++y) {
            for (int x = 0; x < 160; ++x)
                differing += english.rgb(x, y) != image->rgb(x, y) ? 1 : 0;
        }
        QVERIFY2(differing > 30, qPrintable(u"the menu bar looks the same in en and %1 (%2 pixels "
                                            "differ): is the translation loaded?"_s.arg(language)
                                                .arg(differing)));
    }
    qInfo().noquote() << "screenshot" << png << image->width << "x" << image->height << "with"
                      << colours.size() << "sampled colours";

    // The first run made a demo data directory and the engine recorded into it while shown.
    QJsonParseError parseError;
    const QJsonDocument config =
        QJsonDocument::fromJson(hb::test::readAll(dataDir + u"/config.json"_s), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QCOMPARE(config.object().value(u"demo"_s), QJsonValue(true));
    const QString db = dataDir + u"/metrics.db"_s;
    QVERIFY(QFileInfo::exists(db));
    SQLite::Database metrics(db.toStdString(), SQLite::OPEN_READONLY);
    QCOMPARE(QString::fromStdString(metrics.execAndGet("PRAGMA integrity_check").getString()),
             u"ok"_s);
    // 2 s at 200 ms is ~10 ticks; 3 leaves room for a slow start, not for a stalled engine.
    const qint64 ticks = metrics.execAndGet("SELECT count(*) FROM ticks").getInt64();
    QVERIFY2(ticks >= 3, qPrintable(u"only %1 ticks recorded"_s.arg(ticks)));
}

void TestDashboardCli::badFilesAreRefusedWithoutTouchingThem_data()
{
    QTest::addColumn<QString>("file"); // in the data directory
    QTest::newRow("config.json cut short") << u"config.json"_s;
    QTest::newRow("metrics.db from a newer version, no config.json") << u"metrics.db"_s;
}

void TestDashboardCli::badFilesAreRefusedWithoutTouchingThem()
{
    QFETCH(QString, file);
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    QVERIFY(QDir().mkpath(dataDir));
    const QString bad = dataDir + u'/' + file;
    if (file == u"config.json") {
        QFile config(bad);
        QVERIFY(config.open(QIODevice::WriteOnly));
        QVERIFY(config.write("{ \"demo\": true, \"tick_interval_ms\": ") > 0);
    } else {
        SQLite::Database newer(bad.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        newer.exec("CREATE TABLE from_the_future(x INTEGER); PRAGMA user_version = 99");
    }
    const QMap<QString, QByteArray> before = dirContents(dataDir);

    // As a user runs it (its log lines on), scripted by --quit-after: the error dialog closes
    // itself, and stderr holds exactly the one line.
    Binary asUser(dashboardPath(), kFinishTimeoutMs);
    QVERIFY(asUser.init());
    asUser.setInfoLogging(true);
    const Result r = asUser.run({u"--data-dir"_s, dataDir, u"--quit-after"_s, u"2"_s}, {}, 15'000);
    QVERIFY2(r.exitedWith(2), r.describe());
    QVERIFY2(r.errLines().size() == 1, r.describe());
    QVERIFY2(r.errLines().constFirst().startsWith(u"heartbeat-dashboard: "_s), r.describe());
    QVERIFY2(r.errLines().constFirst().contains(bad), r.describe());
    // Not rewritten, nothing created beside it (no config.json, no metrics.db, no lock left).
    QVERIFY(dirContents(dataDir) == before);
}

QTEST_GUILESS_MAIN(TestDashboardCli)
#include "tst_dashboard_cli.moc"
