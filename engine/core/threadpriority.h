#pragma once

namespace hb {

// Background work (the task pool, the HTTP API's thread) yields the CPU to the GUI, engine and
// metrics writer threads: on a machine whose cores the tasks or a burst of API clients saturate,
// the window must still answer at once and the engine tick on time.
//
// Lowers the calling thread's scheduling priority to BackgroundNice, once per thread (later
// calls cost a thread-local check). QThread::setPriority() cannot do this on Linux: under
// SCHED_OTHER every priority but IdlePriority maps to the one static priority there is, and
// IdlePriority (SCHED_IDLE) would starve the tasks whenever anything else runs. A thread's nice
// value is per thread on Linux; elsewhere this does nothing.
inline constexpr int BackgroundNice = 10;
void lowerThreadPriority();

// The calling thread's nice value (0 for a normal thread); 0 where threads have none.
int threadNice();

} // namespace hb
