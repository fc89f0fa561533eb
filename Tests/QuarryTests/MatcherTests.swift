import XCTest
@testable import Quarry

final class MatcherTests: XCTestCase {
    func testLiteralsAreFoldedAndMultiToken() throws {
        XCTAssertEqual(try extract("rule r \"S-200\" => W", "an С-200 and s-200"), ["W[С-200]", "W[s-200]"])
        XCTAssertEqual(try extract("rule r \"kiev\" => L", "KIEV Kiev Київ"), ["L[KIEV]", "L[Kiev]"])
    }

    func testAlternationOptionalAndRepetition() throws {
        let rules = "rule r \"a\" (\"b\" | \"c\")? \"d\"{1,2} => X"
        XCTAssertEqual(try extract(rules, "a b d d d a d a c"), ["X[a b d d]", "X[a d]"])
    }

    /// Phases past the 63rd and span types past the 64th have no bit of
    /// their own in the start masks: such phases are asked at every position.
    func testPhasesAndTypesPastTheBitsStillMatch() throws {
        let phases = (0..<70).map { "phase p\($0)\ninternal T\($0)\nrule r\($0) \"a\" => T\($0)" }.joined(separator: "\n")
        let rules = phases + "\nphase last\nrule late T69 \"b\" => Late\nrule word \"c\" => Word"
        // Past the first 64 positions too.
        let text = "x a b c " + String(repeating: "x ", count: 100) + "a b c"
        XCTAssertEqual(try extract(rules, text), ["Late[a b]", "Word[c]", "Late[a b]", "Word[c]"])
    }

    func testLeftmostLongest() throws {
        XCTAssertEqual(try extract("rule r \"a\"+ => X", "a a a b a"), ["X[a a a]", "X[a]"])
    }

    func testTokenPredicates() throws {
        let rules = """
            rule cap [cap & !sentence_start] => Cap
            rule num [number & value>=100] => Big
            rule shape "x" "-" [shape="ddd"] => Shape
            rule cyr [script=cyrillic] => Cyr
            rule re /[a-z]+ed/ => Past
            rule len [lower & length<3] => Short
            """
        XCTAssertEqual(try extract(rules, "The Crew killed 120 in київ ok X-200"),
                       ["Cap[Crew]", "Past[killed]", "Big[120]", "Short[in]", "Cyr[київ]", "Short[ok]", "Shape[X-200]"])
    }

    /// Start lists are cached per word form, and per position facts only in
    /// phases whose first steps read them: one form gets both answers.
    func testStartsOfOneFormDependOnPositionOnlyWhereAFirstStepReadsIt() throws {
        let rules = """
            phase one
            rule first [cap & sentence_start] => First
            phase two
            rule word "Alpha" => Word
            """
        XCTAssertEqual(try extract(rules, "Alpha went home. Then Alpha came. Alpha left."),
                       ["First[Alpha]", "Word[Alpha]", "First[Then]", "Word[Alpha]", "First[Alpha]", "Word[Alpha]"])
    }

