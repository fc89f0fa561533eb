/// What each phase made of a document and which matches it set aside: the
/// view `quarry explain` gives of why a rule did or did not fire.
public struct PhaseTrace: Sendable {
    public var phase: Int
    /// The spans the phase made, in document order.
    public var made: [Span]
    /// The matches that made no span.
    public var lost: [LostMatch]
}

/// A match of a rule that made no span, and why.
public struct LostMatch: Sendable {
    public var rule: Int
    /// The tokens it would have reported (the whole match when its `at` capture took none).
    public var tokens: Range<Int>
    /// The span that won the conflict with it (`ConflictResolver`); nil when
    /// its `at` capture took no token, so that it had nothing to report.
    public var beatenBy: Span?
}

extension Matcher {
    /// Every phase's spans and lost matches over `document`, in phase order.
    public func trace(in document: Document) -> [PhaseTrace] {
        var traces: [PhaseTrace] = []
        _ = spans(in: document) { phase, candidates, made in
            var lost: [LostMatch] = []
            // Matches of one rule that would report the same tokens are one loss (or none, when one of them won).
            var seen = Set<[Int]>()
            for candidate in candidates.items {
                let reported = ConflictResolver.reported(candidate, rules: self.program.rules, in: candidates)
                let tokens = reported ?? candidate.start..<candidate.end
                guard seen.insert([candidate.rule, tokens.lowerBound, tokens.upperBound]).inserted else { continue }
                if made.contains(where: { $0.rule == candidate.rule && $0.tokens == reported }) { continue }
                let winner = reported.flatMap { range in made.first { $0.tokens.overlaps(range) } }
                lost.append(LostMatch(rule: candidate.rule, tokens: tokens, beatenBy: winner))
            }
            traces.append(PhaseTrace(phase: phase, made: made, lost: lost))
        }
        return traces
    }
}
