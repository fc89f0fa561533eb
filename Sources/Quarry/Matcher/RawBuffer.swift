/// A growable buffer of plain values in raw memory, for the VM's per-position
/// work lists: as Swift arrays, every write checked the array's unique
/// ownership and emptying one went through a generic range replacement,
/// which together cost more than the work they held. Elements are bitwise
/// copyable, so nothing is released when they are dropped. Indexes are
/// checked in debug builds only. Owned by one VM (not thread-safe).
final class RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < count, "RawBuffer index out of range")
            return base[index]
        }
        set {
            assert(index >= 0 && index < count, "RawBuffer index out of range")
            base[index] = newValue
        }
    }

    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow(to: 2 * capacity) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Sets the count to `newCount`, growing room if needed; new elements are `fill`.
    func resize(to newCount: Int, fill: Element) {
        if newCount > capacity { grow(to: max(newCount, 2 * capacity)) }
        if newCount > count { (base + count).initialize(repeating: fill, count: newCount - count) }
        count = newCount
    }

    /// Makes the buffer a copy of `values`, in one copy of memory.
    func assign(_ values: UnsafeBufferPointer<Element>) {
        if values.count > capacity { grow(to: max(values.count, 2 * capacity)) }
        // Plain values: writing over the old ones needs no deinitialization.
        if let source = values.baseAddress { base.initialize(from: source, count: values.count) }
        count = values.count
    }

    /// Sets every element to `value`, in one fill of memory.
    func fill(_ value: Element) { base.update(repeating: value, count: count) }

    /// The elements, copied into an array.
    var elements: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Empties the buffer, keeping its room.
    @inline(__always)
    func removeAll() { count = 0 }

    private func grow(to newCapacity: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
