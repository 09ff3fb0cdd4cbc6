#include "configdialog.h"
#include "scheduleeditor.h"
#include "screenshotmode.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QListWidget>
#include <QSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTest>

using namespace hb;

class TestConfigDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hasAnEditorForEveryField();
    void badValueIsExplainedNextToItsField_data();
    void badValueIsExplainedNextToItsField();
    void goodEditsProduceTheConfig();
    void oracleSourceOffersNone();
    void viewersCannotEdit();
    void cronPreviewShowsTheNextFiveRuns();
    void cronPreviewFollowsDaylightSaving();
    void intervalAndOncePreview();
    void badScheduleIsRefusedBesideItsField_data();
    void badScheduleIsRefusedBesideItsField();
    void scheduleRoundTripsIntoTheConfig();
    void viewersCannotEditSchedules();
    void screenshot();
};

void TestConfigDialog::initTestCase()
{
    // The preview names week days in the user's language: the tests read English ones.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

namespace {
QPushButton *saveButton(ConfigDialog &d)
{
    return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
}
} // namespace

void TestConfigDialog::hasAnEditorForEveryField()
{
    ConfigDialog dialog(HeartbeatConfig(), true);
    const QJsonObject json = HeartbeatConfig().toJson();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() == u"version")
            continue;
        if (it.value().isObject()) {
            const QJsonObject group = it.value().toObject();
            for (auto g = group.begin(); g != group.end(); ++g)
                QVERIFY2(dialog.editor(it.key() + u'.' + g.key()), qPrintable(g.key()));
        } else {
            QVERIFY2(dialog.editor(it.key()), qPrintable(it.key()));
        }
    }
    QVERIFY(saveButton(dialog));
}

void TestConfigDialog::badValueIsExplainedNextToItsField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("negative tick") << "tick_interval_ms" << "-5" << "between";
    QTest::newRow("not a number") << "breaker.timeout_ms" << "soon" << "string";
    QTest::newRow("retention order") << "retention.minute_days" << "1" << "raw_days";
    QTest::newRow("fault rate") << "oracle.demo_fault_rate" << "2" << "1";
}

void TestConfigDialog::badValueIsExplainedNextToItsField()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    ConfigDialog dialog(HeartbeatConfig(), true);
    auto *line = qobject_cast<QLineEdit *>(dialog.editor(field));
    QVERIFY(line);
    line->setText(text);
    QVERIFY(!dialog.isValid());
    QVERIFY2(dialog.message(field).contains(expected), qPrintable(dialog.message(field)));
    QVERIFY(!saveButton(dialog)->isEnabled());
    // Fixing it clears the message and enables Save again.
    line->setText(QString::number(HeartbeatConfig().toJson().value(field).toDouble()));
    if (field.contains(u'.')) {
        const QStringList parts = field.split(u'.');
        line->setText(QString::number(
            HeartbeatConfig().toJson().value(parts.at(0)).toObject().value(parts.at(1)).toDouble()));
    }
    QVERIFY(dialog.isValid());
    QVERIFY(dialog.message(field).isEmpty());
    QVERIFY(saveButton(dialog)->isEnabled());
}

void TestConfigDialog::goodEditsProduceTheConfig()
{
    ConfigDialog dialog(HeartbeatConfig(), true);
    qobject_cast<QLineEdit *>(dialog.editor(QStringLiteral("tick_interval_ms")))->setText(QStringLiteral("5000"));
    qobject_cast<QCheckBox *>(dialog.editor(QStringLiteral("tasks.price_update")))->setChecked(false);
    qobject_cast<QComboBox *>(dialog.editor(QStringLiteral("oracle.source")))->setCurrentText(QStringLiteral("file"));
    QVERIFY(!dialog.isValid()); // "file" needs a path
    QVERIFY(!dialog.message(QStringLiteral("oracle.path")).isEmpty());
    qobject_cast<QLineEdit *>(dialog.editor(QStringLiteral("oracle.path")))->setText(QStringLiteral("/tmp/prices.json"));
    QVERIFY(dialog.isValid());
    const HeartbeatConfig c = dialog.config();
    QCOMPARE(c.tickIntervalMs, 5000);
    QVERIFY(!c.isTaskEnabled(TaskName::PriceUpdate));
    QCOMPARE(c.oracleSource, QStringLiteral("file"));
    QCOMPARE(c.oraclePath, QStringLiteral("/tmp/prices.json"));

    // The second source is chosen the same way, and needs its URL the same way.
    auto *fallback = qobject_cast<QComboBox *>(dialog.editor(QStringLiteral("oracle.fallback_source")));
    QVERIFY(fallback);
    fallback->setCurrentText(QStringLiteral("http"));
    QVERIFY(!dialog.isValid());
    QVERIFY(!dialog.message(QStringLiteral("oracle.fallback_url")).isEmpty());
    qobject_cast<QLineEdit *>(dialog.editor(QStringLiteral("oracle.fallback_url")))
        ->setText(QStringLiteral("http://127.0.0.1:9/prices"));
    QVERIFY(dialog.isValid());
    QCOMPARE(dialog.config().oracleFallbackSource, QStringLiteral("http"));
    QCOMPARE(dialog.config().oracleFallbackUrl, QStringLiteral("http://127.0.0.1:9/prices"));
}

