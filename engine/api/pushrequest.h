#pragma once

#include "machines/machinetypes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// A machine push read straight from a connection's bytes (docs/api.md, "Machines"), so the server
// can answer the commonest request it gets without Qt's general HTTP parser. Only a plain, whole
// push is taken; anything else - another route, an unusual header, bytes still to come - is left
// to that parser, which then answers it exactly as before. Pure (QtCore only): it takes untrusted
// bytes, so it is a libFuzzer target too (fuzz/).
namespace hb::http {

// Every push's target starts with this.
constexpr QByteArrayView PushPathPrefix = "/api/v1/machines/";

struct PushRequest
{
    QByteArray method; // "GET" or "POST"
    QByteArray name;   // the machine: [A-Za-z0-9._~-]+, so never percent-encoded
    PingKind kind = PingKind::Heartbeat;
    QByteArray queryToken;    // ?token=…, the first one; empty: none
    QByteArray authorization; // the Authorization header, trimmed; empty: none
    QByteArray body;          // exactly Content-Length bytes
    bool close = false;       // a Connection header says "close"
    qsizetype size = 0;       // bytes of the request, from its first to the body's last
};

enum class PushParse {
    Push,       // `out` holds a whole push of `out->size` bytes
    Incomplete, // a push, perhaps, but its bytes are not all here
    Other,      // not a plain push: for the general parser
};

// Reads the request at the start of `data`. Taken: `GET|POST /api/v1/machines/NAME/KIND[?QUERY]
// HTTP/1.0|1.1`, CRLF line ends only, headers as `Name: value` (at most 64 of them), at most one
// Content-Length (digits, at most `maxBody`), no Transfer-Encoding, Expect or Upgrade, a Host of
// plain host characters, no repeated Authorization, a query of unreserved characters, `=` and
// `&` only. Everything else is Other (or Incomplete while it may still become a push).
PushParse parsePush(QByteArrayView data, qint64 maxBody, PushRequest *out);

// "heartbeat", "start", "fail": the last segment of a push's path.
std::optional<PingKind> pushKindFromWord(QByteArrayView word);

} // namespace hb::http
