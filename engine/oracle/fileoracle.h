#pragma once

#include "oracle/oraclesource.h"

namespace hb {

// Reads the price document from a local file (README "Price oracle"), e.g. one that another
// process downloads. Whoever writes it should replace it atomically (write, then rename): a
// half-written file reads as truncated JSON and fails that fetch. A file larger than
// `maxBytes` is refused unread.
class FileOracle final : public OracleSource
{
public:
    FileOracle(QString path, qint64 maxBytes, std::shared_ptr<const Clock> clock = {});

    QString name() const override { return m_path; }
    OracleResult fetch(const QStringList &commodities, const std::atomic_bool &cancelled) override;

private:
    const QString m_path;
    const qint64 m_maxBytes;
};

} // namespace hb
