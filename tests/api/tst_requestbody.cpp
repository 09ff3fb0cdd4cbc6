// The request bodies of the HTTP API's commands: what a client sends is either taken exactly or
// refused with an error that names the field and says what is wrong, whatever the bytes.

#include "api/requestbody.h"

#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

// `depth` arrays nested in one another, wrapped as the value of `key` when it is not empty.
QByteArray deeplyNested(int depth, const QByteArray &key = {})
{
    QByteArray nested = QByteArray(depth, '[') + QByteArray(depth, ']');
    if (key.isEmpty())
        return nested;
    return "{\"" + key + "\": " + nested + '}';
}

// A refusal: the field it names (empty: the document as a whole) and a word its reason contains.
struct Refusal
{
    QString field;
    QString mentions;
};

void verifyRefusal(const body::Error &error, const QString &field, const QString &mentions)
{
    QCOMPARE(error.field, field);
    QVERIFY2(error.reason.contains(mentions, Qt::CaseInsensitive),
             qPrintable(u"the reason \""_s + error.reason + u"\" does not mention "_s + mentions));
    // What a client reads: the field is named in the one line.
    if (!field.isEmpty())
        QVERIFY2(error.toString().contains(field), qPrintable(error.toString()));
}

// The document-level refusals every parser shares: the rows common to each *_data() function.
void addDocumentRefusals()
{
    const QString notJson = u"not valid JSON"_s;
    QTest::newRow("empty") << QByteArray() << QString() << u"empty"_s;
    QTest::newRow("whitespace only") << QByteArray(" \r\n\t ") << QString() << u"empty"_s;
    QTest::newRow("unterminated object") << QByteArray("{\"a\": 1") << QString() << notJson;
    QTest::newRow("single quotes") << QByteArray("{'a': 1}") << QString() << notJson;
    QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,}") << QString() << notJson;
    QTest::newRow("garbage after the object") << QByteArray("{} x") << QString() << notJson;
    QTest::newRow("two objects") << QByteArray("{}{}") << QString() << notJson;
    QTest::newRow("an array") << QByteArray("[1, 2]") << QString() << u"JSON object"_s;
    QTest::newRow("a string") << QByteArray("\"pause\"") << QString() << u"JSON object"_s;
    QTest::newRow("a number") << QByteArray("42") << QString() << u"JSON object"_s;
    QTest::newRow("null") << QByteArray("null") << QString() << u"JSON object"_s;
    QTest::newRow("nested 100 000 deep") << deeplyNested(100'000) << QString() << notJson;
    QTest::newRow("a field nested 5 000 deep") << deeplyNested(5'000, "x") << QString() << notJson;
    QTest::newRow("invalid UTF-8 in a key")
        << QByteArray("{\"\xff\xfe\": 1}") << QString() << notJson;
    QTest::newRow("overlong UTF-8 encoding")
        << QByteArray("{\"reason\": \"\xc0\xaf\"}") << QString() << notJson;
    QTest::newRow("UTF-8 encoded surrogate")
        << QByteArray("{\"reason\": \"\xed\xa0\x80\"}") << QString() << notJson;
    QTest::newRow("truncated UTF-8 sequence")
        << QByteArray("{\"reason\": \"\xe2\x82\"}") << QString() << notJson;
    QTest::newRow("a NUL byte") << QByteArray("{\"on\": true}\0", 13) << QString() << notJson;
}

} // namespace

class TestRequestBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pauseReasonAccepted_data();
    void pauseReasonAccepted();
    void pauseReasonRefused_data();
    void pauseReasonRefused();
    void maintenanceAccepted_data();
    void maintenanceAccepted();
    void maintenanceRefused_data();
    void maintenanceRefused();
    void configAccepted();
    void configRefused_data();
    void configRefused();
    void emptyAccepted_data();
    void emptyAccepted();
    void emptyRefused_data();
    void emptyRefused();
    void machineReportAccepted();
    void machineReportRefused_data();
    void machineReportRefused();
    void silenceAccepted_data();
    void silenceAccepted();
    void silenceRefused_data();
    void silenceRefused();
    void recurringSilence();
    void sameKeyInDifferentObjects();
    void longUnknownKeyIsClipped();
    void parseErrorSaysWhere();
    void errorPointerIsOptional();
    void errorText();
};

