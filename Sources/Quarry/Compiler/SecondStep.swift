/// What the token after a rule's first must be. When every first step of a
/// rule takes one token by a token test, and every step that can follow one
/// of them also takes one token by a token test (no match, lexicon or span
/// can come next), a match starting at token `p` needs token `p + 1` to pass
/// one of those tests. The matcher asks that union, cached per word form
/// like any test, before starting the rule: most rules that can take a token
/// cannot take the one after it, and a thread costs far more than a cached
/// answer. Sound, not exact: a rule passing it may still fail later.
enum SecondStep {
    /// The wider test: when a first token test took the token, what the next
    /// token must allow (one of the token tests, lexicon entries or span
    /// types that can follow it); and the lexicons and span types the rule
    /// can also begin with, which, when one of them starts at the token,
    /// leave the rule to start untested. Nil when no first step is a token
    /// test, or a match can follow one.
    static func wider(firstSteps: [Int], in instructions: [Instruction]) -> Wider? {
        var wider = Wider(predicates: [], lexicons: [], types: [], startLexicons: [], startTypes: [])
        var tokenFirst = false
        for pc in firstSteps {
            switch instructions[pc] {
            case let .token(_, next):
                tokenFirst = true
                let after = instructions.consumingSteps(from: next)
                guard !after.reachesMatch else { return nil }
                for step in after.steps {
                    switch instructions[step] {
                    case let .token(predicate, _): wider.predicates.insert(predicate)
                    case let .span(.lexicon(lexicon), _, _): wider.lexicons.insert(lexicon)
                    case let .span(.type(type), _, _): wider.types.insert(type)
                    default: return nil
                    }
                }
            case let .span(.lexicon(lexicon), _, _): wider.startLexicons.insert(lexicon)
            case let .span(.type(type), _, _): wider.startTypes.insert(type)
            default: return nil
            }
        }
        return tokenFirst ? wider : nil
    }

    struct Wider {
        var predicates: Set<Int>, lexicons: Set<Int>, types: Set<Int>
        var startLexicons: Set<Int>, startTypes: Set<Int>

        /// The predicates one of which the token after the rule's first must
        /// pass, when only token tests begin the rule and follow its first
        /// step (the plain second-step test); nil otherwise.
        var tokenTests: [Int]? {
            guard lexicons.isEmpty && types.isEmpty && startLexicons.isEmpty && startTypes.isEmpty && !predicates.isEmpty else { return nil }
            return predicates.sorted()
        }
    }
}

/// `SecondStep.wider` as the matcher asks it: the union of the next token's
/// tests as one predicate (-1: none), the rest as sorted lists.
struct SecondStepGuard: Sendable {
    var predicate: Int
    var lexicons: [Int], types: [Int]
    var startLexicons: [Int], startTypes: [Int]
}
