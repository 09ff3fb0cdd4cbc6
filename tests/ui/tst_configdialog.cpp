#include "configdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace hb;

class TestConfigDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hasAnEditorForEveryField();
    void badValueIsExplainedNextToItsField_data();
    void badValueIsExplainedNextToItsField();
    void goodEditsProduceTheConfig();
    void oracleSourceOffersNone();
    void viewersCannotEdit();
};

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

QTEST_MAIN(TestConfigDialog)
#include "tst_configdialog.moc"
