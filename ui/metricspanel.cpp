#include "metricspanel.h"

#include "format.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>

namespace hb {

namespace {

// One line, cut with "…" at the width it gets (the whole text in its tooltip): a long error
// message must not grow the panel and squeeze the charts below it, however narrow the window.
class ElidedLabel : public QLabel
{
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override { return {0, QLabel::minimumSizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setFont(font());
        painter.setPen(palette().color(foregroundRole()));
        const QRect area = contentsRect();
        painter.drawText(area, int(alignment()),
                         fontMetrics().elidedText(text(), Qt::ElideRight, area.width()));
    }
};

} // namespace

MetricsPanel::MetricsPanel(QWidget *parent) : QGroupBox(tr("Heartbeat metrics"), parent)
{
    auto *grid = new QGridLayout(this);
    grid->setHorizontalSpacing(18);
    addFigure(0, 0, QStringLiteral("ticks"), tr("Heartbeats"));
    addFigure(1, 0, QStringLiteral("total"), tr("Executions"));
    addFigure(2, 0, QStringLiteral("successful"), tr("Successful"));
    addFigure(3, 0, QStringLiteral("failed"), tr("Failed"));
    addFigure(0, 2, QStringLiteral("successRate"), tr("Success rate"));
    addFigure(1, 2, QStringLiteral("average"), tr("Average time"));
    addFigure(2, 2, QStringLiteral("peak"), tr("Peak time"));
    addFigure(3, 2, QStringLiteral("cancelled"), tr("Cancelled"));
    addFigure(0, 4, QStringLiteral("lastExecution"), tr("Last execution"));
    addFigure(1, 4, QStringLiteral("memory"), tr("Memory"));
    addFigure(2, 4, QStringLiteral("lastErrorTime"), tr("Last error at"));
    QLabel *error = addFigure(3, 4, QStringLiteral("lastError"), tr("Last error"), true);
    error->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    grid->setColumnStretch(5, 1);
}

QLabel *MetricsPanel::addFigure(int row, int column, const QString &name, const QString &label,
                                bool elided)
{
    auto *grid = static_cast<QGridLayout *>(layout());
    auto *caption = new QLabel(label + u':', this);
    QLabel *value = elided ? new ElidedLabel(QStringLiteral("—"), this)
                           : new QLabel(QStringLiteral("—"), this);
    value->setObjectName(name);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = value->font();
    bold.setBold(true);
    value->setFont(bold);
    grid->addWidget(caption, row, column);
    grid->addWidget(value, row, column + 1);
    m_values.insert(name, value);
    return value;
}

QString MetricsPanel::figure(const QString &name) const
{
    const QLabel *label = m_values.value(name);
    return label ? label->text() : QString();
}

void MetricsPanel::update(const EngineState &state)
{
    const HeartbeatMetrics &m = state.metrics;
    const QLocale locale;
    auto set = [this](const char *name, const QString &text) {
        m_values.value(QString::fromLatin1(name))->setText(text);
    };
    set("ticks", locale.toString(m.tickCount));
    set("total", locale.toString(m.totalExecutions));
    set("successful", locale.toString(m.successfulExecutions));
    set("failed", locale.toString(m.failedExecutions));
    set("cancelled", locale.toString(m.cancelledExecutions));
    const qint64 decided = m.successfulExecutions + m.failedExecutions;
    set("successRate", decided > 0 ? format::percent(double(m.successfulExecutions) / double(decided))
                                   : QStringLiteral("—"));
    set("average", m.totalExecutions > 0 ? format::duration(qint64(m.averageExecutionTimeMs()))
                                         : QStringLiteral("—"));
    set("peak", m.totalExecutions > 0 ? format::duration(m.peakExecutionTimeMs)
                                      : QStringLiteral("—"));
    set("lastExecution", format::localTime(m.lastExecutionMs));
    set("memory", format::bytes(state.memoryBytes));
    set("lastErrorTime", format::localTime(m.lastErrorMs));
    set("lastError", m.lastError.isEmpty() ? tr("none") : m.lastError);
    QLabel *error = m_values.value(QStringLiteral("lastError"));
    error->setToolTip(m.lastError);
}

} // namespace hb
