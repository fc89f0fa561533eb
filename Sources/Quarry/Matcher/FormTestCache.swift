/// Results of token tests that depend on the surface alone, per word form and
/// test: each such test runs once per form, not once per token. Two bits per
/// result (known, value), a row of all tests per form. Forms are numbered in
/// order of first sight, so the frequent ones come first; forms past the
/// memory budget are not cached (their tests run per position).
struct FormTestCache {
    private let testCount: Int
    /// Forms numbered below this have a row.
    let formLimit: Int
    private var bits: [UInt64] = []

    /// Bits all rows together may take: 32 MiB.
    static let budget = 1 << 28

    init(testCount: Int) {
        self.testCount = testCount
        formLimit = min(1 << 20, FormTestCache.budget / max(1, 2 * testCount))
    }

    /// Forgets every form (a new `WordForms` numbering begins).
    mutating func removeAll() {
        bits.removeAll(keepingCapacity: true)
    }

    /// The cached result of test `test` for `form`, or nil.
    @inline(__always)
    func result(form: Int32, test: Int) -> Bool? {
        // Unchecked arithmetic and reads: forms and tests are small, and the
        // word index is checked against the count just before (asked at every step).
        let slot = (Int(form) &* testCount &+ test) &* 2
        let word = slot &>> 6
        guard form >= 0, word < bits.count else { return nil }
        let pair = bits.withUnsafeBufferPointer { $0[word] } &>> UInt64(slot & 63)
        return pair & 1 == 0 ? nil : pair & 2 != 0
    }

    /// Records a result; forms past `formLimit` are not kept.
    mutating func store(_ result: Bool, form: Int32, test: Int) {
        guard form >= 0, Int(form) < formLimit else { return }
        let slot = (Int(form) * testCount + test) * 2
        if slot >> 6 >= bits.count {
            let rows = max(Int(form) + 1, 2 * bits.count * 64 / max(1, 2 * testCount))
            let words = (min(rows, formLimit) * testCount * 2 + 63) / 64
            bits.append(contentsOf: repeatElement(0, count: max(words, (slot >> 6) + 1) - bits.count))
        }
        bits[slot >> 6] |= UInt64(result ? 3 : 1) << UInt64(slot & 63)
    }
}
