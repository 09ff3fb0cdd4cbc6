#pragma once

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace hb {

// A read-mostly table the way every panel of the dashboard shows one: whole-row selection,
// alternating rows, no row numbers, columns fitted to their content, `stretchColumn` taking
// the rest of the width.
QTableView *makeTableView(QAbstractItemModel *model, int stretchColumn, QWidget *parent);

} // namespace hb
