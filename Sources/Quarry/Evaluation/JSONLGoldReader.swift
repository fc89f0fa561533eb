import Foundation

/// Reads JSONL gold: one `{"id", "text", "spans": [{"start", "end", "label", "attrs"}]}`
/// per line, the shape that doccano, Label Studio and Prodigy exports turn into.
/// Offsets are code points. Each bad line is a diagnostic; the others are kept.
public enum JSONLGoldReader {
    public static func read(path: String) -> ([GoldDocument], [Diagnostic]) {
        switch readText(path) {
        case let .failure(error): return ([], [.error("\(error)")])
        case let .success(source): return parse(source, path: path)
        }
    }

    /// Parses JSONL gold held in memory; never traps, whatever the bytes.
    public static func parse(_ source: String, path: String) -> ([GoldDocument], [Diagnostic]) {
        let file = SourceFile(path: path, text: source)
        var documents: [GoldDocument] = []
        var diagnostics: [Diagnostic] = []
        for (index, line) in file.lines.enumerated() where !line.isSpacesOnly {
            let lineNumber = index + 1
            func fail(_ message: String) { diagnostics.append(file.error(message, line: lineNumber, column: 1)) }
            guard let parsed = JSONLDocument(line: line) else {
                fail("expected a JSON object with a string \"text\"")
                continue
            }
            let text = parsed.text, object = parsed.object
            let id = parsed.id ?? "line\(lineNumber)"
            let scalars = [Unicode.Scalar](scalarsOf: text)
            var annotations: [GoldAnnotation] = []
            for (number, span) in ((object["spans"] as? [[String: Any]]) ?? []).enumerated() {
                guard let start = span["start"] as? Int, let end = span["end"] as? Int, let label = span["label"] as? String else {
                    fail("span \(number + 1) needs integer start and end and a string label"); continue
                }
                guard start >= 0, start < end, end <= scalars.count else {
                    fail("span \(number + 1): offsets \(start) \(end) are out of range (the text has \(scalars.count) code points)"); continue
                }
                guard BratReader.knownTypes.contains(label) else { fail("span \(number + 1): unknown type \(label)"); continue }
                var attributes: [String: String] = [:]
                for (key, value) in (span["attrs"] as? [String: Any]) ?? [:] {
                    attributes[key.lowercased()] = (value as? NSNumber).map { formatNumber($0.doubleValue) } ?? "\(value)"
                }
                annotations.append(GoldAnnotation(id: "\(number + 1)", type: label, start: start, end: end,
                                                  text: String(scalars: scalars[start..<end]),
                                                  attributes: attributes, location: file.location(line: lineNumber, column: 1)))
            }
            annotations.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            documents.append(GoldDocument(id: id, text: text, textPath: "\(path):\(lineNumber)", annotations: annotations))
        }
        return (documents, diagnostics)
    }
}
