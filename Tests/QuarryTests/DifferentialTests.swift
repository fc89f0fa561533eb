import XCTest
@testable import Quarry

/// Compares the Pike VM with an obviously correct backtracking reference on
/// thousands of random small rules and token sequences (as RE2 does).
final class DifferentialTests: XCTestCase {
    /// A tiny pattern language over the tokens `a`, `b`, `c`.
    indirect enum Pattern {
        case token(String)
        case any
        case sequence([Pattern])
        case alternation([Pattern])
        case repeated(Pattern, Int, Int?)

        var source: String {
            switch self {
            case let .token(t): return "\"\(t)\""
            case .any: return "_"
            case let .sequence(items): return "(" + items.map(\.source).joined(separator: " ") + ")"
            case let .alternation(items): return "(" + items.map(\.source).joined(separator: " | ") + ")"
            case let .repeated(inner, low, high):
                if low == 0 && high == 1 { return inner.source + "?" }
                if low == 0 && high == nil { return inner.source + "*" }
                if low == 1 && high == nil { return inner.source + "+" }
                return inner.source + "{\(low),\(high.map(String.init) ?? "")}"
            }
        }

        /// Every end position reachable from `start` (the backtracking reference).
        func ends(_ tokens: [String], from start: Int) -> Set<Int> {
            switch self {
            case let .token(t): return start < tokens.count && tokens[start] == t ? [start + 1] : []
            case .any: return start < tokens.count ? [start + 1] : []
            case let .sequence(items):
                var positions: Set<Int> = [start]
                for item in items { positions = Set(positions.flatMap { item.ends(tokens, from: $0) }) }
                return positions
            case let .alternation(items):
                return Set(items.flatMap { $0.ends(tokens, from: start) })
            case let .repeated(inner, low, high):
                var result: Set<Int> = low == 0 ? [start] : []
                var frontier: Set<Int> = [start]
                var count = 0
                // Unbounded repetition needs no more rounds than there are positions.
                while !frontier.isEmpty && count < (high ?? tokens.count + low + 1) {
                    count += 1
                    frontier = Set(frontier.flatMap { inner.ends(tokens, from: $0) })
                    if count >= low { result.formUnion(frontier) }
                }
                return result
            }
        }
    }

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11 | state << 53
        }
    }

    static func randomPattern(_ depth: Int, _ rng: inout Generator) -> Pattern {
        let choice = depth <= 0 ? Int.random(in: 0...2, using: &rng) : Int.random(in: 0...6, using: &rng)
        switch choice {
        case 0, 1: return .token(["a", "b", "c"].randomElement(using: &rng)!)
        case 2: return Int.random(in: 0...3, using: &rng) == 0 ? .any : .token("a")
        case 3: return .sequence((0..<Int.random(in: 2...3, using: &rng)).map { _ in Self.randomPattern(depth - 1, &rng) })
        case 4: return .alternation((0..<Int.random(in: 2...3, using: &rng)).map { _ in Self.randomPattern(depth - 1, &rng) })
        default:
            let bounds: [(Int, Int?)] = [(0, 1), (0, nil), (1, nil), (2, 3), (0, 2), (1, 1)]
            let (low, high) = bounds.randomElement(using: &rng)!
            return .repeated(Self.randomPattern(depth - 1, &rng), low, high)
        }
    }

    /// A pattern without an open loop (`*`, `+`): its matches have a bounded length.
    static func isBounded(_ pattern: Pattern) -> Bool {
        switch pattern {
        case .token, .any: return true
        case let .sequence(items), let .alternation(items): return items.allSatisfy(isBounded)
        case let .repeated(inner, _, high): return high != nil && isBounded(inner)
        }
    }

    /// Compiles `rule(pattern)`, runs the VM over six random token sequences,
    /// and hands `check` each sequence, the VM's candidates and the reference's
    /// longest end from every start.
    func compare(_ pattern: Pattern, rule: (Pattern) -> String, _ rng: inout Generator,
                 check: (_ tokens: [String], _ candidates: [Candidate], _ longest: [Int?]) -> Void) throws {
        guard case let .success(program) = Compiler.compile(text: rule(pattern)) else {
            return XCTFail("did not compile: \(rule(pattern))")
        }
        var vm = PikeVM(program: program)
        let tokenizer = try Tokenizer(keys: program.keys)
        for _ in 0..<6 {
            let tokens = (0..<Int.random(in: 0...8, using: &rng)).map { _ in ["a", "b", "c"].randomElement(using: &rng)! }
            let document = tokenizer.document(id: "t", text: tokens.joined(separator: " "))
            vm.begin(document)
            let candidates = vm.candidates(phase: 0, document: document, spans: SpanIndex()).items
            check(tokens, candidates, tokens.indices.map { start in pattern.ends(tokens, from: start).filter { $0 > start }.max() })
        }
    }

    func testABoundedRuleReportingItsMatchFindsTheLongestMatchFromEveryStart() throws {
        var rng = Generator(state: 20261202)
        var compared = 0
        while compared < 1800 {
            let pattern = Self.randomPattern(3, &rng)
            guard Self.isBounded(pattern) else { continue }
            try compare(pattern, rule: { "rule r x:\($0.source) => X at x" }, &rng) { tokens, candidates, longest in
                let found = Dictionary(candidates.map { ($0.start, $0.end) }, uniquingKeysWith: { max($0, $1) })
                for start in tokens.indices {
                    XCTAssertEqual(found[start], longest[start], "\(pattern.source) on \(tokens) from \(start)")
                }
                compared += 1
            }
        }
    }

    func testPikeVMAgreesWithBacktrackingReference() throws {
        var rng = Generator(state: 20261122)
        var compared = 0
        for _ in 0..<600 {
            let pattern = Self.randomPattern(3, &rng)
            try compare(pattern, rule: { "rule r \($0.source) => X" }, &rng) { tokens, candidates, longest in
                // Every match the VM reports is real and the longest from its start.
                for candidate in candidates {
                    XCTAssertEqual(candidate.end, longest[candidate.start], "\(pattern.source) on \(tokens) from \(candidate.start)")
                }
                // The leftmost start that has a match is found.
                if let leftmost = longest.firstIndex(where: { $0 != nil }) {
                    XCTAssertTrue(candidates.contains { $0.start == leftmost }, "\(pattern.source) on \(tokens): missed start \(leftmost)")
                } else {
                    XCTAssertTrue(candidates.isEmpty, "\(pattern.source) on \(tokens): spurious match")
                }
                compared += 1
            }
        }
        XCTAssertEqual(compared, 3600)
    }
}
