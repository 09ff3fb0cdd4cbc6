#include "auditpanel.h"

#include "auditlogmodel.h"
#include "background.h"
#include "tableview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace hb {

AuditPanel::AuditPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new AuditLogModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_loadOlder(new QPushButton(tr("Load older entries"), this))
    , m_status(new QLabel(this))
    , m_view(nullptr)
{
    m_filter->setSourceModel(m_model);
    m_filter->setFilterKeyColumn(-1); // any column
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = makeTableView(m_filter, AuditLogModel::DetailColumn, this);
    m_view->setObjectName(QStringLiteral("auditTable"));
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setPlaceholderText(tr("Filter by actor, action or detail…"));
    m_search->setClearButtonEnabled(true);
    m_loadOlder->setObjectName(QStringLiteral("auditLoadOlder"));
    m_loadOlder->setToolTip(tr("Read the %n entries before the oldest one shown from metrics.db",
                               nullptr, PageSize));
    connect(m_search, &QLineEdit::textChanged, m_filter,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_search, &QLineEdit::textChanged, this, &AuditPanel::updateStatus);
    connect(m_loadOlder, &QPushButton::clicked, this, &AuditPanel::loadOlder);
    // The model started over from the live tail: everything older can be read again, and a
    // page on its way belongs below rows no longer shown.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        ++m_generation;
        m_exhausted = false;
        m_loading = false;
        m_lastMessage.clear();
        updateStatus();
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_loadOlder);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    updateStatus();
}

void AuditPanel::setHistory(const HistoryStore &history)
{
    m_history = history;
    m_exhausted = false;
    updateStatus();
}

void AuditPanel::setEntries(const QVector<AuditEntry> &tail, qsizetype tailCapacity)
{
    const int before = m_model->rowCount();
    m_model->setEntries(tail, tailCapacity);
    if (m_model->rowCount() != before)
        updateStatus();
}

void AuditPanel::loadOlder()
{
    if (m_loading || m_history.metricsPath().isEmpty())
        return;
    m_loading = true;
    m_lastMessage.clear();
    updateStatus();
    const bool empty = m_model->rowCount() == 0;
    const qint64 oldestMs = m_model->oldestMs();
    attemptInBackground(
        this,
        [history = m_history, empty, oldestMs] {
            return history.auditBefore(empty ? std::nullopt : std::optional<qint64>(oldestMs),
                                       PageSize);
        },
        [this, generation = m_generation](const Attempt<HistoryStore::AuditPage> &page) {
            if (generation == m_generation)
                onOlderLoaded(page);
        });
}

void AuditPanel::onOlderLoaded(const Attempt<HistoryStore::AuditPage> &page)
{
    m_loading = false;
    if (!page.ok()) {
        m_lastMessage = tr("Could not read older entries: %1").arg(page.error);
        updateStatus();
        Q_EMIT olderLoaded(-1);
        return;
    }
    const int added = m_model->appendOlder(page.value.entries);
    m_exhausted = page.value.reachesStart;
    m_lastMessage = m_exhausted ? tr("That is the whole audit log.")
                                : tr("%n older entries loaded.", nullptr, added);
    updateStatus();
    Q_EMIT olderLoaded(added);
}

QString AuditPanel::statusText() const
{
    return m_status->text();
}

void AuditPanel::updateStatus()
{
    m_view->setEmptyText(m_search->text().isEmpty()
                             ? tr("No audit entries yet.")
                             : tr("No entry matches “%1”.").arg(m_search->text()));
    m_loadOlder->setEnabled(!m_loading && !m_exhausted && !m_history.metricsPath().isEmpty());
    QString text = m_search->text().isEmpty()
                       ? tr("%n entries shown", nullptr, m_model->rowCount())
                       : tr("%1 of %n entries match", nullptr, m_model->rowCount())
                             .arg(m_filter->rowCount());
    if (m_loading)
        text += QStringLiteral(" · ") + tr("loading older entries…");
    else if (!m_lastMessage.isEmpty())
        text += QStringLiteral(" · ") + m_lastMessage;
    m_status->setText(text);
}

} // namespace hb