void TestConfigDialog::oracleSourceOffersNone()
{
    // A real directory's config starts with no price source; the demo's with the demo feed.
    ConfigDialog real(HeartbeatConfig(), true);
    auto *source = qobject_cast<QComboBox *>(real.editor(QStringLiteral("oracle.source")));
    QVERIFY(source);
    QCOMPARE(source->currentText(), QStringLiteral("none"));
    QStringList offered;
    for (int i = 0; i < source->count(); ++i)
        offered.append(source->itemText(i));
    QCOMPARE(offered, (QStringList{QStringLiteral("none"), QStringLiteral("demo"),
                                   QStringLiteral("http"), QStringLiteral("file")}));

    ConfigDialog demo(HeartbeatConfig::demoDefaults(), true);
    source = qobject_cast<QComboBox *>(demo.editor(QStringLiteral("oracle.source")));
    QCOMPARE(source->currentText(), QStringLiteral("demo"));
    // Turning the demo feed off is a valid edit that needs nothing else.
    source->setCurrentText(QStringLiteral("none"));
    QVERIFY(demo.isValid());
    QVERIFY(saveButton(demo)->isEnabled());
    QCOMPARE(demo.config().oracleSource, QStringLiteral("none"));
    QVERIFY(demo.config().demo);
}

void TestConfigDialog::viewersCannotEdit()
{
    ConfigDialog dialog(HeartbeatConfig(), false);
    QVERIFY(!dialog.editor(QStringLiteral("tick_interval_ms"))->isEnabled());
    QVERIFY(!saveButton(dialog));
}

namespace {
qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

template<typename T>
T *scheduleField(ConfigDialog &d, const char *name)
{
    T *field = d.scheduleEditor()->findChild<T *>(QLatin1String(name));
    if (!field)
        qFatal("no schedule field %s", name);
    return field;
}

// The dialog with the Schedules tab's clock at `nowMs` and `task` selected.
void prepare(ConfigDialog &d, qint64 nowMs, const QString &task)
{
    d.scheduleEditor()->setClock([nowMs] { return nowMs; });
    d.scheduleEditor()->selectTask(task);
    QCOMPARE(d.scheduleEditor()->currentTask(), task);
}
} // namespace

