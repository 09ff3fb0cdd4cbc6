#include "comparedialog.h"

#include "core/clock.h"
#include "background.h"
#include "format.h"
#include "rangecomparemodel.h"
#include "store/metricscsv.h"
#include "store/metricsreader.h"
#include "uilogging.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace hb {

namespace {

struct ComparedRanges
{
    RangeSummary a;
    RangeSummary b;
};

RangeSummary readSummary(const QString &path, qint64 fromMs, qint64 toMs)
{
    MetricsReader reader(path);
    return reader.rangeSummary(fromMs, toMs, RangeSummaryOptions{});
}

QDateTimeEdit *timeEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return edit;
}

QString csvNumber(const QVariant &value)
{
    return value.isValid() ? QString::number(value.toDouble(), 'g', 15) : QString();
}

} // namespace

CompareDialog::CompareDialog(const QString &metricsPath, qint64 aFromMs, qint64 aToMs,
                             QWidget *parent)
    : QDialog(parent)
    , m_path(metricsPath)
    , m_aFromMs(aFromMs)
    , m_aToMs(std::max(aToMs, aFromMs + 1))
    , m_summarizer(readSummary)
    , m_rangeA(new QLabel(this))
    , m_presets(new QComboBox(this))
    , m_bFrom(timeEdit(QStringLiteral("compareFrom"), this))
    , m_bTo(timeEdit(QStringLiteral("compareTo"), this))
    , m_status(new QLabel(this))
    , m_precision(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new RangeCompareModel(this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare two ranges"));
    setModal(false);

    m_rangeA->setObjectName(QStringLiteral("compareRangeA"));
    m_rangeA->setTextInteractionFlags(Qt::TextSelectableByMouse);
    updateRangeALabel();

    m_presets->setObjectName(QStringLiteral("comparePreset"));
    m_presets->addItem(tr("Same range the day before"), int(DayBefore));
    m_presets->addItem(tr("Same range the week before"), int(WeekBefore));
    m_presets->addItem(tr("The range just before"), int(JustBefore));
    m_presets->addItem(tr("Custom range"), int(Custom));

    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_precision->setObjectName(QStringLiteral("comparePrecision"));
    m_precision->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);

    auto *customRow = new QHBoxLayout;
    customRow->addWidget(m_bFrom);
    customRow->addWidget(new QLabel(tr("to"), this));
    customRow->addWidget(m_bTo);
    customRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("Range A (shown):"), m_rangeA);
    form->addRow(tr("Range B:"), m_presets);
    form->addRow(QString(), customRow);

    m_export->setObjectName(QStringLiteral("compareExport"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &CompareDialog::chooseExportFile);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_precision);
    layout->addWidget(buttons);
    resize(1400, 360); // the fifteen figure columns without a scroll bar

    connect(m_presets, &QComboBox::currentIndexChanged, this, &CompareDialog::onPresetChanged);
    connect(m_bFrom, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_settingEdits)
            return;
        // Moving the start keeps B as long as it was; the end is the user's to change.
        const qint64 length = m_bToMs - m_bFromMs;
        const qint64 from = m_bFrom->dateTime().toMSecsSinceEpoch();
        m_settingEdits = true;
        m_bTo->setDateTime(QDateTime::fromMSecsSinceEpoch(from + length));
        m_settingEdits = false;
        onCustomEdited();
    });
    connect(m_bTo, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (!m_settingEdits)
            onCustomEdited();
    });
    onPresetChanged();
    // The first comparison once the caller has connected to rangeBChanged.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_started = true;
            Q_EMIT rangeBChanged(m_bFromMs, m_bToMs);
            compute();
        },
        Qt::QueuedConnection);
}

CompareDialog::~CompareDialog() = default;

void CompareDialog::setSummarizer(Summarizer summarizer)
{
    m_summarizer = summarizer ? std::move(summarizer) : Summarizer(readSummary);
    m_haveA = false;
    if (m_started)
        compute();
}

void CompareDialog::setRangeA(qint64 fromMs, qint64 toMs)
{
    toMs = std::max(toMs, fromMs + 1);
    if (fromMs == m_aFromMs && toMs == m_aToMs)
        return;
    m_aFromMs = fromMs;
    m_aToMs = toMs;
    m_haveA = false;
    updateRangeALabel();
    if (preset() != Custom) {
        onPresetChanged(); // a new B, computed with A
        return;
    }
    if (m_started)
        compute();
}

void CompareDialog::updateRangeALabel()
{
    m_rangeA->setText(tr("%1 – %2 (%3)")
                          .arg(format::localTime(m_aFromMs), format::localTime(m_aToMs),
                               format::span(m_aToMs - m_aFromMs)));
}

CompareDialog::Preset CompareDialog::preset() const
{
    return Preset(m_presets->currentData().toInt());
}

void CompareDialog::setPreset(Preset preset)
{
    m_presets->setCurrentIndex(m_presets->findData(int(preset)));
}

void CompareDialog::setCustomRangeB(qint64 fromMs, qint64 toMs)
{
    m_settingEdits = true;
    setPreset(Custom);
    m_bFrom->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs));
    m_bTo->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs));
    m_settingEdits = false;
    applyRangeB(fromMs, toMs);
}

