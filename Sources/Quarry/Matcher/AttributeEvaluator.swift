/// Computes output attributes from a match's captures, for one document.
/// Attribute functions read the running phase's candidates (their capture
/// slots) and the spans of the phases run so far; the matcher keeps both
/// in locals and lends them to each call, since reading them from an
/// object's properties copied them (retaining each of their arrays) at
/// every phase and record.
struct AttributeEvaluator {
    let program: Program
    let document: Document

    /// An intermediate value: a constant, or a range of tokens (a capture or a span).
    private enum Value {
        case none
        case constant(AttributeValue)
        case tokens(Range<Int>, Capture.Payload)
    }

    /// The attributes of rule `rule`'s output for `candidate`, one of `candidates`.
    func attributes(ofRule rule: Int, candidate: Candidate, in candidates: CandidateList, spans: SpanIndex) -> [(String, AttributeValue)] {
        let outputs = program.rules[rule].output.attributes
        var attributes: [(String, AttributeValue)] = []
        attributes.reserveCapacity(outputs.count)
        for (key, expression) in outputs {
            if let value = final(evaluate(expression, candidate, candidates, spans), spans) { attributes.append((key, value)) }
        }
        return attributes
    }

    private func evaluate(_ expression: Expression, _ candidate: Candidate, _ candidates: CandidateList, _ spans: SpanIndex) -> Value {
        switch expression {
        case let .constant(value): return .constant(value)
        case let .capture(slot, member):
            let capture = candidates.capture(slot, of: candidate)
            guard capture.isBound else { return .none }
            switch member {
            case .value: return .tokens(capture.range, capture.payload)
            case .text: return .constant(.string(document.text(ofTokens: capture.range)))
            case .fold: return .constant(.string(document.tokens[capture.range].map(document.foldKey(of:)).joined(separator: " ")))
            case let .attribute(name):
                switch capture.payload {
                case let .lexiconEntry(lexicon, entry):
                    return program.lexicons[Int(lexicon)].entries[Int(entry)].attributes[name].map { .constant(.string($0)) } ?? .none
                case let .span(index):
                    return spans.spans[Int(index)].attribute(name).map { .constant($0) } ?? .none
                case .none:
                    return .none
                }
            }
        case let .previous(type, outside):
            return spanValue(spans.previous(type: type, endingBy: candidate.start, outside: outside), spans)
        case let .subject(type, subjects, outside):
            guard let nearest = spans.previous(type: type, endingBy: candidate.start, outside: outside) else { return .none }
            let sentence = document.sentences[document.tokens[spans.spans[nearest].tokens.lowerBound].sentence]
            let subject = spans.last(type: subjects, from: sentence.lowerBound, endingBy: candidate.start, outside: outside)
            return spanValue(subject ?? nearest, spans)
        case let .previousHolding(inner, type, outside):
            guard case let .tokens(range, _) = evaluate(inner, candidate, candidates, spans), !range.isEmpty else { return .none }
            let key = document.foldKey(of: document.tokens[range.upperBound - 1])
            let holding = spans.previous(type: type, endingBy: candidate.start, outside: outside) { span in
                span.tokens.contains { document.foldKey(of: document.tokens[$0]) == key }
            }
            return spanValue(holding, spans)
        case let .fullest(inner, type):
            let value = evaluate(inner, candidate, candidates, spans)
            guard case let .tokens(range, _) = value, !range.isEmpty else { return value }
            let lastKey = document.foldKey(of: document.tokens[range.upperBound - 1])
            // The longest; of equally long ones the nearest before the mention,
            // else the nearest after it: two spellings of one name, each
            // introducing its own mentions.
            var best: Range<Int>?
            func nearness(_ tokens: Range<Int>) -> (Int, Int) {
                tokens.lowerBound <= range.lowerBound ? (0, range.lowerBound - tokens.lowerBound) : (1, tokens.lowerBound - range.lowerBound)
            }
            for span in spans.ending(withKey: lastKey, type: type) {
                guard span.tokens.count > range.count else { continue }
                if best == nil || span.tokens.count > best!.count || (span.tokens.count == best!.count && nearness(span.tokens) < nearness(best!)) {
                    best = span.tokens
                }
            }
            return best.map { .tokens($0, .none) } ?? value
        case let .first(options):
            for option in options {
                let value = evaluate(option, candidate, candidates, spans)
                if case .none = value { continue }
                return value
            }
            return .none
        case let .when(condition, value):
            if case .none = evaluate(condition, candidate, candidates, spans) { return .none }
            return evaluate(value, candidate, candidates, spans)
        case let .number(inner):
            guard let value = final(evaluate(inner, candidate, candidates, spans), spans) else { return .none }
            if case let .string(text) = value, let number = Double(text) { return .constant(.number(number)) }
            return .constant(value)
        case let .lower(inner):
            return final(evaluate(inner, candidate, candidates, spans), spans).map { .constant(.string($0.description.lowercased())) } ?? .none
        case let .reinflect(inner, endings):
            guard let value = final(evaluate(inner, candidate, candidates, spans), spans) else { return .none }
            let words = value.description.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
                // A stem of two letters at least stays: "Ина" is no "ин" + "а".
                guard let rule = endings.first(where: { word.hasSuffix($0.ending) && word.count >= $0.ending.count + 2 }) else {
                    return String(word)
                }
                return word.dropLast(rule.ending.count) + rule.replacement
            }
            return .constant(.string(words.joined(separator: " ")))
        case let .romanize(inner, table):
            guard let value = final(evaluate(inner, candidate, candidates, spans), spans) else { return .none }
            return .constant(.string(table.apply(value.description)))
        case let .arithmetic(operation, terms):
            // No value when a term has none or spells no number: a count is not guessed.
            var total = operation == .sum ? 0.0 : 1.0
            for term in terms {
                let number: Double
                switch final(evaluate(term, candidate, candidates, spans), spans) {
                case let .number(value): number = value
                case let .string(text): guard let value = Double(text) else { return .none }; number = value
                case nil: return .none
                }
                total = operation == .sum ? total + number : total * number
            }
            return .constant(.number(total))
        }
    }

    /// Span `index` as a value: its tokens, read as a captured span is (its
    /// `value` attribute where it has one).
    private func spanValue(_ index: Int?, _ spans: SpanIndex) -> Value {
        guard let index else { return .none }
        return .tokens(spans.spans[index].tokens, .span(Int32(index)))
    }

    /// The output form of a value: a lexicon entry gives its canonical value,
    /// a span its `value` attribute, plain tokens their number or text.
    private func final(_ value: Value, _ spans: SpanIndex) -> AttributeValue? {
        switch value {
        case .none: return nil
        case let .constant(constant): return constant
        case let .tokens(range, payload):
            switch payload {
            case let .lexiconEntry(lexicon, entry):
                return .string(program.lexicons[Int(lexicon)].entries[Int(entry)].value)
            case let .span(index):
                return spans.spans[Int(index)].attribute("value") ?? .string(document.text(ofTokens: range))
            case .none:
                if let number = NumberValue.combine(range, of: document) { return .number(number) }
                return .string(document.text(ofTokens: range))
            }
        }
    }
}
