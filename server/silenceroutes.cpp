// The silence routes of the HTTP API (docs/api.md, "Silences"): the silences of metrics.db read
// straight from the server's thread, and added or ended early as engine commands (operator role,
// audited under the token's name), like every other change. (The notification delivery log is a
// paged read, with the others in apiserver.cpp.)

#include "apiserver.h"
#include "apiserver_p.h"

#include "api/requestbody.h"
#include "api/snapshotjson.h"
#include "engine.h"
#include "store/storeerror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace hb {

namespace {

} // namespace

NotificationStore *ApiServer::notifications(QString *error)
{
    if (!m_notifications) {
        try {
            m_notifications = std::make_unique<NotificationStore>(m_options.metricsPath);
        } catch (const StoreError &e) {
            *error = e.message();
            return nullptr;
        }
    }
    return m_notifications.get();
}

void ApiServer::getSilences(Call &call)
{
    QString error;
    NotificationStore *store = notifications(&error);
    if (!store) {
        replyError(call, 503, QStringLiteral("store_unavailable"), error);
        return;
    }
    try {
        QJsonArray items;
        const QVector<NotificationSilence> silences =
            store->silences(QDateTime::currentMSecsSinceEpoch());
        for (const NotificationSilence &silence : silences)
            items.append(json::fromSilence(silence));
        replyJson(call, 200, {{QStringLiteral("items"), items}});
    } catch (const StoreError &e) {
        m_notifications.reset(); // opened again by the next request
        replyError(call, 503, QStringLiteral("store_unavailable"), e.message());
    }
}

void ApiServer::postSilence(Call &call)
{
    body::Error error;
    const std::optional<body::SilenceRequest> request =
        body::silence(call.request.body(), QDateTime::currentMSecsSinceEpoch(), &error);
    if (!request) {
        reply(call, http::response(400, "application/json",
                                   compact({{QStringLiteral("error"), QStringLiteral("bad_body")},
                                            {QStringLiteral("field"), error.field},
                                            {QStringLiteral("message"), error.toString()}}) +
                                       '\n',
                                   {}, call.close));
        return;
    }
    NotificationSilence silence;
    silence.fromMs = request->fromMs;
    silence.toMs = request->toMs;
    silence.reason = request->reason;
    silence.machine = request->machine;
    silence.task = request->task;
    silence.kind = request->kind;
    silence.cron = request->cron;
    silence.durationMs = request->durationMs;
    silence.tz = request->tz;
    silence.createdBy = call.actor.name;
    command(
        call,
        [silence](HeartbeatEngine &engine, const Actor &actor) {
            return engine.addSilence(actor, silence);
        },
        [silence](const CommandResult &result) {
            NotificationSilence created = silence;
            created.id = result.id;
            created.createdMs = QDateTime::currentMSecsSinceEpoch();
            return json::fromSilence(created);
        });
}

void ApiServer::deleteSilence(Call &call)
{
    bool ok = false;
    const qint64 id = call.params.value(0).toLongLong(&ok);
    QString error;
    NotificationStore *store = ok && id > 0 ? notifications(&error) : nullptr;
    if (ok && id > 0 && !store) {
        replyError(call, 503, QStringLiteral("store_unavailable"), error);
        return;
    }
    bool known = false;
    if (store) {
        try {
            const QVector<NotificationSilence> silences =
                store->silences(QDateTime::currentMSecsSinceEpoch());
            known = std::any_of(silences.begin(), silences.end(),
                                [id](const NotificationSilence &s) { return s.id == id; });
        } catch (const StoreError &e) {
            m_notifications.reset();
            replyError(call, 503, QStringLiteral("store_unavailable"), e.message());
            return;
        }
    }
    if (!known) {
        replyError(call, 404, QStringLiteral("no_such_silence"),
                   QStringLiteral("no current or future silence with id \"%1\"")
                       .arg(call.params.value(0).left(32)));
        return;
    }
    command(call, [id](HeartbeatEngine &engine, const Actor &actor) {
        return engine.endSilence(actor, id);
    });
}

} // namespace hb
