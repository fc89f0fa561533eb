import Foundation
import XCTest

/// Runs the built `quarry` binary as a user would.
final class CommandLineTests: XCTestCase {
    func quarry(_ arguments: [String], input: String? = nil) throws -> QuarryRun { try runQuarry(arguments, input: input) }

    func testExtractWritesJSONLWithCodePointOffsets() throws {
        let run = try quarry(["extract", "--rules", smallRules, fixtures.appendingPathComponent("doc1.txt").path])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, """
            {"doc":"doc1","type":"Casualty","start":0,"end":33,"text":"Four people were slightly injured","rule":"casualty.subject_count","attrs":{"outcome":"injured","count":4}}
            {"doc":"doc1","type":"Location","start":37,"end":41,"text":"Kiev","rule":"location.place","attrs":{"name":"Kyiv"}}
            {"doc":"doc1","type":"Casualty","start":43,"end":76,"text":"Twenty-one people had been killed","rule":"casualty.subject_count","attrs":{"outcome":"killed","count":21}}
            {"doc":"doc1","type":"Location","start":82,"end":95,"text":"Rostov-on-Don","rule":"location.place","attrs":{"name":"Rostov-on-Don","kind":"city"}}

            """)
    }

    /// JSONL on standard input, with LF or CRLF line ends and a blank line.
    func testStandardInputJSONLInputAndTSV() throws {
        for end in ["\n", "\r\n"] {
            let input = "{\"id\":\"a\",\"text\":\"Київ: 5 killed\"}" + end + end + "{\"id\":\"b\",\"text\":\"nothing here\"}" + end
            let run = try quarry(["extract", "--rules", smallRules, "--input-format", "jsonl", "--format", "tsv", "-"], input: input)
            XCTAssertEqual(run.status, 0, run.errors)
            XCTAssertEqual(run.output, """
                doc\ttype\tstart\tend\ttext\trule\tattrs
                a\tLocation\t0\t4\tКиїв\tlocation.place\tname=Kyiv
                a\tCasualty\t6\t14\t5 killed\tcasualty.subject_count\toutcome=killed;count=5

                """, end.debugDescription)
        }
    }

    func testJSONFormatIsOneArray() throws {
        let run = try quarry(["extract", "--rules", smallRules, "--format", "json", "-"], input: "3 wounded")
        XCTAssertEqual(run.status, 0, run.errors)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.count, 1)
        XCTAssertEqual(parsed?.first?["doc"] as? String, "stdin")
        XCTAssertEqual((parsed?.first?["attrs"] as? [String: Any])?["count"] as? Int, 3)
    }

    func testMalformedRulesAreReportedWithLocations() throws {
        let run = try quarry(["extract", "--rules", fixtures.appendingPathComponent("bad.qr").path, "-"], input: "")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("bad.qr:2:13: error: expected ')' to close the group, found '=>'"), run.errors)
        XCTAssertTrue(run.errors.contains("bad.qr:5:1: error: duplicate rule name two"), run.errors)
        XCTAssertTrue(run.errors.contains("4 errors in the rule pack"), run.errors)
        XCTAssertEqual(run.output, "")
    }

    func testMissingInputDoesNotLoseTheOthers() throws {
        let run = try quarry(["extract", "--rules", smallRules, "/no/such/file.txt", fixtures.appendingPathComponent("doc1.txt").path])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.output.split(separator: "\n").count, 4)
        XCTAssertTrue(run.errors.contains("/no/such/file.txt: no such file or directory"), run.errors)
    }

    func testExamplesPassAndFail() throws {
        let passing = try quarry(["test", "--rules", smallRules])
        XCTAssertEqual(passing.status, 0, passing.output + passing.errors)
        XCTAssertTrue(passing.output.hasSuffix("3 passed, 0 failed\n"), passing.output)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-ex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("r.qr")
        try "rule r n:[number] \"killed\" => Casualty(count: n.value)\nexample \"two killed\" => Casualty(count: 3)\n"
            .write(to: rules, atomically: true, encoding: .utf8)
        let failing = try quarry(["test", "--rules", rules.path])
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.output.contains("r.qr:2: example failed: \"two killed\""), failing.output)
        XCTAssertTrue(failing.output.contains("expected Casualty(count: 3), found none"), failing.output)
        XCTAssertTrue(failing.output.contains("found: Casualty(count: 2, text: \"two killed\") by r"), failing.output)
        XCTAssertTrue(failing.output.contains("(quarry explain --text TEXT --rule NAME shows"), failing.output)
    }
}

