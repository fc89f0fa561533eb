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

    /// How many first words the set stands for, a lexicon counting as many
    /// as its entries have (`lexiconBreadth[i]`): the narrower, the fewer
    /// places a rule may start.
    func breadth(_ lexiconBreadth: [Int]) -> Int { lexicons.reduce(keys.count) { $0 + lexiconBreadth[$1] } }

    /// A set of words on every path through the rule's NFA from `start` to its
    /// match, or nil when some path passes none. Two sets are found, one
    /// walking forward from the start and one backward from the match, each
    /// stopping at the first word on every path; the one with fewer distinct
    /// tokens is kept (fewer places where the rule may match), a lexicon
    /// counting as many tokens as its entries have first words
    /// (`lexiconBreadth[i]`).
    static func of(start: Int, graph: RuleGraph, predicates: [TokenPredicate], lexiconBreadth: [Int]) -> RequiredKeys? {
        let origin = graph.node(start)
        let reached = graph.reachable(from: origin)
        let predecessors = graph.predecessors(among: reached)
        let matches = reached.filter { if case .match = graph.instruction($0) { true } else { false } }
        let forward = cut(from: [origin], graph, predicates, stopAt: nil) { node, body in graph.forEachSuccessor(node, body) }
        let backward = cut(from: matches, graph, predicates, stopAt: origin) { node, body in predecessors[node].forEach(body) }
        switch (forward, backward) {
        case let (f?, b?): return b.breadth(lexiconBreadth) < f.breadth(lexiconBreadth) ? b : f
        default: return forward ?? backward
        }
    }

    /// Further words a match must hold besides the set `of` gives: the words
    /// of single steps that every path from `start` to a match takes (a
    /// casualty rule's person noun between its optional opening words and
    /// its harm verb). The filter then asks for each set within the rule's
    /// reach. At most `limit` sets, the narrowest first; rules with more than
    /// `largestRule` instructions or `candidateLimit` word steps are not searched.
    static func alsoRequired(start: Int, graph: RuleGraph, predicates: [TokenPredicate],
                             lexiconBreadth: [Int], besides primary: RequiredKeys?, limit: Int = 2) -> [RequiredKeys] {
        // 32 word steps left out casualty rules whose optional phrases grew (count_aged,
        // singular_to_hospital): they then started without their harm words nearby.
        let largestRule = 2_000, candidateLimit = 64
        let origin = graph.node(start)
        // The rule's instructions, and those of them that consume words.
        let reachable = graph.reachable(from: origin)
        guard reachable.count <= largestRule else { return [] }
        var candidates: [(node: Int, words: RequiredKeys)] = []
        for node in reachable.sorted() {
            let words: RequiredKeys?
            switch graph.instruction(node) {
            case let .token(predicate, _):
                if let alternatives = predicates[predicate].keyAlternatives {
                    words = RequiredKeys(keys: Array(Set(alternatives)).sorted(), lexicons: [])
                } else if case let .lexiconMember(lexicon) = predicates[predicate] {
                    words = RequiredKeys(keys: [], lexicons: [lexicon])
                } else {
                    words = nil
                }
            case let .span(.lexicon(lexicon), _, _): words = RequiredKeys(keys: [], lexicons: [lexicon])
            default: words = nil
            }
            if let words, words != primary { candidates.append((node, words)) }
        }
        guard candidates.count <= candidateLimit else { return [] }
        // A step is required when no match is reachable without it.
        var visits = NodeVisits(count: graph.count)
        func reachesMatch(avoiding avoided: Int) -> Bool {
            var found = false
            graph.walk(from: origin, avoiding: avoided, visits: &visits) { node in
                if case .match = graph.instruction(node) { found = true }
                return !found
            }
            return found
        }
        var required: [RequiredKeys] = []
        for candidate in candidates where candidate.node != origin && !reachesMatch(avoiding: candidate.node) {
            if !required.contains(candidate.words) { required.append(candidate.words) }
        }
        return Array(required.sorted { $0.breadth(lexiconBreadth) < $1.breadth(lexiconBreadth) }.prefix(limit))
    }

    /// Walks from `origins` by `next`, stopping at words; nil when the walk
    /// gets past every word to a match (forward) or to `stopAt` (backward).
    private static func cut(from origins: [Int], _ graph: RuleGraph, _ predicates: [TokenPredicate],
                            stopAt: Int?, next: (Int, (Int) -> Void) -> Void) -> RequiredKeys? {
        var keys = Set<Int32>(), lexicons = Set<Int>()
        var visits = NodeVisits(count: graph.count)
        visits.newRound()
        var stack = origins
        while let node = stack.popLast() {
            guard visits.mark(node) else { continue }
            switch graph.instruction(node) {
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
            if node == stopAt { return nil }
            next(node) { stack.append($0) }
        }
        let required = RequiredKeys(keys: keys.sorted(), lexicons: lexicons.sorted())
        return required.count == 0 ? nil : required
    }
}
