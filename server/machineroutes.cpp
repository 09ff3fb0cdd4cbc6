// The machine routes of the HTTP API (docs/api.md, "Machines"): pushes from the machines
// themselves, authenticated by each machine's own token and recorded by the MachineMonitor
// straight from the server's thread, and the list of machines for readers. A plain push is
// mostly answered before Qt's request parser, by the connection's guard (httpguard.h); its
// answer is made here all the same (answerPush()), so both ways answer alike.

#include "apiserver.h"
#include "apiserver_p.h"

#include "api/machinejson.h"
#include "api/pushrequest.h"
#include "api/requestbody.h"
#include "machines/machinemonitor.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace hb {

namespace {

QByteArray okResponse(bool close)
{
    // The same few bytes tens of thousands of times a second: made once.
    static const QByteArray keepAlive = http::response(200, "application/json", "{\"ok\":true}\n");
    static const QByteArray closing =
        http::response(200, "application/json", "{\"ok\":true}\n", {}, true);
    return close ? closing : keepAlive;
}

} // namespace

void ApiServer::pingMachine(Call &call)
{
    const QUrl url = call.request.url();
    const QString path = url.path();
    const std::optional<PingKind> kind =
        http::pushKindFromWord(QStringView(path).mid(path.lastIndexOf(u'/') + 1).toLatin1());
    if (!kind) { // the route table sends only the three kinds here
        replyError(call, 404, QStringLiteral("not_found"), QStringLiteral("no such endpoint"));
        return;
    }
    // "?token=TOKEN", for the GET form of a cron line that cannot send headers.
    const QByteArray queryToken =
        url.hasQuery()
            ? QUrlQuery(url).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8()
            : QByteArray();
    reply(call, answerPush(call.params.value(0), *kind, call.request.body(), call.authorization,
                           queryToken, call.close));
}

QByteArray ApiServer::answerPush(const QString &name, PingKind kind, const QByteArray &body,
                                 const QByteArray &authorization, const QByteArray &queryToken,
                                 bool close)
{
    const auto error = [close](int status, const QString &code, const QString &message,
                               const http::Headers &headers = {}) {
        return http::errorResponse(status, code, message, headers, close);
    };
    MachineMonitor *monitor = m_options.machines;
    if (!monitor) {
        return error(503, QStringLiteral("machines_unavailable"),
                     QStringLiteral("this server does not monitor machines"));
    }
    // The guard refused a larger Content-Length already; this holds for a request whose target
    // it read differently (percent-encoded, say).
    if (body.size() > MaxMachineBodyBytes) {
        return error(413, QStringLiteral("payload_too_large"),
                     QStringLiteral("the body is %1 bytes; at most %2 are accepted")
                         .arg(body.size())
                         .arg(MaxMachineBodyBytes));
    }
    body::Error bodyError;
    const std::optional<MachineReport> report = body::machineReport(body, &bodyError);
    if (!report)
        return error(400, QStringLiteral("bad_body"), bodyError.toString());
    // The token: "Authorization: Bearer TOKEN" (it wins), or "?token=TOKEN". An empty token is
    // asked about too: an unknown machine is 404 with or without one.
    const QByteArray token =
        authorization.size() > 7 && qstrnicmp(authorization.constData(), "bearer ", 7) == 0
            ? authorization.mid(7).trimmed()
            : queryToken;
    switch (monitor->ping(name, token, kind, *report)) {
    case MachineMonitor::PingResult::Accepted:
        return okResponse(close);
    case MachineMonitor::PingResult::UnknownMachine:
        return error(404, QStringLiteral("no_such_machine"),
                     QStringLiteral("no machine named \"%1\"; add it with `heartbeatd machine "
                                    "add`")
                         .arg(name.left(64)));
    case MachineMonitor::PingResult::BadToken:
        if (token.isEmpty()) {
            return error(401, QStringLiteral("unauthorized"),
                         QStringLiteral("a push needs the machine's token: Authorization: Bearer "
                                        "TOKEN, or ?token=TOKEN"),
                         {{"WWW-Authenticate", "Bearer"}});
        }
        return error(401, QStringLiteral("unauthorized"),
                     QStringLiteral("the token is not this machine's push token"),
                     {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}});
    }
    return {};
}

void ApiServer::getMachines(Call &call)
{
    MachineMonitor *monitor = m_options.machines;
    if (!monitor) {
        replyError(call, 503, QStringLiteral("machines_unavailable"),
                   QStringLiteral("this server does not monitor machines"));
        return;
    }
    // ?recent=N: how many of each machine's recent pushes to list (a fleet of thousands with 60
    // each is megabytes).
    int recent = MachineInfo::RecentPings;
    const QUrlQuery query(call.request.url());
    if (query.hasQueryItem(QStringLiteral("recent"))) {
        bool ok = false;
        recent = query.queryItemValue(QStringLiteral("recent")).toInt(&ok);
        if (!ok || recent < 0 || recent > MachineInfo::RecentPings) {
            replyError(call, 400, QStringLiteral("bad_query"),
                       QStringLiteral("recent: expected a whole number from 0 to %1")
                           .arg(MachineInfo::RecentPings));
            return;
        }
    }
    QJsonArray items;
    QVector<MachineInfo> machines = monitor->machines();
    for (MachineInfo &machine : machines) {
        if (machine.recent.size() > recent)
            machine.recent.remove(0, machine.recent.size() - recent);
        items.append(json::fromMachine(machine));
    }
    replyJson(call, 200, {{QStringLiteral("items"), items}});
}

} // namespace hb
