/// A phase's `SecondStep.wider` tests flattened for the VM, which asks
/// them at nearly every token: read through the guard structs (an optional
/// with four arrays), they cost more than they saved.
struct SecondGuardTable {
    /// In `predicate`, a rule without the test.
    static let none: Int32 = -2
    /// Per rule, the union of the next token's tests (-1: none), or `none`.
    var predicate: [Int32] = []
    /// Per rule, its entries in `steps`.
    var bounds: [Range<Int32>] = []
    var steps: [GuardStep] = []

    init() {}

    /// `enabled: false` gives every rule `none` (tests compare the two).
    init(_ guards: [SecondStepGuard?], enabled: Bool) {
        for wider in guards {
            let first = Int32(steps.count)
            if enabled, let wider {
                predicate.append(Int32(wider.predicate))
                steps += wider.startLexicons.map { GuardStep(kind: .startLexicon, index: Int32($0)) }
                steps += wider.startTypes.map { GuardStep(kind: .startType, index: Int32($0)) }
                steps += wider.lexicons.map { GuardStep(kind: .nextLexicon, index: Int32($0)) }
                steps += wider.types.map { GuardStep(kind: .nextType, index: Int32($0)) }
            } else {
                predicate.append(SecondGuardTable.none)
            }
            bounds.append(first..<Int32(steps.count))
        }
    }
}

/// One entry of a `SecondGuardTable`: what to ask of which lexicon or type, and where.
struct GuardStep {
    enum Kind: UInt8 {
        /// It may begin here (then the rule starts untested).
        case startLexicon, startType
        /// It may follow the first token (at the next token).
        case nextLexicon, nextType
    }
    var kind: Kind
    var index: Int32
}
