#pragma once

#include "historystore.h"

#include "background.h"
#include "core/records.h"
#include "tableview.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;

namespace hb {

class AuditLogModel;

// The audit log viewer: the engine's live tail on top, older entries read from metrics.db on
// request (on a worker thread: the GUI never waits on the disk), and a text filter over all.
class AuditPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PageSize = 500;

    explicit AuditPanel(QWidget *parent = nullptr);

    // Where older entries are read from (none: only the live tail).
    void setHistory(const HistoryStore &history);
    // The engine's live tail and how many entries it keeps (AuditLogModel::setEntries).
    void setEntries(const QVector<AuditEntry> &tail, qsizetype tailCapacity = -1);
    // Reads the PageSize entries before the oldest shown millisecond, and every entry of that
    // millisecond (a burst can put more than a page in one; those shown are not repeated).
    void loadOlder();

    AuditLogModel *model() const { return m_model; }
    QSortFilterProxyModel *filter() const { return m_filter; }
    TableView *view() const { return m_view; }
    QPushButton *loadOlderButton() const { return m_loadOlder; }
    QString statusText() const;
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void olderLoaded(int added); // -1: the read failed (statusText() says why)

private:
    void onOlderLoaded(const Attempt<HistoryStore::AuditPage> &page);
    void updateStatus();

    AuditLogModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QPushButton *m_loadOlder;
    QLabel *m_status;
    TableView *m_view;
    HistoryStore m_history;
    QString m_lastMessage;
    bool m_loading = false;
    bool m_exhausted = false;
    quint64 m_generation = 0; // bumped when the model starts over: pages of before are dropped
};

} // namespace hb
