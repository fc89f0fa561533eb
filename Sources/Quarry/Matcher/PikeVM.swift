/// Runs one phase's NFA over a document's tokens: a Pike VM, so time is
/// linear in the number of tokens for any rule (each instruction is visited
/// at most once per position, or once per start in a rule whose matches have
/// a bounded length), and nothing ever backtracks.
///
/// Consuming a lexicon entry or an earlier phase's span moves a thread
/// several tokens ahead, so threads wait in a queue per position rather than
/// in the usual two lists. Within a position threads run in order of their
/// start (earliest first), which gives leftmost-longest semantics per rule:
/// for each rule and start the longest match is kept, and a later start that
/// reaches the same instruction at the same position is dropped because the
/// earlier one covers it; except in a rule that keeps its starts apart
/// (`StartsApart`: it reports a capture opened at its start, and its matches
/// have a bounded length), where each start gets its longest match.
///
/// The VM holds scratch space only; the program stays immutable and shared.
/// Its scratch buffers are objects (`VMScratch`, `RawBuffer`), so a copy of
/// a VM would share them: each matcher makes its own VM and never copies it.
/// It is a struct so that its scratch arrays are checked for exclusive access
/// at compile time, not on every access as a class's stored properties are.
/// Capture slots live in one arena per search: a thread holds an offset into
/// it and copies its slots only when it writes one, so moving a thread costs
/// no reference counting.
///
/// Threads start only where a rule can (`PikeVMStarts.swift`): its first
/// step can take the token (`RuleStartIndex`, asked once per word form,
/// `FormStartCache`; a phase passes over positions where no rule of it can
/// begin and no thread waits 64 at a time, by bits), its required words follow within its reach
/// (`RequiredKeyFilter`), and where known, the next token can take its
/// second step (`SecondStep`). Token tests are answered once per word form
/// (`FormTestCache`). A thread in a loop whose way out the token refuses
/// goes round it without trying the way out (`ScanLoops`).
struct PikeVM {
    private typealias Thread = VMThread

