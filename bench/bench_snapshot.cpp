// Engine -> GUI-thread delivery of execution records through the real path (RecordFeed).
// A producer thread posts 100 000 records a second for 5 s in tick-sized batches; the main
// thread plays the GUI. Figures:
//   snapshot_delivery_cost_per_record_us  CPU time on both threads per record (post + drain +
//                                         signal), against one queued call per record (the
//                                         naive path), measured in the same run
//   snapshot_delivery_latency_p99_ms      from post() to the GUI handler, against 16 ms (target)
//   snapshot_delivery_latency_max_ms
// Usage: bench_snapshot [seconds] [records-per-second]

#include "benchjson.h"
#include "recordfeed.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace hb;
using Clock = std::chrono::steady_clock;

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

struct Result
{
    qint64 records = 0;
    double costPerRecordUs = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

// Runs the producer at `rate` records/s for `seconds`, delivering through `post`, which must
// eventually call `consume` on the main thread with the records.
template<typename Post>
Result run(double seconds, int rate, int batchSize, Post post, std::vector<qint64> &latencies,
           std::atomic<qint64> &consumed)
{
    latencies.clear();
    latencies.reserve(size_t(seconds * rate) + 1024);
    consumed = 0;
    qint64 consumerCpuNs = 0;
    const qint64 total = qint64(seconds * rate);
    std::atomic<qint64> producerCpuNs{0};
    const QString task = QStringLiteral("memory_monitoring");

    QThread *producer = QThread::create([&] {
        const auto start = Clock::now();
        const auto batchPeriod = std::chrono::nanoseconds(qint64(1e9 * batchSize / rate));
        qint64 sent = 0;
        qint64 cpu = 0;
        for (int b = 0; sent < total; ++b) {
            std::this_thread::sleep_until(start + b * batchPeriod);
            QVector<ExecutionRecord> batch;
            batch.reserve(batchSize);
            const qint64 t = nowNs();
            for (int i = 0; i < batchSize && sent < total; ++i, ++sent)
                batch.append({b, task, 0, 0, Outcome::Success, t, {}});
            const qint64 c0 = threadCpuNs();
            post(std::move(batch));
            cpu += threadCpuNs() - c0;
        }
        producerCpuNs = cpu;
    });
    const qint64 guiCpu0 = threadCpuNs();
    producer->start();
    while (consumed.load() < total)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents); // blocks until work arrives
    producer->wait();
    delete producer;
    // All the GUI thread's CPU time in the run: event dispatch, drain, signal and handler.
    consumerCpuNs = threadCpuNs() - guiCpu0;

    std::sort(latencies.begin(), latencies.end());
    Result r;
    r.records = total;
    r.costPerRecordUs = double(producerCpuNs.load() + consumerCpuNs) / 1000.0 / double(total);
    r.p99Ms = double(latencies[size_t(double(latencies.size() - 1) * 0.99)]) / 1e6;
    r.maxMs = double(latencies.back()) / 1e6;
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? QByteArray(argv[1]).toDouble() : 5.0;
    const int rate = argc > 2 ? QByteArray(argv[2]).toInt() : 100'000;
    const int batchSize = 1000; // a busy tick's worth; 100 batches a second

    std::vector<qint64> latencies;
    std::atomic<qint64> consumed{0};

    // The real path.
    RecordFeed feed;
    QObject::connect(&feed, &RecordFeed::recordsArrived, &feed,
                     [&](const RecordBatch &batch) {
                         const qint64 t = nowNs();
                         for (const ExecutionRecord &r : batch.executions)
                             latencies.push_back(t - r.items);
                         consumed += batch.executions.size();
                     });
    const Result real = run(
        seconds, rate, batchSize,
        [&](QVector<ExecutionRecord> &&b) { feed.post({std::move(b), {}, {}}); },
        latencies, consumed);

    // The naive path: one queued call per record (what per-record signals cost).
    QObject sink;
    const Result naive = run(
        std::min(seconds, 2.0), rate, batchSize,
        [&](QVector<ExecutionRecord> &&b) {
            for (const ExecutionRecord &r : std::as_const(b)) {
                QMetaObject::invokeMethod(
                    &sink,
                    [&, r] {
                        latencies.push_back(nowNs() - r.items);
                        ++consumed;
                    },
                    Qt::QueuedConnection);
            }
        },
        latencies, consumed);

    const QJsonObject extra{{QStringLiteral("records"), double(real.records)},
                            {QStringLiteral("records_per_s"), rate}};
    bench::printFigure("snapshot_delivery_cost_per_record_us", real.costPerRecordUs, "us",
                       naive.costPerRecordUs, bench::Target::valueAtMost(0.1), extra);
    bench::printFigure("snapshot_delivery_latency_p99_ms", real.p99Ms, "ms", naive.p99Ms,
                       bench::Target::valueAtMost(16.0));
    bench::printFigure("snapshot_delivery_latency_max_ms", real.maxMs, "ms", naive.maxMs,
                       bench::Target::valueAtMost(16.0));
    return 0;
}
