// The app icon (resources/heartbeat-dashboard.svg through resources/heartbeat.qrc): it loads from
// the binary's resources, draws a white pulse line on a dark tile at every size a desktop asks
// for, and the main window (and its tray icon, where there is a tray) shows it.

#include "appicon.h"
#include "mainwindowrig.h"

#include <QFile>
#include <QImage>
#include <QSystemTrayIcon>

using namespace hb;
using namespace hb::test;

namespace {

// Where the drawing puts things, in the SVG's 256-unit grid: the flat part of the line at
// x 32..84 on y 128..160, the tile below it.
QPoint at(int size, int x256, int y256)
{
    return {x256 * size / 256, y256 * size / 256};
}

bool isLight(QRgb c)
{
    return qAlpha(c) == 255 && qRed(c) > 220 && qGreen(c) > 220 && qBlue(c) > 220;
}

bool isDarkTile(QRgb c)
{
    return qAlpha(c) == 255 && QColor(c).lightness() < 100;
}

} // namespace

class TestAppIcon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void resourceIsCompiledIn();
    void drawsThePulseLine_data();
    void drawsThePulseLine();
    void mainWindowShowsTheIcon();
};

void TestAppIcon::resourceIsCompiledIn()
{
    QFile svg(appIconPath());
    QVERIFY2(svg.open(QIODevice::ReadOnly), qPrintable(svg.errorString()));
    QVERIFY(svg.readAll().contains("<svg"));
}

void TestAppIcon::drawsThePulseLine_data()
{
    QTest::addColumn<int>("size");
    for (int size : {16, 24, 32, 48, 256})
        QTest::addRow("%dpx", size) << size;
}

void TestAppIcon::drawsThePulseLine()
{
    QFETCH(int, size);
    const QIcon icon = appIcon();
    // Null here means Qt's SVG icon engine is missing (Debian: libqt6svg6,
    // scripts/install-deps.sh).
    QVERIFY(!icon.isNull());
    const QPixmap pixmap = icon.pixmap(size, size);
    QVERIFY(!pixmap.isNull());
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(image.size(), QSize(size, size));

    QCOMPARE(qAlpha(image.pixel(0, 0)), 0); // a rounded tile, not a square
    const QPoint line = at(size, 48, 144);
    QVERIFY2(
        isLight(image.pixel(line)),
        qPrintable(
            QStringLiteral("line pixel %1").arg(QColor(image.pixel(line)).name(QColor::HexArgb))));
    const QPoint tile = at(size, 48, 208);
    QVERIFY2(
        isDarkTile(image.pixel(tile)),
        qPrintable(
            QStringLiteral("tile pixel %1").arg(QColor(image.pixel(tile)).name(QColor::HexArgb))));
    const QPoint aboveLine = at(size, 48, 96);
    QVERIFY(isDarkTile(image.pixel(aboveLine)));
}

void TestAppIcon::mainWindowShowsTheIcon()
{
    Window w(Role::Viewer, false);
    const QIcon shown = w.window->windowIcon();
    QVERIFY(!shown.isNull());
    QCOMPARE(shown.pixmap(32, 32).toImage(), appIcon().pixmap(32, 32).toImage());
    // The offscreen platform has no tray; on a desktop with one, the tray shows the same icon.
    if (auto *tray = w.window->findChild<QSystemTrayIcon *>())
        QCOMPARE(tray->icon().pixmap(32, 32).toImage(), appIcon().pixmap(32, 32).toImage());
}

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