void TestConfigDialog::cronPreviewShowsTheNextFiveRuns()
{
    ConfigDialog dialog(HeartbeatConfig(), true);
    prepare(dialog, utc("2026-12-03T14:01:00+07:00"), TaskName::AutoCleanup);
    ScheduleEditor *editor = dialog.scheduleEditor();
    QVERIFY(editor->previewLines().isEmpty()); // every tick: no times to list
    scheduleField<QComboBox>(dialog, "scheduleKind")->setCurrentIndex(int(TaskSchedule::Kind::Cron));
    scheduleField<QComboBox>(dialog, "scheduleTimeZone")->setCurrentText(QStringLiteral("Asia/Jakarta"));
    scheduleField<QLineEdit>(dialog, "scheduleCron")->setText(QStringLiteral("0 3 * * *"));
    QCOMPARE(editor->previewLines(),
             (QStringList{QStringLiteral("Fri 2026-12-04 03:00 UTC+07:00"),
                          QStringLiteral("Sat 2026-12-05 03:00 UTC+07:00"),
                          QStringLiteral("Sun 2026-12-06 03:00 UTC+07:00"),
                          QStringLiteral("Mon 2026-12-07 03:00 UTC+07:00"),
                          QStringLiteral("Tue 2026-12-08 03:00 UTC+07:00")}));
    QVERIFY(dialog.isValid());
    // Typing on changes the preview.
    scheduleField<QLineEdit>(dialog, "scheduleCron")->setText(QStringLiteral("30 8 * * 1-5"));
    QCOMPARE(editor->previewLines(),
             (QStringList{QStringLiteral("Fri 2026-12-04 08:30 UTC+07:00"),
                          QStringLiteral("Mon 2026-12-07 08:30 UTC+07:00"),
                          QStringLiteral("Tue 2026-12-08 08:30 UTC+07:00"),
                          QStringLiteral("Wed 2026-12-09 08:30 UTC+07:00"),
                          QStringLiteral("Thu 2026-12-10 08:30 UTC+07:00")}));
    // The zone too: the same wall times, another offset.
    scheduleField<QComboBox>(dialog, "scheduleTimeZone")->setCurrentText(QStringLiteral("UTC"));
    QCOMPARE(editor->previewLines().constFirst(), QStringLiteral("Thu 2026-12-03 08:30 UTC"));
    // Active hours leave out the runs the engine would skip.
    scheduleField<QLineEdit>(dialog, "scheduleCron")->setText(QStringLiteral("0 */6 * * *"));
    scheduleField<QLineEdit>(dialog, "scheduleActiveHours")->setText(QStringLiteral("09:00-21:00"));
    QCOMPARE(editor->previewLines(),
             (QStringList{QStringLiteral("Thu 2026-12-03 12:00 UTC"),
                          QStringLiteral("Thu 2026-12-03 18:00 UTC"),
                          QStringLiteral("Fri 2026-12-04 12:00 UTC"),
                          QStringLiteral("Fri 2026-12-04 18:00 UTC"),
                          QStringLiteral("Sat 2026-12-05 12:00 UTC")}));
}

void TestConfigDialog::cronPreviewFollowsDaylightSaving()
{
    // Berlin moves its clocks from 02:00 to 03:00 on 28 March 2027: that night's 02:30 does not
    // exist and runs at the first instant after the gap.
    ConfigDialog dialog(HeartbeatConfig(), true);
    prepare(dialog, utc("2027-03-26T12:00:00+01:00"), TaskName::PoolMaintenance);
    scheduleField<QComboBox>(dialog, "scheduleKind")->setCurrentIndex(int(TaskSchedule::Kind::Cron));
    scheduleField<QComboBox>(dialog, "scheduleTimeZone")->setCurrentText(QStringLiteral("Europe/Berlin"));
    scheduleField<QLineEdit>(dialog, "scheduleCron")->setText(QStringLiteral("30 2 * * *"));
    QCOMPARE(dialog.scheduleEditor()->previewLines(),
             (QStringList{QStringLiteral("Sat 2027-03-27 02:30 UTC+01:00"),
                          QStringLiteral("Sun 2027-03-28 03:00 UTC+02:00"),
                          QStringLiteral("Mon 2027-03-29 02:30 UTC+02:00"),
                          QStringLiteral("Tue 2027-03-30 02:30 UTC+02:00"),
                          QStringLiteral("Wed 2027-03-31 02:30 UTC+02:00")}));
}

