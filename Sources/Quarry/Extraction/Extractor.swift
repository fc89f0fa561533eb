/// Tokenizes documents and runs a program over them. One per worker thread:
/// it owns the tokenizer's fold-key cache and the matcher's scratch space;
/// the program is shared.
public final class Extractor {
    public let program: Program
    public let tokenizer: Tokenizer
    private let matcher: Matcher

    public init(program: Program) throws {
        self.program = program
        tokenizer = try Tokenizer()
        matcher = Matcher(program: program)
    }

    /// The reported records of one text, in document order.
    public func extract(id: String, text: String) -> [Record] {
        records(in: tokenizer.document(id: id, text: text))
    }

    public func records(in document: Document) -> [Record] {
        let spans = matcher.spans(in: document).filter { !program.types[$0.type].isInternal }
        let records = spans.map { span -> Record in
            let start = document.tokens[span.tokens.lowerBound].start
            let end = document.tokens[span.tokens.upperBound - 1].end
            return Record(document: document.id, type: program.types[span.type].name, start: start, end: end,
                          text: document.slice(start, end), rule: program.rules[span.rule].name,
                          attributes: span.attributes)
        }
        return records.sorted { a, b in
            (a.start, a.end, a.type, a.rule) < (b.start, b.end, b.type, b.rule)
        }
    }
}
