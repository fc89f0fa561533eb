import ArgumentParser
import Foundation
import Quarry

/// `quarry profile`: which rules the matcher looks at most over some inputs,
/// so that a rule author finds the rules that cost the most time.
struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show which rules cost the matcher the most over the inputs.",
        discussion: """
        A rule is looked at wherever its first step can take the token, at some 150 \
        instructions each time whether it then starts or not; it is started where its \
        required words are within reach and the next token can take its second step. \
        Rules opening with a broad test (any word, an optional word) are looked at \
        nearly everywhere and come first here. Columns: looked at (and per 1,000 \
        tokens), started, spans made.
        """)

    @OptionGroup var rulesOption: RulesOption

    @OptionGroup var input: InputOptions

    @Option(help: "How many rules to list, the most looked at first.")
    var top: Int = 20

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top takes a number of at least 1") }
    }

    func run() throws {
        var reader = try input.reader()
        let program = try rulesOption.compile()
        let tokenizer = try Tokenizer(program: program)
        let matcher = Matcher(program: program)
        var counts = RuleStartCounts(ruleCount: program.rules.count)
        var documents = 0, bytes = 0
        reader.forEachDocument(in: input.inputs) { document in
            matcher.countRuleStarts(in: tokenizer.document(id: document.id, text: document.text), into: &counts)
            documents += 1
            bytes += document.text.utf8.count
        }
        for line in Profile.table(counts, program: program, documents: documents, bytes: bytes, top: top) { Console.write(line) }
        Console.flush()
        try reader.reportProblems()
    }

    static func table(_ counts: RuleStartCounts, program: Program, documents: Int, bytes: Int, top: Int) -> [String] {
        let perThousand = { (count: Int) in String(format: "%.1f", Double(count) * 1000 / Double(max(counts.tokens, 1))) }
        let order = program.rules.indices.sorted { (counts.lookedAt[$1], $0) < (counts.lookedAt[$0], $1) }.prefix(top)
        let nameWidth = max(4, order.map { program.rules[$0].name.count }.max() ?? 0) + 2
        let phaseWidth = max(5, program.phases.map(\.name.count).max() ?? 0) + 2
        var lines = ["\(documents) documents, \(counts.tokens) tokens, " + String(format: "%.2f MB", Double(bytes) / 1e6),
                     "rule".padded(to: nameWidth) + "phase".padded(to: phaseWidth)
                        + "looked at".padded(to: 11) + "per 1,000".padded(to: 11) + "started".padded(to: 10) + "made"]
        for rule in order {
            lines.append(program.rules[rule].name.padded(to: nameWidth) + program.phases[program.rules[rule].phase].name.padded(to: phaseWidth)
                         + "\(counts.lookedAt[rule])".padded(to: 11) + perThousand(counts.lookedAt[rule]).padded(to: 11)
                         + "\(counts.started[rule])".padded(to: 10) + "\(counts.made[rule])")
        }
        let looked = counts.lookedAt.reduce(0, +), started = counts.started.reduce(0, +)
        lines.append("all rules: looked at \(looked) (\(perThousand(looked)) per 1,000 tokens), started \(started)")
        return lines
    }
}
