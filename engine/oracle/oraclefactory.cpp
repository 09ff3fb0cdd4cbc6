#include "oracle/oraclefactory.h"

#include "core/config.h"
#include "oracle/demooracle.h"
#include "oracle/fileoracle.h"
#include "oracle/httporacle.h"
#include "oracle/oraclelogging.h"

#include <QUrl>

namespace hb {

namespace {

// The config's own rules decide, on the oracle section alone: a problem elsewhere is not ours to
// refuse, and must not hide one here either (validateConfig reports the first).
std::optional<ConfigError> oracleSectionProblem(const HeartbeatConfig &config)
{
    HeartbeatConfig oracleOnly;
    oracleOnly.oracleSource = config.oracleSource;
    oracleOnly.oracleUrl = config.oracleUrl;
    oracleOnly.oraclePath = config.oraclePath;
    oracleOnly.oracleFallbackSource = config.oracleFallbackSource;
    oracleOnly.oracleFallbackUrl = config.oracleFallbackUrl;
    oracleOnly.oracleFallbackPath = config.oracleFallbackPath;
    oracleOnly.oracleTimeoutMs = config.oracleTimeoutMs;
    oracleOnly.oracleMaxBodyBytes = config.oracleMaxBodyBytes;
    oracleOnly.oracleDemoFaultRate = config.oracleDemoFaultRate;
    oracleOnly.oracleMaxAgeMs = config.oracleMaxAgeMs;
    return validateConfig(oracleOnly);
}

std::unique_ptr<OracleSource> buildOracle(const HeartbeatConfig &config, const QString &name,
                                          const QString &url, const QString &path,
                                          std::shared_ptr<const Clock> clock, QString *error)
{
    if (std::optional<ConfigError> problem = oracleSectionProblem(config)) {
        if (error)
            *error = problem->toString();
        return nullptr;
    }

    std::unique_ptr<OracleSource> source;
    if (name == OracleSourceName::None) {
        return nullptr; // no source, and nothing wrong
    } else if (name == OracleSourceName::Http) {
        source = std::make_unique<HttpOracle>(QUrl(url), config.oracleTimeoutMs,
                                              config.oracleMaxBodyBytes, std::move(clock));
    } else if (name == OracleSourceName::File) {
        source = std::make_unique<FileOracle>(path, config.oracleMaxBodyBytes, std::move(clock));
    } else { // "demo": validateConfig() accepted no other name
        source = std::make_unique<DemoOracle>(kDemoOracleSeed, config.oracleDemoFaultRate,
                                              std::move(clock));
    }
    return source;
}

} // namespace

std::unique_ptr<OracleSource> makeOracle(const HeartbeatConfig &config,
                                         std::shared_ptr<const Clock> clock, QString *error)
{
    std::unique_ptr<OracleSource> source = buildOracle(
        config, config.oracleSource, config.oracleUrl, config.oraclePath, std::move(clock), error);
    if (source)
        qCInfo(lcOracle).noquote() << "price oracle:" << config.oracleSource << source->name();
    return source;
}

std::unique_ptr<OracleSource> makeFallbackOracle(const HeartbeatConfig &config,
                                                 std::shared_ptr<const Clock> clock,
                                                 QString *error)
{
    std::unique_ptr<OracleSource> source =
        buildOracle(config, config.oracleFallbackSource, config.oracleFallbackUrl,
                    config.oracleFallbackPath, std::move(clock), error);
    if (source)
        qCInfo(lcOracle).noquote() << "fallback price oracle:" << config.oracleFallbackSource
                                   << source->name();
    return source;
}

} // namespace hb