void TestRequestBody::pauseReasonAccepted_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");

    QTest::newRow("plain") << QByteArray(R"({"reason": "oracle is lying"})")
                           << u"oracle is lying"_s;
    QTest::newRow("trimmed") << QByteArray(R"({"reason": " \t disk full \n "})") << u"disk full"_s;
    QTest::newRow("escapes and non-ASCII")
        << QByteArray(R"({"reason": "caf\u00e9 \"down\" – ☕"})") << u"café \"down\" – ☕"_s;
    QTest::newRow("the key's name as the value")
        << QByteArray(R"({"reason": "reason"})") << u"reason"_s;
    QTest::newRow("whitespace around the document")
        << QByteArray("\n  {\"reason\": \"x\"}  \n") << u"x"_s;
    // 500 characters that each take two UTF-16 units: the limit counts what a reader sees.
    QString emoji;
    for (int i = 0; i < 500; ++i)
        emoji += u"😀"_s;
    QTest::newRow("500 emoji") << QJsonDocument(QJsonObject{{u"reason"_s, emoji}}).toJson()
                               << emoji;
    const QString ascii(500, u'a');
    QTest::newRow("500 characters")
        << QJsonDocument(QJsonObject{{u"reason"_s, ascii}}).toJson() << ascii;
}

void TestRequestBody::pauseReasonAccepted()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);

    body::Error error;
    const auto parsed = body::pauseReason(body, &error);
    QVERIFY2(parsed, qPrintable(error.toString()));
    QCOMPARE(*parsed, reason);
}

void TestRequestBody::pauseReasonRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");

    addDocumentRefusals();
    QTest::newRow("no reason") << QByteArray("{}") << u"reason"_s << u"required"_s;
    QTest::newRow("a number") << QByteArray(R"({"reason": 5})") << u"reason"_s << u"string"_s;
    QTest::newRow("null") << QByteArray(R"({"reason": null})") << u"reason"_s << u"string"_s;
    QTest::newRow("an object") << QByteArray(R"({"reason": {"text": "x"}})") << u"reason"_s
                               << u"string"_s;
    QTest::newRow("blank") << QByteArray(R"({"reason": "  \t "})") << u"reason"_s << u"empty"_s;
    QTest::newRow("unknown key") << QByteArray(R"({"reason": "x", "force": true})") << u"force"_s
                                 << u"unknown"_s;
    QTest::newRow("misspelt key") << QByteArray(R"({"reasn": "x"})") << u"reasn"_s << u"unknown"_s;
    QTest::newRow("501 characters")
        << QJsonDocument(QJsonObject{{u"reason"_s, QString(501, u'a')}}).toJson() << u"reason"_s
        << u"at most 500 characters (got 501)"_s;
    QTest::newRow("a megabyte")
        << QJsonDocument(QJsonObject{{u"reason"_s, QString(1 << 20, u'a')}}).toJson() << u"reason"_s
        << u"at most 500"_s;
    QTest::newRow("a line break inside")
        << QByteArray(R"({"reason": "first\nsecond"})") << u"reason"_s << u"one line"_s;
    QTest::newRow("an escaped NUL")
        << QByteArray(R"({"reason": "a\u0000b"})") << u"reason"_s << u"control"_s;
    QTest::newRow("a lone surrogate escape")
        << QByteArray(R"({"reason": "a\ud800b"})") << u"reason"_s << u"Unicode"_s;
}

void TestRequestBody::pauseReasonRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, mentions);

    body::Error error;
    const auto parsed = body::pauseReason(body, &error);
    QVERIFY2(!parsed, qPrintable(u"accepted: "_s + parsed.value_or(QString())));
    verifyRefusal(error, field, mentions);
}

