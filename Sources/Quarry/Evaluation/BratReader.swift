import Foundation

/// Reads labeled samples in brat standoff (NAME.txt beside NAME.ann), as
/// ANNOTATION.md defines them, checking every span against the text.
/// Problems are diagnostics with path and line; the rest of the file is kept.
public enum BratReader {
    public static let knownTypes: Set<String> = ["Casualty", "Weapon", "Location", "Quote"]

    /// Every NAME.ann under `path` (a directory, or one .ann or .txt file), sorted.
    public static func annotationFiles(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [path] }
        if !isDirectory.boolValue {
            return [path.hasSuffix(".txt") ? String(path.dropLast(4)) + ".ann" : path]
        }
        return (filesBelow(path, withSuffix: ".ann") ?? []).map { (path as NSString).appendingPathComponent($0) }
    }

    public static func read(annotationPath: String) -> (GoldDocument?, [Diagnostic]) {
        let textPath = String(annotationPath.dropLast(4)) + ".txt"
        let text: String
        switch readText(textPath) {
        case let .failure(error): return (nil, [.error("\(error) (the text of \(annotationPath))")])
        case let .success(contents): text = contents
        }
        switch readText(annotationPath) {
        case let .failure(error): return (nil, [.error("\(error)")])
        case let .success(annotationSource):
            return parse(annotations: annotationSource, path: annotationPath, text: text, textPath: textPath)
        }
    }

    /// Parses the standoff lines of `annotations` against `text`; never traps,
    /// whatever the bytes (the gold-reader fuzz target holds it to that).
    public static func parse(annotations annotationSource: String, path annotationPath: String,
                             text: String, textPath: String) -> (GoldDocument?, [Diagnostic]) {
        let file = SourceFile(path: annotationPath, text: annotationSource)
        let scalars = [Unicode.Scalar](scalarsOf: text)
        var diagnostics: [Diagnostic] = []
        var annotations: [String: GoldAnnotation] = [:]
        var order: [String] = []
        var pendingAttributes: [(String, String, String, Int)] = []  // (target, key, value, line)

        for (index, line) in file.lines.enumerated() {
            let lineNumber = index + 1
            if line.isSpacesOnly { continue }
            let fields = SourceFile.tabFields(line)
            func fail(_ message: String) { diagnostics.append(file.error(message, line: lineNumber, column: 1)) }
            switch fields[0].first {
            case "T":
                guard fields.count >= 3 else { fail("expected 'ID<TAB>Type start end<TAB>text'"); continue }
                let head = fields[1].split(separator: " ", maxSplits: 1).map(String.init)
                guard head.count == 2 else { fail("expected a type and offsets in '\(fields[1])'"); continue }
                let numbers = head[1].split(whereSeparator: { $0 == " " || $0 == ";" }).compactMap { Int($0) }
                guard numbers.count >= 2, let start = numbers.first, let end = numbers.last, start >= 0, start < end else {
                    fail("offsets '\(head[1])' are not 'start end' with start < end"); continue
                }
                guard knownTypes.contains(head[0]) else {
                    fail("unknown type \(head[0]) (expected \(knownTypes.sorted().joined(separator: ", ")))"); continue
                }
                guard end <= scalars.count else {
                    fail("offsets \(start) \(end) are out of range: \((textPath as NSString).lastPathComponent) has \(scalars.count) code points"); continue
                }
                let slice = String(scalars: scalars[start..<end])
                if numbers.count == 2 && slice != fields[2] {
                    fail("span text \"\(fields[2])\" does not match the text at \(start)-\(end): \"\(slice)\""); continue
                }
                annotations[fields[0]] = GoldAnnotation(id: fields[0], type: head[0], start: start, end: end, text: slice,
                                                        attributes: [:], location: file.location(line: lineNumber, column: 1))
                order.append(fields[0])
            case "A":
                let parts = fields.count >= 2 ? fields[1].split(separator: " ").map(String.init) : []
                guard parts.count >= 3 else { fail("expected 'ID<TAB>Key target value'"); continue }
                pendingAttributes.append((parts[1], parts[0].lowercased(), parts[2], lineNumber))
            case "#":
                let parts = fields.count >= 3 ? fields[1].split(separator: " ").map(String.init) : []
                guard parts.count >= 2 else { fail("expected '#ID<TAB>AnnotatorNotes target<TAB>key=value; …'"); continue }
                for pair in fields[2].components(separatedBy: ";") where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
                    let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard kv.count == 2 else { fail("expected key=value in the note, found '\(pair)'"); continue }
                    pendingAttributes.append((parts[1], kv[0].lowercased(), kv[1], lineNumber))
                }
            default:
                continue  // relations and events are not scored
            }
        }
        for (target, key, value, line) in pendingAttributes {
            if annotations[target] == nil {
                diagnostics.append(file.error("attribute \(key) refers to \(target), which is not a text annotation", line: line, column: 1))
            } else {
                annotations[target]!.attributes[key] = value
            }
        }
        let id = ((textPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let sorted = order.compactMap { annotations[$0] }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        return (GoldDocument(id: id, text: text, textPath: textPath, annotations: sorted), diagnostics)
    }
}
