#pragma once

#include "snapshot.h"

#include <QWidget>

class QPushButton;
class QTableView;

namespace hb {

class BreakerTableModel;

// The circuit breakers: state, failures, last failure and a live countdown to the next trial,
// with reset and force-open (the engine refuses them unless the session is admin).
class BreakerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BreakerPanel(QWidget *parent = nullptr);

    void setSnapshot(const EngineSnapshot &snapshot);
    void setNow(qint64 nowMs);
    BreakerTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void selectTask(const QString &task);
    // Off for a recording: the table only, no reset or force-open buttons.
    void setCommandsShown(bool shown);

Q_SIGNALS:
    void resetRequested(const QString &task);     // empty: all
    void forceOpenRequested(const QString &task);

private:
    QString selectedTask() const;
    void updateButtons();

    BreakerTableModel *m_model;
    QTableView *m_view;
    QPushButton *m_reset;
    QPushButton *m_forceOpen;
    QPushButton *m_resetAll;
};

} // namespace hb
