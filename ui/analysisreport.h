#pragma once

#include <QImage>
#include <QString>
#include <QVector>

namespace hb {

// A maintenance report of a time range of metrics.db: the range, a health summary (runs,
// failure rate, ticks, breaker openings, alerts raised, admin actions), the per-task table with
// p50 / p95 / p99 / max duration (each marked exact or estimated), the breaker openings with
// their durations, the alerts, the admin actions and the four charts. Every word in the
// interface language (the installed translators).
struct ReportRequest
{
    QString metricsPath;
    QString outPath; // .pdf or .html (.htm)
    qint64 fromMs = 0;
    qint64 toMs = 0;
    // The four charts in ChartPanel::ChartId order, as the window shows them; empty: drawn here
    // for the range, offscreen.
    QVector<QImage> charts;
};

// Writes the report; the format follows outPath's suffix: PDF through QPdfWriter and
// QTextDocument, HTML with the charts embedded as data: URIs (one self-contained file). The file
// is replaced whole or not at all. Returns an empty string on success, else one line naming the
// file and what is wrong. Needs a QApplication when `charts` is empty. Reads metrics.db
// read-only; may take a second or more on a large file: call it off the GUI thread when the
// charts are given.
QString writeAnalysisReport(const ReportRequest &request);

} // namespace hb
