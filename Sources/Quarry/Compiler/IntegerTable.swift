/// A hash table from 64-bit keys to non-negative 32-bit values: open
/// addressing, linear probing and a multiplicative hash. The standard
/// `Dictionary` hashes with SipHash, which costs more than the lookups it
/// serves in the matcher's inner loops (lexicon edges, best match per rule
/// and start).
struct IntegerTable {
    private var keys: [UInt64]
    /// -1 marks an empty slot.
    private var values: [Int32]
    private var shift: UInt64
    /// The slots in use, so that emptying the table costs its count, not its room.
    private var used: [Int32] = []
    var count: Int { used.count }

    init() {
        keys = Array(repeating: 0, count: 16)
        values = Array(repeating: -1, count: 16)
        shift = 64 - 4
    }

    private func slot(of key: UInt64) -> Int {
        // The finalizer of MurmurHash3: every bit of the key reaches the top bits taken.
        var hash = key
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return Int(truncatingIfNeeded: hash >> shift)
    }

    subscript(key: UInt64) -> Int32? {
        get {
            let mask = values.count - 1
            var index = slot(of: key)
            while values[index] >= 0 {
                if keys[index] == key { return values[index] }
                index = (index + 1) & mask
            }
            return nil
        }
        set {
            guard let value = newValue else { preconditionFailure("IntegerTable does not remove keys") }
            precondition(value >= 0, "IntegerTable holds non-negative values")
            let mask = values.count - 1
            var index = slot(of: key)
            while values[index] >= 0 {
                if keys[index] == key {
                    values[index] = value
                    return
                }
                index = (index + 1) & mask
            }
            keys[index] = key
            values[index] = value
            used.append(Int32(index))
            if count * 2 > values.count { grow() }
        }
    }

    /// Empties the table, keeping its room.
    mutating func removeAll() {
        for index in used { values[Int(index)] = -1 }
        used.removeAll(keepingCapacity: true)
    }

    /// Every key and value, in the order the keys came in.
    func forEach(_ body: (UInt64, Int32) -> Void) {
        for index in used { body(keys[Int(index)], values[Int(index)]) }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values, oldUsed = used
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldValues.count * 2)
        shift -= 1
        used.removeAll(keepingCapacity: true)
        for index in oldUsed { self[oldKeys[Int(index)]] = oldValues[Int(index)] }
    }
}
