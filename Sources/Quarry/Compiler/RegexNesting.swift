extension PredicateTable {
    /// Whether no ")" of `pattern` closes more groups than it opened before it,
    /// outside escapes and character classes: the compiler wraps a token
    /// test's expression in `^(?:…)$`, where a stray ")" would close the
    /// wrapper and turn an invalid expression into a valid one.
    static func closesEveryGroupItOpens(_ pattern: String) -> Bool {
        var depth = 0, escaped = false, inClass = false
        for character in pattern {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass:
                depth -= 1
                if depth < 0 { return false }
            default: break
            }
        }
        return true
    }
}
