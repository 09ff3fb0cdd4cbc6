#pragma once

#include "snapshot.h"

#include <QGroupBox>
#include <QHash>

class QLabel;

namespace hb {

// The seed's HeartbeatMetrics as a compact grid of figures.
class MetricsPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit MetricsPanel(QWidget *parent = nullptr);
    void update(const EngineState &state);
    // The text shown for a figure, by its object name ("ticks", "successRate", ...), for tests.
    QString figure(const QString &name) const;

private:
    QLabel *addFigure(int row, int column, const QString &name, const QString &label,
                      bool elided = false);

    QHash<QString, QLabel *> m_values;
};

} // namespace hb
