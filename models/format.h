#pragma once

#include <QLocale>
#include <QString>

namespace hb::format {

// Human-readable renderings shared by models and widgets (all translated, locale-aware).
QString duration(qint64 ms);             // "840 ms", "12.3 s", "2 s", "4 min 05 s"
QString age(qint64 ms);                  // "just now", "12 s ago", "3 min ago", "2 h ago"
// A setting's length, in its two largest units: "1 s", "1 min 30 s", "2 min", "1 h", "30 d".
QString span(qint64 ms);
QString localTime(qint64 epochMs);       // local date/time to the second, or "—" for 0
// How long until a coming moment, to the nearest unit: "in 30 s", "in 4 min", "in 13 h", "in 2 d";
// "now" for 0 or less.
QString until(qint64 ms);
// A coming run's local time to the minute: "14:05", with the date in front ("2026-12-04 03:00")
// when it falls on another local day than `referenceMs`.
QString runTime(qint64 epochMs, qint64 referenceMs);
// The locale's short date and its time with seconds (ticks come seconds apart), no time zone.
QString dateTimeFormat(const QLocale &locale);
QString bytes(qint64 bytes);             // "1.2 GB", or "—" for a negative value
QString percent(double fraction);        // "97.5 %"
QString outcome(int outcome);            // translated hb::Outcome
QString breakerState(int state);         // translated hb::BreakerState
QString taskTitle(const QString &task);  // "Memory monitoring" for "memory_monitoring"

} // namespace hb::format
