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
        // Each candidate's place in the order above as one word (a tuple of
        // five where a field outgrows its bits), sorting indexes rather than
        // candidates: comparing integers and moving small elements (copying a
        // rule in every comparison retained its arrays; sorting whole
        // candidates moved 96 bytes at a time).
        var resolved: [Resolved] = []
        var packed: [(rank: UInt64, index: Int32)] = []
        resolved.reserveCapacity(candidates.items.count)
        packed.reserveCapacity(candidates.items.count)
        var fits = true
        for candidate in candidates.items {
            guard let reported = reported(candidate, rules: rules, in: candidates) else { continue }
            resolved.append(Resolved(candidate: candidate, reported: reported))
            guard fits, let word = packedRank(rank(resolved[resolved.count - 1], rules)) else {
                fits = false
                continue
            }
            packed.append((word, Int32(resolved.count - 1)))
        }
        // The ranks are distinct (one candidate per rule and start), so the
        // packed sort gives the tuples' order, comparing single words.
        let order: [Int]
        if fits {
            packed.sort { $0.rank < $1.rank }
            order = packed.map { Int($0.index) }
        } else {
            let ranks = resolved.map { rank($0, rules) }
            order = ranks.indices.sorted { ranks[$0] < ranks[$1] }
        }
        var taken = [Bool](repeating: false, count: tokenCount)
        var kept: [Resolved] = []
        kept.reserveCapacity(resolved.count)
        for index in order {
            let item = resolved[index]
            guard !item.reported.contains(where: { taken[$0] }) else { continue }
            for index in item.reported { taken[index] = true }
            kept.append(item)
        }
        kept.sort { ($0.reported.lowerBound, $0.reported.upperBound, $0.candidate.rule) < ($1.reported.lowerBound, $1.reported.upperBound, $1.candidate.rule) }
        return kept
    }

    /// A candidate's place in the order, as a tuple to compare.
    @inline(__always)
    private static func rank(_ item: Resolved, _ rules: [CompiledRule]) -> (Int, Int, Int, Int, Int) {
        let rule = item.candidate.rule
        return (-rules[rule].priority, -item.reported.count, -(item.candidate.end - item.candidate.start),
                rules[rule].order, item.candidate.start)
    }

    /// A rank as one word ordered as the tuple is, where every field fits its
    /// bits (priorities within ±127, spans and matches under 4,096 tokens,
    /// rules under 4,096, starts under 2^20); nil where one does not.
    @inline(__always)
    static func packedRank(_ rank: (Int, Int, Int, Int, Int)) -> UInt64? {
        let priority = rank.0 &+ 128, reported = rank.1 &+ 4095, whole = rank.2 &+ 4095
        guard UInt(bitPattern: priority) < 256, UInt(bitPattern: reported) < 4096, UInt(bitPattern: whole) < 4096,
              UInt(bitPattern: rank.3) < 4096, UInt(bitPattern: rank.4) < 1 << 20 else { return nil }
        return UInt64(priority) << 56 | UInt64(reported) << 44 | UInt64(whole) << 32 | UInt64(rank.3) << 20 | UInt64(rank.4)
    }

    /// The tokens a candidate would report: its `at` capture, or the whole
    /// match; nil when that capture took no token (such a match makes no span).
    static func reported(_ candidate: Candidate, rules: [CompiledRule], in candidates: CandidateList) -> Range<Int>? {
        guard let slot = rules[candidate.rule].output.reportedCapture else { return candidate.start..<candidate.end }
        let capture = candidates.capture(slot, of: candidate)
        return capture.isBound ? capture.range : nil
    }
}
