#pragma once

// Work the GUI thread must not wait for (reading metrics.db, hashing a passphrase), done on a
// pool thread with its answer delivered back on the receiver's thread.

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <type_traits>
#include <utility>

namespace hb {

// Runs `work()` on the global thread pool, then `done(result)` on `receiver`'s thread. The
// watcher is the receiver's child: if the receiver is gone by then, the answer goes nowhere.
template<typename Work, typename Done>
void runInBackground(QObject *receiver, Work work, Done done)
{
    using Result = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Result>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, done = std::move(done)] {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

// What work that may fail returned: its value, or why there is none.
template<typename T>
struct Attempt
{
    T value{};
    QString error; // the exception's message; empty on success
    bool ok() const { return error.isEmpty(); }
};

// runInBackground for work that throws on failure (StoreError, SQLite::Exception, ...):
// `done` receives an Attempt holding the value or the exception's message.
template<typename Work, typename Done>
void attemptInBackground(QObject *receiver, Work work, Done done)
{
    using Value = std::invoke_result_t<Work>;
    runInBackground(
        receiver,
        [work = std::move(work)] {
            Attempt<Value> attempt;
            try {
                attempt.value = work();
            } catch (const std::exception &e) {
                attempt.error = QString::fromLocal8Bit(e.what());
            }
            return attempt;
        },
        std::move(done));
}

} // namespace hb
