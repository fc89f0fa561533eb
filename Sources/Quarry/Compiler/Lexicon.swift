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
        /// Set when every entry through this edge wrote its token capitalized
        /// and the lexicon requires capitals.
        var requiresCapital = true
    }

    let name: String
    private(set) var entries: [Entry] = []
    let root = Node()
    /// Fold keys of endings that may follow a token inside the same token
    /// (`Таганрог` + `е`), longest first; they apply only to tokens in `endingScript`.
    private(set) var endings: [String] = []
    private(set) var endingScript: Script = .common
    /// A stem left after removing an ending keeps at least this many characters.
    static let minimumStem = 3

    init(name: String) { self.name = name }

    func setEndings(_ keys: [String], script: Script) {
        endings = Array(Set(keys)).sorted { ($0.count, $0) > ($1.count, $1) }
        endingScript = script
    }

    /// Adds an entry under the fold keys of its phrase's tokens. The first
    /// entry for a key sequence wins; returns false for a later duplicate.
    @discardableResult
    func add(keys: [String], capitalized: [Bool]? = nil, value: String, attributes: [String: String]) -> Bool {
        guard !keys.isEmpty else { return false }
        var node = root
        for (index, key) in keys.enumerated() {
            let child: Node
            if let existing = node.children[key] { child = existing } else {
                child = Node()
                node.children[key] = child
            }
            child.requiresCapital = child.requiresCapital && (capitalized?[index] ?? false)
            node = child
        }
        guard node.entry == nil else { return false }
        node.entry = entries.count
        entries.append(Entry(value: value, attributes: attributes))
        return true
    }

    /// Per key number of the program (`KeyTable`), whether an entry starts with that key.
    private(set) var startsWithKey: [Bool] = []

    func indexFirstKeys(_ keys: KeyTable) {
        startsWithKey = Array(repeating: false, count: keys.count)
        for key in root.children.keys { startsWithKey[Int(keys.id(of: key))] = true }
    }

    /// True when entries match inflected forms of their stems.
    var inflects: Bool { !endings.isEmpty }

    func containsSingleToken(_ token: Token) -> Bool {
        guard let child = root.children[token.foldKey], child.entry != nil else { return false }
        return !child.requiresCapital || token.isCapitalized
    }

    /// Every entry that starts at token `start`, longest first, as (end, entry).
    func matches(in tokens: [Token], at start: Int) -> [(end: Int, entry: Int)] {
        var found: [(end: Int, entry: Int)] = []
        walk(root, tokens, start, &found)
        if found.count > 1 {
            // Longest first; for one end, the entry found first (exact before inflected).
            var seen = Set<Int>()
            found = found.sorted { $0.end > $1.end }.filter { seen.insert($0.end).inserted }
        }
        return found
    }

    private func walk(_ node: Node, _ tokens: [Token], _ position: Int, _ found: inout [(end: Int, entry: Int)]) {
        guard position < tokens.count else { return }
        let token = tokens[position]
        if let child = node.children[token.foldKey], !child.requiresCapital || token.isCapitalized {
            if let entry = child.entry { found.append((position + 1, entry)) }
            walk(child, tokens, position + 1, &found)
        }
        guard !endings.isEmpty, token.script == endingScript else { return }
        for ending in endings where token.foldKey.count - ending.count >= Lexicon.minimumStem && token.foldKey.hasSuffix(ending) {
            let stem = String(token.foldKey.dropLast(ending.count))
            guard let child = node.children[stem], !child.requiresCapital || token.isCapitalized else { continue }
            if let entry = child.entry { found.append((position + 1, entry)) }
            walk(child, tokens, position + 1, &found)
        }
    }
}
