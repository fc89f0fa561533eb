/// Compiles a loaded rule pack into one `Program`, reporting every semantic
/// error: unknown names, duplicates, captures used but never bound, types
/// used before a phase produces them, invalid regular expressions.
public struct Compiler {
    private var diagnostics: [Diagnostic]
    private let tokenizer: Tokenizer
    private let source: RulePackSource

    private struct RuleItem { var declaration: RuleDeclaration; var phase: Int; var file: SourceFile }

    /// The lexicon whose entries the tokenizer ends no sentence after (`Abbreviations`).
    static let abbreviationsLexicon = "SentenceAbbreviations"

    private var phaseNames: [String] = []
    private var patterns: [String: (PatternNode, SourceLocation)] = [:]
    /// `let` declarations: attribute expressions a rule's output names by a bare word.
    private var values: [String: (ExpressionNode, SourceLocation)] = [:]
    private var lexiconIndexByName: [String: Int] = [:]
    /// A number per distinct list of endings lexicons (`Lexicon.endingsSignature`).
    private var endingsSignatures: [[String]: Int] = [:]
    private var lexicons: [Lexicon] = []
    /// Per lexicon, its entries (for unions and lexicons of endings).
    private var lexiconEntries: [[LexiconEntry]] = []
    private var attributeDictionaries = AttributeDictionaries()
    /// Every fold key the rules and lexicons name, numbered.
    private var keys = KeyTable()
    private var internalTypes = Set<String>()
    private var typeIndexByName: [String: Int] = [:]
    private var types: [SpanType] = []
    /// The first phase that produces each type.
    private var typeFirstPhase: [Int] = []
    private var ruleItems: [RuleItem] = []
    private var examples: [Example] = []

    /// Compiles rule files read from `path` (a file or a directory).
    public static func compile(path: String) -> Result<Program, DiagnosticList> {
        let (source, loadDiagnostics) = RulePackLoader.load(path: path)
        return compile(source, loadDiagnostics: loadDiagnostics)
    }

    /// Compiles rule text given in memory.
    public static func compile(text: String, path: String = "<rules>") -> Result<Program, DiagnosticList> {
        let (source, loadDiagnostics) = RulePackLoader.load(text: text, path: path)
        return compile(source, loadDiagnostics: loadDiagnostics)
    }

    public static func compile(_ source: RulePackSource, loadDiagnostics: [Diagnostic] = []) -> Result<Program, DiagnosticList> {
        let tokenizer: Tokenizer
        do { tokenizer = try Tokenizer() } catch {
            return .failure(DiagnosticList(diagnostics: [.error("\(error)")]))
        }
        var compiler = Compiler(diagnostics: loadDiagnostics, tokenizer: tokenizer, source: source)
        let program = compiler.run()
        let errors = compiler.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { return .failure(DiagnosticList(diagnostics: compiler.diagnostics)) }
        return .success(program)
    }

    private init(diagnostics: [Diagnostic], tokenizer: Tokenizer, source: RulePackSource) {
        self.diagnostics = diagnostics
        self.tokenizer = tokenizer
        self.source = source
    }

