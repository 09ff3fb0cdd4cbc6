#pragma once

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace hb::test {

// Answers the modal dialogs a click opens: `answer` gets each new one until it returns true.
class ModalDriver
{
public:
    explicit ModalDriver(std::function<bool(QWidget *)> answer)
        : m_answer(std::move(answer))
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (modal && !m_done && m_answer(modal))
                m_done = true;
        });
        m_timer.start();
    }
    bool done() const { return m_done; }

private:
    std::function<bool(QWidget *)> m_answer;
    QTimer m_timer;
    bool m_done = false;
};

} // namespace hb::test
