import Foundation
import XCTest

/// `quarry bench` end to end on tiny corpora: every case runs in its own
/// process and reports what it measured. (Timings are not asserted here;
/// they belong to the benchmark itself.)
final class BenchCommandTests: XCTestCase {
    func testEveryCaseReportsItsMeasurements() throws {
        let run = try runQuarry(["bench", "--megabytes", "0.03", "--format", "jsonl",
                                 "--synthetic-rules", "100", "--synthetic-entries", "3000"])
        XCTAssertEqual(run.status, 0, run.errors)
        let lines = run.output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(lines.count, 8, run.output)
        var seen: Set<String> = []
        for case let line? in lines {
            let name = line["name"] as! String, corpus = line["corpus"] as! String
            seen.insert("\(name):\(corpus)")
            XCTAssertGreaterThanOrEqual(line["bytes"] as! Int, 30_000)
            XCTAssertGreaterThan(line["tokens"] as! Int, 3_000, "\(name) \(corpus)")
            XCTAssertGreaterThan(line["peakMemory"] as! Int, 1_000_000)
            if name != "tokenize" && name != "icu" { XCTAssertGreaterThan(line["records"] as! Int, 10, "\(name) \(corpus)") }
            if name == "synthetic" { XCTAssertEqual(line["rules"] as? Int, 100) }
        }
        XCTAssertEqual(seen, ["icu:samples", "tokenize:samples", "default:samples", "synthetic:samples",
                              "icu:generated", "tokenize:generated", "default:generated", "synthetic:generated"])
    }
}
