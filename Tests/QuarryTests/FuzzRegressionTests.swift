import FuzzEntries
import Quarry
import Foundation
import XCTest

/// Replays the fuzz seed corpus and every input a fuzzer once crashed on
/// (Tests/FuzzCorpus/crashes/TARGET/) through the code the fuzz targets run.
/// A regression shows as a crash of this test.
final class FuzzRegressionTests: XCTestCase {
    private let corpus = packageRoot.appendingPathComponent("Tests/FuzzCorpus")

    private func inputs(_ folders: String...) throws -> [[UInt8]] {
        try folders.flatMap { folder -> [[UInt8]] in
            let directory = corpus.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return try names.sorted().map { try XCTUnwrap(readBytes(atPath: directory.appendingPathComponent($0).path)) }
        }
    }

    func testRuleInputs() throws {
        let all = try inputs("rules", "crashes/rules")
        XCTAssertGreaterThan(all.count, 5)
        all.forEach(FuzzEntries.compileRules)
    }

    func testTextInputs() throws {
        let all = try inputs("text", "crashes/text")
        XCTAssertGreaterThan(all.count, 5)
        all.forEach(FuzzEntries.extract)
    }

    func testGoldInputs() throws {
        let all = try inputs("gold", "crashes/gold")
        XCTAssertGreaterThan(all.count, 2)
        all.forEach(FuzzEntries.readGold)
    }
}
