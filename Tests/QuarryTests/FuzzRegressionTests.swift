import FuzzEntries
import Quarry
import Foundation
import XCTest

/// Replays the fuzz seeds (the rule pack, the samples' texts and the inputs
/// in Tests/FuzzCorpus) and every input a fuzzer once crashed on
/// (Tests/FuzzCorpus/crashes/TARGET/) through the code the fuzz targets run.
/// A regression shows as a crash of this test.
final class FuzzRegressionTests: XCTestCase {
    private let corpus = packageRoot.appendingPathComponent("Tests/FuzzCorpus")

    /// The files of `folders` (under Tests/FuzzCorpus, or the package root
    /// when they start with "/"), those ending in `suffix` only when given.
    private func inputs(_ folders: String..., suffix: String = "") throws -> [[UInt8]] {
        try folders.flatMap { folder -> [[UInt8]] in
            let directory = folder.hasPrefix("/") ? packageRoot.appendingPathComponent(String(folder.dropFirst()))
                                                  : corpus.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(suffix) }
            return try names.sorted().map { try XCTUnwrap(readBytes(atPath: directory.appendingPathComponent($0).path)) }
        }
    }

    func testRuleInputs() throws {
        let all = try inputs("rules", "crashes/rules") + inputs("/rules", suffix: ".qr")
        XCTAssertGreaterThan(all.count, 5)
        all.forEach(FuzzEntries.compileRules)
    }

    func testTextInputs() throws {
        let all = try inputs("crashes/text") + inputs("/samples", suffix: ".txt")
        XCTAssertGreaterThan(all.count, 5)
        all.forEach(FuzzEntries.extract)
    }

    func testGoldInputs() throws {
        let all = try inputs("gold", "crashes/gold")
        XCTAssertGreaterThan(all.count, 2)
        all.forEach(FuzzEntries.readGold)
    }
}
