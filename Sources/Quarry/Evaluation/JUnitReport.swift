/// JUnit XML for a check: one test case per sample document, failed where
/// the document has a miss or a false hit.
public enum JUnitReport {
    public static func xml(_ report: CheckReport) -> String {
        let failures = report.documents.filter { !$0.misses.isEmpty || !$0.falseHits.isEmpty }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuite name=\"quarry check\" tests=\"\(report.documents.count)\" failures=\"\(failures)\">\n"
        for document in report.documents {
            out += "  <testcase classname=\"quarry.check\" name=\"\(escape(document.document.id))\""
            if document.misses.isEmpty && document.falseHits.isEmpty { out += "/>\n"; continue }
            let lines = document.misses.map { "miss: \($0.type) \"\($0.text)\" at \($0.start)-\($0.end)" }
                + document.falseHits.map { "false hit: \($0.type) \"\($0.text)\" at \($0.start)-\($0.end) by \($0.rule)" }
            out += ">\n    <failure message=\"\(document.misses.count) misses, \(document.falseHits.count) false hits\">"
            out += escape(lines.joined(separator: "\n")) + "</failure>\n  </testcase>\n"
        }
        return out + "</testsuite>\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
