/// Where a trie walk gets a token's stems (`Lexicon.stems(of:foldKey:keys:)`),
/// cached or not. An object, not a closure: a closure that wrote to the VM
/// made the walk retain and release the lexicon's arrays at every step.
protocol TokenStems: AnyObject {
    func stems(of token: Token, in lexicon: Lexicon) -> [Int32]
}

/// A lexicon compiled to a trie over the numbers of token fold keys (see
/// `KeyTable`): one integer lookup per token, whatever the number of entries.
/// An entry is the token sequence of its phrase (tokenized like the text), so
/// multi-token entries and hyphenated designations (`S-200`) are paths of
/// several edges. Nodes are numbers, edges one hash table keyed by node and
/// key, and the root's edges a dense array by key: no objects to reference-count
/// while matching, and a 200,000-entry lexicon is a few arrays.
///
/// The lexicon is filled while the program is compiled and only read once
/// matching starts (and shared by threads then), so its stored properties
/// skip the run-time exclusivity checks Swift makes on a class's `var`s: they
/// were a check per trie step.
final class Lexicon {
    struct Entry {
        var value: String
        var attributes: [String: String]
    }

    let name: String
    @exclusivity(unchecked) private(set) var entries: [Entry] = []
    /// Tokens in the longest entry.
    private(set) var longestEntry = 0
    /// Per node (0 is the root): the entry ending there, or -1.
    @exclusivity(unchecked) private var entryOfNode: [Int32] = [-1]
    /// Per node whose entry is written in one script, a later entry with the
    /// same fold keys written in the other (Latin or Cyrillic), by node: the
    /// token's script chooses between them. The village Pokrovske and
    /// Покровске, "in Pokrovsk", fold alike; English text means the first,
    /// Russian text the second.
    @exclusivity(unchecked) private var otherScriptEntry: [Int32: Int32] = [:]
    /// Per entry, the ordinal of the one script its phrase is written in, or -1.
    @exclusivity(unchecked) private var entryScript: [Int8] = []
    /// Per node: set when every entry through the edge into it wrote its token
    /// capitalized and the lexicon requires capitals.
    @exclusivity(unchecked) private var nodeRequiresCapital: [Bool] = [true]
    /// Per node: set when every entry ending there is a stem (`needsEnding`),
    /// which a token matches only with an ending: `Шебекин` + `е`, not the
    /// surname `Шебекин` itself. (Only the entry's acceptance: a walk to
    /// longer entries still takes the edge.)
    @exclusivity(unchecked) private var nodeNeedsEnding: [Bool] = [false]
    /// Per node: whether an edge leaves it, so that an entry may go on past it.
    @exclusivity(unchecked) private var nodeHasChildren: [Bool] = [false]
    /// Per node: a bit per script (by ordinal) that entries through the edge
    /// into it are written in (all bits for an entry of several). A stem takes
    /// the edge only for a token of one of them, or of none (digits): fold keys
    /// are Latin, and a Cyrillic `Дніпропетровської` is no Latin alias
    /// `Dnipropetrovsko` (Dnipro) + `і`.
    @exclusivity(unchecked) private var nodeScripts: [UInt8] = [0]
    /// Edges: `node << 32 | key` to the child node.
    @exclusivity(unchecked) private var edges = IntegerTable()
    /// The root's children again, as a dense array by key number (-1 for
    /// none), since every token looks there; filled by `indexFirstKeys`.
    @exclusivity(unchecked) private var rootChild: [Int32] = []
    /// Fold keys of endings that may follow a token inside the same token
    /// (`Таганрог` + `е`, `F-16` + `s`), by the ordinal of the script they are
    /// written in (each applies only to tokens in its script), then by their
    /// last scalar: a token is compared only with the endings that end as it does.
    @exclusivity(unchecked) private var endingsByLastScalar = [[Unicode.Scalar: [String]]](repeating: [:], count: Script.allCases.count)
    /// A bit per script (by ordinal) that has endings: asked at every step of a walk.
    @exclusivity(unchecked) private var inflectingScripts: UInt8 = 0
    /// A stem left after removing an ending keeps at least this many characters,
    /// unless it is a number (`F-16` + `s`: a designation's digits are no short word).
    static let minimumStem = 3

