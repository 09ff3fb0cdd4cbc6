#include "enginehost.h"

#include "recordfeed.h"

#include <QCoreApplication>
#include <QPointer>

namespace hb {

void EngineHost::ThreadJoiner::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

EngineHost::EngineHost(EngineOptions options)
    : m_thread(new QThread)
    , m_engine(new HeartbeatEngine(std::move(options)))
{
    m_thread->setObjectName(QStringLiteral("hb-engine"));
    m_engine->moveToThread(m_thread.get());
    m_thread->start();
}

EngineHost::~EngineHost()
{
    stop();
}

void EngineHost::addRecordFeed(RecordFeed *feed)
{
    if (!m_engine)
        return;
    HeartbeatEngine *engine = m_engine;
    QPointer<RecordFeed> guarded(feed);
    QMetaObject::invokeMethod(
        engine, [engine, guarded] { engine->addRecordFeed(guarded.data()); }, Qt::QueuedConnection);
}

void EngineHost::removeRecordFeed(RecordFeed *feed)
{
    if (!m_engine)
        return;
    // Blocking, so the feed can be destroyed right after: the engine posts to it no more.
    HeartbeatEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine, feed] { engine->removeRecordFeed(feed); }, Qt::BlockingQueuedConnection);
}

void EngineHost::start()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &HeartbeatEngine::start, Qt::QueuedConnection);
}

void EngineHost::stop()
{
    if (!m_engine)
        return;
    Q_ASSERT(QThread::currentThread() != m_thread.get());
    HeartbeatEngine *engine = std::exchange(m_engine, nullptr);
    QMetaObject::invokeMethod(
        engine,
        [engine] {
            engine->stop();
            delete engine;
        },
        Qt::BlockingQueuedConnection);
    m_thread.reset();
}

void EngineHost::command(QObject *receiver, std::function<CommandResult(HeartbeatEngine &)> command,
                         std::function<void(const CommandResult &)> done)
{
    if (!m_engine)
        return;
    QPointer<QObject> guard(receiver);
    HeartbeatEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine,
        [engine, command = std::move(command), done = std::move(done), guard] {
            const CommandResult result = command(*engine);
            if (!done)
                return;
            // Hop via the application object (alive as long as the process) and check the
            // receiver there, on its own thread, where QPointer is safe to read.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, done, result] {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace hb