    let program: Program
    /// Per phase, its instructions lowered for the VM.
    /// (Raw buffers: an array's bounds check was a few instructions of every step.)
    private let code: [RawBuffer<VMOp>]
    /// Per phase, the most capture slots a rule of it has.
    private let mostSlots: [Int]
    /// Per phase and rule, whether the rule keeps its starts apart (`StartsApart`).
    private let startsApart: [[Bool]]
    /// Per phase and instruction, the body's test of a loop a thread can go
    /// round without trying its way out while the test holds (`ScanLoops`), or -1.
    private let scanLoops: [[Int32]]
    private let scratch: VMScratch
    /// The stamp of the current position's visits in `scratch.visited`
    /// (internal so that tests can bring it near the wrap).
    var visitStamp: UInt32 = 0
    private var queues = ThreadQueues<Thread>()
    /// The threads to run at the current position.
    private let waiting = RawBuffer<Thread>()
    /// Per rule and start, the index of its longest match in the phase's candidates.
    private var best = IntegerTable()
    /// A phase's candidates handed back (`recycle`), whose arrays the next
    /// phase fills: fresh ones grew by reallocation in every phase of every document.
    private var spareCandidates = CandidateList()
    private let arena = RawBuffer<Capture>()
    /// Results of token tests per word form.
    var formTests: FormTestCache
    /// Each predicate's first result slot in `formTests`. A test of where the
    /// token stands reads only three facts besides the surface (sentence
    /// start, space before, line start), so it has a slot per combination.
    let predicateSlot: [Int]
    /// Per predicate, the surface facts every token passing it has.
    let predicateRequiredFacts: [SurfaceFacts]
    let predicateDependsOnPosition: [Bool]
    /// Per predicate, the stamp (`positionStamp(position)`) of the position its
    /// cached result is for, and the result: the start index and every thread
    /// at a position share one test.
    var predicateStamp: [Int]
    var predicateResult: [Bool]
    /// The same per lexicon, for the entries starting at the position.
    private var lexiconStamp: [Int]
    /// Stamps are `stampBase + position + 1`, below `stampEnd`: each document
    /// and phase takes fresh ones (`freshStamps`), so old marks never match
    /// and nothing needs clearing (clearing a mark per predicate, lexicon and
    /// rule for every phase of every document cost more than an idle phase's search).
    private var stampBase = 0, stampEnd = 0
    /// Per lexicon, its entries at the position of its stamp: a range of
    /// `lexiconHits`, which collects those of a whole phase (emptied per
    /// phase, not per position: emptying an array is not free).
    private var lexiconFound: [Range<Int>]
    private var lexiconHits: [(end: Int, entry: Int)] = []
    /// Rules gathered to start at the current position, and a mark per rule
    /// (the position's stamp) so each is gathered once. Raw buffers: written
    /// for nearly every token, arrays checked their ownership at each write.
    let starting = RawBuffer<Int>()
    let startingStamp = RawBuffer<Int>()
    /// A mark per rule (the stamp of the form being looked at) while a new
    /// word form's start list is made (`surfaceStarts`).
    let surfaceMarks = RawBuffer<Int>()
    var surfaceStamp = 0
    /// The running phase's `Phase.ruleSecondStep`.
    var secondStep: [Int] = []
    /// Per phase, its rules' `SecondStep.wider` tests as the VM reads them,
    /// and the running phase's.
    private let secondGuardTables: [SecondGuardTable]
    var secondGuards = SecondGuardTable()
    var formStarts: FormStartCache
    /// The stems of word forms, per list of endings.
    let stemCache: StemCache
    /// Per word form and lexicon, whether an inflected entry starts there:
    /// 0 not known yet, 1 no, 2 yes (index `form * lexicons + lexicon`; a
    /// byte each, as there are many lexicons).
    var formInflectedStarts: [UInt8] = []
    /// Per word form, which of `requiredWords.inflectingLexicons` start there
    /// inflected and not by the form's own key: a bit each, by their index.
    var formInflectedMask = FormBits()
    /// A bit per script (by ordinal) that one of those lexicons inflects.
    private let inflectingScripts: UInt64
    /// Per phase (the first 63), a bit per position of the document given to
    /// `begin` where the token's surface lets a rule of the phase begin
    /// (`startingPhases`), `startWords` words each, so a search passes over
    /// 64 positions at a time without reading the start lists.
    private let phaseStartBits = RawBuffer<UInt64>()
    private var startWords = 0
    /// The running phase's start bits, its spans' starts included (`fillSearchStartBits`).
    private let searchStartBits = RawBuffer<UInt64>()
    /// Per word form and position facts (slot `form * Token.positionFactCount + facts`),
    /// a bit per phase (the first 63) whose start list is not empty.
    var formPhasesStarting = FormBits()
    /// Per phase, a bit per span type (the first 64) a rule of it starts
    /// with, and whether one starts with a later type (then every token is asked).
    private let phaseStartTypes: [UInt64]
    private let phaseStartsWithLateType: [Bool]
    /// The strings of the word forms of the document given to `begin`; the
    /// caches above belong to its numbering (`words.numbering`).
    var words = WordTexts()
    /// Where the rules' required words occur in the document, and per phase,
    /// where they let its rules start.
    private(set) var requiredWords: RequiredWordIndex
    /// The number of tokens of the document given to `begin` (-1: none yet).
    private var begunTokens = -1
    private var keyFilters: [RequiredKeyFilter]
    /// The running phase's filter, moved out of `keyFilters` for the phase:
    /// asked for every rule gathered, it is then a plain stored property.
    var keyFilter = RequiredKeyFilter()