void TestConfigDialog::intervalAndOncePreview()
{
    ConfigDialog dialog(HeartbeatConfig(), true);
    prepare(dialog, utc("2026-12-03T07:01:00Z"), TaskName::MemoryMonitoring);
    ScheduleEditor *editor = dialog.scheduleEditor();
    scheduleField<QComboBox>(dialog, "scheduleKind")->setCurrentIndex(int(TaskSchedule::Kind::Interval));
    scheduleField<QComboBox>(dialog, "scheduleTimeZone")->setCurrentText(QStringLiteral("UTC"));
    scheduleField<QLineEdit>(dialog, "scheduleInterval")->setText(QStringLiteral("90m"));
    QCOMPARE(editor->previewLines(),
             (QStringList{QStringLiteral("Thu 2026-12-03 08:31 UTC"),
                          QStringLiteral("Thu 2026-12-03 10:01 UTC"),
                          QStringLiteral("Thu 2026-12-03 11:31 UTC"),
                          QStringLiteral("Thu 2026-12-03 13:01 UTC"),
                          QStringLiteral("Thu 2026-12-03 14:31 UTC")}));
    QVERIFY(dialog.isValid());

    // Once: one run, at the time typed in the task's zone.
    scheduleField<QComboBox>(dialog, "scheduleKind")->setCurrentIndex(int(TaskSchedule::Kind::Once));
    scheduleField<QComboBox>(dialog, "scheduleTimeZone")->setCurrentText(QStringLiteral("Asia/Jakarta"));
    scheduleField<QDateTimeEdit>(dialog, "scheduleAt")
        ->setDateTime(QDateTime(QDate(2026, 12, 24), QTime(2, 0)));
    QCOMPARE(editor->previewLines(), QStringList{QStringLiteral("Thu 2026-12-24 02:00 UTC+07:00")});
    QVERIFY(dialog.isValid());
    QCOMPARE(dialog.config().scheduleOf(TaskName::MemoryMonitoring).atMs,
             utc("2026-12-24T02:00:00+07:00"));
}

void TestConfigDialog::badScheduleIsRefusedBesideItsField_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("field");  // the schedule field typed into and whose message shows
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("good");
    QTest::addColumn<QString>("expected"); // the start of the message
    QTest::newRow("cron hour out of range")
        << int(TaskSchedule::Kind::Cron) << "cron" << "0 61 * * *" << "0 3 * * *"
        << "position 2: hour 61 is out of range 0-23";
    QTest::newRow("cron too few fields")
        << int(TaskSchedule::Kind::Cron) << "cron" << "0 3 * *" << "0 3 * * *"
        << "position 7: expected 5 fields, got 4";
    QTest::newRow("unknown zone")
        << int(TaskSchedule::Kind::Cron) << "tz" << "Mars/Olympus_Mons" << "Asia/Jakarta"
        << "unknown time zone \"Mars/Olympus_Mons\"";
    QTest::newRow("interval without unit")
        << int(TaskSchedule::Kind::Interval) << "interval" << "5" << "5m" << "must be between 1s and 366d";
    QTest::newRow("interval too short")
        << int(TaskSchedule::Kind::Interval) << "interval" << "0s" << "1s" << "must be between 1s and 366d";
    QTest::newRow("active hours")
        << int(TaskSchedule::Kind::Interval) << "active_hours" << "9-21" << "09:00-21:00" << "must be HH:MM-HH:MM";
}

void TestConfigDialog::badScheduleIsRefusedBesideItsField()
{
    QFETCH(int, kind);
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, good);
    QFETCH(QString, expected);
    ConfigDialog dialog(HeartbeatConfig(), true);
    prepare(dialog, utc("2026-12-03T07:01:00Z"), TaskName::AutoCleanup);
    ScheduleEditor *editor = dialog.scheduleEditor();
    scheduleField<QComboBox>(dialog, "scheduleKind")->setCurrentIndex(kind);
    // A valid schedule of that kind first, then the bad text in one field.
    scheduleField<QLineEdit>(dialog, "scheduleCron")->setText(QStringLiteral("0 3 * * *"));
    scheduleField<QLineEdit>(dialog, "scheduleInterval")->setText(QStringLiteral("5m"));
    QVERIFY(dialog.isValid());
    QVERIFY(!editor->previewLines().isEmpty());
    const auto type = [&](const QString &value) {
        if (field == u"tz")
            scheduleField<QComboBox>(dialog, "scheduleTimeZone")->setCurrentText(value);
        else if (field == u"cron")
            scheduleField<QLineEdit>(dialog, "scheduleCron")->setText(value);
        else if (field == u"interval")
            scheduleField<QLineEdit>(dialog, "scheduleInterval")->setText(value);
        else
            scheduleField<QLineEdit>(dialog, "scheduleActiveHours")->setText(value);
    };
    type(text);
    QVERIFY2(editor->message(field).startsWith(expected), qPrintable(editor->message(field)));
    QVERIFY(!dialog.isValid());
    QVERIFY(!saveButton(dialog)->isEnabled());
    QVERIFY(editor->previewLines().isEmpty());
    QVERIFY(editor->problem());
    QCOMPARE(editor->problem()->field, u"tasks.auto_cleanup." + field);
    // The list says which task needs fixing, also once another one is selected.
    editor->selectTask(TaskName::PriceUpdate);
    QVERIFY(!dialog.isValid());
    const QListWidget *list = editor->findChild<QListWidget *>(QStringLiteral("scheduleTasks"));
    const QString item = list->item(int(TaskName::all().indexOf(TaskName::AutoCleanup)))->text();
    QVERIFY2(item.contains(u"needs fixing"), qPrintable(item));
    QVERIFY(editor->message(field).isEmpty()); // price_update's form has no problem
    editor->selectTask(TaskName::AutoCleanup);
    QCOMPARE(editor->message(field).isEmpty(), false);
    type(good);
    QVERIFY(editor->message(field).isEmpty());
    QVERIFY(dialog.isValid());
    QVERIFY(saveButton(dialog)->isEnabled());
    QCOMPARE(editor->previewLines().size(), ScheduleEditor::PreviewRuns);
}

