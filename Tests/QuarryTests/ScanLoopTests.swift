import XCTest
@testable import Quarry

/// `ScanLoops`: which loops a thread may go round without trying the way
/// out, and that doing so changes no match, capture or order.
final class ScanLoopTests: XCTestCase {
    /// The loops `ScanLoops` finds in the first phase of `rules`.
    private func loops(_ rules: String) throws -> Int {
        let program = try compile(rules)
        return ScanLoops.of(program.phases[0], predicates: program.predicates).filter { $0 >= 0 }.count
    }

    func testLoopsWhoseWayOutTheBodyRefusesAreFound() throws {
        XCTAssertEqual(try loops(#"rule r "<" q:([!">"]*) ">" => X at q"#), 1)
        XCTAssertEqual(try loops(#"rule r "<" [!(">" | "]")]{2,} (">" | "]") => X"#), 1)
        XCTAssertEqual(try loops(#"rule r "<" [!">" & alpha]* [">" & !space_before] => X"#), 1, "an and with a negated key excludes the key")
    }

    func testLoopsWhoseWayOutTheBodyMayTakeAreNot() throws {
        XCTAssertEqual(try loops(#"rule r "<" [any]* ">" => X"#), 0, "the body takes the closing mark too")
        XCTAssertEqual(try loops(#"rule r "<" [!">"]* (">" | "x") => X"#), 0, "x leaves the loop and passes the body")
        XCTAssertEqual(try loops(#"rule r "<" [!">"]* => X"#), 0, "the way out is a match at every token")
        XCTAssertEqual(try loops(#"lexicon L = { "x" } rule r "<" [!">"]* L => X"#), 0, "a lexicon's entries are not known to be refused")
        XCTAssertEqual(try loops(#"rule r "<" [!">"]* [cap] => X"#), 0, "a test of no key")
    }

    func testQuotationsAreFoundAsBefore() throws {
        let rules = #"""
            pattern Inside = [!("“" | "”" | "\"")]
            rule q "“" q:(Inside{2,}) "”" => Q at q
            """#
        XCTAssertEqual(try extract(rules, "he said “a b c” and “d e” then “f"), ["Q[a b c]", "Q[d e]"])
        XCTAssertEqual(try extract(rules, "“a “b c d” e”"), ["Q[b c d]"], "an opening mark inside ends the first loop")
        XCTAssertEqual(try extract(rules, "“a b c d e"), [], "an unclosed quotation")
    }

    /// Random rules with such loops among other steps, each run with loops
    /// scanned and step by step: the same candidates, captures and order.
    func testScanningLoopsChangesNoCandidate() throws {
        let steps = [#""a""#, #""b""#, #""x""#, "[any]", #"[!"x"]*"#, #"[!("x" | "y")]*"#, #"[!"x"]{1,}"#, #"("x" | "y")"#, #""y"?"#]
        XCTAssertEqual(try assertSameCandidates(steps: steps, seed: 20261203) { PikeVM(program: $0, scanningLoops: false) }, 2400)
    }
}