void TestRequestBody::maintenanceAccepted_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("on");

    QTest::newRow("on") << QByteArray(R"({"on": true})") << true;
    QTest::newRow("off") << QByteArray(R"({"on": false})") << false;
    QTest::newRow("compact") << QByteArray(R"({"on":true})") << true;
}

void TestRequestBody::maintenanceAccepted()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, on);

    body::Error error;
    const auto parsed = body::maintenanceOn(body, &error);
    QVERIFY2(parsed, qPrintable(error.toString()));
    QCOMPARE(*parsed, on);
}

void TestRequestBody::maintenanceRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");

    addDocumentRefusals();
    QTest::newRow("missing") << QByteArray("{}") << u"on"_s << u"required"_s;
    QTest::newRow("a string") << QByteArray(R"({"on": "true"})") << u"on"_s << u"boolean"_s;
    QTest::newRow("a number") << QByteArray(R"({"on": 1})") << u"on"_s << u"boolean"_s;
    QTest::newRow("null") << QByteArray(R"({"on": null})") << u"on"_s << u"boolean"_s;
    QTest::newRow("unknown key") << QByteArray(R"({"on": true, "until": "tomorrow"})") << u"until"_s
                                 << u"unknown"_s;
    QTest::newRow("given twice") << QByteArray(R"({"on": false, "on": true})") << u"on"_s
                                 << u"more than once"_s;
    QTest::newRow("given twice, once escaped")
        << QByteArray(R"({"on": true, "o\u006e": true})") << u"on"_s << u"more than once"_s;
    QTest::newRow("capitalised key") << QByteArray(R"({"On": true})") << u"On"_s << u"unknown"_s;
}

void TestRequestBody::maintenanceRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, mentions);

    body::Error error;
    const auto parsed = body::maintenanceOn(body, &error);
    QVERIFY2(!parsed, "accepted");
    verifyRefusal(error, field, mentions);
}

void TestRequestBody::configAccepted()
{
    // The whole document as config.json holds it: what the file says, the API takes.
    HeartbeatConfig wanted = HeartbeatConfig::demoDefaults();
    wanted.tickIntervalMs = 5'000;
    wanted.tasks[TaskName::AutoLiquidation] = false;
    wanted.httpMetricsRequiresToken = true;
    body::Error error;
    const auto parsed = body::config(QJsonDocument(wanted.toJson()).toJson(), &error);
    QVERIFY2(parsed, qPrintable(error.toString()));
    QVERIFY(*parsed == wanted);

    // Keys left out take their defaults, as in the file.
    const auto partial = body::config(R"({"tick_interval_ms": 1000})", &error);
    QVERIFY2(partial, qPrintable(error.toString()));
    QCOMPARE(partial->tickIntervalMs, 1000);
    QCOMPARE(partial->taskTimeoutMs, HeartbeatConfig().taskTimeoutMs);
}

void TestRequestBody::configRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");

    addDocumentRefusals();
    QTest::newRow("out of range") << QByteArray(R"({"tick_interval_ms": -5})")
                                  << u"tick_interval_ms"_s << u"-5"_s;
    QTest::newRow("wrong type") << QByteArray(R"({"enabled": "yes"})") << u"enabled"_s << QString();
    QTest::newRow("unknown key") << QByteArray(R"({"tick_intervall_ms": 1000})")
                                 << u"tick_intervall_ms"_s << QString();
    QTest::newRow("a task flag of the wrong type")
        << QByteArray(R"({"tasks": {"price_update": "off"}})") << u"tasks.price_update"_s
        << QString();
    QTest::newRow("an unknown task")
        << QByteArray(R"({"tasks": {"coffee": true}})") << u"tasks.coffee"_s << QString();
    QTest::newRow("a field given twice")
        << QByteArray(R"({"tick_interval_ms": 100, "demo": true, "tick_interval_ms": 30000})")
        << u"tick_interval_ms"_s << u"more than once"_s;
    QTest::newRow("a nested field given twice")
        << QByteArray(R"({"oracle": {"url": "https://a.example", "url": "https://b.example"}})")
        << u"oracle.url"_s << u"more than once"_s;
    QTest::newRow("a bad listen address")
        << QByteArray(R"({"http": {"listen": "everywhere"}})") << u"http.listen"_s << QString();
}

