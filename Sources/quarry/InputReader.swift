import Foundation
import Quarry

/// One text to extract from.
struct InputDocument {
    var id: String
    var text: String
}

/// Expands the command line's inputs into documents: files, directories
/// (every *.txt below, sorted), `-` for standard input; plain text or JSONL.
/// Problems are collected, not thrown, so that the other inputs still run.
struct InputReader {
    enum Format: String, CaseIterable { case text, jsonl }

    var format: Format
    private(set) var failures: [String] = []

    init(format: Format) { self.format = format }

    /// Calls `body` with each document in order.
    mutating func forEachDocument(in inputs: [String], _ body: (InputDocument) -> Void) {
        for input in inputs {
            if input == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                read(data, name: "stdin", path: "<stdin>", body)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                failures.append("\(input): no such file or directory")
                continue
            }
            let files = isDirectory.boolValue ? textFiles(under: input) : [input]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    failures.append("\(file): cannot read")
                    continue
                }
                let name = (file as NSString).lastPathComponent
                read(data, name: name.hasSuffix(".txt") ? String(name.dropLast(4)) : name, path: file, body)
            }
        }
    }

    private func textFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        let wanted = format == .jsonl ? ".jsonl" : ".txt"
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(wanted) }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    private mutating func read(_ data: Data, name: String, path: String, _ body: (InputDocument) -> Void) {
        guard var text = String(data: data, encoding: .utf8) else {
            failures.append("\(path): not valid UTF-8")
            return
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        switch format {
        case .text:
            body(InputDocument(id: name, text: text))
        case .jsonl:
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let body_ = object["text"] as? String else {
                    failures.append("\(path):\(index + 1): expected a JSON object with a string \"text\"")
                    continue
                }
                let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? "\(name):\(index + 1)"
                body(InputDocument(id: id, text: body_))
            }
        }
    }
}
