#include "seedprogress.h"

#include <QCoreApplication>
#include <QLocale>
#include <QProgressDialog>

namespace hb {

DemoSeedProgress::DemoSeedProgress(int showAfterMs, QObject *parent)
    : QObject(parent)
    , m_showAfterMs(showAfterMs)
{
}

DemoSeedProgress::~DemoSeedProgress() = default;

void DemoSeedProgress::finish()
{
    m_dialog.reset();
}

void DemoSeedProgress::report(qint64 written, qint64 total)
{
    if (!m_since.isValid())
        m_since.start();
    if (total <= 0)
        return;
    if (written >= total) {
        m_dialog.reset();
        return;
    }
    if (!m_dialog) {
        if (m_since.elapsed() < m_showAfterMs)
            return;
        m_dialog = std::make_unique<QProgressDialog>();
        m_dialog->setObjectName(QStringLiteral("demoSeedProgress"));
        m_dialog->setWindowTitle(tr("Heartbeat Dashboard"));
        m_dialog->setCancelButton(nullptr); // a half-built ledger is of no use: it finishes
        m_dialog->setMinimumDuration(0);
        m_dialog->setMinimumWidth(420);
        m_dialog->setRange(0, 1000);
        m_dialog->show();
    }
    const QLocale locale;
    m_dialog->setLabelText(tr("Building the demo ledger: %1 of %2 loans…")
                               .arg(locale.toString(written), locale.toString(total)));
    m_dialog->setValue(int(written * 1000 / total));
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
}

} // namespace hb
