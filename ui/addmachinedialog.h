#pragma once

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QFrame;

namespace hb {

// Machines → Add machine… (admin): asks for the name and offline_after; Create tries `attempt`,
// which answers with the new push token or an error shown in the form. Then the same dialog
// shows the token once, with a Copy button, and the curl line that pings the machine.
class AddMachineDialog : public QDialog
{
    Q_OBJECT
public:
    // Returns the token, or an empty token and `error`.
    using Attempt =
        std::function<QByteArray(const QString &name, qint64 offlineAfterMs, QString *error)>;

    // `pushBaseUrl`: "http://127.0.0.1:8089", where the curl line sends the heartbeat.
    AddMachineDialog(Attempt attempt, QString pushBaseUrl, QWidget *parent = nullptr);

    QString createdName() const { return m_createdName; }
    // The token shown (empty before Create, and once locked out).
    QString shownToken() const;
    QString curlLine() const;

    // "2m", "90s", "1500ms": the shortest form MachineRegistry::parseDuration reads back.
    static QString durationText(qint64 ms);

    void lockOut(); // admin locked: forget the token and close

private:
    void tryCreate();

    Attempt m_attempt;
    QString m_pushBaseUrl;
    QString m_createdName;
    QWidget *m_formPage;
    QFrame *m_tokenPage;
    QLineEdit *m_name;
    QLineEdit *m_offlineAfter;
    QLabel *m_error;
    QLabel *m_createdLabel;
    QLineEdit *m_token;
    QPlainTextEdit *m_curl;
    QDialogButtonBox *m_buttons;
};

} // namespace hb
