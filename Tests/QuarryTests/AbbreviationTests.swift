import XCTest
@testable import Quarry

final class AbbreviationTests: XCTestCase {
    private let pack = """
        lexicon SentenceAbbreviations = { "U.S.", "Mr.", "с." }
        rule r [sentence_start & cap] => Start
        """

    /// The sentences of `text`, as the tokens' sentence numbers group them.
    private func sentences(_ text: String, _ tokenizer: Tokenizer) -> [String] {
        let document = tokenizer.document(id: "t", text: text)
        return document.sentences.map { range in
            document.tokens[range].map { document.words[$0.form].surface }.joined(separator: " ")
        }
    }

    /// ICU ends a sentence at a full stop before a capital; after a listed
    /// abbreviation, on the same line, the sentence goes on.
    func testNoSentenceEndsAfterAListedAbbreviation() throws {
        let program = try compile(pack)
        let text = "Zelensky thanked U.S. President Biden. Mr. Peskov spoke. Удар по с. Новая Таволжанка. Aid from the U.S.\nNext."
        XCTAssertEqual(sentences(text, try Tokenizer(program: program)), [
            "Zelensky thanked U.S . President Biden .", "Mr . Peskov spoke .", "Удар по с . Новая Таволжанка .",
            "Aid from the U.S .", "Next ."
        ])
        // Without the lexicon, ICU's boundaries.
        XCTAssertEqual(sentences(text, try Tokenizer()).count, 8)
        // A word that only ends like one ("BUS." is not "U.S.") still ends its sentence.
        XCTAssertEqual(sentences("He took the BUS. Then he left.", try Tokenizer(program: program)).count, 2)
        let extractor = try Extractor(program: program)
        XCTAssertEqual(extractor.extract(id: "t", text: "Zelensky met U.S. President Biden.").map(\.text), ["Zelensky"])
    }

    func testAnAbbreviationMustEndWithItsFullStop() {
        let found = diagnostics("lexicon SentenceAbbreviations = { \"U.S.\", \"Mr\", \"e. g.\" }\nrule r \"a\" => A")
        XCTAssertEqual(found.map(\.message), [
            "SentenceAbbreviations lists abbreviations that end with a full stop and hold no space, not 'Mr'",
            "SentenceAbbreviations lists abbreviations that end with a full stop and hold no space, not 'e. g.'"
        ])
        XCTAssertEqual(found.first?.location?.line, 1)
    }
}
