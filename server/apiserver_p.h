#pragma once

// What the ApiServer's source files share: the request being answered.

#include "apiserver.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>
#include <QTcpSocket>

namespace hb {

// One request being answered.
struct ApiServer::Call
{
    const QHttpServerRequest &request;
    QPointer<QTcpSocket> socket;
    bool close = false;            // the client asked to close after this answer
    QByteArray authorization = {}; // the Authorization header, trimmed
    QStringList params = {};       // the path's {parameters}, in order
    Actor actor = {};              // the token's name and role; empty name: no token
    bool deflate = false;          // Accept-Encoding takes "deflate" (large answers use it)
};

// One line of JSON, as every answer and event is sent.
inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace hb
