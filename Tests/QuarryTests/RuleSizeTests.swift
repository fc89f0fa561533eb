import XCTest
@testable import Quarry

/// Very large or deeply nested rules compile in bounded time and memory, or
/// are refused with a message; none can make matching super-linear.
final class RuleSizeTests: XCTestCase {
    func testTenThousandAlternativesCompileAndMatch() throws {
        let alternatives = (0..<10_000).map { "\"w\($0)\"" }.joined(separator: " | ")
        let found = try extract("rule r (\(alternatives)) => X", "a w9999 and w17 but not w10000")
        XCTAssertEqual(found, ["X[w9999]", "X[w17]"])
    }

    func testTwoHundredNestedGroupsCompileAndMatch() throws {
        let pattern = String(repeating: "(", count: 200) + "\"a\" \"b\"?" + String(repeating: ")", count: 200)
        XCTAssertEqual(try extract("rule r \(pattern) => X", "x a b a"), ["X[a b]", "X[a]"])
        let tokenTest = "[" + String(repeating: "!(", count: 100) + "word" + String(repeating: ")", count: 100) + "]"
        XCTAssertEqual(try extract("rule r \(tokenTest) => X", "a ."), ["X[a]"])
    }

    func testDeeperNestingIsRefused() {
        let pattern = String(repeating: "(", count: 100_000) + "\"a\"" + String(repeating: ")", count: 100_000)
        XCTAssertEqual(diagnostics("rule r \(pattern) => X").first?.message, "nesting deeper than 500 levels")
        let quantifiers = "\"a\"" + String(repeating: "?", count: 100_000)
        XCTAssertEqual(diagnostics("rule r \(quantifiers) => X").first?.message, "nesting deeper than 500 levels")
        let negations = "[" + String(repeating: "!", count: 100_000) + "word]"
        XCTAssertEqual(diagnostics("rule r \(negations) => X").first?.message, "nesting deeper than 500 levels")
    }

    func testLongChainOfNamedPatternsIsRefused() {
        var rules = "pattern p0 = \"a\"\n"
        for k in 1...3000 { rules += "pattern p\(k) = p\(k - 1)\n" }
        rules += "rule r p3000 => X\n"
        XCTAssertEqual(diagnostics(rules).first?.message, "rule r nests patterns more than 1000 deep")
    }

    func testHugeRepetitionsAreRefused() {
        XCTAssertTrue(diagnostics("rule r \"a\"{0,100000} => X").first!.message.hasPrefix("repetition bound 100000 is above the limit"))
        XCTAssertEqual(diagnostics("rule r \"a\"{100000000000000000000} => X").first?.message,
                       "expected a whole number from 0 to 2147483647 in '{m,n}', found number 1e+20")
        XCTAssertEqual(diagnostics("rule r \"a\"{1.5} => X").first?.message,
                       "expected a whole number from 0 to 2147483647 in '{m,n}', found number 1.5")
        // Nested bounded repetitions multiply: refused by the instruction limit, not by running out of memory.
        XCTAssertTrue(diagnostics("rule r ((\"a\" \"b\"?){1000}){1000} => X").first!.message.hasSuffix("simplify its repetitions"))
    }

    func testDoublingPatternsHitTheInstructionLimit() {
        var rules = "pattern p0 = \"a\"?\n"
        for k in 1...40 { rules += "pattern p\(k) = p\(k - 1) p\(k - 1)\n" }
        rules += "rule r p40 => X\n"
        XCTAssertTrue(diagnostics(rules).first!.message.hasSuffix("simplify its repetitions"))
    }
}
