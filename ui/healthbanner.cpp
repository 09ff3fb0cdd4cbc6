#include "healthbanner.h"

#include "format.h"

#include <QHBoxLayout>
#include <QLabel>

namespace hb {

HealthBanner::HealthBanner(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("healthBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_detail->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_title);
    layout->addSpacing(16);
    layout->addWidget(m_detail, 1);
}

QString HealthBanner::text() const
{
    return m_title->text() + u' ' + m_detail->text();
}

QString HealthBanner::oracleText(const OracleHealth &oracle)
{
    // The demo's figures are made up: its banner says whose prices they are, not how well a
    // simulation answers; an outage still shows, since the demo is there to show one.
    if (oracle.demoFeed) {
        switch (oracle.status) {
        case OracleHealth::Status::Degraded:
            return tr("Oracle: demo feed, degraded: %1").arg(oracle.problem);
        case OracleHealth::Status::Down:
            return tr("Oracle: demo feed, down: price updates stopped by their circuit breaker");
        default:
            return tr("Oracle: demo feed");
        }
    }
    switch (oracle.status) {
    case OracleHealth::Status::NotConfigured:
        return tr("Oracle not configured");
    case OracleHealth::Status::Unknown:
        return tr("Oracle not measured yet");
    case OracleHealth::Status::Ok:
        if (oracle.errorRate < 0)
            return tr("Oracle OK");
        return tr("Oracle OK (%1 errors, %2 average)")
            .arg(format::percent(oracle.errorRate), format::duration(qRound64(oracle.latencyMs)));
    case OracleHealth::Status::Degraded:
        return tr("Oracle degraded: %1").arg(oracle.problem);
    case OracleHealth::Status::Down:
        return tr("Oracle down: price updates stopped by their circuit breaker");
    }
    return {};
}

void HealthBanner::update(const EngineState &state, qint64 nowMs)
{
    const Health health = Health::evaluate(state, nowMs);
    QString title;
    QStringList details;
    if (health.emergencyStop) {
        m_level = Level::Paused;
        title = tr("EMERGENCY PAUSE");
        details << (state.emergencyReason.isEmpty()
                        ? tr("No task runs until an admin resumes.")
                        : tr("No task runs until an admin resumes. Reason: %1")
                              .arg(state.emergencyReason));
    } else if (health.safeMode) {
        m_level = Level::SafeMode;
        title = tr("SAFE MODE");
        details << (state.safeModeReason.isEmpty()
                        ? tr("Only critical tasks run until an admin leaves safe mode.")
                        : tr("Only critical tasks run until an admin leaves safe mode. Reason: %1")
                              .arg(state.safeModeReason));
    } else if (health.maintenance) {
        m_level = Level::Paused;
        title = tr("MAINTENANCE MODE");
        details << tr("Ticks are recorded but no task runs.");
    } else if (!health.enabled) {
        m_level = Level::Warning;
        title = tr("Heartbeat disabled");
        details << tr("Enable it in the configuration to run tasks.");
    } else if (health.lastTickAgeMs < 0) {
        m_level = Level::Stale;
        title = tr("Waiting for the first heartbeat");
    } else if (!health.fresh) {
        m_level = Level::Stale;
        title = tr("Heartbeat stale");
    } else if (health.activeAlerts > 0) {
        m_level = Level::Warning;
        title = tr("Healthy, with alerts");
        details << tr("%n active alert(s)", nullptr, health.activeAlerts);
    } else {
        m_level = Level::Healthy;
        title = tr("Healthy");
    }
    if (health.lastTickAgeMs >= 0)
        details << tr("Last heartbeat %1").arg(format::age(health.lastTickAgeMs));
    details << oracleText(health.oracle);
    m_title->setText(title);
    m_detail->setText(details.join(QStringLiteral(" · ")));

    QColor background;
    switch (m_level) {
    case Level::Healthy:
        background = QColor(0xd8, 0xf0, 0xdc);
        break;
    case Level::Warning:
        background = QColor(0xff, 0xf1, 0xc9);
        break;
    case Level::Paused:
        background = QColor(0xf8, 0xd0, 0xd0);
        break;
    case Level::Stale:
        background = QColor(0xe4, 0xe4, 0xe4);
        break;
    case Level::SafeMode: // its own colour: neither the pause's red nor a warning's amber
        background = QColor(0xdc, 0xd4, 0xf4);
        break;
    }
    QPalette pal = palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(pal);
}

} // namespace hb