    /// `scanningLoops: false` runs every loop step by step, `secondStepGuards:
    /// false` starts rules without `SecondStep.wider`, `foldingForks: false`
    /// walks every split (`ForkChains`) (tests compare them).
    init(program: Program, scanningLoops: Bool = true, secondStepGuards: Bool = true, foldingForks: Bool = true) {
        self.program = program
        stemCache = StemCache(lexicons: program.lexicons, keys: program.keys)
        secondGuardTables = program.phases.map { SecondGuardTable($0.ruleSecondGuard, enabled: secondStepGuards) }
        let dependsOnPosition = program.predicates.map(\.dependsOnPosition)
        var slots: [Int] = [], slotCount = 0
        for positional in dependsOnPosition {
            slots.append(slotCount)
            slotCount += positional ? Token.positionFactCount : 1
        }
        predicateDependsOnPosition = dependsOnPosition
        predicateRequiredFacts = program.predicates.map(\.requiredFacts)
        predicateSlot = slots
        formTests = FormTestCache(testCount: slotCount)
        let lowered = program.phases.map { phase in
            VMOp.lower(phase, captureCounts: phase.ruleIndexes.map { program.rules[$0].captureNames.count },
                       testSlots: slots, positional: dependsOnPosition)
        }
        mostSlots = lowered.map { ops in Int(ops.map(\.slots).max() ?? 0) }
        startsApart = program.phases.map { phase in
            StartsApart.rules(of: phase, reportedCaptures: phase.ruleIndexes.map { program.rules[$0].output.reportedCapture })
        }
        let scanLoops = program.phases.map { phase in
            scanningLoops ? ScanLoops.of(phase, predicates: program.predicates) : Array(repeating: -1, count: phase.instructions.count)
        }
        self.scanLoops = scanLoops
        let folded = foldingForks ? zip(lowered, scanLoops).map { ForkChains.fold($0, loops: $1) } : lowered
        code = folded.map { ops in
            let buffer = RawBuffer<VMOp>(capacity: ops.count)
            ops.withUnsafeBufferPointer { buffer.assign($0) }
            return buffer
        }
        // A fork pushes all its targets at once: room for them beside two a visit.
        scratch = VMScratch(instructions: program.phases.map(\.instructions.count).max() ?? 0,
                            forkTargets: zip(folded, lowered).map { $0.count - $1.count }.max() ?? 0)
        predicateStamp = Array(repeating: 0, count: program.predicates.count)
        predicateResult = Array(repeating: false, count: program.predicates.count)
        lexiconStamp = Array(repeating: 0, count: program.lexicons.count)
        lexiconFound = Array(repeating: 0..<0, count: program.lexicons.count)
        startingStamp.resize(to: program.phases.map(\.ruleStarts.count).max() ?? 0, fill: 0)
        surfaceMarks.resize(to: startingStamp.count, fill: 0)
        formStarts = FormStartCache(positional: program.phases.map { phase in
            phase.ruleStartIndex.byPredicate.contains { program.predicates[$0.predicate].dependsOnPosition }
        })
        requiredWords = RequiredWordIndex(phases: program.phases, keyCount: program.keys.count, lexicons: program.lexicons)
        keyFilters = program.phases.map { [requiredWords] in RequiredKeyFilter(phase: $0, words: requiredWords) }
        precondition(requiredWords.inflectingLexicons.count < 64, "more inflecting lexicons than bits in a mask")
        phaseStartTypes = program.phases.map { phase in
            phase.ruleStartIndex.byType.reduce(0) { mask, entry in entry.type < 64 ? mask | 1 << UInt64(entry.type) : mask }
        }
        phaseStartsWithLateType = program.phases.map { phase in phase.ruleStartIndex.byType.contains { $0.type >= 64 } }
        inflectingScripts = Script.allCases.reduce(0) { [requiredWords] mask, script in
            requiredWords.inflectingLexicons.contains { program.lexicons[$0.lexicon].inflects(script) } ? mask | 1 << script.ordinal : mask
        }
    }

    /// Readies the VM for a document, before `candidates` runs its phases:
    /// the caches per word form, and where the rules' required words occur
    /// (found once for all phases).
    mutating func begin(_ document: Document) {
        // The caches per word form hold one numbering's forms.
        if words.numbering !== document.forms {
            formStarts.removeAll()
            formTests.removeAll()
            formInflectedStarts.removeAll()
            formInflectedMask.removeAll()
            formPhasesStarting.removeAll()
        }
        words = document.words
        stemCache.use(document.words)
        freshStamps(tokens: document.tokens.count)
        // Inflecting lexicons also occur where a token's stem starts an entry:
        // asked only of tokens in their endings' script, once per word form.
        let tokens = document.tokens
        let inflecting = requiredWords.inflectingLexicons
        var inflected: [(position: Int32, word: Int32)] = []
        if !inflecting.isEmpty {
            for position in tokens.indices where inflectingScripts & (1 << tokens[position].script.ordinal) != 0 {
                var found = inflectedStartsMask(tokens, position)
                while found != 0 {
                    inflected.append((Int32(position), inflecting[found.trailingZeroBitCount].word))
                    found &= found - 1
                }
            }
        }
        requiredWords.index(tokens, inflectedStarts: inflected)
        // Positions 0...count, the last for threads that wait past the last token.
        startWords = (tokens.count >> 6) + 1
        phaseStartBits.removeAll()
        phaseStartBits.resize(to: min(63, program.phases.count) * startWords, fill: 0)
        for position in tokens.indices {
            var phases = startingPhases(tokens, position)
            while phases != 0 {
                let slot = phases.trailingZeroBitCount * startWords + position >> 6
                phaseStartBits[slot] |= 1 << UInt64(position & 63)
                phases &= phases - 1
            }
        }
        begunTokens = document.tokens.count
    }

