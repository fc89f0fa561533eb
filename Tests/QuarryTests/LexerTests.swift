import XCTest
@testable import Quarry

/// The rule files' lexer, which reads bytes: what it makes of text at the
/// edges (escapes at the end of a file, line ends, characters past ASCII)
/// and where its diagnostics point, in characters.
final class LexerTests: XCTestCase {
    private func lexemes(_ text: String) -> (kinds: [Lexeme.Kind], diagnostics: [String]) {
        var lexer = Lexer(file: SourceFile(path: "<rules>", text: text))
        let all = lexer.all()
        return (all.map(\.kind), lexer.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.message)" })
    }

    func testStringsWithEscapes() {
        let (kinds, found) = lexemes(#"x "a\"b\\c\n\t\u{41}\u{416}é" y"#)
        XCTAssertEqual(kinds, [.identifier("x"), .string("a\"b\\c\n\tAЖé"), .identifier("y"), .end])
        XCTAssertEqual(found, [])
    }

    func testAnEscapeCutOffByTheEndOfTheFileIsAnError() {
        // These had read past the end of the text and crashed.
        XCTAssertEqual(lexemes(#"rule a "\u{41"#).diagnostics, ["1:8 unterminated string"])
        XCTAssertEqual(lexemes(#"rule a "\u"#).diagnostics, ["1:11 invalid \\u{…} escape", "1:8 unterminated string"])
        XCTAssertEqual(lexemes(#"rule a "\"#).diagnostics, ["1:8 unterminated string"])
        XCTAssertEqual(lexemes("\"\\u{zz}\" \"\\u{41\n\"").diagnostics,
                       ["1:7 invalid \\u{…} escape", "1:10 unterminated string", "2:1 unterminated string"])
    }

    func testLineEndsEndStringsAndRegularExpressionsAlsoInCRLFFiles() {
        let (kinds, found) = lexemes("a /b\r\nc \"d\r\ne /f/i\r\n")
        XCTAssertEqual(kinds, [.identifier("a"), .regex("b\r", caseInsensitive: false), .identifier("c"), .string("d"),
                               .identifier("e"), .regex("f", caseInsensitive: true), .end])
        XCTAssertEqual(found, ["1:3 unterminated regular expression", "2:3 unterminated string"])
    }

    func testColumnsCountCharacters() {
        // "Київ" is 8 bytes and 4 characters; "é" as e and a combining accent is one character.
        let (kinds, found) = lexemes("\"Київ\" ~ \"e\u{301}\" ~\nидентификатор-2 => 1.5 ~")
        XCTAssertEqual(found, ["1:8 unexpected character '~'", "1:14 unexpected character '~'", "2:24 unexpected character '~'"])
        XCTAssertEqual(kinds, [.string("Київ"), .string("e\u{301}"), .identifier("идентификатор-2"), .symbol("=>"), .number(1.5), .end])
    }

    func testColumnsOnLinesOfCyrillicAndPunctuation() {
        // Counted by scalars (each its own character), and the same where the
        // line also holds a mark that joins the scalar before it.
        let (kinds, found) = lexemes("\"«Київ» — так\" ~\n\"«Київ» — та\u{301}к\" ~")
        XCTAssertEqual(kinds, [.string("«Київ» — так"), .string("«Київ» — та\u{301}к"), .end])
        XCTAssertEqual(found, ["1:16 unexpected character '~'", "2:16 unexpected character '~'"])
    }

    func testMarksBelongToTheCharacterBeforeThem() {
        // A joiner after a space is part of the space; one after a letter, of the name.
        let (kinds, found) = lexemes("a \u{200D}b c\u{301}d \u{1F600}")
        XCTAssertEqual(kinds, [.identifier("a"), .identifier("b"), .identifier("c\u{301}d"), .end])
        XCTAssertEqual(found, ["1:8 unexpected character '\u{1F600}'"])
    }
}
