// Engine → API tokens…: an admin creates a token (its secret shown once, and it works), revokes
// one after confirming, and sees changes made with `heartbeatd token`; viewers cannot open it.
// HB_SCREENSHOT_DIR=DIR (and HB_SCREENSHOT_QM=FILE.qm for a translation) saves the dialog.

#include "mainwindowrig.h"
#include "modaldriver.h"
#include "screenshotmode.h"
#include "tokensdialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QTableWidget>
#include <QTranslator>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

class TestTokensDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createShowsTheSecretOnceAndItWorks();
    void takenNameIsExplainedInTheForm();
    void revokeAsksFirst();
    void followsChangesMadeElsewhere();
    void unreadableFileIsShown();
    void lockingClosesEverything();
    void onlyAdminsOpenIt();
    void screenshot();
};

namespace {

using hb::test::ModalDriver;

// Fills in the new-token form and presses Create; false while it is not the form.
bool fillNewToken(QWidget *modal, const QString &name, Role role)
{
    auto *nameEdit = modal->findChild<QLineEdit *>(u"tokenName"_s);
    auto *roleBox = modal->findChild<QComboBox *>(u"tokenRole"_s);
    auto *buttons = modal->findChild<QDialogButtonBox *>();
    if (!nameEdit || !roleBox || !buttons)
        return false;
    nameEdit->setText(name);
    roleBox->setCurrentIndex(roleBox->findData(int(role)));
    buttons->button(QDialogButtonBox::Ok)->click();
    return true;
}

QStringList tableNames(const TokensDialog &dialog)
{
    auto *table = dialog.findChild<QTableWidget *>(u"tokenTable"_s);
    QStringList names;
    for (int row = 0; row < table->rowCount(); ++row)
        names << table->item(row, TokensDialog::NameColumn)->text();
    return names;
}

QVector<TokenInfo> onDisk(const QString &dir)
{
    TokenStore store(dir);
    store.reloadIfChanged();
    return store.list();
}

bool selectRow(TokensDialog &dialog, const QString &name)
{
    auto *table = dialog.findChild<QTableWidget *>(u"tokenTable"_s);
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, TokensDialog::NameColumn)->text() == name) {
            table->selectRow(row);
            return true;
        }
    }
    return false;
}

} // namespace

void TestTokensDialog::createShowsTheSecretOnceAndItWorks()
{
    QTemporaryDir dir;
    TokensDialog dialog(dir.path());
    dialog.show();
    auto *secretEdit = dialog.findChild<QLineEdit *>(u"secretEdit"_s);
    QVERIFY(secretEdit);
    QVERIFY(!dialog.findChild<QWidget *>(u"secretBox"_s)->isVisible());
    QVERIFY(tableNames(dialog).isEmpty());

    ModalDriver driver([](QWidget *modal) { return fillNewToken(modal, u"wall"_s, Role::Admin); });
    dialog.findChild<QPushButton *>(u"createTokenButton"_s)->click();
    QVERIFY(driver.done());

    // Shown once, read-only, with the warning; it is the token's real secret.
    QVERIFY(dialog.findChild<QWidget *>(u"secretBox"_s)->isVisible());
    QVERIFY(secretEdit->isReadOnly());
    const QByteArray secret = secretEdit->text().toLatin1();
    QVERIFY2(secret.startsWith("hb_"), secret.constData());
    QVERIFY(
        dialog.findChild<QLabel *>(u"secretWarning"_s)->text().contains(u"not be shown again"_s));
    TokenStore store(dir.path());
    QVERIFY(store.reloadIfChanged());
    const auto who = store.authenticate(secret);
    QVERIFY(who);
    QCOMPARE(who->name, u"wall"_s);
    QCOMPARE(who->role, Role::Admin);
    QCOMPARE(tableNames(dialog), QStringList{u"wall"_s});
    auto *table = dialog.findChild<QTableWidget *>(u"tokenTable"_s);
    QCOMPARE(table->item(0, TokensDialog::RoleColumn)->text(), u"Admin"_s);
    QCOMPARE(table->item(0, TokensDialog::LastUsedColumn)->text(), u"Never"_s);

    dialog.findChild<QPushButton *>(u"copySecretButton"_s)->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(secret));

    // Opened again: the token is listed, its secret is not anywhere.
    TokensDialog again(dir.path());
    again.show();
    QCOMPARE(tableNames(again), QStringList{u"wall"_s});
    QVERIFY(again.findChild<QLineEdit *>(u"secretEdit"_s)->text().isEmpty());
    QVERIFY(!again.findChild<QWidget *>(u"secretBox"_s)->isVisible());
    for (QLineEdit *edit : again.findChildren<QLineEdit *>())
        QVERIFY(!edit->text().contains(QString::fromLatin1(secret)));
}

