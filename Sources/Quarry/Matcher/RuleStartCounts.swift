/// What each rule cost the matcher over some documents: how often it was
/// looked at (its first step could take the token, so the start lists named
/// it), how often it was started (its required words were within reach and
/// the next token could take its second step) and how many spans it made.
/// A rule is looked at wherever its first step holds, at some 150
/// instructions each time whether it goes on or not, so a rule opening with a
/// broad test ([alpha], an optional word) shows here first. `quarry profile`
/// prints it.
public struct RuleStartCounts: Sendable {
    /// By rule, as numbered in `Program.rules`.
    public private(set) var lookedAt: [Int]
    public private(set) var started: [Int]
    public private(set) var made: [Int]
    /// Tokens of the documents counted.
    public private(set) var tokens = 0

    public init(ruleCount: Int) {
        lookedAt = Array(repeating: 0, count: ruleCount)
        started = lookedAt
        made = lookedAt
    }

    mutating func count(document: Document) { tokens += document.tokens.count }
    mutating func lookAt(_ rule: Int) { lookedAt[rule] += 1 }
    mutating func start(_ rule: Int) { started[rule] += 1 }
    mutating func make(_ spans: [Span]) { for span in spans { made[span.rule] += 1 } }
}

extension PikeVM {
    /// Counts, for phase `phaseIndex` of the document given to `begin` last,
    /// the rules looked at and started at each token, deciding it as
    /// `candidates` does (its start lists, required words and second steps)
    /// but running no thread. `spans` are the earlier phases' spans.
    mutating func countStarts(phase phaseIndex: Int, document: Document, spans: SpanIndex, into counts: inout RuleStartCounts) {
        let phase = program.phases[phaseIndex]
        let byType = phase.ruleStartIndex.byType, tokens = document.tokens
        enterPhase(phaseIndex, spans: spans)
        defer { leavePhase(phaseIndex) }
        fillSearchStartBits(phaseIndex, spans, tokens: tokens.count)
        for position in tokens.indices where searchMayStart(at: position) {
            var looked = Set(startList(position, phaseIndex, tokens).map { Int(formStarts.storage[$0]) })
            for (type, rules) in byType where spans.hasSpan(startingAt: position, type: type) { looked.formUnion(rules) }
            for rule in looked { counts.lookAt(phase.ruleIndexes[rule]) }
            gatherRulesStarting(at: position, phaseIndex, byType, tokens, spans)
            for index in 0..<starting.count { counts.start(phase.ruleIndexes[starting[index]]) }
        }
    }
}
