/// A span produced by a rule: a range of tokens with a type and attributes.
public struct Span: Sendable {
    public var type: Int
    /// Token range, end exclusive.
    public var tokens: Range<Int>
    public var attributes: [(String, AttributeValue)]
    /// Index of the rule in `Program.rules`.
    public var rule: Int

    func attribute(_ key: String) -> AttributeValue? {
        attributes.first { $0.0 == key }?.1
    }
}

/// A captured part of a match: its token range and what it consumed.
struct Capture {
    var start: Int32 = -1
    var end: Int32 = -1
    var payload: Payload = .none

    var isBound: Bool { start >= 0 && end > start }
    var range: Range<Int> { Int(start)..<Int(end) }

    enum Payload {
        case none
        case lexiconEntry(lexicon: Int32, entry: Int32)
        /// An index into the spans of earlier phases.
        case span(Int32)
    }
}

/// A match of one rule before conflicts are resolved.
struct Candidate {
    var rule: Int
    var start: Int
    var end: Int
    /// Its capture slots, in its phase's `CandidateList.slots`.
    var captures: Range<Int>
}

/// A phase's candidates and the capture slots of all of them in one array
/// (an array per candidate was an allocation per match).
struct CandidateList {
    var items: [Candidate] = []
    var slots: [Capture] = []

    /// Capture slot `slot` of `candidate`.
    func capture(_ slot: Int, of candidate: Candidate) -> Capture {
        slots[candidate.captures.lowerBound + slot]
    }
}
