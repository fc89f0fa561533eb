import ArgumentParser
import Foundation
import Quarry

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the rules against labeled samples (brat standoff NAME.txt + NAME.ann).")

    @OptionGroup var rulesOption: RulesOption

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @Option(name: .customLong("min-f1"), help: "Exit 1 when the overall strict F1 is below this.")
    var minimumF1: Double?

    @Flag(help: "List every miss and false hit.")
    var verbose = false

    @Argument(help: "Directories or .ann files of labeled samples.")
    var samples: [String]

    func run() throws {
        let program = try rulesOption.compile()
        let report = CheckReport.run(paths: samples, extractor: try Extractor(program: program))
        for diagnostic in report.diagnostics { Console.error(diagnostic.rendered) }
        if format == "json" {
            Console.write(CheckRendering.json(report))
        } else {
            Console.write(CheckRendering.table(report))
            if verbose { Console.write(CheckRendering.errors(report)) }
            let fired = Set(report.rules.keys)
            let silent = program.rules.filter { !fired.contains($0.name) && !program.types[$0.outputType].isInternal }.map(\.name)
            Console.write(CheckRendering.rules(report) + (silent.isEmpty ? "" : "\nrules that never fired: " + silent.joined(separator: ", ")))
        }
        Console.flush()
        if !report.diagnostics.isEmpty { throw ExitCode(2) }
        if let minimumF1, report.overall.f1 < minimumF1 {
            Console.error(String(format: "overall F1 %.3f is below the floor %.3f", report.overall.f1, minimumF1))
            throw ExitCode(1)
        }
    }
}

/// Renderings of a check report for the terminal and for machines.
enum CheckRendering {
    static func row(_ name: String, _ c: Scorer.Counts, _ s: Scorer.Counts) -> String {
        name.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: " %5d %5d %5d  %6.3f %6.3f %6.3f   %6.3f", c.truePositives, c.falsePositives,
               c.falseNegatives, c.precision, c.recall, c.f1, s.f1)
    }

    static func table(_ report: CheckReport) -> String {
        var lines = ["type          tp    fp    fn  precis recall     f1   span-f1"]
        for type in CheckReport.types { lines.append(row(type, report.strict[type]!, report.spanOnly[type]!)) }
        lines.append(row("overall", report.overall, report.overallSpanOnly))
        return lines.joined(separator: "\n")
    }

    static func errors(_ report: CheckReport) -> String {
        var lines: [String] = []
        for document in report.documents {
            for gold in document.misses {
                let (line, column) = lineAndColumn(of: gold.start, in: document.document.text)
                lines.append("\(document.document.textPath):\(line):\(column): miss: \(gold.type) \"\(gold.text)\" \(gold.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
            }
            for record in document.falseHits {
                let (line, column) = lineAndColumn(of: record.start, in: document.document.text)
                lines.append("\(document.document.textPath):\(line):\(column): false hit: \(ExampleChecker.describe(record))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func rules(_ report: CheckReport) -> String {
        let rows = report.rules.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value.matches) matches, \($0.value.truePositives) true, \($0.value.matches - $0.value.truePositives) false" }
        return (["per rule:"] + rows).joined(separator: "\n")
    }

    static func json(_ report: CheckReport) -> String {
        func counts(_ c: Scorer.Counts) -> String {
            String(format: "{\"tp\":%d,\"fp\":%d,\"fn\":%d,\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f}", c.truePositives, c.falsePositives, c.falseNegatives, c.precision, c.recall, c.f1)
        }
        let types = CheckReport.types.map { "\(jsonString($0)):{\"strict\":\(counts(report.strict[$0]!)),\"span\":\(counts(report.spanOnly[$0]!))}" }
        return "{\"overall\":{\"strict\":\(counts(report.overall)),\"span\":\(counts(report.overallSpanOnly))},\"types\":{\(types.joined(separator: ","))}}"
    }
}
