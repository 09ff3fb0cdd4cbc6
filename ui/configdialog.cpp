#include "configdialog.h"

#include "format.h"
#include "notificationseditor.h"
#include "scheduleeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hb {

namespace {

// Which tab a field goes on, by the start of its path.
struct Group
{
    const char *prefix;
    const char *title;
};
const Group kGroups[] = {
    {"tasks.", QT_TRANSLATE_NOOP("hb::ConfigDialog", "Tasks")},
    {"breaker.", QT_TRANSLATE_NOOP("hb::ConfigDialog", "Thresholds")},
    {"oracle.", QT_TRANSLATE_NOOP("hb::ConfigDialog", "Oracle")},
    {"retention.", QT_TRANSLATE_NOOP("hb::ConfigDialog", "Retention")},
    {"http.", QT_TRANSLATE_NOOP("hb::ConfigDialog", "HTTP API")},
    {"", QT_TRANSLATE_NOOP("hb::ConfigDialog", "General")},
};
const QStringList kThresholdFields = {
    QStringLiteral("auto_liquidation_threshold_days"), QStringLiteral("memory_warn_bytes"),
    QStringLiteral("cycles_alert_threshold"), QStringLiteral("cycles_critical_threshold")};

QString groupOf(const QString &path)
{
    if (kThresholdFields.contains(path))
        return QString::fromLatin1(kGroups[1].title);
    for (const Group &g : kGroups) {
        if (path.startsWith(QLatin1StringView(g.prefix)))
            return QString::fromLatin1(g.title);
    }
    return QString::fromLatin1(std::end(kGroups)[-1].title);
}

void flatten(const QJsonObject &object, const QString &prefix, QVector<QPair<QString, QJsonValue>> *out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = prefix + it.key();
        if (it.value().isObject())
            flatten(it.value().toObject(), path + u'.', out);
        else
            out->append({path, it.value()});
    }
}

void insertPath(QJsonObject &root, const QString &path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        root.insert(path, value);
        return;
    }
    QJsonObject child = root.value(path.left(dot)).toObject();
    insertPath(child, path.mid(dot + 1), value);
    root.insert(path.left(dot), child);
}

