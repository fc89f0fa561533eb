import XCTest
@testable import Quarry

/// What `quarry explain` is built on: each phase's spans and lost matches
/// (`Matcher.trace`), and how far a rule's attempts get (`Matcher.attempts`).
final class ExplainTests: XCTestCase {
    private func document(_ program: Program, _ text: String) throws -> Document {
        try Tokenizer(keys: program.keys).document(id: "t", text: text)
    }

    func testTraceNamesTheSpanThatBeatALostMatch() throws {
        let program = try compile("""
        rule short "b" => X
        rule long "a" "b" => Y
        rule empty "c" e:"d"? => Z at e
        """)
        let document = try document(program, "a b c")
        let traces = Matcher(program: program).trace(in: document)
        XCTAssertEqual(traces.count, 1)
        let trace = traces[0]
        XCTAssertEqual(trace.made.map { program.rules[$0.rule].name }, ["long"])
        let lost = trace.lost.map { (program.rules[$0.rule].name, $0.tokens, $0.beatenBy.map { program.rules[$0.rule].name }) }
        XCTAssertEqual(lost.count, 2, "\(lost)")
        XCTAssertEqual(lost[0].0, "short")
        XCTAssertEqual(lost[0].1, 1..<2)
        XCTAssertEqual(lost[0].2, "long")
        // A match whose `at` capture took nothing reports nothing, and nothing beat it.
        XCTAssertEqual(lost[1].0, "empty")
        XCTAssertEqual(lost[1].1, 2..<3)
        XCTAssertNil(lost[1].2)
    }

    func testAttemptStopsAtTheTokenItsNextStepRefused() throws {
        let program = try compile("""
        rule abc "a" "b"
          "c" => X
        """)
        let matcher = Matcher(program: program)
        let attempts = matcher.attempts(ofRule: 0, in: try document(program, "x a b d a"), after: [])
        XCTAssertEqual(attempts.map(\.start), [1, 4])
        XCTAssertEqual(attempts[0].stoppedAt, 3)
        XCTAssertFalse(attempts[0].matched)
        XCTAssertEqual(attempts[0].expected, [SourceLocation(file: "<rules>", line: 2, column: 3)])
        // The text ended while "b" waited.
        XCTAssertEqual(attempts[1].stoppedAt, 5)
        XCTAssertEqual(attempts[1].expected, [SourceLocation(file: "<rules>", line: 1, column: 14)])
        XCTAssertEqual(matcher.firstSteps(ofRule: 0), [SourceLocation(file: "<rules>", line: 1, column: 10)])
    }

    func testAttemptsTakeLexiconEntriesAndSpansOfEarlierPhases() throws {
        let program = try compile("""
        phase first
        rule number n:[number] => N
        phase second
        lexicon Harm = { "were killed", "were hurt" }
        rule harm N "people" Harm "today" => H
        """)
        let matcher = Matcher(program: program)
        let document = try document(program, "Four people were killed yesterday")
        let traces = matcher.trace(in: document)
        let earlier = traces.filter { $0.phase == 0 }.flatMap(\.made)
        XCTAssertEqual(earlier.map(\.tokens), [0..<1])
        let attempts = matcher.attempts(ofRule: 1, in: document, after: traces)
        XCTAssertEqual(attempts.count, 1)
        XCTAssertEqual(attempts[0].start, 0)
        XCTAssertEqual(attempts[0].stoppedAt, 4, "the number span, the literal and the two-token entry were taken")
        XCTAssertEqual(attempts[0].expected.map(\.column), [27], "\"today\"")
    }

    /// Whether an attempt matched agrees with the backtracking reference of
    /// `DifferentialTests`, on random rules and texts.
    func testAttemptsMatchWhereTheReferenceMatches() throws {
        var rng = DifferentialTests.Generator(state: 20261202)
        for _ in 0..<300 {
            let pattern = DifferentialTests.randomPattern(3, &rng)
            let program = try compile("rule r \(pattern.source) => X")
            let matcher = Matcher(program: program)
            for _ in 0..<4 {
                let tokens = (0..<Int.random(in: 0...7, using: &rng)).map { _ in ["a", "b", "c"].randomElement(using: &rng)! }
                let attempts = matcher.attempts(ofRule: 0, in: try document(program, tokens.joined(separator: " ")), after: [])
                for start in tokens.indices {
                    let matches = pattern.ends(tokens, from: start).contains { $0 > start }
                    let attempt = attempts.first { $0.start == start }
                    XCTAssertEqual(attempt?.matched ?? false, matches, "\(pattern.source) on \(tokens) from \(start)")
                }
            }
        }
    }
}
