/// A few values by key, the latest used first. For keys that repeat in runs
/// (a gazetteer's attribute fields, `kind=city;country=RU` twelve thousand
/// times among a few hundred others), comparing a handful of keys costs less
/// than hashing each one.
struct RecentlyUsed<Key, Value> {
    private var items: [(key: Key, value: Value)] = []
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// The value of the first key `matches` accepts, moved to the front; nil for none.
    mutating func value(where matches: (Key) -> Bool) -> Value? {
        guard let found = items.firstIndex(where: { matches($0.key) }) else { return nil }
        if found > 0 { items.swapAt(0, found) }
        return items[0].value
    }

    /// Puts `value` first under `key`, forgetting the least recent beyond the limit.
    mutating func insert(_ key: Key, _ value: Value) {
        items.insert((key, value), at: 0)
        if items.count > limit { items.removeLast() }
    }
}
