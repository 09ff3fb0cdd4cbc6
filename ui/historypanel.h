#pragma once

#include "core/records.h"

#include <QWidget>

class QComboBox;
class QPlainTextEdit;
class QTableView;

namespace hb {

class HistoryFilter;
class HistoryModel;

// Recent task runs, filterable by task and outcome; selecting one shows its error in full.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    void addRecords(const QVector<ExecutionRecord> &records);
    void setTasks(const QStringList &tasks);
    HistoryModel *model() const { return m_model; }
    HistoryFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QString detailText() const;

private:
    void showSelected();

    HistoryModel *m_model;
    HistoryFilter *m_filter;
    QComboBox *m_task;
    QComboBox *m_outcome;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
    QStringList m_tasks;
};

} // namespace hb
