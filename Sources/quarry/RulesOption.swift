import ArgumentParser
import Foundation
import Quarry

/// `--rules PATH`, shared by the subcommands, and the default rule pack.
struct RulesOption: ParsableArguments {
    @Option(name: .long, help: "A rule file, or a directory with main.qr (default: the bundled rule pack).")
    var rules: String?

    /// The rule pack to use: --rules, else $QUARRY_RULES, else the pack of
    /// the source tree the binary was built from, else rules/ beside the binary.
    func path() throws -> String {
        if let rules { return rules }
        if let fromEnvironment = ProcessInfo.processInfo.environment["QUARRY_RULES"] { return fromEnvironment }
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules/main.qr").path
        if FileManager.default.fileExists(atPath: sourceTree) { return sourceTree }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in ["rules/main.qr", "../share/quarry/rules/main.qr"] {
            let path = executable.appendingPathComponent(candidate).path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw ValidationError("no default rule pack found; pass --rules PATH or set QUARRY_RULES")
    }

    /// Compiles the pack, printing every diagnostic; exits 1 on errors.
    func compile() throws -> Program {
        switch Compiler.compile(path: try path()) {
        case let .success(program): return program
        case let .failure(list):
            for diagnostic in list.diagnostics { Console.error(diagnostic.rendered) }
            let count = list.diagnostics.filter { $0.severity == .error }.count
            Console.error("\(count) error\(count == 1 ? "" : "s") in the rule pack")
            throw ExitCode(1)
        }
    }
}

/// Buffered standard output and unbuffered standard error.
enum Console {
    nonisolated(unsafe) private static let buffer = ByteBuffer(capacity: 1 << 17)

    static func write(_ line: String) {
        writeLine { $0.append(line) }
    }

    /// Writes the line `body` appends, as UTF-8, straight into the buffer.
    static func writeLine(_ body: (ByteBuffer) -> Void) {
        body(buffer)
        buffer.append(10)
        if buffer.count > 1 << 16 { flush() }
    }

    /// Writes the lines `body` appends, each with its line feed.
    static func writeLines(_ body: (ByteBuffer) -> Void) {
        body(buffer)
        if buffer.count > 1 << 16 { flush() }
    }

    static func flush() {
        let pointer = buffer.bytes
        var offset = 0
        while offset < pointer.count {
            let written = Foundation.write(1, pointer.baseAddress! + offset, pointer.count - offset)
            if written <= 0 { break }
            offset += written
        }
        buffer.removeAll()
    }

    static func error(_ line: String) {
        FileHandle.standardError.write((line + "\n").data(using: .utf8)!)
    }
}
