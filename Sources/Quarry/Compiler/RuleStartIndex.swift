/// Which rules of a phase may begin at a token, found without asking every
/// rule: the rules that open with a literal (or a union of literals) are listed under its key numbers,
/// so one array lookup per token finds them however many there are. Rules
/// that open with a lexicon are grouped by lexicon (one test per lexicon, not
/// per rule, inflected starts included); those that open with another token
/// test or an earlier phase's type are checked one group at a time. The answer
/// is exact: each rule found can take one of its first steps at the token.
/// All but the types depend on the token alone (its surface, and for some
/// tests whether it starts a sentence or follows a space), so the matcher asks
/// them once per word form and combination of those facts.
struct RuleStartIndex: Sendable {
    /// Rules (indexes within the phase) by the number of a fold key their
    /// first token may have (see `KeyTable`).
    var byKey: [[Int]] = []
    /// Rules opening with a lexicon, by lexicon.
    var byLexicon: [(lexicon: Int, rules: [Int])] = []
    /// Rules opening with a token test other than a literal, by predicate.
    var byPredicate: [(predicate: Int, rules: [Int])] = []
    /// Rules opening with a span of an earlier phase, by type.
    var byType: [(type: Int, rules: [Int])] = []

    init() {}

    /// `firstSteps[k]`: the consuming instructions rule `k` can begin with.
    init(firstSteps: [[Int]], instructions: [Instruction], predicates: [TokenPredicate], keyCount: Int) {
        byKey = Array(repeating: [], count: keyCount)
        var predicateRules: [Int: [Int]] = [:]
        var lexiconRules: [Int: [Int]] = [:]
        var typeRules: [Int: [Int]] = [:]
        for (rule, steps) in firstSteps.enumerated() {
            for pc in steps {
                switch instructions[pc] {
                case let .token(predicate, _):
                    if let keys = predicates[predicate].keyAlternatives {
                        for key in keys { byKey[Int(key)].append(rule) }
                    } else {
                        predicateRules[predicate, default: []].append(rule)
                    }
                case let .span(.lexicon(index), _, _):
                    lexiconRules[index, default: []].append(rule)
                case let .span(.type(type), _, _):
                    typeRules[type, default: []].append(rule)
                default:
                    break
                }
            }
        }
        func unique(_ rules: [Int]) -> [Int] { Array(Set(rules)).sorted() }
        for key in byKey.indices where byKey[key].count > 1 { byKey[key] = unique(byKey[key]) }
        byLexicon = lexiconRules.keys.sorted().map { ($0, unique(lexiconRules[$0]!)) }
        byPredicate = predicateRules.keys.sorted().map { ($0, unique(predicateRules[$0]!)) }
        byType = typeRules.keys.sorted().map { ($0, unique(typeRules[$0]!)) }
    }
}
