/// The fold keys a program names (its literals and the words of its lexicon
/// entries), numbered. The tokenizer looks each word form up once and
/// gives its tokens the number, so the matcher compares and indexes integers
/// where it would otherwise hash strings at every token.
public struct KeyTable: Sendable {
    private(set) var ids: [String: Int32] = [:]

    public init() {}

    /// Number of keys; ids run from 0 to count - 1.
    public var count: Int { ids.count }

    /// The key's number, or -1 when no rule names it.
    public func id(of key: String) -> Int32 { ids[key] ?? -1 }

    mutating func insert(_ key: String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }
}
