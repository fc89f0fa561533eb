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
            let after = instructions.consumingSteps(from: next)
            guard !after.reachesMatch else { return nil }
            for step in after.steps {
                guard case let .token(predicate, _) = instructions[step] else { return nil }
                predicates.insert(predicate)
            }
        }
        return predicates.isEmpty ? nil : predicates.sorted()
    }
}