void TestTokensDialog::takenNameIsExplainedInTheForm()
{
    QTemporaryDir dir;
    TokenStore store(dir.path());
    QString error;
    QVERIFY(store.create(u"wall"_s, Role::Viewer, &error));
    TokensDialog dialog(dir.path());
    dialog.show();

    QString shownError;
    int attempts = 0;
    ModalDriver driver([&](QWidget *modal) {
        if (attempts++ == 0) {
            fillNewToken(modal, u"wall"_s, Role::Admin); // refused: the form stays open
            return false;
        }
        auto *label = modal->findChild<QLabel *>(u"newTokenError"_s);
        if (!label || !label->isVisible())
            return false;
        shownError = label->text();
        qobject_cast<QDialog *>(modal)->reject();
        return true;
    });
    dialog.findChild<QPushButton *>(u"createTokenButton"_s)->click();
    QVERIFY(driver.done());
    QVERIFY2(shownError.contains(u"wall"_s) && shownError.contains(u"already"_s),
             qPrintable(shownError));
    QCOMPARE(onDisk(dir.path()).size(), 1);
    QCOMPARE(onDisk(dir.path()).at(0).role, Role::Viewer);
    QVERIFY(!dialog.findChild<QWidget *>(u"secretBox"_s)->isVisible());
}

void TestTokensDialog::revokeAsksFirst()
{
    QTemporaryDir dir;
    TokenStore store(dir.path());
    QString error;
    const auto secret = store.create(u"wall"_s, Role::Viewer, &error);
    QVERIFY(secret && store.create(u"ci"_s, Role::Admin, &error));
    TokensDialog dialog(dir.path());
    dialog.show();
    auto *revoke = dialog.findChild<QPushButton *>(u"revokeTokenButton"_s);
    QVERIFY(!revoke->isEnabled()); // nothing selected
    QVERIFY(selectRow(dialog, u"wall"_s));
    QVERIFY(revoke->isEnabled());

    // Cancelled: still there.
    QString question;
    {
        ModalDriver driver([&question](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box)
                return false;
            question = box->text();
            box->button(QMessageBox::Cancel)->click();
            return true;
        });
        revoke->click();
        QVERIFY(driver.done());
    }
    QVERIFY2(question.contains(u"wall"_s), qPrintable(question));
    QCOMPARE(onDisk(dir.path()).size(), 2);

    // Confirmed: gone from the file and the table, and the secret no longer works.
    {
        ModalDriver driver([](QWidget *modal) {
            auto *button = modal->findChild<QPushButton *>(u"confirmRevokeButton"_s);
            if (!button)
                return false;
            button->click();
            return true;
        });
        revoke->click();
        QVERIFY(driver.done());
    }
    QCOMPARE(onDisk(dir.path()).size(), 1);
    QCOMPARE(onDisk(dir.path()).at(0).name, u"ci"_s);
    QCOMPARE(tableNames(dialog), QStringList{u"ci"_s});
    QVERIFY(store.reloadIfChanged());
    QVERIFY(!store.authenticate(*secret));
}

void TestTokensDialog::followsChangesMadeElsewhere()
{
    QTemporaryDir dir;
    TokensDialog dialog(dir.path());
    dialog.show();
    TokenStore cli(dir.path());
    QString error;
    const auto secret = cli.create(u"made-by-cli"_s, Role::Operator, &error);
    QVERIFY(secret);
    QTRY_COMPARE_WITH_TIMEOUT(tableNames(dialog), QStringList{u"made-by-cli"_s}, 3000);

    // A use written out by the server shows as the last-used time.
    TokenStore server(dir.path());
    QVERIFY(server.reloadIfChanged());
    QVERIFY(server.authenticate(*secret));
    QVERIFY(server.flushUsage(&error));
    auto *table = dialog.findChild<QTableWidget *>(u"tokenTable"_s);
    QTRY_VERIFY_WITH_TIMEOUT(table->item(0, TokensDialog::LastUsedColumn)->text() != u"Never",
                             3000);

    QVERIFY(cli.revoke(u"made-by-cli"_s, &error));
    QTRY_VERIFY_WITH_TIMEOUT(tableNames(dialog).isEmpty(), 3000);
}

