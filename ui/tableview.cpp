#include "tableview.h"

#include <QHeaderView>
#include <QPainter>

namespace hb {

TableView::TableView(QAbstractItemModel *model, int stretchColumn, QWidget *parent)
    : QTableView(parent)
{
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
}

void TableView::setEmptyText(const QString &text)
{
    if (m_emptyText == text)
        return;
    m_emptyText = text;
    viewport()->update();
}

void paintEmptyText(QWidget *viewport, const QString &text)
{
    QPainter painter(viewport);
    QFont font = painter.font();
    font.setItalic(true);
    painter.setFont(font);
    painter.setPen(viewport->palette().color(QPalette::Disabled, QPalette::Text));
    painter.drawText(viewport->rect().adjusted(12, 12, -12, -12),
                     Qt::AlignCenter | Qt::TextWordWrap, text);
}

bool TableView::showsEmptyText() const
{
    return !m_emptyText.isEmpty() && model() && model()->rowCount() == 0;
}

void TableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!showsEmptyText())
        return;
    paintEmptyText(viewport(), m_emptyText);
}

TableView *makeTableView(QAbstractItemModel *model, int stretchColumn, QWidget *parent)
{
    return new TableView(model, stretchColumn, parent);
}

} // namespace hb