    init(name: String) { self.name = name }

    /// The same number for lexicons given the same endings lexicons, whose
    /// tokens' stems are therefore the same (-1: no endings): a word form's
    /// stems are found once for all of them (`StemCache`).
    private(set) var endingsSignature = -1

    func setEndings(_ endings: [(key: String, script: Script)], signature: Int) {
        endingsSignature = signature
        var byScript = [Set<String>](repeating: [], count: Script.allCases.count)
        for (key, script) in endings { byScript[script.ordinal].insert(key) }
        // Shortest ending first, so the longest stem is tried first and wins
        // where two stems reach entries of one length (`Сумщині` is
        // `Сумщин` + `і`, Sumy's region, before `Сумщ…` + `ні`).
        let endingsOfScript = byScript.map { $0.sorted { ($0.count, $0) < ($1.count, $1) } }
        endingsByLastScalar = endingsOfScript.map { endings in
            var byLast: [Unicode.Scalar: [String]] = [:]
            for ending in endings { if let last = ending.unicodeScalars.last { byLast[last, default: []].append(ending) } }
            return byLast
        }
        inflectingScripts = 0
        for (ordinal, keys) in endingsOfScript.enumerated() where !keys.isEmpty { inflectingScripts |= 1 << ordinal }
    }

    /// Whether entries match inflected tokens in `script`.
    @inline(__always)
    func inflects(_ script: Script) -> Bool { inflectingScripts & (1 << script.ordinal) != 0 }

    /// Adds an entry under the numbers of its phrase's fold keys. The first
    /// entry for a key sequence wins, except that one written in the other of
    /// Latin and Cyrillic is kept for tokens in its script
    /// (`otherScriptEntry`); returns false for a later duplicate.
    /// `needsEnding`: the entry is a stem, matched by a token only with one of the lexicon's endings.
    @discardableResult
    func add(keys: [Int32], capitalized: [Bool]? = nil, script: Script = .mixed, needsEnding: Bool = false,
             value: String, attributes: [String: String]) -> Bool {
        let scriptBits: UInt8 = script == .mixed ? .max : 1 << script.ordinal
        guard !keys.isEmpty else { return false }
        var node: Int32 = 0
        for (index, key) in keys.enumerated() {
            let child: Int32
            if let existing = self.child(of: node, key: key) { child = existing } else {
                child = Int32(entryOfNode.count)
                entryOfNode.append(-1)
                nodeRequiresCapital.append(true)
                nodeNeedsEnding.append(true)
                nodeHasChildren.append(false)
                nodeHasChildren[Int(node)] = true
                nodeScripts.append(0)
                edges[Lexicon.edge(node, key)] = child
            }
            nodeRequiresCapital[Int(child)] = nodeRequiresCapital[Int(child)] && (capitalized?[index] ?? false)
            nodeScripts[Int(child)] |= scriptBits
            node = child
        }
        nodeNeedsEnding[Int(node)] = nodeNeedsEnding[Int(node)] && needsEnding
        let ownScript: Int8 = script == .latin || script == .cyrillic ? Int8(script.ordinal) : -1
        let existing = entryOfNode[Int(node)]
        if existing >= 0 {
            let existingScript = entryScript[Int(existing)]
            guard ownScript >= 0 && existingScript >= 0 && existingScript != ownScript && otherScriptEntry[node] == nil else { return false }
            otherScriptEntry[node] = Int32(entries.count)
        } else {
            entryOfNode[Int(node)] = Int32(entries.count)
        }
        longestEntry = max(longestEntry, keys.count)
        entries.append(Entry(value: value, attributes: attributes))
        entryScript.append(ownScript)
        return existing < 0
    }

