#include "threadpriority.h"

#include "logging.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#endif

namespace hb {

#ifdef Q_OS_LINUX
namespace {
id_t currentThreadId()
{
    return id_t(::syscall(SYS_gettid)); // gettid() itself needs glibc 2.30
}
} // namespace
#endif

void lowerThreadPriority()
{
#ifdef Q_OS_LINUX
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    // Only ever raised: a thread already nicer (the whole process started with nice 15) stays.
    if (threadNice() >= BackgroundNice)
        return;
    if (::setpriority(PRIO_PROCESS, currentThreadId(), BackgroundNice) != 0)
        qCWarning(lcEngine, "could not lower a worker thread's priority: %s", std::strerror(errno));
#endif
}

int threadNice()
{
#ifdef Q_OS_LINUX
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, currentThreadId());
    return errno == 0 ? nice : 0;
#else
    return 0;
#endif
}

} // namespace hb
