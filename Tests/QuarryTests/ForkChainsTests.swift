import XCTest
@testable import Quarry

/// `ForkChains`: a chain of splits becomes one fork of its ends, in the
/// order the splits reach them, and the VM finds the same candidates.
final class ForkChainsTests: XCTestCase {
    /// The first phase of `rules`, lowered and folded.
    private func folded(_ rules: String) throws -> (ops: [VMOp], folded: [VMOp]) {
        let program = try compile(rules)
        let phase = program.phases[0]
        let ops = VMOp.lower(phase, captureCounts: phase.ruleIndexes.map { program.rules[$0].captureNames.count },
                             testSlots: Array(program.predicates.indices), positional: program.predicates.map { _ in false })
        return (ops, ForkChains.fold(ops, loops: ScanLoops.of(phase, predicates: program.predicates)))
    }

    func testAChainOfSplitsBecomesOneForkOfItsEndsInOrder() throws {
        let (ops, folded) = try folded(#"rule r ("a" "b" | "c" "d" | "e" "f" | "g" "h") "x" => X"#)
        let forks = folded.indices.filter { folded[$0].kind == .fork }
        XCTAssertEqual(forks.count, 1, "only the chain's first split")
        let fork = folded[forks[0]]
        let targets = (Int(fork.a)..<Int(fork.a + fork.b)).map { Int(folded[$0].a) }
        // The order the splits reach their ends: the first branch's test first.
        var expected: [Int] = []
        func walk(_ pc: Int) {
            if ops[pc].kind == .split { walk(Int(ops[pc].a)); walk(Int(ops[pc].b)) } else { expected.append(pc) }
        }
        walk(forks[0])
        XCTAssertEqual(targets, expected)
        XCTAssertEqual(targets.count, 4)
        XCTAssertTrue(targets.allSatisfy { ops[$0].kind == .token })
        // The splits inside the chain stay, for threads that reach them by another way.
        XCTAssertEqual(folded.prefix(ops.count).filter { $0.kind == .split }.count, ops.filter { $0.kind == .split }.count - 1)
    }

    func testLoneSplitsAndScanningLoopsStay() throws {
        XCTAssertFalse(try folded(#"rule r "a" "b"? "c" => X"#).folded.contains { $0.kind == .fork })
        XCTAssertFalse(try folded(#"rule r "<" q:([!">"]*) ">" => X at q"#).folded.contains { $0.kind == .fork })
    }

    /// Random rules of alternations, options and repetitions, each run with
    /// forks and with every split walked: the same candidates, captures and order.
    func testFoldingChangesNoCandidate() throws {
        var rng = DifferentialTests.Generator(state: 20261204)
        let steps = [#""a""#, #""b""#, #"("a" "b" | "b" | "x" "y" | "y")"#, #"("a" | "b" "x")?"#, #""x"?"#, #"("a" "y")*"#,
                     #"("b" | "a" "a" | "y" "x" | "x")+"#, "[any]", #""y"{0,2}"#]
        var compared = 0
        for _ in 0..<300 {
            let body = (0..<Int.random(in: 2...5, using: &rng)).map { _ in steps.randomElement(using: &rng)! }
            let split = Int.random(in: 0..<body.count, using: &rng)
            let pattern = body.enumerated().map { $0.offset == split ? "c:(\($0.element))" : $0.element }.joined(separator: " ")
            let rules = "rule r \(pattern) => X(part: c.text)\nrule s \(body.shuffled(using: &rng).joined(separator: " ")) => Y"
            guard case let .success(program) = Compiler.compile(text: rules) else { return XCTFail("did not compile: \(rules)") }
            var forking = PikeVM(program: program), walking = PikeVM(program: program, foldingForks: false)
            let tokenizer = try Tokenizer(keys: program.keys)
            for _ in 0..<8 {
                let tokens = (0..<Int.random(in: 0...12, using: &rng)).map { _ in ["a", "b", "x", "y"].randomElement(using: &rng)! }
                let document = tokenizer.document(id: "t", text: tokens.joined(separator: " "))
                forking.begin(document)
                walking.begin(document)
                let fast = forking.candidates(phase: 0, document: document, spans: SpanIndex())
                let slow = walking.candidates(phase: 0, document: document, spans: SpanIndex())
                func described(_ list: CandidateList) -> [String] {
                    list.items.map { item in
                        let captures = item.captures.map { list.slots[$0] }.map { "\($0.start)-\($0.end)" }
                        return "\(item.rule):\(item.start)-\(item.end)[\(captures.joined(separator: ","))]"
                    }
                }
                XCTAssertEqual(described(fast), described(slow), "\(rules) on \(tokens)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 2400)
    }
}
