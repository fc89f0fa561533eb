import Foundation

/// The texts the benchmark runs over, made the same way on every run.
struct BenchCorpus {
    enum Kind: String, CaseIterable {
        /// The labeled samples, repeated: real news text, about 5% Cyrillic letters.
        case samples
        /// Sentences of the samples reshuffled into new articles with new
        /// numbers, a fifth of the sentences Cyrillic.
        case generated
    }

    var documents: [(id: String, text: String)]
    var bytes: Int { documents.reduce(0) { $0 + $1.text.utf8.count } }

    /// About `megabytes` MB of documents of article size.
    static func make(_ kind: Kind, megabytes: Double, samples: String) throws -> BenchCorpus {
        let texts = try sampleTexts(in: samples)
        guard !texts.isEmpty else { throw BenchError("no *.txt files in \(samples)") }
        let target = Int(megabytes * 1_000_000)
        var documents: [(id: String, text: String)] = []
        var total = 0
        switch kind {
        case .samples:
            while total < target {
                let text = texts[documents.count % texts.count]
                documents.append(("s\(documents.count)", text))
                total += text.utf8.count
            }
        case .generated:
            var random = SplitMix64(seed: 2026)
            let sentences = texts.flatMap(splitSentences)
            let isCyrillic = { (sentence: String) in sentence.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } }
            let cyrillic = sentences.filter(isCyrillic)
            let latin = sentences.filter { !isCyrillic($0) }
            while total < target {
                var article: [String] = []
                for _ in 0..<(20 + random.next(below: 20)) {
                    let pool = random.next(below: 5) == 0 && !cyrillic.isEmpty ? cyrillic : latin
                    article.append(renumber(pool[random.next(below: pool.count)], &random))
                }
                let text = article.joined(separator: random.next(below: 3) == 0 ? "\n\n" : " ")
                documents.append(("g\(documents.count)", text))
                total += text.utf8.count
            }
        }
        return BenchCorpus(documents: documents)
    }

    private static func sampleTexts(in directory: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { try String(contentsOfFile: (directory as NSString).appendingPathComponent($0), encoding: .utf8) }
    }

    private static func splitSentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?\n".contains(character) {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.count > 20 { sentences.append(trimmed) }
                current = ""
            }
        }
        return sentences
    }

    /// The sentence with each digit run replaced by a random number.
    private static func renumber(_ sentence: String, _ random: inout SplitMix64) -> String {
        var result = ""
        var inDigits = false
        for character in sentence {
            if character.isASCII && character.isNumber {
                if !inDigits { result += String(1 + random.next(below: 300)) }
                inDigits = true
            } else {
                inDigits = false
                result.append(character)
            }
        }
        return result
    }
}

/// A small seeded generator, so corpora and synthetic packs are the same on every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
