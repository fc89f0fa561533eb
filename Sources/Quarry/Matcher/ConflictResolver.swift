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
        // Each candidate's place in the order above as one tuple, read from
        // its rule once, and sorted with the candidate's index rather than the
        // candidate: comparing integers and moving small elements (copying a
        // rule in every comparison retained its arrays; sorting whole
        // candidates moved 96 bytes at a time).
        var resolved: [Resolved] = []
        var ranked: [(rank: (Int, Int, Int, Int, Int), index: Int32)] = []
        resolved.reserveCapacity(candidates.items.count)
        ranked.reserveCapacity(candidates.items.count)
        for candidate in candidates.items {
            guard let reported = reported(candidate, rules: rules, in: candidates) else { continue }
            let rank = (-rules[candidate.rule].priority, -reported.count, -(candidate.end - candidate.start),
                        rules[candidate.rule].order, candidate.start)
            ranked.append((rank, Int32(resolved.count)))
            resolved.append(Resolved(candidate: candidate, reported: reported))
        }
        ranked.sort { $0.rank < $1.rank }
        var taken = [Bool](repeating: false, count: tokenCount)
        var kept: [Resolved] = []
        kept.reserveCapacity(resolved.count)
        for (_, index) in ranked {
            let item = resolved[Int(index)]
            guard !item.reported.contains(where: { taken[$0] }) else { continue }
            for index in item.reported { taken[index] = true }
            kept.append(item)
        }
        kept.sort { ($0.reported.lowerBound, $0.reported.upperBound, $0.candidate.rule) < ($1.reported.lowerBound, $1.reported.upperBound, $1.candidate.rule) }
        return kept
    }

    /// The tokens a candidate would report: its `at` capture, or the whole
    /// match; nil when that capture took no token (such a match makes no span).
    static func reported(_ candidate: Candidate, rules: [CompiledRule], in candidates: CandidateList) -> Range<Int>? {
        guard let slot = rules[candidate.rule].output.reportedCapture else { return candidate.start..<candidate.end }
        let capture = candidates.capture(slot, of: candidate)
        return capture.isBound ? capture.range : nil
    }
}
