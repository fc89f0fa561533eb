/// Tokenizes documents and runs a program over them. One per worker thread:
/// it owns the tokenizer's fold-key cache and the matcher's scratch space;
/// the program is shared.
public final class Extractor {
    public let program: Program
    public let tokenizer: Tokenizer
    private let matcher: Matcher

    /// How texts longer than one window are cut (see `Segmentation`).
    public let segmentation: Segmentation

    public init(program: Program, segmentation: Segmentation = .standard) throws {
        self.program = program
        self.segmentation = segmentation
        tokenizer = try Tokenizer(program: program)
        matcher = Matcher(program: program)
    }

    /// The reported records of one text, in document order.
    public func extract(id: String, text: String) -> [Record] {
        var all: [Record] = []
        // The first window's array is taken whole: appending copied each record.
        extract(id: id, text: text) { records in if all.isEmpty { all = records } else { all.append(contentsOf: records) } }
        return all
    }

    /// The records of one text handed over a window at a time, in document
    /// order, so a huge text never has all its tokens or records in memory.
    public func extract(id: String, text: String, _ body: ([Record]) -> Void) {
        guard text.utf8.count > segmentation.coreLength + 2 * segmentation.overlap else {
            body(records(in: tokenizer.document(id: id, text: text)))
            return
        }
        for window in TextSegmenter(text: text, segmentation: segmentation).windows() {
            let records = records(in: tokenizer.document(id: id, text: String(window.text))).compactMap { record -> Record? in
                var record = record
                record.start += window.offset
                record.end += window.offset
                return window.core.contains(record.start) ? record : nil
            }
            body(records)
        }
    }

    public func records(in document: Document) -> [Record] {
        var records: [Record] = []
        // A loop, not a closure: a closure capturing the document copied it
        // (retaining each of its arrays) for every record.
        for span in matcher.spans(in: document) where !program.types[span.type].isInternal {
            let start = document.tokens[span.tokens.lowerBound].start
            let end = document.tokens[span.tokens.upperBound - 1].end
            records.append(Record(document: document.id, type: program.types[span.type].name, start: start, end: end,
                                  text: document.slice(start, end), rule: program.rules[span.rule].name,
                                  attributes: span.attributes))
        }
        // In place: `sorted` copied every record.
        records.sort { a, b in (a.start, a.end, a.type, a.rule) < (b.start, b.end, b.type, b.rule) }
        return records
    }
}