void TestRequestBody::configRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, mentions);

    body::Error error;
    const auto parsed = body::config(body, &error);
    QVERIFY2(!parsed, "accepted");
    verifyRefusal(error, field, mentions);
    QVERIFY2(!error.reason.isEmpty(), "a refusal without a reason");
}

void TestRequestBody::emptyAccepted_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("no body") << QByteArray();
    QTest::newRow("a line break") << QByteArray("\r\n");
    QTest::newRow("{}") << QByteArray("{}");
    QTest::newRow("{ } with whitespace") << QByteArray(" { \n } ");
}

void TestRequestBody::emptyAccepted()
{
    QFETCH(QByteArray, body);

    body::Error error;
    QVERIFY2(body::empty(body, &error), qPrintable(error.toString()));
}

void TestRequestBody::emptyRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");

    const QString notJson = u"not valid JSON"_s;
    QTest::newRow("an argument") << QByteArray(R"({"force": true})") << u"force"_s
                                 << u"no arguments"_s;
    QTest::newRow("an array") << QByteArray("[]") << QString() << u"JSON object"_s;
    QTest::newRow("null") << QByteArray("null") << QString() << u"JSON object"_s;
    QTest::newRow("unterminated") << QByteArray("{") << QString() << notJson;
    QTest::newRow("nested 100 000 deep") << deeplyNested(100'000) << QString() << notJson;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"\xff\": 1}") << QString() << notJson;
}

void TestRequestBody::emptyRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, mentions);

    body::Error error;
    QVERIFY2(!body::empty(body, &error), "accepted");
    verifyRefusal(error, field, mentions);
}

void TestRequestBody::machineReportAccepted()
{
    body::Error error;
    // No body at all: a cron line's `curl -fsS URL`.
    auto report = body::machineReport(QByteArray(), &error);
    QVERIFY2(report, qPrintable(error.toString()));
    QVERIFY(std::isnan(report->cpu) && std::isnan(report->uptimeS) && report->version.isEmpty());
    QVERIFY(body::machineReport("{}", &error));

    report = body::machineReport(
        R"({"cpu": 0.25, "memory": 81.5, "disk": 1e12, "uptime": 86400, "version": "relay 2.1",
            "note": "backup done\n3 files\tok"})",
        &error);
    QVERIFY2(report, qPrintable(error.toString()));
    QCOMPARE(report->cpu, 0.25);
    QCOMPARE(report->memory, 81.5);
    QCOMPARE(report->disk, 1e12);
    QCOMPARE(report->uptimeS, 86400.0);
    QCOMPARE(report->version, u"relay 2.1"_s);
    QCOMPARE(report->note, u"backup done\n3 files\tok"_s);
    QVERIFY(std::isnan(body::machineReport(R"({"note": "x"})", &error)->memory));
}

