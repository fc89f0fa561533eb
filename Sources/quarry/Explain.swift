import ArgumentParser
import Quarry

/// `quarry explain`: why rules did or did not fire on a text.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why rules did or did not fire on a text.",
        discussion: """
        For each document: every phase's spans (internal types included) and the matches \
        that lost a conflict, with what beat them. For each --rule: where it fired, or, \
        when it did not, how far its furthest attempts got and the steps they needed next, \
        shown in the rule files. Meant for a sentence or a short text: --rule follows \
        each attempt without the matcher's shortcuts.
        """)

    @OptionGroup var rulesOption: RulesOption

    @Option(name: .customLong("rule"), help: "A rule to explain; may be given more than once.")
    var ruleNames: [String] = []

    @Option(help: "The text to explain, instead of inputs.")
    var text: String?

    @Flag(help: "List the tokens: surface, fold key, shape, script, flags and value.")
    var tokens = false

    @Option(name: .customLong("input-format"), help: "Input format: text (whole files) or jsonl ({\"id\",\"text\"} per line).")
    var inputFormat: String = "text"

    @Argument(help: "Files, directories (every *.txt below them) or - for standard input.")
    var inputs: [String] = []

    func validate() throws {
        if text == nil && inputs.isEmpty { throw ValidationError("give a text with --text or an input to explain") }
        if text != nil && !inputs.isEmpty { throw ValidationError("give either --text or inputs, not both") }
    }

    func run() throws {
        var reader = try InputReader(formatNamed: inputFormat)
        let program = try rulesOption.compile()
        let rules = try ruleNames.map { name in
            guard let index = ruleIndex(named: name, in: program) else { throw ExitCode(2) }
            return index
        }
        let tokenizer = try Tokenizer(program: program)
        let matcher = Matcher(program: program)
        var report = ExplainReport(program: program, matcher: matcher, listsTokens: tokens)
        func explain(_ document: InputDocument) {
            for line in report.lines(for: tokenizer.document(id: document.id, text: document.text), rules: rules) {
                Console.write(line)
            }
        }
        if let text {
            explain(InputDocument(id: "text", text: text))
        } else {
            reader.forEachDocument(in: inputs, explain)
        }
        Console.flush()
        try reader.reportProblems()
    }

    /// The rule named `name`; for an unknown name, an error that lists the rules sharing its first part.
    private func ruleIndex(named name: String, in program: Program) -> Int? {
        if let index = program.rules.firstIndex(where: { $0.name == name }) { return index }
        let family = name.split(separator: ".").first.map(String.init) ?? name
        let near = program.rules.map(\.name).filter { $0.hasPrefix(family + ".") }
        Console.error("error: no rule named \(name) in the rule pack" + (near.isEmpty ? "" : "; its \(family) rules: " + near.joined(separator: ", ")))
        return nil
    }
}
