import Foundation
import XCTest
@testable import Quarry

final class RecordFormatTests: XCTestCase {
    /// Strings are escaped where JSON requires it and copied as they are
    /// elsewhere, multi-byte UTF-8 included; the line parses back to the record.
    func testJSONEscapesOnlyWhatJSONRequires() throws {
        let text = "He said \"да\" \\ then\nleft\tat\u{01}once — Київ"
        let record = Record(document: "d\"1", type: "Quote", start: 3, end: 40, text: text, rule: "q.r",
                            attributes: [("speaker", .string("O'Neil \"Jr\"")), ("count", .number(4))])
        let line = RecordFormat.json(record)
        XCTAssertEqual(line, #"{"doc":"d\"1","type":"Quote","start":3,"end":40,"text":"He said \"да\" \\ then\nleft\tat\u0001once — Київ","rule":"q.r","attrs":{"speaker":"O'Neil \"Jr\"","count":4}}"#)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["text"] as? String, text)
        XCTAssertEqual(parsed["doc"] as? String, "d\"1")
        XCTAssertEqual(jsonString(""), "\"\"")
        // Numbers are spelled as `formatNumber` spells them.
        for (start, number) in [(0, -5.0), (1_234_567, 2.5), (9, 1e20), (10, -0.0), (Int.max, 1e15 - 1)] {
            let numbered = Record(document: "d", type: "T", start: start, end: start, text: "", rule: "r",
                                  attributes: [("n", .number(number))])
            XCTAssertEqual(RecordFormat.json(numbered),
                           #"{"doc":"d","type":"T","start":\#(start),"end":\#(start),"text":"","rule":"r","attrs":{"n":\#(formatNumber(number))}}"#)
        }
        let digits = ByteBuffer(capacity: 4)
        appendDecimal(Int.min, to: digits)
        XCTAssertEqual(String(decoding: digits), String(Int.min))
        XCTAssertEqual(jsonString("\\"), #""\\""#)
    }

    /// An escape at any offset, after ASCII or two-byte letters, is found,
    /// and bytes at 0x20 and above (the edge of the control test) are not escaped.
    func testEscapesAtAnyOffset() throws {
        for special in ["\"", "\\", "\n", "\t", "\u{01}", "\u{1F}"] {
            for offset in 0..<19 {
                for filler in ["a", "ж"] {
                    let text = String(repeating: filler, count: offset) + special + String(repeating: " !#[]", count: 3)
                    let quoted = jsonString(text)
                    let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String])
                    XCTAssertEqual(parsed, [text], "\(special.unicodeScalars.first!.value) after \(offset) × \(filler)")
                    XCTAssertFalse(quoted.unicodeScalars.dropFirst().dropLast().contains { $0.value < 0x20 }, "no raw control character")
                }
            }
        }
        XCTAssertEqual(jsonString(" !#[]~ Київ"), "\" !#[]~ Київ\"")
    }
}
