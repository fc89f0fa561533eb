/// The literal prefilter at the token level: a rule with required words
/// (`RequiredKeys`) starts at token `p` only if one of them occurs at or after
/// `p`, and, when its matches have a bounded length (`MatchReach`), before
/// `p + reach`. A required lexicon "occurs" where one of its entries may
/// start (a token with the key of an entry's first word, or for inflecting
/// lexicons any token in the endings' script). In a large pack most rules name
/// words that are rare, so most rules start only near those words instead of
/// at every token their first step allows. Exact: a match starting at `p`
/// holds one of the words within its reach, so no match is lost.
struct RequiredKeyFilter {
    /// Rule `k`'s words, numbered in the `RequiredWordIndex`, are
    /// `ruleWords[ruleWordBounds[k]..<ruleWordBounds[k + 1]]`; none: no filter.
    private var ruleWords: [Int32] = []
    private var ruleWordBounds: [Int] = [0]
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
    /// Per rule, the next position holding one of its words (Int.max: none
    /// left), valid while not before the position asked about; -1: unknown.
    private let ruleNext = RawBuffer<Int>()

    /// A filter of no rules, a placeholder.
    init() {}

    init(phase: Phase, words: RequiredWordIndex) {
        ruleReach = phase.ruleReach
        for required in phase.ruleRequiredKeys {
            for key in required?.keys ?? [] { ruleWords.append(words.keyWord[key]!) }
            for lexicon in required?.lexicons ?? [] { ruleWords.append(words.lexiconWord[lexicon]!) }
            ruleWordBounds.append(ruleWords.count)
        }
        ruleNext.resize(to: phase.ruleRequiredKeys.count, fill: -1)
        ruleBound = Array(repeating: Int.max, count: phase.ruleRequiredKeys.count)
    }

    /// Starts over for a document whose words `words` has indexed;
    /// `longestSpan` is the longest span of the earlier phases, in tokens.
    mutating func reset(_ words: RequiredWordIndex, longestSpan: Int) {
        guard !ruleWords.isEmpty else { return }
        positions = words.positions
        positionBounds = words.positionBounds
        cursor.removeAll()
        for word in 0..<(positionBounds.count - 1) { cursor.append(positionBounds[word]) }
        for rule in 0..<ruleNext.count {
            ruleNext[rule] = -1
            ruleBound[rule] = ruleReach[rule]?.bound(longestSpan: longestSpan) ?? Int.max
        }
    }

    /// Whether rule `rule` may start a match at `position`. Positions must be
    /// asked in ascending order between resets. Most calls find the rule's
    /// next word still ahead and compare two numbers.
    @inline(__always)
    mutating func allows(_ rule: Int, at position: Int) -> Bool {
        var next = ruleNext[rule]
        if next < position {
            guard ruleWordBounds[rule] < ruleWordBounds[rule + 1] else { return true }
            next = advance(rule, to: position)
        }
        return next != Int.max && next - position < ruleBound[rule]
    }

    /// Finds the first position at or after `position` holding one of the
    /// rule's words (`Int.max`: none), moving the words' cursors there.
    private mutating func advance(_ rule: Int, to position: Int) -> Int {
        var next = Int.max
        for index in ruleWordBounds[rule]..<ruleWordBounds[rule + 1] {
            let word = Int(ruleWords[index])
            let last = positionBounds[word + 1]
            while cursor[word] < last && Int(positions[cursor[word]]) < position { cursor[word] += 1 }
            if cursor[word] < last { next = min(next, Int(positions[cursor[word]])) }
        }
        ruleNext[rule] = next
        return next
    }
}
