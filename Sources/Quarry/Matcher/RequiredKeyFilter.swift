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
    /// Rule `k`'s words, numbered among the phase's required words, are
    /// `ruleWords[ruleWordBounds[k]..<ruleWordBounds[k + 1]]`; none: no filter.
    private var ruleWords: [Int32] = []
    private var ruleWordBounds: [Int] = [0]
    private var ruleReach: [MatchReach?] = []
    /// The words a token with key `k` is an occurrence of:
    /// `keyWords[keyWordBounds[k]..<keyWordBounds[k + 1]]`.
    private var keyWords: [Int32] = []
    private var keyWordBounds: [Int] = [0]
    /// Words that occur at every token of a script (inflecting lexicons).
    private var scriptWords: [(script: Script, word: Int32)] = []
    /// Positions of each word in the document: word `n`'s are
    /// `positions[positionBounds[n]..<positionBounds[n + 1]]`, ascending.
    private var positions: [Int32] = []
    private var positionBounds: [Int] = []
    /// Per word, the index in `positions` of its first position not before
    /// the last position asked about (positions are asked in order).
    private var cursor: [Int] = []
    /// Per rule, the next position holding one of its words (Int.max: none
    /// left), valid while not before the position asked about; -1: unknown.
    private var ruleNext: [Int] = []
    /// Scratch: (word, position) pairs in position order.
    private var occurrences: [(word: Int32, position: Int32)] = []
    /// The longest span of an earlier phase in the document, in tokens.
    private var longestSpan = 0

    /// A filter of no rules, a placeholder.
    init() {}

    init(phase: Phase, keyCount: Int, lexicons: [Lexicon]) {
        ruleReach = phase.ruleReach
        var keyNumber: [Int32: Int32] = [:], lexiconNumber: [Int: Int32] = [:]
        var count: Int32 = 0
        for required in phase.ruleRequiredKeys {
            for key in required?.keys ?? [] {
                let number = keyNumber[key] ?? count
                if number == count { keyNumber[key] = number; count += 1 }
                ruleWords.append(number)
            }
            for lexicon in required?.lexicons ?? [] {
                let number = lexiconNumber[lexicon] ?? count
                if number == count { lexiconNumber[lexicon] = number; count += 1 }
                ruleWords.append(number)
            }
            ruleWordBounds.append(ruleWords.count)
        }
        var wordsOfKey: [Int32: [Int32]] = [:]
        for (key, number) in keyNumber { wordsOfKey[key, default: []].append(number) }
        for (lexicon, number) in lexiconNumber.sorted(by: { $0.key < $1.key }) {
            for key in lexicons[lexicon].firstKeys { wordsOfKey[key, default: []].append(number) }
            if lexicons[lexicon].inflects { scriptWords.append((lexicons[lexicon].endingScript, number)) }
        }
        for key in 0..<Int32(keyCount) {
            keyWords += wordsOfKey[key] ?? []
            keyWordBounds.append(keyWords.count)
        }
        positionBounds = Array(repeating: 0, count: Int(count) + 1)
        cursor = Array(repeating: 0, count: Int(count))
        ruleNext = Array(repeating: -1, count: phase.ruleRequiredKeys.count)
    }

    /// Indexes where the required words occur in `tokens`; `longestSpan` is
    /// the longest span of the earlier phases, in tokens.
    mutating func reset(tokens: [Token], longestSpan: Int) {
        self.longestSpan = longestSpan
        let wordCount = cursor.count
        guard wordCount > 0 else { return }
        // One pass over the tokens, then the occurrences sorted by word (counting sort).
        occurrences.removeAll(keepingCapacity: true)
        let checkScripts = !scriptWords.isEmpty
        for position in tokens.indices {
            let key = Int(tokens[position].keyID)
            if key >= 0 {
                for index in keyWordBounds[key]..<keyWordBounds[key + 1] {
                    occurrences.append((keyWords[index], Int32(position)))
                }
            }
            if checkScripts {
                let script = tokens[position].script
                for (wordScript, word) in scriptWords where wordScript == script { occurrences.append((word, Int32(position))) }
            }
        }
        for index in positionBounds.indices { positionBounds[index] = 0 }
        for (word, _) in occurrences { positionBounds[Int(word) + 1] += 1 }
        for word in 0..<wordCount { positionBounds[word + 1] += positionBounds[word] }
        if positions.count < occurrences.count { positions = Array(repeating: 0, count: occurrences.count) }
        for word in 0..<wordCount { cursor[word] = positionBounds[word] }
        for (word, position) in occurrences {
            positions[cursor[Int(word)]] = position
            cursor[Int(word)] += 1
        }
        for word in 0..<wordCount { cursor[word] = positionBounds[word] }
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
