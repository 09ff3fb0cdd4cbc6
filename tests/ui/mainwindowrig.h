#pragma once

// Shared by the main window's tests (header-only: each tst_*.cpp is its own executable): the
// real main window over a real engine thread, as an admin or a viewer opens it.

#include "adminsession.h"
#include "auditlogmodel.h"
#include "auditpanel.h"
#include "enginehost.h"
#include "healthbanner.h"
#include "historymodel.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "metricspanel.h"
#include "seedprogress.h"
#include "store/metricsstore.h"
#include "tableview.h"
#include "tasktablemodel.h"
#include "testsupport.h"
#include "testtasks.h"
#include "uisettings.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

namespace hb::test {

inline std::unique_ptr<EngineHost> makeHost(std::shared_ptr<ScriptedTask> task,
                                            PersistedState state = {},
                                            QVector<std::shared_ptr<MaintenanceTask>> more = {})
{
    EngineOptions o;
    o.state = std::move(state);
    o.clock = std::make_shared<SystemClock>();
    o.config.taskTimeoutMs = 2'000;
    o.tickIntervalOverrideMs = 100;
    o.tasks = {std::move(task), std::make_shared<SlowTask>(50)};
    for (auto &t : more)
        o.tasks.push_back(std::move(t));
    return std::make_unique<EngineHost>(std::move(o));
}

inline const QString kPassphrase = QStringLiteral("correct horse battery");

struct Window
{
    QTemporaryDir dir;
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
    std::shared_ptr<ScriptedTask> task = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    std::unique_ptr<EngineHost> host;
    std::unique_ptr<AdminSession> session;
    std::unique_ptr<MainWindow> window;

    // Admin: the passphrase is set (first use) and unlocked. Viewer: `setPassphrase` decides
    // whether one exists. `before` prepares the data directory before the window opens;
    // `state` is what the engine loaded from it; `more`: tasks besides price_update's.
    explicit Window(Role role, bool setPassphrase = true,
                    const std::function<void(const QTemporaryDir &)> &before = {},
                    PersistedState state = {}, QVector<std::shared_ptr<MaintenanceTask>> more = {})
        : host(makeHost(task, std::move(state), std::move(more)))
    {
        if (before)
            before(dir);
        session = std::make_unique<AdminSession>(dir.filePath(QStringLiteral("admin.json")),
                                                 QStringLiteral("tester"), clock);
        window = std::make_unique<MainWindow>(*host, *session, std::make_shared<SystemClock>(),
                                              dir.path());
        window->setConfirmationsEnabled(false);
        if (setPassphrase) {
            QSignalSpy set(session.get(), &AdminSession::passphraseSetFinished);
            session->setPassphrase(kPassphrase);
            const bool ok = set.wait(10'000) && set.constFirst().constFirst().toBool();
            Q_ASSERT(ok);
            if (role != Role::Admin)
                session->lock();
        }
        window->show();
        host->start();
    }
    ~Window()
    {
        host->stop();
        window.reset();
    }
    const EngineState &shown() const { return *window->lastSnapshot(); }
};

} // namespace hb::test
