#pragma once

#include <QObject>

class QSocketNotifier;

namespace hb {

// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe: the handler only
// writes a byte; all the real work happens in the event loop).
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void stopRequested(int signalNumber);

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace hb
