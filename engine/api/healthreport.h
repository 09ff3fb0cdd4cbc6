#pragma once

#include "snapshot.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

// GET /healthz: whether the engine is doing its job, and if not, why — for a load balancer (the
// status) and for a person (the reasons). Built on Health::evaluate, the same judgement the
// dashboard's status bar shows.
namespace hb {

// The stable machine codes of the reasons (scripts and alert rules match on these; the messages
// are for people and may change or be translated).
namespace HealthCode {
inline const QString StaleHeartbeat = QStringLiteral("stale_heartbeat");
inline const QString EmergencyPause = QStringLiteral("emergency_pause");
inline const QString Maintenance = QStringLiteral("maintenance");
inline const QString EngineDisabled = QStringLiteral("engine_disabled");
inline const QString OracleDown = QStringLiteral("oracle_down");
inline const QString StoreFailed = QStringLiteral("store_failed");
inline const QString EngineStalled = QStringLiteral("engine_stalled");
} // namespace HealthCode

struct HealthReason
{
    QString code;    // one of HealthCode
    QString message; // one sentence saying what is wrong, with its figures
};

struct HealthReport
{
    bool healthy = false;
    QVector<HealthReason> reasons; // empty exactly when healthy, in HealthCode's order
    qint64 lastTickMs = 0;         // when the last tick started; 0: none yet
    qint64 lastTickAgeMs = -1;     // -1: no tick yet
    qint64 checkedAtMs = 0;

    QStringList codes() const;
    // {"status": "ok"|"unhealthy", "reasons": [{"code": …, "message": …}, …],
    //  "last_tick_ms": … (null before the first tick), "last_tick_age_ms": … (likewise),
    //  "checked_at_ms": …}
    QJsonObject toJson() const;
};

HealthReport healthReport(const EngineState &state, qint64 nowMs);

} // namespace hb
