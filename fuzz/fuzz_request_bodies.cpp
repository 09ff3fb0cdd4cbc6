// libFuzzer target: every request-body parser of the HTTP API takes the same untrusted bytes, and
// so does the reader of raw machine pushes (the bytes of a connection, before any HTTP parser).
// Beyond "no crash, no sanitizer report", each answer must keep its promise: an accepted value
// is one the engine can use, a refusal says why.

#include "api/pushrequest.h"
#include "api/requestbody.h"

#include <QByteArray>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

// A broken promise is a finding like a crash: say which, and abort so libFuzzer keeps the input.
void require(bool condition, const char *promise)
{
    if (condition)
        return;
    std::fprintf(stderr, "broken promise: %s\n", promise);
    std::abort();
}

void requireRefusal(const hb::body::Error &error)
{
    require(!error.reason.isEmpty(), "a refusal says why");
    require(!error.toString().isEmpty(), "a refusal reads as one line");
}


bool isUnreserved(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// A push taken from the connection's bytes is one Qt's parser would read the same way: a whole
// request no longer than the input, of a plain name, with its exact body, and the same answer
// for the same bytes with anything after them.
void checkPush(QByteArrayView bytes)
{
    constexpr qint64 kMaxBody = 64 * 1024;
    hb::http::PushRequest push;
    const hb::http::PushParse result = hb::http::parsePush(bytes, kMaxBody, &push);
    if (result != hb::http::PushParse::Push)
        return;
    require(push.size > 0 && push.size <= bytes.size(), "a push lies within the bytes read");
    require(push.method == "GET" || push.method == "POST", "a push is a GET or a POST");
    require(!push.name.isEmpty() && push.name != "." && push.name != "..",
            "a pushing machine has a name");
    for (char c : push.name)
        require(isUnreserved(c), "a machine's name needs no decoding");
    require(push.body.size() <= kMaxBody, "a push's body is within its limit");
    const QByteArrayView request = bytes.first(push.size);
    require(request.endsWith(push.body), "a push's body is its last bytes");
    require(request.sliced(0, push.size - push.body.size()).endsWith("\r\n\r\n"),
            "a push's headers end with a blank line");
    require(!request.sliced(0, push.size - push.body.size() - 2).contains("\r\n\r\n"),
            "a push's header block has one end");
    // The request alone reads the same; cut short, it is not a push yet.
    hb::http::PushRequest again;
    require(hb::http::parsePush(request, kMaxBody, &again) == hb::http::PushParse::Push &&
                again.size == push.size && again.name == push.name && again.kind == push.kind &&
                again.body == push.body && again.authorization == push.authorization &&
                again.queryToken == push.queryToken && again.close == push.close,
            "a push reads the same without what follows it");
    require(hb::http::parsePush(request.first(push.size - 1), kMaxBody, &again) !=
                hb::http::PushParse::Push,
            "a push cut short is not a push");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // No copy: ASan sees a read past the input's end as the bug it is.
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    hb::body::Error error;
    if (const auto reason = hb::body::pauseReason(body, &error)) {
        require(!reason->isEmpty() && reason->trimmed() == *reason, "a reason is trimmed text");
        require(reason->isValidUtf16(), "a reason is valid Unicode");
        require(reason->toUcs4().size() <= 500, "a reason has at most 500 characters");
    } else {
        requireRefusal(error);
    }

    error = {};
    if (!hb::body::maintenanceOn(body, &error))
        requireRefusal(error);

    error = {};
    if (const auto config = hb::body::config(body, &error)) {
        // What the API accepts, the file accepts: it validates, and saves and loads unchanged.
        require(!hb::validateConfig(*config), "an accepted config validates");
        hb::ConfigError configError;
        const auto again = hb::configFromJson(config->toJson(), &configError);
        require(again && *again == *config, "an accepted config round-trips through JSON");
    } else {
        requireRefusal(error);
    }

    error = {};
    constexpr qint64 kNow = 1'780'000'000'000; // a fixed "now": a finding must replay
    if (const auto silence = hb::body::silence(body, kNow, &error)) {
        require(silence->fromMs >= 0 && silence->toMs > silence->fromMs && silence->toMs > kNow,
                "a silence ends after it starts, in the future");
        require(silence->toMs - silence->fromMs <= hb::body::kMaxSilenceMs,
                "a silence lasts at most 366 days");
        require(!silence->reason.isEmpty() && silence->reason.toUcs4().size() <= 500,
                "a silence has a reason of at most 500 characters");
        require(silence->kind.isEmpty() || hb::NotificationKind::all().contains(silence->kind),
                "a silence's kind is a notification kind");
        require(silence->machine.size() <= 64 && silence->task.size() <= 64,
                "matcher names have at most 64 characters");
    } else {
        requireRefusal(error);
    }

    error = {};
    if (!hb::body::empty(body, &error))
        requireRefusal(error);

    error = {};
    if (const auto report = hb::body::machineReport(body, &error)) {
        for (const double value : {report->cpu, report->memory, report->disk, report->uptimeS})
            require(std::isnan(value) || (std::isfinite(value) && value >= 0),
                    "a reported figure is absent or a finite number >= 0");
        require(report->version.isValidUtf16() && report->version.toUcs4().size() <= 100 &&
                    !report->version.contains(u'\n'),
                "a version is one line of at most 100 characters");
        require(report->note.isValidUtf16() && report->note.toUcs4().size() <= 1000,
                "a note has at most 1000 characters");
    } else {
        requireRefusal(error);
    }

    checkPush(QByteArrayView(body));
    return 0;
}
