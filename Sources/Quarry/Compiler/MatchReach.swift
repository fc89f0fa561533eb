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
    static func of(start: Int, graph: RuleGraph, lexiconReach: [Int]) -> MatchReach? {
        // Depth-first over the rule's nodes; a successor still on the path closes a loop.
        let unseen: UInt8 = 0, onPath: UInt8 = 1, finished: UInt8 = 2
        var state = Array(repeating: unseen, count: graph.count)
        var order: [Int] = []  // post-order: successors before their predecessors
        var stack: [(node: Int, leaving: Bool)] = [(graph.node(start), false)]
        var loops = false
        while let (node, leaving) = stack.popLast() {
            if leaving {
                state[node] = finished
                order.append(node)
                continue
            }
            if state[node] != unseen { continue }
            state[node] = onPath
            stack.append((node, true))
            graph.forEachSuccessor(node) { next in
                if state[next] == onPath { loops = true }
                if state[next] == unseen { stack.append((next, false)) }
            }
            if loops { return nil }
        }
        var longest = Array(repeating: MatchReach(tokens: 0, spans: 0), count: graph.count)
        for node in order {
            var reach = MatchReach(tokens: 0, spans: 0)
            graph.forEachSuccessor(node) { next in
                reach.tokens = max(reach.tokens, longest[next].tokens)
                reach.spans = max(reach.spans, longest[next].spans)
            }
            switch graph.instruction(node) {
            case .token: reach.tokens += 1
            case let .span(.lexicon(index), _, _): reach.tokens += lexiconReach[index]
            case .span(.type, _, _): reach.spans += 1
            default: break
            }
            longest[node] = reach
        }
        return longest[graph.node(start)]
    }
}
