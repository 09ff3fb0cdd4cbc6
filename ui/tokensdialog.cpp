#include "tokensdialog.h"

#include "format.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace hb {

namespace {

QString roleTitle(Role role)
{
    switch (role) {
    case Role::Viewer:
        return TokensDialog::tr("Viewer");
    case Role::Operator:
        return TokensDialog::tr("Operator");
    case Role::Admin:
        return TokensDialog::tr("Admin");
    }
    return TokensDialog::tr("Viewer");
}

bool sameTokens(const QVector<TokenInfo> &a, const QVector<TokenInfo> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const TokenInfo &x, const TokenInfo &y) {
                          return x.name == y.name && x.role == y.role &&
                                 x.createdAtMs == y.createdAtMs && x.lastUsedAtMs == y.lastUsedAtMs;
                      });
}

// Asks for the new token's name and role. OK tries `attempt`, which answers with an error to
// show here (the dialog stays open) or an empty string (done).
class NewTokenDialog : public QDialog
{
public:
    using Attempt = std::function<QString(const QString &name, Role role)>;

    NewTokenDialog(Attempt attempt, QWidget *parent)
        : QDialog(parent)
        , m_attempt(std::move(attempt))
        , m_name(new QLineEdit(this))
        , m_role(new QComboBox(this))
        , m_error(new QLabel(this))
        , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    {
        setObjectName(QStringLiteral("newTokenDialog"));
        setWindowTitle(TokensDialog::tr("New API token"));
        m_name->setObjectName(QStringLiteral("tokenName"));
        m_name->setPlaceholderText(TokensDialog::tr("e.g. wall-display"));
        m_name->setMaxLength(64);
        // Room for a typical name, and for the error below it without a tall wrap.
        m_name->setMinimumWidth(m_name->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 36);
        m_name->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[A-Za-z0-9._-]{0,64}")), m_name));
        m_name->setToolTip(TokensDialog::tr("Letters, digits, '.', '_' and '-'"));
        m_role->setObjectName(QStringLiteral("tokenRole"));
        for (Role role : {Role::Viewer, Role::Operator, Role::Admin})
            m_role->addItem(roleTitle(role), int(role));
        m_error->setObjectName(QStringLiteral("newTokenError"));
        m_error->setWordWrap(true);
        m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_error->hide();
        m_buttons->button(QDialogButtonBox::Ok)->setText(TokensDialog::tr("Create"));

        auto *form = new QFormLayout;
        form->addRow(TokensDialog::tr("&Name:"), m_name);
        form->addRow(TokensDialog::tr("&Role:"), m_role);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(m_error);
        layout->addWidget(m_buttons);

        connect(m_name, &QLineEdit::textChanged, this, [this] {
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().isEmpty());
            m_error->hide();
        });
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        connect(m_buttons, &QDialogButtonBox::accepted, this, &NewTokenDialog::tryCreate);
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    }

private:
    void tryCreate()
    {
        const QString error = m_attempt(m_name->text(), Role(m_role->currentData().toInt()));
        if (error.isEmpty()) {
            accept();
            return;
        }
        m_error->setText(error.left(1).toUpper() + error.mid(1)); // the store's are lower case
        m_error->show();
    }

    Attempt m_attempt;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace

