#pragma once

#include "snapshot.h"

#include <QFrame>

class QLabel;

namespace hb {

// The line across the top of the window that says, at a glance, whether the heartbeat is
// healthy — and makes a pause or maintenance mode impossible to miss (colour plus words) —
// with the oracle's status beside it.
class HealthBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Level { Healthy, Warning, Paused, Stale, SafeMode };
    Q_ENUM(Level)

    explicit HealthBanner(QWidget *parent = nullptr);

    // `nowMs` is the GUI's clock: freshness is re-judged every second between snapshots.
    void update(const EngineState &state, qint64 nowMs);
    Level level() const { return m_level; }
    QString text() const;
    static QString oracleText(const OracleHealth &oracle);

private:
    QLabel *m_title;
    QLabel *m_detail;
    Level m_level = Level::Stale;
};

} // namespace hb