    /// Lays the root's edges out by key number once every key of the program
    /// is numbered (`keyCount` of them).
    func indexFirstKeys(keyCount: Int) {
        rootChild = Array(repeating: -1, count: keyCount)
        var keys: [Int32] = []
        edges.forEach { edge, child in
            guard edge >> 32 == 0 else { return }
            let key = Int32(truncatingIfNeeded: edge)
            rootChild[Int(key)] = child
            keys.append(key)
        }
        firstKeys = keys.sorted()
    }

    /// The key numbers entries start with, ascending (once `indexFirstKeys`
    /// has run; kept, as scanning the root's array by key cost 1% of start-up).
    private(set) var firstKeys: [Int32] = []

    /// Whether an entry starts with the key numbered `key`.
    func startsWith(key: Int32) -> Bool { key >= 0 && rootChild[Int(key)] >= 0 }

    /// Whether an entry starts with one of `stems` (the stems of a token in
    /// `script`, for an inflected first word).
    func startsWith(anyOf stems: [Int32], script: Script) -> Bool {
        stems.contains { stem in child(of: 0, key: stem).map { takesStem($0, script) } ?? false }
    }

    /// Whether a stem of a token in `script` may take the edge into `child`.
    @inline(__always)
    private func takesStem(_ child: Int32, _ script: Script) -> Bool {
        nodeScripts[Int(child)] & (1 << script.ordinal | 1 << Script.common.ordinal) != 0
    }

    /// True when entries match inflected forms of their stems.
    var inflects: Bool { inflectingScripts != 0 }

    /// Whether `token` is a one-token entry, or one plus an ending
    /// (`Київськ` + `ому`) where the lexicon has endings: as a pattern element
    /// the lexicon would match it. `foldKey` is the token's.
    func containsSingleToken(_ token: Token, foldKey: String, keys: KeyTable) -> Bool {
        if let exact = child(of: 0, key: token.keyID), !nodeNeedsEnding[Int(exact)], isSingleTokenEntry(exact, token) { return true }
        guard inflects(token.script) else { return false }
        return stems(of: token, foldKey: foldKey, keys: keys).contains { stem in
            guard let child = child(of: 0, key: stem), takesStem(child, token.script) else { return false }
            return isSingleTokenEntry(child, token)
        }
    }

    private func isSingleTokenEntry(_ child: Int32?, _ token: Token) -> Bool {
        guard let child, entryOfNode[Int(child)] >= 0 else { return false }
        return !nodeRequiresCapital[Int(child)] || token.isCapitalized
    }

    /// What `appendMatches` finds at `token` where that needs no walk: the
    /// entry its key leads to (-1: none) when no entry goes on past it and
    /// no ending applies; nil otherwise. (Most lexicon steps: a walk's
    /// set-up cost more than its one step.)
    @inline(__always)
    func singleTokenMatch(_ token: Token) -> Int32? {
        guard !inflects(token.script) else { return nil }
        guard let child = child(of: 0, key: token.keyID) else { return -1 }
        guard !nodeHasChildren[Int(child)] else { return nil }
        guard !nodeRequiresCapital[Int(child)] || token.isCapitalized, !nodeNeedsEnding[Int(child)] else { return -1 }
        return entry(at: child, script: token.script)
    }

    /// The entry ending at `node` for a token in `script`: the other script's
    /// entry where one was written in it (`otherScriptEntry`).
    @inline(__always)
    private func entry(at node: Int32, script: Script) -> Int32 {
        let entry = entryOfNode[Int(node)]
        if entry >= 0 && !otherScriptEntry.isEmpty && Int(entryScript[Int(entry)]) != script.ordinal,
           let other = otherScriptEntry[node], Int(entryScript[Int(other)]) == script.ordinal {
            return other
        }
        return entry
    }

