import Foundation
import XCTest
@testable import Quarry

/// Long texts are extracted in overlapping windows; the records must be the
/// ones the whole text gives.
final class SegmentationTests: XCTestCase {
    /// Every sample text, one after another.
    private func samplesText(separator: String) throws -> String {
        let folder = packageRoot.appendingPathComponent("samples")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: separator)
    }

    private func assertWindowsGiveTheWholeTextsRecords(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let program = try defaultProgram()
        let whole = try Extractor(program: program, segmentation: Segmentation(coreLength: 1 << 30, overlap: 0))
        let windowed = try Extractor(program: program, segmentation: Segmentation(coreLength: 3000, overlap: 1500))
        let expected = whole.extract(id: "d", text: text)
        var batches = 0
        var actual: [Record] = []
        windowed.extract(id: "d", text: text) { records in
            batches += 1
            actual.append(contentsOf: records)
        }
        XCTAssertGreaterThan(expected.count, 300, file: file, line: line)
        XCTAssertGreaterThan(batches, text.unicodeScalars.count / 4000, "the text was cut into windows", file: file, line: line)
        XCTAssertEqual(actual.count, expected.count, file: file, line: line)
        for (a, e) in zip(actual, expected) where a != e {
            XCTFail("windowed \(a.type) \(a.start)-\(a.end) \"\(a.text)\" by \(a.rule), whole text \(e.type) \(e.start)-\(e.end) \"\(e.text)\" by \(e.rule)",
                    file: file, line: line)
            break
        }
    }

    func testParagraphsCutAtLineBreaks() throws {
        try assertWindowsGiveTheWholeTextsRecords(try samplesText(separator: "\n\n"))
    }

    func testOneLineCutsAtSentenceEnds() throws {
        let text = try samplesText(separator: " ").replacingOccurrences(of: "\n", with: " ")
        try assertWindowsGiveTheWholeTextsRecords(text)
    }

    func testCoresTileTheTextAndWindowsHoldTheirCores() {
        let text = String(repeating: "Word wordy, words. ", count: 500) + String(repeating: "x", count: 5000) + " Київ — місто."
        let windows = TextSegmenter(text: text, segmentation: Segmentation(coreLength: 700, overlap: 100)).windows()
        let scalars = Array(text.unicodeScalars)
        var next = 0
        for window in windows {
            XCTAssertEqual(window.core.lowerBound, next)
            XCTAssertLessThanOrEqual(window.offset, window.core.lowerBound)
            let windowScalars = Array(window.text.unicodeScalars)
            XCTAssertEqual(windowScalars, Array(scalars[window.offset..<(window.offset + windowScalars.count)]))
            XCTAssertGreaterThanOrEqual(window.offset + windowScalars.count, window.core.upperBound)
            next = window.core.upperBound
        }
        XCTAssertEqual(next, scalars.count)
        XCTAssertGreaterThan(windows.count, 15)
    }
}
