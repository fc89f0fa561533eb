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
    /// The document's positions of every word (`RequiredWordIndex`).
    private var positions: [Int32] = []
    private var positionBounds: [Int] = []
    /// Per word, the index in `positions` of its first position not before
    /// the last position asked about (positions are asked in order).
    private var cursor: [Int] = []
    /// Per rule, the next position holding one of its words (Int.max: none
    /// left), valid while not before the position asked about; -1: unknown.
    private var ruleNext: [Int] = []
    /// The longest span of an earlier phase in the document, in tokens.
    private var longestSpan = 0

    /// A filter of no rules, a placeholder.
    init() {}

    init(phase: Phase, words: RequiredWordIndex) {
        ruleReach = phase.ruleReach
        for required in phase.ruleRequiredKeys {
            for key in required?.keys ?? [] { ruleWords.append(words.keyWord[key]!) }
            for lexicon in required?.lexicons ?? [] { ruleWords.append(words.lexiconWord[lexicon]!) }
            ruleWordBounds.append(ruleWords.count)
        }
        ruleNext = Array(repeating: -1, count: phase.ruleRequiredKeys.count)
    }

    /// Starts over for a document whose words `words` has indexed;
    /// `longestSpan` is the longest span of the earlier phases, in tokens.
    mutating func reset(_ words: RequiredWordIndex, longestSpan: Int) {
        self.longestSpan = longestSpan
        guard !ruleWords.isEmpty else { return }
        positions = words.positions
        positionBounds = words.positionBounds
        cursor = Array(positionBounds.dropLast())
        for rule in ruleNext.indices { ruleNext[rule] = -1 }
    }

    /// Whether rule `rule` may start a match at `position`. Positions must be
    /// asked in ascending order between resets.
    mutating func allows(_ rule: Int, at position: Int) -> Bool {
        let first = ruleWordBounds[rule], end = ruleWordBounds[rule + 1]
        guard first < end else { return true }
        if ruleNext[rule] < position {
            var next = Int.max
            for index in first..<end {
                let word = Int(ruleWords[index])
                let last = positionBounds[word + 1]
                while cursor[word] < last && Int(positions[cursor[word]]) < position { cursor[word] += 1 }
                if cursor[word] < last { next = min(next, Int(positions[cursor[word]])) }
            }
            ruleNext[rule] = next
        }
        guard ruleNext[rule] != Int.max else { return false }
        guard let reach = ruleReach[rule] else { return true }
        return ruleNext[rule] < position + reach.bound(longestSpan: longestSpan)
    }
}
