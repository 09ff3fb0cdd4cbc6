#pragma once

// The UI tests' screenshot mode (the pictures in docs/): HB_SCREENSHOT_DIR=DIR makes a test's
// screenshot() case write its PNGs there, HB_SCREENSHOT_QM=FILE.qm shows them in that language.
// Without HB_SCREENSHOT_DIR the case is skipped, saying why.

#include <QCoreApplication>
#include <QString>
#include <QTest>
#include <QTranslator>

// Declares `outDir` and `translator` (installed while the case runs) in a screenshot() case.
#define HB_SCREENSHOT_MODE(outDir, translator)                                                     \
    const QString outDir = qEnvironmentVariable("HB_SCREENSHOT_DIR");                              \
    if (outDir.isEmpty())                                                                          \
        QSKIP("HB_SCREENSHOT_DIR not set");                                                        \
    QTranslator translator;                                                                        \
    if (const QString qm_ = qEnvironmentVariable("HB_SCREENSHOT_QM"); !qm_.isEmpty()) {            \
        QVERIFY2(translator.load(qm_), qPrintable(qm_));                                           \
        QCoreApplication::installTranslator(&translator);                                          \
    }
