#include "historypanel.h"

#include "format.h"
#include "historymodel.h"
#include "tableview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hb {

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new HistoryModel(HistoryModel::DefaultCapacity, this))
    , m_filter(new HistoryFilter(this))
    , m_task(new QComboBox(this))
    , m_outcome(new QComboBox(this))
    , m_view(nullptr)
    , m_detail(new QPlainTextEdit(this))
{
    m_filter->setSourceModel(m_model);
    m_view = makeTableView(m_filter, HistoryModel::ErrorColumn, this);
    m_view->setObjectName(QStringLiteral("historyTable"));
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a run to see its error in full."));
    m_detail->setMaximumHeight(80);

    m_task->addItem(tr("All tasks"), QString());
    m_outcome->addItem(tr("All outcomes"), -1);
    for (int o = int(Outcome::Success); o <= int(Outcome::Cancelled); ++o)
        m_outcome->addItem(format::outcome(o), o);
    connect(m_task, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTask(m_task->currentData().toString()); });
    connect(m_outcome, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setOutcome(m_outcome->currentData().toInt()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::showSelected);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Task:"), this));
    filters->addWidget(m_task);
    filters->addWidget(new QLabel(tr("Outcome:"), this));
    filters->addWidget(m_outcome);
    filters->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detail);
}

void HistoryPanel::addRecords(const QVector<ExecutionRecord> &records)
{
    m_model->addRecords(records);
}

void HistoryPanel::setTasks(const QStringList &tasks)
{
    if (tasks == m_tasks)
        return;
    m_tasks = tasks;
    const QString current = m_task->currentData().toString();
    m_task->blockSignals(true);
    while (m_task->count() > 1)
        m_task->removeItem(1);
    for (const QString &task : tasks)
        m_task->addItem(format::taskTitle(task), task);
    m_task->setCurrentIndex(std::max(0, m_task->findData(current)));
    m_task->blockSignals(false);
}

QString HistoryPanel::detailText() const
{
    return m_detail->toPlainText();
}

void HistoryPanel::showSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_detail->clear();
        return;
    }
    const int source = m_filter->mapToSource(rows.constFirst()).row();
    const ExecutionRecord &r = m_model->recordAt(source);
    QString text = tr("%1 · tick %2 · %3 · %4")
                       .arg(format::taskTitle(r.task))
                       .arg(r.tickId)
                       .arg(format::outcome(int(r.outcome)), format::duration(r.durationMs));
    if (!r.error.isEmpty())
        text += u'\n' + r.error;
    m_detail->setPlainText(text);
}

} // namespace hb
