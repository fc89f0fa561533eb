import Foundation
import Quarry

/// The lines `quarry explain` prints for one document.
struct ExplainReport {
    let program: Program
    let matcher: Matcher
    let listsTokens: Bool
    /// The attempts shown per rule that did not match, furthest first.
    static let attemptsShown = 3
    /// Lines of the rule files, read once each, for showing rule steps.
    private var sourceLines: [String: [Substring]] = [:]

    init(program: Program, matcher: Matcher, listsTokens: Bool) {
        self.program = program
        self.matcher = matcher
        self.listsTokens = listsTokens
    }

    mutating func lines(for document: Document, rules: [Int]) -> [String] {
        func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        var out = ["document \(document.id): \(counted(document.tokens.count, "token")), \(counted(document.sentences.count, "sentence"))"]
        if listsTokens {
            out.append("tokens")
            for (index, token) in document.tokens.enumerated() { out.append("  " + describe(token, index, document)) }
        }
        let traces = matcher.trace(in: document)
        for trace in traces where !trace.made.isEmpty || !trace.lost.isEmpty {
            out.append("phase \(program.phases[trace.phase].name)")
            for span in trace.made { out.append("  made  " + describe(span, document)) }
            for loss in trace.lost { out.append("  lost  " + describe(loss, document)) }
        }
        for rule in rules { out += explain(rule: rule, document, traces) }
        return out
    }

    // MARK: - One rule

    private mutating func explain(rule: Int, _ document: Document, _ traces: [PhaseTrace]) -> [String] {
        let compiled = program.rules[rule]
        var out = ["rule \(compiled.name) (\(compiled.location)), phase \(program.phases[compiled.phase].name)"]
        let fired = traces.flatMap(\.made).filter { $0.rule == rule }
        let lost = traces.flatMap(\.lost).filter { $0.rule == rule }
        for span in fired { out.append("  fired: " + describe(span, document)) }
        for loss in lost { out.append("  matched, but " + describe(loss, document)) }
        if !fired.isEmpty || !lost.isEmpty { return out }
        // The attempts that took the most tokens first; among those, the earliest.
        let attempts = matcher.attempts(ofRule: rule, in: document, after: traces)
            .sorted { ($1.stoppedAt - $1.start, $0.start) < ($0.stoppedAt - $0.start, $1.start) }
        guard !attempts.isEmpty else {
            out.append("  did not match: no token takes its first step, which is one of")
            for location in distinct(matcher.firstSteps(ofRule: rule)) { out += note(at: location) }
            return out
        }
        out.append("  did not match; its furthest attempts:")
        for attempt in attempts.prefix(ExplainReport.attemptsShown) {
            let taken = document.text(ofTokens: attempt.start..<attempt.stoppedAt)
            let place = attempt.stoppedAt < document.tokens.count
                ? "at token \(attempt.stoppedAt) \(quoted(document.surface(of: document.tokens[attempt.stoppedAt])))"
                : "at the end of the text"
            out.append("  from token \(attempt.start): took \(quoted(taken)); \(place) it needed one of")
            for location in distinct(attempt.expected) { out += note(at: location) }
        }
        if attempts.count > ExplainReport.attemptsShown {
            out.append("  (\(attempts.count - ExplainReport.attemptsShown) shorter attempts not shown)")
        }
        return out
    }

    /// The rule-file line at `location` with a caret, indented under its attempt.
    private mutating func note(at location: SourceLocation) -> [String] {
        let text = lineText(at: location)
        return Diagnostic(.note, "this step", at: location, lineText: text).rendered
            .split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
    }

    private mutating func lineText(at location: SourceLocation) -> String? {
        if sourceLines[location.file] == nil {
            let text = (try? String(contentsOfFile: location.file, encoding: .utf8)) ?? ""
            sourceLines[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let lines = sourceLines[location.file]!
        return location.line >= 1 && location.line <= lines.count ? String(lines[location.line - 1]) : nil
    }

    /// The locations in order, each once (steps of one alternation share a place).
    private func distinct(_ locations: [SourceLocation]) -> [SourceLocation] {
        var seen = Set<SourceLocation>()
        return locations.filter { seen.insert($0).inserted }
    }

    // MARK: - Descriptions

    private func describe(_ span: Span, _ document: Document) -> String {
        let type = program.types[span.type]
        let attributes = (span.attributes.map { "\($0.0): \($0.1)" } + ["text: \(quoted(document.text(ofTokens: span.tokens)))"])
            .joined(separator: ", ")
        return "\(type.name)(\(attributes)) tokens \(span.tokens.lowerBound)..<\(span.tokens.upperBound) by \(program.rules[span.rule].name)"
            + (type.isInternal ? " (internal)" : "")
    }

    private func describe(_ loss: LostMatch, _ document: Document) -> String {
        let rule = program.rules[loss.rule]
        let what = "\(program.types[rule.outputType].name) \(quoted(document.text(ofTokens: loss.tokens))) tokens "
            + "\(loss.tokens.lowerBound)..<\(loss.tokens.upperBound) by \(rule.name)"
        guard let winner = loss.beatenBy else { return what + ": its `at` capture took no token" }
        let winnerRule = program.rules[winner.rule]
        let why: String
        if winnerRule.priority != rule.priority {
            why = "priority \(winnerRule.priority) over \(rule.priority)"
        } else if winner.tokens.count != loss.tokens.count {
            why = "\(winner.tokens.count) tokens over \(loss.tokens.count)"
        } else {
            why = "a tie, broken by the longer whole match, then the earlier rule"
        }
        return what + ": lost to \(program.types[winner.type].name) \(quoted(document.text(ofTokens: winner.tokens))) by \(winnerRule.name) (\(why))"
    }

    private func describe(_ token: Token, _ index: Int, _ document: Document) -> String {
        var facts = ["key \(quoted(document.foldKey(of: token)))", "shape \(document.shape(of: token))", token.script.rawValue]
        let flags: [(Bool, String)] = [(token.isCapitalized, "cap"), (token.isUpperCase, "upper"), (token.isLowerCase, "lower"),
                                       (token.isSentenceStart, "sentence_start"), (token.isLineStart, "line_start"), (token.spaceBefore, "space_before")]
        facts += flags.filter(\.0).map(\.1)
        if let value = token.numericValue { facts.append("value \(AttributeValue.number(value))") }
        return "\(index)  \(quoted(document.surface(of: token)))  " + facts.joined(separator: ", ")
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
