#include "analysisreport.h"

#include "format.h"
#include "reportcharts.h"
#include "store/metricsreader.h"
#include "uilogging.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <iterator>

namespace hb {

namespace {

constexpr int kListLimit = 500;  // admin actions and alerts listed
constexpr int kChartTasks = 4;   // tasks whose run times the tick-time chart draws
constexpr int kChartWidth = 900; // px of a chart drawn here
constexpr int kChartHeight = 320;
constexpr int kImageWidth = 640;  // px the document gives a chart
constexpr int kDetailChars = 120; // of an admin action's detail

enum class Format { Html, Pdf };

const QString kDash = QStringLiteral("\u2014");

// One style for the HTML file and the PDF's document. Task names and times keep to one line.
const QString kStyle = QStringLiteral(
    "body{font-family:sans-serif;font-size:9pt}h1{font-size:15pt}"
    "h2{font-size:12pt;margin-top:14px}td,th{font-size:8pt}.name{white-space:nowrap}");
// The PDF is laid out on a page this many px wide (at 96 dpi) and scaled onto A4: the tables'
// eleven columns fit, and a chart image of kImageWidth px fills most of the width.
constexpr double kPdfLayoutWidth = 800.0;

// The report's words (context hb::AnalysisReport for the translators).
class Report
{
    Q_DECLARE_TR_FUNCTIONS(hb::AnalysisReport)

public:
    Report(const ReportRequest &request, const RangeSummary &summary)
        : m_request(request)
        , m_s(summary)
    {
    }

    // `imageSource(i)`: what the i-th chart's <img src> says.
    template<typename ImageSource> QString html(ImageSource imageSource) const;
    static QString title() { return tr("Heartbeat maintenance report"); }

private:
    QString number(qint64 n) const { return m_locale.toString(n); }
    QString millis(qint64 ms, Precision p) const;
    QString precision(Precision p) const;
    QString time(qint64 ms) const { return format::localTime(ms).toHtmlEscaped(); }
    QString healthSection() const;
    QString taskSection() const;
    QString openingsSection() const;
    QString alertsSection() const;
    QString adminSection() const;

    const ReportRequest &m_request;
    const RangeSummary &m_s;
    QLocale m_locale;
};

QString cell(const QString &text, bool number = false)
{
    if (number)
        return u"<td align=\"right\">" + text + u"</td>";
    return u"<td>" + text + u"</td>";
}

// A cell that keeps to one line (task names, times): the other columns wrap instead.
QString nowrapCell(const QString &text)
{
    return u"<td class=\"name\">" + text + u"</td>";
}

QString headerRow(const QStringList &titles)
{
    QString row = QStringLiteral("<tr>");
    for (const QString &t : titles)
        row += u"<th align=\"left\" bgcolor=\"#e8eaf0\">" + t.toHtmlEscaped() + u"</th>";
    return row + u"</tr>";
}

const QString kTable =
    QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">");

QString Report::millis(qint64 ms, Precision p) const
{
    if (p == Precision::Unavailable)
        return kDash;
    return p == Precision::Estimated
               ? tr("\u2248 %1", "an estimated duration in ms").arg(number(ms))
               : number(ms);
}

QString Report::precision(Precision p) const
{
    switch (p) {
    case Precision::Exact:
        return tr("exact");
    case Precision::Estimated:
        return tr("estimated");
    case Precision::Unavailable:
        break;
    }
    return tr("unavailable");
}

QString Report::healthSection() const
{
    const TaskRangeSummary &t = m_s.total;
    const auto row = [](const QString &name, const QString &value) -> QString {
        return u"<tr>" + cell(name.toHtmlEscaped()) + cell(value, true) + u"</tr>";
    };
    QString html = u"<h2>" + tr("Health summary") + u"</h2>" +
                   QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">");
    html += row(tr("Task runs"), number(t.runs));
    html += row(tr("Failures and timeouts"), number(t.failures + t.timeouts));
    html += row(tr("Failure rate"), t.runs > 0 ? format::percent(t.failureRate()) : kDash);
    html += row(tr("Ticks"), number(m_s.ticks));
    html += row(tr("Breaker openings"), number(m_s.breakerOpenings.size()));
    html += row(tr("Alerts raised"), number(m_s.alertsRaisedCount));
    html += row(tr("Admin actions"), number(m_s.adminActionCount));
    html += row(tr("Run time p50 / p95 / p99 / max (ms)"),
                millis(t.durations.p50Ms, t.durations.precision) + u" / " +
                    millis(t.durations.p95Ms, t.durations.precision) + u" / " +
                    millis(t.durations.p99Ms, t.durations.precision) + u" / " +
                    (t.runs > 0 ? number(t.durations.maxMs) : kDash));
    return html + u"</table>";
}

