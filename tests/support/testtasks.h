#pragma once

// Tasks that misbehave on purpose, for the engine's isolation tests. Header-only so the test
// support library does not depend on hb_engine.

#include "task.h"

#include <QMutex>
#include <QThread>

#include <atomic>
#include <stdexcept>

namespace hb::test {

// Succeeds or fails as the test says, reporting the alerts it is told to; counts its runs.
class ScriptedTask : public MaintenanceTask
{
public:
    explicit ScriptedTask(QString name, bool fail = false) : m_name(std::move(name)), m_fail(fail) {}
    QString name() const override { return m_name; }
    TaskResult run(const TaskContext &) override
    {
        ++runs;
        if (m_fail.load())
            return TaskResult::failure(QStringLiteral("scripted failure"));
        TaskResult result = TaskResult::success(7);
        QMutexLocker lock(&m_mutex);
        result.alerts = m_alerts;
        return result;
    }
    void setFailing(bool fail) { m_fail = fail; }
    // What the next successful runs report active (source: this task).
    void setAlerts(QVector<Alert> alerts)
    {
        QMutexLocker lock(&m_mutex);
        m_alerts = std::move(alerts);
    }
    std::atomic_int runs{0};

private:
    QString m_name;
    std::atomic_bool m_fail;
    QMutex m_mutex;
    QVector<Alert> m_alerts;
};

// Makes one (pretend) ledger change per run and reports it for the audit log.
class AuditingTask : public MaintenanceTask
{
public:
    QString name() const override { return TaskName::PoolMaintenance; }
    TaskResult run(const TaskContext &ctx) override
    {
        TaskResult r = TaskResult::success(1);
        r.audit.append({0, {}, QStringLiteral("pool_corrected"),
                        QStringLiteral("{\"pool\":\"p1\",\"tick\":%1}").arg(ctx.tickId)});
        r.auditLogCap = auditLogCap;
        return r;
    }
    std::optional<qint64> auditLogCap;
};

class ThrowingTask : public MaintenanceTask
{
public:
    QString name() const override { return QStringLiteral("throws"); }
    TaskResult run(const TaskContext &) override { throw std::runtime_error("kaboom"); }
};

// Blocks until cancelled (a cooperative task that never finishes on its own).
class HangingTask : public MaintenanceTask
{
public:
    QString name() const override { return QStringLiteral("hangs"); }
    TaskResult run(const TaskContext &ctx) override
    {
        started = true;
        while (!ctx.isCancelled())
            QThread::msleep(5);
        return TaskResult::failure(QStringLiteral("cancelled"));
    }
    std::atomic_bool started{false};
};

// Ignores cancellation for `ms` milliseconds, then returns success.
class StubbornTask : public MaintenanceTask
{
public:
    explicit StubbornTask(int ms) : m_ms(ms) {}
    QString name() const override { return QStringLiteral("stubborn"); }
    TaskResult run(const TaskContext &) override
    {
        started = true;
        QThread::msleep(m_ms);
        finished = true;
        return TaskResult::success(1);
    }
    std::atomic_bool started{false};
    std::atomic_bool finished{false};

private:
    int m_ms;
};

// Takes `ms` milliseconds, then succeeds (or notices cancellation and stops early).
class SlowTask : public MaintenanceTask
{
public:
    explicit SlowTask(int ms) : m_ms(ms) {}
    QString name() const override { return QStringLiteral("slow"); }
    TaskResult run(const TaskContext &ctx) override
    {
        for (int waited = 0; waited < m_ms; waited += 5) {
            if (ctx.isCancelled())
                return TaskResult::failure(QStringLiteral("cancelled"));
            QThread::msleep(5);
        }
        return TaskResult::success(3);
    }

private:
    int m_ms;
};

} // namespace hb::test
