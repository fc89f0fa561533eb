/// The literal prefilter at the token level: a rule with required keys
/// (`RequiredKeys`) starts at token `p` only if one of its keys occurs at or
/// after `p`, and, when its matches have a bounded length (`MatchReach`),
/// before `p + reach`. In a large pack most rules name words that are rare, so
/// most rules start only near those words instead of at every token their
/// first step allows. Exact: a match starting at `p` holds one of the keys
/// within its reach, so no match is lost.
struct RequiredKeyFilter {
    /// Rule `k`'s keys, numbered among the phase's required keys, are
    /// `ruleKeys[ruleKeyBounds[k]..<ruleKeyBounds[k + 1]]`; none: no filter.
    private var ruleKeys: [Int32] = []
    private var ruleKeyBounds: [Int] = [0]
    /// Per rule, the most tokens a match spans, or nil (unbounded).
    private let ruleReach: [Int?]
    /// A program key's number among the phase's required keys, or -1.
    private var requiredNumber: [Int32]
    /// Positions of each required key in the document: key `n`'s are
    /// `positions[positionBounds[n]..<positionBounds[n + 1]]`, ascending.
    private var positions: [Int32] = []
    private var positionBounds: [Int] = []
    /// Per required key, the index in `positions` of its first position not
    /// before the last position asked about (positions are asked in order).
    private var cursor: [Int] = []
    /// Per rule, the next position holding one of its keys (Int.max: none
    /// left), valid while not before the position asked about; -1: unknown.
    private var ruleNext: [Int] = []

    init(phase: Phase, keyCount: Int) {
        ruleReach = phase.ruleReach
        requiredNumber = Array(repeating: -1, count: keyCount)
        var count: Int32 = 0
        for keys in phase.ruleRequiredKeys {
            for key in keys ?? [] {
                if requiredNumber[Int(key)] < 0 {
                    requiredNumber[Int(key)] = count
                    count += 1
                }
                ruleKeys.append(requiredNumber[Int(key)])
            }
            ruleKeyBounds.append(ruleKeys.count)
        }
        positionBounds = Array(repeating: 0, count: Int(count) + 1)
        cursor = Array(repeating: 0, count: Int(count))
        ruleNext = Array(repeating: -1, count: phase.ruleRequiredKeys.count)
    }

    /// Indexes where the required keys occur in `tokens`.
    mutating func reset(tokens: [Token]) {
        let keyCount = cursor.count
        for index in positionBounds.indices { positionBounds[index] = 0 }
        for token in tokens where token.keyID >= 0 {
            let number = requiredNumber[Int(token.keyID)]
            if number >= 0 { positionBounds[Int(number) + 1] += 1 }
        }
        for number in 0..<keyCount { positionBounds[number + 1] += positionBounds[number] }
        positions = Array(repeating: 0, count: positionBounds[keyCount])
        for number in 0..<keyCount { cursor[number] = positionBounds[number] }
        for (index, token) in tokens.enumerated() where token.keyID >= 0 {
            let number = Int(requiredNumber[Int(token.keyID)])
            if number >= 0 {
                positions[cursor[number]] = Int32(index)
                cursor[number] += 1
            }
        }
        for number in 0..<keyCount { cursor[number] = positionBounds[number] }
        for rule in ruleNext.indices { ruleNext[rule] = -1 }
    }

    /// Whether rule `rule` may start a match at `position`. Positions must be
    /// asked in ascending order between resets.
    mutating func allows(_ rule: Int, at position: Int) -> Bool {
        let first = ruleKeyBounds[rule], end = ruleKeyBounds[rule + 1]
        guard first < end else { return true }
        if ruleNext[rule] < position {
            var next = Int.max
            for index in first..<end {
                let number = Int(ruleKeys[index])
                let last = positionBounds[number + 1]
                while cursor[number] < last && Int(positions[cursor[number]]) < position { cursor[number] += 1 }
                if cursor[number] < last { next = min(next, Int(positions[cursor[number]])) }
            }
            ruleNext[rule] = next
        }
        guard ruleNext[rule] != Int.max else { return false }
        guard let reach = ruleReach[rule] else { return true }
        return ruleNext[rule] < position + reach
    }
}
