#pragma once

#include "store/notificationstore.h"

#include <QPointer>
#include <QTimer>
#include <QVector>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace hb {

class Notifier;

// What the notifier did and what it was told to keep quiet about. The delivery log (newest
// first: time, channel, kind, attempt, status, error) and the active and upcoming silences are
// read from DATA/metrics.db on a pool thread, never on the GUI thread. The log shows the newest
// page and "Load older" adds the page before it; it is read again whenever the notifier records
// a delivery and, while the panel is visible, every few seconds (for rows written by another
// process: heartbeatd, or another dashboard). Admins create silences ("New silence…") and end
// them ("End now", after confirming); the panel only asks for that through its signals, and
// the window sends the engine commands, which audit them.
class NotificationsPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DeliveryPage = 200; // rows read at a time
    static constexpr int DeliveryPollMs = 5'000;

    explicit NotificationsPanel(const QString &dataDir, QWidget *parent = nullptr);

    // Not owned; may be null. Its deliveryRecorded() refreshes the delivery log.
    void setNotifier(Notifier *notifier);
    // New silence and End now are admin's: disabled for a viewer.
    void setAdmin(bool admin);
    bool isAdmin() const { return m_admin; }
    // Ending a silence asks first; tests switch the question off.
    void setConfirmationsEnabled(bool on) { m_confirm = on; }

    // Read the delivery log and the silences again (in the background).
    void refresh();
    void refreshDeliveries();
    // Adds the page of deliveries before the oldest shown (in the background).
    void loadOlderDeliveries();
    void refreshSilences();
    // How often the log is read again while the panel is visible (tests shorten it).
    void setDeliveryPollInterval(int ms) { m_poll.setInterval(ms); }

    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *deliveriesTable() const { return m_deliveries; }
    QPushButton *loadOlderButton() const { return m_older; }
    QTableWidget *silencesTable() const { return m_silences; }
    const QVector<NotificationSilence> &silences() const { return m_silenceRows; }

Q_SIGNALS:
    // An admin filled the New silence dialog: the window sends HeartbeatEngine::addSilence.
    void addSilenceRequested(const hb::NotificationSilence &silence);
    // An admin confirmed End now: the window sends HeartbeatEngine::endSilence.
    void endSilenceRequested(qint64 id);
    // A read finished (the tables show it).
    void deliveriesLoaded();
    void silencesLoaded();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void requestNew();
    void requestEnd();
    void updateButtons();
    // Merges a page read from metrics.db into what is shown (newest: the newest page).
    void mergeDeliveries(const QVector<DeliveryRecord> &page, bool newest);
    void showDeliveries();
    void showSilences(const QVector<NotificationSilence> &rows);

    QString m_metricsPath;
    QPointer<Notifier> m_notifier;
    bool m_admin = false;
    bool m_confirm = true;
    QVector<NotificationSilence> m_silenceRows;
    QVector<DeliveryRecord> m_deliveryRows; // newest first
    bool m_noOlderDeliveries = false;
    QTimer m_poll;
    QTabWidget *m_tabs;
    QTableWidget *m_deliveries;
    QTableWidget *m_silences;
    QLabel *m_error;
    QPushButton *m_older;
    QPushButton *m_new;
    QPushButton *m_end;
};

} // namespace hb
