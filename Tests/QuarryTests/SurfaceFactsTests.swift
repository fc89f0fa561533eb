import XCTest
@testable import Quarry

/// A test's required facts (`TokenPredicate.requiredFacts`) let the matcher
/// fail a token without running the test, so they must never be wrong.
final class SurfaceFactsTests: XCTestCase {
    func testRequiredFactsOfCombinedTests() {
        let cap = TokenPredicate.builtin(.cap), upper = TokenPredicate.builtin(.upper), digits = TokenPredicate.builtin(.digits)
        XCTAssertEqual(TokenPredicate.and([cap, .script(.cyrillic)]).requiredFacts, SurfaceFacts(.capitalized).union(.script(.cyrillic)))
        XCTAssertEqual(TokenPredicate.and([upper, digits]).requiredFacts, SurfaceFacts([.upperCase, .digits]))
        // "or": only what every side requires.
        XCTAssertEqual(TokenPredicate.or([cap, .and([upper, digits])]).requiredFacts, [])
        XCTAssertEqual(TokenPredicate.or([.and([cap, .builtin(.word)]), .and([cap, .builtin(.number)])]).requiredFacts, SurfaceFacts(.capitalized))
        // "not", positions and the tests' own work require nothing.
        XCTAssertEqual(TokenPredicate.not(cap).requiredFacts, [])
        XCTAssertEqual(TokenPredicate.builtin(.sentenceStart).requiredFacts, [])
        XCTAssertEqual(TokenPredicate.literalKey(3).requiredFacts, [])
        XCTAssertEqual(TokenPredicate.numeric(feature: .value, op: ">=", value: 3).requiredFacts, .number)
        XCTAssertEqual(TokenPredicate.numeric(feature: .length, op: "<", value: 3).requiredFacts, [])
    }

    /// Every token that passes a test of the default pack has the facts the test requires.
    func testNoTokenPassingATestLacksItsFacts() throws {
        let program = try defaultProgram()
        let tokenizer = try Tokenizer(program: program)
        let text = """
            KYIV, Ukraine (AP) — Russian drones killed 3 people in Kharkiv on Dec. 1, Governor Oleh Syniehubov said.
            «Ворог атакував Харків», — написав Синєгубов. Погибли 12 человек, 1 200 ранены; С-300 и Х-101.
            "We need more Patriots," Zelensky said. Two men, 56 and 61, were wounded; F-16s and HIMARS-1.
            """
        let document = tokenizer.document(id: "t", text: text)
        var checked = 0
        for token in document.tokens {
            let facts = SurfaceFacts.of(token)
            for (index, predicate) in program.predicates.enumerated() where program.passes(index, token, text: document.words[token.form]) {
                XCTAssertTrue(predicate.requiredFacts.isSubset(of: facts), "\(predicate) passed \(document.surface(of: token))")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1_000)
    }
}
