#include "notify/webhooksigner.h"

#include <QMessageAuthenticationCode>

namespace hb {

QByteArray webhookSignature(const QByteArray &key, const QByteArray &messageId, qint64 timestamp,
                            const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    mac.addData(messageId);
    mac.addData(".");
    mac.addData(QByteArray::number(timestamp));
    mac.addData(".");
    mac.addData(body);
    QByteArray signature = QByteArrayLiteral("v1,");
    signature.append(mac.result().toBase64());
    return signature;
}

} // namespace hb