    /// An error at a rule-file location; `report` adds the line text.
    private func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error(message, at: location)
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        // A named pattern used by many rules would repeat its error once per use.
        if diagnostics.contains(where: { $0.location == diagnostic.location && $0.message == diagnostic.message }) { return }
        var diagnostic = diagnostic
        if diagnostic.lineText == nil, let location = diagnostic.location {
            diagnostic.lineText = source.files.first { $0.file.path == location.file }?.file.lineText(location.line)
        }
        diagnostics.append(diagnostic)
    }

    private mutating func run() -> Program {
        collectDeclarations()
        return compilePhases()
    }

    // MARK: - Declarations

    private mutating func collectDeclarations() {
        var ruleLocations: [String: SourceLocation] = [:]
        for syntax in source.files {
            var phase: Int?
            for statement in syntax.statements {
                switch statement {
                case .importFile: break
                case let .phase(name, _):
                    if let index = phaseNames.firstIndex(of: name) { phase = index } else {
                        phaseNames.append(name)
                        phase = phaseNames.count - 1
                    }
                case let .internalTypes(names, _):
                    internalTypes.formUnion(names)
                case let .pattern(name, body, at):
                    if let previous = definition(of: name) {
                        report(error("\(name) is already defined at \(previous)", at: at))
                    } else {
                        patterns[name] = (body, at)
                    }
                case let .value(name, body, at):
                    if let previous = definition(of: name) {
                        report(error("\(name) is already defined at \(previous)", at: at))
                    } else {
                        values[name] = (body, at)
                    }
                case let .lexicon(declaration):
                    addLexicon(declaration)
                case let .rule(declaration):
                    if let previous = ruleLocations[declaration.name] {
                        report(error("duplicate rule name \(declaration.name) (first defined at \(previous))", at: declaration.location))
                        continue
                    }
                    ruleLocations[declaration.name] = declaration.location
                    let phaseIndex: Int
                    if let phase { phaseIndex = phase } else {
                        if let index = phaseNames.firstIndex(of: "main") { phaseIndex = index } else {
                            phaseNames.append("main")
                            phaseIndex = phaseNames.count - 1
                        }
                        phase = phaseIndex
                    }
                    ruleItems.append(RuleItem(declaration: declaration, phase: phaseIndex, file: syntax.file))
                    let typeName = declaration.output.type
                    if let index = typeIndexByName[typeName] {
                        typeFirstPhase[index] = min(typeFirstPhase[index], phaseIndex)
                    } else {
                        typeIndexByName[typeName] = types.count
                        types.append(SpanType(name: typeName, isInternal: false))
                        typeFirstPhase.append(phaseIndex)
                    }
                case let .example(declaration):
                    examples.append(Example(text: declaration.text, expectations: declaration.expectations,
                                            expectsNothing: declaration.expectsNothing, location: declaration.location))
                }
            }
        }
        for index in types.indices where internalTypes.contains(types[index].name) { types[index].isInternal = true }
        for example in examples {
            for expectation in example.expectations where typeIndexByName[expectation.type] == nil {
                report(error("example expects type \(expectation.type), which no rule produces", at: expectation.location))
            }
        }
    }

    private var lexiconLocations: [String: SourceLocation] = [:]
    /// Where `name` is defined already, as a pattern, a `let` value or a
    /// lexicon (the three share their names).
    private func definition(of name: String) -> SourceLocation? { patterns[name]?.1 ?? values[name]?.1 ?? lexiconLocations[name] }

    private mutating func addLexicon(_ declaration: LexiconDeclaration) {
        if let previous = definition(of: declaration.name) {
            report(error("\(declaration.name) is already defined at \(previous)", at: declaration.location))
            return
        }
        lexiconLocations[declaration.name] = declaration.location
        let lexicon = Lexicon(name: declaration.name)
        let entries: [LexiconEntry]
        switch declaration.source {
        case let .inline(inline): entries = inline
        case .file: entries = source.lexiconFiles[declaration.name] ?? []
        case let .union(names):
            var union: [LexiconEntry] = []
            for name in names {
                guard let index = lexiconIndexByName[name] else {
                    report(error("unknown lexicon '\(name)' (declare it before \(declaration.name))", at: declaration.location))
                    return
                }
                union += lexiconEntries[index]
            }
            entries = union
        }
        // A phrase ending in + is a stem (`Шебекин+` matches Шебекине, not the surname
        // Шебекин) in a lexicon with endings; in one without, the + is its own ("C++").
        // (Checked where the entry is written: a union takes its members' stems as they are.)
        let written = !declaration.isUnion, takesStems = !declaration.endings.isEmpty || !written
        for entry in entries {
            if entry.isStem && !takesStems {
                let phrase = entry.phrase + "+"
                addEntry(entry, phrase: phrase, value: entry.value == entry.phrase ? phrase : entry.value, isStem: false,
                         to: lexicon, declaration, written: written)
            } else {
                addEntry(entry, phrase: entry.phrase, value: entry.value, isStem: entry.isStem, to: lexicon, declaration, written: written)
            }
        }
        var endings: [(key: String, script: Script)] = []
        for endingsName in declaration.endings {
            guard let endingsIndex = lexiconIndexByName[endingsName] else {
                report(error("unknown lexicon of endings '\(endingsName)' (declare it before \(declaration.name))", at: declaration.location))
                return
            }
            // An ending applies to tokens written in its own script (fold keys are all Latin).
            for phrase in lexiconEntries[endingsIndex].map(\.phrase) {
                let script = phrase.unicodeScalars.first { $0.properties.isAlphabetic }.map(Script.of) ?? .common
                endings.append((tokenizer.foldKeys(of: phrase).joined(), script))
            }
        }
        if !endings.isEmpty {
            let signature = endingsSignatures[declaration.endings] ?? endingsSignatures.count
            endingsSignatures[declaration.endings] = signature
            lexicon.setEndings(endings, signature: signature)
        }
        lexiconIndexByName[declaration.name] = lexicons.count
        lexicons.append(lexicon)
        lexiconEntries.append(entries)
    }

    /// Adds `entry` to `lexicon` as `phrase` (its own, or with the + it was written with).
    private mutating func addEntry(_ entry: LexiconEntry, phrase: String, value: String, isStem: Bool, to lexicon: Lexicon,
                                   _ declaration: LexiconDeclaration, written: Bool) {
        let (tokens, script) = tokenizer.phraseTokens(phrase, capitals: declaration.requiresCapitals)
        if tokens.isEmpty {
            report(error("lexicon entry \"\(phrase)\" has no tokens", at: entry.location))
            return
        }
        if isStem && written && tokens.count > 1 {
            report(error("lexicon entry \"\(phrase)+\" is a stem (it ends in +) of several words; a stem is one word", at: entry.location))
            return
        }
        let attributes = attributeDictionaries.dictionary(of: entry.attributes)
        lexicon.add(keys: tokens.map { keys.insert($0.foldKey) }, capitalized: declaration.requiresCapitals ? tokens.map(\.isCapitalized) : nil,
                    script: script, needsEnding: isStem, value: value, attributes: attributes)
    }

    // MARK: - Phases and rules

    private mutating func compilePhases() -> Program {
        let lexiconIndexByName = self.lexiconIndexByName
        // A literal recurs in many rules and in each use of a named pattern: tokenized once.
        let literalKeys = LiteralKeys(tokenizer).keys(of:)
        var predicates = PredicateTable(lexiconIndex: { lexiconIndexByName[$0] }, tokenizeLiteral: literalKeys)
        var phases: [Phase] = phaseNames.map { Phase(name: $0, instructions: [], ruleIndexes: [], ruleStarts: []) }
        var rules: [CompiledRule] = []
        for item in ruleItems {
            let declaration = item.declaration
            // The phase's arrays and the predicate table move into the compiler
            // and back: copied once per rule, they made compiling quadratic in
            // the rules of a phase.
            var phase = phases[item.phase]
            phases[item.phase] = Phase(name: phase.name, instructions: [], ruleIndexes: [], ruleStarts: [])
            var instructions: [Instruction] = []
            swap(&instructions, &phase.instructions)
            let before = instructions.count
            let resolve = nameResolver(phase: item.phase)
            var compiler = PatternCompiler(instructions: consume instructions, predicates: consume predicates,
                                           ruleName: declaration.name, resolve: resolve, tokenizeLiteral: literalKeys)
            do {
                let ruleIndex = rules.count
                let matchInstruction = try compiler.add(.match(rule: ruleIndex), at: declaration.location)
                let start = try compiler.compile(declaration.pattern, next: matchInstruction)
                let output = try compileOutput(declaration, captureNames: compiler.captureNames, phase: item.phase)
                phase.ruleOfInstruction.append(contentsOf: repeatElement(phase.ruleIndexes.count,
                                                                         count: compiler.instructions.count - before))
                phase.instructionLocations.append(contentsOf: compiler.locations)
                phase.ruleIndexes.append(ruleIndex)
                phase.ruleStarts.append(start)
                rules.append(CompiledRule(name: declaration.name, priority: declaration.priority, order: ruleIndex,
                                          phase: item.phase, location: declaration.location,
                                          captureNames: compiler.captureNames, output: output))
            } catch {
                report(error as? Diagnostic ?? self.error("\(error)", at: declaration.location))
                // The rule's instructions go: the phase keeps only compiled rules'.
                compiler.instructions.removeSubrange(before...)
            }
            predicates = compiler.predicates
            phase.instructions = compiler.instructions
            phases[item.phase] = phase
        }
        // Number the keys rules name (lexicon keys are numbered as entries are
        // added); literals and lexicons then test integers.
        var numbered = predicates.predicates.map { $0.numberingLiterals(&keys) }
        // Second-step tests are unions of these, added below, one per distinct union.
        var unionOf: [[Int]: Int] = [:]
        for lexicon in lexicons { lexicon.indexFirstKeys(keyCount: keys.count) }  // needs every key numbered
        let lexiconReach = lexicons.map(\.longestEntry)
        // An inflecting lexicon may start at any token of its script: as broad as can be.
        let lexiconBreadth = lexicons.map { $0.inflects ? Int.max / 4 : $0.firstKeys.count }
        for index in phases.indices {
            let graphs = phases[index].ruleRanges.map { RuleGraph(phases[index].instructions, range: $0) }
            let ruleStarts = phases[index].ruleStarts
            phases[index].ruleRequiredKeys = ruleStarts.indices.map { rule in
                RequiredKeys.of(start: ruleStarts[rule], graph: graphs[rule], predicates: numbered, lexiconBreadth: lexiconBreadth)
            }
            phases[index].ruleAlsoRequired = ruleStarts.indices.map { rule in
                RequiredKeys.alsoRequired(start: ruleStarts[rule], graph: graphs[rule], predicates: numbered,
                                          lexiconBreadth: lexiconBreadth, besides: phases[index].ruleRequiredKeys[rule])
            }
            phases[index].ruleReach = ruleStarts.indices.map { rule in
                MatchReach.of(start: ruleStarts[rule], graph: graphs[rule], lexiconReach: lexiconReach)
            }
            // A rule starts only where one of its first steps can take the token,
            // so most rules cost nothing at most tokens.
            let starts = phases[index].ruleStarts.map { phases[index].instructions.consumingSteps(from: $0).steps }
            // One predicate per distinct union of tests.
            func union(_ tests: [Int]) -> Int {
                if tests.count == 1 { return tests[0] }
                if let known = unionOf[tests] { return known }
                numbered.append(.or(tests.map { numbered[$0] }))
                unionOf[tests] = numbered.count - 1
                return numbered.count - 1
            }
            // The plain second-step test where only token tests are involved, else the wider one.
            let seconds = starts.map { SecondStep.wider(firstSteps: $0, in: phases[index].instructions) }
            phases[index].ruleSecondStep = seconds.map { $0?.tokenTests.map(union) ?? -1 }
            phases[index].ruleSecondGuard = zip(seconds, phases[index].ruleSecondStep).map { wider, second in
                guard second < 0, let wider else { return nil }
                return SecondStepGuard(predicate: wider.predicates.isEmpty ? -1 : union(wider.predicates.sorted()),
                                       lexicons: wider.lexicons.sorted(), types: wider.types.sorted(),
                                       startLexicons: wider.startLexicons.sorted(), startTypes: wider.startTypes.sorted())
            }
            phases[index].ruleStartIndex = RuleStartIndex(firstSteps: starts, instructions: phases[index].instructions,
                                                          predicates: numbered, keyCount: keys.count)
        }
        let abbreviations = lexiconIndexByName[Compiler.abbreviationsLexicon].map { index in
            for entry in lexiconEntries[index] where !entry.phrase.hasSuffix(".") || entry.phrase.contains(" ") {
                report(error("\(Compiler.abbreviationsLexicon) lists abbreviations that end with a full stop and hold no space, not '\(entry.phrase)'",
                             at: entry.location))
            }
            return Abbreviations(lexiconEntries[index].map(\.phrase))
        }
        return Program(phases: phases, rules: rules, types: types, predicates: numbered,
                       lexicons: lexicons, examples: examples, keys: keys, abbreviations: abbreviations ?? .none)
    }

    private func nameResolver(phase: Int) -> (String, SourceLocation) throws -> ResolvedName {
        let patterns = self.patterns
        let lexiconIndexByName = self.lexiconIndexByName
        let typeIndexByName = self.typeIndexByName
        let typeFirstPhase = self.typeFirstPhase
        let phaseNames = self.phaseNames
        return { name, at in
            if let (body, _) = patterns[name] { return .pattern(body) }
            if let index = lexiconIndexByName[name] { return .lexicon(index) }
            if let index = typeIndexByName[name] {
                if typeFirstPhase[index] >= phase {
                    throw Diagnostic.error("type \(name) is first produced in phase \(phaseNames[typeFirstPhase[index]]), which does not run before phase \(phaseNames[phase]); a rule can match only spans of earlier phases", at: at)
                }
                return .type(index)
            }
            throw Diagnostic.error("unknown name '\(name)': not a pattern, a lexicon or a type produced by an earlier phase", at: at)
        }
    }

    private func compileOutput(_ declaration: RuleDeclaration, captureNames: [String], phase: Int) throws -> CompiledOutput {
        let output = declaration.output
        var reported: Int?
        if let name = output.reportedCapture {
            guard let index = captureNames.firstIndex(of: name) else {
                throw Diagnostic.error("capture '\(name)' is used but never bound in rule \(declaration.name)", at: output.location)
            }
            reported = index
        }
        let attributes = try output.attributes.map { key, expression in
            (key, try compileExpression(expression, captureNames: captureNames, rule: declaration.name, phase: phase))
        }
        return CompiledOutput(type: typeIndexByName[output.type]!, attributes: attributes, reportedCapture: reported)
    }

    /// `expanding`: the `let` values being expanded, outermost first (a value may not name itself).
    private func compileExpression(_ node: ExpressionNode, captureNames: [String], rule: String, phase: Int,
                                   expanding: [String] = []) throws -> Expression {
        func capture(_ name: String, _ at: SourceLocation) throws -> Int {
            guard let index = captureNames.firstIndex(of: name) else {
                throw Diagnostic.error("capture '\(name)' is used but never bound in rule \(rule)", at: at)
            }
            return index
        }
        /// The entries of the lexicon an argument names, as a table (`reinflect`, `romanize`).
        func tableEntries(_ argument: ExpressionNode, _ message: String, _ at: SourceLocation) throws -> [LexiconEntry] {
            guard case let .word(name, _) = argument, let lexicon = lexiconIndexByName[name] else {
                throw Diagnostic.error(message, at: at)
            }
            return lexiconEntries[lexicon]
        }
        func earlierType(_ argument: ExpressionNode, _ function: String, _ at: SourceLocation) throws -> Int {
            guard case let .word(name, _) = argument, let index = typeIndexByName[name] else {
                throw Diagnostic.error("\(function) expects a type name as its last argument", at: at)
            }
            guard typeFirstPhase[index] < phase else {
                throw Diagnostic.error("\(function)(\(name)): type \(name) is not produced before this rule's phase", at: at)
            }
            return index
        }
        switch node {
        case let .constant(text): return .constant(.string(text))
        case let .number(value): return .constant(.number(value))
        case let .word(name, at):
            if let index = captureNames.firstIndex(of: name) { return .capture(index, member: .value) }
            // A `let` value, compiled in the rule that names it (its words are that rule's captures).
            if let (body, _) = values[name] {
                guard !expanding.contains(name) else {
                    throw Diagnostic.error("\((expanding + [name]).joined(separator: " → ")): a let value may not name itself", at: at)
                }
                return try compileExpression(body, captureNames: captureNames, rule: rule, phase: phase, expanding: expanding + [name])
            }
            return .constant(.string(name))
        case let .member(name, member, at):
            let index = try capture(name, at)
            switch member {
            case "text": return .capture(index, member: .text)
            case "fold": return .capture(index, member: .fold)
            case "value": return .capture(index, member: .value)
            default: return .capture(index, member: .attribute(member))
            }
        case let .call(function, arguments, at):
            let compile = { (node: ExpressionNode) in
                try compileExpression(node, captureNames: captureNames, rule: rule, phase: phase, expanding: expanding)
            }
            switch (function, arguments.count) {
            case ("previous", 1): return .previous(type: try earlierType(arguments[0], function, at), outside: [])
            case ("previous", 2):
                return .previousHolding(try compile(arguments[1]), type: try earlierType(arguments[0], function, at), outside: [])
            case ("subject", 2):
                return .subject(type: try earlierType(arguments[0], function, at), subjects: try earlierType(arguments[1], function, at),
                                outside: [])
            case ("outside", 2):
                // A search's restriction, so it applies to the search inside, not to a value; restrictions add up.
                let container = try earlierType(arguments[0], function, at)
                switch try compile(arguments[1]) {
                case let .previous(type, outside): return .previous(type: type, outside: outside + [container])
                case let .previousHolding(inner, type, outside): return .previousHolding(inner, type: type, outside: outside + [container])
                case let .subject(type, subjects, outside): return .subject(type: type, subjects: subjects, outside: outside + [container])
                default:
                    let name = if case let .word(name, _) = arguments[0] { name } else { "\(arguments[0])" }
                    throw Diagnostic.error("outside(\(name), …) restricts previous(…) or subject(…), not another value", at: at)
                }
            case ("fullest", 2): return .fullest(try compile(arguments[0]), type: try earlierType(arguments[1], function, at))
            case ("first", 1...): return .first(try arguments.map(compile))
            case ("when", 2):
                // A bare word is a constant elsewhere; as a condition it would always hold.
                if case let .word(name, _) = arguments[0], !captureNames.contains(name) {
                    throw Diagnostic.error("when(\(name), …): '\(name)' is not a capture of rule \(rule)", at: at)
                }
                return .when(try compile(arguments[0]), try compile(arguments[1]))
            case ("lower", 1): return .lower(try compile(arguments[0]))
            case ("number", 1): return .number(try compile(arguments[0]))
            case ("sum", 1...): return .arithmetic(.sum, try arguments.map(compile))
            case ("product", 1...): return .arithmetic(.product, try arguments.map(compile))
            case ("reinflect", 2):
                let endings = try tableEntries(arguments[1], "reinflect expects a lexicon of endings as its last argument", at)
                    .map { (ending: $0.phrase, replacement: $0.value) }.sorted { $0.ending.count > $1.ending.count }
                return .reinflect(try compile(arguments[0]), endings: endings)
            case ("romanize", 2):
                let rewrites = try tableEntries(arguments[1], "romanize expects a lexicon of rewrites as its last argument", at)
                return .romanize(try compile(arguments[0]), Romanization(rewrites.map { (from: $0.phrase, to: $0.value) }))
            default:
                throw Diagnostic.error("unknown function \(function) with \(arguments.count) argument(s) (expected previous(Type), previous(Type, x), subject(Type, Subjects), outside(Container, previous(…) or subject(…)), fullest(x, Type), first(a, b, …), when(c, x), lower(x), number(x), sum(a, b, …), product(a, b, …), reinflect(x, Lexicon) or romanize(x, Lexicon))", at: at)
            }
        }
    }
}