QString Report::taskSection() const
{
    QString html = u"<h2>" + tr("Tasks") + u"</h2>";
    if (m_s.tasks.isEmpty())
        return html + u"<p>" + tr("No task ran in this range.") + u"</p>";
    html += kTable + headerRow({tr("Task"), tr("Runs"), tr("Successes"), tr("Failures"),
                                tr("Timeouts"), tr("Failure rate"), tr("p50 (ms)"), tr("p95 (ms)"),
                                tr("p99 (ms)"), tr("Max (ms)"), tr("Percentiles")});
    for (const TaskRangeSummary &t : m_s.tasks) {
        const DurationPercentiles &d = t.durations;
        const Precision p = t.runs > 0 ? d.precision : Precision::Unavailable;
        html += u"<tr>" + nowrapCell(t.task.toHtmlEscaped()) + cell(number(t.runs), true) +
                cell(number(t.successes), true) + cell(number(t.failures), true) +
                cell(number(t.timeouts), true) +
                cell(t.runs > 0 ? format::percent(t.failureRate()) : kDash, true) +
                cell(millis(d.p50Ms, p), true) + cell(millis(d.p95Ms, p), true) +
                cell(millis(d.p99Ms, p), true) + cell(t.runs > 0 ? number(d.maxMs) : kDash, true) +
                cell(precision(p)) + u"</tr>";
    }
    return html + u"</table>";
}

QString Report::openingsSection() const
{
    QString html = u"<h2>" + tr("Breaker openings") + u"</h2>";
    if (m_s.breakerOpenings.isEmpty())
        return html + u"<p>" + tr("No breaker opened in this range.") + u"</p>";
    html += kTable + headerRow({tr("Task"), tr("Opened"), tr("Closed"), tr("Open for"),
                                tr("Failed trials"), tr("Reason")});
    for (const BreakerOpening &o : m_s.breakerOpenings) {
        const QString closed = o.isClosed() ? time(o.closedAtMs) : tr("still open");
        const QString span =
            o.isClosed()
                ? format::span(o.durationMs(0))
                : tr("at least %1").arg(format::span(std::max<qint64>(0, m_s.toMs - o.openedAtMs)));
        html += u"<tr>" + nowrapCell(o.task.toHtmlEscaped()) + nowrapCell(time(o.openedAtMs)) +
                nowrapCell(closed) + cell(span.toHtmlEscaped(), true) +
                cell(number(o.reopenings), true) + cell(o.reason.toHtmlEscaped()) + u"</tr>";
    }
    return html + u"</table>";
}

QString Report::alertsSection() const
{
    QString html = u"<h2>" + tr("Alerts raised") + u"</h2>";
    if (m_s.alertsRaised.isEmpty())
        return html + u"<p>" + tr("No alert was raised in this range.") + u"</p>";
    if (m_s.alertsRaisedCount > m_s.alertsRaised.size())
        html += u"<p>" +
                tr("The newest %1 of %2.")
                    .arg(number(m_s.alertsRaised.size()), number(m_s.alertsRaisedCount)) +
                u"</p>";
    html += kTable + headerRow({tr("Time"), tr("Severity"), tr("Subject"), tr("Alert")});
    for (const AlertRaised &a : m_s.alertsRaised)
        html += u"<tr>" + nowrapCell(time(a.tsMs)) + cell(a.severity.toHtmlEscaped()) +
                cell(a.subject.toHtmlEscaped()) + cell(a.title.toHtmlEscaped()) + u"</tr>";
    return html + u"</table>";
}

QString Report::adminSection() const
{
    QString html = u"<h2>" + tr("Admin actions") + u"</h2>";
    if (m_s.adminActions.isEmpty())
        return html + u"<p>" + tr("No admin action in this range.") + u"</p>";
    if (m_s.adminActionCount > m_s.adminActions.size())
        html += u"<p>" +
                tr("The newest %1 of %2.")
                    .arg(number(m_s.adminActions.size()), number(m_s.adminActionCount)) +
                u"</p>";
    html += kTable + headerRow({tr("Time"), tr("Actor"), tr("Action"), tr("Detail")});
    for (const AuditEntry &e : m_s.adminActions) {
        QString detail = e.detail;
        if (detail.size() > kDetailChars)
            detail = detail.left(kDetailChars - 1) + u'\u2026';
        html += u"<tr>" + nowrapCell(time(e.tsMs)) + cell(e.actor.toHtmlEscaped()) +
                cell(e.action.toHtmlEscaped()) + cell(detail.toHtmlEscaped()) + u"</tr>";
    }
    return html + u"</table>";
}