    /// Appends to `found` every entry that starts at token `start`, longest
    /// first, as (end, entry): appended to a buffer the caller keeps, so a
    /// lookup allocates nothing.
    /// `stems` gives a token's stems for this lexicon (see `stems(of:foldKey:keys:)`),
    /// which it may cache per word form.
    func appendMatches<Stems: TokenStems>(in tokens: [Token], at start: Int, stems: Stems, to found: inout [(end: Int, entry: Int)]) {
        let first = found.count
        walk(0, tokens, start, stems, &found)
        guard found.count - first > 1 else { return }
        // Longest first; for one end, the entry found first (exact before
        // inflected). An insertion sort in place, stable, that drops a later
        // entry of an end already kept: a walk finds a handful, and a set and
        // a sorted copy had cost more than the walk.
        var kept = first + 1
        for index in (first + 1)..<found.count {
            let hit = found[index]
            var place = kept
            while place > first && found[place - 1].end < hit.end { place -= 1 }
            if place > first && found[place - 1].end == hit.end { continue }
            var move = kept
            while move > place { found[move] = found[move - 1]; move -= 1 }
            found[place] = hit
            kept += 1
        }
        found.removeLast(found.count - kept)
    }

    /// The key numbers of what is left of a token (with fold key `foldKey`)
    /// once one of the endings is removed (shortest ending first), for tokens
    /// in the endings' script.
    func stems(of token: Token, foldKey: String, keys: KeyTable) -> [Int32] {
        guard let last = foldKey.unicodeScalars.last, let endings = endingsByLastScalar[token.script.ordinal][last] else { return [] }
        return endings.compactMap { ending in
            guard foldKey.hasSuffix(ending) else { return nil }
            let stemText = foldKey.dropLast(ending.count)
            guard stemText.count >= Lexicon.minimumStem
                || (!stemText.isEmpty && stemText.unicodeScalars.allSatisfy { ScalarKind($0).isDecimalDigit })
            else { return nil }
            let stem = keys.id(of: String(stemText))
            return stem >= 0 ? stem : nil
        }
    }

    private static func edge(_ node: Int32, _ key: Int32) -> UInt64 { UInt64(node) << 32 | UInt64(UInt32(key)) }

    private func child(of node: Int32, key: Int32) -> Int32? {
        guard key >= 0 else { return nil }
        if node == 0 && Int(key) < rootChild.count { return rootChild[Int(key)] >= 0 ? rootChild[Int(key)] : nil }
        return edges[Lexicon.edge(node, key)]
    }

    private func walk<Stems: TokenStems>(_ node: Int32, _ tokens: [Token], _ position: Int, _ stems: Stems,
                      _ found: inout [(end: Int, entry: Int)]) {
        guard position < tokens.count else { return }
        let capitalized = tokens[position].isCapitalized
        if let child = child(of: node, key: tokens[position].keyID) {
            step(child, capitalized, byStem: false, tokens, position, stems, &found)
        }
        guard inflects(tokens[position].script) else { return }
        for stem in stems.stems(of: tokens[position], in: self) {
            guard let child = child(of: node, key: stem), takesStem(child, tokens[position].script) else { continue }
            step(child, capitalized, byStem: true, tokens, position, stems, &found)
        }
    }

    /// Follows the edge into `child` taken by the token at `position` (by one of its stems: `byStem`).
    private func step<Stems: TokenStems>(_ child: Int32, _ capitalized: Bool, byStem: Bool, _ tokens: [Token], _ position: Int,
                      _ stems: Stems, _ found: inout [(end: Int, entry: Int)]) {
        guard !nodeRequiresCapital[Int(child)] || capitalized else { return }
        let entry = entry(at: child, script: tokens[position].script)
        if entry >= 0 && (byStem || !nodeNeedsEnding[Int(child)]) { found.append((position + 1, Int(entry))) }
        walk(child, tokens, position + 1, stems, &found)
    }
}
