#pragma once

#include "core/config.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hb {

// The dependency rules of config.json "notifications.rules", one row each: the root cause
// ("oracle_down" or "machine:NAME") and the tasks whose alerts it holds while it lasts
// ("price_update, auto_liquidation"). Add rule, Remove rule and Defaults (the built-in rule);
// problems come from validateConfig, like the file's, and are shown under the table.
class RulesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RulesEditor(const QVector<DependencyRule> &rules, QWidget *parent = nullptr);

    // The rules as the table shows them (tasks split at commas, blanks dropped).
    QVector<DependencyRule> rules() const;
    void setEditable(bool editable);
    // A validateConfig problem in "notifications.rules…"; null clears.
    void showError(const ConfigError *error);
    QString shownError() const;
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void changed();

private:
    void setRules(const QVector<DependencyRule> &rules);
    void addRule();
    void removeRule();
    void updateButtons();

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_defaults;
    QLabel *m_error;
    bool m_editable = true;
    bool m_loading = false;
};

} // namespace hb