QString label(const QString &path)
{
    if (path.startsWith(u"tasks."))
        return format::taskTitle(path.mid(6));
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("enabled"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Heartbeat enabled")},
        {QStringLiteral("maintenance_mode"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Maintenance mode")},
        {QStringLiteral("demo"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Demo data")},
        {QStringLiteral("tick_interval_ms"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Tick interval (ms)")},
        {QStringLiteral("task_timeout_ms"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Task timeout (ms)")},
        {QStringLiteral("max_concurrent_tasks"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Tasks at once")},
        {QStringLiteral("auto_liquidation_threshold_days"),
         QT_TRANSLATE_NOOP("hb::ConfigDialog", "Liquidate after overdue (days)")},
        {QStringLiteral("memory_warn_bytes"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Memory warning (bytes)")},
        {QStringLiteral("cycles_alert_threshold"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Cycles alert below")},
        {QStringLiteral("cycles_critical_threshold"),
         QT_TRANSLATE_NOOP("hb::ConfigDialog", "Cycles critical below")},
        {QStringLiteral("breaker.failure_threshold"),
         QT_TRANSLATE_NOOP("hb::ConfigDialog", "Breaker opens after failures")},
        {QStringLiteral("breaker.timeout_ms"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Breaker retry after (ms)")},
        {QStringLiteral("retention.raw_days"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Keep raw rows (days)")},
        {QStringLiteral("retention.minute_days"),
         QT_TRANSLATE_NOOP("hb::ConfigDialog", "Keep minute rollups (days)")},
        {QStringLiteral("retention.hour_days"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Keep hour rollups (days)")},
        {QStringLiteral("oracle.source"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Source")},
        {QStringLiteral("oracle.url"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "URL (http)")},
        {QStringLiteral("oracle.path"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "File (file)")},
        {QStringLiteral("oracle.fallback_source"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Fallback source")},
        {QStringLiteral("oracle.fallback_url"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Fallback URL (http)")},
        {QStringLiteral("oracle.fallback_path"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Fallback file (file)")},
        {QStringLiteral("oracle.timeout_ms"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Timeout (ms)")},
        {QStringLiteral("oracle.max_body_bytes"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Largest answer (bytes)")},
        {QStringLiteral("oracle.demo_fault_rate"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Demo fault rate")},
        {QStringLiteral("oracle.max_age_ms"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Refresh prices older than (ms)")},
        {QStringLiteral("http.listen"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Listen on (address:port)")},
        {QStringLiteral("http.dashboard"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Serve from this dashboard")},
        {QStringLiteral("http.healthz_requires_token"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "/healthz needs a token")},
        {QStringLiteral("http.metrics_requires_token"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "/metrics needs a token")},
        {QStringLiteral("http.request_timeout_ms"), QT_TRANSLATE_NOOP("hb::ConfigDialog", "Request timeout (ms)")},
    };
    const auto it = labels.constFind(path);
    return it != labels.cend() ? ConfigDialog::tr(it.value()) : path;
}

} // namespace

ConfigDialog::ConfigDialog(const HeartbeatConfig &config, bool editable, QWidget *parent)
    : QDialog(parent)
    , m_config(config)
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("configDialog"));
    setWindowTitle(editable ? tr("Configuration") : tr("Configuration (read only)"));
    auto *tabs = new QTabWidget(this);
    QHash<QString, QFormLayout *> forms;
    QVector<QPair<QString, QJsonValue>> fields;
    QJsonObject json = config.toJson();
    json.remove(QStringLiteral("version"));
    json.remove(QStringLiteral("notifications")); // a list: edited on its own tab
    // A task's schedule is edited on the Schedules tab: the Tasks tab keeps its on/off switch.
    QJsonObject taskFlags;
    for (auto it = config.tasks.cbegin(); it != config.tasks.cend(); ++it)
        taskFlags.insert(it.key(), it.value());
    json.insert(QStringLiteral("tasks"), taskFlags);
    flatten(json, {}, &fields);
    for (const Group &g : kGroups) {
        auto *page = new QWidget;
        auto *form = new QFormLayout(page);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        auto *scroll = new QScrollArea;
        scroll->setWidget(page);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        tabs->addTab(scroll, tr(g.title));
        forms.insert(QString::fromLatin1(g.title), form);
    }
    for (const auto &[path, value] : std::as_const(fields))
        addField(forms.value(groupOf(path)), path, value);
    for (QWidget *editor : std::as_const(m_editors))
        editor->setEnabled(editable);
    m_schedules = new ScheduleEditor(config);
    m_schedules->setEditable(editable);
    connect(m_schedules, &ScheduleEditor::changed, this, &ConfigDialog::revalidate);
    tabs->insertTab(1, m_schedules, tr("Schedules"));
    m_notifications = new NotificationsEditor(config.notifications);
    m_notifications->setEditable(editable);
    connect(m_notifications, &NotificationsEditor::changed, this, &ConfigDialog::revalidate);
    tabs->addTab(m_notifications, tr("Notifications"));
    m_tabs = tabs;

    if (editable) {
        m_buttons->setStandardButtons(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
        connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    } else {
        m_buttons->setStandardButtons(QDialogButtonBox::Close);
        auto *hint = new QLabel(tr("Unlock admin to change the configuration."), this);
        hint->setWordWrap(true);
        m_buttons->layout()->addWidget(hint);
    }
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_buttons);
    resize(820, 560); // the Notifications tab: a channel list beside a form with two columns of kinds
}

void ConfigDialog::addField(QFormLayout *form, const QString &path, const QJsonValue &value)
{
    QWidget *editor = nullptr;
    if (value.isBool()) {
        auto *box = new QCheckBox;
        box->setChecked(value.toBool());
        connect(box, &QCheckBox::toggled, this, &ConfigDialog::revalidate);
        editor = box;
    } else if (path == u"oracle.source" || path == u"oracle.fallback_source") {
        auto *combo = new QComboBox;
        combo->addItems(OracleSourceName::all());
        combo->setCurrentText(value.toString());
        connect(combo, &QComboBox::currentTextChanged, this, &ConfigDialog::revalidate);
        editor = combo;
    } else {
        auto *line = new QLineEdit;
        line->setText(value.isDouble() ? QString::number(value.toDouble(), 'g', 17) : value.toString());
        connect(line, &QLineEdit::textChanged, this, &ConfigDialog::revalidate);
        editor = line;
    }
    editor->setObjectName(path);
    auto *message = new QLabel;
    message->setStyleSheet(QStringLiteral("color: #c62828;"));
    message->setWordWrap(true);
    message->hide();
    auto *cell = new QWidget;
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(editor);
    cellLayout->addWidget(message);
    form->addRow(label(path), cell);
    m_editors.insert(path, editor);
    m_types.insert(path, value.type());
    m_messages.insert(path, message);
}

QString ConfigDialog::message(const QString &path) const
{
    const QLabel *label = m_messages.value(path);
    return label && !label->isHidden() ? label->text() : QString();
}

QJsonObject ConfigDialog::currentJson() const
{
    QJsonObject root;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        QJsonValue value;
        if (auto *box = qobject_cast<QCheckBox *>(it.value())) {
            value = box->isChecked();
        } else if (auto *combo = qobject_cast<QComboBox *>(it.value())) {
            value = combo->currentText();
        } else if (auto *line = qobject_cast<QLineEdit *>(it.value())) {
            const QString text = line->text().trimmed();
            bool ok = false;
            const double number = text.toDouble(&ok);
            // A number field keeps its text when it is not a number, so the rules say why.
            value = m_types.value(it.key()) == QJsonValue::Double && ok ? QJsonValue(number)
                                                                          : QJsonValue(text);
        }
        insertPath(root, it.key(), value);
    }
    return root;
}

void ConfigDialog::revalidate()
{
    for (QLabel *label : std::as_const(m_messages))
        label->hide();
    ConfigError error;
    const std::optional<HeartbeatConfig> parsed = configFromJson(currentJson(), &error);
    m_valid = parsed.has_value();
    std::optional<ConfigError> channelsProblem;
    if (parsed) {
        // The channels come from their own tab, checked by the same rules as the file.
        m_config = *parsed;
        m_config.notifications = m_notifications->value();
        // The schedules come from their own tab too; a default one is no entry (as in the file).
        const QMap<QString, TaskSchedule> schedules = m_schedules->value();
        m_config.schedules.clear();
        for (auto it = schedules.cbegin(); it != schedules.cend(); ++it) {
            if (!it.value().isDefault())
                m_config.schedules.insert(it.key(), it.value());
        }
        // A schedule's problem is on its tab already; the rest of the file is still checked.
        HeartbeatConfig checked = m_config;
        if (m_schedules->problem())
            checked.schedules.clear();
        if (const std::optional<ConfigError> problem = validateConfig(checked)) {
            m_valid = false;
            if (problem->field.startsWith(u"notifications"))
                channelsProblem = problem;
            else if (QLabel *label = m_messages.value(problem->field)) {
                label->setText(problem->reason);
                label->show();
            }
        }
        // The Schedules tab shows its own problems beside their fields (the same rules).
        m_valid = m_valid && m_notifications->formError().isEmpty() && !m_schedules->problem();
    } else if (QLabel *label = m_messages.value(error.field)) {
        label->setText(error.reason);
        label->show();
    }
    m_notifications->showError(channelsProblem ? &*channelsProblem : nullptr);
    if (QPushButton *save = m_buttons->button(QDialogButtonBox::Save))
        save->setEnabled(m_valid);
}

} // namespace hb
