import Quarry
import XCTest

/// What `quarry profile` reports: how often each rule was looked at, started and made a span.
final class RuleStartCountsTests: XCTestCase {
    /// A rule opening with a broad test is looked at at every token that
    /// test takes and started only where its second step can follow; a rule
    /// opening with a literal is looked at only at that word.
    func testABroadFirstStepIsLookedAtEverywhereAndStartedWhereTheNextTokenAllows() throws {
        let program = try compile("""
            rule broad [alpha] "x" => A
            rule narrow "x" "y" => B
            """)
        let document = try Tokenizer(keys: program.keys).document(id: "t", text: "a x . x y")
        var counts = RuleStartCounts(ruleCount: program.rules.count)
        let matcher = Matcher(program: program)
        matcher.countRuleStarts(in: document, into: &counts)
        let broad = program.rules.firstIndex { $0.name == "broad" }!, narrow = program.rules.firstIndex { $0.name == "narrow" }!
        XCTAssertEqual(counts.tokens, 5)
        XCTAssertEqual([counts.lookedAt[broad], counts.started[broad], counts.made[broad]], [4, 1, 1])
        XCTAssertEqual([counts.lookedAt[narrow], counts.started[narrow], counts.made[narrow]], [2, 1, 1])
        // Counting adds up over documents and leaves the matcher making what it made.
        matcher.countRuleStarts(in: document, into: &counts)
        XCTAssertEqual(counts.lookedAt[broad], 8)
        XCTAssertEqual(matcher.spans(in: document).map(\.tokens), Matcher(program: program).spans(in: document).map(\.tokens))
        XCTAssertEqual(matcher.spans(in: document).map(\.tokens), [0..<2, 3..<5])
    }

    /// A rule whose required word is missing is looked at but never started.
    func testARuleWhoseRequiredWordIsAbsentIsNotStarted() throws {
        let program = try compile("rule r [alpha] [alpha]{0,3} \"killed\" => A")
        let document = try Tokenizer(keys: program.keys).document(id: "t", text: "two people were hurt")
        var counts = RuleStartCounts(ruleCount: program.rules.count)
        Matcher(program: program).countRuleStarts(in: document, into: &counts)
        XCTAssertEqual([counts.lookedAt[0], counts.started[0], counts.made[0]], [4, 0, 0])
    }
}