void TestTokensDialog::unreadableFileIsShown()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"tokens.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();
    TokensDialog dialog(dir.path());
    dialog.show();
    auto *label = dialog.findChild<QLabel *>(u"tokensError"_s);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(file.fileName()), qPrintable(label->text()));
}

void TestTokensDialog::lockingClosesEverything()
{
    QTemporaryDir dir;
    TokensDialog dialog(dir.path());
    dialog.show();
    // Locked while the new-token form is open (its name typed, not yet created).
    ModalDriver driver([&dialog](QWidget *modal) {
        auto *name = modal->findChild<QLineEdit *>(u"tokenName"_s);
        if (!name)
            return false;
        name->setText(u"late"_s);
        dialog.lockOut();
        return true;
    });
    dialog.findChild<QPushButton *>(u"createTokenButton"_s)->click();
    QVERIFY(driver.done());
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(onDisk(dir.path()).isEmpty());
    QVERIFY(QApplication::activeModalWidget() == nullptr);
}

void TestTokensDialog::onlyAdminsOpenIt()
{
    {
        Window viewer(Role::Viewer);
        QVERIFY(viewer.window->tokensAction());
        QVERIFY(!viewer.window->tokensAction()->isEnabled());
    }

    Window admin(Role::Admin);
    QAction *action = admin.window->tokensAction();
    QVERIFY(action->isEnabled());
    // Opens on the window's data directory; locking admin closes it.
    QString title;
    QStringList listed;
    ModalDriver driver([&](QWidget *modal) {
        auto *dialog = qobject_cast<TokensDialog *>(modal);
        if (!dialog)
            return false;
        title = dialog->windowTitle();
        listed = tableNames(*dialog);
        admin.session->lock();
        return true;
    });
    TokenStore store(admin.dir.path());
    QString error;
    QVERIFY(store.create(u"wall"_s, Role::Viewer, &error));
    action->trigger();
    QVERIFY(driver.done());
    QCOMPARE(title, u"API tokens"_s);
    QCOMPARE(listed, QStringList{u"wall"_s});
    QVERIFY(!action->isEnabled());
    QVERIFY(QApplication::activeModalWidget() == nullptr);
}

void TestTokensDialog::screenshot()
{
    HB_SCREENSHOT_MODE(outDir, translator)
    QTemporaryDir dir;
    TokenStore store(dir.path());
    QString error;
    QVERIFY(store.create(u"wall-display"_s, Role::Viewer, &error));
    QVERIFY(store.create(u"ci.deploy"_s, Role::Admin, &error));
    const auto used = store.create(u"grafana"_s, Role::Operator, &error);
    QVERIFY(store.authenticate(*used));
    QVERIFY(store.flushUsage(&error));

    TokensDialog dialog(dir.path());
    dialog.show();
    ModalDriver driver([&](QWidget *modal) {
        if (!modal->findChild<QLineEdit *>(u"tokenName"_s))
            return false;
        modal->grab().save(outDir + u"/tokens-new.png"_s);
        return fillNewToken(modal, u"nightly-report"_s, Role::Viewer);
    });
    dialog.findChild<QPushButton *>(u"createTokenButton"_s)->click();
    QVERIFY(driver.done());
    QVERIFY(dialog.grab().save(outDir + u"/tokens.png"_s));

    // The form with a name that is taken.
    int step = 0;
    ModalDriver refused([&](QWidget *modal) {
        if (step++ == 0) {
            fillNewToken(modal, u"grafana"_s, Role::Admin);
            return false;
        }
        modal->grab().save(outDir + u"/tokens-taken.png"_s);
        qobject_cast<QDialog *>(modal)->reject();
        return true;
    });
    dialog.findChild<QPushButton *>(u"createTokenButton"_s)->click();
    QVERIFY(refused.done());
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTokensDialog)
#include "tst_tokensdialog.moc"
