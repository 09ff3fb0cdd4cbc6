#include "notificationseditor.h"

#include "ruleseditor.h"

#include "core/notificationsconfig.h"
#include "machines/machineregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>

namespace hb {

namespace {

QString typeTitle(const QString &type)
{
    if (type == NotificationChannelType::Webhook)
        return NotificationsEditor::tr("Webhook");
    if (type == NotificationChannelType::Telegram)
        return NotificationsEditor::tr("Telegram");
    if (type == NotificationChannelType::Desktop)
        return NotificationsEditor::tr("Desktop");
    return type;
}

QString kindTitle(const QString &kind)
{
    static const QHash<QString, const char *> titles = {
        {NotificationKind::MachineDown,
         QT_TRANSLATE_NOOP("hb::NotificationsEditor", "Machine down")},
        {NotificationKind::MachineUp, QT_TRANSLATE_NOOP("hb::NotificationsEditor", "Machine up")},
        {NotificationKind::BreakerOpened,
         QT_TRANSLATE_NOOP("hb::NotificationsEditor", "Breaker opened")},
        {NotificationKind::BreakerClosed,
         QT_TRANSLATE_NOOP("hb::NotificationsEditor", "Breaker closed")},
        {NotificationKind::AlertRaised,
         QT_TRANSLATE_NOOP("hb::NotificationsEditor", "Critical alert raised")},
        {NotificationKind::AlertCleared,
         QT_TRANSLATE_NOOP("hb::NotificationsEditor", "Critical alert cleared")},
        {NotificationKind::EmergencyPause,
         QT_TRANSLATE_NOOP("hb::NotificationsEditor", "Emergency pause")},
        {NotificationKind::EmergencyResume,
         QT_TRANSLATE_NOOP("hb::NotificationsEditor", "Emergency resume")},
        {NotificationKind::StoreFailed,
         QT_TRANSLATE_NOOP("hb::NotificationsEditor", "Metrics store failed")},
    };
    const auto it = titles.constFind(kind);
    return it != titles.cend() ? NotificationsEditor::tr(it.value()) : kind;
}

QString severityTitle(const QString &severity)
{
    if (severity == NotificationSeverity::Info)
        return NotificationsEditor::tr("Info and above");
    if (severity == NotificationSeverity::Warning)
        return NotificationsEditor::tr("Warning and above");
    if (severity == NotificationSeverity::Critical)
        return NotificationsEditor::tr("Critical only");
    return severity;
}

// A name not yet taken: "webhook", "webhook-2", ...
QString freeName(const NotificationsConfig &config, const QString &type)
{
    QSet<QString> taken;
    for (const NotificationChannel &c : config.channels)
        taken.insert(c.name);
    QString name = type;
    for (int n = 2; taken.contains(name); ++n)
        name = type + u'-' + QString::number(n);
    return name;
}

} // namespace

NotificationsEditor::NotificationsEditor(const NotificationsConfig &config, QWidget *parent)
    : QWidget(parent)
    , m_config(config)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("Remo&ve"), this))
    , m_form(new QWidget)
    , m_empty(new QLabel(this))
    , m_topError(new QLabel(this))
    , m_name(new QLineEdit)
    , m_enabled(new QCheckBox(tr("Send to this channel")))
    , m_type(new QLabel)
    , m_desktopNote(new QLabel)
    , m_url(new QLineEdit)
    , m_secret(new QLineEdit)
    , m_generate(new QPushButton(tr("&Generate")))
    , m_botToken(new QLineEdit)
    , m_chatId(new QLineEdit)
    , m_baseUrl(new QLineEdit)
    , m_allKinds(new QCheckBox(tr("Every kind, including kinds added later")))
    , m_severity(new QComboBox)
    , m_resend(new QLineEdit)
    , m_rules(new RulesEditor(config.rules, this))
{
    setObjectName(QStringLiteral("notificationsEditor"));

    // Left: the channels.
    m_list->setObjectName(QStringLiteral("notificationChannels"));
    m_list->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 22);
    m_list->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 26);
    m_add->setObjectName(QStringLiteral("addChannelButton"));
    auto *addMenu = new QMenu(m_add);
    for (const QString &type : NotificationChannelType::all()) {
        QAction *action = addMenu->addAction(typeTitle(type));
        action->setObjectName(u"add_" + type);
        connect(action, &QAction::triggered, this, [this, type] { addChannel(type); });
    }
    m_add->setMenu(addMenu);
    m_remove->setObjectName(QStringLiteral("removeChannelButton"));
    connect(m_remove, &QPushButton::clicked, this, &NotificationsEditor::removeChannel);
    connect(m_list, &QListWidget::currentRowChanged, this, &NotificationsEditor::select);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    listButtons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    // Right: the selected channel.
    const auto cell = [this](QWidget *editor, const QString &key, QWidget *extra = nullptr) {
        auto *box = new QWidget;
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        if (extra) {
            auto *row = new QHBoxLayout;
            row->addWidget(editor, 1);
            row->addWidget(extra);
            layout->addLayout(row);
        } else {
            layout->addWidget(editor);
        }
        auto *message = new QLabel;
        message->setObjectName(u"message_" + key);
        message->setStyleSheet(QStringLiteral("color: #c62828;"));
        message->setWordWrap(true);
        message->hide();
        layout->addWidget(message);
        m_messages.insert(key, message);
        return box;
    };

    m_name->setObjectName(QStringLiteral("channelName"));
    m_name->setMaxLength(64);
    m_enabled->setObjectName(QStringLiteral("channelEnabled"));
    m_type->setObjectName(QStringLiteral("channelType"));

    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://hooks.example.com/heartbeat"));
    m_secret->setObjectName(QStringLiteral("webhookSecret"));
    m_secret->setPlaceholderText(QStringLiteral("whsec_…"));
    m_secret->setToolTip(tr("The receiver checks the webhook-signature header with this key "
                            "(Standard Webhooks)"));
    m_generate->setObjectName(QStringLiteral("generateSecretButton"));
    m_generate->setToolTip(tr("Make a new random key; give the receiver the same one"));
    connect(m_generate, &QPushButton::clicked, this, [this] {
        m_secret->setText(generateSecret());
        m_secret->setCursorPosition(0);
    });
    m_botToken->setObjectName(QStringLiteral("telegramBotToken"));
    m_botToken->setPlaceholderText(QStringLiteral("123456:ABC-DEF…"));
    m_chatId->setObjectName(QStringLiteral("telegramChatId"));
    m_chatId->setPlaceholderText(QStringLiteral("-1001234567890"));
    m_baseUrl->setObjectName(QStringLiteral("telegramBaseUrl"));
    m_desktopNote->setText(tr("Shown by the dashboard's tray icon while the dashboard runs."));
    m_desktopNote->setWordWrap(true);

    auto *kinds = new QWidget;
    auto *kindsGrid = new QGridLayout(kinds);
    kindsGrid->setContentsMargins(0, 0, 0, 0);
    m_allKinds->setObjectName(QStringLiteral("allKinds"));
    kindsGrid->addWidget(m_allKinds, 0, 0, 1, 2);
    const QStringList allKinds = NotificationKind::all();
    for (int i = 0; i < allKinds.size(); ++i) {
        auto *box = new QCheckBox(kindTitle(allKinds.at(i)));
        box->setObjectName(u"kind_" + allKinds.at(i));
        kindsGrid->addWidget(box, 1 + i / 2, i % 2);
        m_kinds.insert(allKinds.at(i), box);
        connect(box, &QCheckBox::toggled, this, &NotificationsEditor::storeForm);
    }
    connect(m_allKinds, &QCheckBox::toggled, this, [this](bool all) {
        for (QCheckBox *box : std::as_const(m_kinds))
            box->setEnabled(m_editable && !all);
        storeForm();
    });

    m_severity->setObjectName(QStringLiteral("minSeverity"));
    for (const QString &severity : NotificationSeverity::all())
        m_severity->addItem(severityTitle(severity), severity);
    m_resend->setObjectName(QStringLiteral("resendInterval"));
    m_resend->setToolTip(tr("While the condition lasts, send it again this often: e.g. 30m, 2h; "
                            "“off” sends it once"));

    auto *form = new QFormLayout(m_form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), cell(m_name, QStringLiteral("name")));
    form->addRow(QString(), m_enabled);
    form->addRow(tr("Type:"), m_type);
    // One form for every type: the rows of the other types are hidden, so the labels line up.
    form->addRow(tr("&URL:"), cell(m_url, QStringLiteral("url")));
    form->addRow(tr("&Secret:"), cell(m_secret, QStringLiteral("secret"), m_generate));
    form->addRow(tr("&Bot token:"), cell(m_botToken, QStringLiteral("bot_token")));
    form->addRow(tr("&Chat ID:"), cell(m_chatId, QStringLiteral("chat_id")));
    form->addRow(tr("API &base URL:"), cell(m_baseUrl, QStringLiteral("base_url")));
    form->addRow(QString(), m_desktopNote);
    m_typeRows = {{NotificationChannelType::Webhook, {m_url, m_secret}},
                  {NotificationChannelType::Telegram, {m_botToken, m_chatId, m_baseUrl}},
                  {NotificationChannelType::Desktop, {m_desktopNote}}};
    form->addRow(tr("Kinds:"), cell(kinds, QStringLiteral("kinds")));
    form->addRow(tr("&Lowest severity:"), cell(m_severity, QStringLiteral("min_severity")));
    form->addRow(tr("&Resend every:"), cell(m_resend, QStringLiteral("resend_interval_ms")));
    auto *scroll = new QScrollArea;
    m_formScroll = scroll;
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_empty->setObjectName(QStringLiteral("noChannels"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("No channels: nothing is sent. Add a webhook, a Telegram chat or the "
                        "desktop tray."));

    m_topError->setObjectName(QStringLiteral("notificationsError"));
    m_topError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_topError->setWordWrap(true);
    m_topError->hide();

    auto *right = new QVBoxLayout;
    right->addWidget(m_topError);
    right->addWidget(scroll, 1);
    right->addWidget(m_empty, 1);
    auto *channels = new QHBoxLayout;
    channels->addLayout(left);
    channels->addLayout(right, 1);
    auto *rules = new QGroupBox(tr("Dependency rules"), this);
    rules->setObjectName(QStringLiteral("rulesBox"));
    auto *rulesLayout = new QVBoxLayout(rules);
    rulesLayout->addWidget(m_rules);
    connect(m_rules, &RulesEditor::changed, this, &NotificationsEditor::changed);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(channels, 1);
    layout->addWidget(rules);

    for (QLineEdit *line : {m_name, m_url, m_secret, m_botToken, m_chatId, m_baseUrl, m_resend})
        connect(line, &QLineEdit::textChanged, this, &NotificationsEditor::storeForm);
    connect(m_enabled, &QCheckBox::toggled, this, &NotificationsEditor::storeForm);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &NotificationsEditor::storeForm);

    refreshList();
    m_list->setCurrentRow(m_config.channels.isEmpty() ? -1 : 0);
    select(m_list->currentRow());
}

