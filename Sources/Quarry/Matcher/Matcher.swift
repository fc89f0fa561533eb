/// Runs a program's phases over a document and returns the spans they make.
/// Holds per-search scratch space: give each worker thread its own.
public final class Matcher {
    public let program: Program
    private var vm: PikeVM
    private let lookups: SpanLookups
    /// Set while `countRuleStarts` runs.
    private var startCounts: RuleStartCounts?

    public convenience init(program: Program) {
        self.init(program: program, secondStepGuards: true)
    }

    /// `secondStepGuards: false` starts rules without `SecondStep.wider` (tests compare the two).
    init(program: Program, secondStepGuards: Bool) {
        self.program = program
        vm = PikeVM(program: program, secondStepGuards: secondStepGuards)
        lookups = SpanLookups(rules: program.rules)
    }

    /// All spans of all phases, internal types included, in phase order.
    public func spans(in document: Document) -> [Span] {
        spans(in: document, observe: nil)
    }

    /// Adds to `counts` what each rule cost over `document` (see `RuleStartCounts`).
    public func countRuleStarts(in document: Document, into counts: inout RuleStartCounts) {
        startCounts = counts
        defer { startCounts = nil }
        startCounts?.count(document: document)
        _ = spans(in: document, observe: nil)
        counts = startCounts!
    }

    /// `spans(in:)`, handing `observe` each phase's candidates and the spans
    /// it made (`trace(in:)` reads them).
    func spans(in document: Document, observe: ((_ phase: Int, _ candidates: CandidateList, _ made: [Span]) -> Void)?) -> [Span] {
        // Locals, lent to each call: held by an object they were copied at every use.
        var spans = SpanIndex(tokenCount: document.tokens.count, lookups: lookups)
        let evaluator = AttributeEvaluator(program: program, document: document)
        vm.begin(document)
        for (phaseIndex, phase) in program.phases.enumerated() where !phase.ruleStarts.isEmpty {
            let candidates = vm.candidates(phase: phaseIndex, document: document, spans: spans)
            let kept = ConflictResolver.resolve(candidates, rules: program.rules, tokenCount: document.tokens.count)
            var made: [Span] = []
            made.reserveCapacity(kept.count)
            for item in kept {
                let rule = item.candidate.rule
                made.append(Span(type: program.rules[rule].output.type, tokens: item.reported,
                                 attributes: evaluator.attributes(ofRule: rule, candidate: item.candidate, in: candidates, spans: spans),
                                 rule: rule))
            }
            observe?(phaseIndex, candidates, made)
            if startCounts != nil {
                vm.countStarts(phase: phaseIndex, document: document, spans: spans, into: &startCounts!)
                startCounts!.make(made)
            }
            for span in made {
                spans.add(span, lastForm: document.tokens[span.tokens.upperBound - 1].form, in: document.words)
            }
            vm.recycle(consume candidates)
        }
        return spans.spans
    }
}
