/// A lexicon compiled to a trie over token fold keys: one lookup per token,
/// whatever the number of entries. An entry is the token sequence of its
/// phrase (tokenized like the text), so multi-token entries and hyphenated
/// designations (`S-200`) are paths of several edges.
final class Lexicon {
    struct Entry {
        var value: String
        var attributes: [String: String]
    }

    final class Node {
        var children: [String: Node] = [:]
        var entry: Int?
    }

    let name: String
    private(set) var entries: [Entry] = []
    let root = Node()

    init(name: String) { self.name = name }

    /// Adds an entry under the fold keys of its phrase's tokens. The first
    /// entry for a key sequence wins; returns false for a later duplicate.
    @discardableResult
    func add(keys: [String], value: String, attributes: [String: String]) -> Bool {
        guard !keys.isEmpty else { return false }
        var node = root
        for key in keys {
            if let child = node.children[key] { node = child } else {
                let child = Node()
                node.children[key] = child
                node = child
            }
        }
        guard node.entry == nil else { return false }
        node.entry = entries.count
        entries.append(Entry(value: value, attributes: attributes))
        return true
    }

    func containsSingleToken(_ key: String) -> Bool { root.children[key]?.entry != nil }

    /// Every entry that starts at token `start`, longest first, as (end, entry).
    func matches(in tokens: [Token], at start: Int) -> [(end: Int, entry: Int)] {
        var found: [(end: Int, entry: Int)] = []
        var node = root
        var position = start
        while position < tokens.count, let child = node.children[tokens[position].foldKey] {
            node = child
            position += 1
            if let entry = node.entry { found.append((position, entry)) }
        }
        return found.reversed()
    }
}
