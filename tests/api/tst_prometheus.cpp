// GET /metrics: what Prometheus scrapes. The page must be valid text format 0.0.4 (promtool finds
// nothing to say about it), carry the figures the engine published, and keep its counters
// monotonic however the snapshots come.

#include "../engine/enginerig.h"
#include "api/prometheus.h"
#include "testtasks.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kNow = 1'764'000'000'000;

// One scraped page, read back the way Prometheus reads it.
struct Page
{
    QMap<QString, QString> types; // family -> type
    QMap<QString, QString> help;  // family -> help text
    // "name{a="x",b="y"}" with labels sorted and values unescaped -> value
    QMap<QString, double> samples;
    QString error; // the first line that could not be read

    double value(const QString &series) const { return samples.value(series, std::nan("")); }
    bool has(const QString &series) const { return samples.contains(series); }
};

// Reads a label set `{a="x",...}` starting at text[pos] == '{'; returns false on a syntax error.
bool readLabels(const QString &text, qsizetype &pos, QMap<QString, QString> *labels)
{
    ++pos; // '{'
    while (pos < text.size() && text[pos] != u'}') {
        const qsizetype eq = text.indexOf(u'=', pos);
        if (eq < 0 || eq + 1 >= text.size() || text[eq + 1] != u'"')
            return false;
        const QString name = text.mid(pos, eq - pos);
        QString value;
        qsizetype i = eq + 2;
        for (; i < text.size() && text[i] != u'"'; ++i) {
            if (text[i] == u'\\') {
                ++i;
                if (i >= text.size())
                    return false;
                if (text[i] == u'n')
                    value += u'\n';
                else if (text[i] == u'\\' || text[i] == u'"')
                    value += text[i];
                else
                    return false; // no other escapes exist
            } else {
                value += text[i];
            }
        }
        if (i >= text.size())
            return false;
        labels->insert(name, value);
        pos = i + 1;
        if (pos < text.size() && text[pos] == u',')
            ++pos;
    }
    if (pos >= text.size())
        return false;
    ++pos; // '}'
    return true;
}

QString seriesKey(const QString &name, const QMap<QString, QString> &labels)
{
    if (labels.isEmpty())
        return name;
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts.append(it.key() + u"=\"" + it.value() + u'"');
    return name + u'{' + parts.join(u',') + u'}';
}

double readValue(const QString &text, bool *ok)
{
    if (text == u"+Inf")
        return *ok = true, std::numeric_limits<double>::infinity();
    if (text == u"-Inf")
        return *ok = true, -std::numeric_limits<double>::infinity();
    if (text == u"NaN")
        return *ok = true, std::nan("");
    return text.toDouble(ok);
}

Page parse(const QByteArray &bytes)
{
    Page page;
    const QString text = QString::fromUtf8(bytes);
    if (!text.endsWith(u'\n'))
        page.error = u"the page does not end with a line feed"_s;
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.startsWith(u"# HELP ")) {
            const qsizetype space = line.indexOf(u' ', 7);
            page.help.insert(line.mid(7, space - 7), line.mid(space + 1));
            continue;
        }
        if (line.startsWith(u"# TYPE ")) {
            const QStringList parts = line.mid(7).split(u' ');
            page.types.insert(parts.value(0), parts.value(1));
            continue;
        }
        qsizetype pos = 0;
        while (pos < line.size() && line[pos] != u'{' && line[pos] != u' ')
            ++pos;
        const QString name = line.left(pos);
        QMap<QString, QString> labels;
        if (pos < line.size() && line[pos] == u'{' && !readLabels(line, pos, &labels)) {
            page.error = u"bad labels: "_s + line;
            break;
        }
        bool ok = false;
        const double value = readValue(line.mid(pos).trimmed(), &ok);
        if (!ok) {
            page.error = u"bad value: "_s + line;
            break;
        }
        // The family a sample belongs to must have been announced, histogram suffixes aside.
        QString family = name;
        for (const QString &suffix : {u"_bucket"_s, u"_sum"_s, u"_count"_s}) {
            if (!page.types.contains(family) && name.endsWith(suffix))
                family = name.chopped(suffix.size());
        }
        if (!page.types.contains(family) || !page.help.contains(family)) {
            page.error = u"sample before its HELP and TYPE: "_s + line;
            break;
        }
        page.samples.insert(seriesKey(name, labels), value);
    }
    return page;
}

