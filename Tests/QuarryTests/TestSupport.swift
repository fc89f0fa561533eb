import Foundation
import XCTest
@testable import Quarry

/// The folder of test fixtures (rule files, lexicons, texts).
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The package root.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Compiles rule text, failing the test with the diagnostics when it does not compile.
func compile(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Program {
    switch Compiler.compile(text: text) {
    case let .success(program): return program
    case let .failure(list):
        XCTFail("rules did not compile:\n\(list)", file: file, line: line)
        throw list
    }
}

/// The diagnostics of rule text that must not compile.
func diagnostics(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
    switch Compiler.compile(text: text) {
    case .success:
        XCTFail("rules compiled but should not", file: file, line: line)
        return []
    case let .failure(list): return list.diagnostics
    }
}

/// Records of `text` under `rules`, as (type, text, attributes) triples rendered for comparison.
func extract(_ rules: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
    let extractor = try Extractor(program: try compile(rules, file: file, line: line))
    return extractor.extract(id: "t", text: text).map { record in
        let attributes = record.attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
        return "\(record.type)[\(record.text)]" + (attributes.isEmpty ? "" : "{\(attributes)}")
    }
}

/// The default rule pack (rules/main.qr), compiled once for all tests.
func defaultProgram() throws -> Program {
    try compiledDefaultPack.get()
}

private let compiledDefaultPack: Result<Program, DiagnosticList> =
    Compiler.compile(path: packageRoot.appendingPathComponent("rules/main.qr").path)

/// The small rule pack of the end-to-end tests.
var smallRules: String { fixtures.appendingPathComponent("small.qr").path }

/// What one run of the built `quarry` binary printed and returned.
struct QuarryRun {
    var status: Int32
    var output: String
    var errors: String
}

func runQuarry(_ arguments: [String], input: String? = nil) throws -> QuarryRun {
    let binary = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("quarry")
    guard FileManager.default.fileExists(atPath: binary.path) else {
        XCTFail("quarry binary not built at \(binary.path); run swift build first")
        throw CocoaError(.fileNoSuchFile)
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let output = Pipe(), errors = Pipe(), stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(input.data(using: .utf8)!) }
    stdin.fileHandleForWriting.closeFile()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return QuarryRun(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
               errors: String(decoding: errData, as: UTF8.self))
}

