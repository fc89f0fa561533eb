import Foundation
import Quarry

/// What each libFuzzer target (Fuzz/) runs on one input. The unit tests replay
/// the seed corpus and every saved crashing input through the same functions,
/// so a crash found once stays fixed.
public enum FuzzEntries {
    /// Parses and compiles arbitrary bytes as a rule file; when that works,
    /// runs the program over a short text so random rules reach the matcher.
    public static func compileRules(_ bytes: [UInt8]) {
        let source = String(decoding: bytes, as: UTF8.self)
        guard case let .success(program) = Compiler.compile(text: source, path: "<fuzz>"),
              let extractor = try? Extractor(program: program) else { return }
        _ = extractor.extract(id: "fuzz", text: sampleText)
        _ = extractor.extract(id: "fuzz", text: source)
        explain(program, extractor.tokenizer.document(id: "fuzz", text: sampleText))
    }

    /// What `quarry explain` computes: every phase's trace, and each rule's attempts.
    static func explain(_ program: Program, _ document: Document) {
        let matcher = Matcher(program: program)
        let traces = matcher.trace(in: document)
        for rule in program.rules.indices {
            for attempt in matcher.attempts(ofRule: rule, in: document, after: traces) {
                precondition(attempt.start <= attempt.stoppedAt && attempt.stoppedAt <= document.tokens.count, "attempt \(attempt)")
            }
            _ = matcher.firstSteps(ofRule: rule)
        }
    }

    /// Decodes arbitrary bytes as an input file and extracts with the default pack.
    public static func extract(_ bytes: [UInt8]) {
        guard case let .text(text, _) = TextDecoder.decode(bytes), let extractor = defaultExtractor else { return }
        for record in extractor.extract(id: "fuzz", text: text) {
            precondition(record.start < record.end, "empty record \(record)")
        }
    }

    /// Reads arbitrary bytes as gold: as JSONL, and as brat standoff against a
    /// text given by the bytes after the first NUL (or a fixed text).
    public static func readGold(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0)
        let annotations = String(decoding: bytes[..<(split ?? bytes.endIndex)], as: UTF8.self)
        let text = split.map { String(decoding: bytes[($0 + 1)...], as: UTF8.self) } ?? sampleText
        _ = JSONLGoldReader.parse(annotations, path: "<fuzz>.jsonl")
        _ = BratReader.parse(annotations: annotations, path: "<fuzz>.ann", text: text, textPath: "<fuzz>.txt")
    }

    /// Builds what every input shares (the default pack); the fuzz targets'
    /// start-up (Fuzz/Sources/FuzzSupport) calls it outside the leak checker's view.
    public static func prepare() { _ = defaultExtractor }

    static let sampleText = "Two people were killed when a Shahed drone hit Kharkiv, “It was terrible,” said Ihor Terekhov."

    /// Compiled once per process: the fuzzer calls `extract` millions of times.
    static let defaultExtractor: Extractor? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard case let .success(program) = Compiler.compile(path: root.appendingPathComponent("rules/main.qr").path) else {
            fatalError("the default rule pack does not compile")
        }
        return try? Extractor(program: program)
    }()
}

@_cdecl("quarry_fuzz_prepare")
public func quarryFuzzPrepare() { FuzzEntries.prepare() }
