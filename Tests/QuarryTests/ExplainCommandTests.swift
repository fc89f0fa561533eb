import Foundation
import XCTest

/// `quarry explain` as a rule author runs it.
final class ExplainCommandTests: XCTestCase {
    func quarry(_ arguments: [String], input: String? = nil) throws -> QuarryRun { try runQuarry(arguments, input: input) }

    func testARuleThatDidNotFireShowsHowFarItGotAndTheStepItNeeded() throws {
        let run = try quarry(["explain", "--rules", smallRules, "--rule", "casualty.subject_count", "--text", "Four people were slightly hurt."])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, """
            document text: 6 tokens, 1 sentence
            phase numbers
              made  Number(value: 4, text: "Four") tokens 0..<1 by number.words (internal)
            rule casualty.subject_count (\(smallRules):13:1), phase events
              did not match; its furthest attempts:
              from token 0: took "Four people were slightly"; at token 4 "hurt" it needed one of
                \(smallRules):14:68: note: this step
                  n:Number Persons? ("were" | "was" | "had" "been")? /[a-z]+ly/? h:Harm
                                                                                   ^

            """)
    }

    func testARuleThatFiredAndTheTokensAreListed() throws {
        let run = try quarry(["explain", "--rules", smallRules, "--rule", "casualty.subject_count", "--tokens", "-"], input: "Two people died.")
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, """
            document stdin: 4 tokens, 1 sentence
            tokens
              0  "Two"  key "two", shape Xxx, latin, cap, sentence_start, line_start, value 2
              1  "people"  key "people", shape xxxx, latin, lower, space_before
              2  "died"  key "died", shape xxxx, latin, lower, space_before
              3  "."  key ".", shape ., common
            phase numbers
              made  Number(value: 2, text: "Two") tokens 0..<1 by number.words (internal)
            phase events
              made  Casualty(outcome: killed, count: 2, text: "Two people died") tokens 0..<3 by casualty.subject_count
            rule casualty.subject_count (\(smallRules):13:1), phase events
              fired: Casualty(outcome: killed, count: 2, text: "Two people died") tokens 0..<3 by casualty.subject_count

            """)
    }

    /// With the default pack: a match that lost its conflict names the winner.
    func testALostMatchNamesWhatBeatIt() throws {
        let run = try quarry(["explain", "--rule", "quote.straight", "--text", "“The front line is holding firm,” said Zelensky."])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("""
              matched, but QuotedText "The front line is holding firm," tokens 1..<8 by quote.straight: lost to QuotedText \
            "The front line is holding firm," by quote.curly (a tie, broken by the longer whole match, then the earlier rule)
            """), run.output)
        XCTAssertTrue(run.output.contains("made  Quote(speaker: Zelensky, text: \"The front line is holding firm,\") tokens 1..<8 by quote.then_person"),
                      run.output)
    }

    /// `quarry profile` lists the rules the matcher looked at most.
    func testProfileListsTheRulesLookedAtMost() throws {
        let run = try quarry(["profile", "--rules", smallRules, "--top", "2", "-"], input: "Four people were slightly injured. A dozen were hurt.")
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, """
            1 documents, 11 tokens, 0.00 MB
            rule                    phase     looked at  per 1,000  started   made
            number.words            numbers   3          272.7      3         2
            casualty.subject_count  events    2          181.8      1         1
            all rules: looked at 5 (454.5 per 1,000 tokens), started 4

            """)
        let bad = try quarry(["profile", "--rules", smallRules, "--top", "0", "-"], input: "x")
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.errors.contains("--top takes a number of at least 1"), bad.errors)
    }

    func testAnUnknownRuleOrNoTextIsAnError() throws {
        let unknown = try quarry(["explain", "--rules", smallRules, "--rule", "casualty.count", "--text", "x"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.output, "")
        XCTAssertEqual(unknown.errors, "error: no rule named casualty.count in the rule pack; its casualty rules: casualty.subject_count\n")
        let nothing = try quarry(["explain", "--rules", smallRules])
        XCTAssertNotEqual(nothing.status, 0)
        XCTAssertTrue(nothing.errors.contains("give a text with --text or an input to explain"), nothing.errors)
        let missing = try quarry(["explain", "--rules", smallRules, "/no/such/file.txt"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.errors.contains("error: /no/such/file.txt: no such file or directory"), missing.errors)
    }
}
