import Foundation
import Quarry

/// Renderings of a check report for the terminal, CI annotations and machines.
enum CheckRendering {
    static func row(_ name: String, _ c: Scorer.Counts, _ s: Scorer.Counts) -> String {
        name.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: " %5d %5d %5d  %6.3f %6.3f %6.3f   %6.3f", c.truePositives, c.falsePositives,
                     c.falseNegatives, c.precision, c.recall, c.f1, s.f1)
    }

    static func table(_ report: CheckReport) -> String {
        var lines = ["type          tp    fp    fn  precis recall     f1   span-f1"]
        for type in CheckReport.types { lines.append(row(type, report.strict[type]!, report.spanOnly[type]!)) }
        lines.append(row("overall", report.overall, report.overallSpanOnly))
        return lines.joined(separator: "\n")
    }

    /// Every miss and false hit: where, the sentence with the span marked,
    /// expected and found attributes, and the rule behind a false hit.
    static func errors(_ report: CheckReport) -> String {
        errorItems(report).map { "\($0.path):\($0.line):\($0.column): \($0.message)\n    \($0.context)" }.joined(separator: "\n")
    }

    static func githubAnnotations(_ report: CheckReport) -> String {
        errorItems(report).map { "::error file=\($0.path),line=\($0.line),col=\($0.column)::\($0.message)" }.joined(separator: "\n")
    }

    struct ErrorItem {
        var path: String, line: Int, column: Int, message: String, context: String
    }

    static func errorItems(_ report: CheckReport) -> [ErrorItem] {
        var items: [ErrorItem] = []
        for result in report.documents {
            let document = result.document
            func item(_ start: Int, _ end: Int, _ message: String) -> ErrorItem {
                let (line, column) = lineAndColumn(of: start, in: document.text)
                return ErrorItem(path: document.textPath, line: line, column: column, message: message,
                                 context: markedContext(document.text, start: start, end: end))
            }
            for gold in result.misses {
                let expected = gold.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                var message = "miss: \(gold.type) \"\(gold.text)\" expected \(expected)"
                if let near = result.falseHits.first(where: { $0.type == gold.type && $0.start < gold.end && gold.start < $0.end }) {
                    message += "; found \(near.attributes.map { "\($0.0)=\($0.1)" }.joined(separator: " ")) by \(near.rule)"
                }
                items.append(item(gold.start, gold.end, message))
            }
            for record in result.falseHits {
                items.append(item(record.start, record.end, "false hit: \(ExampleChecker.describe(record))"))
            }
        }
        return items
    }

    static func rules(_ report: CheckReport, program: Program) -> String {
        let figures = report.rules
        let rows = figures.sorted { $0.key < $1.key }.map {
            "  \($0.key): \($0.value.matches) matches, \($0.value.truePositives) true, \($0.value.matches - $0.value.truePositives) false"
        }
        let silent = program.rules.filter { figures[$0.name] == nil && !program.types[$0.outputType].isInternal }.map(\.name)
        return (["per rule:"] + rows).joined(separator: "\n")
            + (silent.isEmpty ? "" : "\nrules that never fired: " + silent.joined(separator: ", "))
    }

    static func json(_ report: CheckReport) -> String {
        func counts(_ c: Scorer.Counts) -> String {
            String(format: "{\"tp\":%d,\"fp\":%d,\"fn\":%d,\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f}",
                   c.truePositives, c.falsePositives, c.falseNegatives, c.precision, c.recall, c.f1)
        }
        let types = CheckReport.types.map { "\(jsonString($0)):{\"strict\":\(counts(report.strict[$0]!)),\"span\":\(counts(report.spanOnly[$0]!))}" }
        let rules = report.rules.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)):{\"matches\":\($0.value.matches),\"tp\":\($0.value.truePositives)}" }
        let errors = errorItems(report).map { "{\"file\":\(jsonString($0.path)),\"line\":\($0.line),\"column\":\($0.column),\"message\":\(jsonString($0.message))}" }
        return "{\"overall\":{\"strict\":\(counts(report.overall)),\"span\":\(counts(report.overallSpanOnly))},\"types\":{\(types.joined(separator: ","))},"
            + "\"rules\":{\(rules.joined(separator: ","))},\"errors\":[\(errors.joined(separator: ","))]}"
    }
}
