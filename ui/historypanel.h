#pragma once

#include "historystore.h"

#include "core/records.h"

#include "tableview.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTableView;

namespace hb {

class HistoryFilter;
class HistoryModel;
class TickHistoryModel;

// Recent ticks and task runs, in two tabs. Runs filter by task and outcome; selecting a run
// shows its error in full, selecting a tick lists what its tasks did.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    void addRecords(const QVector<ExecutionRecord> &records);
    void addTicks(const QVector<TickRecord> &ticks);
    // Reads what happened before this window opened from the stored history, on a worker thread
    // (the GUI never waits on the disk); earlierLoaded() says when it is in.
    void loadEarlier(const HistoryStore &history);
    void setTasks(const QStringList &tasks);
    // Drill-down: the runs of [fromMs, toMs) (of `task`, all when empty) read from `history`
    // replace the recent runs until "Show recent runs"; selecting one of them also lists the
    // audit entries around it. rangeShown() says when they are in.
    static constexpr int MaxRangeRuns = 20'000;
    void showRange(const HistoryStore &history, qint64 fromMs, qint64 toMs, const QString &task);
    void showRecent();
    bool showsRange() const { return m_rangeModel != nullptr; }
    HistoryModel *shownModel() const;
    HistoryModel *model() const { return m_model; }
    HistoryFilter *filter() const { return m_filter; }
    TableView *view() const { return m_view; }
    TickHistoryModel *tickModel() const { return m_tickModel; }
    TableView *tickView() const { return m_tickView; }
    QTabWidget *tabs() const { return m_tabs; }
    QString detailText() const;

Q_SIGNALS:
    void earlierLoaded(int ticks, int runs); // -1, -1: the read failed (see the placeholder)
    void rangeShown(int runs);               // -1: the read failed (see the detail)

private:
    void updateEmptyText();
    void showSelected();
    void showSelectedTick();

    HistoryModel *m_model;
    HistoryFilter *m_filter;
    QComboBox *m_task;
    QComboBox *m_outcome;
    TableView *m_view;
    TickHistoryModel *m_tickModel;
    TableView *m_tickView;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_detail;
    QStringList m_tasks;
    HistoryStore m_history;              // where drill-down reads (set by loadEarlier / showRange)
    HistoryModel *m_rangeModel = nullptr; // the runs of a drilled-down range
    QLabel *m_rangeLabel;
    QWidget *m_rangeBar;
    quint64 m_rangeGeneration = 0;
};

} // namespace hb
