#pragma once

// Shared by the chart panel's tests (header-only: each tst_*.cpp is its own executable): the
// records a live engine would send, and the panel in a window as the main window holds it.

#include "chartpanel.h"
#include "testsupport.h"

#include <QChart>
#include <QLineSeries>
#include <QPointer>
#include <QTest>
#include <QWidget>

#include <cmath>
#include <memory>

namespace hb::test {

// 2023-11-14 22:00:00 UTC.
inline constexpr qint64 kNow = 1'699'999'200'000 + 3'600'000 * 22;
inline constexpr qint64 kMinute = 60'000;

inline const QString kPrice = QStringLiteral("price_update");
inline const QString kLoans = QStringLiteral("loan_monitoring");
inline const QString kMemory = QStringLiteral("memory_monitoring");

// `count` ticks spread evenly over the last `spanMs` before `endMs`, each with three task runs
// (one in seven fails), memory and cycles readings and, if `shards`, shard loads. Tick ids
// start at `firstTick`.
inline RecordBatch liveBatch(int count, qint64 spanMs, bool shards = false, qint64 endMs = kNow,
                             qint64 firstTick = 1)
{
    RecordBatch batch;
    for (int i = 0; i < count; ++i) {
        const qint64 t = endMs - spanMs + (spanMs * i) / count;
        const double phase = double(i) / count;
        const qint64 tick = 120 + qint64(60 * std::sin(phase * 25.0)) + (i % 17 == 0 ? 400 : 0);
        batch.ticks.append({firstTick + i, t, tick, 3, 3, 0, {}});
        const QString tasks[] = {kPrice, kLoans, kMemory};
        for (int k = 0; k < 3; ++k) {
            const Outcome o = (i * 3 + k) % 7 == 0 ? Outcome::Failure : Outcome::Success;
            batch.executions.append(
                {firstTick + i, tasks[k], t + k, 20 + (i * 7 + k * 31) % 90, o, 1, {}});
        }
        batch.samples.append({QStringLiteral("memory.total_bytes"), t,
                              3.2e8 + 4e7 * std::sin(phase * 6.0) + 1e6 * (i % 5)});
        batch.samples.append({QStringLiteral("cycles.balance"), t, 1.6e12 - 5e11 * phase});
        if (shards) {
            for (int s = 1; s <= 4; ++s)
                batch.samples.append(
                    {QStringLiteral("shard.load.%1").arg(s, 4, 10, QLatin1Char('0')), t,
                     0.45 + 0.1 * s + 0.08 * std::sin(phase * 9.0 + s)});
            batch.samples.append({QStringLiteral("shard.count"), t, phase < 0.6 ? 4.0 : 5.0});
        }
    }
    return batch;
}

inline EngineSnapshot snapshotWith(const QVector<AuditEntry> &audit, HeartbeatConfig config = {})
{
    EngineState state;
    state.takenAtMs = kNow;
    state.config = std::move(config);
    state.recentAudit = audit;
    for (const QString &task : {kPrice, kLoans, kMemory}) {
        TaskStatus status;
        status.name = task;
        state.tasks.append(status);
    }
    return EngineSnapshot(std::move(state));
}

inline QLineSeries *line(ChartPanel &panel, ChartPanel::ChartId id, const QString &name)
{
    return panel.chart(id)->findChild<QLineSeries *>(name);
}

inline QList<double> ys(const QXYSeries *series)
{
    QList<double> out;
    for (const QPointF &p : series->points())
        out.append(p.y());
    return out;
}

// The panel inside a plain window, as the main window holds it (a top-level window with a
// layout would ask the offscreen platform for size hints it cannot propagate).
struct Panel
{
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>(kNow);
    std::unique_ptr<QWidget> window = std::make_unique<QWidget>();
    QPointer<ChartPanel> panel = new ChartPanel(window.get());

    explicit Panel(QSize size = QSize(1100, 700))
    {
        panel->setClock(clock);
        resize(size);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("panel not exposed");
        settle();
    }
    void resize(QSize size)
    {
        window->resize(size);
        panel->setGeometry(QRect(QPoint(0, 0), size));
    }
    // Lets layout and the coalesced redraw run, then draws once more at the final width.
    void settle()
    {
        QTest::qWait(2 * ChartPanel::RedrawDelayMs);
        panel->redrawNow();
    }
    ChartPanel *operator->() { return panel.data(); }
};

} // namespace hb::test
