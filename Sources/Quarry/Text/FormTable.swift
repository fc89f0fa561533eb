/// The distinct word forms a tokenizer has seen, found by their code points
/// in place: looking a token up makes no `String` and hashes no `String`
/// (FNV-1a over the code points, open addressing). Form numbers run from 0
/// in order of first sight.
struct FormTable {
    /// Every form's code points, one after another.
    private var storage: [Unicode.Scalar] = []
    /// Per form: where its code points are in `storage`, and its hash.
    private var entries: [(start: Int32, length: Int32, hash: UInt32)] = []
    /// Form numbers by hash (linear probing); -1 is empty. A power of two long.
    private var slots = [Int32](repeating: -1, count: 1024)

    var count: Int { entries.count }

    static func hash(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt32 {
        precondition(start >= 0 && start <= end && end <= scalars.count, "form outside the text")
        return scalars.withUnsafeBufferPointer { scalars in
            var hash: UInt32 = 2_166_136_261
            for index in start..<end { hash = (hash ^ scalars[index].value) &* 16_777_619 }
            return hash
        }
    }

    /// The number of the form spelled by `scalars[start..<end]`, if seen.
    /// (Once per token: the comparison reads both texts without bounds checks,
    /// the form's range checked once.)
    func find(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, hash: UInt32) -> Int32? {
        precondition(start >= 0 && start <= end && end <= scalars.count, "form outside the text")
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] >= 0 {
            let form = slots[slot]
            let entry = entries[Int(form)]
            if entry.hash == hash && Int(entry.length) == end - start {
                let same = scalars.withUnsafeBufferPointer { text in
                    storage.withUnsafeBufferPointer { stored in
                        let offset = Int(entry.start) - start
                        return (start..<end).allSatisfy { stored[offset + $0] == text[$0] }
                    }
                }
                if same { return form }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds a form not seen yet and returns its number.
    mutating func insert(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, hash: UInt32) -> Int32 {
        if 2 * (entries.count + 1) > slots.count { grow() }
        let form = Int32(entries.count)
        entries.append((Int32(storage.count), Int32(end - start), hash))
        storage.append(contentsOf: scalars[start..<end])
        place(form, hash: hash)
        return form
    }

    mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = -1 }
    }

    private mutating func place(_ form: Int32, hash: UInt32) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = form
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (form, entry) in entries.enumerated() { place(Int32(form), hash: entry.hash) }
    }
}
