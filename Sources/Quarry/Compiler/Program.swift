/// A compiled rule pack: immutable, shared by every worker. Each phase is one
/// Thompson NFA holding all of the phase's rules; a `Matcher` runs it.
public final class Program: @unchecked Sendable {
    public let phases: [Phase]
    public let rules: [CompiledRule]
    public let types: [SpanType]
    let predicates: [TokenPredicate]
    /// The same tests, flat, as the matcher runs them.
    let tests: PredicateCode
    let lexicons: [Lexicon]
    public let examples: [Example]
    /// The fold keys the rules name, numbered (tokens carry the number).
    public let keys: KeyTable
    /// What the pack's lexicon `SentenceAbbreviations` lists: no sentence ends after them.
    public let abbreviations: Abbreviations

    init(phases: [Phase], rules: [CompiledRule], types: [SpanType], predicates: [TokenPredicate], lexicons: [Lexicon],
         examples: [Example], keys: KeyTable, abbreviations: Abbreviations = .none) {
        self.keys = keys
        self.abbreviations = abbreviations
        self.phases = phases
        self.rules = rules
        self.types = types
        self.predicates = predicates
        self.tests = PredicateCode(predicates)
        self.lexicons = lexicons
        self.examples = examples
    }

    /// Whether `token`, whose word form's strings are `text`, passes token test number `predicate`.
    func passes(_ predicate: Int, _ token: Token, text: WordText) -> Bool {
        tests.passes(predicate, token, text: text, lexicons: lexicons, keys: keys)
    }

    /// Number of NFA instructions over all phases.
    public var instructionCount: Int { phases.reduce(0) { $0 + $1.instructions.count } }
}

/// A type of span that rules produce (`Casualty`, or an internal `Number`).
public struct SpanType: Sendable {
    public var name: String
    /// Internal types feed later phases and are not reported.
    public var isInternal: Bool
}

/// One phase: its rules, compiled together into one NFA.
public struct Phase: Sendable {
    public var name: String
    var instructions: [Instruction]
    /// Indexes into `Program.rules`, in rule order.
    public var ruleIndexes: [Int]
    /// The first instruction of each rule of the phase, parallel to `ruleIndexes`.
    var ruleStarts: [Int]
    /// For each rule, words one of which every match contains (nil: none
    /// known); see `RequiredKeys`.
    var ruleRequiredKeys: [RequiredKeys?] = []
    /// For each rule, further sets of words every match contains, each set
    /// needed within the rule's reach too; see `RequiredKeys.alsoRequired`.
    var ruleAlsoRequired: [[RequiredKeys]] = []
    /// For each rule, a bound on the tokens a match spans (nil: unbounded); see `MatchReach`.
    var ruleReach: [MatchReach?] = []
    /// For each instruction, the rule (index within the phase) it belongs to.
    var ruleOfInstruction: [Int] = []

    /// Each rule's instructions, which are contiguous (`ruleOfInstruction`).
    var ruleRanges: [Range<Int>] {
        var ranges = Array(repeating: 0..<0, count: ruleStarts.count)
        var pc = 0
        while pc < ruleOfInstruction.count {
            let rule = ruleOfInstruction[pc], first = pc
            while pc < ruleOfInstruction.count && ruleOfInstruction[pc] == rule { pc += 1 }
            ranges[rule] = first..<pc
        }
        return ranges
    }
    /// For each instruction, the place in the rule files it was compiled from.
    var instructionLocations: [SourceLocation] = []
    /// The rules that may begin at a token, by what their first steps need.
    var ruleStartIndex = RuleStartIndex()
    /// For each rule, the predicate the token after its first must pass (-1: none); see `SecondStep`.
    var ruleSecondStep: [Int] = []
    /// For each rule without one, the wider test (`SecondStep.wider`), if any.
    var ruleSecondGuard: [SecondStepGuard?] = []
}

/// Where a multi-token atom finds its matches.
enum SpanSource: Hashable {
    case lexicon(Int)
    case type(Int)
}

/// One NFA instruction. Consuming instructions (`token`, `span`) move a
/// thread forward; the others are followed within the same position.
enum Instruction {
    case token(predicate: Int, next: Int)
    /// Consumes a whole lexicon entry or an earlier phase's span, and may
    /// store it (with its payload) in a capture slot.
    case span(SpanSource, next: Int, capture: Int?)
    case split(Int, Int)
    case jump(Int)
    case openCapture(Int, next: Int)
    case closeCapture(Int, next: Int)
    case match(rule: Int)
}