final class CheckCommandTests: XCTestCase {
    func quarry(_ arguments: [String], input: String? = nil) throws -> QuarryRun { try runQuarry(arguments, input: input) }

    func makeSamples() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "Four people were slightly injured in Kiev.".write(to: directory.appendingPathComponent("d.txt"), atomically: true, encoding: .utf8)
        try "T1\tCasualty 0 33\tFour people were slightly injured\nA1\tOutcome T1 injured\n#1\tAnnotatorNotes T1\tcount=4\nT2\tLocation 37 41\tKiev\n#2\tAnnotatorNotes T2\tname=Kyiv\n"
            .write(to: directory.appendingPathComponent("d.ann"), atomically: true, encoding: .utf8)
        return directory
    }

    func testBaselineCatchesALostExtraction() throws {
        let samples = try makeSamples()
        defer { try? FileManager.default.removeItem(at: samples) }
        let baseline = samples.appendingPathComponent("baseline.json").path
        let written = try quarry(["check", "--rules", smallRules, "--write-baseline", baseline, samples.path])
        XCTAssertEqual(written.status, 0, written.output + written.errors)
        XCTAssertTrue(written.output.contains("overall        2     0     0   1.000  1.000  1.000"), written.output)

        // A pack without the place rules loses the Location hit.
        let reduced = samples.appendingPathComponent("reduced.qr")
        try "phase numbers\ninternal Number\nrule number.words n:[number] => Number(value: n.value)\nphase events\nrule c n:Number \"people\" \"were\" /[a-z]+ly/ h:\"injured\" => Casualty(outcome: injured, count: n.value)\n"
            .write(to: reduced, atomically: true, encoding: .utf8)
        let compared = try quarry(["check", "--rules", reduced.path, "--baseline", baseline, samples.path])
        XCTAssertEqual(compared.status, 1)
        XCTAssertTrue(compared.output.contains("lost: d Location 37-41"), compared.output)
        XCTAssertTrue(compared.output.contains("regression: Location recall 1.000 -> 0.000"), compared.output)
    }

    func testJUnitAndMalformedGold() throws {
        let samples = try makeSamples()
        defer { try? FileManager.default.removeItem(at: samples) }
        try "Bad.".write(to: samples.appendingPathComponent("e.txt"), atomically: true, encoding: .utf8)
        try "T1\tLocation 0 3\tBax\n".write(to: samples.appendingPathComponent("e.ann"), atomically: true, encoding: .utf8)
        let junit = samples.appendingPathComponent("junit.xml").path
        let real = try quarry(["check", "--rules", smallRules, "--junit", junit, samples.path])
        XCTAssertEqual(real.status, 2, "malformed gold gives exit 2")
        XCTAssertTrue(real.errors.contains("e.ann:1:1: error: span text \"Bax\" does not match"), real.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: junit))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        XCTAssertTrue(xml.contains("tests=\"2\" failures=\"0\""), xml)
    }

    func testGitHubAnnotationsForMisses() throws {
        let samples = try makeSamples()
        defer { try? FileManager.default.removeItem(at: samples) }
        let rules = samples.appendingPathComponent("none.qr")
        try "rule nothing \"zzz\" => Location\n".write(to: rules, atomically: true, encoding: .utf8)
        setenv("GITHUB_ACTIONS", "true", 1)
        defer { unsetenv("GITHUB_ACTIONS") }
        let run = try quarry(["check", "--rules", rules.path, "--min-f1", "0.5", samples.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.output.contains("::error file=\(samples.path)/d.txt,line=1,col=38::miss: Location \"Kiev\" expected name=Kyiv"), run.output)
        XCTAssertTrue(run.errors.contains("overall F1 0.000 is below the floor 0.500"), run.errors)
    }
}

