import XCTest
@testable import Quarry

/// The matcher's shortcuts (caches per word form, the required-key filter,
/// match reach, the thread queues) must never change what is found.
final class MatcherSpeedupTests: XCTestCase {
    func testReachIsTheLongestMatchInTokensWhenBounded() throws {
        let program = try compile("""
            phase one
            lexicon L = { "a", "b c d" }
            pattern P = "x" "y"?
            rule bounded "a" P [any]{1,3} x:L => X
            rule looping "a"+ => X
            phase two
            rule spans X "b" => Y
            """)
        XCTAssertEqual(program.phases[0].ruleReach, [MatchReach(tokens: 1 + 2 + 3 + 3, spans: 0), nil])
        // A span of an earlier phase counts as long as the longest in the document.
        XCTAssertEqual(program.phases[1].ruleReach, [MatchReach(tokens: 1, spans: 1)])
        XCTAssertEqual(program.phases[1].ruleReach[0]?.bound(longestSpan: 4), 5)
    }

    func testReachOfManyAlternativesNeedsNoDeepRecursion() throws {
        let words = (0..<10_000).map { "\"w\($0)\"" }.joined(separator: " | ")
        let program = try compile("rule r (\(words)) \"end\" => X")
        XCTAssertEqual(program.phases[0].ruleReach, [MatchReach(tokens: 2, spans: 0)])
    }

    /// The first phase's filter, reset for `document`.
    func requiredWordFilter(_ program: Program, _ document: Document) -> RequiredKeyFilter {
        var words = RequiredWordIndex(phases: program.phases, keyCount: program.keys.count, lexicons: program.lexicons)
        // These tests' lexicons do not inflect (PikeVM.begin finds inflected starts).
        words.index(document.tokens, inflectedStarts: [])
        var filter = RequiredKeyFilter(phase: program.phases[0], words: words)
        filter.reset(words, longestSpan: 0)
        return filter
    }

    func testRuleStartsOnlyWithinReachOfARequiredKey() throws {
        let program = try compile("rule r [cap] [cap]? \"target\" => X")
        XCTAssertEqual(program.phases[0].ruleRequiredKeys.first??.count, 1)
        let document = try Tokenizer(keys: program.keys).document(id: "t", text: "Alpha Beta Gamma Delta target Echo target")
        var filter = requiredWordFilter(program, document)
        // "target" is at 4 and 6; a match spans at most 3 tokens.
        XCTAssertEqual((0..<7).map { filter.allows(0, at: $0) }, [false, false, true, true, true, true, true])
        // Nothing past the last occurrence.
        filter = requiredWordFilter(program, document)
        XCTAssertFalse(filter.allows(0, at: 7))
    }

    func testInflectingLexiconsOccurOnlyWhereAKeyOrAStemStartsAnEntry() throws {
        let rules = """
            lexicon Endings = { "е", "а" }
            lexicon Places = { "Таганрог" => Taganrog } with endings Endings
            rule r p:Places => X(p: p)
            """
        let program = try compile(rules)
        let document = try Tokenizer(keys: program.keys).document(id: "t", text: "в Москве и в Таганроге, Таганрог")
        var vm = PikeVM(program: program)
        vm.begin(document)
        let words = vm.requiredWords
        let word = Int(words.lexiconWord[1]!)
        // Таганроге (4) by its stem, Таганрог (6) by its key; not the other Cyrillic tokens.
        XCTAssertEqual(Array(words.positions[words.positionBounds[word]..<words.positionBounds[word + 1]]), [4, 6])
        XCTAssertEqual(try extract(rules, "в Москве и в Таганроге, Таганрог"), ["X[Таганроге]{p=Taganrog}", "X[Таганрог]{p=Taganrog}"])
    }

