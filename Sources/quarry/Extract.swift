import ArgumentParser
import Foundation
import Quarry

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract records from text files, directories or standard input.")

    @OptionGroup var rulesOption: RulesOption

    @Option(help: "Output format: jsonl, json or tsv.")
    var format: String = "jsonl"

    @Option(name: .customLong("input-format"), help: "Input format: text (whole files) or jsonl ({\"id\",\"text\"} per line).")
    var inputFormat: String = "text"

    @Argument(help: "Files, directories (every *.txt below them) or - for standard input.")
    var inputs: [String]

    func run() throws {
        guard let outputFormat = RecordFormat(rawValue: format) else {
            throw ValidationError("unknown format \(format) (expected jsonl, json or tsv)")
        }
        guard let readerFormat = InputReader.Format(rawValue: inputFormat) else {
            throw ValidationError("unknown input format \(inputFormat) (expected text or jsonl)")
        }
        let program = try rulesOption.compile()
        let extractor = try Extractor(program: program)
        var reader = InputReader(format: readerFormat)
        var first = true
        if outputFormat == .json { Console.write("[") }
        if outputFormat == .tsv { Console.write(RecordFormat.tsvHeader) }
        reader.forEachDocument(in: inputs) { document in
            for record in extractor.extract(id: document.id, text: document.text) {
                switch outputFormat {
                case .jsonl: Console.write(RecordFormat.json(record))
                case .json:
                    Console.write((first ? "" : ",") + RecordFormat.json(record))
                    first = false
                case .tsv: Console.write(RecordFormat.tsv(record))
                }
            }
        }
        if outputFormat == .json { Console.write("]") }
        Console.flush()
        if !reader.failures.isEmpty {
            for failure in reader.failures { Console.error("error: \(failure)") }
            throw ExitCode(2)
        }
    }
}
