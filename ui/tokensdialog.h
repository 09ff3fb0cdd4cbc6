#pragma once

#include "api/tokenstore.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QFrame;

namespace hb {

// Engine → API tokens… (admin only): the data directory's API tokens as a table; Create… asks
// for a name and a role and shows the new secret once, with a Copy button; Revoke… asks first.
// Works on DATA/tokens.json directly, like `heartbeatd token`, and follows changes made there
// while open (the last-used times too).
class TokensDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { NameColumn, RoleColumn, CreatedColumn, LastUsedColumn, ColumnCount };

    explicit TokensDialog(const QString &dataDir, QWidget *parent = nullptr);

    // The session stopped being admin's: closes whatever this dialog opened, then itself, and
    // changes nothing more.
    void lockOut();

    // Why the token file could not be read (shown above the table); empty when it was.
    QString loadError() const { return m_loadError; }

private:
    void reload();
    void populate();
    void requestCreate();
    void requestRevoke();
    void showSecret(const QString &name, const QByteArray &secret);
    QString selectedName() const;
    void updateButtons();

    TokenStore m_store;
    QVector<TokenInfo> m_shown;
    QString m_loadError;
    bool m_lockedOut = false;
    QLabel *m_errorLabel;
    QTableWidget *m_table;
    QPushButton *m_createButton;
    QPushButton *m_revokeButton;
    QFrame *m_secretBox;
    QLabel *m_secretLabel;
    QLineEdit *m_secretEdit;
    QString m_secretName; // whose secret m_secretEdit shows
    QTimer m_reloadTimer;
};

} // namespace hb