    func testRequiredLexiconsAndTheSmallerOfTheForwardAndBackwardSets() throws {
        let program = try compile("""
            lexicon Harm = { "killed", "were killed" }
            rule r ("a" | "an" | "the")? [alpha]? h:Harm => X(h: h)
            rule single "no" [Harm] => Y
            """)
        // Forward: "a", "an", "the" or Harm; backward: Harm alone.
        XCTAssertEqual(program.phases[0].ruleRequiredKeys[0], RequiredKeys(keys: [], lexicons: [0]))
        XCTAssertEqual(program.phases[0].ruleRequiredKeys[1]?.count, 1)
        let document = try Tokenizer(keys: program.keys).document(id: "t", text: "the man was there and two were killed")
        var filter = requiredWordFilter(program, document)
        // An entry may start at "were" (6) and "killed" (7); a match spans at most 1 + 1 + 2 tokens.
        XCTAssertEqual((0..<8).map { filter.allows(0, at: $0) }, [false, false, false, true, true, true, true, true])
        XCTAssertEqual(try extract("""
            lexicon Harm = { "killed", "were killed" }
            rule r ("a" | "an" | "the")? [alpha]? h:Harm => X(h: h)
            """, "the man was there and two were killed"), ["X[two were killed]{h=were killed}"])
    }

    func testReachThroughEarlierSpansUsesTheLongestSpan() throws {
        let rules = """
            phase one
            rule name [cap]+ => Name
            phase two
            rule said n:Name "said" => Said(who: n)
            """
        // "said" is 6 tokens after the start of the Name span: found only if the
        // reach counts the span at its real length.
        XCTAssertEqual(try extract(rules, "Yesterday the Governor Of The Long Named Region said so"),
                       ["Name[Yesterday]", "Name[Governor Of The Long Named Region]",
                        "Said[Governor Of The Long Named Region said]{who=Governor Of The Long Named Region}"])
    }

    func testUnboundedRulesStillNeedAKeyAtOrAfterTheStart() throws {
        let program = try compile("rule r [cap]+ \"target\" => X")
        let document = try Tokenizer(keys: program.keys).document(id: "t", text: "Alpha target Beta Gamma")
        var filter = requiredWordFilter(program, document)
        XCTAssertEqual((0..<4).map { filter.allows(0, at: $0) }, [true, true, false, false])
        XCTAssertEqual(try extract("rule r [cap]+ \"target\" => X", "Alpha Beta target Gamma"), ["X[Alpha Beta target]"])
    }

    /// Word-form numbers are a tokenizer's own: a matcher given documents of
    /// two tokenizers must not apply one's cached forms to the other's.
    func testFormCachesStartOverForAnotherTokenizersDocuments() throws {
        let program = try compile("""
            rule word "alpha" => A
            rule capital [cap & !"Beta"] => C
            """)
        let matcher = Matcher(program: program)
        let first = try Tokenizer(keys: program.keys).document(id: "1", text: "alpha Beta")
        let second = try Tokenizer(keys: program.keys).document(id: "2", text: "Beta alpha Gamma")
        let names = { (spans: [Span], document: Document) in
            spans.map { "\(program.types[$0.type].name)[\(document.text(ofTokens: $0.tokens))]" }.sorted()
        }
        XCTAssertEqual(names(matcher.spans(in: first), first), ["A[alpha]"])
        // Form 0 is "alpha" in the first document and "Beta" in the second.
        XCTAssertEqual(names(matcher.spans(in: second), second), ["A[alpha]", "C[Gamma]"])
        XCTAssertEqual(names(matcher.spans(in: first), first), ["A[alpha]"])
    }

    func testSingleTokenBranchesBecomeOneTest() throws {
        let rules = "rule r (\"were\" | \"was\" | [number] | \"have\" \"been\") x:\"hurt\" => X(how: x)"
        let program = try compile(rules)
        // The union test, "have" "been", one split, the capture's open and close, "hurt", match.
        XCTAssertEqual(program.phases[0].instructions.count, 8)
        // Forward, [number] is not a literal, so the walk passes the union to
        // "hurt" ("have" stops it on its branch); backward, "hurt" alone is on every path.
        XCTAssertEqual(program.phases[0].ruleRequiredKeys, [RequiredKeys(keys: [program.keys.id(of: "hurt")], lexicons: [])])
        XCTAssertEqual(try extract(rules, "they were hurt, 3 hurt, have been hurt, had hurt"),
                       ["X[were hurt]{how=hurt}", "X[3 hurt]{how=hurt}", "X[have been hurt]{how=hurt}"])
        let literals = try compile("rule r (\"were\" | \"was\") [alpha] => X")
        XCTAssertEqual(literals.phases[0].ruleRequiredKeys.first??.count, 2)
    }

