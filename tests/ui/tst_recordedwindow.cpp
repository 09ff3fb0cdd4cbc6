// The main window over a metrics.db opened read-only: what the analyst gets from the window
// itself — the title, no command anywhere, File → Open (Ctrl+O), the recent files, a dropped
// file, a bad file refused with the file's name and the reason.

#include "breakerpanel.h"
#include "datasource.h"
#include "mainwindow.h"
#include "modaldriver.h"
#include "store/metricsstore.h"
#include "testsupport.h"
#include "uisettings.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUrl>

using namespace hb;

namespace {

constexpr qint64 kStart = 1'780'000'000'000; // 2026-05-28
const QString kPrice = QStringLiteral("price_update");

// A small recording: `ticks` one-second ticks of one task from kStart.
void writeRecording(const QString &path, int ticks)
{
    MetricsStore store(path);
    WriteBatch batch;
    for (int i = 0; i < ticks; ++i) {
        const qint64 t = kStart + i * 1000;
        batch.ticks.append({i + 1, t, 20, 1, 1, 0, {}});
        batch.executions.append({i + 1, kPrice, t, 15, Outcome::Success, 1, {}});
    }
    store.write(batch);
}

QStringList menuTitles(const QMainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

// Every action reachable from the window: its menus (and their submenus), toolbars and
// widgets. An action in none of them has no effect, its shortcut included.
QList<QAction *> reachableActions(QWidget *root)
{
    QList<QAction *> out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets << root;
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root) && w != root && !qobject_cast<QMenu *>(w))
            continue;
        for (QAction *a : w->actions())
            if (!out.contains(a))
                out << a;
    }
    return out;
}

QMainWindow *otherMainWindow(QWidget *except)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *m = qobject_cast<MainWindow *>(w); m && w != except && w->isVisible())
            return m;
    return nullptr;
}

} // namespace

class TestRecordedWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { UiSettings{}.save(); }
    void cleanup()
    {
        QList<QPointer<QWidget>> windows;
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<MainWindow *>(w))
                windows << w;
        qDeleteAll(windows); // (menus are top-level widgets too, deleted with their window)
    }
    void titleSaysTheFileAndReadOnly();
    void noCommandIsReachable();
    void openRemembersTheFileInRecent();
    void aBadFileIsRefusedWithItsNameAndReason();
    void aDroppedFileOpens();
    void followReadsWhatIsAdded();
};

void TestRecordedWindow::titleSaysTheFileAndReadOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("night.db"));
    writeRecording(path, 30);
    QString error;
    QPointer<MainWindow> window =
        MainWindow::openRecording(path, std::make_shared<SystemClock>(), &error);
    QVERIFY2(window, qPrintable(error));
    QVERIFY(window->windowTitle().contains(QStringLiteral("night.db")));
    QVERIFY(window->windowTitle().contains(QStringLiteral("read-only")));
    QVERIFY(window->recording());
    QCOMPARE(window->recording()->extent().firstMs, kStart);
    QCOMPARE(window->recording()->extent().lastMs, kStart + 29 * 1000);
    QVERIFY(!window->source().canCommand());
}

void TestRecordedWindow::noCommandIsReachable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    writeRecording(path, 5);
    QString error;
    MainWindow *window = MainWindow::openRecording(path, std::make_shared<SystemClock>(), &error);
    QVERIFY2(window, qPrintable(error));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));

    QVERIFY(!menuTitles(*window).contains(window->tr("&Engine")));
    QVERIFY(!window->findChild<QToolBar *>(QStringLiteral("emergencyToolbar")));
    const QList<QAction *> reachable = reachableActions(window);
    for (QAction *command :
         {window->pauseAction(), window->resumeAction(), window->unlockAction(),
          window->lockAction(), window->changePassphraseAction(), window->tokensAction()})
        QVERIFY2(!reachable.contains(command), qPrintable(command->text()));
    for (const QString &name : {QStringLiteral("configAction")})
        QVERIFY(!reachable.contains(window->findChild<QAction *>(name)));
    // The breaker table has no buttons, the machines and notifications panels are not there.
    for (QPushButton *button : window->breakerPanel()->findChildren<QPushButton *>())
        QVERIFY2(!button->isVisibleTo(window), qPrintable(button->text()));
    QVERIFY(!window->findChild<QDockWidget *>(QStringLiteral("machinesDock")));
    QVERIFY(!window->findChild<QDockWidget *>(QStringLiteral("notificationsDock")));
    // Not even hidden: the notification store beside the file would be opened for writing.
    QVERIFY(!window->notificationsPanel());
    QVERIFY(!window->machinesPanel());
    QVERIFY(!window->passphraseBannerShown());
    // The file's commands are there: open, recent, follow.
    QVERIFY(reachable.contains(window->openAction()));
    QVERIFY(reachable.contains(window->followAction()));
}

