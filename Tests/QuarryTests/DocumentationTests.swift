import Foundation
import XCTest
@testable import Quarry

/// Every ```quarry block of docs/rule-language.md compiles and its examples pass.
final class DocumentationTests: XCTestCase {
    func testEveryRuleLanguageExampleRuns() throws {
        let path = packageRoot.appendingPathComponent("docs/rule-language.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var blocks: [(line: Int, source: String)] = []
        var current: [String]?
        var start = 0
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line == "```quarry" { current = []; start = index + 2; continue }
            if line == "```", let body = current {
                blocks.append((start, body.joined(separator: "\n")))
                current = nil
                continue
            }
            current?.append(line)
        }
        XCTAssertGreaterThanOrEqual(blocks.count, 8)
        for block in blocks {
            switch Compiler.compile(text: block.source, path: "rule-language.md:\(block.line)") {
            case let .failure(list):
                XCTFail("block at line \(block.line) does not compile:\n\(list)")
            case let .success(program):
                XCTAssertFalse(program.examples.isEmpty, "block at line \(block.line) has no example")
                let failures = ExampleChecker(extractor: try Extractor(program: program)).failures()
                for failure in failures {
                    XCTFail("block at line \(block.line): \"\(failure.example.text)\": \(failure.problems) found \(failure.found.map(ExampleChecker.describe))")
                }
            }
        }
    }
}