void CompareDialog::onPresetChanged()
{
    const qint64 length = m_aToMs - m_aFromMs;
    qint64 from = m_bFromMs;
    switch (preset()) {
    case DayBefore:
        from = m_aFromMs - kDayMs;
        break;
    case WeekBefore:
        from = m_aFromMs - 7 * kDayMs;
        break;
    case JustBefore:
        from = m_aFromMs - length;
        break;
    case Custom:
        break; // starts on the B shown until now, as long as A
    }
    const bool custom = preset() == Custom;
    m_bFrom->setEnabled(custom);
    m_bTo->setEnabled(custom);
    if (m_settingEdits)
        return; // setCustomRangeB() sets the range itself
    m_settingEdits = true;
    m_bFrom->setDateTime(QDateTime::fromMSecsSinceEpoch(from));
    m_bTo->setDateTime(QDateTime::fromMSecsSinceEpoch(from + length));
    m_settingEdits = false;
    applyRangeB(from, from + length);
}

void CompareDialog::onCustomEdited()
{
    const qint64 from = m_bFrom->dateTime().toMSecsSinceEpoch();
    const qint64 to = m_bTo->dateTime().toMSecsSinceEpoch();
    if (to <= from) {
        m_status->setText(tr("Range B must end after it starts."));
        return;
    }
    applyRangeB(from, to);
}

void CompareDialog::applyRangeB(qint64 fromMs, qint64 toMs)
{
    if (fromMs == m_bFromMs && toMs == m_bToMs)
        return;
    m_bFromMs = fromMs;
    m_bToMs = toMs;
    if (!m_started)
        return;
    Q_EMIT rangeBChanged(fromMs, toMs);
    compute();
}

void CompareDialog::compute()
{
    const quint64 id = ++m_lastId;
    m_computingId = id;
    m_status->setText(tr("Computing…"));
    m_export->setEnabled(false);
    const Summarizer summarize = m_summarizer;
    const QString path = m_path;
    const bool needA = !m_haveA;
    const qint64 aFrom = m_aFromMs, aTo = m_aToMs, bFrom = m_bFromMs, bTo = m_bToMs;
    attemptInBackground(
        this,
        [=] {
            ComparedRanges r;
            if (needA)
                r.a = summarize(path, aFrom, aTo);
            r.b = summarize(path, bFrom, bTo);
            return r;
        },
        [this, id, needA](const Attempt<ComparedRanges> &result) {
            RangeSummary a = needA ? result.value.a : m_a;
            onComputed(id, a, result.value.b, result.error);
        });
}

void CompareDialog::onComputed(quint64 id, const RangeSummary &a, const RangeSummary &b,
                               const QString &error)
{
    if (id != m_lastId) {
        // B changed meanwhile: this answer is about a range no longer asked for.
        ++m_droppedResults;
        qCDebug(lcUi) << "dropping stale compare result" << id << "newest" << m_lastId;
        return;
    }
    m_computingId = 0;
    if (!error.isEmpty()) {
        qCWarning(lcUi).noquote() << "cannot compare ranges:" << error;
        m_status->setText(tr("Cannot read the metrics file: %1").arg(error));
        Q_EMIT computeFailed(error);
        return;
    }
    m_a = a;
    m_haveA = true;
    m_model->setRanges(a, b);
    m_status->setText(
        tr("Range B: %1 – %2").arg(format::localTime(b.fromMs), format::localTime(b.toMs)));
    m_export->setEnabled(true);
    updatePrecision();
    Q_EMIT computed();
}

QString CompareDialog::statusText() const
{
    return m_status->text();
}

QString CompareDialog::precisionText() const
{
    return m_precision->text();
}

void CompareDialog::updatePrecision()
{
    const auto describe = [](const RangeSummary &s) {
        switch (s.precision) {
        case Precision::Exact:
            return tr("exact, from the raw rows");
        case Precision::Estimated:
            return tr("estimated from the minute or hour rollups (%1 – %2, whole buckets); "
                      "percentiles from their duration histograms")
                .arg(format::localTime(s.spanFromMs), format::localTime(s.spanToMs));
        case Precision::Unavailable:
            break;
        }
        return tr("not available");
    };
    m_precision->setText(tr("Range A: %1.\nRange B: %2.")
                             .arg(describe(m_model->rangeA()), describe(m_model->rangeB())));
}

bool CompareDialog::exportCsv(const QString &path, QString *error) const
{
    static const char *const kMetrics[] = {"runs", "failure_rate", "p50_ms", "p95_ms", "max_ms"};
    QStringList header{QStringLiteral("task")};
    for (const char *metric : kMetrics) {
        for (const char *side : {"a", "b", "change"})
            header.append(QLatin1String(metric) + u'_' + QLatin1String(side));
    }
    header << QStringLiteral("precision_a") << QStringLiteral("precision_b");

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(csv::record(header));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString task = m_model->index(row, RangeCompareModel::TaskColumn)
                                 .data(RangeCompareModel::TaskNameRole)
                                 .toString();
        QStringList fields{task.isEmpty() ? QStringLiteral("all") : task};
        for (int column = RangeCompareModel::RunsA; column < RangeCompareModel::ColumnCount;
             ++column)
            fields.append(
                csvNumber(m_model->index(row, column).data(RangeCompareModel::RawValueRole)));
        for (int column : {int(RangeCompareModel::P50A), int(RangeCompareModel::P50B)})
            fields.append(precisionName(Precision(
                m_model->index(row, column).data(RangeCompareModel::PrecisionRole).toInt())));
        file.write(csv::record(fields));
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void CompareDialog::chooseExportFile()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the comparison as CSV"),
                                     QStringLiteral("compare.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export CSV"), tr("Cannot write %1: %2").arg(path, error));
}

} // namespace hb
