/// The part of the Pike VM that decides where threads start and what a token
/// passes, answered once per word form where the token's surface decides:
/// token tests, lexicon starts and stems, the phases and rules that may
/// begin at a token (see `PikeVM` for the whole).
extension PikeVM {
    /// Whether `predicate` holds for the token at `position`, evaluated once
    /// per word form (and position facts it reads); forms past the cache's
    /// limit once per position.
    @inline(__always)
    mutating func test(_ predicate: Int, _ tokens: [Token], _ position: Int) -> Bool {
        let form = tokens[position].form
        var slot = predicateSlot[predicate]
        if predicateDependsOnPosition[predicate] { slot += tokens[position].positionFacts }
        if let known = formTests.result(form: form, test: slot) { return known }
        return testUncached(predicate, tokens, position, slot: slot)
    }

    /// `test` for a token step, whose op holds the predicate's cache slot:
    /// two table reads fewer at the VM's most frequent step.
    @inline(__always)
    mutating func test(_ op: VMOp, _ tokens: [Token], _ position: Int) -> Bool {
        let slot = op.c >= 0 ? Int(op.c) : Int(~op.c) &+ tokens[position].positionFacts
        if let known = formTests.result(form: tokens[position].form, test: slot) { return known }
        return testUncached(Int(op.a), tokens, position, slot: slot)
    }

    /// `test` for a form whose result is not cached yet (or never is).
    private mutating func testUncached(_ predicate: Int, _ tokens: [Token], _ position: Int, slot: Int) -> Bool {
        let form = tokens[position].form
        let perForm = Int(form) < formTests.formLimit
        if predicateStamp[predicate] == positionStamp(position) { return predicateResult[predicate] }
        // A token without a fact the test requires fails it unrun (`SurfaceFacts`).
        let result = predicateRequiredFacts[predicate].isSubset(of: SurfaceFacts.of(tokens[position]))
            && program.passes(predicate, tokens[position], text: words[form])
        if perForm { formTests.store(result, form: form, test: slot) }
        predicateStamp[predicate] = positionStamp(position)
        predicateResult[predicate] = result
        return result
    }

    /// The stems of the token at `position` for lexicon `lexicon`, found once per word form.
    func stems(_ lexicon: Int, _ tokens: [Token], _ position: Int) -> [Int32] {
        stemCache.stems(lexicon, tokens[position])
    }

    /// Whether an entry of lexicon `index` may start at `position` (exactly or inflected).
    mutating func mayStart(_ index: Int, _ tokens: [Token], _ position: Int) -> Bool {
        program.lexicons[index].startsWith(key: tokens[position].keyID) || startsInflected(index, tokens, position)
    }

    /// Whether an entry of lexicon `index` starts at `position` with an inflected
    /// first word: one of the token's stems (cached per form) is an entry's first word.
    private mutating func startsInflected(_ index: Int, _ tokens: [Token], _ position: Int) -> Bool {
        let lexicon = program.lexicons[index]
        guard lexicon.inflects(tokens[position].script) else { return false }
        let form = Int(tokens[position].form)
        guard form >= 0 else { return lexicon.startsWith(anyOf: stems(index, tokens, position), script: tokens[position].script) }
        let slot = form * program.lexicons.count + index
        if slot >= formInflectedStarts.count {
            formInflectedStarts.append(contentsOf: repeatElement(0, count: max(slot + 1, 2 * formInflectedStarts.count) - formInflectedStarts.count))
        }
        if formInflectedStarts[slot] == 0 {
            formInflectedStarts[slot] = lexicon.startsWith(anyOf: stems(index, tokens, position), script: tokens[position].script) ? 2 : 1
        }
        return formInflectedStarts[slot] == 2
    }

    /// `formInflectedMask` of the token at `position`, found once per word form.
    mutating func inflectedStartsMask(_ tokens: [Token], _ position: Int) -> UInt64 {
        let form = Int(tokens[position].form)
        if let known = formInflectedMask.bits(at: form) { return known }
        var mask: UInt64 = 0
        for (bit, inflecting) in requiredWords.inflectingLexicons.enumerated() {
            let lexicon = program.lexicons[inflecting.lexicon]
            if !lexicon.startsWith(key: tokens[position].keyID) && startsInflected(inflecting.lexicon, tokens, position) {
                mask |= 1 << bit
            }
        }
        formInflectedMask.store(mask, at: form)
        return mask
    }

    /// The start bits (`phaseStartBits`) of the token at `position`: the phases
    /// whose start list for its word form and position facts is not empty,
    /// found once per form and facts.
    mutating func startingPhases(_ tokens: [Token], _ position: Int) -> UInt64 {
        let form = Int(tokens[position].form)
        let slot = form < 0 ? -1 : form * Token.positionFactCount + tokens[position].positionFacts
        if let known = formPhasesStarting.bits(at: slot) { return known }
        var mask: UInt64 = 0
        for phaseIndex in program.phases.indices.prefix(63) where !startList(position, phaseIndex, tokens).isEmpty {
            mask |= 1 << UInt64(phaseIndex)
        }
        formPhasesStarting.store(mask, at: slot)
        return mask
    }