void TestRequestBody::machineReportRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");

    const QString notJson = u"not valid JSON"_s;
    QTest::newRow("an unknown field") << QByteArray(R"({"cpu": 1, "load": 2})") << u"load"_s
                                      << u"unknown"_s;
    QTest::newRow("cpu as a string") << QByteArray(R"({"cpu": "12%"})") << u"cpu"_s
                                     << u"number"_s;
    QTest::newRow("memory null") << QByteArray(R"({"memory": null})") << u"memory"_s
                                 << u"number"_s;
    QTest::newRow("negative disk") << QByteArray(R"({"disk": -1})") << u"disk"_s
                                   << u"negative"_s;
    QTest::newRow("uptime too large for a double") << QByteArray(R"({"uptime": 1e400})")
                                                   << QString() << notJson;
    QTest::newRow("version a number") << QByteArray(R"({"version": 2})") << u"version"_s
                                      << u"string"_s;
    QTest::newRow("version on two lines") << QByteArray(R"({"version": "1\n2"})")
                                          << u"version"_s << u"one line"_s;
    QTest::newRow("version 101 characters")
        << QJsonDocument(QJsonObject{{u"version"_s, QString(101, u'v')}}).toJson()
        << u"version"_s << u"at most 100"_s;
    QTest::newRow("note 1001 characters")
        << QJsonDocument(QJsonObject{{u"note"_s, QString(1001, u'n')}}).toJson() << u"note"_s
        << u"at most 1000"_s;
    QTest::newRow("note with a NUL") << QByteArray(R"({"note": "a\u0000b"})") << u"note"_s
                                     << u"control"_s;
    QTest::newRow("note with a lone surrogate") << QByteArray(R"({"note": "\ud800"})")
                                                << u"note"_s << u"Unicode"_s;
    QTest::newRow("cpu twice") << QByteArray(R"({"cpu": 1, "cpu": 2})") << u"cpu"_s
                               << u"more than once"_s;
    QTest::newRow("form data") << QByteArray("cpu=1") << QString() << notJson;
    QTest::newRow("an array") << QByteArray("[]") << QString() << u"JSON object"_s;
    QTest::newRow("unterminated") << QByteArray(R"({"cpu": 1)") << QString() << notJson;
}

void TestRequestBody::machineReportRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, mentions);

    body::Error error;
    QVERIFY2(!body::machineReport(body, &error), "accepted");
    verifyRefusal(error, field, mentions);
}

// 2026-06-01T00:00:00Z, the "now" of the silence cases.
constexpr qint64 kNow = 1'780'272'000'000;

void TestRequestBody::silenceAccepted_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QString>("machine");
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("kind");
    QTest::newRow("from now, ISO end")
        << QByteArray(R"({"to": "2026-06-01T02:00:00Z", "reason": "relay swap"})") << kNow
        << kNow + 7'200'000 << QString() << QString() << QString();
    QTest::newRow("milliseconds and an offset")
        << QByteArray(R"({"from": 1780272000000, "to": "2026-06-01T08:00:00+07:00",)"
                      R"( "reason": "x", "matchers": {"machine": "relay-1",)"
                      R"( "kind": "machine_down"}})")
        << kNow << kNow + 3'600'000 << u"relay-1"_s << QString() << u"machine_down"_s;
    QTest::newRow("a future window for a task")
        << QByteArray(R"({"from": "2026-06-02T00:00:00.000Z", "to": "2026-06-02T01:00:00Z",)"
                      R"( "reason": "upgrade", "matchers": {"task": "price_update"}})")
        << kNow + 86'400'000 << kNow + 90'000'000 << QString() << u"price_update"_s << QString();
}

void TestRequestBody::silenceAccepted()
{
    QFETCH(QByteArray, body);
    body::Error error;
    const auto silence = body::silence(body, kNow, &error);
    QVERIFY2(silence, qPrintable(error.toString()));
    QTEST(silence->fromMs, "from");
    QTEST(silence->toMs, "to");
    QTEST(silence->machine, "machine");
    QTEST(silence->task, "task");
    QTEST(silence->kind, "kind");
    QVERIFY(!silence->reason.isEmpty());
    QVERIFY(silence->cron.isEmpty());
}