void TestConfigDialog::scheduleRoundTripsIntoTheConfig()
{
    // A schedule the form does not show all of (retries) keeps what it does not show.
    HeartbeatConfig start;
    TaskSchedule retrying;
    retrying.retries = 3;
    start.schedules.insert(TaskName::PriceUpdate, retrying);
    ConfigDialog dialog(start, true);
    prepare(dialog, utc("2026-12-03T07:01:00Z"), TaskName::AutoCleanup);
    scheduleField<QComboBox>(dialog, "scheduleKind")->setCurrentIndex(int(TaskSchedule::Kind::Cron));
    scheduleField<QLineEdit>(dialog, "scheduleCron")->setText(QStringLiteral("0 3 * * *"));
    scheduleField<QComboBox>(dialog, "scheduleTimeZone")->setCurrentText(QStringLiteral("Asia/Jakarta"));
    scheduleField<QLineEdit>(dialog, "scheduleActiveHours")->setText(QStringLiteral("02:00-05:00"));
    scheduleField<QSpinBox>(dialog, "scheduleJitter")->setValue(30);
    scheduleField<QComboBox>(dialog, "scheduleMisfire")->setCurrentIndex(int(TaskSchedule::Misfire::Skip));
    qobject_cast<QCheckBox *>(dialog.editor(QStringLiteral("tasks.auto_cleanup")))->setChecked(false);
    QVERIFY(dialog.isValid());
    QVERIFY(saveButton(dialog)->isEnabled());

    const HeartbeatConfig c = dialog.config();
    TaskSchedule expected;
    expected.kind = TaskSchedule::Kind::Cron;
    expected.cron = QStringLiteral("0 3 * * *");
    expected.tz = QStringLiteral("Asia/Jakarta");
    expected.activeHours = QStringLiteral("02:00-05:00");
    expected.jitterSeconds = 30;
    expected.misfire = TaskSchedule::Misfire::Skip;
    QVERIFY(c.scheduleOf(TaskName::AutoCleanup) == expected);
    QVERIFY(c.scheduleOf(TaskName::PriceUpdate) == retrying);
    QCOMPARE(c.schedules.keys(), (QList<QString>{TaskName::AutoCleanup, TaskName::PriceUpdate}));
    QVERIFY(!c.isTaskEnabled(TaskName::AutoCleanup));
    QVERIFY(!validateConfig(c));
    // config.json's form, as saved.
    const QJsonObject cleanup =
        c.toJson().value(u"tasks").toObject().value(TaskName::AutoCleanup).toObject();
    QCOMPARE(cleanup, (QJsonObject{{QStringLiteral("enabled"), false},
                                   {QStringLiteral("schedule"), QStringLiteral("cron")},
                                   {QStringLiteral("cron"), QStringLiteral("0 3 * * *")},
                                   {QStringLiteral("tz"), QStringLiteral("Asia/Jakarta")},
                                   {QStringLiteral("active_hours"), QStringLiteral("02:00-05:00")},
                                   {QStringLiteral("jitter"), 30},
                                   {QStringLiteral("misfire"), QStringLiteral("skip")}}));

    // Opened again, the dialog shows what it saved and changes nothing by itself.
    ConfigDialog again(c, true);
    again.scheduleEditor()->selectTask(TaskName::AutoCleanup);
    QCOMPARE(scheduleField<QComboBox>(again, "scheduleKind")->currentIndex(), int(TaskSchedule::Kind::Cron));
    QCOMPARE(scheduleField<QLineEdit>(again, "scheduleCron")->text(), QStringLiteral("0 3 * * *"));
    QCOMPARE(scheduleField<QComboBox>(again, "scheduleTimeZone")->currentText(), QStringLiteral("Asia/Jakarta"));
    QCOMPARE(scheduleField<QSpinBox>(again, "scheduleJitter")->value(), 30);
    QCOMPARE(again.scheduleEditor()->value().value(TaskName::AutoCleanup), expected);
    // Back to every tick: no entry left for it.
    scheduleField<QComboBox>(again, "scheduleKind")->setCurrentIndex(int(TaskSchedule::Kind::EveryTick));
    scheduleField<QLineEdit>(again, "scheduleActiveHours")->clear();
    scheduleField<QSpinBox>(again, "scheduleJitter")->setValue(0);
    scheduleField<QComboBox>(again, "scheduleMisfire")->setCurrentIndex(int(TaskSchedule::Misfire::RunOnce));
    scheduleField<QComboBox>(again, "scheduleTimeZone")->setCurrentText(QString());
    QVERIFY(again.isValid());
    QCOMPARE(again.config().schedules.keys(), QList<QString>{TaskName::PriceUpdate});
    QCOMPARE(again.config().toJson().value(u"tasks").toObject().value(TaskName::AutoCleanup),
             QJsonValue(false));
}

