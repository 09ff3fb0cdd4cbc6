#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QProgressDialog;

namespace hb {

// Progress of the first run's demo ledger, shown before the main window exists: a million
// loans take a while, and a desktop app that shows nothing for that long looks hung. The
// seeding runs on the GUI thread (the runtime is built there, before any window); report()
// lets the dialog paint but takes no input, so nothing can re-enter the half-built runtime.
class DemoSeedProgress : public QObject
{
    Q_OBJECT
public:
    // The dialog appears only once seeding has run `showAfterMs`: a small ledger never flashes.
    explicit DemoSeedProgress(int showAfterMs = 400, QObject *parent = nullptr);
    ~DemoSeedProgress() override;

    void report(qint64 written, qint64 total); // DemoLedgerOptions::progress
    void finish(); // closes the dialog (seeding failed part-way: the error comes next)
    QProgressDialog *dialog() const { return m_dialog.get(); } // null until shown

private:
    int m_showAfterMs;
    QElapsedTimer m_since;
    std::unique_ptr<QProgressDialog> m_dialog;
};

} // namespace hb
