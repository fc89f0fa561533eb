import Foundation
import XCTest

/// Runs the built `quarry` binary as a user would.
final class CommandLineTests: XCTestCase {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    func quarry(_ arguments: [String], input: String? = nil) throws -> Run {
        let binary = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("quarry")
        guard FileManager.default.fileExists(atPath: binary.path) else {
            XCTFail("quarry binary not built at \(binary.path); run swift build first")
            throw CocoaError(.fileNoSuchFile)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input.data(using: .utf8)!) }
        stdin.fileHandleForWriting.closeFile()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                   errors: String(decoding: errData, as: UTF8.self))
    }

    var smallRules: String { fixtures.appendingPathComponent("small.qr").path }

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

    func testStandardInputJSONLInputAndTSV() throws {
        let input = "{\"id\":\"a\",\"text\":\"Київ: 5 killed\"}\n{\"id\":\"b\",\"text\":\"nothing here\"}\n"
        let run = try quarry(["extract", "--rules", smallRules, "--input-format", "jsonl", "--format", "tsv", "-"], input: input)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, """
            doc\ttype\tstart\tend\ttext\trule\tattrs
            a\tLocation\t0\t4\tКиїв\tlocation.place\tname=Kyiv
            a\tCasualty\t6\t14\t5 killed\tcasualty.subject_count\toutcome=killed;count=5

            """)
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
    }
}
