import ArgumentParser
import Foundation
import Quarry

/// `quarry bench`: throughput of tokenization and extraction, compile time
/// and peak memory, over generated corpora. Each case runs in a process of
/// its own so that its peak memory is its own. Build with `-c release`.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput, compile time and peak memory (build with -c release).")

    @OptionGroup var rulesOption: RulesOption

    @Option(help: "Corpus size in MB (several, comma-separated, to check that time is linear in size).")
    var megabytes: String = "10"

    @Option(help: "Corpora: samples, generated (comma-separated).")
    var corpora: String = "samples,generated"

    @Option(help: "Cases: icu (ICU's word iterator alone, the reference for tokenize), tokenize, default, synthetic (comma-separated).")
    var cases: String = "icu,tokenize,default,synthetic"

    @Option(help: "The texts the corpora are made from (default: samples/ beside the rule pack's folder).")
    var samples: String?

    @Option(help: "Rules of the synthetic pack.")
    var syntheticRules: Int = 1000

    @Option(help: "Entries of the synthetic pack's lexicon.")
    var syntheticEntries: Int = 200_000

    @Option(help: "Output: table or jsonl.")
    var format: String = "table"

    @Option(help: "Write the corpus (the first size and corpus) as JSONL {id, text} to this file, and measure nothing.")
    var writeCorpus: String?

    /// Set in the child process: run this one case and print its measurement.
    @Option(help: .hidden) var only: String?

    func run() throws {
        let rules = try rulesOption.path()
        let samplesDirectory = samples ?? URL(fileURLWithPath: rules).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples").path
        if let only {
            let measurement = try BenchCase.run(only, samples: samplesDirectory, rules: rules,
                                                synthetic: (syntheticRules, syntheticEntries))
            print(measurement.jsonLine)
            return
        }
        let sizes = megabytes.split(separator: ",").compactMap { Double($0) }
        if let writeCorpus {
            guard let size = sizes.first, let kind = corpora.split(separator: ",").first.flatMap({ BenchCorpus.Kind(rawValue: String($0)) }) else {
                throw ValidationError("--write-corpus needs a size and a corpus (samples or generated)")
            }
            let corpus = try BenchCorpus.make(kind, megabytes: size, samples: samplesDirectory)
            let lines = corpus.documents.map { "{\"id\":\(jsonString($0.id)),\"text\":\(jsonString($0.text))}" }
            try (lines.joined(separator: "\n") + "\n").write(toFile: writeCorpus, atomically: true, encoding: .utf8)
            return
        }
        var results: [BenchMeasurement] = []
        if format == "table" { print(BenchMeasurement.tableHeader) }
        for corpus in corpora.split(separator: ",") {
            for size in sizes {
                for name in cases.split(separator: ",") {
                    let measurement = try runChild("\(name):\(corpus):\(size)", samples: samplesDirectory, rules: rules)
                    results.append(measurement)
                    print(format == "table" ? measurement.tableRow : measurement.jsonLine)
                }
            }
        }
    }

    private func runChild(_ spec: String, samples: String, rules: String) throws -> BenchMeasurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["bench", "--only", spec, "--samples", samples, "--rules", rules,
                             "--synthetic-rules", "\(syntheticRules)", "--synthetic-entries", "\(syntheticEntries)"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let measurement = BenchMeasurement(jsonLine: String(decoding: data, as: UTF8.self)) else {
            throw BenchError("benchmark case \(spec) failed (exit \(process.terminationStatus))")
        }
        return measurement
    }
}