// Every Sunday 02:00-04:00 in Jakarta, for a year unless told.
void TestRequestBody::recurringSilence()
{
    body::Error error;
    auto s = body::silence(R"({"reason": "weekly window", "repeat": {"cron": "0 2 * * sun",)"
                           R"( "duration": "2h", "tz": "Asia/Jakarta"}})",
                           kNow, &error);
    QVERIFY2(s, qPrintable(error.toString()));
    QCOMPARE(s->cron, u"0 2 * * sun"_s);
    QCOMPARE(s->durationMs, 7'200'000);
    QCOMPARE(s->tz, u"Asia/Jakarta"_s);
    QCOMPARE(s->fromMs, kNow);
    QCOMPARE(s->toMs, kNow + 366LL * 86'400'000);
    // Up to ten years when the end is given.
    s = body::silence(R"({"reason": "x", "to": "2031-06-01T00:00:00Z", "repeat": {"cron": "@daily",)"
                      R"( "duration": "30m"}})",
                      kNow, &error);
    QVERIFY2(s, qPrintable(error.toString()));
    QVERIFY(s->tz.isEmpty());

    const auto refused = [&](const char *json, const QString &field, const QString &mentions) {
        body::Error e;
        if (body::silence(json, kNow, &e))
            return false;
        return e.field == field && e.toString().contains(mentions);
    };
    QVERIFY(refused(R"({"reason": "x", "repeat": {"cron": "0 25 * * *", "duration": "1h"}})",
                    u"repeat.cron"_s, u"position 2: hour 25 is out of range 0-23"_s));
    QVERIFY(refused(R"({"reason": "x", "repeat": {"duration": "1h"}})", u"repeat.cron"_s,
                    u"required"_s));
    QVERIFY(refused(R"({"reason": "x", "repeat": {"cron": "@daily", "duration": "8d"}})",
                    u"repeat.duration"_s, u"from 1m to 7d"_s));
    QVERIFY(refused(R"({"reason": "x", "repeat": {"cron": "@daily", "duration": "1h", "tz": "Mars/Olympus"}})",
                    u"repeat.tz"_s, u"time zone"_s));
    QVERIFY(refused(R"({"reason": "x", "repeat": {"cron": "@daily", "duration": "1h", "every": 1}})",
                    u"repeat.every"_s, u"unknown"_s));
    QVERIFY(refused(R"({"reason": "x", "to": "2037-01-01T00:00:00Z", "repeat": {"cron": "@daily",)"
                    R"( "duration": "1h"}})",
                    u"to"_s, u"ten years"_s));
}

void TestRequestBody::silenceRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");
    addDocumentRefusals();
    QTest::newRow("no end") << QByteArray(R"({"reason": "x"})") << u"to"_s << u"required"_s;
    QTest::newRow("no reason") << QByteArray(R"({"to": "2026-06-01T02:00:00Z"})") << u"reason"_s
                               << u"required"_s;
    QTest::newRow("blank reason") << QByteArray(R"({"to": "2026-06-01T02:00:00Z", "reason": " "})")
                                  << u"reason"_s << u"empty"_s;
    QTest::newRow("end before start")
        << QByteArray(R"({"from": "2026-06-01T03:00:00Z", "to": "2026-06-01T02:00:00Z",)"
                      R"( "reason": "x"})")
        << u"to"_s << u"later"_s;
    QTest::newRow("already over") << QByteArray(R"({"from": 1, "to": 2, "reason": "x"})") << u"to"_s
                                  << u"past"_s;
    QTest::newRow("a time without its offset")
        << QByteArray(R"({"to": "2026-06-01T02:00:00", "reason": "x"})") << u"to"_s << u"offset"_s;
    QTest::newRow("a date that is not one")
        << QByteArray(R"({"to": "2026-13-45T99:00:00Z", "reason": "x"})") << u"to"_s
        << u"ISO 8601"_s;
    QTest::newRow("fractional milliseconds")
        << QByteArray(R"({"to": 1780272000000.5, "reason": "x"})") << u"to"_s << u"whole"_s;
    QTest::newRow("a boolean as the start")
        << QByteArray(R"({"from": true, "to": 1780280000000, "reason": "x"})") << u"from"_s
        << u"ISO 8601"_s;
    QTest::newRow("longer than a year")
        << QByteArray(R"({"to": "2027-07-01T00:00:00Z", "reason": "x"})") << u"to"_s
        << u"366 days"_s;
    QTest::newRow("unknown key") << QByteArray(
                                        R"({"to": 1780280000000, "reason": "x", "until": 1})")
                                 << u"until"_s << u"unknown"_s;
    QTest::newRow("matchers not an object")
        << QByteArray(R"({"to": 1780280000000, "reason": "x", "matchers": []})") << u"matchers"_s
        << u"object"_s;
    QTest::newRow("unknown matcher")
        << QByteArray(R"({"to": 1780280000000, "reason": "x", "matchers": {"host": "a"}})")
        << u"matchers.host"_s << u"unknown"_s;
    QTest::newRow("unknown kind")
        << QByteArray(R"({"to": 1780280000000, "reason": "x", "matchers": {"kind": "down"}})")
        << u"matchers.kind"_s << u"machine_down"_s;
    QTest::newRow("empty machine")
        << QByteArray(R"({"to": 1780280000000, "reason": "x", "matchers": {"machine": ""}})")
        << u"matchers.machine"_s << u"64"_s;
    QTest::newRow("task not a string")
        << QByteArray(R"({"to": 1780280000000, "reason": "x", "matchers": {"task": 3}})")
        << u"matchers.task"_s << u"string"_s;
}

