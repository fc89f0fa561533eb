/// Runs a program's phases over a document and returns the spans they make.
/// Holds per-search scratch space: give each worker thread its own.
public final class Matcher {
    public let program: Program
    private var vm: PikeVM
    private let lookups: SpanLookups

    public init(program: Program) {
        self.program = program
        vm = PikeVM(program: program)
        lookups = SpanLookups(rules: program.rules)
    }

    /// All spans of all phases, internal types included, in phase order.
    public func spans(in document: Document) -> [Span] {
        let evaluator = AttributeEvaluator(
            program: program, document: document,
            spans: SpanIndex(tokenCount: document.tokens.count, lookups: lookups))
        vm.begin(document)
        for (phaseIndex, phase) in program.phases.enumerated() where !phase.ruleStarts.isEmpty {
            evaluator.candidates = vm.candidates(phase: phaseIndex, document: document, spans: evaluator.spans)
            let kept = ConflictResolver.resolve(evaluator.candidates, rules: program.rules, tokenCount: document.tokens.count)
            var made: [Span] = []
            for item in kept {
                let rule = program.rules[item.candidate.rule]
                made.append(Span(type: rule.output.type, tokens: item.reported,
                                 attributes: evaluator.attributes(of: rule.output, candidate: item.candidate),
                                 rule: item.candidate.rule))
            }
            for span in made {
                evaluator.spans.add(span, lastForm: document.tokens[span.tokens.upperBound - 1].form, in: document.words)
            }
        }
        return evaluator.spans.spans
    }
}
