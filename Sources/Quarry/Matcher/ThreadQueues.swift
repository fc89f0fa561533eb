/// Threads waiting at each token position, first in first out: linked lists
/// in one pool, with taken entries reused, so queuing a thread allocates
/// nothing once the pool has grown to the most threads waiting at once.
/// (An array per position allocated anew at every position.) The pool and
/// the list ends are raw buffers (`RawBuffer`): queuing is in the VM's
/// inner loop. A bit per position tells where threads wait, so the VM can
/// pass over 64 positions at a time (`occupiedBits`).
struct ThreadQueues<Element: BitwiseCopyable> {
    private struct Entry {
        var element: Element
        var next: Int32
    }

    private let pool = RawBuffer<Entry>()
    private var free: Int32 = -1
    /// Per position, its list's ends (-1: empty). Every list is empty again
    /// once the VM has taken each position in turn, so a reset only grows them.
    private let head = RawBuffer<Int32>()
    private let tail = RawBuffer<Int32>()
    private let occupied = RawBuffer<UInt64>()

    /// Makes room for positions `0..<positions`; every queue must be empty
    /// (taken), as it is after a search.
    mutating func reset(positions: Int) {
        assert((0..<occupied.count).allSatisfy { occupied[$0] == 0 }, "ThreadQueues.reset with threads waiting")
        pool.removeAll()
        free = -1
        if head.count < positions {
            head.resize(to: positions, fill: -1)
            tail.resize(to: positions, fill: -1)
        }
        let words = (positions + 63) >> 6
        if occupied.count < words { occupied.resize(to: words, fill: 0) }
    }

    @inline(__always)
    mutating func append(_ element: Element, at position: Int) {
        let index: Int32
        if free >= 0 {
            index = free
            free = pool[Int(index)].next
            pool[Int(index)] = Entry(element: element, next: -1)
        } else {
            index = Int32(pool.count)
            pool.append(Entry(element: element, next: -1))
        }
        if head[position] < 0 {
            head[position] = index
            occupied[position >> 6] |= 1 << UInt64(position & 63)
        } else {
            pool[Int(tail[position])].next = index
        }
        tail[position] = index
    }

    func hasThreads(at position: Int) -> Bool { head[position] >= 0 }

    /// A bit per position where threads wait (word `w` holds positions
    /// `64 * w ..< 64 * (w + 1)`), valid until the next `reset`.
    var occupiedBits: UnsafeMutablePointer<UInt64> { occupied.base }

    /// Appends the queue at `position` to `out` in queuing order and empties it.
    @inline(__always)
    mutating func take(_ position: Int, into out: RawBuffer<Element>) {
        var index = head[position]
        guard index >= 0 else { return }
        while index >= 0 {
            out.append(pool[Int(index)].element)
            index = pool[Int(index)].next
        }
        pool[Int(tail[position])].next = free
        free = head[position]
        head[position] = -1
        occupied[position >> 6] &= ~(1 << UInt64(position & 63))
    }
}