    /// The start list of phase `phaseIndex` for the token at `position` (its
    /// range in `formStarts.storage`), made once per word form and position facts.
    mutating func startList(_ position: Int, _ phaseIndex: Int, _ tokens: [Token]) -> Range<Int> {
        let form = tokens[position].form, variant = tokens[position].positionFacts
        return formStarts.list(form: form, variant: variant, phase: phaseIndex)
            ?? formStarts.store(surfaceStarts(position, phaseIndex, tokens), form: form, variant: variant, phase: phaseIndex)
    }

    /// Gathers in `starting` the rules (indexes within the phase) that may begin at `position`, in rule order.
    mutating func gatherRulesStarting(at position: Int, _ phaseIndex: Int, _ byType: [(type: Int, rules: [Int])],
                                      _ tokens: [Token], _ spans: SpanIndex) {
        starting.removeAll()
        let known = startList(position, phaseIndex, tokens)
        // A list holds each rule once; only rules found again by a type below
        // need the mark that keeps them from being gathered twice.
        let marking = !byType.isEmpty
        for index in known {
            let rule = Int(formStarts.storage[index])
            if marking { startingStamp[rule] = positionStamp(position) }
            admit(rule, position, tokens, spans)
        }
        // Rules found below come after the cached ones and need sorting in.
        let cached = starting.count
        // Most tokens start no span of the phase's start types: one test for all of them first.
        if marking && spanMayStartRule(position, phaseIndex, spans) {
            for (type, rules) in byType where spans.hasSpan(startingAt: position, type: type) {
                for rule in rules { gather(rule, position, tokens, spans) }
            }
        }
        if starting.count > cached && starting.count > 1 {
            for (index, rule) in starting.elements.sorted().enumerated() { starting[index] = rule }
        }
    }

    /// The rules that may begin at the token at `position` by what its surface
    /// and the two position facts decide, in rule order: the same for every
    /// token of its word form with the same facts.
    private mutating func surfaceStarts(_ position: Int, _ phaseIndex: Int, _ tokens: [Token]) -> [Int32] {
        // A mark per rule against gathering it twice, then one sort: a `Set` cost
        // more than the rest of finding a new word form's starts.
        surfaceStamp += 1
        var rules: [Int32] = []
        let index = program.phases[phaseIndex].ruleStartIndex, marks = surfaceMarks, stamp = surfaceStamp
        func add(_ group: [Int]) {
            for rule in group where marks[rule] != stamp {
                marks[rule] = stamp
                rules.append(Int32(rule))
            }
        }
        let key = Int(tokens[position].keyID)
        if key >= 0 { add(index.byKey[key]) }
        // By index: a tuple taken whole retained its group even where the test failed.
        for group in index.byLexicon.indices where mayStart(index.byLexicon[group].lexicon, tokens, position) {
            add(index.byLexicon[group].rules)
        }
        for group in index.byPredicate.indices where test(index.byPredicate[group].predicate, tokens, position) {
            add(index.byPredicate[group].rules)
        }
        rules.sort()
        return rules
    }

    /// Adds `rule` to `starting` once per position, if its required keys allow it here.
    private mutating func gather(_ rule: Int, _ position: Int, _ tokens: [Token], _ spans: SpanIndex) {
        guard startingStamp[rule] != positionStamp(position) else { return }
        startingStamp[rule] = positionStamp(position)
        admit(rule, position, tokens, spans)
    }

    /// Adds `rule` to `starting` if its required keys allow it here and the
    /// next token can take its second step (`SecondStep`).
    @inline(__always)
    private mutating func admit(_ rule: Int, _ position: Int, _ tokens: [Token], _ spans: SpanIndex) {
        guard keyFilter.allows(rule, at: position) else { return }
        let second = secondStep[rule]
        if second >= 0 {
            if position + 1 == tokens.count || !test(second, tokens, position + 1) { return }
        } else if secondGuards.predicate[rule] != SecondGuardTable.none && !secondGuardHolds(rule, position, tokens, spans) {
            return
        }
        starting.append(rule)
    }

    /// `SecondStep.wider` for rule `rule` at `position`: true when one of the
    /// lexicons or span types it also begins with starts here, or when the
    /// next token allows one of the steps that can follow a first token test.
    private mutating func secondGuardHolds(_ rule: Int, _ position: Int, _ tokens: [Token], _ spans: SpanIndex) -> Bool {
        let next = position + 1
        let bounds = secondGuards.bounds[rule]
        for index in Int(bounds.lowerBound)..<Int(bounds.upperBound) {
            let step = secondGuards.steps[index], item = Int(step.index)
            switch step.kind {
            case .startLexicon: if mayStart(item, tokens, position) { return true }
            case .startType: if spans.hasSpan(startingAt: position, type: item) { return true }
            case .nextLexicon: if next < tokens.count && mayStart(item, tokens, next) { return true }
            case .nextType: if spans.hasSpan(startingAt: next, type: item) { return true }
            }
        }
        let predicate = Int(secondGuards.predicate[rule])
        return predicate >= 0 && next < tokens.count && test(predicate, tokens, next)
    }
}