void TestRecordedWindow::openRemembersTheFileInRecent()
{
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("a.db"));
    const QString second = dir.filePath(QStringLiteral("b.db"));
    writeRecording(first, 3);
    writeRecording(second, 3);
    QString error;
    MainWindow *window = MainWindow::openRecording(first, std::make_shared<SystemClock>(), &error);
    QVERIFY(window);
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QCOMPARE(UiSettings::load().recentFiles, QStringList{first});

    // Ctrl+O: the file chooser (the file dialog; answered here, as the user would), then the
    // chosen file opens in a window of its own.
    QSignalSpy opened(window, &MainWindow::recordingOpened);
    QString askedIn;
    window->setOpenFileChooser([&](QWidget *, const QString &startDir) {
        askedIn = startDir;
        return second;
    });
    QTest::keySequence(window, QKeySequence::Open);
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(askedIn, dir.path()); // it starts in the open file's folder
    auto *secondWindow = opened.at(0).at(0).value<MainWindow *>();
    QVERIFY(secondWindow->windowTitle().contains(QStringLiteral("b.db")));
    QCOMPARE(UiSettings::load().recentFiles, (QStringList{second, first}));

    // Open recent lists both, newest first, and reopens the older one.
    Q_EMIT window->recentMenu()->aboutToShow();
    QList<QAction *> entries = window->recentMenu()->actions();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0)->data().toString(), second);
    entries.at(1)->trigger();
    QCOMPARE(opened.count(), 2);
    QCOMPARE(UiSettings::load().recentFiles, (QStringList{first, second}));
}

void TestRecordedWindow::aBadFileIsRefusedWithItsNameAndReason()
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.db"));
    writeRecording(good, 3);
    const QString bad = dir.filePath(QStringLiteral("notes.db"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are not the metrics you are looking for\n");
    }
    QString error;
    MainWindow *window = MainWindow::openRecording(good, std::make_shared<SystemClock>(), &error);
    QVERIFY(window);
    window->show();
    QString shown;
    test::ModalDriver driver([&](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box)
            return false;
        shown = box->text();
        box->accept();
        return true;
    });
    QSignalSpy opened(window, &MainWindow::recordingOpened);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(bad)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &drop);
    QTRY_VERIFY(driver.done());
    QVERIFY2(shown.contains(QStringLiteral("notes.db")), qPrintable(shown));
    QVERIFY2(window->lastCommandError().contains(QStringLiteral("notes.db")),
             qPrintable(window->lastCommandError()));
    QCOMPARE(opened.count(), 0);
    QVERIFY(!UiSettings::load().recentFiles.contains(bad));
}

void TestRecordedWindow::aDroppedFileOpens()
{
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.db"));
    const QString dropped = dir.filePath(QStringLiteral("dropped.db"));
    writeRecording(first, 3);
    writeRecording(dropped, 3);
    QString error;
    MainWindow *window = MainWindow::openRecording(first, std::make_shared<SystemClock>(), &error);
    QVERIFY(window);
    window->show();
    QVERIFY(window->acceptDrops());
    QSignalSpy opened(window, &MainWindow::recordingOpened);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dropped)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &drop);
    QCOMPARE(opened.count(), 1);
    QVERIFY(otherMainWindow(window));
    QVERIFY(opened.at(0).at(0).value<MainWindow *>()->windowTitle().contains(
        QStringLiteral("dropped.db")));
}

void TestRecordedWindow::followReadsWhatIsAdded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    writeRecording(path, 3);
    QString error;
    std::unique_ptr<RecordedSource> source = RecordedSource::open(path, &error);
    QVERIFY2(source, qPrintable(error));
    QCOMPARE(source->extent().lastMs, kStart + 2000);
    QSignalSpy extent(source.get(), &RecordedSource::extentChanged);
    QSignalSpy moment(source.get(), &RecordedSource::momentChanged);
    source->setFollowing(true);
    {
        MetricsStore store(path); // the writer of a running heartbeatd, still writing
        WriteBatch batch;
        batch.ticks.append({4, kStart + 3000, 20, 1, 1, 0, {}});
        store.write(batch);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!extent.isEmpty(), 3 * RecordedSource::FollowIntervalMs);
    QCOMPARE(extent.last().at(1).toLongLong(), kStart + 3000);
    // At the end of the file, the moment shown moves with it.
    QCOMPARE(source->moment(), kStart + 3000);
    QVERIFY(!moment.isEmpty());

    // Away from the end (a replay), a longer file does not move it.
    source->setMoment(kStart + 1000);
    {
        MetricsStore store(path);
        WriteBatch batch;
        batch.ticks.append({5, kStart + 4000, 20, 1, 1, 0, {}});
        store.write(batch);
    }
    QTRY_COMPARE_WITH_TIMEOUT(source->extent().lastMs, kStart + 4000,
                              3 * RecordedSource::FollowIntervalMs);
    QCOMPARE(source->moment(), kStart + 1000);
    source->setFollowing(false);
    QVERIFY(!source->following());
}

QTEST_MAIN(TestRecordedWindow)
#include "tst_recordedwindow.moc"
