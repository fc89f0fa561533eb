import ArgumentParser
import Foundation
import Quarry

/// One text to extract from.
struct InputDocument {
    var id: String
    var text: String
}

/// Expands the command line's inputs into documents: files, directories
/// (every *.txt below, sorted), `-` for standard input; plain text or JSONL.
///
/// Bad input never stops the run: bytes are decoded by `TextDecoder` (binary
/// files are skipped with a warning); unreadable paths are failures, listed
/// at the end.
struct InputReader {
    enum Format: String, CaseIterable { case text, jsonl }

    var format: Format
    private(set) var failures: [String] = []
    private(set) var warnings: [String] = []

    init(format: Format) { self.format = format }

    /// A reader for the `--input-format` name given; an unknown name is a usage error.
    init(formatNamed name: String) throws {
        guard let format = Format(rawValue: name) else {
            throw ValidationError("unknown input format \(name) (expected text or jsonl)")
        }
        self.init(format: format)
    }

    /// Prints the warnings and failures gathered, after all output; exits 2 if any input failed.
    func reportProblems() throws {
        for warning in warnings { Console.error("warning: \(warning)") }
        guard failures.isEmpty else {
            for failure in failures { Console.error("error: \(failure)") }
            throw ExitCode(2)
        }
    }

    /// Calls `body` with each document in order.
    mutating func forEachDocument(in inputs: [String], _ body: (InputDocument) -> Void) {
        for input in inputs {
            if input == "-" {
                let data = readBytes(atPath: "/dev/stdin") ?? []
                read(data, name: "stdin", path: "<stdin>", body)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                failures.append("\(input): no such file or directory")
                continue
            }
            let files: [String]
            if isDirectory.boolValue {
                guard let listed = textFiles(under: input) else {
                    failures.append("\(input): cannot read the directory")
                    continue
                }
                files = listed
            } else {
                files = [input]
            }
            for file in files {
                guard let data = readBytes(atPath: file) else {
                    failures.append("\(file): cannot read")
                    continue
                }
                let name = (file as NSString).lastPathComponent
                read(data, name: name.hasSuffix(".txt") ? String(name.dropLast(4)) : name, path: file, body)
            }
        }
    }

    private func textFiles(under directory: String) -> [String]? {
        guard let files = filesBelow(directory, withSuffix: format == .jsonl ? ".jsonl" : ".txt") else { return nil }
        return files.map { (directory as NSString).appendingPathComponent($0) }
    }

    private mutating func read(_ data: [UInt8], name: String, path: String, _ body: (InputDocument) -> Void) {
        guard let text = decode(data, path: path) else { return }
        switch format {
        case .text:
            body(InputDocument(id: name, text: text))
        case .jsonl:
            for (index, line) in SourceFile(path: path, text: text).lines.enumerated() where !line.isSpacesOnly {
                guard let parsed = JSONLDocument(line: line) else {
                    failures.append("\(path):\(index + 1): expected a JSON object with a string \"text\"")
                    continue
                }
                body(InputDocument(id: parsed.id ?? "\(name):\(index + 1)", text: parsed.text))
            }
        }
    }

    /// UTF-8 text with replacement of invalid bytes, or nil for a binary file.
    private mutating func decode(_ data: [UInt8], path: String) -> String? {
        switch TextDecoder.decode(data) {
        case let .binary(reason):
            warnings.append("\(path): skipped: \(reason)")
            return nil
        case let .text(text, warning):
            if let warning { warnings.append("\(path): \(warning)") }
            return text
        }
    }
}
