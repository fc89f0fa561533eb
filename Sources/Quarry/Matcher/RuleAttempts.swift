/// How far one rule's pattern got from one token: what `quarry explain`
/// shows of a rule that did not fire where its author expected it to.
public struct RuleAttempt: Sendable {
    /// The token the attempt began at.
    public var start: Int
    /// The last token where a step of the pattern still waited (the token
    /// count when the text ended first).
    public var stoppedAt: Int
    /// Those steps, where the rule files write them.
    public var expected: [SourceLocation]
    /// Whether the attempt reached the end of the pattern.
    public var matched: Bool
}

extension Matcher {
    /// An attempt is followed this many tokens past its start at most.
    public static let attemptReach = 1000

    /// Where the steps that begin rule `rule` are written.
    public func firstSteps(ofRule rule: Int) -> [SourceLocation] {
        let (phase, entry) = phaseAndEntry(ofRule: rule)
        return phase.instructions.consumingSteps(from: entry).steps.map { phase.instructionLocations[$0] }
    }

    /// The attempts of rule `rule` over `document`, one per token where its
    /// first step takes a token, over the spans the phases before the rule's
    /// made (`traces`, from `trace(in:)`; those of later phases are left out).
    /// A plain simulation of the rule's NFA, without the matcher's shortcuts,
    /// so it is slow and meant for short texts.
    public func attempts(ofRule rule: Int, in document: Document, after traces: [PhaseTrace]) -> [RuleAttempt] {
        let (phase, entry) = phaseAndEntry(ofRule: rule)
        let code = phase.instructions, tokens = document.tokens
        var spansAt: [Int: [Span]] = [:]
        for trace in traces where trace.phase < program.rules[rule].phase {
            for span in trace.made { spansAt[span.tokens.lowerBound, default: []].append(span) }
        }
        var attempts: [RuleAttempt] = []
        for start in tokens.indices {
            // Instructions to go on from, by token position (lexicon entries and spans jump ahead).
            var pending: [Int: Set<Int>] = [start: [entry]]
            var attempt = RuleAttempt(start: start, stoppedAt: start, expected: [], matched: false)
            while let position = pending.keys.min() {
                let from = pending.removeValue(forKey: position)!
                var steps = Set<Int>()
                for pc in from {
                    let reachable = code.consumingSteps(from: pc)
                    steps.formUnion(reachable.steps)
                    if reachable.reachesMatch && position > start { attempt.matched = true }
                }
                guard !steps.isEmpty else { continue }
                attempt.stoppedAt = position
                attempt.expected = steps.sorted().map { phase.instructionLocations[$0] }
                guard position < tokens.count && position - start < Matcher.attemptReach else { continue }
                for step in steps {
                    for (end, next) in advances(code[step], at: position, document, spansAt) {
                        pending[end, default: []].insert(next)
                    }
                }
            }
            if attempt.stoppedAt > start || attempt.matched { attempts.append(attempt) }
        }
        return attempts
    }

    /// Where a consuming instruction takes a thread from `position`, and to which instruction.
    private func advances(_ instruction: Instruction, at position: Int, _ document: Document,
                          _ spansAt: [Int: [Span]]) -> [(end: Int, next: Int)] {
        let tokens = document.tokens
        switch instruction {
        case let .token(predicate, next):
            let token = tokens[position]
            return program.passes(predicate, token, text: document.words[token.form])
                ? [(position + 1, next)] : []
        case let .span(.lexicon(index), next, _):
            let lexicon = program.lexicons[index]
            var hits: [(end: Int, entry: Int)] = []
            let stems = StemCache(lexicons: program.lexicons, keys: program.keys)
            stems.use(document.words)
            lexicon.appendMatches(in: tokens, at: position, stems: stems, to: &hits)
            return hits.map { ($0.end, next) }
        case let .span(.type(type), next, _):
            return (spansAt[position] ?? []).filter { $0.type == type }.map { ($0.tokens.upperBound, next) }
        case .split, .jump, .openCapture, .closeCapture, .match:
            return []
        }
    }

    private func phaseAndEntry(ofRule rule: Int) -> (Phase, Int) {
        let phase = program.phases[program.rules[rule].phase]
        return (phase, phase.ruleStarts[phase.ruleIndexes.firstIndex(of: rule)!])
    }
}