    /// Stamps no earlier document or phase used, for positions `0...tokens`.
    private mutating func freshStamps(tokens: Int) {
        stampBase = stampEnd
        stampEnd = stampBase + tokens + 1
    }

    /// The mark of `position` in the stamp arrays.
    @inline(__always)
    func positionStamp(_ position: Int) -> Int { stampBase &+ position &+ 1 }

    /// The start bits of phase `phaseIndex` in `searchStartBits`: the
    /// positions its start lists allow and those where a span of a type it
    /// starts with begins (every position where that cannot be told by bits).
    func fillSearchStartBits(_ phaseIndex: Int, _ spans: SpanIndex, tokens count: Int) {
        searchStartBits.removeAll()
        if phaseIndex >= 63 || phaseStartsWithLateType[phaseIndex] {
            searchStartBits.resize(to: startWords, fill: ~0)
            // No start at `count`, the last word's position past the last token.
            searchStartBits[count >> 6] = count & 63 == 0 ? 0 : ~0 >> UInt64(64 - count & 63)
            return
        }
        searchStartBits.assign(UnsafeBufferPointer(start: phaseStartBits.base + phaseIndex * startWords, count: startWords))
        let types = phaseStartTypes[phaseIndex]
        guard types != 0 else { return }
        for span in spans.spans where span.type < 64 && types & (1 << UInt64(span.type)) != 0 && span.tokens.lowerBound < count {
            let start = span.tokens.lowerBound
            searchStartBits[start >> 6] |= 1 << UInt64(start & 63)
        }
    }

    /// The first position after `position` where threads wait (`occupied`, the
    /// queues' bits) or rules may start (`starts`), of `words` words of bits
    /// (`64 * words`, past every position, where there is none).
    @inline(__always)
    private static func nextBusyPosition(after position: Int, _ starts: UnsafeMutablePointer<UInt64>,
                                         _ occupied: UnsafeMutablePointer<UInt64>, words: Int) -> Int {
        let from = position &+ 1
        var word = from >> 6
        guard word < words else { return words << 6 }
        var bits = (starts[word] | occupied[word]) & (~0 << UInt64(from & 63))
        while bits == 0 {
            word &+= 1
            guard word < words else { return words << 6 }
            bits = starts[word] | occupied[word]
        }
        return word << 6 | bits.trailingZeroBitCount
    }

    /// Readies the per-phase state that deciding where rules start reads:
    /// fresh stamps for the position caches, the phase's second steps and
    /// required-word filter in place (`leavePhase` puts the filter back).
    @inline(__always)
    mutating func enterPhase(_ phaseIndex: Int, spans: SpanIndex) {
        // Cached results belong to this token sequence only.
        freshStamps(tokens: begunTokens)
        lexiconHits.removeAll(keepingCapacity: true)
        secondStep = program.phases[phaseIndex].ruleSecondStep
        secondGuards = secondGuardTables[phaseIndex]
        swap(&keyFilter, &keyFilters[phaseIndex])
        keyFilter.reset(requiredWords, longestSpan: spans.longestSpan)
    }

    mutating func leavePhase(_ phaseIndex: Int) {
        swap(&keyFilter, &keyFilters[phaseIndex])
    }

