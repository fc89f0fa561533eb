import Foundation

/// The scores of a rule pack over a set of labeled documents.
public struct CheckReport: Sendable {
    public static let types = ["Casualty", "Weapon", "Location", "Quote"]

    public var documents: [Scorer.DocumentResult] = []
    /// Problems in the gold files.
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// Runs `extractor` over every labeled sample under `paths` (directories or
    /// .ann files of brat standoff, or .jsonl gold files) and scores it.
    public static func run(paths: [String], extractor: Extractor) -> CheckReport {
        var report = CheckReport()
        for path in paths {
            if path.hasSuffix(".jsonl") {
                let (documents, problems) = JSONLGoldReader.read(path: path)
                report.diagnostics += problems
                for document in documents { report.score(document, extractor) }
                continue
            }
            for annotationPath in BratReader.annotationFiles(under: path) {
                let (document, problems) = BratReader.read(annotationPath: annotationPath)
                report.diagnostics += problems
                if let document { report.score(document, extractor) }
            }
        }
        return report
    }

    private mutating func score(_ document: GoldDocument, _ extractor: Extractor) {
        documents.append(Scorer.score(document, predictions: extractor.extract(id: document.id, text: document.text)))
    }

    /// Strict counts per type.
    public var strict: [String: Scorer.Counts] { sum(documents.map(\.strict)) }
    /// Span-only counts per type.
    public var spanOnly: [String: Scorer.Counts] { sum(documents.map(\.spanOnly)) }

    public var overall: Scorer.Counts { strict.values.reduce(Scorer.Counts(), +) }
    public var overallSpanOnly: Scorer.Counts { spanOnly.values.reduce(Scorer.Counts(), +) }

    /// Per rule: records made, and how many were true hits.
    public var rules: [String: (matches: Int, truePositives: Int)] {
        var out: [String: (matches: Int, truePositives: Int)] = [:]
        for document in documents {
            for (_, record) in document.matched { out[record.rule, default: (0, 0)].matches += 1; out[record.rule]!.truePositives += 1 }
            for record in document.falseHits { out[record.rule, default: (0, 0)].matches += 1 }
        }
        return out
    }

    private func sum(_ parts: [[String: Scorer.Counts]]) -> [String: Scorer.Counts] {
        var total: [String: Scorer.Counts] = [:]
        for type in CheckReport.types { total[type] = Scorer.Counts() }
        for part in parts { for (type, counts) in part { total[type, default: Scorer.Counts()] = total[type, default: Scorer.Counts()] + counts } }
        return total
    }
}

/// Line and column (1-based) of a code-point offset in a text.
public func lineAndColumn(of offset: Int, in text: String) -> (line: Int, column: Int) {
    var line = 1, column = 1, index = 0
    for scalar in text.unicodeScalars {
        if index == offset { break }
        if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }
    return (line, column)
}

/// The sentence around a span, with the span marked `[[…]]`, on one line.
public func markedContext(_ text: String, start: Int, end: Int, width: Int = 80) -> String {
    let scalars = [Unicode.Scalar](scalarsOf: text)
    var from = max(0, start - width), to = min(scalars.count, end + width)
    // Cut at sentence ends or line breaks where there are any.
    if let stop = (from..<start).last(where: { [".", "\n", "!", "?"].contains(scalars[$0]) }) { from = stop + 1 }
    if let stop = (end..<to).first(where: { [".", "\n", "!", "?"].contains(scalars[$0]) }) { to = stop + 1 }
    func piece(_ a: Int, _ b: Int) -> String {
        String(scalars: scalars[a..<b].map { $0 == "\n" ? " " : $0 })
    }
    return (piece(from, start) + "[[" + piece(start, end) + "]]" + piece(end, to)).trimmingCharacters(in: .whitespaces)
}
