import ArgumentParser
import Foundation
import Quarry

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Score the rules against labeled samples (brat NAME.txt + NAME.ann, or JSONL gold).")

    @OptionGroup var rulesOption: RulesOption

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @Option(name: .customLong("min-f1"), help: "Exit 1 when the overall strict F1 is below this.")
    var minimumF1: Double?

    @Option(name: .customLong("write-baseline"), help: "Write the figures and true hits to this JSON file.")
    var writeBaseline: String?

    @Option(help: "Compare with this baseline; exit 1 when a figure drops or a correct extraction is lost.")
    var baseline: String?

    @Option(help: "Write JUnit XML (one test case per document) to this file.")
    var junit: String?

    @Flag(help: "Print only the figures, not every miss and false hit.")
    var summary = false

    @Argument(help: "Directories or .ann files of brat samples, or .jsonl gold files.")
    var samples: [String]

    func run() throws {
        guard format == "text" || format == "json" else { throw ValidationError("unknown format \(format) (expected text or json)") }
        let program = try rulesOption.compile()
        let report = CheckReport.run(paths: samples, extractor: try Extractor(program: program))
        for diagnostic in report.diagnostics { Console.error(diagnostic.rendered) }
        let githubActions = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"

        if format == "json" {
            Console.write(CheckRendering.json(report))
        } else {
            Console.write(CheckRendering.table(report))
            if !summary { Console.write(CheckRendering.errors(report)) }
            Console.write(CheckRendering.rules(report, program: program))
        }
        if githubActions { Console.write(CheckRendering.githubAnnotations(report)) }
        if let junit { try JUnitReport.xml(report).write(toFile: junit, atomically: true, encoding: .utf8) }

        let current = Baseline(report)
        if let writeBaseline { try current.encoded().write(to: URL(fileURLWithPath: writeBaseline)) }
        var worse = false
        if let baseline {
            let comparison = try Baseline.load(path: baseline).compare(with: current)
            for line in comparison.regressions { Console.write("regression: \(line)") }
            for hit in comparison.lostHits { Console.write("lost: \(hit.description)") }
            for line in comparison.improvements { Console.write("improved: \(line)") }
            for hit in comparison.newHits { Console.write("new: \(hit.description)") }
            if !comparison.isWorse { Console.write("no regression against \(baseline)") }
            worse = comparison.isWorse
        }
        Console.flush()
        if !report.diagnostics.isEmpty { throw ExitCode(2) }
        if worse { throw ExitCode(1) }
        if let minimumF1, report.overall.f1 < minimumF1 {
            Console.error(String(format: "overall F1 %.3f is below the floor %.3f", report.overall.f1, minimumF1))
            throw ExitCode(1)
        }
    }
}
