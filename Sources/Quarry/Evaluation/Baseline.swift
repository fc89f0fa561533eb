import Foundation

/// A saved check result to compare later runs with: per-type figures and
/// the true hits (document, type, offsets).
public struct Baseline: Codable, Sendable, Equatable {
    public struct Figures: Codable, Sendable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
    }

    public struct Hit: Codable, Sendable, Hashable, Comparable {
        public var doc: String
        public var type: String
        public var start: Int
        public var end: Int

        public static func < (a: Hit, b: Hit) -> Bool { (a.doc, a.start, a.end, a.type) < (b.doc, b.start, b.end, b.type) }
        public var description: String { "\(doc) \(type) \(start)-\(end)" }
    }

    public var figures: [String: Figures]
    public var truePositives: [Hit]

    public init(_ report: CheckReport) {
        var figures: [String: Figures] = [:]
        for (type, counts) in report.strict { figures[type] = Figures(precision: counts.precision, recall: counts.recall, f1: counts.f1) }
        let overall = report.overall
        figures["overall"] = Figures(precision: overall.precision, recall: overall.recall, f1: overall.f1)
        self.figures = figures
        truePositives = report.documents.flatMap { document in
            document.matched.map { Hit(doc: document.document.id, type: $0.gold.type, start: $0.gold.start, end: $0.gold.end) }
        }.sorted()
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw TextFileError("cannot read baseline \(path)") }
        do { return try JSONDecoder().decode(Baseline.self, from: data) } catch {
            throw TextFileError("\(path) is not a Quarry baseline: \(error)")
        }
    }

    /// What changed from `self` (the old baseline) to `current`.
    public func compare(with current: Baseline) -> Comparison {
        var comparison = Comparison()
        for key in Set(figures.keys).union(current.figures.keys).sorted() {
            let old = figures[key], new = current.figures[key]
            for (name, before, after) in [("precision", old?.precision, new?.precision), ("recall", old?.recall, new?.recall), ("f1", old?.f1, new?.f1)] {
                guard let before, let after else { continue }
                let line = String(format: "%@ %@ %.3f -> %.3f", key, name, before, after)
                if after < before - 1e-9 { comparison.regressions.append(line) } else if after > before + 1e-9 { comparison.improvements.append(line) }
            }
        }
        let old = Set(truePositives), new = Set(current.truePositives)
        comparison.lostHits = old.subtracting(new).sorted()
        comparison.newHits = new.subtracting(old).sorted()
        return comparison
    }

    public struct Comparison: Sendable {
        public var regressions: [String] = []
        public var improvements: [String] = []
        public var lostHits: [Hit] = []
        public var newHits: [Hit] = []

        /// True when a figure dropped or a correct extraction was lost.
        public var isWorse: Bool { !regressions.isEmpty || !lostHits.isEmpty }
    }
}
