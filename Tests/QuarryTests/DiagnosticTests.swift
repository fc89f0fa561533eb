import XCTest
@testable import Quarry

final class DiagnosticTests: XCTestCase {
    func testSyntaxErrorHasLineColumnAndCaret() {
        let found = diagnostics("rule r\n  \"a\" ( \"b\" => X\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found[0].location?.line, 2)
        XCTAssertEqual(found[0].location?.column, 13)
        XCTAssertEqual(found[0].rendered, """
            <rules>:2:13: error: expected ')' to close the group, found '=>'
              "a" ( "b" => X
                        ^
            """)
    }

    func testEveryErrorOfAFileIsReported() throws {
        let (source, loadErrors) = RulePackLoader.load(path: fixtures.appendingPathComponent("bad.qr").path)
        guard case let .failure(list) = Compiler.compile(source, loadDiagnostics: loadErrors) else {
            return XCTFail("bad.qr compiled")
        }
        let messages = list.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.message)" }
        XCTAssertEqual(messages.count, 4, messages.joined(separator: "\n"))
        XCTAssertTrue(messages[0].hasPrefix("2:13 expected ')'"), messages[0])
        XCTAssertTrue(messages.contains { $0.hasPrefix("5:1 duplicate rule name two") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("4:3 unknown name 'Unknown'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("8:6 repetition bound 100000 is above the limit") }, "\(messages)")
        XCTAssertTrue(list.diagnostics.allSatisfy { $0.location!.file.hasSuffix("bad.qr") })
    }

    func testCaptureUsedButNeverBound() {
        let found = diagnostics("rule r\n  x:\"a\" => X(v: y.value)")
        XCTAssertEqual(found.map(\.message), ["capture 'y' is used but never bound in rule r"])
        XCTAssertEqual(found[0].location?.line, 2)
    }

    func testReportedCaptureMustBeBound() {
        XCTAssertEqual(diagnostics("rule r \"a\" => X at q").map(\.message), ["capture 'q' is used but never bound in rule r"])
    }

    func testImportCycle() {
        let (_, found) = RulePackLoader.load(path: fixtures.appendingPathComponent("cycle_a.qr").path)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found[0].message, "import cycle: cycle_a.qr → cycle_b.qr → cycle_a.qr")
        XCTAssertTrue(found[0].location!.file.hasSuffix("cycle_b.qr"))
        XCTAssertEqual(found[0].location?.line, 1)
    }

    func testMissingImportAndLexiconFile() {
        let found = diagnostics("import \"nowhere.qr\"\nlexicon L from \"none.tsv\"\nrule r L => X")
        XCTAssertEqual(found.count, 2)
        XCTAssertTrue(found[0].message.contains("nowhere.qr: no such file"), found[0].message)
        XCTAssertTrue(found[1].message.hasPrefix("lexicon L: cannot read"), found[1].message)
        XCTAssertEqual(found[1].location?.line, 2)
    }

    func testTypeOfTheSamePhaseCannotBeMatched() {
        let found = diagnostics("rule a \"x\" => A\nrule b A \"y\" => B")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.hasPrefix("type A is first produced in phase main, which does not run before phase main"))
    }

    func testInvalidRegexUnknownClassAndFunction() {
        let found = diagnostics("rule a /(/ => A\nrule b [capital] => B\nrule c x:\"c\" => C(v: upper(x))")
        XCTAssertEqual(found.map(\.location!.line), [1, 2, 3])
        XCTAssertEqual(found[0].message, "invalid regular expression /(/")
        // A stray ")" would close the anchoring group the compiler wraps around it.
        XCTAssertEqual(diagnostics("rule a /a)|(b/ => A").map(\.message), ["invalid regular expression /a)|(b/"])
        XCTAssertNoThrow(try compile("rule a /[)]\\)?/ => A"))
        XCTAssertTrue(found[1].message.hasPrefix("unknown token class 'capital'"))
        XCTAssertTrue(found[2].message.hasPrefix("unknown function upper"))
    }

    /// A `let` value may not name itself, directly or through another, and
    /// shares its names with patterns and lexicons.
    func testLetValuesMayNotNameThemselvesOrRepeatAName() {
        let looping = diagnostics("let A = first(B, 1)\nlet B = A\nrule r x:\"x\" => T(v: A)")
        XCTAssertEqual(looping.map(\.message), ["A → B → A: a let value may not name itself"])
        let twice = diagnostics("pattern P = \"p\"\nlet P = 1\nrule r x:\"x\" => T(v: P)")
        XCTAssertEqual(twice.count, 1)
        XCTAssertTrue(twice[0].message.hasPrefix("P is already defined at"), twice[0].message)
    }

    /// `outside` restricts a search, so it takes one.
    func testOutsideNeedsASearch() {
        let rules = "phase a\ninternal T\nrule t x:[cap] => T at x\nphase b\nrule r \"x\" => A(v: outside(T, lower(\"X\")))"
        XCTAssertEqual(diagnostics(rules).map(\.message), ["outside(T, …) restricts previous(…) or subject(…), not another value"])
    }

    /// A bare word is a constant, which as `when`'s condition would always hold.
    func testWhenNeedsACaptureAsItsCondition() {
        let found = diagnostics("rule a (f:\"she\" | \"he\") => A(v: when(g, woman))")
        XCTAssertEqual(found.map(\.message), ["when(g, …): 'g' is not a capture of rule a"])
        XCTAssertNoThrow(try compile("rule a (f:\"she\" | \"he\") => A(v: when(f, woman))"))
    }

    func testRomanizeNeedsALexiconOfRewrites() {
        let found = diagnostics("rule a x:[cap] => A(v: romanize(x, Missing))")
        XCTAssertEqual(found.map(\.message), ["romanize expects a lexicon of rewrites as its last argument"])
    }

    func testReinflectNeedsALexiconOfEndings() {
        let found = diagnostics("rule a x:[cap] => A(v: reinflect(x, Missing))")
        XCTAssertEqual(found.map(\.message), ["reinflect expects a lexicon of endings as its last argument"])
        XCTAssertEqual(found.first?.location?.line, 1)
    }

    func testRecursivePatternAndDuplicateDefinitions() {
        let found = diagnostics("pattern P = \"a\" P?\npattern P = \"b\"\nrule r P => X")
        XCTAssertEqual(found.count, 2)
        XCTAssertTrue(found[0].message.hasPrefix("P is already defined at <rules>:1:1"))
        XCTAssertTrue(found[1].message.hasPrefix("pattern P refers to itself"))
    }

    func testExampleOfUnknownType() {
        let found = diagnostics("rule r \"a\" => X\nexample \"a\" => Y")
        XCTAssertEqual(found.map(\.message), ["example expects type Y, which no rule produces"])
    }

    func testUnterminatedStringAndStrayCharacter() {
        let found = diagnostics("rule r \"abc => X\nrule s ~ \"b\" => Y")
        XCTAssertTrue(found.contains { $0.message == "unterminated string" && $0.location?.line == 1 })
        XCTAssertTrue(found.contains { $0.message == "unexpected character '~'" && $0.location?.line == 2 })
    }

    func testMaximumBelowMinimum() {
        XCTAssertEqual(diagnostics("rule r \"a\"{3,1} => X").first?.message, "repetition {3,1} has its maximum below its minimum")
    }

    /// A stem is one word.
    func testAStemIsOneWord() {
        let found = diagnostics("lexicon E = { \"е\" }\nlexicon B = { \"Новая Таволжанк+\" } with endings E\nrule r B => X")
        XCTAssertEqual(found.map(\.message), ["lexicon entry \"Новая Таволжанк+\" is a stem (it ends in +) of several words; a stem is one word"])
        XCTAssertEqual(found.map { $0.location?.line }, [2])
    }

    func testMalformedLexiconLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Fields are parsed once per distinct text: a repeated bad field is still reported on each line.
        try "good\tvalue\tk=v\n\tempty\nbad\tvalue\tnoequals\nКиїв\tKyiv\tk=v\tnone\nagain\tvalue\tnoequals\n".write(to: directory.appendingPathComponent("l.tsv"), atomically: true, encoding: .utf8)
        try "lexicon L from \"l.tsv\"\nrule r L => X".write(to: directory.appendingPathComponent("r.qr"), atomically: true, encoding: .utf8)
        guard case let .failure(list) = Compiler.compile(path: directory.appendingPathComponent("r.qr").path) else {
            return XCTFail("compiled")
        }
        XCTAssertEqual(list.diagnostics.map { "\($0.location!.line):\($0.location!.column)" }, ["2:1", "3:11", "4:15", "5:13"])
        XCTAssertTrue(list.diagnostics[0].location!.file.hasSuffix("l.tsv"))
    }