QString NotificationsEditor::generateSecret()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    return QStringLiteral("whsec_") + QString::fromLatin1(key.toBase64());
}

QString NotificationsEditor::intervalText(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("off");
    if (ms % 86'400'000 == 0)
        return QString::number(ms / 86'400'000) + u'd';
    if (ms % 3'600'000 == 0)
        return QString::number(ms / 3'600'000) + u'h';
    if (ms % 60'000 == 0)
        return QString::number(ms / 60'000) + u'm';
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + u's';
    return QString::number(ms) + QStringLiteral("ms");
}

std::optional<qint64> NotificationsEditor::parseInterval(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t == u"off" || t == tr("off") || t == u"0")
        return 0;
    return MachineRegistry::parseDuration(t);
}

NotificationsConfig NotificationsEditor::value() const
{
    NotificationsConfig config = m_config;
    config.rules = m_rules->rules();
    return config;
}

void NotificationsEditor::setEditable(bool editable)
{
    m_editable = editable;
    m_rules->setEditable(editable);
    m_add->setEnabled(editable);
    m_remove->setEnabled(editable && m_current >= 0);
    m_form->setEnabled(editable);
}

QString NotificationsEditor::itemText(const NotificationChannel &channel) const
{
    const QString text = QStringLiteral("%1 — %2").arg(channel.name, typeTitle(channel.type));
    return channel.enabled ? text : tr("%1 (off)").arg(text);
}

void NotificationsEditor::refreshList()
{
    const QSignalBlocker block(m_list);
    while (m_list->count() > m_config.channels.size())
        delete m_list->takeItem(m_list->count() - 1);
    for (int i = 0; i < m_config.channels.size(); ++i) {
        const NotificationChannel &c = m_config.channels.at(i);
        if (i >= m_list->count())
            m_list->addItem(QString());
        QListWidgetItem *item = m_list->item(i);
        item->setText(itemText(c));
        item->setForeground(c.enabled ? palette().color(QPalette::Text)
                                      : palette().color(QPalette::PlaceholderText));
    }
    m_list->setCurrentRow(m_current);
}

void NotificationsEditor::addChannel(const QString &type)
{
    if (!m_editable)
        return;
    NotificationChannel channel;
    channel.type = type;
    channel.name = freeName(m_config, type);
    if (type == NotificationChannelType::Webhook)
        channel.secret = generateSecret();
    m_config.channels.append(channel);
    m_current = int(m_config.channels.size()) - 1;
    refreshList();
    loadForm();
    m_name->setFocus();
    m_name->selectAll();
    Q_EMIT changed();
}

void NotificationsEditor::removeChannel()
{
    if (!m_editable || m_current < 0 || m_current >= m_config.channels.size())
        return;
    m_config.channels.remove(m_current);
    m_current = std::min(m_current, int(m_config.channels.size()) - 1);
    refreshList();
    loadForm();
    Q_EMIT changed();
}

void NotificationsEditor::select(int row)
{
    m_current = row;
    loadForm();
}

void NotificationsEditor::loadForm()
{
    const bool has = m_current >= 0 && m_current < m_config.channels.size();
    m_formScroll->setVisible(has);
    m_empty->setVisible(m_config.channels.isEmpty());
    m_remove->setEnabled(m_editable && has);
    for (QLabel *message : std::as_const(m_messages))
        message->hide();
    // A resend interval that never read as one is dropped with the form it was typed in.
    const bool hadFormError = !m_formError.isEmpty();
    m_formError.clear();
    if (hadFormError)
        Q_EMIT changed();
    if (!has)
        return;
    m_loading = true;
    const NotificationChannel &c = m_config.channels.at(m_current);
    m_name->setText(c.name);
    m_enabled->setChecked(c.enabled);
    m_type->setText(typeTitle(c.type));
    auto *form = static_cast<QFormLayout *>(m_form->layout());
    for (auto it = m_typeRows.cbegin(); it != m_typeRows.cend(); ++it) {
        for (QWidget *field : it.value()) {
            // The row holds the field's cell (field and message), or the field itself.
            QWidget *row = form->indexOf(field) >= 0 ? field : field->parentWidget();
            while (row && form->indexOf(row) < 0)
                row = row->parentWidget();
            if (row)
                form->setRowVisible(row, it.key() == c.type);
        }
    }
    m_url->setText(c.url);
    m_secret->setText(c.secret);
    m_secret->setCursorPosition(0);
    m_botToken->setText(c.botToken);
    m_chatId->setText(c.chatId);
    m_baseUrl->setText(c.baseUrl);
    m_allKinds->setChecked(c.kinds.isEmpty());
    for (auto it = m_kinds.cbegin(); it != m_kinds.cend(); ++it) {
        it.value()->setChecked(c.kinds.isEmpty() || c.kinds.contains(it.key()));
        it.value()->setEnabled(m_editable && !c.kinds.isEmpty());
    }
    int severity = m_severity->findData(c.minSeverity);
    if (severity < 0) { // a word the form does not know: kept, so the rules can name it
        m_severity->addItem(c.minSeverity, c.minSeverity);
        severity = m_severity->count() - 1;
    }
    m_severity->setCurrentIndex(severity);
    m_resend->setText(intervalText(c.resendIntervalMs));
    m_loading = false;
    applyError();
}

void NotificationsEditor::storeForm()
{
    if (m_loading || m_current < 0 || m_current >= m_config.channels.size())
        return;
    NotificationChannel &c = m_config.channels[m_current];
    c.name = m_name->text().trimmed();
    c.enabled = m_enabled->isChecked();
    c.url = m_url->text().trimmed();
    c.secret = m_secret->text().trimmed();
    c.botToken = m_botToken->text().trimmed();
    c.chatId = m_chatId->text().trimmed();
    c.baseUrl = m_baseUrl->text().trimmed();
    if (m_allKinds->isChecked()) {
        c.kinds.clear();
    } else {
        // Kinds kept stay in the order the file wrote them; new ones follow in the list's order.
        QStringList kinds;
        for (const QString &kind : std::as_const(c.kinds)) {
            if (QCheckBox *box = m_kinds.value(kind); !box || box->isChecked())
                kinds.append(kind);
        }
        for (const QString &kind : NotificationKind::all()) {
            if (m_kinds.value(kind)->isChecked() && !kinds.contains(kind))
                kinds.append(kind);
        }
        c.kinds = kinds;
    }
    c.minSeverity = m_severity->currentData().toString();
    m_formError.clear();
    if (const std::optional<qint64> resend = parseInterval(m_resend->text()))
        c.resendIntervalMs = *resend;
    else
        m_formError = tr("write a length such as 30m or 2h, or “off”");
    if (QListWidgetItem *item = m_list->item(m_current)) {
        item->setText(itemText(c));
        item->setForeground(c.enabled ? palette().color(QPalette::Text)
                                      : palette().color(QPalette::PlaceholderText));
    }
    Q_EMIT changed();
}

QLabel *NotificationsEditor::messageFor(const QString &key) const
{
    return m_messages.value(key);
}

void NotificationsEditor::showError(const ConfigError *error)
{
    const bool rules = error && error->field.startsWith(u"notifications.rules");
    m_rules->showError(rules ? error : nullptr);
    if (rules)
        error = nullptr;
    m_error = error ? std::optional<ConfigError>(*error) : std::nullopt;
    applyError();
}

void NotificationsEditor::applyError()
{
    for (QLabel *message : std::as_const(m_messages))
        message->hide();
    m_topError->hide();
    if (!m_formError.isEmpty()) {
        QLabel *label = messageFor(QStringLiteral("resend_interval_ms"));
        label->setText(m_formError);
        label->show();
        return;
    }
    if (!m_error)
        return;
    static const QRegularExpression path(
        QStringLiteral(R"(^notifications\.channels\[(\d+)\](?:\.([a-z_]+))?)"));
    const QRegularExpressionMatch match = path.match(m_error->field);
    const int index = match.hasMatch() ? match.captured(1).toInt() : -1;
    // Beside the field when it is on screen; the selection never jumps away from what is typed.
    if (QLabel *label = index >= 0 ? messageFor(match.captured(2)) : nullptr;
        label && index == m_current) {
        label->setText(m_error->reason);
        label->show();
        return;
    }
    QString where;
    if (index >= 0 && index < m_config.channels.size())
        where = tr("Channel “%1”: ").arg(m_config.channels.at(index).name);
    m_topError->setText(where + m_error->toString());
    m_topError->show();
}

QString NotificationsEditor::shownError() const
{
    if (const QString rules = m_rules->shownError(); !rules.isEmpty())
        return rules;
    if (!m_topError->isHidden())
        return m_topError->text();
    for (QLabel *message : std::as_const(m_messages)) {
        if (!message->isHidden())
            return message->text();
    }
    return {};
}

} // namespace hb
