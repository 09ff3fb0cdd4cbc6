#include "breakerpanel.h"

#include "breakertablemodel.h"
#include "tableview.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hb {

BreakerPanel::BreakerPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new BreakerTableModel(this))
    , m_view(makeTableView(m_model, BreakerTableModel::TaskColumn, this))
    , m_reset(new QPushButton(tr("&Reset"), this))
    , m_forceOpen(new QPushButton(tr("&Force open"), this))
    , m_resetAll(new QPushButton(tr("Reset &all"), this))
{
    m_view->setObjectName(QStringLiteral("breakerTable"));
    m_reset->setToolTip(tr("Close the selected breaker and clear its failure count (admin)"));
    m_forceOpen->setToolTip(tr("Stop running the selected task until its breaker times out "
                               "or is reset (admin)"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reset);
    buttons->addWidget(m_forceOpen);
    buttons->addStretch(1);
    buttons->addWidget(m_resetAll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_reset, &QPushButton::clicked, this,
            [this] { Q_EMIT resetRequested(selectedTask()); });
    connect(m_forceOpen, &QPushButton::clicked, this,
            [this] { Q_EMIT forceOpenRequested(selectedTask()); });
    connect(m_resetAll, &QPushButton::clicked, this, [this] { Q_EMIT resetRequested({}); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BreakerPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BreakerPanel::updateButtons);
    updateButtons();
}

void BreakerPanel::setSnapshot(const EngineSnapshot &snapshot)
{
    m_model->setSnapshot(snapshot);
    updateButtons();
}

void BreakerPanel::setNow(qint64 nowMs)
{
    m_model->setNow(nowMs);
}

QString BreakerPanel::selectedTask() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->taskAt(rows.constFirst().row());
}

void BreakerPanel::selectTask(const QString &task)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->taskAt(row) == task) {
            m_view->selectRow(row);
            return;
        }
    }
}

void BreakerPanel::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const bool selected = !rows.isEmpty();
    const BreakerState state = selected ? m_model->stateAt(rows.constFirst().row())
                                        : BreakerState::Closed;
    m_reset->setEnabled(selected && state != BreakerState::Closed);
    m_forceOpen->setEnabled(selected && state != BreakerState::Open);
    m_resetAll->setEnabled(m_model->rowCount() > 0);
}

void BreakerPanel::setCommandsShown(bool shown)
{
    for (QPushButton *button : {m_reset, m_forceOpen, m_resetAll})
        button->setVisible(shown);
}

} // namespace hb
