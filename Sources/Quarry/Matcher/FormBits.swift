/// Up to 63 bits cached per slot, for what a token's surface decides (a
/// slot is a word form, or a form with its position facts). The top bit of
/// a slot marks it known, so a zero slot means unknown. Room grows to the
/// slots asked, doubling.
struct FormBits {
    private var slots: [UInt64] = []
    private static let known: UInt64 = 1 << 63

    /// The bits stored at `slot`, or nil when none are.
    @inline(__always)
    func bits(at slot: Int) -> UInt64? {
        guard slot >= 0 && slot < slots.count && slots[slot] != 0 else { return nil }
        return slots[slot] & ~FormBits.known
    }

    /// Stores `bits` (the top bit clear) at `slot`; a negative slot (a token
    /// of no word form) is not stored.
    mutating func store(_ bits: UInt64, at slot: Int) {
        guard slot >= 0 else { return }
        if slot >= slots.count { slots.append(contentsOf: repeatElement(0, count: max(slot + 1, 2 * slots.count) - slots.count)) }
        slots[slot] = bits | FormBits.known
    }

    /// Forgets every slot (a new `WordForms` numbering begins).
    mutating func removeAll() { slots.removeAll(keepingCapacity: true) }
}
