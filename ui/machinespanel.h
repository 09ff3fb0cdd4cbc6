#pragma once

#include "machines/machineregistry.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace hb {

class MachineListModel;
class MachineMonitor;
class TableView;

// The machines that push heartbeats: state, last seen, down since, offline_after and a strip of
// recent heartbeats (MachineListModel). Admins add (the push token shown once), pause, resume
// and remove machines; the changes go to DATA/machines.json through a MachineRegistry on the GUI
// thread, exactly as `heartbeatd machine …` makes them, and the monitor takes them up within a
// second. Without a monitor (no engine judging machines here) the panel lists machines.json
// itself, each as new or paused.
class MachinesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MachinesPanel(const QString &dataDir, QWidget *parent = nullptr);
    ~MachinesPanel() override;

    // Not owned; may be null. Its machinesChanged() refreshes the list.
    void setMonitor(MachineMonitor *monitor);
    // Changes are admin's: a viewer's buttons are disabled, and locking closes what is open.
    void setAdmin(bool admin);
    bool isAdmin() const { return m_admin; }
    // Moves "last seen" and the strips (called every second by the window).
    void setNow(qint64 nowMs);
    // Where machines push to ("http://127.0.0.1:8089"), for the curl line of a new machine.
    void setPushBaseUrl(const QString &url) { m_pushBaseUrl = url; }
    QString pushBaseUrl() const { return m_pushBaseUrl; }

    // Reads the monitor (or machines.json) now.
    void refresh();

    MachineListModel *model() const { return m_model; }
    TableView *view() const { return m_view; }
    QString loadError() const { return m_loadError; }

Q_SIGNALS:
    // A change this panel made to machines.json, for the audit log: action is machine_add,
    // machine_pause, machine_resume or machine_remove.
    void machineChanged(const QString &action, const QString &machine, const QJsonObject &detail);

private:
    void requestAdd();
    void requestPauseToggle();
    void requestRemove();
    QString selectedName() const;
    void updateButtons();
    void reportFailure(const QString &title, const QString &error);

    MachineRegistry m_registry;
    QPointer<MachineMonitor> m_monitor;
    bool m_admin = false;
    QString m_pushBaseUrl = QStringLiteral("http://127.0.0.1:8089");
    QString m_loadError;
    MachineListModel *m_model;
    TableView *m_view;
    QLabel *m_errorLabel;
    QPushButton *m_add;
    QPushButton *m_pause;
    QPushButton *m_remove;
    QTimer m_reloadTimer;
};

} // namespace hb
