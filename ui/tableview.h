#pragma once

#include <QString>
#include <QTableView>

class QAbstractItemModel;
class QWidget;

namespace hb {

// The table every panel of the dashboard shows: whole-row selection, alternating rows, no row
// numbers, columns fitted to their content, one column taking the rest of the width. With no
// rows it says why in the middle (an empty white box reads as "broken" or "still loading").
class TableView : public QTableView
{
    Q_OBJECT
public:
    TableView(QAbstractItemModel *model, int stretchColumn, QWidget *parent = nullptr);

    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    // The model has no rows and there is something to say about it.
    bool showsEmptyText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_emptyText;
};

// A TableView (kept for the panels that build theirs in one call).
TableView *makeTableView(QAbstractItemModel *model, int stretchColumn, QWidget *parent);

// Draws `text` greyed and italic in the middle of an empty view's viewport (TableView and
// AlertsView say what an empty list means instead of showing blank space).
void paintEmptyText(QWidget *viewport, const QString &text);

} // namespace hb