    /// Every longest match per rule and start in phase `phaseIndex` of the
    /// program, in the document given to `begin` last.
    mutating func candidates(phase phaseIndex: Int, document: Document, spans: SpanIndex) -> CandidateList {
        precondition(begunTokens == document.tokens.count, "PikeVM.begin(document) must come first")
        let phase = program.phases[phaseIndex]
        // Copied out once: passing `phase` on at every token would retain and
        // release each of its arrays.
        let ruleStarts = phase.ruleStarts, byType = phase.ruleStartIndex.byType
        let tokens = document.tokens
        let count = tokens.count
        let code = self.code[phaseIndex].base
        queues.reset(positions: count + 1)
        // Threads write their slots only in fresh copies, so every new
        // thread can start from one shared block of unset slots at offset 0.
        arena.removeAll()
        enterPhase(phaseIndex, spans: spans)
        defer { leavePhase(phaseIndex) }
        // The longest match per rule and start, in the order first found;
        // `best` has its index by `rule * (count + 1) + start`.
        var found = CandidateList()
        swap(&found, &spareCandidates)
        found.items.removeAll(keepingCapacity: true)
        found.slots.removeAll(keepingCapacity: true)
        best.removeAll()
        arena.resize(to: mostSlots[phaseIndex], fill: Capture())
        // Positions where no thread waits and no rule of the phase can begin are
        // passed over 64 at a time, by the bits of `searchStartBits` and the queues.
        fillSearchStartBits(phaseIndex, spans, tokens: count)
        // Read once: a class reference read in the loop, which calls mutating methods, was retained at each position.
        let waiting = self.waiting, stack = scratch.stack, visited = scratch.visited, scanLoops = self.scanLoops[phaseIndex]
        let startsApart = self.startsApart[phaseIndex]
        // Pointers, read once: the buffers keep their room while the phase runs.
        let startBits = searchStartBits.base, occupied = queues.occupiedBits, words = startWords
        var position = PikeVM.nextBusyPosition(after: -1, startBits, occupied, words: words)
        while position <= count {
            // Every rule gathered can take its first step here (the start index is exact).
            if searchMayStart(at: position) {
                gatherRulesStarting(at: position, phaseIndex, byType, tokens, spans)
            } else {
                starting.removeAll()
            }
            if starting.isEmpty && !queues.hasThreads(at: position) {
                position = PikeVM.nextBusyPosition(after: position, startBits, occupied, words: words)
                continue
            }
            // A fresh stamp marks this position's visits; when the stamps wrap, old marks are cleared.
            visitStamp &+= 1
            if visitStamp == 0 {
                scratch.visited.update(repeating: 0, count: scratch.instructionCount)
                visitStamp = 1
            }
            waiting.removeAll()
            queues.take(position, into: waiting)
            if waiting.count > 1 && !(1..<waiting.count).allSatisfy({ waiting[$0 - 1].start <= waiting[$0].start }) {
                let ordered = waiting.elements.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
                for (index, thread) in ordered.map(\.element).enumerated() { waiting[index] = thread }
            }
            for index in 0..<starting.count {
                let rule = starting[index]
                waiting.append(Thread(pc: Int32(ruleStarts[rule]), start: Int32(position), captures: 0,
                                      visitKey: startsApart[rule] ? UInt32(position) : Thread.sharedVisits))
            }
            // The position's stamp, in the upper half of a visit mark (`VMScratch.visited`).
            let stamp = UInt64(visitStamp) << 32
            for index in 0..<waiting.count {
                let thread = waiting[index]
                // A thread in a loop whose way out the token refuses goes round it, and no further.
                let loopTest = scanLoops[Int(thread.pc)]
                if loopTest >= 0 && position < count && visited[Int(thread.pc)] != stamp | UInt64(thread.visitKey)
                    && test(Int(loopTest), tokens, position) {
                    visited[Int(thread.pc)] = stamp | UInt64(thread.visitKey)
                    queues.append(thread, at: position + 1)
                    continue
                }
                stack[0] = thread
                var top = 1
                while top > 0 {
                    top -= 1
                    let current = stack[top]
                    let pc = Int(current.pc)
                    // Visited at this position by a thread of the same key: by an earlier
                    // start, whose match covers this one's, or by the same one.
                    let mark = stamp | UInt64(current.visitKey)
                    if visited[pc] == mark { continue }
                    visited[pc] = mark
                    let op = code[pc]
                    switch op.kind {
                    case .jump:
                        stack[top] = current.at(op.a, captures: current.captures)
                        top += 1
                    case .split:
                        stack[top] = current.at(op.b, captures: current.captures)
                        stack[top + 1] = current.at(op.a, captures: current.captures)
                        top += 2
                    case .fork:
                        // The last target first, so that the first is followed first.
                        var target = Int(op.a) + Int(op.b)
                        while target > Int(op.a) {
                            target -= 1
                            stack[top] = current.at(code[target].a, captures: current.captures)
                            top += 1
                        }
                    case .openCapture:
                        let copy = copyCaptures(current.captures, count: Int(op.slots))
                        arena[Int(copy) + Int(op.a)] = Capture(start: Int32(position), end: -1, payload: .none)
                        stack[top] = current.at(op.b, captures: copy)
                        top += 1
                    case .closeCapture:
                        let copy = copyCaptures(current.captures, count: Int(op.slots))
                        arena[Int(copy) + Int(op.a)].end = Int32(position)
                        stack[top] = current.at(op.b, captures: copy)
                        top += 1
                    case .token:
                        if position < count, test(op, tokens, position) {
                            queues.append(current.at(op.b, captures: current.captures), at: position + 1)
                        }
                    case .lexicon:
                        let index = Int(op.a)
                        if lexiconStamp[index] != positionStamp(position) {
                            lexiconStamp[index] = positionStamp(position)
                            let first = lexiconHits.count
                            // Most tokens start no entry: asked of the root's edges first, without a walk.
                            if position < count && mayStart(index, tokens, position) {
                                // A one-token entry needs no walk, whose set-up cost more than its step.
                                if let entry = program.lexicons[index].singleTokenMatch(tokens[position]) {
                                    if entry >= 0 { lexiconHits.append((position + 1, Int(entry))) }
                                } else {
                                    program.lexicons[index].appendMatches(in: tokens, at: position, stems: stemCache, to: &lexiconHits)
                                }
                            }
                            lexiconFound[index] = first..<lexiconHits.count
                        }
                        for hit in lexiconFound[index] {
                            let (end, entry) = lexiconHits[hit]
                            enqueue(current, op, end: end, position: position,
                                    payload: .lexiconEntry(lexicon: op.a, entry: Int32(entry)))
                        }
                    case .type:
                        guard spans.hasSpan(startingAt: position, type: Int(op.a)) else { break }
                        var spanIndex = spans.firstStarting(at: position, type: Int(op.a))
                        while spanIndex >= 0 {
                            enqueue(current, op, end: spans.spans[spanIndex].tokens.upperBound, position: position,
                                    payload: .span(Int32(spanIndex)))
                            spanIndex = spans.nextStarting(after: spanIndex)
                        }
                    case .match:
                        // Empty matches are never reported.
                        let start = Int(current.start)
                        guard position > start else { break }
                        let rule = Int(op.a)
                        let key = UInt64(rule * (count + 1) + start)
                        let known = best[key]
                        if let known, found.items[Int(known)].end >= position { break }
                        // A longer match replaces the candidate; its old slots stay unused.
                        let offset = Int(current.captures), first = found.slots.count
                        // One by one: appending a buffer took the generic path, several times the cost of a few slots.
                        for slot in offset..<(offset + Int(op.slots)) { found.slots.append(arena[slot]) }
                        let candidate = Candidate(rule: rule, start: start, end: position, captures: first..<found.slots.count)
                        if let known { found.items[Int(known)] = candidate } else {
                            best[key] = Int32(found.items.count)
                            found.items.append(candidate)
                        }
                    }
                }
            }
            position = PikeVM.nextBusyPosition(after: position, startBits, occupied, words: words)
        }
        return found
    }