    /// A step every path takes is a further set of required words besides
    /// the first or last words: the person noun between a casualty rule's
    /// optional opening words and its harm verb.
    func testStepsOnEveryPathAreRequiredToo() throws {
        let rules = #"""
            lexicon Persons = { "man", "woman" }
            lexicon Harm = { "killed", "wounded" }
            rule r ("a" | "an")? [alpha]? Persons "was"? h:Harm => X(how: h)
            """#
        let program = try compile(rules)
        let persons = 0, harm = 1
        XCTAssertEqual(program.phases[0].ruleRequiredKeys, [RequiredKeys(keys: [], lexicons: [harm])], "the last words, fewer than the first")
        XCTAssertEqual(program.phases[0].ruleAlsoRequired, [[RequiredKeys(keys: [], lexicons: [persons])]],
                       "the person noun, on every path; not \"was\", which a path skips")
        XCTAssertEqual(try extract(rules, "a local man was killed; soldiers were wounded; an old woman wounded"),
                       ["X[a local man was killed]{how=killed}", "X[an old woman wounded]{how=wounded}"])
        let optional = try compile(#"rule r "a"? ("b" | "c") "d"? "e" => X"#)
        XCTAssertEqual(optional.phases[0].ruleAlsoRequired[0].count, 1, "one of b or c, besides e")
    }

    /// The table behind lexicon edges and the best match per rule and start
    /// agrees with a Dictionary through growth, overwrites and keys that
    /// differ only in their high or low half.
    /// A rule starts only where the next token can take one of its second
    /// steps; rules that can end, or go on with a lexicon or span, after
    /// their first token have no such test.
    func testSecondStepTestsOnlyWhereEveryNextStepIsATokenTest() throws {
        let program = try compile("""
            lexicon Harm = { "killed" }
            rule pair "a" ("b" | [number]) => X
            rule optional "c" "d"? => Y
            rule lexicon "e" Harm => Z
            rule repeated [cap]{2,} => W
            """)
        let phase = program.phases[0]
        let second = phase.ruleSecondStep
        XCTAssertEqual(second.count, 4)
        XCTAssertGreaterThanOrEqual(second[0], 0)
        XCTAssertEqual(second[1], -1)
        XCTAssertEqual(second[2], -1)
        XCTAssertGreaterThanOrEqual(second[3], 0)
        let document = try Tokenizer(keys: program.keys).document(id: "t", text: "b 7 Kyiv")
        XCTAssertEqual(document.tokens.map { program.passes(second[0], $0, text: document.words[$0.form]) },
                       [true, true, false])
    }

    /// Rules whose first token test may be followed by a lexicon or a span,
    /// or that may also begin with one, get the wider test; rules that can
    /// end after their first token, or begin with no token test, do not.
    func testWiderSecondStepWhereALexiconOrSpanMayFollowOrBegin() throws {
        let program = try compile("""
            phase first
            rule number [number] => N
            phase second
            lexicon Harm = { "killed", "were hurt" }
            rule harm [cap] Harm => H
            rule either ([cap] | N) "x" => E
            rule ends [cap] Harm? => F
            rule lexiconFirst Harm "x" => G
            rule plain "a" "b" => P
            """)
        let guards = program.phases[1].ruleSecondGuard
        XCTAssertEqual(guards.count, 5)
        XCTAssertEqual(guards[0]?.lexicons, [0])
        XCTAssertEqual(guards[0]?.startTypes, [])
        XCTAssertEqual(guards[1]?.startTypes, [program.types.firstIndex { $0.name == "N" }!])
        XCTAssertGreaterThanOrEqual(guards[1]?.predicate ?? -1, 0)
        XCTAssertNil(guards[2], "a match may follow the first token")
        XCTAssertNil(guards[3], "no first step is a token test")
        XCTAssertNil(guards[4], "the plain second-step test serves")
        XCTAssertGreaterThanOrEqual(program.phases[1].ruleSecondStep[4], 0)
    }

    /// Random rules over tokens, a lexicon and an earlier phase's spans: the
    /// same spans and lost matches with the wider second-step test and without.
    func testWiderSecondStepChangesNoMatch() throws {
        var rng = DifferentialTests.Generator(state: 20261204)
        let steps = [#""a""#, #""b""#, "[cap]", "[any]", "L", "L?", "T", "T?", #"("a" | L)"#, #"([cap] | T)"#, #""b"?"#]
        var compared = 0
        for _ in 0..<300 {
            let body = (0..<Int.random(in: 2...4, using: &rng)).map { _ in steps.randomElement(using: &rng)! }
            let rules = """
                phase first
                rule t "b" "a" => T
                phase second
                lexicon L = { "a", "a b", "Kyiv" }
                rule r \(body.joined(separator: " ")) => X
                rule s \(body.shuffled(using: &rng).joined(separator: " ")) => Y
                rule u ([cap] | T | L) \(body.shuffled(using: &rng).joined(separator: " ")) => Z
                """
            guard case let .success(program) = Compiler.compile(text: rules) else { return XCTFail("did not compile: \(rules)") }
            let guarded = Matcher(program: program), plain = Matcher(program: program, secondStepGuards: false)
            let tokenizer = try Tokenizer(keys: program.keys)
            for _ in 0..<8 {
                let words = (0..<Int.random(in: 0...10, using: &rng)).map { _ in ["a", "b", "Kyiv", "Odesa", "x"].randomElement(using: &rng)! }
                let document = tokenizer.document(id: "t", text: words.joined(separator: " "))
                func described(_ traces: [PhaseTrace]) -> [String] {
                    traces.flatMap { trace in
                        trace.made.map { "made \($0.rule) \($0.tokens)" } + trace.lost.map { "lost \($0.rule) \($0.tokens)" }
                    }
                }
                XCTAssertEqual(described(guarded.trace(in: document)), described(plain.trace(in: document)), "\(rules) on \(words)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 2400)
    }

    /// The second-step test reads the next token, position facts included,
    /// and there is none after the last.
    func testSecondStepTestsKeepEveryMatch() throws {
        let rules = """
            rule pair "a" ("b" | [number]) => X
            rule glued "x" [!space_before] => G
            rule caps [cap]{2,} => W
            """
        XCTAssertEqual(try extract(rules, "a b a c a 3 a"), ["X[a b]", "X[a 3]"])
        XCTAssertEqual(try extract(rules, "x-y x y x"), ["G[x-]"])
        XCTAssertEqual(try extract(rules, "see New York and Paris"), ["W[New York]"])
    }

    /// Visits are marked with a stamp per position; when the stamps wrap
    /// around, old marks are cleared, so no position takes another's marks
    /// for its own.
    /// What a matcher keeps between documents and phases (caches per word
    /// form, stamps of cached results) must not leak into the next one: each
    /// sample's records are the same from one extractor that saw the others
    /// first, in either order, as from a fresh one.
    func testADocumentsRecordsDoNotDependOnTheDocumentsBefore() throws {
        let program = try defaultProgram()
        let samples = packageRoot.appendingPathComponent("samples")
        let texts = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOf: samples.appendingPathComponent($0), encoding: .utf8) }
        XCTAssertGreaterThan(texts.count, 10)
        let fresh = try texts.map { try Extractor(program: program).extract(id: "d", text: $0) }
        let forward = try Extractor(program: program), backward = try Extractor(program: program)
        XCTAssertEqual(texts.map { forward.extract(id: "d", text: $0) }, fresh)
        XCTAssertEqual(texts.reversed().map { backward.extract(id: "d", text: $0) }, fresh.reversed())
        XCTAssertGreaterThan(fresh.joined().count, 500)
    }

    func testVisitStampsWrapAround() throws {
        let program = try compile("rule r \"a\" \"b\" => X")
        let document = try Tokenizer(keys: program.keys).document(id: "t", text: "a x a x a x a b")
        func matches(_ vm: inout PikeVM) -> [String] {
            vm.begin(document)
            let spans = SpanIndex(tokenCount: document.tokens.count)
            return vm.candidates(phase: 0, document: document, spans: spans).items.map { "\($0.start)-\($0.end)" }
        }
        var vm = PikeVM(program: program)
        // Stamps 1, 2, … mark this run's visits; the match step is visited
        // only at the last position.
        let expected = matches(&vm)
        XCTAssertEqual(expected, ["6-8"])
        // The next run wraps to stamp 1 at its first position, so it draws
        // the same stamps at the same positions.
        vm.visitStamp = UInt32.max
        XCTAssertEqual(matches(&vm), expected)
    }

    func testIntegerTableAgreesWithADictionary() {
        var table = IntegerTable(), reference: [UInt64: Int32] = [:]
        var state: UInt64 = 3
        for step in 0..<50_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let key = step % 3 == 0 ? UInt64(step) << 32 : (step % 3 == 1 ? UInt64(step % 700) : state >> 20)
            let value = Int32(truncatingIfNeeded: state >> 40) & 0x7FFF_FFFF
            table[key] = value
            reference[key] = value
        }
        XCTAssertEqual(table.count, reference.count)
        for (key, value) in reference { XCTAssertEqual(table[key], value) }
        XCTAssertNil(table[UInt64.max])
        var seen: [UInt64: Int32] = [:]
        table.forEach { seen[$0] = $1 }
        XCTAssertEqual(seen, reference)
        table.removeAll()
        XCTAssertEqual(table.count, 0)
        XCTAssertNil(table[0])
    }

    func testThreadQueuesAreFirstInFirstOutPerPositionAndReuseEntries() {
        var queues = ThreadQueues<Int>()
        queues.reset(positions: 4)
        queues.append(1, at: 2)
        queues.append(2, at: 1)
        queues.append(3, at: 2)
        let out = RawBuffer<Int>(capacity: 1)
        queues.take(1, into: out)
        XCTAssertEqual(out.elements, [2])
        queues.append(4, at: 3)
        queues.append(5, at: 2)
        out.removeAll()
        queues.take(2, into: out)
        XCTAssertEqual(out.elements, [1, 3, 5])
        out.removeAll()
        queues.take(2, into: out)
        XCTAssertEqual(out.elements, [])
        queues.append(6, at: 3)
        queues.take(3, into: out)
        XCTAssertEqual(out.elements, [4, 6], "taking appends to what the buffer holds")
        queues.reset(positions: 4)
        out.removeAll()
        queues.take(3, into: out)
        XCTAssertEqual(out.elements, [])
        // Growing the pool past its first room keeps every queue's order.
        queues.reset(positions: 3)
        for value in 0..<100 { queues.append(value, at: value % 3) }
        for position in 0..<3 {
            out.removeAll()
            queues.take(position, into: out)
            XCTAssertEqual(out.elements, Array(stride(from: position, to: 100, by: 3)))
        }
    }

    func testRawBufferAssignsAndFillsWholeBuffers() {
        let buffer = RawBuffer<Int>(capacity: 2)
        let values = Array(0..<50)
        values.withUnsafeBufferPointer { buffer.assign($0) }
        XCTAssertEqual(buffer.elements, values, "assigning past the room grows it")
        [7, 8].withUnsafeBufferPointer { buffer.assign($0) }
        XCTAssertEqual(buffer.elements, [7, 8], "assigning fewer drops the rest")
        buffer.fill(-1)
        XCTAssertEqual(buffer.elements, [-1, -1])
        [Int]().withUnsafeBufferPointer { buffer.assign($0) }
        XCTAssertTrue(buffer.isEmpty)
    }

    func testLexiconEntriesMatchThroughWordsNoRuleNamesElsewhere() throws {
        let rules = """
            lexicon L = { "Storm Shadow missile", "Storm" }
            rule r x:L => W(name: x)
            """
        XCTAssertEqual(try extract(rules, "a Storm Shadow missile and a Storm Shadow"),
                       ["W[Storm Shadow missile]{name=Storm Shadow missile}", "W[Storm]{name=Storm}"])
    }
}
