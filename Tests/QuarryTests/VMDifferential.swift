import XCTest
@testable import Quarry

/// Random two-rule programs made of `steps` (one step captured), each run
/// on random texts of a, b, x and y by the VM as it is and by `other`, a VM
/// with one of its shortcuts off: the same candidates, captures and order.
/// Returns how many texts were compared.
func assertSameCandidates(steps: [String], seed: UInt64, other: (Program) -> PikeVM,
                          file: StaticString = #filePath, line: UInt = #line) throws -> Int {
    var rng = DifferentialTests.Generator(state: seed)
    var compared = 0
    for _ in 0..<300 {
        let body = (0..<Int.random(in: 2...5, using: &rng)).map { _ in steps.randomElement(using: &rng)! }
        let split = Int.random(in: 0..<body.count, using: &rng)
        let pattern = body.enumerated().map { $0.offset == split ? "c:(\($0.element))" : $0.element }.joined(separator: " ")
        let rules = "rule r \(pattern) => X(part: c.text)\nrule s \(body.shuffled(using: &rng).joined(separator: " ")) => Y"
        guard case let .success(program) = Compiler.compile(text: rules) else {
            XCTFail("did not compile: \(rules)", file: file, line: line)
            return compared
        }
        var usual = PikeVM(program: program), plain = other(program)
        let tokenizer = try Tokenizer(keys: program.keys)
        for _ in 0..<8 {
            let tokens = (0..<Int.random(in: 0...12, using: &rng)).map { _ in ["a", "b", "x", "y"].randomElement(using: &rng)! }
            let document = tokenizer.document(id: "t", text: tokens.joined(separator: " "))
            usual.begin(document)
            plain.begin(document)
            let fast = usual.candidates(phase: 0, document: document, spans: SpanIndex())
            let slow = plain.candidates(phase: 0, document: document, spans: SpanIndex())
            func described(_ list: CandidateList) -> [String] {
                list.items.map { item in
                    let captures = item.captures.map { list.slots[$0] }.map { "\($0.start)-\($0.end)" }
                    return "\(item.rule):\(item.start)-\(item.end)[\(captures.joined(separator: ","))]"
                }
            }
            XCTAssertEqual(described(fast), described(slow), "\(rules) on \(tokens)", file: file, line: line)
            compared += 1
        }
    }
    return compared
}
