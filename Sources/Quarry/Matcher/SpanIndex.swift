/// The spans of the phases run so far, indexed for the matcher (by type and
/// first token) and for attribute functions (by type and end, and by type
/// and the fold key of the last token), so that `previous` and `fullest`
/// cost a lookup, not a scan of every span.
struct SpanIndex {
    private(set) var spans: [Span] = []
    /// Tokens in the longest span.
    private(set) var longestSpan = 0
    /// Per token, the first span starting there (-1: none), of any type;
    /// `nextSameStart[k]` is the one after span `k` (-1: none), in the order
    /// they were added, and `lastStarting` the chain's end. A few spans start
    /// at one token, so a walk along the chain is shorter than a hash lookup.
    private var firstStarting: [Int32]
    private var lastStarting: [Int32]
    private var nextSameStart: [Int32] = []
    /// Each span's type, beside the chains that filter by it.
    private var spanTypes: [Int32] = []
    /// Per type (by number: a table lookup, where a dictionary hashed twice per
    /// span added), span indexes sorted by end token.
    private var byTypeSortedByEnd: [[Int]] = []
    /// Per type and last-token fold key, span indexes.
    private var byTypeAndLastKey: [[String: [Int]]] = []
    /// Per token, a bit per type (the first 64) for whether a span of that
    /// type starts there: the matcher asks at every token, mostly to hear no.
    private var typesStarting: [UInt64]
    /// The types `previous` and `fullest` ask about (nil: all): only their
    /// spans are indexed by end and by last fold key.
    private let lookups: SpanLookups?

    init(tokenCount: Int = 0, lookups: SpanLookups? = nil) {
        self.lookups = lookups
        typesStarting = Array(repeating: 0, count: tokenCount)
        firstStarting = Array(repeating: -1, count: tokenCount)
        lastStarting = firstStarting
        // Room for a span per four tokens at once (about what a pack such as the
        // default one makes), not by doubling from nothing.
        spans.reserveCapacity(tokenCount / 4)
        nextSameStart.reserveCapacity(tokenCount / 4)
        spanTypes.reserveCapacity(tokenCount / 4)
    }

    /// Adds `span`, whose last token has word form `lastForm` in `words`
    /// (its fold key is read only for types `fullest` looks up).
    mutating func add(_ span: Span, lastForm: Int32, in words: WordTexts) {
        let index = spans.count
        spans.append(span)
        longestSpan = max(longestSpan, span.tokens.count)
        nextSameStart.append(-1)
        spanTypes.append(Int32(span.type))
        let start = span.tokens.lowerBound
        if start >= firstStarting.count {
            // Only spans built by hand lie past the token count given to `init`.
            let room = start + 1 - firstStarting.count
            firstStarting.append(contentsOf: repeatElement(-1, count: room))
            lastStarting.append(contentsOf: repeatElement(-1, count: room))
        }
        if lastStarting[start] >= 0 { nextSameStart[Int(lastStarting[start])] = Int32(index) } else { firstStarting[start] = Int32(index) }
        lastStarting[start] = Int32(index)
        if span.type < 64 && start < typesStarting.count {
            typesStarting[start] |= 1 << UInt64(span.type)
        }
        if lookups?.looksUpPrevious(span.type) ?? true { indexEnd(index) }
        if lookups?.looksUpFullest(span.type) ?? true {
            if span.type >= byTypeAndLastKey.count {
                byTypeAndLastKey.append(contentsOf: repeatElement([:], count: span.type + 1 - byTypeAndLastKey.count))
            }
            byTypeAndLastKey[span.type][words[lastForm].foldKey, default: []].append(index)
        }
    }

    /// Files span `index` among its type's spans sorted by end.
    private mutating func indexEnd(_ index: Int) {
        let type = spans[index].type, end = spans[index].tokens.upperBound
        if type >= byTypeSortedByEnd.count {
            byTypeSortedByEnd.append(contentsOf: repeatElement([], count: type + 1 - byTypeSortedByEnd.count))
        }
        byTypeSortedByEnd[type].append(index)
        var position = byTypeSortedByEnd[type].count - 1
        while position > 0 && spans[byTypeSortedByEnd[type][position - 1]].tokens.upperBound > end {
            byTypeSortedByEnd[type].swapAt(position, position - 1)
            position -= 1
        }
    }

    /// The first span of `type` starting at `token` (-1: none); the others
    /// follow through `nextStarting(after:)`, in the order they were added.
    func firstStarting(at token: Int, type: Int) -> Int {
        guard token < firstStarting.count else { return -1 }
        return following(Int(firstStarting[token]), type: Int32(type))
    }

    /// The span after `span` with its type and start (-1: none).
    func nextStarting(after span: Int) -> Int { following(Int(nextSameStart[span]), type: spanTypes[span]) }

    /// The first span of `type` from `span` on along its start's chain (-1: none).
    private func following(_ span: Int, type: Int32) -> Int {
        var span = span
        while span >= 0 && spanTypes[span] != type { span = Int(nextSameStart[span]) }
        return span
    }

