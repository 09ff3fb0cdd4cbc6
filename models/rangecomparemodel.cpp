#include "rangecomparemodel.h"

#include "format.h"

#include <QLocale>

#include <cmath>

namespace hb {

namespace {

QString signedNumber(double value, int decimals)
{
    const QString n = QLocale().toString(std::abs(value), 'f', decimals);
    if (value > 0)
        return u'+' + n;
    if (value < 0)
        return QChar(0x2212) + n; // minus sign
    return n;
}

const QString kDash = QStringLiteral("\u2014");

} // namespace

RangeCompareModel::RangeCompareModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RangeCompareModel::setRanges(const RangeSummary &a, const RangeSummary &b)
{
    QMap<QString, Row> byTask;
    for (const TaskRangeSummary &t : a.tasks) {
        byTask[t.task].task = t.task;
        byTask[t.task].a = t;
    }
    for (const TaskRangeSummary &t : b.tasks) {
        byTask[t.task].task = t.task;
        byTask[t.task].b = t;
    }
    QVector<Row> rows(byTask.cbegin(), byTask.cend());
    rows.append(Row{QString(), a.total, b.total});

    bool sameRows = rows.size() == m_rows.size();
    for (int i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).task == m_rows.at(i).task;
    if (!sameRows)
        beginResetModel();
    m_a = a;
    m_b = b;
    m_rows = std::move(rows);
    if (!sameRows)
        endResetModel();
    else if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int RangeCompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RangeCompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

RangeCompareModel::Metric RangeCompareModel::metricOf(int column)
{
    switch ((column - RunsA) / 3) {
    case 0:
        return Metric::Runs;
    case 1:
        return Metric::FailureRate;
    case 2:
        return Metric::P50;
    case 3:
        return Metric::P95;
    default:
        return Metric::Max;
    }
}

int RangeCompareModel::sideOf(int column)
{
    return (column - RunsA) % 3;
}

RangeCompareModel::Figure RangeCompareModel::figure(const TaskRangeSummary &t, Precision counts,
                                                    Metric metric)
{
    const DurationPercentiles &d = t.durations;
    switch (metric) {
    case Metric::Runs:
        return {double(t.runs), counts};
    case Metric::FailureRate:
        if (t.runs == 0)
            return {0.0, Precision::Unavailable};
        return {t.failureRate(), counts};
    case Metric::P50:
        return {double(d.p50Ms), t.runs > 0 ? d.precision : Precision::Unavailable};
    case Metric::P95:
        return {double(d.p95Ms), t.runs > 0 ? d.precision : Precision::Unavailable};
    case Metric::Max:
        // The rollups keep the exact maximum, so it is there whenever runs are.
        return {double(d.maxMs), t.runs > 0 ? counts : Precision::Unavailable};
    }
    return {};
}

QString RangeCompareModel::text(Metric metric, const Figure &f) const
{
    if (!f.available())
        return kDash;
    switch (metric) {
    case Metric::Runs:
        return QLocale().toString(qint64(f.value));
    case Metric::FailureRate:
        return format::percent(f.value);
    case Metric::P50:
    case Metric::P95:
    case Metric::Max: {
        const QString d = format::duration(qint64(f.value));
        return f.precision == Precision::Estimated && metric != Metric::Max
                   ? tr("\u2248 %1", "an estimated duration").arg(d)
                   : d;
    }
    }
    return {};
}

QString RangeCompareModel::changeText(Metric metric, const Figure &a, const Figure &b) const
{
    if (!a.available() || !b.available())
        return kDash;
    const double change = a.value - b.value;
    QString absolute;
    switch (metric) {
    case Metric::Runs:
        absolute = signedNumber(change, 0);
        break;
    case Metric::FailureRate:
        absolute = tr("%1 pp", "percentage points").arg(signedNumber(change * 100.0, 1));
        break;
    case Metric::P50:
    case Metric::P95:
    case Metric::Max: {
        const QString d = format::duration(qint64(std::llround(std::abs(change))));
        absolute = change > 0 ? u'+' + d : change < 0 ? QChar(0x2212) + d : d;
        break;
    }
    }
    if (b.value == 0.0)
        return absolute;
    return tr("%1 (%2 %)", "a change and its percentage")
        .arg(absolute, signedNumber(change / b.value * 100.0, 1));
}

QVariant RangeCompareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (role == TaskNameRole)
        return row.task;
    if (column == TaskColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return row.task.isEmpty() ? tr("All tasks") : format::taskTitle(row.task);
        case Qt::ToolTipRole:
            return row.task;
        case RawValueRole:
            return row.task;
        default:
            return {};
        }
    }
    const Metric metric = metricOf(column);
    const int side = sideOf(column);
    const Figure a = figure(row.a, m_a.precision, metric);
    const Figure b = figure(row.b, m_b.precision, metric);
    const Figure &own = side == 1 ? b : a;
    const bool bothAvailable = a.available() && b.available();
    switch (role) {
    case Qt::DisplayRole:
        return side == 2 ? changeText(metric, a, b) : text(metric, own);
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case RawValueRole:
        if (side == 2)
            return bothAvailable ? QVariant(a.value - b.value) : QVariant();
        return own.available() ? QVariant(own.value) : QVariant();
    case ChangePercentRole:
        if (side != 2 || !bothAvailable || b.value == 0.0)
            return {};
        return (a.value - b.value) / b.value * 100.0;
    case PrecisionRole: {
        if (side != 2)
            return int(own.precision);
        const Precision worst =
            !bothAvailable ? Precision::Unavailable
            : a.precision == Precision::Estimated || b.precision == Precision::Estimated
                ? Precision::Estimated
                : Precision::Exact;
        return int(worst);
    }
    case Qt::ToolTipRole: {
        const Precision p =
            side == 2 ? Precision(data(index, PrecisionRole).toInt()) : own.precision;
        if (p == Precision::Estimated)
            return tr("Estimated from the rollups: whole minutes or hours around the range; "
                      "percentiles from duration histograms, within one histogram bucket.");
        if (p == Precision::Unavailable)
            return tr("Not available: no runs, or this part of the file predates duration "
                      "histograms and its raw rows are gone.");
        return {};
    }
    default:
        return {};
    }
}

QVariant RangeCompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole && section != TaskColumn) {
        switch (sideOf(section)) {
        case 0:
            return tr("Range A: %1 – %2")
                .arg(format::localTime(m_a.fromMs), format::localTime(m_a.toMs));
        case 1:
            return tr("Range B: %1 – %2")
                .arg(format::localTime(m_b.fromMs), format::localTime(m_b.toMs));
        default:
            return tr("A − B, and its percentage of B");
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    if (section == TaskColumn)
        return tr("Task");
    QString metric;
    switch (metricOf(section)) {
    case Metric::Runs:
        metric = tr("Runs");
        break;
    case Metric::FailureRate:
        metric = tr("Failure rate");
        break;
    case Metric::P50:
        metric = tr("p50");
        break;
    case Metric::P95:
        metric = tr("p95");
        break;
    case Metric::Max:
        metric = tr("Max");
        break;
    }
    switch (sideOf(section)) {
    case 0:
        return tr("%1 (A)").arg(metric);
    case 1:
        return tr("%1 (B)").arg(metric);
    default:
        return tr("%1 change").arg(metric);
    }
}

} // namespace hb
