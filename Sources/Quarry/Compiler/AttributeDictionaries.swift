/// The attribute dictionaries of lexicon entries, made once for each
/// distinct list of pairs among the last few: a gazetteer's entries repeat a
/// handful of lists (`kind=city;country=RU` twelve thousand times), and
/// hashing each entry's keys into a dictionary of its own was a tenth of
/// compiling its lexicon. Equal dictionaries share their storage.
struct AttributeDictionaries {
    private var recent = RecentlyUsed<[(String, String)], [String: String]>(limit: 8)

    /// `pairs` as a dictionary, a later value for a key winning.
    mutating func dictionary(of pairs: [(String, String)]) -> [String: String] {
        if pairs.isEmpty { return [:] }
        if let known = recent.value(where: { Self.equal($0, pairs) }) { return known }
        let dictionary = Dictionary(pairs, uniquingKeysWith: { _, later in later })
        recent.insert(pairs, dictionary)
        return dictionary
    }

    private static func equal(_ a: [(String, String)], _ b: [(String, String)]) -> Bool {
        guard a.count == b.count else { return false }
        // The lexicon reader hands out one array per distinct field: most are the same storage.
        let same = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        if same { return true }
        for index in a.indices where a[index].0 != b[index].0 || a[index].1 != b[index].1 { return false }
        return true
    }
}
