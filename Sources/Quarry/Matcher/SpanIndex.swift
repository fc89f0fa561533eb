/// The spans of the phases run so far, indexed by type and first token.
struct SpanIndex {
    private(set) var spans: [Span] = []
    private var byTypeAndStart: [Int: [Int]] = [:]
    private let typeCount: Int

    init(typeCount: Int) { self.typeCount = typeCount }

    mutating func add(_ span: Span) {
        byTypeAndStart[span.tokens.lowerBound * typeCount + span.type, default: []].append(spans.count)
        spans.append(span)
    }

    func starting(at token: Int, type: Int) -> [Int] {
        byTypeAndStart[token * typeCount + type] ?? []
    }
}