template<typename ImageSource> QString Report::html(ImageSource imageSource) const
{
    const QString chartTitles[] = {tr("Tick time"), tr("Success rate"), tr("Cycles & memory"),
                                   tr("Shard load")};
    QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\">") +
                   u"<title>" + title().toHtmlEscaped() + u"</title>" + u"<style>" + kStyle +
                   u"</style></head><body>";
    html += u"<h1>" + title().toHtmlEscaped() + u"</h1>";
    html +=
        u"<p>" +
        tr("Range: %1 \u2013 %2 (%3)")
            .arg(time(m_s.fromMs), time(m_s.toMs), format::span(m_s.toMs - m_s.fromMs)) +
        u"<br>" +
        tr("File: %1").arg(QFileInfo(m_request.metricsPath).absoluteFilePath().toHtmlEscaped()) +
        u"<br>" + tr("Written: %1").arg(time(QDateTime::currentMSecsSinceEpoch())) + u"</p>";
    if (m_s.precision == Precision::Estimated)
        html += u"<p><i>" +
                tr("Run counts and percentiles are estimated from the rollups: they cover "
                   "%1 \u2013 %2 (whole minutes or hours around the range), percentiles within "
                   "one histogram bucket.")
                    .arg(time(m_s.spanFromMs), time(m_s.spanToMs)) +
                u"</i></p>";
    if (!m_s.rawComplete)
        html += u"<p><i>" +
                tr("The raw rows of part of this range are gone (retention): ticks, breaker "
                   "openings and alerts count only what is left.") +
                u"</i></p>";
    html += healthSection() + taskSection() + openingsSection() + alertsSection() + adminSection();
    html += u"<h2>" + tr("Charts") + u"</h2>";
    for (int i = 0; i < int(std::size(chartTitles)); ++i) {
        const QString source = imageSource(i);
        if (source.isEmpty())
            continue;
        // Each chart carries its title; the alt text says it where images are not shown.
        html += u"<p><img src=\"" + source + u"\" width=\"" + QString::number(kImageWidth) +
                u"\" alt=\"" + chartTitles[i].toHtmlEscaped() + u"\"></p>";
    }
    return html + u"</body></html>";
}

QString fileError(const QString &path, const QString &why)
{
    return QDir::toNativeSeparators(path) + u": " + why;
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

QString writeAnalysisReport(const ReportRequest &request)
{
    const QString suffix = QFileInfo(request.outPath).suffix().toLower();
    Format format;
    if (suffix == u"pdf")
        format = Format::Pdf;
    else if (suffix == u"html" || suffix == u"htm")
        format = Format::Html;
    else
        return fileError(request.outPath,
                         Report::tr("unknown report format (the name must end in .pdf or .html)"));
    if (request.toMs <= request.fromMs)
        return fileError(request.outPath, Report::tr("the range is empty (its end is not after "
                                                     "its start)"));

    // Opened first: a folder that cannot take the file is said before any work. Until commit()
    // the report is written beside it; a failure leaves nothing behind.
    QSaveFile file(request.outPath);
    if (!file.open(QIODevice::WriteOnly))
        return fileError(request.outPath, Report::tr("cannot write (%1)").arg(file.errorString()));

    RangeSummary summary;
    try {
        MetricsReader reader(request.metricsPath);
        RangeSummaryOptions options;
        options.listLimit = kListLimit;
        summary = reader.rangeSummary(request.fromMs, request.toMs, options);
    } catch (const StoreError &e) {
        return e.message();
    }

    QVector<QImage> charts = request.charts;
    if (charts.isEmpty()) {
        // The busiest tasks' run times, beside the ticks'.
        QVector<TaskRangeSummary> tasks = summary.tasks;
        std::stable_sort(
            tasks.begin(), tasks.end(),
            [](const TaskRangeSummary &a, const TaskRangeSummary &b) { return a.runs > b.runs; });
        QStringList names;
        for (int i = 0; i < std::min<int>(kChartTasks, int(tasks.size())); ++i)
            names << tasks.at(i).task;
        QString error;
        charts = renderRangeCharts(request.metricsPath, request.fromMs, request.toMs, names,
                                   QSize(kChartWidth, kChartHeight), &error);
        if (!error.isEmpty())
            return error;
    }

    const Report report(request, summary);
    if (format == Format::Html) {
        const QString html = report.html([&charts](int i) -> QString {
            if (i >= charts.size() || charts.at(i).isNull())
                return {};
            return QStringLiteral("data:image/png;base64,") +
                   QString::fromLatin1(png(charts.at(i)).toBase64());
        });
        file.write(html.toUtf8());
    } else {
        QPdfWriter writer(&file);
        writer.setTitle(Report::title());
        writer.setCreator(QStringLiteral("Heartbeat Dashboard"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
        QTextDocument document;
        document.setDefaultStyleSheet(kStyle);
        document.setPageSize(
            QSizeF(kPdfLayoutWidth, kPdfLayoutWidth * page.height() / page.width()));
        for (int i = 0; i < charts.size(); ++i)
            document.addResource(QTextDocument::ImageResource,
                                 QUrl(QStringLiteral("chart%1.png").arg(i)), charts.at(i));
        document.setHtml(report.html([&charts](int i) {
            return i < charts.size() && !charts.at(i).isNull()
                       ? QStringLiteral("chart%1.png").arg(i)
                       : QString();
        }));
        document.print(&writer);
    }
    if (!file.commit())
        return fileError(request.outPath, Report::tr("cannot write (%1)").arg(file.errorString()));
    qCInfo(lcUi) << "wrote the report of" << request.metricsPath << "to" << request.outPath;
    return {};
}

} // namespace hb
