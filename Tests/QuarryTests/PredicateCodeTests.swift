import Foundation
import XCTest
@testable import Quarry

/// The flat form of token tests (`PredicateCode`) must answer as the tests
/// read: terms nested in any depth, `and` and `or` stopping early, and each
/// kind of leaf.
final class PredicateCodeTests: XCTestCase {
    func testNestedTestsAndEveryLeafKind() throws {
        let program = try compile("rule r \"kyiv\" => X")
        let document = try Tokenizer(keys: program.keys).document(id: "t", text: "Kyiv 1999 ab КИЇВ , seven")
        XCTAssertEqual(document.tokens.map { document.surface(of: $0) }, ["Kyiv", "1999", "ab", "КИЇВ", ",", "seven"])
        let cyrillicK = try XCTUnwrap(TokenRegex(pattern: "^(?:К.*)$", caseInsensitive: false))
        let kyivShape = document.words[document.tokens[0].form].shape
        let tests: [(TokenPredicate, [Bool])] = [
            (.and([.builtin(.cap), .not(.builtin(.upper)), .or([.script(.latin), .regex(cyrillicK)])]),
             [true, false, false, false, false, false]),
            (.or([.builtin(.upper), .regex(cyrillicK)]), [false, false, false, true, false, false]),
            (.not(.or([.builtin(.number), .builtin(.punct)])), [true, false, true, true, false, false]),
            (.or([.and([.numeric(feature: .value, op: ">=", value: 1900), .numeric(feature: .value, op: "<=", value: 2100)]),
                  .literal(foldKey: "ab")]), [false, true, true, false, false, false]),
            (.and([.numeric(feature: .length, op: "<", value: 3), .builtin(.word)]), [false, false, true, false, false, false]),
            (.numeric(feature: .value, op: "!=", value: 7), [false, true, false, false, false, false]),
            (.shape(kyivShape), [true, false, false, false, false, false]),
            (.literalKey(program.keys.id(of: "kyiv")), [true, false, false, false, false, false]),
            // An empty `and` holds for every token and an empty `or` for none, as `allSatisfy` and `contains` do.
            (.and([]), [true, true, true, true, true, true]),
            (.or([]), [false, false, false, false, false, false]),
            // A test after a nested one starts where the nested one's terms end.
            (.and([.not(.and([.builtin(.digits), .builtin(.number)])), .builtin(.alpha)]), [true, false, true, true, false, true]),
        ]
        let code = PredicateCode(tests.map(\.0))
        for (index, (test, expected)) in tests.enumerated() {
            let answers = document.tokens.map {
                code.passes(index, $0, text: document.words[$0.form], lexicons: program.lexicons, keys: program.keys)
            }
            XCTAssertEqual(answers, expected, "\(test)")
        }
    }

    /// A token's regular expression matches the whole surface, ignores case
    /// when asked, and answers alike on threads sharing it.
    func testRegularExpressionsMatchWholeTokensOnAnyThread() throws {
        let killed = try XCTUnwrap(TokenRegex(pattern: "^(?:(kill|killed))$", caseInsensitive: false))
        let cyrillic = try XCTUnwrap(TokenRegex(pattern: "^(?:(обласн|міськ)\\p{L}{1,3})$", caseInsensitive: true))
        XCTAssertNil(TokenRegex(pattern: "^(?:(a)$", caseInsensitive: false))
        XCTAssertTrue(try XCTUnwrap(TokenRegex(pattern: "^(?:.*)$", caseInsensitive: false)).matchesWhole(""))
        let words = ["killed", "kill", "skilled", "Killed", "обласної", "Міської", "міськрада", ""]
        // Case counts for the first; the second ignores it and takes at most three letters after the stem.
        let expected = [true, true, false, false, false, false, false, false] + [false, false, false, false, true, true, false, false]
        func answers() -> [Bool] { words.map(killed.matchesWhole) + words.map(cyrillic.matchesWhole) }
        XCTAssertEqual(answers(), expected)
        let results = NSLock()
        var disagreements = 0
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            let mismatch = answers() != expected
            results.withLock { if mismatch { disagreements += 1 } }
        }
        XCTAssertEqual(disagreements, 0)
    }
}