void TestConfigDialog::viewersCannotEditSchedules()
{
    ConfigDialog dialog(HeartbeatConfig(), false);
    QVERIFY(!scheduleField<QLineEdit>(dialog, "scheduleCron")->isEnabledTo(&dialog));
    QVERIFY(!scheduleField<QComboBox>(dialog, "scheduleKind")->isEnabledTo(&dialog));
    // Viewers still browse the tasks and see their next runs.
    QVERIFY(dialog.scheduleEditor()->findChild<QListWidget *>(QStringLiteral("scheduleTasks"))->isEnabledTo(&dialog));
}

// docs/config-schedules-en.png (and -id.png with the Indonesian .qm): the Schedules tab with a nightly cron job selected.
void TestConfigDialog::screenshot()
{
    HB_SCREENSHOT_MODE(outDir, translator)
    HeartbeatConfig config = HeartbeatConfig::demoDefaults();
    TaskSchedule every5m;
    every5m.kind = TaskSchedule::Kind::Interval;
    every5m.intervalMs = 5 * 60'000;
    config.schedules.insert(TaskName::LoanMonitoring, every5m);
    TaskSchedule office;
    office.kind = TaskSchedule::Kind::Cron;
    office.cron = QStringLiteral("*/15 9-17 * * 1-5");
    office.tz = QStringLiteral("Asia/Jakarta");
    config.schedules.insert(TaskName::PoolMaintenance, office);
    TaskSchedule nightly;
    nightly.kind = TaskSchedule::Kind::Cron;
    nightly.cron = QStringLiteral("0 3 * * *");
    nightly.tz = QStringLiteral("Asia/Jakarta");
    nightly.jitterSeconds = 30;
    config.schedules.insert(TaskName::AutoCleanup, nightly);
    QVERIFY(!validateConfig(config));

    // Week days in the language shown.
    const QLocale before;
    if (qEnvironmentVariable("HB_SCREENSHOT_QM").endsWith(u"_id.qm"))
        QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    const auto restore = qScopeGuard([before] { QLocale::setDefault(before); });
    ConfigDialog dialog(config, true);
    prepare(dialog, utc("2026-12-03T14:01:00+07:00"), TaskName::AutoCleanup);
    dialog.tabs()->setCurrentWidget(dialog.scheduleEditor());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.scheduleEditor()->previewLines().size(), ScheduleEditor::PreviewRuns);
    const bool indonesian = qEnvironmentVariable("HB_SCREENSHOT_QM").endsWith(u"_id.qm");
    QVERIFY(dialog.grab().save(outDir + (indonesian ? u"/config-schedules-id.png"
                                                    : u"/config-schedules-en.png")));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestConfigDialog)
#include "tst_configdialog.moc"
