import ArgumentParser

/// The inputs of the commands that read many documents: files, directories
/// or standard input, as whole texts or JSONL.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("input-format"), help: "Input format: text (whole files) or jsonl ({\"id\",\"text\"} per line).")
    var inputFormat: String = "text"

    @Argument(help: "Files, directories (every *.txt below them) or - for standard input.")
    var inputs: [String]

    func reader() throws -> InputReader { try InputReader(formatNamed: inputFormat) }
}