final class InputRobustnessTests: XCTestCase {
    func makeInputs() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-in-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data([0x34, 0x20, 0xFF, 0x20] + Array("killed in Kiev".utf8)).write(to: directory.appendingPathComponent("a_invalid.txt"))
        try Data([0x00, 0x01, 0x02, 0x03]).write(to: directory.appendingPathComponent("b_binary.txt"))
        try Data([0xEF, 0xBB, 0xBF] + Array("Kiev: 3 killed".utf8)).write(to: directory.appendingPathComponent("c_bom.txt"))
        try Data().write(to: directory.appendingPathComponent("d_empty.txt"))
        try "Kiev\r\n2 wounded\r\n".write(to: directory.appendingPathComponent("e_crlf.txt"), atomically: true, encoding: .utf8)
        return directory
    }

    func testBadInputsAreReportedAndGoodOnesExtracted() throws {
        let inputs = try makeInputs()
        defer { try? FileManager.default.removeItem(at: inputs) }
        let run = try runQuarry(["extract", "--rules", smallRules, "--format", "tsv", inputs.path])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, """
            doc\ttype\tstart\tend\ttext\trule\tattrs
            a_invalid\tLocation\t14\t18\tKiev\tlocation.place\tname=Kyiv
            c_bom\tLocation\t0\t4\tKiev\tlocation.place\tname=Kyiv
            c_bom\tCasualty\t6\t14\t3 killed\tcasualty.subject_count\toutcome=killed;count=3
            e_crlf\tLocation\t0\t4\tKiev\tlocation.place\tname=Kyiv
            e_crlf\tCasualty\t6\t15\t2 wounded\tcasualty.subject_count\toutcome=injured;count=2

            """)
        XCTAssertTrue(run.errors.contains("a_invalid.txt: invalid UTF-8 at byte offset 2"), run.errors)
        XCTAssertTrue(run.errors.contains("b_binary.txt: skipped: binary file (NUL byte at offset 0)"), run.errors)
        XCTAssertFalse(run.errors.contains("d_empty"), run.errors)
    }

    func testJobsGiveTheSameOutputAndAFailingBatchKeepsGoodRecords() throws {
        let inputs = try makeInputs()
        defer { try? FileManager.default.removeItem(at: inputs) }
        let alone = try runQuarry(["extract", "--rules", smallRules, inputs.appendingPathComponent("c_bom.txt").path])
        let one = try runQuarry(["extract", "--rules", smallRules, "--jobs", "1", inputs.path, "/no/such/dir"])
        let four = try runQuarry(["extract", "--rules", smallRules, "--jobs", "4", inputs.path, "/no/such/dir"])
        XCTAssertEqual(one.status, 2)
        XCTAssertEqual(four.status, 2)
        XCTAssertFalse(one.output.isEmpty)
        XCTAssertEqual(one.output, four.output)
        XCTAssertTrue(one.output.contains(alone.output), "a good file's records are the same alone and in a failing batch")
        XCTAssertTrue(four.errors.contains("error: /no/such/dir: no such file or directory"), four.errors)
    }

    func testDefaultPackOutputIsTheSameForAnyJobsAndEveryRun() throws {
        let samples = packageRoot.appendingPathComponent("samples").path
        let one = try runQuarry(["extract", "--jobs", "1", samples])
        let three = try runQuarry(["extract", "--jobs", "3", samples])
        let again = try runQuarry(["extract", "--jobs", "3", samples])
        // Without --jobs: a worker per core.
        let byDefault = try runQuarry(["extract", samples])
        XCTAssertEqual(one.status, 0, one.errors)
        XCTAssertGreaterThan(one.output.split(separator: "\n").count, 500)
        XCTAssertEqual(one.output, three.output)
        XCTAssertEqual(three.output, again.output)
        XCTAssertEqual(one.output, byDefault.output)
    }
}
