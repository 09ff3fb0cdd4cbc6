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
#include <QPushButton>
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
    , m_rangeLabel(new QLabel(this))
    , m_rangeBar(new QWidget(this))
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
    auto *recent = new QPushButton(tr("Show recent runs"), m_rangeBar);
    recent->setObjectName(QStringLiteral("showRecentRuns"));
    connect(recent, &QPushButton::clicked, this, &HistoryPanel::showRecent);
    m_rangeLabel->setObjectName(QStringLiteral("historyRangeLabel"));
    auto *rangeLayout = new QHBoxLayout(m_rangeBar);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->addWidget(m_rangeLabel, 1);
    rangeLayout->addWidget(recent);
    m_rangeBar->hide();
    auto *runs = new QWidget(this);
    auto *runsLayout = new QVBoxLayout(runs);
    runsLayout->setContentsMargins(0, 4, 0, 0);
    runsLayout->addWidget(m_rangeBar);
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
    m_history = history;
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
    const ExecutionRecord r = shownModel()->recordAt(source);
    QString text = tr("%1 · tick %2 · %3 · %4")
                       .arg(format::taskTitle(r.task))
                       .arg(r.tickId)
                       .arg(format::outcome(int(r.outcome)), format::duration(r.durationMs));
    if (!r.error.isEmpty())
        text += u'\n' + r.error;
    m_detail->setPlainText(text);
    if (!showsRange())
        return;
    // Drilled down: what admins did around it, read from the file.
    constexpr qint64 kAroundMs = 5 * 60'000;
    attemptInBackground(
        this, [history = m_history, at = r.startedAtMs] { return history.auditAround(at, kAroundMs); },
        [this, text, generation = m_rangeGeneration](const Attempt<QVector<AuditEntry>> &audit) {
            if (generation != m_rangeGeneration || m_detail->toPlainText() != text)
                return; // another run was selected meanwhile
            QStringList lines{text};
            if (!audit.ok())
                lines << tr("Audit entries around it: %1").arg(audit.error);
            else if (audit.value.isEmpty())
                lines << tr("No audit entry within 5 minutes of it.");
            else
                lines << tr("Audit entries within 5 minutes:");
            for (const AuditEntry &e : audit.value)
                lines << QStringLiteral("  %1 · %2 · %3 %4")
                             .arg(format::localTime(e.tsMs), e.actor, e.action, e.detail);
            m_detail->setPlainText(lines.join(u'\n'));
        });
}

HistoryModel *HistoryPanel::shownModel() const
{
    return m_rangeModel ? m_rangeModel : m_model;
}

void HistoryPanel::showRange(const HistoryStore &history, qint64 fromMs, qint64 toMs,
                             const QString &task)
{
    m_history = history;
    const quint64 generation = ++m_rangeGeneration;
    m_rangeLabel->setText(tr("Reading the runs of %1 – %2…")
                              .arg(format::localTime(fromMs), format::localTime(toMs)));
    m_rangeBar->show();
    m_tabs->setCurrentIndex(0);
    attemptInBackground(
        this, [history, fromMs, toMs, task] { return history.runsIn(fromMs, toMs, task, MaxRangeRuns); },
        [this, generation, fromMs, toMs, task](const Attempt<QVector<ExecutionRecord>> &runs) {
            if (generation != m_rangeGeneration)
                return; // a newer bucket was clicked, or the recent runs are back
            if (!runs.ok()) {
                m_rangeLabel->setText(tr("Could not read the runs: %1").arg(runs.error));
                Q_EMIT rangeShown(-1);
                return;
            }
            auto *model = new HistoryModel(MaxRangeRuns, this);
            model->addRecords(runs.value);
            m_filter->setSourceModel(model);
            delete m_rangeModel;
            m_rangeModel = model;
            const int at = m_task->findData(task);
            m_task->setCurrentIndex(std::max(0, at));
            m_rangeLabel->setText(
                tr("%n runs of %1 – %2", nullptr, int(runs.value.size()))
                    .arg(format::localTime(fromMs), format::localTime(toMs))
                + (task.isEmpty() ? QString() : QStringLiteral(" · ") + format::taskTitle(task)));
            m_detail->clear();
            Q_EMIT rangeShown(int(runs.value.size()));
        });
}

void HistoryPanel::showRecent()
{
    ++m_rangeGeneration;
    m_rangeBar->hide();
    if (!m_rangeModel)
        return;
    m_filter->setSourceModel(m_model);
    delete m_rangeModel;
    m_rangeModel = nullptr;
    m_detail->clear();
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
