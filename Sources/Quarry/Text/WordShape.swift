/// Word shapes: upper-case letters become `X`, lower-case `x`, digits `d`,
/// anything else stays; runs longer than four are cut to four (`Xxxxx` and
/// `Xxxxxxxxx` share the shape `Xxxx`).
enum WordShape {
    static func of(_ surface: String) -> String {
        var shape = ""
        var last: Character = "\0"
        var run = 0
        for scalar in surface.unicodeScalars {
            let c: Character
            let kind = ScalarKind(scalar)
            if kind.isDecimalDigit {
                c = "d"
            } else if kind.isAlphabetic {
                c = kind.isUppercase ? "X" : "x"
            } else {
                c = Character(scalar)
            }
            run = (c == last) ? run + 1 : 1
            last = c
            if run <= 4 { shape.append(c) }
        }
        return shape
    }
}
