#include "addmachinedialog.h"

#include "machines/machineregistry.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include <type_traits>

namespace hb {

namespace {

// A read-only text with a Copy button beside it that says "Copied" once used.
template<typename Edit> QWidget *copyRow(Edit *edit, const QString &buttonName, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QPushButton(AddMachineDialog::tr("C&opy"), row);
    copy->setObjectName(buttonName);
    QObject::connect(copy, &QPushButton::clicked, row, [edit, copy] {
        if constexpr (std::is_same_v<Edit, QLineEdit>)
            QGuiApplication::clipboard()->setText(edit->text());
        else
            QGuiApplication::clipboard()->setText(edit->toPlainText());
        copy->setText(AddMachineDialog::tr("Copied"));
    });
    layout->addWidget(edit, 1);
    layout->addWidget(copy, 0, Qt::AlignTop);
    return row;
}

} // namespace

AddMachineDialog::AddMachineDialog(Attempt attempt, QString pushBaseUrl, QWidget *parent)
    : QDialog(parent)
    , m_attempt(std::move(attempt))
    , m_pushBaseUrl(std::move(pushBaseUrl))
    , m_formPage(new QWidget(this))
    , m_tokenPage(new QFrame(this))
    , m_name(new QLineEdit(this))
    , m_offlineAfter(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_createdLabel(new QLabel(this))
    , m_token(new QLineEdit(this))
    , m_curl(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("addMachineDialog"));
    setWindowTitle(tr("Add machine"));

    // The form.
    QWidget *form = m_formPage;
    m_name->setObjectName(QStringLiteral("machineName"));
    m_name->setPlaceholderText(tr("e.g. oracle-relay-1"));
    m_name->setMaxLength(64);
    m_name->setMinimumWidth(m_name->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 36);
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9._-]{0,64}")), m_name));
    m_name->setToolTip(tr("Letters, digits, '.', '_' and '-': it is part of the push URL"));
    m_offlineAfter->setObjectName(QStringLiteral("offlineAfter"));
    m_offlineAfter->setText(durationText(120'000));
    m_offlineAfter->setToolTip(tr("From 1 s to 30 days, e.g. 90s, 2m, 1h, 30d"));
    auto *offlineHint =
        new QLabel(tr("Down when no heartbeat came for this long (e.g. 90s, 2m, 1h, 30d)."), form);
    offlineHint->setWordWrap(true);
    offlineHint->setForegroundRole(QPalette::PlaceholderText);
    m_error->setObjectName(QStringLiteral("addMachineError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    auto *formLayout = new QFormLayout;
    formLayout->addRow(tr("&Name:"), m_name);
    formLayout->addRow(tr("&Offline after:"), m_offlineAfter);
    formLayout->addRow(QString(), offlineHint);
    auto *formPage = new QVBoxLayout(form);
    formPage->setContentsMargins(0, 0, 0, 0);
    formPage->addLayout(formLayout);
    formPage->addWidget(m_error);
    formPage->addStretch(1);

    // The token, shown once.
    QFrame *shown = m_tokenPage;
    shown->setObjectName(QStringLiteral("tokenBox"));
    shown->setFrameShape(QFrame::StyledPanel);
    shown->setStyleSheet(QStringLiteral(
        "#tokenBox { background: #fff8e1; border: 1px solid #f9a825; border-radius: 3px; }"));
    m_createdLabel->setObjectName(QStringLiteral("tokenWarning"));
    m_createdLabel->setWordWrap(true);
    m_token->setObjectName(QStringLiteral("machineToken"));
    m_curl->setObjectName(QStringLiteral("curlLine"));
    // The whole line in view, wrapped anywhere (it has few spaces): nothing to scroll to.
    m_curl->setWordWrapMode(QTextOption::WrapAnywhere);
    m_curl->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QFontMetrics fixed(m_curl->font());
    m_curl->setMinimumWidth(fixed.horizontalAdvance(QLatin1Char('x')) * 64);
    m_curl->setFixedHeight(fixed.lineSpacing() * 3 + 2 * m_curl->frameWidth() + 8);
    m_curl->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *curlLabel = new QLabel(tr("The machine pings with (from cron or its service):"), shown);
    curlLabel->setWordWrap(true);
    auto *shownLayout = new QVBoxLayout(shown);
    shownLayout->addWidget(m_createdLabel);
    shownLayout->addWidget(copyRow(m_token, QStringLiteral("copyTokenButton"), shown));
    shownLayout->addSpacing(6);
    shownLayout->addWidget(curlLabel);
    shownLayout->addWidget(copyRow(m_curl, QStringLiteral("copyCurlButton"), shown));
    shownLayout->addStretch(1);
    shown->hide(); // until Create worked: the dialog is the size of what it shows

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().isEmpty());
        m_error->hide();
    });
    connect(m_offlineAfter, &QLineEdit::textChanged, m_error, &QWidget::hide);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddMachineDialog::tryCreate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_formPage, 1);
    layout->addWidget(m_tokenPage, 1);
    layout->addWidget(m_buttons);
}

QString AddMachineDialog::durationText(qint64 ms)
{
    if (ms > 0 && ms % 86'400'000 == 0)
        return QString::number(ms / 86'400'000) + u'd';
    if (ms > 0 && ms % 3'600'000 == 0)
        return QString::number(ms / 3'600'000) + u'h';
    if (ms > 0 && ms % 60'000 == 0)
        return QString::number(ms / 60'000) + u'm';
    if (ms > 0 && ms % 1000 == 0)
        return QString::number(ms / 1000) + u's';
    return QString::number(ms) + QStringLiteral("ms");
}

QString AddMachineDialog::shownToken() const
{
    return m_token->text();
}

QString AddMachineDialog::curlLine() const
{
    return m_curl->toPlainText();
}

void AddMachineDialog::tryCreate()
{
    const std::optional<qint64> offlineAfter =
        MachineRegistry::parseDuration(m_offlineAfter->text().trimmed());
    if (!offlineAfter) {
        m_error->setText(tr("Offline after: write a length such as 90s, 2m, 1h or 30d."));
        m_error->show();
        return;
    }
    QString error;
    const QByteArray token = m_attempt(m_name->text(), *offlineAfter, &error);
    if (token.isEmpty()) {
        m_error->setText(error.left(1).toUpper() + error.mid(1)); // the registry's are lower case
        m_error->show();
        return;
    }
    m_createdName = m_name->text();
    m_createdLabel->setText(
        tr("<b>Machine “%1” added. Copy its push token now: it will not be shown again.</b>")
            .arg(m_createdName.toHtmlEscaped()));
    m_token->setText(QString::fromLatin1(token));
    m_curl->setPlainText(QStringLiteral("curl -fsS -X POST -H \"Authorization: Bearer %1\" "
                                        "%2/api/v1/machines/%3/heartbeat")
                             .arg(QString::fromLatin1(token), m_pushBaseUrl, m_createdName));
    m_formPage->hide();
    m_tokenPage->show();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeTokenButton"));
    m_token->selectAll();
    m_token->setFocus();
    adjustSize();
}

void AddMachineDialog::lockOut()
{
    m_token->clear();
    m_curl->clear();
    reject();
}

} // namespace hb