void TestRequestBody::silenceRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, mentions);
    body::Error error;
    QVERIFY(!body::silence(body, kNow, &error));
    verifyRefusal(error, field, mentions);
}

void TestRequestBody::sameKeyInDifferentObjects()
{
    // "timeout_ms" is a field of both "oracle" and "breaker": no duplicate.
    body::Error error;
    const auto parsed = body::config(
        R"({"oracle": {"timeout_ms": 2000}, "breaker": {"timeout_ms": 60000}})", &error);
    QVERIFY2(parsed, qPrintable(error.toString()));
    QCOMPARE(parsed->oracleTimeoutMs, 2000);
    QCOMPARE(parsed->breakerTimeoutMs, 60000);
}

void TestRequestBody::longUnknownKeyIsClipped()
{
    // The error is sent back and audited: a megabyte of key must not come back with it.
    const QString key(1 << 20, u'k');
    body::Error error;
    QVERIFY(!body::maintenanceOn(QJsonDocument(QJsonObject{{key, true}}).toJson(), &error));
    QVERIFY2(error.field.size() <= 201, qPrintable(QString::number(error.field.size())));
    QVERIFY(error.field.startsWith(u"kkkkkkkk"_s));
    QVERIFY(error.field.endsWith(u'…'));
    QVERIFY(error.reason.contains(u"unknown"_s));
}

void TestRequestBody::parseErrorSaysWhere()
{
    // A client fixing a hand-written body needs the byte the parser stopped at.
    body::Error error;
    QVERIFY(!body::maintenanceOn(R"({"on": tru})", &error));
    QVERIFY(error.field.isEmpty());
    QVERIFY2(error.reason.contains(u"at byte "_s), qPrintable(error.reason));
    const qsizetype at = error.reason.lastIndexOf(u' ');
    bool ok = false;
    const int offset = error.reason.mid(at + 1).toInt(&ok);
    QVERIFY2(ok, qPrintable(error.reason));
    QVERIFY2(offset >= 7 && offset <= 11, qPrintable(error.reason)); // inside "tru}"
}

void TestRequestBody::errorPointerIsOptional()
{
    QVERIFY(!body::pauseReason("{", nullptr));
    QVERIFY(!body::pauseReason("{}", nullptr));
    QVERIFY(!body::maintenanceOn("[]", nullptr));
    QVERIFY(!body::config(R"({"x": 1})", nullptr));
    QVERIFY(!body::empty(R"({"x": 1})", nullptr));
    QCOMPARE(body::maintenanceOn(R"({"on": true})", nullptr), std::optional<bool>(true));
}

void TestRequestBody::errorText()
{
    QCOMPARE((body::Error{u"on"_s, u"expected a boolean"_s}.toString()),
             u"field 'on': expected a boolean"_s);
    QCOMPARE((body::Error{QString(), u"the body must be a JSON object"_s}.toString()),
             u"the body must be a JSON object"_s);
}

QTEST_GUILESS_MAIN(TestRequestBody)
#include "tst_requestbody.moc"
