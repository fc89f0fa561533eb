/// The syntax tree of a rule file, as the parser builds it.
public struct RuleFileSyntax: Sendable {
    public var file: SourceFile
    public var statements: [Statement]
}

public enum Statement: Sendable {
    case importFile(path: String, at: SourceLocation)
    case lexicon(LexiconDeclaration)
    case pattern(name: String, body: PatternNode, at: SourceLocation)
    /// `let Name = expression`: an attribute expression that rules' outputs name.
    case value(name: String, body: ExpressionNode, at: SourceLocation)
    case phase(name: String, at: SourceLocation)
    case internalTypes(names: [String], at: SourceLocation)
    case rule(RuleDeclaration)
    case example(ExampleDeclaration)
}

/// `lexicon Name from "file.tsv"`, `lexicon Name = { "alias" => value (key: v), … }`
/// or `lexicon Name = Some | Other`.
public struct LexiconDeclaration: Sendable {
    public var name: String
    public var source: Source
    /// `with endings Other, More`: entries also match when a token is one of
    /// theirs followed, inside the same token, by an entry of these lexicons
    /// written in the token's script.
    public var endings: [String] = []
    /// `with capitals`: an entry token written with a capital matches only capitalized tokens.
    public var requiresCapitals = false
    public var location: SourceLocation

    public enum Source: Sendable {
        case file(String)
        case inline([LexiconEntry])
        /// The entries of lexicons declared before, in order (for a phrase
        /// in several, the first one's value).
        case union([String])
    }

    public var isUnion: Bool {
        if case .union = source { return true }
        return false
    }
}

/// One lexicon entry: the phrase to match, its canonical value and attributes.
public struct LexiconEntry: Sendable {
    public var phrase: String
    public var value: String
    public var attributes: [(String, String)]
    public var location: SourceLocation
    /// Written with a final `+` (`Шебекин+`): a stem, which a token matches
    /// only with one of the lexicon's endings (`phrase` is without the `+`).
    public var isStem = false

    /// A written phrase without the `+` that marks a stem, and whether it had one.
    /// (`LexiconFileReader` asks the same of a line's bytes: on a `String`,
    /// over the gazetteer's 30,000 entries, it cost 12 M instructions of start-up.)
    static func stem(of written: String) -> (phrase: String, isStem: Bool) {
        written.utf8.count > 1 && written.utf8.last == UInt8(ascii: "+") ? (String(written.dropLast()), true) : (written, false)
    }
}

/// A pattern over tokens.
public indirect enum PatternNode: Sendable {
    case literal(String, at: SourceLocation)
    case token(TokenPredicateNode, at: SourceLocation)
    case name(String, at: SourceLocation)
    case sequence([PatternNode])
    case alternation([PatternNode])
    case repeated(PatternNode, min: Int, max: Int?, at: SourceLocation)
    case capture(String, PatternNode, at: SourceLocation)
}

/// A test on one token, written `[ … ]`, or a bare literal or regex.
public indirect enum TokenPredicateNode: Sendable {
    case literal(String)
    case regex(String, caseInsensitive: Bool)
    /// A builtin class (`cap`, `number`, …) or a lexicon's single-token entries.
    case name(String, at: SourceLocation)
    /// `shape="Xxxx"`, `script=cyrillic`, `value>=1900`, `length<3`.
    case comparison(feature: String, op: String, value: String, at: SourceLocation)
    case not(TokenPredicateNode)
    case and([TokenPredicateNode])
    case or([TokenPredicateNode])
}

public struct RuleDeclaration: Sendable {
    public var name: String
    public var priority: Int
    public var pattern: PatternNode
    public var output: OutputDeclaration
    public var location: SourceLocation
}

/// `=> Type(key: expression, …) at capture`.
public struct OutputDeclaration: Sendable {
    public var type: String
    public var attributes: [(String, ExpressionNode)]
    public var reportedCapture: String?
    public var location: SourceLocation
}

/// An attribute value in an output.
public indirect enum ExpressionNode: Sendable {
    case constant(String)
    case number(Double)
    /// A capture name alone, or a bare word (a constant when no capture has that name).
    case word(String, at: SourceLocation)
    case member(capture: String, member: String, at: SourceLocation)
    case call(function: String, arguments: [ExpressionNode], at: SourceLocation)
}

/// `example "text" => Type(key: value, …), not Type(…)` or `=> nothing`.
public struct ExampleDeclaration: Sendable {
    public var text: String
    public var expectations: [Expectation]
    public var expectsNothing: Bool
    public var location: SourceLocation

    public struct Expectation: Sendable {
        public var negated: Bool
        public var type: String
        public var attributes: [(String, String)]
        public var location: SourceLocation
    }
}
