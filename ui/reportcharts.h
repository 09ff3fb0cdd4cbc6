#pragma once

#include "chartframe.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVector>

namespace hb {

// The dashboard's four charts (tick time with `tasks`' run times, success rate, cycles and
// memory, shard load) of [fromMs, toMs) in metrics.db, drawn into images without a window: the
// same chart classes the panel shows, on widgets never put on screen (works offscreen). Needs
// a QApplication. Empty on failure, with `error` (one line naming the file) set.
QVector<QImage> renderRangeCharts(const QString &metricsPath, qint64 fromMs, qint64 toMs,
                                  const QStringList &tasks, const QSize &size, QString *error);

} // namespace hb
