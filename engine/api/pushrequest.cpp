#include "api/pushrequest.h"

namespace hb::http {

namespace {

constexpr int kMaxHeaders = 64;
constexpr qsizetype kMaxHeaderLine = 4096;
constexpr qsizetype kMaxContentLengthDigits = 18; // fits a qint64

bool isUnreserved(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// RFC 9110 token characters: a header name.
bool isTokenChar(char c)
{
    if (isUnreserved(c))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '^':
    case '`':
    case '|':
        return true;
    default:
        return false;
    }
}

bool isHostChar(char c)
{
    return isUnreserved(c) || c == ':' || c == '[' || c == ']';
}

bool nameIs(QByteArrayView name, QByteArrayView lower)
{
    return name.size() == lower.size() && qstrnicmp(name.data(), lower.data(), name.size()) == 0;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

// The target: /api/v1/machines/NAME/KIND[?QUERY].
bool readTarget(QByteArrayView target, PushRequest *out)
{
    if (!target.startsWith(PushPathPrefix))
        return false;
    target = target.sliced(PushPathPrefix.size());
    const qsizetype slash = target.indexOf('/');
    if (slash <= 0)
        return false;
    const QByteArrayView name = target.first(slash);
    for (char c : name) {
        if (!isUnreserved(c))
            return false;
    }
    if (name == "." || name == "..") // dot segments: how a URL resolves them is not ours to say
        return false;
    QByteArrayView rest = target.sliced(slash + 1);
    const qsizetype question = rest.indexOf('?');
    const QByteArrayView word = question < 0 ? rest : rest.first(question);
    const std::optional<PingKind> kind = pushKindFromWord(word);
    if (!kind)
        return false;
    out->name = name.toByteArray();
    out->kind = *kind;
    out->queryToken.clear();
    if (question < 0)
        return true;
    const QByteArrayView query = rest.sliced(question + 1);
    for (char c : query) {
        if (!isUnreserved(c) && c != '=' && c != '&')
            return false;
    }
    // The first `token` item, as a URL query reads it (no '+' or percent-decoding is needed: the
    // characters allowed above have none).
    qsizetype at = 0;
    while (at <= query.size()) {
        qsizetype end = query.indexOf('&', at);
        if (end < 0)
            end = query.size();
        const QByteArrayView item = query.sliced(at, end - at);
        const qsizetype equals = item.indexOf('=');
        const QByteArrayView key = equals < 0 ? item : item.first(equals);
        if (key == "token") {
            out->queryToken = equals < 0 ? QByteArray() : item.sliced(equals + 1).toByteArray();
            break;
        }
        at = end + 1;
    }
    return true;
}

// The request line: METHOD SP TARGET SP VERSION, single spaces.
bool readRequestLine(QByteArrayView line, PushRequest *out)
{
    const qsizetype first = line.indexOf(' ');
    if (first < 0)
        return false;
    const QByteArrayView method = line.first(first);
    if (method != "GET" && method != "POST")
        return false;
    const qsizetype second = line.indexOf(' ', first + 1);
    if (second < 0)
        return false;
    const QByteArrayView version = line.sliced(second + 1);
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return false;
    out->method = method.toByteArray();
    return readTarget(line.sliced(first + 1, second - first - 1), out);
}

} // namespace

std::optional<PingKind> pushKindFromWord(QByteArrayView word)
{
    if (word == "heartbeat")
        return PingKind::Heartbeat;
    if (word == "start")
        return PingKind::Start;
    if (word == "fail")
        return PingKind::Fail;
    return std::nullopt;
}

PushParse parsePush(QByteArrayView data, qint64 maxBody, PushRequest *out)
{
    *out = PushRequest();
    // Line by line: every line ends with CRLF; a CR or LF anywhere else is not a plain push.
    qsizetype pos = 0;
    int lineNo = 0;
    bool haveLength = false, haveHost = false, haveAuthorization = false;
    qint64 length = 0;
    for (;;) {
        const qsizetype lf = data.indexOf('\n', pos);
        if (lf < 0) {
            // Nothing here rules a push out yet (the line so far has no stray CR).
            const QByteArrayView partial = data.sliced(pos);
            const qsizetype cr = partial.indexOf('\r');
            return cr >= 0 && cr != partial.size() - 1 ? PushParse::Other : PushParse::Incomplete;
        }
        if (lf == pos || data.at(lf - 1) != '\r')
            return PushParse::Other; // a bare LF
        const QByteArrayView line = data.sliced(pos, lf - 1 - pos);
        pos = lf + 1;
        if (line.contains('\r'))
            return PushParse::Other;
        if (lineNo++ == 0) {
            if (!readRequestLine(line, out))
                return PushParse::Other;
            continue;
        }
        if (line.isEmpty())
            break; // the header block's end
        if (lineNo > kMaxHeaders + 1 || line.size() > kMaxHeaderLine)
            return PushParse::Other;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return PushParse::Other;
        const QByteArrayView name = line.first(colon);
        for (char c : name) {
            if (!isTokenChar(c))
                return PushParse::Other;
        }
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        for (char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\t') || u == 0x7f)
                return PushParse::Other;
        }
        if (nameIs(name, "content-length")) {
            if (haveLength || value.isEmpty() || value.size() > kMaxContentLengthDigits)
                return PushParse::Other;
            for (char c : value) {
                if (c < '0' || c > '9')
                    return PushParse::Other;
            }
            haveLength = true;
            length = value.toLongLong();
            if (length > maxBody)
                return PushParse::Other; // refused on its length by the connection's guard
        } else if (nameIs(name, "transfer-encoding") || nameIs(name, "expect") ||
                   nameIs(name, "upgrade")) {
            return PushParse::Other;
        } else if (nameIs(name, "host")) {
            if (haveHost)
                return PushParse::Other;
            haveHost = true;
            for (char c : value) {
                if (!isHostChar(c))
                    return PushParse::Other;
            }
        } else if (nameIs(name, "authorization")) {
            if (haveAuthorization)
                return PushParse::Other;
            haveAuthorization = true;
            out->authorization = value.toByteArray();
        } else if (nameIs(name, "connection")) {
            qsizetype at = 0;
            while (at <= value.size()) {
                qsizetype end = value.indexOf(',', at);
                if (end < 0)
                    end = value.size();
                const QByteArrayView option = trimmed(value.sliced(at, end - at));
                if (nameIs(option, "close"))
                    out->close = true;
                at = end + 1;
            }
            // A connection that asks to change protocol is for the general parser.
            if (value.toByteArray().toLower().contains("upgrade"))
                return PushParse::Other;
        }
    }
    if (data.size() - pos < length)
        return PushParse::Incomplete;
    out->body = data.sliced(pos, qsizetype(length)).toByteArray();
    out->size = pos + qsizetype(length);
    return PushParse::Push;
}

} // namespace hb::http
