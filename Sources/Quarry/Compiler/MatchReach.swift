/// The most tokens a match of a rule can span, when there is a bound: no
/// loop (`*`, `+`, open-ended `{n,}`) and no earlier phase's span on the way.
/// With the rule's required keys (`RequiredKeys`) it narrows where the rule
/// can start: a match starting at token `p` holds one of the keys before
/// `p + reach`, so the rule need not start where none follows that closely.
enum MatchReach {
    /// `lexiconReach[i]`: tokens in the longest entry of lexicon `i`.
    /// Iterative, since a rule may have thousands of alternatives.
    static func of(start: Int, instructions: [Instruction], lexiconReach: [Int]) -> Int? {
        // Depth-first over the rule's instructions; a grey successor closes a loop.
        var color: [Int: Bool] = [:]  // false: on the path, true: done
        var order: [Int] = []  // post-order: successors before their predecessors
        var stack: [(pc: Int, leaving: Bool)] = [(start, false)]
        while let (pc, leaving) = stack.popLast() {
            if leaving {
                color[pc] = true
                order.append(pc)
                continue
            }
            if color[pc] != nil { continue }
            color[pc] = false
            stack.append((pc, true))
            for next in successors(instructions[pc]) {
                if color[next] == false { return nil }
                if color[next] == nil { stack.append((next, false)) }
            }
        }
        var longest: [Int: Int] = [:]
        for pc in order {
            let instruction = instructions[pc]
            let rest = successors(instruction).map { longest[$0]! }.max() ?? 0
            switch instruction {
            case .token: longest[pc] = rest + 1
            case let .span(.lexicon(index), _, _): longest[pc] = rest + lexiconReach[index]
            case .span(.type, _, _): return nil
            default: longest[pc] = rest
            }
        }
        return longest[start]
    }

    private static func successors(_ instruction: Instruction) -> [Int] {
        switch instruction {
        case let .token(_, next), let .span(_, next, _), let .jump(next),
             let .openCapture(_, next), let .closeCapture(_, next): return [next]
        case let .split(first, second): return [first, second]
        case .match: return []
        }
    }
}