// promtool's lint of the page: its output, empty when it has nothing to say.
QString promtoolFindings(const QByteArray &page, bool *ran)
{
    *ran = false;
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    if (promtool.isEmpty())
        return {};
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(promtool, {u"check"_s, u"metrics"_s});
    if (!p.waitForStarted(10'000))
        return u"promtool did not start: "_s + p.errorString();
    p.write(page);
    p.closeWriteChannel();
    if (!p.waitForFinished(30'000))
        return u"promtool did not finish"_s;
    *ran = true;
    QString out = QString::fromUtf8(p.readAll()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        out += u"\n(exit code %1)"_s.arg(p.exitCode());
    return out;
}

TaskStatus task(const QString &name)
{
    TaskStatus t;
    t.name = name;
    return t;
}

EngineState busyState()
{
    EngineState s;
    s.takenAtMs = kNow;
    s.running = true;
    s.config.maintenanceMode = true;
    s.metrics.tickCount = 42;
    s.metrics.lastTickMs = kNow - 1'500;
    s.tasks = {task(TaskName::PriceUpdate), task(TaskName::ShardBalancing)};
    s.breakers = {{TaskName::PriceUpdate, BreakerState::HalfOpen, 3, kNow - 9'000, kNow - 9'000},
                  {TaskName::ShardBalancing}};
    s.breakerRetryAtMs = {0, 0};
    s.emergencyStop = true;
    s.emergencyReason = u"operator"_s;
    s.activeAlerts = {{kNow, u"a"_s, u"k1"_s, Severity::Critical, u"m"_s},
                      {kNow, u"b"_s, u"k2"_s, Severity::Critical, u"m"_s},
                      {kNow, u"c"_s, u"k3"_s, Severity::Warning, u"m"_s}};
    s.memoryBytes = 734'003'200;
    s.gauges = {{u"cycles.balance"_s, 1.5e12}, {u"memory.total_bytes"_s, 734'003'200},
                {u"shard.count"_s, 3},         {u"shard.load.0000"_s, 10},
                {u"shard.load.0001"_s, 11},    {u"shard.load.0002"_s, 12},
                {u"loans.active"_s, 30},       {u"loans.overdue"_s, 3},
                {u"loans.candidates"_s, 1},    {u"oracle.error_rate"_s, 0.125},
                {u"oracle.latency_ms"_s, 250}};
    return s;
}

ExecutionRecord run(const QString &task, Outcome outcome, qint64 durationMs)
{
    ExecutionRecord r;
    r.tickId = 1;
    r.task = task;
    r.startedAtMs = kNow;
    r.durationMs = durationMs;
    r.outcome = outcome;
    return r;
}

BreakerStatus breaker(BreakerState state, qint64 openedAtMs, qint64 lastFailureMs)
{
    return {TaskName::PriceUpdate, state, 1, lastFailureMs, openedAtMs};
}

EngineSnapshot withBreaker(const BreakerStatus &b, qint64 tickCount = 1)
{
    EngineState s;
    s.tasks = {task(b.task)};
    s.breakers = {b};
    s.breakerRetryAtMs = {0};
    s.metrics.tickCount = tickCount;
    return EngineSnapshot(s);
}

} // namespace

class TestPrometheus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pageCarriesTheSnapshot();
    void durationsAreAHistogramOfRunsThatRan();
    void labelValuesAreEscaped();
    void ticksCounterNeverGoesDown();
    void breakerOpeningsAreCounted();
    void removedShardsAreNotReported();
    void runningEngineFeedsThePage();
    void promtoolFindsNothing();
    void machinesAreUpDownOrUnjudged();
};

void TestPrometheus::pageCarriesTheSnapshot()
{
    MetricsExposition metrics;
    metrics.onSnapshot(EngineSnapshot(busyState()));
    const Page page = parse(metrics.render());
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));

    QCOMPARE(page.value(u"hb_build_info{version=\"%1\"}"_s.arg(QStringLiteral(HB_VERSION))), 1.0);
    QCOMPARE(page.value(u"hb_engine_running"_s), 1.0);
    QCOMPARE(page.types.value(u"hb_ticks_total"_s), u"counter"_s);
    QCOMPARE(page.value(u"hb_ticks_total"_s), 42.0);
    QCOMPARE(page.value(u"hb_last_tick_timestamp_seconds"_s), double(kNow - 1'500) / 1000.0);
    // Every breaker in every state, one of them 1.
    QCOMPARE(page.value(u"hb_breaker_state{state=\"half_open\",task=\"price_update\"}"_s), 1.0);
    QCOMPARE(page.value(u"hb_breaker_state{state=\"open\",task=\"price_update\"}"_s), 0.0);
    QCOMPARE(page.value(u"hb_breaker_state{state=\"closed\",task=\"price_update\"}"_s), 0.0);
    QCOMPARE(page.value(u"hb_breaker_state{state=\"closed\",task=\"shard_balancing\"}"_s), 1.0);
    // Base units: bytes and seconds, ratios 0..1.
    QCOMPARE(page.value(u"hb_cycles"_s), 1.5e12);
    QCOMPARE(page.value(u"hb_memory_bytes"_s), 734'003'200.0);
    QCOMPARE(page.value(u"hb_shards"_s), 3.0);
    QCOMPARE(page.value(u"hb_shard_loans{shard=\"0\"}"_s), 10.0);
    QCOMPARE(page.value(u"hb_shard_loans{shard=\"2\"}"_s), 12.0);
    QCOMPARE(page.value(u"hb_loans{status=\"active\"}"_s), 30.0);
    QCOMPARE(page.value(u"hb_loans{status=\"overdue\"}"_s), 3.0);
    QCOMPARE(page.value(u"hb_oracle_error_ratio"_s), 0.125);
    QCOMPARE(page.value(u"hb_oracle_latency_seconds"_s), 0.25);
    // All severities, the empty one as 0.
    QCOMPARE(page.value(u"hb_alerts_active{severity=\"critical\"}"_s), 2.0);
    QCOMPARE(page.value(u"hb_alerts_active{severity=\"warning\"}"_s), 1.0);
    QCOMPARE(page.value(u"hb_alerts_active{severity=\"info\"}"_s), 0.0);
    QCOMPARE(page.value(u"hb_emergency_paused"_s), 1.0);
    QCOMPARE(page.value(u"hb_maintenance_mode"_s), 1.0);
    // Each task's runs are there, at 0, before the first run: rate() works from the first one.
    QCOMPARE(page.value(u"hb_task_runs_total{outcome=\"success\",task=\"shard_balancing\"}"_s),
             0.0);
    QCOMPARE(page.value(u"hb_task_duration_seconds_count{task=\"price_update\"}"_s), 0.0);

    // Before a reading exists, a gauge is absent rather than a made-up value.
    EngineState bare = busyState();
    bare.gauges.clear();
    bare.memoryBytes = -1;
    metrics.onSnapshot(EngineSnapshot(bare));
    const Page without = parse(metrics.render());
    QVERIFY(!without.has(u"hb_cycles"_s));
    QVERIFY(!without.has(u"hb_memory_bytes"_s));
    QVERIFY(!without.has(u"hb_oracle_latency_seconds"_s));
    QVERIFY(without.types.contains(u"hb_cycles"_s)); // the family is still described
}

void TestPrometheus::durationsAreAHistogramOfRunsThatRan()
{
    MetricsExposition metrics;
    metrics.onSnapshot(EngineSnapshot(busyState()));
    RecordBatch batch;
    const QString task = TaskName::PriceUpdate;
    batch.executions = {run(task, Outcome::Success, 0),
                        run(task, Outcome::Success, 1),
                        run(task, Outcome::Success, 3),
                        run(task, Outcome::Failure, 40),
                        run(task, Outcome::Timeout, 1'500),
                        run(task, Outcome::Cancelled, 45'000),
                        run(task, Outcome::Skipped, 0),
                        run(task, Outcome::Skipped, 0),
                        run(TaskName::AutoCleanup, Outcome::Success, 7)};
    metrics.onRecords(batch);
    const Page page = parse(metrics.render());
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));

    const auto runs = [&](const QString &outcome) {
        return page.value(
            u"hb_task_runs_total{outcome=\"%1\",task=\"price_update\"}"_s.arg(outcome));
    };
    QCOMPARE(runs(u"success"_s), 3.0);
    QCOMPARE(runs(u"failure"_s), 1.0);
    QCOMPARE(runs(u"timeout"_s), 1.0);
    QCOMPARE(runs(u"cancelled"_s), 1.0);
    QCOMPARE(runs(u"skipped"_s), 2.0);
    // A task the snapshot does not list yet still gets its runs counted.
    QCOMPARE(page.value(u"hb_task_runs_total{outcome=\"success\",task=\"auto_cleanup\"}"_s), 1.0);

    QCOMPARE(page.types.value(u"hb_task_duration_seconds"_s), u"histogram"_s);
    const auto bucket = [&](const QString &le) {
        return page.value(
            u"hb_task_duration_seconds_bucket{le=\"%1\",task=\"price_update\"}"_s.arg(le));
    };
    // Cumulative, in seconds, skipped runs left out (6 runs ran).
    QCOMPARE(bucket(u"0.001"_s), 2.0); // 0 ms and 1 ms: the bound is inclusive
    QCOMPARE(bucket(u"0.005"_s), 3.0);
    QCOMPARE(bucket(u"0.025"_s), 3.0);
    QCOMPARE(bucket(u"0.05"_s), 4.0);
    QCOMPARE(bucket(u"1"_s), 4.0);
    QCOMPARE(bucket(u"2.5"_s), 5.0);
    QCOMPARE(bucket(u"30"_s), 5.0);
    QCOMPARE(bucket(u"+Inf"_s), 6.0);
    QCOMPARE(page.value(u"hb_task_duration_seconds_count{task=\"price_update\"}"_s), 6.0);
    QCOMPARE(page.value(u"hb_task_duration_seconds_sum{task=\"price_update\"}"_s), 46.544);
    // Every bucket bound of the scheme is on the page.
    for (const qint64 ms : MetricsExposition::DurationBucketsMs) {
        const QString le =
            QString::number(double(ms) / 1000.0, 'g', QLocale::FloatingPointShortest);
        QVERIFY2(!std::isnan(bucket(le)), qPrintable(le));
    }

    // Counting goes on across batches.
    metrics.onRecords(batch);
    const Page again = parse(metrics.render());
    QCOMPARE(again.value(u"hb_task_duration_seconds_count{task=\"price_update\"}"_s), 12.0);
    QCOMPARE(again.value(u"hb_task_runs_total{outcome=\"skipped\",task=\"price_update\"}"_s), 4.0);
}

void TestPrometheus::labelValuesAreEscaped()
{
    const QString odd = u"we\"ird\\na\nme ünï"_s;
    EngineState s = busyState();
    s.tasks = {task(odd)};
    s.breakers = {{odd}};
    MetricsExposition metrics;
    metrics.onSnapshot(EngineSnapshot(s));
    const QByteArray text = metrics.render();
    QVERIFY2(text.contains(R"(task="we\"ird\\na\nme ünï")"), text.constData());
    const Page page = parse(text);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    // Read back, the label is the task's name again.
    QCOMPARE(page.value(u"hb_breaker_state{state=\"closed\",task=\"%1\"}"_s.arg(odd)), 1.0);

    bool ran = false;
    const QString findings = promtoolFindings(text, &ran);
    QVERIFY2(findings.isEmpty(), qPrintable(findings));
}

void TestPrometheus::ticksCounterNeverGoesDown()
{
    MetricsExposition metrics;
    const auto ticks = [&](qint64 engineCount) {
        metrics.onSnapshot(withBreaker(BreakerStatus{TaskName::PriceUpdate}, engineCount));
        return parse(metrics.render()).value(u"hb_ticks_total"_s);
    };
    QCOMPARE(ticks(10), 10.0); // the engine's all-time count, restored from metrics.db
    QCOMPARE(ticks(15), 15.0);
    QCOMPARE(ticks(15), 15.0);
    QCOMPARE(ticks(3), 18.0); // another engine in the same process: counted on, not down
    QCOMPARE(ticks(4), 19.0);
}

void TestPrometheus::breakerOpeningsAreCounted()
{
    MetricsExposition metrics;
    const auto openings = [&](const BreakerStatus &b) {
        metrics.onSnapshot(withBreaker(b));
        return parse(metrics.render()).value(u"hb_breaker_openings_total{task=\"price_update\"}"_s);
    };
    // Open in the first snapshot: its opening happened before anything here saw it.
    QCOMPARE(openings(breaker(BreakerState::Open, kNow, kNow)), 0.0);
    QCOMPARE(openings(breaker(BreakerState::Closed, 0, kNow)), 0.0);
    QCOMPARE(openings(breaker(BreakerState::Open, kNow + 10, kNow + 10)), 1.0);
    QCOMPARE(openings(breaker(BreakerState::Open, kNow + 10, kNow + 10)), 1.0); // still the same
    QCOMPARE(openings(breaker(BreakerState::HalfOpen, kNow + 10, kNow + 10)), 1.0);
    QCOMPARE(openings(breaker(BreakerState::Open, kNow + 20, kNow + 20)), 2.0); // trial failed
    // Half-open and open again between two snapshots: only the opening time says so.
    QCOMPARE(openings(breaker(BreakerState::Open, kNow + 30, kNow + 30)), 3.0);
    // An admin forcing an open breaker open restarts its wait: no transition.
    QCOMPARE(openings(breaker(BreakerState::Open, kNow + 40, kNow + 30)), 3.0);
    QCOMPARE(openings(breaker(BreakerState::Closed, 0, kNow + 30)), 3.0);
    QCOMPARE(openings(breaker(BreakerState::Open, kNow + 50, kNow + 30)), 4.0); // forced open
}

void TestPrometheus::removedShardsAreNotReported()
{
    EngineState s = busyState();
    s.gauges.insert(u"shard.load.0005"_s, 99); // from before the ledger scaled down
    MetricsExposition metrics;
    metrics.onSnapshot(EngineSnapshot(s));
    // Before any shard balancing run was seen, every reading is all there is.
    QVERIFY(parse(metrics.render()).has(u"hb_shard_loans{shard=\"5\"}"_s));

    RecordBatch batch;
    batch.samples = {{u"shard.count"_s, kNow, 3},
                     {u"shard.load.0000"_s, kNow, 10},
                     {u"shard.load.0001"_s, kNow, 11},
                     {u"shard.load.0002"_s, kNow, 12},
                     {u"cycles.balance"_s, kNow, 1}};
    metrics.onRecords(batch);
    const Page page = parse(metrics.render());
    QVERIFY(!page.has(u"hb_shard_loans{shard=\"5\"}"_s));
    QCOMPARE(page.value(u"hb_shard_loans{shard=\"1\"}"_s), 11.0);
    QCOMPARE(page.value(u"hb_shards"_s), 3.0);
}

void TestPrometheus::runningEngineFeedsThePage()
{
    HeartbeatConfig config = testConfig();
    config.breakerFailureThreshold = 1;
    auto failing = std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true);
    Rig rig({failing, std::make_shared<ScriptedTask>(TaskName::LoanMonitoring)}, config);
    MetricsExposition metrics;
    QObject::connect(rig.feed.get(), &RecordFeed::recordsArrived, rig.feed.get(),
                     [&metrics](const RecordBatch &batch) { metrics.onRecords(batch); });
    metrics.onSnapshot(rig.engine->snapshot());
    rig.tick(); // price_update fails: its breaker opens
    metrics.onSnapshot(rig.engine->snapshot());
    rig.clock->advance(1'000);
    rig.tick(); // skipped behind the open breaker
    metrics.onSnapshot(rig.engine->snapshot());

    const QByteArray text = metrics.render();
    const Page page = parse(text);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.value(u"hb_ticks_total"_s), 2.0);
    QCOMPARE(page.value(u"hb_task_runs_total{outcome=\"failure\",task=\"price_update\"}"_s), 1.0);
    QCOMPARE(page.value(u"hb_task_runs_total{outcome=\"skipped\",task=\"price_update\"}"_s), 1.0);
    QCOMPARE(page.value(u"hb_task_runs_total{outcome=\"success\",task=\"loan_monitoring\"}"_s),
             2.0);
    QCOMPARE(page.value(u"hb_task_duration_seconds_count{task=\"price_update\"}"_s), 1.0);
    QCOMPARE(page.value(u"hb_breaker_openings_total{task=\"price_update\"}"_s), 1.0);
    QCOMPARE(page.value(u"hb_breaker_state{state=\"open\",task=\"price_update\"}"_s), 1.0);
    QCOMPARE(page.value(u"hb_alerts_active{severity=\"critical\"}"_s) +
                 page.value(u"hb_alerts_active{severity=\"warning\"}"_s),
             double(rig.state().activeAlerts.size()));
    QCOMPARE(page.value(u"hb_last_tick_timestamp_seconds"_s),
             double(rig.state().metrics.lastTickMs) / 1000.0);

    bool ran = false;
    const QString findings = promtoolFindings(text, &ran);
    QVERIFY2(findings.isEmpty(), qPrintable(findings));
}

void TestPrometheus::promtoolFindsNothing()
{
    bool ran = false;
    promtoolFindings({}, &ran);
    if (!ran)
        QSKIP("promtool (Debian package prometheus) is not installed: the page's lint is not run");

    MetricsExposition metrics;
    // Before the first snapshot: only the families' descriptions and the build.
    QString findings = promtoolFindings(metrics.render(), &ran);
    QVERIFY2(findings.isEmpty(), qPrintable(findings));

    metrics.onSnapshot(EngineSnapshot(busyState()));
    RecordBatch batch;
    batch.executions = {run(TaskName::PriceUpdate, Outcome::Success, 12),
                        run(TaskName::PriceUpdate, Outcome::Skipped, 0)};
    metrics.onRecords(batch);
    const QByteArray text = metrics.render();
    findings = promtoolFindings(text, &ran);
    QVERIFY2(findings.isEmpty(),
             qPrintable(findings + u"\n--- page:\n"_s + QString::fromUtf8(text)));

    // The check can fail: a counter without its _total suffix is one of promtool's findings.
    QByteArray broken = text;
    broken.replace("hb_ticks_total", "hb_ticks");
    QVERIFY(!promtoolFindings(broken, &ran).isEmpty());
}

void TestPrometheus::machinesAreUpDownOrUnjudged()
{
    auto machine = [](const QString &name, MachineState state, qint64 lastSeenMs) {
        MachineInfo m;
        m.name = name;
        m.state = state;
        m.lastSeenMs = lastSeenMs;
        m.offlineAfterMs = 90'000;
        return m;
    };
    const QVector<MachineInfo> machines = {
        machine(u"relay-1"_s, MachineState::Up, kNow - 2'500),
        machine(u"api-2"_s, MachineState::Down, kNow - 600'000),
        machine(u"batch-\"3\""_s, MachineState::New, 0),
        machine(u"spare"_s, MachineState::Paused, kNow - 90'000)};
    MetricsExposition metrics;
    metrics.onSnapshot(EngineSnapshot(busyState()));
    const QByteArray text = metrics.render() + MetricsExposition::renderMachines(machines);
    const Page page = parse(text);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.value(u"hb_machine_up{machine=\"relay-1\"}"_s), 1.0);
    QCOMPARE(page.value(u"hb_machine_up{machine=\"api-2\"}"_s), 0.0);
    // Never heard from: not up. Paused: not judged, so no sample an alert could fire on.
    QCOMPARE(page.value(u"hb_machine_up{machine=\"batch-\"3\"\"}"_s), 0.0);
    QVERIFY2(!text.contains("hb_machine_up{machine=\"spare\"}"), text.constData());
    QCOMPARE(page.value(u"hb_machine_state{machine=\"spare\",state=\"paused\"}"_s), 1.0);
    QCOMPARE(page.value(u"hb_machine_state{machine=\"spare\",state=\"up\"}"_s), 0.0);
    QCOMPARE(page.value(u"hb_machine_state{machine=\"api-2\",state=\"down\"}"_s), 1.0);
    QCOMPARE(page.value(u"hb_machine_last_seen_timestamp_seconds{machine=\"relay-1\"}"_s),
             double(kNow - 2'500) / 1000.0);
    QCOMPARE(page.value(u"hb_machine_last_seen_timestamp_seconds{machine=\"batch-\"3\"\"}"_s), 0.0);
    QCOMPARE(page.value(u"hb_machine_offline_after_seconds{machine=\"api-2\"}"_s), 90.0);

    bool ran = false;
    const QString findings = promtoolFindings(text, &ran);
    QVERIFY2(findings.isEmpty(),
             qPrintable(findings + u"\n--- page:\n"_s + QString::fromUtf8(text)));
    // No machines: the families' descriptions alone are a valid page too.
    const QString empty = promtoolFindings(MetricsExposition::renderMachines({}), &ran);
    QVERIFY2(empty.isEmpty(), qPrintable(empty));
}

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
