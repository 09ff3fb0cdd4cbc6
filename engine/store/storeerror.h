#pragma once

#include <QString>

#include <stdexcept>

namespace hb {

// A problem with a data file that the user must fix. `message()` is one line that names the
// file and says what is wrong; it is what the binaries print before exiting with status 2.
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    {}
    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace hb
