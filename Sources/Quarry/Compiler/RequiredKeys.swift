/// The literal prefilter: words one of which every match of a rule must
/// contain. A word is a fold key (a literal) or the start of a lexicon's
/// entry. Where none occurs, the rule need not run (see `RequiredKeyFilter`);
/// in a large pack most rules name words that most text lacks.
struct RequiredKeys: Equatable, Sendable {
    /// Key numbers (literals and unions of literals).
    var keys: [Int32] = []
    /// Lexicons whose entries the match consumes (by span or one-token test).
    var lexicons: [Int] = []

    var count: Int { keys.count + lexicons.count }

    /// A set of words on every path through the rule's NFA from `start` to its
    /// match, or nil when some path passes none. Two sets are found, one
    /// walking forward from the start and one backward from the match, each
    /// stopping at the first word on every path; the one with fewer distinct
    /// tokens is kept (fewer places where the rule may match), a lexicon
    /// counting as many tokens as its entries have first words
    /// (`lexiconBreadth[i]`).
    static func of(start: Int, instructions: [Instruction], predicates: [TokenPredicate],
                   lexiconBreadth: [Int]) -> RequiredKeys? {
        var predecessors: [Int: [Int]] = [:]
        var matches: [Int] = []
        var seen: Set<Int> = [start], stack = [start]
        while let pc = stack.popLast() {
            if case .match = instructions[pc] { matches.append(pc) }
            for next in instructions[pc].successors {
                predecessors[next, default: []].append(pc)
                if seen.insert(next).inserted { stack.append(next) }
            }
        }
        let forward = cut(from: [start], instructions, predicates, stopAt: nil) { instructions[$0].successors }
        let backward = cut(from: matches, instructions, predicates, stopAt: start) { predecessors[$0] ?? [] }
        func breadth(_ set: RequiredKeys) -> Int { set.lexicons.reduce(set.keys.count) { $0 + lexiconBreadth[$1] } }
        switch (forward, backward) {
        case let (f?, b?): return breadth(b) < breadth(f) ? b : f
        default: return forward ?? backward
        }
    }

    /// Walks from `origins` by `next`, stopping at words; nil when the walk
    /// gets past every word to a match (forward) or to `stopAt` (backward).
    private static func cut(from origins: [Int], _ instructions: [Instruction], _ predicates: [TokenPredicate],
                            stopAt: Int?, next: (Int) -> [Int]) -> RequiredKeys? {
        var keys = Set<Int32>(), lexicons = Set<Int>()
        var seen = Set<Int>(), stack = origins
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch instructions[pc] {
            case let .token(predicate, _):
                if let alternatives = predicates[predicate].keyAlternatives {
                    keys.formUnion(alternatives)
                    continue
                }
                if case let .lexiconMember(lexicon) = predicates[predicate] {
                    lexicons.insert(lexicon)
                    continue
                }
            case let .span(.lexicon(lexicon), _, _):
                lexicons.insert(lexicon)
                continue
            case .match where stopAt == nil:
                return nil
            default:
                break
            }
            if pc == stopAt { return nil }
            stack.append(contentsOf: next(pc))
        }
        let required = RequiredKeys(keys: keys.sorted(), lexicons: lexicons.sorted())
        return required.count == 0 ? nil : required
    }
}
