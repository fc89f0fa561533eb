/// Which rules of a phase find a match from every start.
///
/// Where two starts of one rule reach the same instruction at the same token,
/// the Pike VM keeps the earlier: its match covers the later one's. That is
/// not so when the rule reports a capture opened at its start: "p:Name (","
/// Name){0,4} "districts" => … at p" reports another name from each start
/// of a list. Such a rule keeps its starts apart (its threads' visit keys are
/// their starts, `VMThread.visitKey`) when its matches also span a bounded
/// number of tokens (`MatchReach`, with no span of an earlier phase, whose
/// length no rule bounds): then the starts alive at a token are bounded too,
/// and time stays linear in the tokens.
enum StartsApart {
    /// Per rule of `phase`; `reportedCaptures[r]`: the capture rule `r` reports (`at`), if any.
    static func rules(of phase: Phase, reportedCaptures: [Int?]) -> [Bool] {
        reportedCaptures.indices.map { rule in
            guard let reported = reportedCaptures[rule], rule < phase.ruleReach.count, phase.ruleReach[rule]?.spans == 0 else {
                return false
            }
            // The capture opens at the first step, or is what the first step takes (a lexicon entry).
            switch phase.instructions[phase.ruleStarts[rule]] {
            case let .openCapture(slot, _): return slot == reported
            case let .span(_, _, capture): return capture == reported
            default: return false
            }
        }
    }
}
