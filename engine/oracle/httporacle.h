#pragma once

#include "oracle/oraclesource.h"

#include <QUrl>

namespace hb {

// GETs the price document (README "Price oracle") from `url`. Every fetch is bounded: the
// whole exchange must end within `timeoutMs`; a body beyond `maxBodyBytes` is not read on;
// redirects are not followed (a 3xx is an error: a feed that moved is a config change, not
// something to follow silently); any status other than 2xx is an error; TLS errors are errors,
// never ignored. Setting the cancellation flag ends a fetch within ~25 ms.
class HttpOracle final : public OracleSource
{
public:
    HttpOracle(QUrl url, qint64 timeoutMs, qint64 maxBodyBytes,
               std::shared_ptr<const Clock> clock = {});

    // The URL without user name, password or query, which may hold credentials.
    QString name() const override;
    OracleResult fetch(const QStringList &commodities, const std::atomic_bool &cancelled) override;

private:
    const QUrl m_url;
    const qint64 m_timeoutMs;
    const qint64 m_maxBodyBytes;
};

} // namespace hb
