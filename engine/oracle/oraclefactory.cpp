#include "oracle/oraclefactory.h"

#include "core/config.h"
#include "oracle/demooracle.h"
#include "oracle/fileoracle.h"
#include "oracle/httporacle.h"
#include "oracle/oraclelogging.h"

#include <QUrl>

namespace hb {

std::unique_ptr<OracleSource> makeOracle(const HeartbeatConfig &config,
                                         std::shared_ptr<const Clock> clock, QString *error)
{
    // The config's own rules decide, on the oracle section alone: a problem elsewhere is not
    // ours to refuse, and must not hide one here either (validateConfig reports the first).
    HeartbeatConfig oracleOnly;
    oracleOnly.oracleSource = config.oracleSource;
    oracleOnly.oracleUrl = config.oracleUrl;
    oracleOnly.oraclePath = config.oraclePath;
    oracleOnly.oracleTimeoutMs = config.oracleTimeoutMs;
    oracleOnly.oracleMaxBodyBytes = config.oracleMaxBodyBytes;
    oracleOnly.oracleDemoFaultRate = config.oracleDemoFaultRate;
    oracleOnly.oracleMaxAgeMs = config.oracleMaxAgeMs;
    if (std::optional<ConfigError> problem = validateConfig(oracleOnly)) {
        if (error)
            *error = problem->toString();
        return nullptr;
    }

    std::unique_ptr<OracleSource> source;
    if (config.oracleSource == OracleSourceName::None) {
        return nullptr; // no source, and nothing wrong
    } else if (config.oracleSource == OracleSourceName::Http) {
        source = std::make_unique<HttpOracle>(QUrl(config.oracleUrl), config.oracleTimeoutMs,
                                              config.oracleMaxBodyBytes, std::move(clock));
    } else if (config.oracleSource == OracleSourceName::File) {
        source = std::make_unique<FileOracle>(config.oraclePath, config.oracleMaxBodyBytes,
                                              std::move(clock));
    } else { // "demo": validateConfig() accepted no other name
        source = std::make_unique<DemoOracle>(kDemoOracleSeed, config.oracleDemoFaultRate,
                                              std::move(clock));
    }
    qCInfo(lcOracle).noquote() << "price oracle:" << config.oracleSource << source->name();
    return source;
}

} // namespace hb
