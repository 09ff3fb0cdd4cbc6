#include "ruleseditor.h"

#include "core/notificationsconfig.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hb {

namespace {
enum Column { RootColumn, HoldsColumn };
} // namespace

RulesEditor::RulesEditor(const QVector<DependencyRule> &rules, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QPushButton(tr("Add r&ule"), this))
    , m_remove(new QPushButton(tr("Remove ru&le"), this))
    , m_defaults(new QPushButton(tr("De&faults"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("rulesEditor"));
    m_table->setObjectName(QStringLiteral("dependencyRules"));
    m_table->setHorizontalHeaderLabels({tr("Root cause"), tr("Holds the alerts of")});
    m_table->horizontalHeaderItem(RootColumn)
        ->setToolTip(tr("“oracle_down”, or “machine:NAME” for a machine that is down"));
    m_table->horizontalHeaderItem(HoldsColumn)
        ->setToolTip(tr("Task names separated by commas: %1")
                         .arg(TaskName::all().join(QStringLiteral(", "))));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(RootColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(HoldsColumn, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Room for three rules without scrolling; the channels above get the rest.
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    m_table->setFixedHeight(rowHeight * 3 + m_table->horizontalHeader()->sizeHint().height()
                            + 2 * m_table->frameWidth());
    m_add->setObjectName(QStringLiteral("addRuleButton"));
    m_remove->setObjectName(QStringLiteral("removeRuleButton"));
    m_defaults->setObjectName(QStringLiteral("defaultRulesButton"));
    m_defaults->setToolTip(tr("The built-in rule: oracle down holds price_update and "
                              "auto_liquidation"));
    m_error->setObjectName(QStringLiteral("rulesError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *intro = new QLabel(tr("While a root cause lasts, the alerts of the tasks it holds are "
                                "shown under it and not sent on their own."),
                             this);
    intro->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_defaults);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(m_table);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &RulesEditor::addRule);
    connect(m_remove, &QPushButton::clicked, this, &RulesEditor::removeRule);
    connect(m_defaults, &QPushButton::clicked, this, [this] {
        setRules(NotificationsConfig::defaultRules());
        Q_EMIT changed();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            Q_EMIT changed();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RulesEditor::updateButtons);
    setRules(rules);
}

void RulesEditor::setRules(const QVector<DependencyRule> &rules)
{
    m_loading = true;
    m_table->setRowCount(int(rules.size()));
    for (int r = 0; r < rules.size(); ++r) {
        m_table->setItem(r, RootColumn, new QTableWidgetItem(rules.at(r).root));
        m_table->setItem(r, HoldsColumn,
                         new QTableWidgetItem(rules.at(r).holds.join(QStringLiteral(", "))));
    }
    m_loading = false;
    updateButtons();
}

QVector<DependencyRule> RulesEditor::rules() const
{
    QVector<DependencyRule> rules;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        DependencyRule rule;
        const QTableWidgetItem *root = m_table->item(r, RootColumn);
        const QTableWidgetItem *holds = m_table->item(r, HoldsColumn);
        rule.root = root ? root->text().trimmed() : QString();
        const QString list = holds ? holds->text() : QString();
        for (const QString &task : list.split(u',', Qt::SkipEmptyParts)) {
            if (!task.trimmed().isEmpty())
                rule.holds << task.trimmed();
        }
        rules.append(rule);
    }
    return rules;
}

void RulesEditor::addRule()
{
    const int row = m_table->rowCount();
    m_loading = true;
    m_table->insertRow(row);
    m_table->setItem(row, RootColumn, new QTableWidgetItem(DependencyRule::MachinePrefix));
    m_table->setItem(row, HoldsColumn, new QTableWidgetItem);
    m_loading = false;
    m_table->setCurrentCell(row, RootColumn);
    if (m_editable)
        m_table->editItem(m_table->item(row, RootColumn));
    Q_EMIT changed();
}

void RulesEditor::removeRule()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_editable)
        return;
    m_table->removeRow(row);
    updateButtons();
    Q_EMIT changed();
}

void RulesEditor::updateButtons()
{
    m_add->setEnabled(m_editable);
    m_defaults->setEnabled(m_editable);
    m_remove->setEnabled(m_editable && !m_table->selectedItems().isEmpty());
    m_table->setEditTriggers(m_editable ? QAbstractItemView::DoubleClicked |
                                              QAbstractItemView::EditKeyPressed |
                                              QAbstractItemView::AnyKeyPressed
                                        : QAbstractItemView::NoEditTriggers);
}

void RulesEditor::setEditable(bool editable)
{
    m_editable = editable;
    updateButtons();
}

void RulesEditor::showError(const ConfigError *error)
{
    if (!error) {
        m_error->hide();
        return;
    }
    static const QRegularExpression path(QStringLiteral(R"(^notifications\.rules\[(\d+)\])"));
    const QRegularExpressionMatch match = path.match(error->field);
    m_error->setText(
        match.hasMatch()
            ? tr("Rule %1: %2").arg(match.captured(1).toInt() + 1).arg(error->toString())
            : error->toString());
    m_error->show();
}

QString RulesEditor::shownError() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace hb
