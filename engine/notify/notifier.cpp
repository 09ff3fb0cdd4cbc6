#include "notify/notifier.h"

#include "notify/notifierworker.h"
#include "notify/notifylogging.h"

namespace hb {

void Notifier::ThreadJoiner::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

Notifier::Notifier(NotifierOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_heldIndex(std::make_shared<HeldIndex>())
{
    qRegisterMetaType<DeliveryRecord>();
    qRegisterMetaType<MachineTransition>();
    qRegisterMetaType<EngineSnapshot>();
}

Notifier::~Notifier()
{
    stop();
}

void Notifier::start()
{
    if (m_worker)
        return;
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("hb-notify"));
    auto *worker = new NotifierWorker(m_options, m_heldIndex);
    worker->moveToThread(m_thread.get());
    connect(worker, &NotifierWorker::desktopNotification, this, &Notifier::desktopNotification);
    connect(worker, &NotifierWorker::deliveryRecorded, this, &Notifier::deliveryRecorded);
    connect(worker, &NotifierWorker::heldChanged, this, &Notifier::heldChanged);
    m_thread->start();
    QString error;
    QMetaObject::invokeMethod(
        worker,
        [worker, &error] {
            try {
                worker->open();
            } catch (const StoreError &e) {
                error = e.message();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!error.isEmpty()) {
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_thread.reset();
        throw StoreError(error);
    }
    m_worker = worker;
}

void Notifier::stop()
{
    if (!m_worker)
        return;
    NotifierWorker *worker = m_worker;
    m_worker = nullptr;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->shutdown();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    m_thread.reset();
}

QVector<DeliveryRecord> Notifier::deliveries(qint64 beforeId, int limit) const
{
    try {
        NotificationStore store(m_options.metricsPath);
        return store.deliveries(beforeId, limit);
    } catch (const StoreError &e) {
        qCWarning(lcNotify).noquote() << e.message();
        return {};
    }
}

qint64 Notifier::addSilence(const NotificationSilence &silence)
{
    NotificationStore store(m_options.metricsPath);
    return store.addSilence(silence);
}

bool Notifier::removeSilence(qint64 id)
{
    NotificationStore store(m_options.metricsPath);
    return store.removeSilence(id);
}

QVector<NotificationSilence> Notifier::silences(qint64 nowMs) const
{
    NotificationStore store(m_options.metricsPath);
    return store.silences(nowMs);
}

HeldConditions Notifier::heldUnder() const
{
    QMutexLocker lock(&m_heldIndex->mutex);
    return m_heldIndex->held;
}

void Notifier::onMachineTransition(const MachineTransition &transition)
{
    if (NotifierWorker *worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker, transition] { worker->onMachineTransition(transition); },
            Qt::QueuedConnection);
}

void Notifier::onSnapshot(const EngineSnapshot &snapshot)
{
    if (NotifierWorker *worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker, snapshot] { worker->onSnapshot(snapshot); }, Qt::QueuedConnection);
}

void Notifier::setConfig(const NotificationsConfig &config)
{
    m_options.config = config;
    if (NotifierWorker *worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker, config] { worker->setConfig(config); }, Qt::QueuedConnection);
}

} // namespace hb
