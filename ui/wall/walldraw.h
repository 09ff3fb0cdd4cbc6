#pragma once

#include "wallcontent.h"

#include <QColor>
#include <QFont>
#include <QRectF>

class QPainter;

namespace hb::walldraw {

// A dark, high-contrast theme: light text on near black, state colours from the Okabe–Ito
// palette (told apart with the common colour-vision deficiencies), always with a shape and a
// word beside them.
inline const QColor Background{0x0b, 0x0d, 0x10};
inline const QColor Panel{0x17, 0x1b, 0x21};
inline const QColor Text{0xf4, 0xf5, 0xf7};
inline const QColor Secondary{0xb9, 0xc0, 0xc9};
inline const QColor Grid{0x3a, 0x41, 0x4b};
inline const QColor Accent{0x56, 0xb4, 0xe9}; // sky blue: chart lines

QColor toneColor(WallTone tone);
QFont font(int pixelSize, bool bold = false);
void drawShape(QPainter &painter, const QRectF &rect, WallShape shape, const QColor &color);

// Draws `text` in `rect` at `pixelSize`, shrinking it down to `minPixelSize` when it does not
// fit the width, and eliding it only below that (then `*elided` is set). Returns the pixel size
// used.
int drawFitted(QPainter &painter, const QRectF &rect, const QString &text, int pixelSize,
               int minPixelSize, int alignment, bool bold = false, bool *elided = nullptr);
// The pixel size drawFitted() would use.
int fittedSize(const QString &text, qreal width, int pixelSize, int minPixelSize, bool bold);

} // namespace hb::walldraw
