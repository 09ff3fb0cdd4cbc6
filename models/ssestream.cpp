#include "ssestream.h"

#include <algorithm>

namespace hb {

namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";

} // namespace

SseStream::SseStream(qsizetype maxEventBytes)
    : m_max(maxEventBytes)
{
}

bool SseStream::fail(const QString &error)
{
    m_error = error;
    m_line.clear();
    m_data.clear();
    m_type.clear();
    m_line.squeeze();
    m_data.squeeze();
    return false;
}

bool SseStream::feed(QByteArrayView bytes, QVector<Event> *events)
{
    if (failed())
        return false;
    if (m_atStart) {
        // The BOM's three bytes may come cut across chunks.
        m_start.append(bytes);
        const QByteArrayView bom(kBom);
        if (m_start.size() < bom.size() && bom.startsWith(m_start))
            return true;
        m_atStart = false;
        QByteArray first = std::move(m_start);
        m_start = QByteArray();
        if (first.startsWith(bom))
            first.remove(0, bom.size());
        return readLines(first, events);
    }
    return readLines(bytes, events);
}

bool SseStream::readLines(QByteArrayView bytes, QVector<Event> *events)
{
    const char *const begin = bytes.data();
    const char *const end = begin + bytes.size();
    const char *pos = begin;
    if (m_skipLf && pos != end) {
        if (*pos == '\n')
            ++pos;
        m_skipLf = false;
    }
    while (pos != end) {
        const char *eol = std::find_if(pos, end, [](char c) { return c == '\n' || c == '\r'; });
        const qsizetype length = eol - pos;
        if (m_line.size() + length > m_max)
            return fail(tr("a line of the event stream is longer than %1 bytes").arg(m_max));
        if (eol == end) {
            m_line.append(pos, length);
            break;
        }
        bool ok;
        if (m_line.isEmpty()) {
            ok = readLine(QByteArrayView(pos, length), events);
        } else {
            m_line.append(pos, length);
            ok = readLine(m_line, events);
            m_line.clear();
        }
        if (!ok)
            return false;
        if (*eol == '\r') {
            if (eol + 1 == end)
                m_skipLf = true;
            else if (eol[1] == '\n')
                ++eol;
        }
        pos = eol + 1;
    }
    return true;
}

bool SseStream::readLine(QByteArrayView line, QVector<Event> *events)
{
    if (line.isEmpty()) {
        // The event is complete: dispatched when it has data, as a browser does.
        if (m_hasData) {
            if (m_data.endsWith('\n'))
                m_data.chop(1);
            events->append({m_lastEventId, m_type.isEmpty() ? QByteArrayLiteral("message") : m_type,
                            std::move(m_data)});
        }
        m_data = QByteArray();
        m_type.clear();
        m_hasData = false;
        return true;
    }
    if (line.front() == ':') {
        ++m_comments;
        return true;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_data.size() + value.size() + 1 > m_max)
            return fail(tr("an event of the event stream is larger than %1 bytes").arg(m_max));
        m_data.append(value);
        m_data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        const bool digits =
            !value.isEmpty() && value.size() <= 12 &&
            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits)
            m_retryMs = value.toByteArray().toLongLong();
    }
    // Any other field is ignored, as the format asks.
    return true;
}

} // namespace hb
