#pragma once

// The Standard Webhooks signature computed by the openssl command line tool: a second witness,
// independent of the code under test (scripts/install-deps.sh installs openssl).

#include <QByteArray>
#include <QProcess>
#include <QStandardPaths>

// "v1,<base64>" for `key`, or an empty array when openssl could not be run.
inline QByteArray opensslWebhookSignature(const QByteArray &key, const QByteArray &id,
                                          const QByteArray &timestamp, const QByteArray &body)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return {};
    QProcess process;
    process.start(openssl,
                  {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-mac"),
                   QStringLiteral("HMAC"), QStringLiteral("-macopt"),
                   QStringLiteral("hexkey:") + QString::fromLatin1(key.toHex()),
                   QStringLiteral("-binary")});
    if (!process.waitForStarted(10'000))
        return {};
    process.write(id + '.' + timestamp + '.' + body);
    process.closeWriteChannel();
    if (!process.waitForFinished(10'000) || process.exitCode() != 0)
        return {};
    const QByteArray mac = process.readAllStandardOutput();
    if (mac.size() != 32)
        return {};
    QByteArray signature("v1,");
    signature.append(mac.toBase64());
    return signature;
}
