/// What the token after a rule's first must be. When every first step of a
/// rule takes one token by a token test, and every step that can follow one
/// of them also takes one token by a token test (no match, lexicon or span
/// can come next), a match starting at token `p` needs token `p + 1` to pass
/// one of those tests. The matcher asks that union, cached per word form
/// like any test, before starting the rule: most rules that can take a token
/// cannot take the one after it, and a thread costs far more than a cached
/// answer. Sound, not exact: a rule passing it may still fail later.
enum SecondStep {
    /// The predicates one of which the token after the rule's first must
    /// pass, or nil when the rule's shape allows no such test.
    static func predicates(firstSteps: [Int], in instructions: [Instruction]) -> [Int]? {
        var predicates = Set<Int>()
        for pc in firstSteps {
            guard case let .token(_, next) = instructions[pc] else { return nil }
            let after = consumingSteps(from: next, in: instructions)
            guard !after.reachesMatch else { return nil }
            for step in after.steps {
                guard case let .token(predicate, _) = instructions[step] else { return nil }
                predicates.insert(predicate)
            }
        }
        return predicates.isEmpty ? nil : predicates.sorted()
    }

    /// The consuming instructions reachable from `start` without consuming,
    /// in ascending order, and whether a match is.
    static func consumingSteps(from start: Int, in instructions: [Instruction]) -> (steps: [Int], reachesMatch: Bool) {
        var seen = Set<Int>(), stack = [start], steps: [Int] = [], reachesMatch = false
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch instructions[pc] {
            case let .jump(target): stack.append(target)
            case let .split(a, b): stack.append(b); stack.append(a)
            case let .openCapture(_, next), let .closeCapture(_, next): stack.append(next)
            case .token, .span: steps.append(pc)
            case .match: reachesMatch = true
            }
        }
        return (steps.sorted(), reachesMatch)
    }
}