extension Instruction {
    /// The instructions a thread may go on to from this one.
    var successors: [Int] {
        let (first, second) = successorPair
        return [first, second].filter { $0 >= 0 }
    }

    /// The same without an array: -1 where there is none.
    var successorPair: (Int, Int) {
        switch self {
        case let .token(_, next), let .span(_, next, _), let .jump(next),
             let .openCapture(_, next), let .closeCapture(_, next): return (next, -1)
        case let .split(first, second): return (first, second)
        case .match: return (-1, -1)
        }
    }
}

extension Array where Element == Instruction {
    /// The consuming instructions reachable from `start` without consuming,
    /// in ascending order, and whether a match is.
    func consumingSteps(from start: Int) -> (steps: [Int], reachesMatch: Bool) {
        var seen = Set<Int>(), stack = [start], steps: [Int] = [], reachesMatch = false
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch self[pc] {
            case let .jump(target): stack.append(target)
            case let .split(a, b): stack.append(b); stack.append(a)
            case let .openCapture(_, next), let .closeCapture(_, next): stack.append(next)
            case .token, .span: steps.append(pc)
            case .match: reachesMatch = true
            }
        }
        return (steps.sorted(), reachesMatch)
    }
}

/// A rule after compilation.
public struct CompiledRule: Sendable {
    public var name: String
    public var priority: Int
    /// Position of the rule in the pack, used to break ties.
    public var order: Int
    public var phase: Int
    public var location: SourceLocation
    var captureNames: [String]
    var output: CompiledOutput

    /// Index of the type the rule produces, in `Program.types`.
    public var outputType: Int { output.type }
}

struct CompiledOutput: Sendable {
    var type: Int
    var attributes: [(String, Expression)]
    var reportedCapture: Int?
}

/// An attribute value computed from a match.
indirect enum Expression: Sendable {
    case constant(AttributeValue)
    case capture(Int, member: CaptureMember)
    /// The nearest earlier span of the type; `outside` (the types of
    /// `outside(Container, …)`) leaves out spans inside spans of those types.
    case previous(type: Int, outside: [Int])
    /// The nearest earlier span of the type holding the last word of the
    /// value's tokens: "the ministry said" stands for the last ministry named.
    case previousHolding(Expression, type: Int, outside: [Int])
    /// The nearest earlier span of `type`, or, where its sentence holds an
    /// earlier span of `subjects`, the last of those: a pronoun stands for
    /// the sentence's subject, not its last name ("Zelensky thanked Biden.
    /// “…,” he said." is Zelensky's).
    case subject(type: Int, subjects: Int, outside: [Int])
    case fullest(Expression, type: Int)
    case first([Expression])
    /// The second value where the first has one, else none: with `first`,
    /// a choice by which alternative of a pattern matched ("she" or "he").
    case when(Expression, Expression)
    case lower(Expression)
    /// The value as a number, when it spells one (`"3"` gives 3).
    case number(Expression)
    /// The sum or the product of numbers: "two men and a woman" are 2 + 1
    /// victims, "две тысячи" 2 × 1000.
    case arithmetic(Arithmetic, [Expression])
    /// The value's text with each word's longest ending of `endings` replaced
    /// (a lexicon's phrases and values, longest first): a genitive name
    /// written as its nominative, by a table the rule pack gives.
    case reinflect(Expression, endings: [(ending: String, replacement: String)])
    /// The value's text in Latin letters, by a table the rule pack gives.
    case romanize(Expression, Romanization)
}

enum Arithmetic: Sendable {
    case sum, product
}

enum CaptureMember: Sendable {
    /// `x` alone: the canonical value of a lexicon entry or span, else the value or text.
    case value
    case text
    /// The fold keys of the captured tokens, joined by spaces.
    case fold
    case attribute(String)
}

/// An example from a rule file, checked by `quarry test`.
public struct Example: Sendable {
    public var text: String
    public var expectations: [ExampleDeclaration.Expectation]
    public var expectsNothing: Bool
    public var location: SourceLocation
}

/// A value of an output attribute.
public enum AttributeValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case number(Double)

    public var description: String {
        switch self {
        case let .string(text): return text
        case let .number(value): return formatNumber(value)
        }
    }
}
