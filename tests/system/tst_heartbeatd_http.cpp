// The HTTP API against a real heartbeatd on 127.0.0.1 (docs/api.md): health, metrics, the
// snapshot, paged reads, commands behind tokens, and where it listens.
#include "api/snapshotjson.h"
#include "httptestutil.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QStandardPaths>
#include <QTcpServer>

using namespace hb;
using namespace hb::test;

class TestHeartbeatdHttp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;
    ServingDaemon m_server;
    std::unique_ptr<HttpClient> m_http;
    QByteArray m_admin, m_viewer;

    QJsonObject snapshot()
    {
        const HttpReply r = m_http->get(u"/api/v1/snapshot"_s, m_viewer);
        return r.status == 200 ? r.json() : QJsonObject{};
    }
    qint64 auditRows(const char *where)
    {
        const auto db = openReadOnly(m_data + u"/metrics.db"_s);
        return queryInt(*db, (std::string("SELECT count(*) FROM audit_log WHERE ") + where).c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(u"data"_s);
        QVERIFY(m_server.daemon().init());
        QVERIFY(m_server.daemon().createDataDir(m_data));
        m_admin = m_server.createToken(m_data, u"ops-admin"_s, u"admin"_s);
        m_viewer = m_server.createToken(m_data, u"wall"_s, u"viewer"_s);
        QVERIFY(!m_admin.isEmpty() && !m_viewer.isEmpty());
        QVERIFY(m_server.start(m_data, {u"--demo"_s, u"--tick-ms"_s, u"100"_s}));
        m_http = std::make_unique<HttpClient>(m_server.url());
        // Running for real: a few ticks published.
        QVERIFY(QTest::qWaitFor(
            [&] { return snapshot().value(u"metrics"_s).toObject().value(u"tick_count"_s).toInteger() >= 3; },
            15'000));
    }

    void healthzIsPublicAndSaysWhy()
    {
        const auto codes = [&](int *status) {
            const HttpReply r = m_http->get(u"/healthz"_s);
            *status = r.status;
            QStringList out;
            for (const QJsonValue &reason : r.json().value(u"reasons"_s).toArray())
                out.append(reason.toObject().value(u"code"_s).toString());
            return out;
        };
        HttpReply r = m_http->get(u"/healthz"_s);
        QVERIFY2(r.status == 200 || r.status == 503, qPrintable(r.describe()));
        QVERIFY(r.headers.value("content-type").startsWith("application/json"));
        // Healthy exactly when no reason is given (the demo's simulated oracle outages are one).
        QCOMPARE(r.status == 200, r.json().value(u"reasons"_s).toArray().isEmpty());
        QCOMPARE(r.json().value(u"status"_s).toString(), r.status == 200 ? u"ok"_s : u"unhealthy"_s);

        QCOMPARE(m_http->post(u"/api/v1/pause"_s, m_admin, R"({"reason":"drill"})").status, 200);
        int status = 0;
        QVERIFY(QTest::qWaitFor([&] { return codes(&status).contains(u"emergency_pause"_s); }, 5000));
        QCOMPARE(status, 503);
        QCOMPARE(m_http->post(u"/api/v1/resume"_s, m_admin).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return !codes(&status).contains(u"emergency_pause"_s); }, 5000));
    }

    void metricsArePrometheusText()
    {
        const HttpReply r = m_http->get(u"/metrics"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(r.headers.value("content-type").startsWith("text/plain; version=0.0.4"));
        for (const char *family : {"hb_ticks_total", "hb_task_runs_total", "hb_task_duration_seconds_bucket",
                                   "hb_breaker_state", "hb_build_info", "hb_alerts_active"})
            QVERIFY2(r.body.contains(family), family);
        const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus; scripts/install-deps.sh installs it)");
        QProcess check;
        check.start(promtool, {u"check"_s, u"metrics"_s});
        QVERIFY(check.waitForStarted());
        check.write(r.body);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(20'000));
        const QByteArray findings = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0 && findings.trimmed().isEmpty(), findings.constData());
    }

    void snapshotNeedsATokenAndRoundTrips()
    {
        QCOMPARE(m_http->get(u"/api/v1/snapshot"_s).status, 401);
        QCOMPARE(m_http->get(u"/api/v1/snapshot"_s, "hb_not-a-token").status, 401);
        const HttpReply r = m_http->get(u"/api/v1/snapshot"_s, m_viewer);
        QCOMPARE(r.status, 200);
        QString error;
        const auto state = json::toState(r.json(), &error);
        QVERIFY2(state, qPrintable(error));
        QVERIFY(state->running);
        QVERIFY(state->tasks.size() >= 9);
        // The parser and the serializer agree on what came over the wire.
        QCOMPARE(json::fromState(*state), r.json());
    }

    void viewerIsRefusedAndTheRefusalAudited()
    {
        const qint64 before = auditRows("actor = 'wall' AND action = 'refused'");
        const HttpReply r = m_http->post(u"/api/v1/pause"_s, m_viewer, R"({"reason":"x"})");
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"forbidden"_s);
        QVERIFY(QTest::qWaitFor([&] { return auditRows("actor = 'wall' AND action = 'refused'") == before + 1; }, 5000));
        QVERIFY(!snapshot().value(u"emergency_stop"_s).toBool());
        QCOMPARE(m_http->post(u"/api/v1/safe-mode/leave"_s, m_viewer).status, 403);
        QVERIFY(QTest::qWaitFor([&] { return auditRows("actor = 'wall' AND action = 'refused'") == before + 2; }, 5000));
    }

    void commandsAreTheEnginesAndAuditedUnderTheTokenName()
    {
        // Maintenance on and off.
        QCOMPARE(m_http->post(u"/api/v1/maintenance"_s, m_admin, R"({"on":true})").status, 200);
        QVERIFY(QTest::qWaitFor([&] { return snapshot().value(u"config"_s).toObject().value(u"maintenance_mode"_s).toBool(); }, 5000));
        QCOMPARE(m_http->post(u"/api/v1/maintenance"_s, m_admin, R"({"on":false})").status, 200);
        // Leaving safe mode when not in it: done, nothing to audit.
        QCOMPARE(m_http->post(u"/api/v1/safe-mode/leave"_s, m_admin).status, 200);
        QVERIFY(!snapshot().value(u"safe_mode"_s).toBool(true));

        // A task off and on.
        QCOMPARE(m_http->post(u"/api/v1/tasks/auto_cleanup/disable"_s, m_admin).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return !snapshot().value(u"config"_s).toObject().value(u"tasks"_s).toObject().value(u"auto_cleanup"_s).toBool(true); }, 5000));
        QCOMPARE(m_http->post(u"/api/v1/tasks/auto_cleanup/enable"_s, m_admin).status, 200);
        QCOMPARE(m_http->post(u"/api/v1/tasks/no_such_task/enable"_s, m_admin).status, 404);

        // A breaker forced open, then reset.
        QCOMPARE(m_http->post(u"/api/v1/breakers/auto_cleanup/force-open"_s, m_admin).status, 200);
        const auto breakerState = [&] {
            for (const QJsonValue &b : snapshot().value(u"breakers"_s).toArray()) {
                if (b.toObject().value(u"task"_s).toString() == u"auto_cleanup")
                    return b.toObject().value(u"state"_s).toString();
            }
            return QString();
        };
        QVERIFY(QTest::qWaitFor([&] { return breakerState() == u"open"; }, 5000));
        QCOMPARE(m_http->post(u"/api/v1/breakers/auto_cleanup/reset"_s, m_admin).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return breakerState() == u"closed"; }, 5000));

        // Every one of them is in the audit log under the token's name.
        QVERIFY(QTest::qWaitFor([&] { return auditRows("actor = 'ops-admin'") >= 8; }, 5000));
    }

    void commandAnswersAndTimersStayOnTheServersThread()
    {
        // An answer written to a socket from another thread than its own makes Qt warn and,
        // within a few commands, crashes the daemon; so does a timer started from another thread.
        for (int i = 0; i < 20; ++i)
            QCOMPARE(m_http->post(u"/api/v1/breakers/auto_cleanup/reset"_s, m_admin).status, 200);
        const QByteArray err = m_server.stderrSoFar();
        QVERIFY2(!err.contains("different thread") && !err.contains("another thread"),
                 err.constData());
        QCOMPARE(m_server.process()->state(), QProcess::Running);
    }

    // Clients by the hundred on a machine with two cores must not make the engine tick late:
    // the server's thread runs nicer than the engine's (the kernel gives it the CPU last).
    void theServersThreadYieldsToTheEngines()
    {
#ifndef Q_OS_LINUX
        QSKIP("thread priorities are only lowered on Linux");
#else
        const QString tasks = u"/proc/%1/task"_s.arg(m_server.process()->processId());
        QHash<QString, int> niceByThread;
        for (const QString &tid : QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile comm(tasks + u'/' + tid + u"/comm"_s), stat(tasks + u'/' + tid + u"/stat"_s);
            if (!comm.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
                continue;
            // stat: "pid (comm) state ...": the 19th field is the nice value; comm may hold spaces.
            const QByteArray line = stat.readAll();
            const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
            niceByThread.insert(QString::fromUtf8(comm.readAll().trimmed()), fields.value(16).toInt());
        }
        QVERIFY2(niceByThread.contains(u"hb-http"_s) && niceByThread.contains(u"hb-engine"_s),
                 qPrintable(QStringList(niceByThread.keys()).join(u", ")));
        if (niceByThread.value(u"hb-engine"_s) >= 19)
            QSKIP("the daemon runs at the lowest priority already");
        QCOMPARE_GT(niceByThread.value(u"hb-http"_s), niceByThread.value(u"hb-engine"_s));
#endif
    }

    void configIsValidatedLikeTheFile()
    {
        const HttpReply bad = m_http->send("PUT", u"/api/v1/config"_s, m_admin,
                                           R"({"version":1,"tick_interval_ms":-5})");
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(u"field"_s).toString(), u"tick_interval_ms"_s);

        QJsonObject config = snapshot().value(u"config"_s).toObject();
        config.insert(u"audit_log_cap"_s, 4321);
        const HttpReply ok = m_http->send("PUT", u"/api/v1/config"_s, m_admin, QJsonDocument(config).toJson());
        QVERIFY2(ok.status == 200, qPrintable(ok.describe()));
        QVERIFY(QTest::qWaitFor([&] {
            QFile file(m_data + u"/config.json"_s);
            return file.open(QIODevice::ReadOnly) && QJsonDocument::fromJson(file.readAll()).object().value(u"audit_log_cap"_s).toInt() == 4321;
        }, 5000));
        QCOMPARE(m_http->send("PUT", u"/api/v1/config"_s, m_viewer, QJsonDocument(config).toJson()).status, 403);
    }

    void pagedReadsWalkEveryRowOnce()
    {
        // The rows the file has now, by SQL, against the pages.
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        qint64 toMs = QDateTime::currentMSecsSinceEpoch() - 1000; // settled rows only
        for (;;) {
            QString path = u"/api/v1/executions?limit=7&to=%1"_s.arg(toMs);
            if (!cursor.isEmpty())
                path += u"&cursor="_s + cursor;
            const HttpReply r = m_http->get(path, m_viewer);
            QCOMPARE(r.status, 200);
            const QJsonArray items = r.json().value(u"items"_s).toArray();
            QVERIFY(items.size() <= 7);
            for (const QJsonValue &item : items) {
                const QJsonObject o = item.toObject();
                const QString key = u"%1/%2"_s.arg(o.value(u"tick_id"_s).toInteger()).arg(o.value(u"task"_s).toString());
                QVERIFY2(!seen.contains(key), qPrintable(key));
                seen.insert(key);
            }
            ++pages;
            const QJsonValue next = r.json().value(u"next_cursor"_s);
            if (next.isNull())
                break;
            cursor = next.toString();
        }
        const auto db = openReadOnly(m_data + u"/metrics.db"_s);
        const qint64 rows = queryInt(*db, QStringLiteral("SELECT count(*) FROM executions WHERE started_at_ms < %1").arg(toMs).toUtf8().constData());
        QCOMPARE(qint64(seen.size()), rows);
        QVERIFY(pages > 1);

        // Filters.
        HttpReply r = m_http->get(u"/api/v1/executions?task=price_update&limit=50"_s, m_viewer);
        QCOMPARE(r.status, 200);
        for (const QJsonValue &item : r.json().value(u"items"_s).toArray())
            QCOMPARE(item.toObject().value(u"task"_s).toString(), u"price_update"_s);
        r = m_http->get(u"/api/v1/ticks?limit=3"_s, m_viewer);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"items"_s).toArray().size(), 3);
        r = m_http->get(u"/api/v1/audit?task=refused"_s, m_viewer);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().value(u"items"_s).toArray().isEmpty());
        QCOMPARE(m_http->get(u"/api/v1/executions?limit=0"_s, m_viewer).status, 400);
        QCOMPARE(m_http->get(u"/api/v1/executions?outcome=nope"_s, m_viewer).status, 400);
        QCOMPARE(m_http->get(u"/api/v1/executions?from=yesterday"_s, m_viewer).status, 400);
    }

    void tokensCreatedAndRevokedWhileRunningCountWithinASecond()
    {
        const QByteArray late = m_server.createToken(m_data, u"late"_s, u"viewer"_s);
        QVERIFY(!late.isEmpty());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(QTest::qWaitFor([&] { return m_http->get(u"/api/v1/snapshot"_s, late).status == 200; }, 1500));
        QVERIFY(timer.elapsed() <= 1500);
        const Result revoked = m_server.daemon().run({u"token"_s, u"revoke"_s, u"late"_s, u"--data-dir"_s, m_data});
        QVERIFY2(revoked.exitedWith(0), revoked.describe().constData());
        timer.start();
        QVERIFY(QTest::qWaitFor([&] { return m_http->get(u"/api/v1/snapshot"_s, late).status == 401; }, 1500));
    }

    void unknownRouteAndWrongMethod()
    {
        HttpReply r = m_http->get(u"/api/v1/nothing"_s, m_viewer);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"not_found"_s);
        r = m_http->send("DELETE", u"/api/v1/snapshot"_s, m_admin);
        QCOMPARE(r.status, 405);
        QCOMPARE(r.headers.value("allow"), QByteArray("GET"));
        QCOMPARE(r.json().value(u"error"_s).toString(), u"method_not_allowed"_s);
    }

    void aPortInUseIsOneLineAndExitTwo()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        const QString address = u"127.0.0.1:%1"_s.arg(squatter.serverPort());
        const Result r = m_server.daemon().run({u"--data-dir"_s, m_dir.filePath(u"other"_s), u"--demo"_s,
                                                u"--listen"_s, address, u"--run-for"_s, u"5"_s});
        QVERIFY2(r.exitedWith(2), r.describe().constData());
        const QStringList errors = r.errLines().filter(address);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.constFirst().contains(u"cannot listen"_s), qPrintable(errors.constFirst()));
    }

    void listenNoneServesNothing()
    {
        const Result r = m_server.daemon().run({u"--data-dir"_s, m_dir.filePath(u"quiet"_s), u"--demo"_s,
                                                u"--listen"_s, u"none"_s, u"--run-for"_s, u"0.5"_s});
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        QVERIFY(!r.err.contains("serving the HTTP API"));
        const Result bad = m_server.daemon().run({u"--data-dir"_s, m_dir.filePath(u"quiet"_s), u"--listen"_s, u"nowhere"_s});
        QVERIFY(bad.exitedWith(2));
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHeartbeatdHttp)
#include "tst_heartbeatd_http.moc"
