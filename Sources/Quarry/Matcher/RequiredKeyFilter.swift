/// The literal prefilter at the token level: a rule with required words
/// (`RequiredKeys`) starts at token `p` only if one of them occurs at or after
/// `p`, and, when its matches have a bounded length (`MatchReach`), before
/// `p + reach`. A required lexicon "occurs" where one of its entries may
/// start (a token with the key of an entry's first word, or for inflecting
/// lexicons a token one of whose stems starts an entry). A rule may have
/// further sets of required words (`RequiredKeys.alsoRequired`); each must
/// occur within the reach as well. In a large pack most rules name words
/// that are rare, so most rules start only near those words instead of at
/// every token their first step allows. Exact: a match starting at `p` holds
/// a word of every set within its reach, so no match is lost.
struct RequiredKeyFilter {
    /// Sets of words: set `k`'s words, numbered in the `RequiredWordIndex`,
    /// are `setWords[setWordBounds[k]..<setWordBounds[k + 1]]`. Set `k` below
    /// the rule count is rule `k`'s first set (none: no filter); the further
    /// sets of rule `k` are `ruleFurtherSets[furtherBounds[k]..<furtherBounds[k + 1]]`.
    private var setWords: [Int32] = []
    private var setWordBounds: [Int] = [0]
    private var ruleFurtherSets: [Int] = []
    private var furtherBounds: [Int] = [0]
    private var ruleReach: [MatchReach?] = []
    /// Per rule, its reach in this document (`Int.max`: unbounded).
    private var ruleBound: [Int] = []
    /// The document's positions of every word (`RequiredWordIndex`).
    private var positions: [Int32] = []
    private var positionBounds: [Int] = []
    /// Per word, the index in `positions` of its first position not before
    /// the last position asked about (positions are asked in order).
    /// Raw buffers, as they are written while gathering at nearly every token.
    private let cursor = RawBuffer<Int>()
    /// Per set, the next position holding one of its words (Int.max: none
    /// left), valid while not before the position asked about; -1: unknown.
    private let setNext = RawBuffer<Int>()
    /// Per rule, whether it has required words at all: most calls are for
    /// rules that have, but those that have not need no set looked up.
    private var ruleFiltered: [Bool] = []

    /// A filter of no rules, a placeholder.
    init() {}

    init(phase: Phase, words: RequiredWordIndex) {
        ruleReach = phase.ruleReach
        func addSet(_ required: RequiredKeys?) {
            for key in required?.keys ?? [] { setWords.append(words.keyWord[key]!) }
            for lexicon in required?.lexicons ?? [] { setWords.append(words.lexiconWord[lexicon]!) }
            setWordBounds.append(setWords.count)
        }
        for required in phase.ruleRequiredKeys { addSet(required) }
        for further in phase.ruleAlsoRequired {
            for required in further {
                ruleFurtherSets.append(setWordBounds.count - 1)
                addSet(required)
            }
            furtherBounds.append(ruleFurtherSets.count)
        }
        let rules = phase.ruleRequiredKeys.count
        if furtherBounds.count < rules + 1 { furtherBounds += Array(repeating: ruleFurtherSets.count, count: rules + 1 - furtherBounds.count) }
        setNext.resize(to: setWordBounds.count - 1, fill: -1)
        ruleBound = Array(repeating: Int.max, count: rules)
        ruleFiltered = (0..<rules).map { rule in
            setWordBounds[rule] < setWordBounds[rule + 1] || furtherBounds[rule] < furtherBounds[rule + 1]
        }
    }

    /// Starts over for a document whose words `words` has indexed;
    /// `longestSpan` is the longest span of the earlier phases, in tokens.
    mutating func reset(_ words: RequiredWordIndex, longestSpan: Int) {
        guard !setWords.isEmpty else { return }
        positions = words.positions
        positionBounds = words.positionBounds
        // Whole buffers at once: this runs for every phase of every document.
        positionBounds.withUnsafeBufferPointer { cursor.assign(UnsafeBufferPointer(rebasing: $0.dropLast())) }
        setNext.fill(-1)
        for rule in ruleBound.indices {
            ruleBound[rule] = ruleReach[rule]?.bound(longestSpan: longestSpan) ?? Int.max
        }
    }

    /// Whether rule `rule` may start a match at `position`. Positions must be
    /// asked in ascending order between resets. Most calls find the rule's
    /// next word still ahead and compare two numbers.
    @inline(__always)
    mutating func allows(_ rule: Int, at position: Int) -> Bool {
        guard ruleFiltered.withUnsafeBufferPointer({ $0[rule] }) else { return true }
        guard holds(rule, rule, at: position) else { return false }
        // Read without bounds checks (asked for every rule gathered): rules
        // and sets are the filter's own numbers.
        let further = furtherBounds.withUnsafeBufferPointer { $0[rule]..<$0[rule &+ 1] }
        for index in further where !holds(ruleFurtherSets[index], rule, at: position) {
            return false
        }
        return true
    }

    /// Whether a word of set `set` occurs within rule `rule`'s reach from
    /// `position` (true for a set of no words).
    @inline(__always)
    private mutating func holds(_ set: Int, _ rule: Int, at position: Int) -> Bool {
        var next = setNext.base[set]
        if next < position {
            let words = setWordBounds.withUnsafeBufferPointer { $0[set]..<$0[set &+ 1] }
            guard !words.isEmpty else { return true }
            next = advance(set, words, to: position)
        }
        return next != Int.max && next &- position < ruleBound.withUnsafeBufferPointer { $0[rule] }
    }

    /// Finds the first position at or after `position` holding one of the
    /// set's words (`Int.max`: none), moving the words' cursors there.
    /// (Unchecked reads: the words and positions are the filter's own.)
    private func advance(_ set: Int, _ words: Range<Int>, to position: Int) -> Int {
        var next = Int.max
        let cursors = cursor.base
        setWords.withUnsafeBufferPointer { setWords in
            positions.withUnsafeBufferPointer { positions in
                positionBounds.withUnsafeBufferPointer { positionBounds in
                    for index in words {
                        let word = Int(setWords[index])
                        let last = positionBounds[word &+ 1]
                        var at = cursors[word]
                        while at < last && Int(positions[at]) < position { at &+= 1 }
                        cursors[word] = at
                        if at < last { next = min(next, Int(positions[at])) }
                    }
                }
            }
        }
        setNext.base[set] = next
        return next
    }
}
