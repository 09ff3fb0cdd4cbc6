#pragma once

#include <QtGlobal>

#include <algorithm>
#include <vector>

namespace hb {

// A fixed-capacity ring kept in time order, for SeriesBuffer. Storage grows as values arrive
// (a short series costs little) and never beyond `capacity`; once full, pushing drops the oldest.
// Logical index 0 is the oldest element.
template<typename T> class RingBuffer
{
public:
    explicit RingBuffer(qsizetype capacity = 0) : m_capacity(std::max<qsizetype>(capacity, 1)) {}

    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    bool isEmpty() const { return m_size == 0; }
    bool isFull() const { return m_size == m_capacity; }
    // True once something was dropped to make room: the ring no longer holds all history.
    bool hasEvicted() const { return m_evicted; }

    const T &at(qsizetype i) const { return m_data[physical(i)]; }
    T &at(qsizetype i) { return m_data[physical(i)]; }
    const T &front() const { return at(0); }
    const T &back() const { return at(m_size - 1); }
    T &back() { return at(m_size - 1); }

    void push(const T &value)
    {
        if (qsizetype(m_data.size()) < m_capacity) {
            // Still growing: the ring has not wrapped yet. Grow geometrically, but never
            // allocate past the capacity.
            if (m_data.size() == m_data.capacity())
                m_data.reserve(size_t(std::min(m_capacity, std::max<qsizetype>(64, 2 * m_size))));
            m_data.push_back(value);
            ++m_size;
            return;
        }
        if (m_size < m_capacity) {
            m_data[physical(m_size)] = value;
            ++m_size;
            return;
        }
        m_data[m_head] = value; // full: overwrite the oldest
        m_head = (m_head + 1) % m_capacity;
        m_evicted = true;
    }

    // Inserts before logical index `pos`, shifting the newer elements up by one. When full, the
    // oldest element is dropped first. Meant for the rare late value, a few places from the end.
    void insert(qsizetype pos, const T &value)
    {
        Q_ASSERT(pos >= 0 && pos <= m_size);
        if (isFull()) {
            if (pos == 0) {
                m_evicted = true; // older than everything kept: it would be dropped at once
                return;
            }
            m_head = (m_head + 1) % m_capacity;
            --m_size;
            --pos;
            m_evicted = true;
        }
        push(value); // makes room at the end
        for (qsizetype i = m_size - 1; i > pos; --i)
            at(i) = at(i - 1);
        at(pos) = value;
    }

    // First logical index whose key is not less than `key` (keys non-decreasing).
    template<typename Key, typename KeyOf>
    qsizetype lowerBound(const Key &key, KeyOf keyOf) const
    {
        qsizetype lo = 0;
        qsizetype hi = m_size;
        while (lo < hi) {
            const qsizetype mid = lo + (hi - lo) / 2;
            if (keyOf(at(mid)) < key)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    // First logical index whose key is greater than `key`.
    template<typename Key, typename KeyOf>
    qsizetype upperBound(const Key &key, KeyOf keyOf) const
    {
        qsizetype lo = 0;
        qsizetype hi = m_size;
        while (lo < hi) {
            const qsizetype mid = lo + (hi - lo) / 2;
            if (key < keyOf(at(mid)))
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }

    // Calls f(element) for logical indexes [begin, end) without a modulo per element: the range
    // is at most two contiguous runs of storage.
    template<typename F> void forEach(qsizetype begin, qsizetype end, F f) const
    {
        forEachRun(begin, end, [&f](const T *data, qsizetype first, qsizetype count) {
            for (qsizetype i = first; i < first + count; ++i)
                f(data[i]);
        });
    }

    // Calls run(storage, physicalBegin, count) for the (at most two) contiguous runs of storage
    // that hold logical indexes [begin, end), oldest first. `storage` is the whole array.
    template<typename F> void forEachRun(qsizetype begin, qsizetype end, F run) const
    {
        if (begin >= end)
            return;
        const qsizetype first = physical(begin);
        const qsizetype count = end - begin;
        const qsizetype firstRun = std::min(count, qsizetype(m_data.size()) - first);
        run(m_data.data(), first, firstRun);
        if (count > firstRun)
            run(m_data.data(), qsizetype(0), count - firstRun);
    }

    // Where logical index `i` lives in storage (stable until the element is overwritten, or
    // moved by insert()).
    qsizetype physicalIndex(qsizetype i) const { return physical(i); }

    void clear()
    {
        m_data.clear();
        m_data.shrink_to_fit();
        m_head = 0;
        m_size = 0;
        m_evicted = false;
    }

    qsizetype memoryBytes() const { return qsizetype(m_data.capacity() * sizeof(T)); }

private:
    qsizetype physical(qsizetype i) const
    {
        const qsizetype p = m_head + i;
        return p >= qsizetype(m_data.size()) ? p - qsizetype(m_data.size()) : p;
    }

    std::vector<T> m_data;
    qsizetype m_capacity;
    qsizetype m_head = 0; // physical index of the oldest element
    qsizetype m_size = 0;
    bool m_evicted = false;
};

} // namespace hb
