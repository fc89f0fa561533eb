/// A bound on the tokens a match of a rule spans, when the rule has no loop
/// (`*`, `+`, open-ended `{n,}`): at most `tokens` plus `spans` times the
/// longest span of an earlier phase (known once those phases have run). With
/// the rule's required words (`RequiredKeys`) it narrows where the rule can
/// start: a match starting at token `p` holds one of the words before
/// `p + reach`, so the rule need not start where none follows that closely.
struct MatchReach: Equatable, Sendable {
    /// Tokens on the longest path, not counting earlier phases' spans.
    var tokens: Int
    /// The most spans of earlier phases on any path.
    var spans: Int

    /// The bound when no span of an earlier phase is longer than `longestSpan`.
    func bound(longestSpan: Int) -> Int { tokens + spans * longestSpan }

    /// `lexiconReach[i]`: tokens in the longest entry of lexicon `i`. Nil when
    /// the rule loops. Iterative, since a rule may have thousands of alternatives.
    static func of(start: Int, instructions: [Instruction], lexiconReach: [Int]) -> MatchReach? {
        // Depth-first over the rule's instructions; a successor still on the path closes a loop.
        var done: [Int: Bool] = [:]  // false: on the path, true: finished
        var order: [Int] = []  // post-order: successors before their predecessors
        var stack: [(pc: Int, leaving: Bool)] = [(start, false)]
        while let (pc, leaving) = stack.popLast() {
            if leaving {
                done[pc] = true
                order.append(pc)
                continue
            }
            if done[pc] != nil { continue }
            done[pc] = false
            stack.append((pc, true))
            for next in instructions[pc].successors {
                if done[next] == false { return nil }
                if done[next] == nil { stack.append((next, false)) }
            }
        }
        var longest: [Int: MatchReach] = [:]
        for pc in order {
            let instruction = instructions[pc]
            let rest = instruction.successors.map { longest[$0]! }
            var reach = MatchReach(tokens: rest.map(\.tokens).max() ?? 0, spans: rest.map(\.spans).max() ?? 0)
            switch instruction {
            case .token: reach.tokens += 1
            case let .span(.lexicon(index), _, _): reach.tokens += lexiconReach[index]
            case .span(.type, _, _): reach.spans += 1
            default: break
            }
            longest[pc] = reach
        }
        return longest[start]
    }
}
