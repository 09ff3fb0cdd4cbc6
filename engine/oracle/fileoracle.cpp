#include "oracle/fileoracle.h"

#include "oracle/oraclelogging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace hb {

FileOracle::FileOracle(QString path, qint64 maxBytes, std::shared_ptr<const Clock> clock)
    : OracleSource(std::move(clock))
    , m_path(std::move(path))
    , m_maxBytes(maxBytes)
{
}

OracleResult FileOracle::fetch(const QStringList &commodities, const std::atomic_bool &cancelled)
{
    if (cancelled.load(std::memory_order_relaxed))
        return OracleResult::cancellation();

    QElapsedTimer elapsed;
    elapsed.start();
    auto finish = [&](OracleResult result) {
        result.latencyMs = elapsed.elapsed();
        if (!result.ok())
            qCDebug(lcOracle).noquote() << "file fetch failed:" << result.summary();
        return result;
    };

    QFile file(m_path);
    if (QFileInfo(m_path).isDir() || !file.open(QIODevice::ReadOnly)) {
        const QString reason = QFileInfo(m_path).isDir()
                                   ? QCoreApplication::translate("hb::Oracle", "is a directory")
                                   : file.errorString();
        return finish(OracleResult::failure(
            QCoreApplication::translate("hb::Oracle", "cannot read %1: %2").arg(m_path, reason)));
    }
    // Read one byte past the limit rather than trusting size(): the file may be growing.
    const QByteArray bytes = file.read(m_maxBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        return finish(
            OracleResult::failure(QCoreApplication::translate("hb::Oracle", "cannot read %1: %2")
                                      .arg(m_path, file.errorString())));
    }
    if (bytes.size() > m_maxBytes) {
        return finish(OracleResult::failure(
            QCoreApplication::translate("hb::Oracle", "%1 is larger than the limit of %2 bytes")
                .arg(m_path)
                .arg(m_maxBytes)));
    }
    OracleResult result = parsePriceDocument(bytes, priceCheck(commodities));
    if (!result.error.isEmpty())
        result.error = m_path + u": " + result.error; // which file is broken
    return finish(result);
}

} // namespace hb
