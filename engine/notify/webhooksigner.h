#pragma once

#include <QByteArray>

namespace hb {

// The Standard Webhooks signature: "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "."
// + body)), where `key` is the decoded part of the channel's "whsec_…" secret and `timestamp`
// the unix seconds sent in the webhook-timestamp header.
QByteArray webhookSignature(const QByteArray &key, const QByteArray &messageId, qint64 timestamp,
                            const QByteArray &body);

} // namespace hb