    /// Takes back a phase's candidates once they are no longer read, so that
    /// the next phase reuses their arrays' room.
    mutating func recycle(_ candidates: consuming CandidateList) {
        spareCandidates = candidates
    }

    /// Whether `searchStartBits` (`fillSearchStartBits`) lets a rule begin at `position`.
    @inline(__always)
    func searchMayStart(at position: Int) -> Bool {
        searchStartBits.base[position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    /// Whether a span of a type that a rule of phase `phaseIndex` starts with
    /// may begin at `position` (types past the first 64 are always asked).
    @inline(__always)
    func spanMayStartRule(_ position: Int, _ phaseIndex: Int, _ spans: SpanIndex) -> Bool {
        phaseStartsWithLateType[phaseIndex] || spans.typesStarting(at: position) & phaseStartTypes[phaseIndex] != 0
    }

    /// Queues `thread` to continue after `op` from token `end`, once it consumed
    /// a lexicon entry or span starting at `position` (stored in the op's slot if any).
    private mutating func enqueue(_ thread: Thread, _ op: VMOp, end: Int, position: Int, payload: Capture.Payload) {
        var captures = thread.captures
        if op.c >= 0 {
            captures = copyCaptures(thread.captures, count: Int(op.slots))
            arena[Int(captures) + Int(op.c)] = Capture(start: Int32(position), end: Int32(end), payload: payload)
        }
        queues.append(thread.at(op.b, captures: captures), at: end)
    }

    /// A fresh copy of a thread's capture slots at the end of the arena.
    private mutating func copyCaptures(_ offset: Int32, count: Int) -> Int32 {
        let copy = Int32(arena.count)
        let start = Int(offset)
        for index in start..<(start + count) { arena.append(arena[index]) }
        return copy
    }
}
