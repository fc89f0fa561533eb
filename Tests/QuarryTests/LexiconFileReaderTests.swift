import XCTest
@testable import Quarry

/// The lexicon file format as the byte-level reader reads it: what each
/// entry keeps, which lines are skipped, and where errors point.
final class LexiconFileReaderTests: XCTestCase {
    private func read(_ text: String) -> LexiconFileReader {
        var reader = LexiconFileReader(path: "l.tsv", text: text)
        reader.read()
        return reader
    }

    private func summary(_ entry: LexiconEntry) -> String {
        "\(entry.phrase)|\(entry.value)|" + entry.attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "@\(entry.location.line)"
    }

    func testEntriesKeepPhraseValueAndAttributes() {
        let reader = read("# comment\nKyiv\tKyiv\tkind=city;country=UA\r\n \t\n\u{00A0}Київ\u{3000}\t\tkind=city\tcountry = UA ; \n"
                          + "\u{2009}\t\nKharkiv\tKharkiv\tkind=city;country=UA\nOdesa")
        XCTAssertEqual(reader.diagnostics.map(\.message), [])
        XCTAssertEqual(reader.entries.map(summary), [
            "Kyiv|Kyiv|kind=city,country=UA@2",
            // The value defaults to the phrase, which loses other space separators at its ends.
            "Київ|Київ|kind=city,country=UA@4",
            "Kharkiv|Kharkiv|kind=city,country=UA@6",
            "Odesa|Odesa|@7",
        ])
    }

    func testBadPairsAreReportedOnEveryLineWithTheirColumn() {
        let reader = read("a\tb\tk=\nc\tд\tk=v;=v\nc\tд\tk=v;=v\n\tempty\ne\tf\tk=v\tnone\n")
        XCTAssertEqual(reader.diagnostics.map(\.message), [
            "expected key=value in column 3 or later, found 'k='",
            "expected key=value in column 3 or later, found '=v'",
            "expected key=value in column 3 or later, found '=v'",
            "lexicon entry has an empty phrase",
            "expected key=value in column 3 or later, found 'none'",
        ])
        XCTAssertEqual(reader.diagnostics.map { "\($0.location!.line):\($0.location!.column)" }, ["1:5", "2:5", "3:5", "4:1", "5:9"])
        XCTAssertEqual(reader.diagnostics[1].lineText, "c\tд\tk=v;=v")
        // The good pairs of a bad field stay, and each entry is kept.
        XCTAssertEqual(reader.entries.map(summary), ["a|b|@1", "c|д|k=v@2", "c|д|k=v@3", "e|f|k=v@5"])
    }
}