TokensDialog::TokensDialog(const QString &dataDir, QWidget *parent)
    : QDialog(parent)
    , m_store(dataDir)
    , m_errorLabel(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_createButton(new QPushButton(tr("&Create…"), this))
    , m_revokeButton(new QPushButton(tr("&Revoke…"), this))
    , m_secretBox(new QFrame(this))
    , m_secretLabel(new QLabel(m_secretBox))
    , m_secretEdit(new QLineEdit(m_secretBox))
{
    setObjectName(QStringLiteral("tokensDialog"));
    setWindowTitle(tr("API tokens"));

    auto *intro = new QLabel(tr("Programs using the HTTP API send one of these tokens as "
                                "“Authorization: Bearer TOKEN”. A viewer token can only read."),
                             this);
    intro->setWordWrap(true);

    m_errorLabel->setObjectName(QStringLiteral("tokensError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_errorLabel->hide();

    m_table->setObjectName(QStringLiteral("tokenTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("Created"), tr("Last used")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TokensDialog::updateButtons);

    m_createButton->setObjectName(QStringLiteral("createTokenButton"));
    m_revokeButton->setObjectName(QStringLiteral("revokeTokenButton"));
    connect(m_createButton, &QPushButton::clicked, this, &TokensDialog::requestCreate);
    connect(m_revokeButton, &QPushButton::clicked, this, &TokensDialog::requestRevoke);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_createButton);
    actions->addWidget(m_revokeButton);
    actions->addStretch(1);

    // The one time the secret exists in clear: hard to miss, easy to copy.
    m_secretBox->setObjectName(QStringLiteral("secretBox"));
    m_secretBox->setFrameShape(QFrame::StyledPanel);
    m_secretBox->setStyleSheet(QStringLiteral(
        "#secretBox { background: #fff8e1; border: 1px solid #f9a825; border-radius: 3px; }"));
    m_secretLabel->setObjectName(QStringLiteral("secretWarning"));
    m_secretLabel->setWordWrap(true);
    m_secretEdit->setObjectName(QStringLiteral("secretEdit"));
    m_secretEdit->setReadOnly(true);
    m_secretEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QPushButton(tr("C&opy"), m_secretBox);
    copy->setObjectName(QStringLiteral("copySecretButton"));
    connect(copy, &QPushButton::clicked, this, [this, copy] {
        QGuiApplication::clipboard()->setText(m_secretEdit->text());
        copy->setText(tr("Copied"));
    });
    connect(m_secretEdit, &QLineEdit::textChanged, copy,
            [this, copy] { copy->setText(tr("C&opy")); });
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secretEdit, 1);
    secretRow->addWidget(copy);
    auto *secretLayout = new QVBoxLayout(m_secretBox);
    secretLayout->addWidget(m_secretLabel);
    secretLayout->addLayout(secretRow);
    m_secretBox->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addWidget(m_secretBox);
    layout->addWidget(buttons);
    resize(640, 420);

    reload();
    populate();
    updateButtons();
    // Tokens created or revoked with `heartbeatd token`, and uses the server wrote out, show up
    // while the dialog is open (each check is one stat() when nothing changed).
    m_reloadTimer.setInterval(1000);
    connect(&m_reloadTimer, &QTimer::timeout, this, &TokensDialog::reload);
    m_reloadTimer.start();
}

void TokensDialog::lockOut()
{
    m_lockedOut = true;
    m_reloadTimer.stop();
    m_secretEdit->clear();
    for (QDialog *child : findChildren<QDialog *>())
        child->reject();
    reject();
}

void TokensDialog::reload()
{
    QString error;
    m_loadError = m_store.reloadIfChanged(&error) ? QString() : error;
    m_errorLabel->setText(m_loadError);
    m_errorLabel->setVisible(!m_loadError.isEmpty());
    if (!sameTokens(m_store.list(), m_shown))
        populate();
}

void TokensDialog::populate()
{
    const QString selected = selectedName();
    m_shown = m_store.list();
    m_table->setRowCount(int(m_shown.size()));
    for (int row = 0; row < m_shown.size(); ++row) {
        const TokenInfo &t = m_shown.at(row);
        const QString cells[ColumnCount] = {
            t.name, roleTitle(t.role), format::localTime(t.createdAtMs),
            t.lastUsedAtMs > 0 ? format::localTime(t.lastUsedAtMs) : tr("Never")};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            m_table->setItem(row, column, item);
        }
        if (t.name == selected)
            m_table->selectRow(row);
    }
    // A token revoked elsewhere takes its just-shown secret with it.
    if (!m_secretEdit->text().isEmpty()) {
        const bool stillThere =
            std::any_of(m_shown.cbegin(), m_shown.cend(),
                        [&](const TokenInfo &t) { return t.name == m_secretName; });
        if (!stillThere) {
            m_secretEdit->clear();
            m_secretBox->hide();
        }
    }
    updateButtons();
}

QString TokensDialog::selectedName() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    if (items.isEmpty())
        return {};
    const QTableWidgetItem *name = m_table->item(items.constFirst()->row(), NameColumn);
    return name ? name->text() : QString();
}

void TokensDialog::updateButtons()
{
    m_revokeButton->setEnabled(!selectedName().isEmpty());
}

void TokensDialog::requestCreate()
{
    if (m_lockedOut)
        return;
    QString createdName;
    QByteArray secret;
    NewTokenDialog ask(
        [this, &createdName, &secret](const QString &name, Role role) {
            if (m_lockedOut)
                return tr("Admin is locked");
            QString error;
            const std::optional<QByteArray> made = m_store.create(name, role, &error);
            if (!made)
                return error;
            createdName = name;
            secret = *made;
            return QString();
        },
        this);
    ask.exec();
    if (m_lockedOut || secret.isEmpty())
        return;
    populate();
    showSecret(createdName, secret);
}

void TokensDialog::showSecret(const QString &name, const QByteArray &secret)
{
    m_secretName = name;
    m_secretLabel->setText(tr("<b>Token “%1” created. Copy it now: it will not be shown again.</b>")
                               .arg(name.toHtmlEscaped()));
    m_secretEdit->setText(QString::fromLatin1(secret));
    m_secretEdit->selectAll();
    m_secretBox->show();
    m_secretEdit->setFocus();
    for (int row = 0; row < m_shown.size(); ++row) {
        if (m_shown.at(row).name == name)
            m_table->selectRow(row);
    }
}

void TokensDialog::requestRevoke()
{
    const QString name = selectedName();
    if (m_lockedOut || name.isEmpty())
        return;
    QMessageBox confirm(
        QMessageBox::Warning, tr("Revoke API token"),
        tr("Revoke the token “%1”? Programs using it are refused from now on.").arg(name),
        QMessageBox::Cancel, this);
    confirm.setObjectName(QStringLiteral("revokeConfirmation"));
    QPushButton *revoke = confirm.addButton(tr("Revoke"), QMessageBox::DestructiveRole);
    revoke->setObjectName(QStringLiteral("confirmRevokeButton"));
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (m_lockedOut || confirm.clickedButton() != revoke)
        return;
    QString error;
    if (!m_store.revoke(name, &error))
        QMessageBox::warning(this, tr("Revoke API token"), error);
    populate();
}

} // namespace hb
