import Foundation
import XCTest
@testable import Quarry

/// JSONL input lines of strings and integers are read without Foundation;
/// what they give must be what `JSONSerialization` gives, line for line.
final class FlatJSONObjectTests: XCTestCase {
    /// The id and text as read through `JSONSerialization` alone.
    private func reference(_ line: String) -> [String?]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let text = object["text"] as? String else { return nil }
        return [(object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue, text]
    }

    private func read(_ line: String) -> [String?]? {
        JSONLDocument(line: Substring(line)).map { [$0.id, $0.text] }
    }

    /// (Strings long enough that the reader skips plain bytes eight at a time.)
    func testRandomFlatObjectsReadAsJSONSerializationReadsThem() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces: [String] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{7F}", "é", "Київ", "😀", "\u{FFFF}", "\r", "\u{2028}"]
        func randomString() -> String {
            (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        /// A string literal with every character escaped as `\uXXXX` (pairs for astral ones), or plainly.
        func literal(_ text: String, escapingAll: Bool) throws -> String {
            guard escapingAll else { return String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description }
            return "\"" + text.utf16.map { String(format: "\\u%04x", $0) }.joined() + "\""
        }
        var flatLines = 0
        for round in 0..<2000 {
            var fields: [String] = []
            let escapingAll = round % 3 == 0
            fields.append("\"text\": " + (try literal(randomString(), escapingAll: escapingAll)))
            switch round % 4 {
            case 0: fields.append("\"id\": " + (try literal(randomString(), escapingAll: escapingAll)))
            case 1: fields.append("\"id\": \(Int.random(in: -1_000_000...1_000_000, using: &generator))")
            case 2: fields.append("\"source\": " + (try literal(randomString(), escapingAll: false)))
            default: break
            }
            fields.shuffle(using: &generator)
            let line = " {" + fields.joined(separator: round % 2 == 0 ? "," : " , ") + "} "
            if FlatJSONObject.parse(Substring(line)) != nil { flatLines += 1 }
            XCTAssertEqual(read(line), reference(line), line)
        }
        // Every line above is flat: the fast reader took them all.
        XCTAssertEqual(flatLines, 2000)
    }

    func testOtherLinesAreLeftToJSONSerialization() {
        let lines = [
            #"{"text":"a","spans":[]}"#, #"{"text":"a","x":1.5}"#, #"{"text":"a","x":1e3}"#, #"{"text":"a","x":true}"#,
            #"{"text":"a","x":null}"#, #"{"text":"a","text":"b"}"#, #"{"text":"a"} x"#, #"{"text":"a\q"}"#,
            #"{"text":"\ud800"}"#, #"{"text":"\udc00x"}"#, #"{"text":"\ud83d\ude00"}"#, #"{"id":-0,"text":"a"}"#,
            #"{"id":007,"text":"a"}"#, #"{"id":12345678901234567890,"text":"a"}"#, "{\"text\":\"tab\there\"}",
            "{}", "[]", #"{"text":1}"#, #"{"text":"a",}"#, #"{"text" "a"}"#, #"{"text":"a""#, "", "   ",
            #"{"id":"x","text":"\u00e9\u0000\/"}"#, #"{"text":"a","nested":{"b":1}}"#, "\u{FEFF}{\"text\":\"a\"}",
        ]
        for line in lines {
            XCTAssertEqual(read(line), reference(line), line)
        }
        // Sanity: the pair reads as one emoji, the fraction through Foundation.
        XCTAssertEqual(read(#"{"text":"\ud83d\ude00"}"#)?[1], "😀")
        XCTAssertNil(FlatJSONObject.parse(#"{"text":"a","x":1.5}"#))
    }

    /// Gold readers see the whole object, whichever reader read it.
    func testObjectKeepsEveryKey() throws {
        let document = try XCTUnwrap(JSONLDocument(line: #"{"id":7,"text":"a","source":"b"}"#))
        XCTAssertEqual(document.object["source"] as? String, "b")
        XCTAssertEqual((document.object["id"] as? NSNumber)?.intValue, 7)
        XCTAssertEqual(document.id, "7")
    }
}
