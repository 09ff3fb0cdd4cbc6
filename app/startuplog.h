#pragma once

#include <QString>
#include <QtGlobal>

namespace hb::cli {

// Holds what start-up logs until it is known whether the start succeeds. A refused start
// prints exactly one line, its error (the contract both binaries keep: one line naming the
// file); a good one prints everything it held, in order, and logs straight through after.
// Critical messages are never held. One per process, on the main thread.
class StartupLog
{
public:
    StartupLog();  // starts holding
    ~StartupLog(); // release() if neither was called

    void release(); // the start succeeded: print what was held
    void discard(); // the start was refused: forget it

    StartupLog(const StartupLog &) = delete;
    StartupLog &operator=(const StartupLog &) = delete;

private:
    void stop(bool print);
    bool m_holding = true;
};

} // namespace hb::cli
