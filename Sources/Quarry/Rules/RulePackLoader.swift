import Foundation

/// A rule pack as read from disk: its files in load order (every file after
/// the files it imports) and the entries of the lexicons they declare.
public struct RulePackSource: Sendable {
    public var files: [RuleFileSyntax] = []
    /// Entries of `lexicon Name from "file.tsv"`, keyed by lexicon name.
    public var lexiconFiles: [String: [LexiconEntry]] = [:]
}

/// Reads rule files, follows their imports and reads their lexicon files.
/// Every problem becomes a diagnostic; loading goes on past each one.
public struct RulePackLoader {
    public private(set) var diagnostics: [Diagnostic] = []
    private var source = RulePackSource()
    private var loaded = Set<String>()
    private var stack: [String] = []

    public init() {}

    /// Loads a rule file, or every `*.qr` file in a directory (its
    /// `main.qr` alone when it has one), with everything they import.
    public static func load(path: String) -> (RulePackSource, [Diagnostic]) {
        var loader = RulePackLoader()
        for file in entryFiles(path) { loader.loadFile(file, importedFrom: nil) }
        if loader.source.files.isEmpty && loader.diagnostics.isEmpty {
            loader.diagnostics.append(.error("no rule files (*.qr) found in \(path)"))
        }
        return (loader.source, loader.diagnostics)
    }

    /// Parses rule text that is not in a file (used by tests and examples).
    public static func load(text: String, path: String = "<rules>") -> (RulePackSource, [Diagnostic]) {
        var loader = RulePackLoader()
        loader.loadText(text, path: path, importedFrom: nil)
        return (loader.source, loader.diagnostics)
    }

    static func entryFiles(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let main = (path as NSString).appendingPathComponent("main.qr")
        if FileManager.default.fileExists(atPath: main) { return [main] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".qr") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }

    private mutating func loadFile(_ path: String, importedFrom: (SourceFile, SourceLocation)?) {
        let canonical = (path as NSString).standardizingPath
        if let cycleStart = stack.firstIndex(of: canonical) {
            let cycle = (stack[cycleStart...] + [canonical]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")
            report("import cycle: \(cycle)", importedFrom)
            return
        }
        if loaded.contains(canonical) { return }
        switch readText(canonical) {
        case let .failure(message): report("\(message)", importedFrom)
        case let .success(text): loadText(text, path: canonical, importedFrom: importedFrom)
        }
    }

    private mutating func loadText(_ text: String, path: String, importedFrom: (SourceFile, SourceLocation)?) {
        loaded.insert(path)
        stack.append(path)
        defer { stack.removeLast() }
        let file = SourceFile(path: path, text: text)
        let (syntax, errors) = Parser.parse(file)
        diagnostics += errors
        let directory = (path as NSString).deletingLastPathComponent
        for statement in syntax.statements {
            switch statement {
            case let .importFile(target, at):
                loadFile(resolve(target, in: directory), importedFrom: (file, at))
            case let .lexicon(declaration):
                if case let .file(target) = declaration.source {
                    readLexicon(name: declaration.name, path: resolve(target, in: directory), declaredIn: file, at: declaration.location)
                }
            default: break
            }
        }
        source.files.append(syntax)
    }

    private func resolve(_ target: String, in directory: String) -> String {
        target.hasPrefix("/") ? target : (directory as NSString).appendingPathComponent(target)
    }

    private mutating func report(_ message: String, _ at: (SourceFile, SourceLocation)?) {
        if let (file, location) = at {
            diagnostics.append(file.error(message, line: location.line, column: location.column))
        } else {
            diagnostics.append(.error(message))
        }
    }

    /// Reads a lexicon file (`LexiconFileReader` tells its format).
    private mutating func readLexicon(name: String, path: String, declaredIn file: SourceFile, at location: SourceLocation) {
        let text: String
        switch readText(path) {
        case let .failure(message): report("lexicon \(name): \(message)", (file, location)); return
        case let .success(contents): text = contents
        }
        var reader = LexiconFileReader(path: path, text: text)
        reader.read()
        diagnostics += reader.diagnostics
        source.lexiconFiles[name, default: []] += reader.entries
    }
}

/// Reads a file as UTF-8, with a message naming the file when it cannot.
func readText(_ path: String) -> Result<String, TextFileError> {
    guard let data = readBytes(atPath: path) else {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return .failure(TextFileError(isDirectory.boolValue ? "\(path) is a directory" : "cannot read \(path)"))
        }
        return .failure(TextFileError("cannot read \(path): no such file"))
    }
    guard let text = String(validating: data, as: UTF8.self) else {
        return .failure(TextFileError("\(path) is not valid UTF-8"))
    }
    return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
}

public struct TextFileError: Error, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (what
    /// `trimmingCharacters(in: .whitespaces)` removes, without Foundation's cost).
    var trimmedSpaces: String {
        // Most fields have nothing to trim: the string itself, not one rebuilt,
        // told from its end bytes when they are visible ASCII.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }),
              let last = scalars.lastIndex(where: { !Self.isSpace($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// True when the text holds nothing but spaces and tabs (what
    /// `trimmingCharacters(in: .whitespaces).isEmpty` says, without
    /// converting a long line to an NSString first).
    public var isSpacesOnly: Bool { unicodeScalars.allSatisfy(Self.isSpace) }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
    }
}