    func testRepeatedAttributeFieldsGiveEachEntryItsAttributes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Kyiv\tKyiv\tkind=city;country=UA\nKharkiv\tKharkiv\tkind=city;country=UA\nCrimea\tCrimea\tkind=region\n"
            .write(to: directory.appendingPathComponent("p.tsv"), atomically: true, encoding: .utf8)
        let rules = "lexicon P from \"\(directory.appendingPathComponent("p.tsv").path)\"\nrule r p:P => Location(name: p, kind: p.kind, country: p.country)"
        XCTAssertEqual(try extract(rules, "Kyiv, Kharkiv, Crimea"),
                       ["Location[Kyiv]{name=Kyiv,kind=city,country=UA}", "Location[Kharkiv]{name=Kharkiv,kind=city,country=UA}",
                        "Location[Crimea]{name=Crimea,kind=region}"])
    }
}

/// Lexicon fields lose leading and trailing spaces, tabs and other space
/// separators, whatever their ends (the common case is answered from the bytes).
final class TrimmedSpacesTests: XCTestCase {
    func testSpacesAtEitherEndAreTrimmed() {
        XCTAssertEqual("Kyiv".trimmedSpaces, "Kyiv")
        XCTAssertEqual(" Kyiv\t".trimmedSpaces, "Kyiv")
        XCTAssertEqual("\u{00A0}Київ\u{2009}".trimmedSpaces, "Київ")
        XCTAssertEqual("Київ".trimmedSpaces, "Київ")
        XCTAssertEqual("a b".trimmedSpaces, "a b")
        XCTAssertEqual(" \t\u{3000}".trimmedSpaces, "")
        XCTAssertEqual("".trimmedSpaces, "")
        XCTAssertEqual("kind=city; ".split(separator: ";").map(\.trimmedSpaces), ["kind=city", ""])
    }
}
