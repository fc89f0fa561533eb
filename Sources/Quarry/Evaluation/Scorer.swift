/// Scores predicted records against gold annotations as ANNOTATION.md's
/// "Scoring" says: same type, overlapping spans, key attributes agreeing;
/// each gold and each prediction matches at most once.
public struct Scorer {
    /// Counts for one type, or overall.
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? (a == 0 ? 1 : 0) : Double(a) / Double(b) }

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
                   falseNegatives: a.falseNegatives + b.falseNegatives)
        }
    }

    /// The outcome of scoring one document.
    public struct DocumentResult: Sendable {
        public var document: GoldDocument
        public var matched: [(gold: GoldAnnotation, predicted: Record)]
        public var misses: [GoldAnnotation]
        public var falseHits: [Record]
        /// Span-only figures per type (attributes ignored).
        public var spanOnly: [String: Counts]

        public var strict: [String: Counts] {
            var counts: [String: Counts] = [:]
            for (gold, _) in matched { counts[gold.type, default: Counts()].truePositives += 1 }
            for gold in misses { counts[gold.type, default: Counts()].falseNegatives += 1 }
            for record in falseHits { counts[record.type, default: Counts()].falsePositives += 1 }
            return counts
        }
    }

    public static func score(_ document: GoldDocument, predictions: [Record]) -> DocumentResult {
        let strict = match(document.annotations, predictions, keyAttributes: true)
        let loose = match(document.annotations, predictions, keyAttributes: false)
        var spanOnly: [String: Counts] = [:]
        for (gold, _) in loose.matched { spanOnly[gold.type, default: Counts()].truePositives += 1 }
        for gold in loose.misses { spanOnly[gold.type, default: Counts()].falseNegatives += 1 }
        for record in loose.falseHits { spanOnly[record.type, default: Counts()].falsePositives += 1 }
        return DocumentResult(document: document, matched: strict.matched, misses: strict.misses,
                              falseHits: strict.falseHits, spanOnly: spanOnly)
    }

    /// Greedy one-to-one matching in document order: each gold takes the
    /// first unused prediction that agrees with it.
    static func match(_ gold: [GoldAnnotation], _ predictions: [Record], keyAttributes: Bool)
        -> (matched: [(gold: GoldAnnotation, predicted: Record)], misses: [GoldAnnotation], falseHits: [Record]) {
        var used = [Bool](repeating: false, count: predictions.count)
        var matched: [(gold: GoldAnnotation, predicted: Record)] = []
        var misses: [GoldAnnotation] = []
        for annotation in gold {
            let candidate = predictions.indices.first { index in
                let record = predictions[index]
                return !used[index] && record.type == annotation.type && record.start < annotation.end
                    && annotation.start < record.end && (!keyAttributes || attributesAgree(annotation, record))
            }
            if let candidate {
                used[candidate] = true
                matched.append((annotation, predictions[candidate]))
            } else {
                misses.append(annotation)
            }
        }
        let falseHits = predictions.indices.filter { !used[$0] }.map { predictions[$0] }
        return (matched, misses, falseHits)
    }

    /// The key attributes of ANNOTATION.md for each type.
    public static func attributesAgree(_ gold: GoldAnnotation, _ record: Record) -> Bool {
        func predicted(_ key: String) -> String? { record.attribute(key)?.description }
        func same(_ key: String) -> Bool { predicted(key)?.lowercased() == gold.attributes[key]?.lowercased() }
        switch gold.type {
        case "Casualty":
            guard same("outcome") else { return false }
            if gold.attributes["count"] != nil { return same("count") }
            return same("approx") && same("min") && same("max")
        case "Weapon":
            guard same("category") else { return false }
            return gold.attributes["name"] == nil || same("name")
        case "Location":
            return same("name")
        case "Quote":
            guard let speaker = gold.attributes["speaker"], let last = speaker.split(separator: " ").last,
                  let found = predicted("speaker") else { return false }
            return found.lowercased().contains(last.lowercased())
        default:
            return true
        }
    }
}
