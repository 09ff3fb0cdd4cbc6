#include "historypanel.h"

#include "format.h"
#include "background.h"
#include "historymodel.h"
#include "tableview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
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
    , m_tickModel(new TickHistoryModel(TickHistoryModel::DefaultCapacity, this))
    , m_tickView(nullptr)
    , m_tabs(new QTabWidget(this))
    , m_detail(new QPlainTextEdit(this))
{
    m_filter->setSourceModel(m_model);
    m_view = makeTableView(m_filter, HistoryModel::ErrorColumn, this);
    m_view->setObjectName(QStringLiteral("historyTable"));
    m_tickView = makeTableView(m_tickModel, TickHistoryModel::NoteColumn, this);
    m_tickView->setObjectName(QStringLiteral("tickHistoryTable"));
    m_tickView->setEmptyText(tr("No ticks yet."));
    updateEmptyText();
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a tick or a run to see what happened."));
    m_detail->setMaximumHeight(80);

    m_task->addItem(tr("All tasks"), QString());
    m_outcome->addItem(tr("All outcomes"), -1);
    for (int o = int(Outcome::Success); o <= int(Outcome::Cancelled); ++o)
        m_outcome->addItem(format::outcome(o), o);
    connect(m_task, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setTask(m_task->currentData().toString());
        updateEmptyText();
    });
    connect(m_outcome, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setOutcome(m_outcome->currentData().toInt());
        updateEmptyText();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::showSelected);
    connect(m_tickView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::showSelectedTick);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Task:"), this));
    filters->addWidget(m_task);
    filters->addWidget(new QLabel(tr("Outcome:"), this));
    filters->addWidget(m_outcome);
    filters->addStretch(1);
    auto *runs = new QWidget(this);
    auto *runsLayout = new QVBoxLayout(runs);
    runsLayout->setContentsMargins(0, 4, 0, 0);
    runsLayout->addLayout(filters);
    runsLayout->addWidget(m_view, 1);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(runs, tr("Runs"));
    m_tabs->addTab(m_tickView, tr("Ticks"));
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int tab) { tab == 0 ? showSelected() : showSelectedTick(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_detail);
}

void HistoryPanel::updateEmptyText()
{
    const bool filtered = m_task->currentIndex() > 0 || m_outcome->currentIndex() > 0;
    m_view->setEmptyText(filtered ? tr("No run matches the filter.") : tr("No task runs yet."));
}

void HistoryPanel::addTicks(const QVector<TickRecord> &ticks)
{
    m_tickModel->addTicks(ticks);
}

void HistoryPanel::loadEarlier(const HistoryStore &history)
{
    if (!history.exists())
        return; // a new data directory: nothing happened before
    attemptInBackground(
        this,
        [history] {
            return history.earlierRuns(TickHistoryModel::DefaultCapacity,
                                       HistoryModel::DefaultCapacity);
        },
        [this](const Attempt<HistoryStore::Earlier> &earlier) {
            if (!earlier.ok()) {
                m_detail->setPlaceholderText(
                    tr("Could not read the earlier history: %1").arg(earlier.error));
                Q_EMIT earlierLoaded(-1, -1);
                return;
            }
            const int ticks = m_tickModel->appendOlder(earlier.value.ticks);
            const int runs = m_model->appendOlder(earlier.value.runs);
            Q_EMIT earlierLoaded(ticks, runs);
        });
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

void HistoryPanel::showSelectedTick()
{
    const QModelIndexList rows = m_tickView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_detail->clear();
        return;
    }
    const TickRecord &t = m_tickModel->recordAt(rows.constFirst().row());
    QStringList lines;
    lines << tr("Tick %1 · %2 · %3 · %4 ran, %5 succeeded, %6 failed")
                 .arg(t.id)
                 .arg(format::localTime(t.startedAtMs), format::duration(t.durationMs))
                 .arg(t.ran)
                 .arg(t.succeeded)
                 .arg(t.failed);
    if (t.skippedReason != TickSkipReason::None)
        lines << tr("No task ran: %1").arg(TickHistoryModel::skipReason(t));
    for (const ExecutionRecord &r : m_model->runsOfTick(t.id)) {
        QString line = tr("%1: %2, %3").arg(format::taskTitle(r.task), format::outcome(int(r.outcome)),
                                            format::duration(r.durationMs));
        if (!r.error.isEmpty())
            line += QStringLiteral(" — ") + r.error;
        lines << line;
    }
    m_detail->setPlainText(lines.join(u'\n'));
}

} // namespace hb
