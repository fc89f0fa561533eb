/// Chooses which candidate matches of a phase become spans.
///
/// Within one phase, candidates whose reported spans overlap compete,
/// whatever their types; across phases nothing competes. The winner of a
/// conflict is decided by one fixed order, so the output is deterministic:
/// 1. higher rule `priority`;
/// 2. longer reported span (in tokens);
/// 3. longer whole match (context included);
/// 4. earlier rule in the pack (load order);
/// 5. earlier start.
/// Candidates are taken in that order, each kept unless it overlaps one
/// already kept.
enum ConflictResolver {
    struct Resolved {
        var candidate: Candidate
        var reported: Range<Int>
    }

    static func resolve(_ candidates: CandidateList, rules: [CompiledRule], tokenCount: Int) -> [Resolved] {
        let resolved: [Resolved] = candidates.items.compactMap { candidate in
            let rule = rules[candidate.rule]
            var reported = candidate.start..<candidate.end
            if let slot = rule.output.reportedCapture {
                let capture = candidates.capture(slot, of: candidate)
                guard capture.isBound, capture.end > capture.start else { return nil }
                reported = capture.range
            }
            return Resolved(candidate: candidate, reported: reported)
        }
        let ordered = resolved.sorted { a, b in
            let ra = rules[a.candidate.rule], rb = rules[b.candidate.rule]
            if ra.priority != rb.priority { return ra.priority > rb.priority }
            if a.reported.count != b.reported.count { return a.reported.count > b.reported.count }
            let la = a.candidate.end - a.candidate.start, lb = b.candidate.end - b.candidate.start
            if la != lb { return la > lb }
            if ra.order != rb.order { return ra.order < rb.order }
            return a.candidate.start < b.candidate.start
        }
        var taken = [Bool](repeating: false, count: tokenCount)
        var kept: [Resolved] = []
        for item in ordered where !item.reported.contains(where: { taken[$0] }) {
            for index in item.reported { taken[index] = true }
            kept.append(item)
        }
        return kept.sorted { ($0.reported.lowerBound, $0.reported.upperBound, $0.candidate.rule) < ($1.reported.lowerBound, $1.reported.upperBound, $1.candidate.rule) }
    }
}
