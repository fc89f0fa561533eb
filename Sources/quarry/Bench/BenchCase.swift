import Foundation
import Quarry

/// One measured case: what runs, over which corpus.
enum BenchCase {
    /// `spec` is `case:corpus:megabytes`.
    /// `rules` is the pack of the `default` case.
    static func run(_ spec: String, samples: String, rules: String, synthetic: (rules: Int, entries: Int)) throws -> BenchMeasurement {
        let parts = spec.split(separator: ":").map(String.init)
        guard parts.count == 3, let kind = BenchCorpus.Kind(rawValue: parts[1]), let megabytes = Double(parts[2]) else {
            throw BenchError("bad case \(spec) (expected case:corpus:megabytes)")
        }
        let corpus = try BenchCorpus.make(kind, megabytes: megabytes, samples: samples)
        var measurement = BenchMeasurement(name: parts[0], corpus: parts[1], bytes: corpus.bytes)
        switch parts[0] {
        case "icu":
            let tokenizer = try Tokenizer()
            measurement.seconds = time {
                for document in corpus.documents { measurement.tokens += tokenizer.icuWordSegmentCount(document.text) }
            }
        case "tokenize":
            let tokenizer = try Tokenizer()
            measurement.seconds = time {
                for document in corpus.documents { measurement.tokens += tokenizer.document(id: document.id, text: document.text).tokens.count }
            }
        case "default":
            return try extract(corpus, rules: rules, into: measurement)
        case "synthetic":
            let directory = NSTemporaryDirectory() + "quarry-bench-\(ProcessInfo.processInfo.processIdentifier)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let path = try SyntheticPack.write(to: directory, vocabulary: vocabulary(of: corpus),
                                               rules: synthetic.rules, entries: synthetic.entries)
            return try extract(corpus, rules: path, into: measurement)
        default:
            throw BenchError("unknown case \(parts[0]) (expected icu, tokenize, default or synthetic)")
        }
        measurement.peakMemory = peakMemory()
        return measurement
    }

    private static func extract(_ corpus: BenchCorpus, rules: String, into start: BenchMeasurement) throws -> BenchMeasurement {
        var measurement = start
        var program: Program?
        measurement.compileSeconds = time { program = try? Compiler.compile(path: rules).get() }
        guard let program else { throw BenchError("the rule pack \(rules) does not compile") }
        measurement.rules = program.rules.count
        let extractor = try Extractor(program: program)
        measurement.seconds = time {
            for document in corpus.documents {
                let parsed = extractor.tokenizer.document(id: document.id, text: document.text)
                measurement.tokens += parsed.tokens.count
                measurement.records += extractor.records(in: parsed).count
            }
        }
        measurement.peakMemory = peakMemory()
        return measurement
    }

    /// Distinct words of the corpus, most frequent first.
    private static func vocabulary(of corpus: BenchCorpus) -> [String] {
        var counts: [String: Int] = [:]
        for document in corpus.documents.prefix(50) {
            for word in document.text.split(whereSeparator: { !$0.isLetter }) { counts[String(word), default: 0] += 1 }
        }
        return counts.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.map(\.key)
    }

    private static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Peak resident memory of this process, in bytes.
    private static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}

/// What one case measured.
struct BenchMeasurement: Codable {
    var name: String
    var corpus: String
    var bytes: Int
    var tokens = 0
    var records = 0
    var rules = 0
    var seconds = 0.0
    var compileSeconds = 0.0
    var peakMemory = 0

    init(name: String, corpus: String, bytes: Int) {
        self.name = name
        self.corpus = corpus
        self.bytes = bytes
    }

    init?(jsonLine: String) {
        guard let value = try? JSONDecoder().decode(BenchMeasurement.self, from: Data(jsonLine.utf8)) else { return nil }
        self = value
    }

    var megabytesPerSecond: Double { Double(bytes) / 1e6 / max(seconds, 1e-9) }
    var tokensPerSecond: Double { Double(tokens) / max(seconds, 1e-9) }

    var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    static let tableHeader = "case        corpus      MB      seconds   MB/s     tokens/s    records  rules  compile s  peak MB"

    var tableRow: String {
        return name.padded(to: 12) + corpus.padded(to: 12) + String(format: "%.1f", Double(bytes) / 1e6).padded(to: 8)
            + String(format: "%.2f", seconds).padded(to: 10) + String(format: "%.2f", megabytesPerSecond).padded(to: 9)
            + String(format: "%.0f", tokensPerSecond).padded(to: 12) + "\(records)".padded(to: 9) + "\(rules)".padded(to: 7)
            + String(format: "%.2f", compileSeconds).padded(to: 11) + String(format: "%.0f", Double(peakMemory) / 1e6)
    }
}