    /// A bit per type (the first 64) with a span starting at `token`; past
    /// the token count given to `init` (spans built by hand), every bit.
    func typesStarting(at token: Int) -> UInt64 { token < typesStarting.count ? typesStarting[token] : ~0 }

    /// Whether a span of `type` starts at `token`.
    func hasSpan(startingAt token: Int, type: Int) -> Bool {
        if type < 64 && token < typesStarting.count { return typesStarting[token] & (1 << UInt64(type)) != 0 }
        return firstStarting(at: token, type: type) >= 0
    }

    /// The index of the span of `type` with the greatest end not after
    /// `limit` (the latest added on ties) of those `accepts` takes, and
    /// inside no span of the types `outside`.
    func previous(type: Int, endingBy limit: Int, outside: [Int] = [], where accepts: (Span) -> Bool = { _ in true }) -> Int? {
        ending(type: type, by: limit).reversed().first { accepts(spans[$0]) && !isInside($0, types: outside) }
    }

    /// The span of `type` that ends last by token `limit` among those that
    /// start at token `from` or later (and lie inside no span of the types `outside`).
    func last(type: Int, from: Int, endingBy limit: Int, outside: [Int] = []) -> Int? {
        // Back by end until spans end before `from`: none earlier starts after it.
        for index in ending(type: type, by: limit).reversed() {
            let tokens = spans[index].tokens
            if tokens.upperBound <= from { return nil }
            if tokens.lowerBound >= from && !isInside(index, types: outside) { return index }
        }
        return nil
    }

    /// Whether span `index` lies within a span of one of the types `containers`.
    func isInside(_ index: Int, types containers: [Int]) -> Bool {
        containers.contains { isInside(index, type: $0) }
    }

    /// Whether span `index` lies within a span of type `container`.
    func isInside(_ index: Int, type container: Int) -> Bool {
        guard container < byTypeSortedByEnd.count else { return false }
        let ends = byTypeSortedByEnd[container]
        let tokens = spans[index].tokens
        // Containers that end at or after the span's end, by a binary search; of those, one that starts by its start.
        var low = 0, high = ends.count
        while low < high {
            let middle = (low + high) / 2
            if spans[ends[middle]].tokens.upperBound < tokens.upperBound { low = middle + 1 } else { high = middle }
        }
        return ends[low...].contains { $0 != index && spans[$0].tokens.lowerBound <= tokens.lowerBound }
    }

    /// The indexes of the spans of `type` that end by token `limit`, by end.
    private func ending(type: Int, by limit: Int) -> ArraySlice<Int> {
        guard type < byTypeSortedByEnd.count else { return [] }
        let ends = byTypeSortedByEnd[type]
        var low = 0, high = ends.count
        while low < high {
            let middle = (low + high) / 2
            if spans[ends[middle]].tokens.upperBound <= limit { low = middle + 1 } else { high = middle }
        }
        return ends[..<low]
    }

    /// Spans of `type` whose last token has this fold key.
    func ending(withKey key: String, type: Int) -> [Span] {
        guard type < byTypeAndLastKey.count else { return [] }
        return (byTypeAndLastKey[type][key] ?? []).map { spans[$0] }
    }
}

/// The span types a program's attribute functions look up: `previous(T)` by
/// end, `fullest(x, T)` by last fold key. Other types need neither index.
struct SpanLookups {
    /// Per type, whether `previous` or `fullest` asks about it: flags by
    /// type, since each span added asks.
    private var previousTypes: [Bool] = []
    private var fullestTypes: [Bool] = []

    init(rules: [CompiledRule]) {
        for rule in rules {
            for (_, expression) in rule.output.attributes { collect(expression) }
        }
    }

    func looksUpPrevious(_ type: Int) -> Bool { type < previousTypes.count && previousTypes[type] }
    func looksUpFullest(_ type: Int) -> Bool { type < fullestTypes.count && fullestTypes[type] }

    private static func flag(_ type: Int, in flags: inout [Bool]) {
        if type >= flags.count { flags.append(contentsOf: repeatElement(false, count: type + 1 - flags.count)) }
        flags[type] = true
    }

    private mutating func collect(_ expression: Expression) {
        switch expression {
        case .constant, .capture: break
        case let .previous(type, outside):
            for type in [type] + outside { SpanLookups.flag(type, in: &previousTypes) }
        case let .subject(type, subjects, outside):
            for type in [type, subjects] + outside { SpanLookups.flag(type, in: &previousTypes) }
        case let .previousHolding(inner, type, outside):
            for type in [type] + outside { SpanLookups.flag(type, in: &previousTypes) }
            collect(inner)
        case let .fullest(inner, type):
            SpanLookups.flag(type, in: &fullestTypes)
            collect(inner)
        case let .first(items), let .arithmetic(_, items): items.forEach { collect($0) }
        case let .when(condition, value):
            collect(condition)
            collect(value)
        case let .lower(inner), let .number(inner), let .reinflect(inner, _), let .romanize(inner, _): collect(inner)
        }
    }
}
