import Foundation
import XCTest
@testable import Quarry

final class ScorerTests: XCTestCase {
    func gold(_ type: String, _ start: Int, _ end: Int, _ attributes: [String: String]) -> GoldAnnotation {
        GoldAnnotation(id: "T", type: type, start: start, end: end, text: "", attributes: attributes,
                       location: SourceLocation(file: "g.ann", line: 1, column: 1))
    }

    func record(_ type: String, _ start: Int, _ end: Int, _ attributes: [(String, AttributeValue)]) -> Record {
        Record(document: "d", type: type, start: start, end: end, text: "", rule: "r", attributes: attributes)
    }

    func testOverlapAttributesAndDoubleMatches() {
        let document = GoldDocument(id: "d", text: String(repeating: "x", count: 100), textPath: "d.txt", annotations: [
            gold("Casualty", 0, 10, ["outcome": "injured", "count": "4"]),
            gold("Location", 20, 24, ["name": "Kyiv"]),
            gold("Location", 30, 34, ["name": "Kyiv"]),
            gold("Quote", 40, 60, ["speaker": "Maria Zakharova"]),
            gold("Weapon", 70, 75, ["category": "air_defense", "name": "S-200"]),
        ])
        let predictions = [
            record("Casualty", 5, 12, [("outcome", .string("injured")), ("count", .number(4))]),  // overlaps: true hit
            record("Location", 21, 23, [("name", .string("kyiv"))]),  // case-insensitive name: true hit
            record("Location", 22, 24, [("name", .string("Kyiv"))]),  // second match of one gold: false hit
            record("Quote", 40, 60, [("speaker", .string("Zakharova"))]),  // last word of the gold speaker: true hit
            record("Weapon", 70, 75, [("category", .string("air_defense")), ("name", .string("S-300"))]),  // wrong name
        ]
        let result = Scorer.score(document, predictions: predictions)
        let strict = result.strict
        XCTAssertEqual(strict["Casualty"], Scorer.Counts(truePositives: 1, falsePositives: 0, falseNegatives: 0))
        XCTAssertEqual(strict["Location"], Scorer.Counts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        XCTAssertEqual(strict["Quote"], Scorer.Counts(truePositives: 1, falsePositives: 0, falseNegatives: 0))
        XCTAssertEqual(strict["Weapon"], Scorer.Counts(truePositives: 0, falsePositives: 1, falseNegatives: 1))
        // Span-only ignores the weapon's name.
        XCTAssertEqual(result.spanOnly["Weapon"], Scorer.Counts(truePositives: 1, falsePositives: 0, falseNegatives: 0))
        // 3 true hits, 2 false hits, 2 misses: P = R = 3/5.
        let overall = strict.values.reduce(Scorer.Counts(), +)
        XCTAssertEqual(overall.precision, 3.0 / 5.0, accuracy: 1e-9)
        XCTAssertEqual(overall.recall, 3.0 / 5.0, accuracy: 1e-9)
        XCTAssertEqual(overall.f1, 3.0 / 5.0, accuracy: 1e-9)
    }

    func testVagueCasualtiesCompareApproxMinMax() {
        let vague = gold("Casualty", 0, 5, ["outcome": "injured", "approx": "several"])
        XCTAssertTrue(Scorer.attributesAgree(vague, record("Casualty", 0, 5, [("outcome", .string("injured")), ("approx", .string("several"))])))
        XCTAssertFalse(Scorer.attributesAgree(vague, record("Casualty", 0, 5, [("outcome", .string("injured")), ("approx", .string("dozens"))])))
        let bound = gold("Casualty", 0, 5, ["outcome": "killed", "min": "12"])
        XCTAssertTrue(Scorer.attributesAgree(bound, record("Casualty", 0, 5, [("outcome", .string("killed")), ("min", .number(12))])))
        XCTAssertFalse(Scorer.attributesAgree(bound, record("Casualty", 0, 5, [("outcome", .string("killed")), ("count", .number(12))])))
    }
}

final class BratReaderTests: XCTestCase {
    func write(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// Standoff lines with LF or CRLF ends (a blank line included).
    func testReadsSpansAttributesAndNotes() throws {
        for end in ["\n", "\r\n"] {
            let lines = ["T1\tLocation 0 4\tКиїв", "#1\tAnnotatorNotes T1\tname=Kyiv", "", "T2\tCasualty 6 32\t14 people had been injured",
                         "A2\tOutcome T2 injured", "#2\tAnnotatorNotes T2\tcount=14; approx=about"]
            let directory = try write(["a.txt": "Київ: 14 people had been injured.", "a.ann": lines.map { $0 + end }.joined()])
            defer { try? FileManager.default.removeItem(at: directory) }
            let (document, problems) = BratReader.read(annotationPath: directory.appendingPathComponent("a.ann").path)
            XCTAssertEqual(problems.map(\.message), [], end.debugDescription)
            XCTAssertEqual(document?.annotations.map(\.type), ["Location", "Casualty"], end.debugDescription)
            XCTAssertEqual(document?.annotations.first?.attributes, ["name": "Kyiv"], end.debugDescription)
            XCTAssertEqual(document?.annotations.last?.attributes, ["outcome": "injured", "count": "14", "approx": "about"],
                           end.debugDescription)
        }
    }

    func testMalformedGoldIsReportedWithLinesAndTheRestKept() throws {
        let directory = try write([
            "b.txt": "Kyiv was hit.",
            "b.ann": "T1\tLocation 0 4\tKyiv\nT2\tLocation 0 4\tKiev\nT3\tLocation 5 99\twas\nT4\tPlace 0 4\tKyiv\nA5\tOutcome T9 killed\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let (document, problems) = BratReader.read(annotationPath: directory.appendingPathComponent("b.ann").path)
        XCTAssertEqual(document?.annotations.count, 1)
        XCTAssertEqual(problems.map { $0.location!.line }, [2, 3, 4, 5])
        XCTAssertTrue(problems[0].message.hasPrefix("span text \"Kiev\" does not match"))
        XCTAssertTrue(problems[1].message.hasPrefix("offsets 5 99 are out of range"))
        XCTAssertTrue(problems[2].message.hasPrefix("unknown type Place"))
    }

    func testMissingText() {
        let (document, problems) = BratReader.read(annotationPath: "/no/such/c.ann")
        XCTAssertNil(document)
        XCTAssertTrue(problems[0].message.contains("/no/such/c.txt"), problems[0].message)
    }
}

/// The default rule pack against the labeled samples in samples/.
final class DefaultPackQualityTests: XCTestCase {
    func testSamplesAreValidAndThePackMeetsItsFloor() throws {
        let samples = packageRoot.appendingPathComponent("samples").path
        let program = try defaultProgram()
        let report = CheckReport.run(paths: [samples], extractor: try Extractor(program: program))
        XCTAssertEqual(report.diagnostics.map(\.rendered), [], "every sample's offsets and texts must be valid")
        XCTAssertGreaterThanOrEqual(report.documents.count, 11)
        XCTAssertGreaterThanOrEqual(report.overall.f1, 0.95, "overall strict F1")
        for type in CheckReport.types {
            XCTAssertGreaterThanOrEqual(report.strict[type]!.f1, 0.90, "strict F1 of \(type)")
        }
    }

    func testExamplesInTheRuleFilesPass() throws {
        let program = try defaultProgram()
        let failures = ExampleChecker(extractor: try Extractor(program: program)).failures()
        XCTAssertEqual(failures.map { "\($0.example.location): \($0.problems)" }, [])
        XCTAssertGreaterThan(program.examples.count, 40)
    }
}

final class BaselineAndReportTests: XCTestCase {
    func baseline(_ json: String) throws -> Baseline { try JSONDecoder().decode(Baseline.self, from: Data(json.utf8)) }

    func testComparisonNamesRegressionsLostHitsAndImprovements() throws {
        let old = try baseline("""
            {"figures":{"overall":{"precision":0.9,"recall":0.8,"f1":0.85}},
             "truePositives":[{"doc":"a","type":"Location","start":0,"end":4},{"doc":"a","type":"Weapon","start":9,"end":14}]}
            """)
        let new = try baseline("""
            {"figures":{"overall":{"precision":0.95,"recall":0.7,"f1":0.85}},
             "truePositives":[{"doc":"a","type":"Location","start":0,"end":4},{"doc":"b","type":"Quote","start":1,"end":9}]}
            """)
        let comparison = old.compare(with: new)
        XCTAssertEqual(comparison.regressions, ["overall recall 0.800 -> 0.700"])
        XCTAssertEqual(comparison.improvements, ["overall precision 0.900 -> 0.950"])
        XCTAssertEqual(comparison.lostHits.map(\.description), ["a Weapon 9-14"])
        XCTAssertEqual(comparison.newHits.map(\.description), ["b Quote 1-9"])
        XCTAssertTrue(comparison.isWorse)
        XCTAssertFalse(old.compare(with: old).isWorse)
    }

    func testJUnitHasOneCasePerDocumentAndFailsOnErrors() {
        let gold = GoldAnnotation(id: "T1", type: "Location", start: 0, end: 4, text: "Kyiv", attributes: ["name": "Kyiv"],
                                  location: SourceLocation(file: "a.ann", line: 1, column: 1))
        var report = CheckReport()
        report.documents = [
            Scorer.score(GoldDocument(id: "a&b", text: "Kyiv", textPath: "a.txt", annotations: [gold]), predictions: []),
            Scorer.score(GoldDocument(id: "c", text: "none", textPath: "c.txt", annotations: []), predictions: []),
        ]
        let xml = JUnitReport.xml(report)
        XCTAssertTrue(xml.contains("<testsuite name=\"quarry check\" tests=\"2\" failures=\"1\">"), xml)
        XCTAssertTrue(xml.contains("name=\"a&amp;b\">\n    <failure message=\"1 misses, 0 false hits\">miss: Location &quot;Kyiv&quot; at 0-4</failure>"), xml)
        XCTAssertTrue(xml.contains("<testcase classname=\"quarry.check\" name=\"c\"/>"), xml)
    }

    func testJSONLGoldIsReadAndBadLinesReported() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
            {"id":"x","text":"Київ: 5 killed","spans":[{"start":0,"end":4,"label":"Location","attrs":{"name":"Kyiv"}},{"start":6,"end":14,"label":"Casualty","attrs":{"outcome":"killed","count":5}}]}
            not json
            {"id":"y","text":"short","spans":[{"start":0,"end":50,"label":"Location"}]}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let (documents, problems) = JSONLGoldReader.read(path: path)
        XCTAssertEqual(documents.map(\.id), ["x", "y"])
        XCTAssertEqual(documents[0].annotations.map(\.text), ["Київ", "5 killed"])
        XCTAssertEqual(documents[0].annotations[1].attributes, ["outcome": "killed", "count": "5"])
        XCTAssertEqual(problems.map { $0.location!.line }, [2, 3])
        XCTAssertTrue(problems[1].message.contains("out of range"), problems[1].message)
    }

    func testJSONLGoldWithCRLFLineEnds() throws {
        let source = "{\"id\":\"x\",\"text\":\"Київ\",\"spans\":[{\"start\":0,\"end\":4,\"label\":\"Location\"}]}\r\n\r\nnot json\r\n"
        let (documents, problems) = JSONLGoldReader.parse(source, path: "g.jsonl")
        XCTAssertEqual(documents.map(\.id), ["x"])
        XCTAssertEqual(documents.first?.annotations.map(\.text), ["Київ"])
        XCTAssertEqual(problems.map { $0.location!.line }, [3])
        XCTAssertEqual(problems.first?.lineText, "not json")
    }

    func testMarkedContextShowsTheSentence() {
        XCTAssertEqual(markedContext("First one. Then Kyiv was hit. Last.", start: 16, end: 20), "Then [[Kyiv]] was hit.")
    }
}
