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
        let steps = [#""a""#, #""b""#, #"("a" "b" | "b" | "x" "y" | "y")"#, #"("a" | "b" "x")?"#, #""x"?"#, #"("a" "y")*"#,
                     #"("b" | "a" "a" | "y" "x" | "x")+"#, "[any]", #""y"{0,2}"#]
        XCTAssertEqual(try assertSameCandidates(steps: steps, seed: 20261204) { PikeVM(program: $0, foldingForks: false) }, 2400)
    }
}