    /// Two entries that fold alike but are written in Latin and Cyrillic each
    /// serve tokens of their script; within one script the first wins.
    func testEntriesThatFoldAlikeServeTheirOwnScript() throws {
        let rules = """
            lexicon E = { "е" }
            lexicon P = { "Pokrovske" => village, "Покровске" => city, "Pokrovske" => other } with endings E
            rule r p:P => X(v: p)
            """
        XCTAssertEqual(try extract(rules, "Pokrovske Покровске Покровскей"), ["X[Pokrovske]{v=village}", "X[Покровске]{v=city}"])
        // A Latin entry alone still serves a Cyrillic token that folds like it.
        XCTAssertEqual(try extract(#"lexicon P = { "Shahed" => drone }\#nrule r p:P => X(v: p)"#, "Шахед"), ["X[Шахед]{v=drone}"])
    }

    /// `line_start` is a position fact like `sentence_start`: one word form
    /// answers it per position, after a line break of any kind.
    func testLineStartIsReadPerPosition() throws {
        let rules = """
            rule line [line_start & "Kyiv"] => Line
            """
        XCTAssertEqual(try extract(rules, "Kyiv said. Kyiv\nKyiv\r\n\nKyiv  Kyiv\u{2029}Kyiv"),
                       ["Line[Kyiv]", "Line[Kyiv]", "Line[Kyiv]", "Line[Kyiv]"])
        let tokens = try Tokenizer().document(id: "t", text: "Kyiv said. Kyiv\nKyiv\r\n\nKyiv  Kyiv").tokens
        XCTAssertEqual(tokens.map(\.isLineStart), [true, false, false, false, true, true, false])
    }

    /// A thread can reach a lexicon or a span type after the last token; it
    /// finds nothing there (and reads no token past the end).
    func testLexiconAfterTheLastTokenFindsNothing() throws {
        let rules = """
            lexicon Harm = { "killed", "were killed" }
            rule r "two" Harm? => X
            """
        XCTAssertEqual(try extract(rules, "two"), ["X[two]"])
        XCTAssertEqual(try extract(rules, "two were killed"), ["X[two were killed]"])
    }

    func testRegexMustMatchWholeToken() throws {
        XCTAssertEqual(try extract("rule r /kill/ => X", "killed kill"), ["X[kill]"])
        XCTAssertEqual(try extract("rule r /KILL/i => X", "Kill"), ["X[Kill]"])
        // An alternative that matches only a prefix does not stand for the token,
        // nor keep a later one from matching it whole.
        XCTAssertEqual(try extract("rule r /(kill|killed)/ => X", "killed killer"), ["X[killed]"])
        XCTAssertEqual(try extract("rule r /a|b/ => X", "ab b"), ["X[b]"])
    }

    func testLexiconWithMultiTokenEntriesAndAttributes() throws {
        let rules = """
            lexicon W = { "Storm Shadow" => "Storm Shadow" (category: missile), "Storm" => storm (category: weather) }
            rule w x:W => Weapon(name: x, category: x.category)
            """
        XCTAssertEqual(try extract(rules, "a storm shadow hit; a Storm came"),
                       ["Weapon[storm shadow]{name=Storm Shadow,category=missile}", "Weapon[Storm]{name=storm,category=weather}"])
    }

    func testLexiconAsSingleTokenPredicate() throws {
        let rules = "lexicon L = { \"drone\", \"drones\" }\nrule r [L] => X"
        XCTAssertEqual(try extract(rules, "two drones"), ["X[drones]"])
    }

    /// Inside `[ ]` a lexicon with endings takes a token as its pattern
    /// element would: an entry plus an ending, in the entry's script, with
    /// its capital.
    func testLexiconWithEndingsAsSingleTokenPredicate() throws {
        let rules = """
            lexicon Endings = { "е", "ом" }
            lexicon Places = { "Таганрог", "Kyiv" } with endings Endings with capitals
            rule r [Places & /.*е/] => X
            """
        XCTAssertEqual(try extract(rules, "в Таганроге, Таганрогом, таганроге, Таганрог, Kyivе"), ["X[Таганроге]"])
    }

    /// A stem (`Шебекин+`) matches only with an ending, as a pattern element
    /// and inside `[ ]`: the surname Шебекин is no town. An entry of the same
    /// phrase without the `+` matches on its own again.
    func testStemsMatchOnlyWithAnEnding() throws {
        let rules = """
            lexicon Endings = { "е", "а", "ского" }
            lexicon Places = { "Шебекин+" => Shebekino, "Таганрог+" => Taganrog, "Таганрог" => Taganrog } with endings Endings
            rule place p:Places => Place(name: p)
            rule token [Places] "!" => Token
            """
        XCTAssertEqual(try extract(rules, "Шебекин сказал: в Шебекине, у Шебекина, Шебекинского округа; Таганрог и Таганроге."),
                       ["Place[Шебекине]{name=Shebekino}", "Place[Шебекина]{name=Shebekino}", "Place[Шебекинского]{name=Shebekino}",
                        "Place[Таганрог]{name=Taganrog}", "Place[Таганроге]{name=Taganrog}"])
        XCTAssertEqual(try extract(rules, "Шебекин ! Шебекине !").filter { $0.hasPrefix("Token") }, ["Token[Шебекине !]"])
        // Without endings a final + is the phrase's own.
        XCTAssertEqual(try extract("lexicon L = { \"C++\" }\nrule r l:L => Language(name: l)", "in C++ and C"), ["Language[C++]{name=C++}"])
    }

    func testNamedPatternsAndCapturesWithNumberValues() throws {
        let rules = """
            pattern Count = [number] ("-" [number])?
            rule r n:Count "killed" => Casualty(count: n.value, words: n.text)
            """
        XCTAssertEqual(try extract(rules, "twenty-one killed"), ["Casualty[twenty-one killed]{count=21,words=twenty-one}"])
    }

    func testPhasesLetLaterRulesMatchEarlierSpans() throws {
        let rules = """
            phase numbers
            internal Number
            rule number n:([number]+ | "a" "dozen") => Number(value: n.value)
            phase events
            rule casualty n:Number "killed" => Casualty(count: n.value)
            """
        XCTAssertEqual(try extract(rules, "a dozen killed, two hundred killed"),
                       ["Casualty[a dozen killed]{count=12}", "Casualty[two hundred killed]{count=200}"])
    }

    func testReportedCaptureAndConstants() throws {
        let rules = "rule r \"the\" x:[cap] \"regime\" => Location(name: x, kind: government) at x"
        XCTAssertEqual(try extract(rules, "the Kyiv regime"), ["Location[Kyiv]{name=Kyiv,kind=government}"])
    }

    func testABoundedRuleReportingACaptureFindsAMatchFromEveryStart() throws {
        // Every item of a list: the starts at "b" and "c" reach the steps the
        // start at "a" took, yet each reports its own capture.
        let bounded = "rule r x:[lower] (\",\" [lower]){0,3} \"end\" => X at x"
        XCTAssertEqual(try extract(bounded, "a , b , c end"), ["X[a]", "X[b]", "X[c]"])
        // With an open loop a later start that meets an earlier one's step is
        // dropped, which keeps the work per token bounded whatever the rule.
        let open = "rule r x:[lower] (\",\" [lower])* \"end\" => X at x"
        XCTAssertEqual(try extract(open, "a , b , c end"), ["X[a]"])
        // A rule reporting its whole match gains nothing from later starts: the earlier match covers them.
        XCTAssertEqual(try extract("rule r [lower] (\",\" [lower]){0,3} \"end\" => X", "a , b , c end"), ["X[a , b , c end]"])
    }

    func testUnmatchedOptionalCaptureOmitsAttribute() throws {
        let rules = "rule r a:\"big\"? \"boom\" => X(size: a.text, fixed: 1)"
        XCTAssertEqual(try extract(rules, "boom big boom"), ["X[boom]{fixed=1}", "X[big boom]{size=big,fixed=1}"])
    }

    func testConflictsPriorityThenLengthThenRuleOrder() throws {
        let longer = "rule short \"a\" => S\nrule long \"a\" \"b\" => L"
        XCTAssertEqual(try extract(longer, "a b"), ["L[a b]"])
        let prioritized = "rule short priority 5 \"a\" => S\nrule long \"a\" \"b\" => L"
        XCTAssertEqual(try extract(prioritized, "a b"), ["S[a]"])
        let tie = "rule first \"a\" => First\nrule second \"a\" => Second"
        XCTAssertEqual(try extract(tie, "a"), ["First[a]"])
    }

    /// Priorities past what the packed rank holds take the tuple order, with the same result.
    func testConflictsWithPrioritiesPastThePackedRank() throws {
        let rules = "rule wide priority 200 \"a\" \"b\" \"c\" => Wide\nrule high priority 300 \"b\" => High\nrule plain \"a\" \"b\" => Plain"
        XCTAssertEqual(try extract(rules, "a b c"), ["High[b]"])
        XCTAssertEqual(try extract("rule plain \"a\" \"b\" => Plain\nrule big priority 200 \"a\" => Big", "a b"), ["Big[a]"])
    }

    /// The packed rank orders as the tuple it packs does, for every field.
    func testPackedRankKeepsTheTupleOrder() {
        var generator = DifferentialTests.Generator(state: 92)
        let ranks = (0..<2_000).map { _ in
            (Int.random(in: -128...127, using: &generator), Int.random(in: -4095...0, using: &generator),
             Int.random(in: -4095...0, using: &generator), Int.random(in: 0..<4096, using: &generator),
             Int.random(in: 0..<(1 << 20), using: &generator))
        }
        for (a, b) in zip(ranks, ranks.dropFirst()) {
            guard let packedA = ConflictResolver.packedRank(a), let packedB = ConflictResolver.packedRank(b) else {
                return XCTFail("a rank within the fields' bounds did not pack: \(a), \(b)")
            }
            XCTAssertEqual(packedA < packedB, a < b, "\(a) against \(b)")
        }
        XCTAssertNil(ConflictResolver.packedRank((-129, 0, 0, 0, 0)))
        XCTAssertNil(ConflictResolver.packedRank((128, 0, 0, 0, 0)))
        XCTAssertNil(ConflictResolver.packedRank((0, -4096, 0, 0, 0)))
        XCTAssertNil(ConflictResolver.packedRank((0, 0, 0, 4096, 0)))
        XCTAssertNil(ConflictResolver.packedRank((0, 0, 0, 0, 1 << 20)))
    }

    func testDifferentPhasesDoNotCompete() throws {
        let rules = "phase p1\nrule a \"a\" => A\nphase p2\nrule ab \"a\" \"b\" => AB"
        XCTAssertEqual(try extract(rules, "a b"), ["A[a]", "AB[a b]"])
    }

    func testPreviousAndFullest() throws {
        let rules = """
            phase people
            internal Person
            rule person p:([cap] [cap]) => Person at p
            rule surname "," s:[cap] "said" => Person at s
            phase quotes
            rule said q:"yes" "," he:"he" "said" => Quote(speaker: fullest(previous(Person), Person)) at q
            """
        XCTAssertEqual(try extract(rules, "Vasily Golubev spoke . Later , Golubev said . yes , he said"),
                       ["Quote[yes]{speaker=Vasily Golubev}"])
    }

    /// A `let` value is compiled in each rule that names it: its words are
    /// that rule's captures, and a capture of the same name comes first.
    func testLetValuesAreCompiledInTheRulesThatNameThem() throws {
        let rules = """
            let Who = first(when(f, woman), man)
            let Tag = fixed
            rule a (f:"she" | "he") "said" => X(who: Who, tag: Tag)
            rule b Tag:"asked" => Y(tag: Tag)
            """
        XCTAssertEqual(try extract(rules, "she said . he said . asked"),
                       ["X[she said]{who=woman,tag=fixed}", "X[he said]{who=man,tag=fixed}", "Y[asked]{tag=asked}"])
    }

    /// `outside(Container, …)` leaves out the spans that lie inside a span of
    /// the container's type: a name quoted is no antecedent of "he"; two
    /// restrictions add up (nor is a woman).
    func testOutsideLeavesOutSpansInsideTheContainer() throws {
        let rules = """
            phase women
            internal Woman
            rule woman w:("Olena" [cap]) => Woman at w
            phase people
            internal Person
            rule person p:([cap] [cap]) => Person at p
            phase quoted
            internal Said
            rule said "<" s:[!">"]+ ">" => Said at s
            phase quotes
            rule he q:"yes" "," "he" "said" => Quote(near: previous(Person), outside: outside(Said, previous(Person)),
              subject: outside(Said, subject(Person, Person)), man: outside(Said, outside(Woman, previous(Person))))
              at q
            """
        XCTAssertEqual(try extract(rules, "Vasily Golubev spoke . Olena Kovalenko came . < I met Ivan Petrov > . yes , he said"),
                       ["Quote[yes]{near=Ivan Petrov,outside=Olena Kovalenko,subject=Olena Kovalenko,man=Vasily Golubev}"])
    }

    /// `romanize` rewrites by the longest entry, anchored ones at a word's
    /// start or end only, keeps capitals and what no entry covers.
    func testRomanizeRewritesByTheLongestEntry() throws {
        let rules = """
            lexicon Latin = { "а" => "a", "я" => "ia", "^я" => "ya", "й" => "i", "ий$" => "y", "ш" => "sh", "щ" => "shch",
              "к" => "k", "н" => "n", "о" => "o", "с" => "s", "ь" => "", "'" => "" }
            phase places
            rule village "at" p:[!"."]+ "." => Place(name: romanize(p.text, Latin)) at p
            """
        XCTAssertEqual(try extract(rules, "at Яна-Ян'я Щоський ЩОСЬ Q7 ."),
                       ["Place[Яна-Ян'я Щоський ЩОСЬ Q7]{name=Yana-Yania Shchosky SHCHOS Q7}"])
    }

    /// Of two equally long spellings of one name, each mention takes the nearer.
    func testFullestTakesTheNearestOfEquallyLongSpans() throws {
        let rules = """
            phase people
            internal Person
            rule person p:([cap] [cap]) "spoke" => Person at p
            rule surname s:[cap] "said" => Person at s
            phase quotes
            rule said q:"yes" "," s:Person "said" => Quote(speaker: fullest(s, Person)) at q
            """
        XCTAssertEqual(try extract(rules, "Oleksandr Prokudin spoke . yes , Prokudin said . Олександр Прокудін spoke . x x x . yes , Прокудін said"),
                       ["Quote[yes]{speaker=Oleksandr Prokudin}", "Quote[yes]{speaker=Олександр Прокудін}"])
    }

    func testFirstAndLower() throws {
        let rules = "rule r h:(\"Killed\" | \"dead\")? \"x\" => X(v: first(lower(h.text), none))"
        XCTAssertEqual(try extract(rules, "Killed x x"), ["X[Killed x]{v=killed}", "X[x]{v=none}"])
    }

    /// `when(c, x)` is `x` where `c` has a value, else none: with `first`,
    /// a choice by which alternative matched.
    func testWhenGivesItsValueOnlyWhereItsConditionHasOne() throws {
        let rules = "rule r (f:\"she\" | \"he\") \"said\" => X(who: first(when(f, woman), man), only: when(f, f.text))"
        let extractor = try Extractor(program: try compile(rules))
        let records = extractor.extract(id: "t", text: "she said . he said")
        XCTAssertEqual(records.map { $0.attribute("who") }, [.string("woman"), .string("man")])
        XCTAssertEqual(records.map { $0.attribute("only") }, [.string("she"), nil])
    }

    func testNumberTurnsLexiconValuesIntoNumbers() throws {
        let rules = "lexicon N = { \"три\" => 3 }\nrule r n:N => X(count: number(n), raw: n)"
        let extractor = try Extractor(program: try compile(rules))
        let record = try XCTUnwrap(extractor.extract(id: "t", text: "три").first)
        XCTAssertEqual(record.attribute("count"), .number(3))
        XCTAssertEqual(record.attribute("raw"), .string("3"))
    }

    /// `sum` adds numbers, from tokens, lexicon values and constants alike,
    /// and has no value when one of its terms has none or is no number.
    func testSumAddsNumbersAndHasNoValueForAMissingTerm() throws {
        let rules = """
            lexicon N = { "three" => 3 }
            rule r n:[number] "and" (m:N | "a" | w:"some") => X(count: sum(n, first(m, w, 1)), strict: sum(n, m))
            """
        let extractor = try Extractor(program: try compile(rules))
        let records = extractor.extract(id: "t", text: "2 and three . 12 and a . 4 and some")
        // A word is no number; an unbound capture has no value.
        XCTAssertEqual(records.map { $0.attribute("count") }, [.number(5), .number(13), nil])
        XCTAssertEqual(records.map { $0.attribute("strict") }, [.number(5), nil, nil])
    }

    func testProductMultipliesNumbersAndHasNoValueForAMissingTerm() throws {
        let rules = """
            lexicon N = { "две" => 2, "три" => "3" }
            lexicon Multipliers = { "тысячи" => 1000 }
            rule r n:N (m:[number] | k:Multipliers) x:"точно"? => X(value: product(number(n), first(m, number(k))), strict: product(n, x))
            """
        let extractor = try Extractor(program: try compile(rules))
        let records = extractor.extract(id: "t", text: "две тысячи . три 40")
        XCTAssertEqual(records.map { $0.attribute("value") }, [.number(2000), .number(120)])
        XCTAssertEqual(records.map { $0.attribute("strict") }, [nil, nil], "an unbound capture has no value")
    }

    func testPathologicalRuleOnLongInputStaysLinear() throws {
        // ("a"*)* "b" backtracks exponentially in a backtracking engine.
        let program = try compile("rule r (\"a\"*)* \"b\" => X")
        let extractor = try Extractor(program: program)
        let text = String(repeating: "a ", count: 100_000) + "b"
        let records = extractor.extract(id: "t", text: text)
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(records[0].start, 0)
        XCTAssertEqual(records[0].end, text.count)
    }

    func testEmptyMatchesAreNotReported() throws {
        XCTAssertEqual(try extract("rule r \"a\"* => X", "b b"), [])
    }
}

final class LexiconEndingTests: XCTestCase {
    let rules = """
        lexicon Endings = { "е", "ской", "а" }
        lexicon Places = { "Таганрог" => Taganrog, "Белгород" => Belgorod, "Ростов-на-Дону" => "Rostov-on-Don" } with endings Endings
        rule place p:Places => Location(name: p)
        """

    func testInflectedCyrillicFormsMatch() throws {
        XCTAssertEqual(try extract(rules, "в Таганроге и Белгородской области, Таганрог"),
                       ["Location[Таганроге]{name=Taganrog}", "Location[Белгородской]{name=Belgorod}", "Location[Таганрог]{name=Taganrog}"])
    }

    /// Where two stems of a token reach entries, the longer stem wins: the shorter ending is tried first.
    func testTheLongestStemWins() throws {
        let rules = """
            lexicon Endings = { "і", "ні" }
            lexicon Places = { "Сюмси" => Syumsi, "Сумщин" => Sumy } with endings Endings
            rule place p:Places => Location(name: p)
            """
        XCTAssertEqual(try extract(rules, "На Сумщині"), ["Location[Сумщині]{name=Sumy}"])
    }

    /// Stems are shared between lexicons only where their endings are the same.
    func testLexiconsWithOtherEndingsFindTheirOwnStems() throws {
        let rules = """
            lexicon InstrumentalEndings = { "ом" }
            lexicon PluralEndings = { "ами" }
            lexicon Cities = { "Киев" => Kyiv } with endings InstrumentalEndings
            lexicon Towns = { "Киев" => Kyiv } with endings PluralEndings
            lexicon Again = { "Киев" => Kyiv } with endings InstrumentalEndings
            rule city p:Cities "и" => City(name: p)
            rule town p:Towns "или" => Town(name: p)
            rule again p:Again "или" => Again(name: p)
            """
        XCTAssertEqual(try extract(rules, "Киевом и Киевами или Киевом или"),
                       ["City[Киевом и]{name=Kyiv}", "Town[Киевами или]{name=Kyiv}", "Again[Киевом или]{name=Kyiv}"])
    }

    func testEndingsNeedALongEnoughStemAndTheirOwnScript() throws {
        // Latin tokens are not inflected by Cyrillic endings.
        XCTAssertEqual(try extract(rules, "Taganroge Таганрогский"), [])
    }

    func testLatinEndingsMayLeaveANumberAsStem() throws {
        let rules = """
            lexicon Plural = { "s" }
            lexicon Models = { "F-16" => F-16, "Iskander" => Iskander, "Mi-8" => Mi-8 } with endings Plural with capitals
            rule weapon m:Models => Weapon(name: m)
            """
        XCTAssertEqual(try extract(rules, "F-16s, Mi-8s and Iskanders; Isk, F-16"),
                       ["Weapon[F-16s]{name=F-16}", "Weapon[Mi-8s]{name=Mi-8}", "Weapon[Iskanders]{name=Iskander}",
                        "Weapon[F-16]{name=F-16}"])
        // Two letters are still too short a stem.
        XCTAssertEqual(try extract("lexicon Plural = { \"s\" }\nlexicon M = { \"Su\" } with endings Plural\nrule w M => Weapon", "Sus"), [])
    }

    func testEndingsOfSeveralLexiconsApplyEachInItsOwnScript() throws {
        let rules = """
            lexicon Plural = { "s" }
            lexicon Cases = { "а", "ами" }
            lexicon Models = { "Iskander" => Iskander, "Искандер" => Iskander } with endings Plural, Cases
            rule weapon m:Models => Weapon(name: m)
            """
        XCTAssertEqual(try extract(rules, "Iskanders, Искандера, Искандерами"),
                       ["Weapon[Iskanders]{name=Iskander}", "Weapon[Искандера]{name=Iskander}", "Weapon[Искандерами]{name=Iskander}"])
        // A Cyrillic ending on a Latin token and a Latin one on a Cyrillic token do not count.
        XCTAssertEqual(try extract(rules, "Iskandera Искандерs"), [])
    }

    /// Fold keys are Latin, but a stem of a Cyrillic token takes only entries
    /// written in Cyrillic (or digits): `Дніпропетровської` is the region
    /// `Дніпропетровськ` + `ої`, not the Latin alias `Dnipropetrovsko` + `і`.
    func testAStemTakesOnlyEntriesOfItsTokensScript() throws {
        let rules = """
            lexicon Endings = { "і", "ої" }
            lexicon Places = { "Dnipropetrovsko" => Dnipro, "Дніпропетровськ" => Dnipropetrovsk } with endings Endings
            rule place p:Places => Location(name: p)
            """
        XCTAssertEqual(try extract(rules, "Дніпропетровської"), ["Location[Дніпропетровської]{name=Dnipropetrovsk}"])
        XCTAssertEqual(try extract(rules, "Dnipropetrovsko"), ["Location[Dnipropetrovsko]{name=Dnipro}"])
    }

    /// A union lexicon holds the entries of the named lexicons in order (the
    /// first value for a phrase wins), and takes endings like any other.
    func testAUnionLexiconHoldsTheEntriesOfItsParts() throws {
        let rules = """
            lexicon Endings = { "е" }
            lexicon Cities = { "Kyiv" => Kyiv, "Таганрог" => Taganrog }
            lexicon Regions = { "Donbas" => Donbas, "Kyiv" => "Kyiv Oblast" }
            lexicon Places = Cities | Regions with endings Endings
            rule place p:Places => Location(name: p)
            """
        XCTAssertEqual(try extract(rules, "Kyiv, Donbas, Таганроге"),
                       ["Location[Kyiv]{name=Kyiv}", "Location[Donbas]{name=Donbas}", "Location[Таганроге]{name=Taganrog}"])
        XCTAssertEqual(diagnostics("lexicon A = { \"a\" }\nlexicon U = A | B\nrule r U => X").first?.message,
                       "unknown lexicon 'B' (declare it before U)")
    }

    func testUnknownEndingsLexicon() {
        XCTAssertEqual(diagnostics("lexicon P = { \"a\" } with endings Nope\nrule r P => X").first?.message,
                       "unknown lexicon of endings 'Nope' (declare it before P)")
    }
}

final class LexiconCapitalsTests: XCTestCase {
    func testCapitalizedEntriesNeedCapitalizedTokens() throws {
        let rules = """
            lexicon Places = { "Mir", "Rostov-on-Don", "Bor" } with capitals
            rule place p:Places => Location(name: p)
            """
        XCTAssertEqual(try extract(rules, "mir Mir ROSTOV-on-Don rostov-on-don bor"),
                       ["Location[Mir]{name=Mir}", "Location[ROSTOV-on-Don]{name=Rostov-on-Don}"])
    }
}
