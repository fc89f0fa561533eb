import Foundation

/// A rule pack of 1,000 rules and a 200,000-entry lexicon, written to a
/// temporary directory: what a large production pack costs to compile and run.
/// Rule words come from the corpus vocabulary so that rules really fire.
enum SyntheticPack {
    static func write(to directory: String, vocabulary: [String], rules ruleCount: Int = 1000, entries: Int = 200_000) throws -> String {
        var random = SplitMix64(seed: 7)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let words = vocabulary.filter { $0.count > 2 && !$0.contains("\"") }
        guard words.count > 50 else { throw BenchError("the corpus has too few words for a synthetic pack") }
        func word() -> String { words[random.next(below: words.count)] }

        // The lexicon: corpus words and phrases first, then made-up names, a tenth Cyrillic.
        var lines: [String] = []
        var seen = Set<String>()
        let latin = Array("abcdefghijklmnoprstuvyz"), cyrillic = Array("абвгдежзиклмнопрстуфхцчшыэюя")
        func madeUp() -> String {
            let letters = random.next(below: 10) == 0 ? cyrillic : latin
            let name = (0..<(4 + random.next(below: 6))).map { _ in String(letters[random.next(below: letters.count)]) }.joined()
            return name.prefix(1).uppercased() + name.dropFirst()
        }
        var attempt = 0
        while lines.count < entries {
            attempt += 1
            let phrase: String
            switch attempt % 4 {
            case 0 where attempt / 4 < words.count: phrase = words[attempt / 4]
            case 1: phrase = word() + " " + word()
            default: phrase = (0..<(1 + random.next(below: 3))).map { _ in madeUp() }.joined(separator: " ")
            }
            guard seen.insert(phrase.lowercased()).inserted else { continue }
            lines.append("\(phrase)\tentry\(lines.count)\tgroup=\(lines.count % 17)")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: (directory as NSString).appendingPathComponent("big.tsv"), atomically: true, encoding: .utf8)

        // Rules in two phases; the second builds on the first's spans.
        var rules = "phase first\nlexicon Big from \"big.tsv\"\n"
        let firstPhase = ruleCount * 4 / 5
        for k in 0..<firstPhase {
            switch k % 5 {
            case 0: rules += "rule r\(k) b:Big \"\(word())\" => Hit(entry: b, kind: \"lexicon\")\n"
            case 1: rules += "rule r\(k) \"\(word())\" [word]{1,3} \"\(word())\" => Hit(kind: \"phrase\")\n"
            case 2: rules += "rule r\(k) [cap] [cap]? \"\(word())\" => Hit(kind: \"capitals\")\n"
            case 3: rules += "rule r\(k) n:[number] \"\(word())\" => Hit(count: n.value, kind: \"count\")\n"
            default: rules += "rule r\(k) \"\(word())\" (\"\(word())\" | \"\(word())\")? [punct] => Hit(kind: \"word\")\n"
            }
        }
        rules += "\nphase second\n"
        for k in firstPhase..<ruleCount {
            switch k % 2 {
            case 0: rules += "rule r\(k) h:Hit [word]{0,4} \"\(word())\" => Pair(first: h.kind)\n"
            default: rules += "rule r\(k) \"\(word())\" [word]? h:Hit => Pair(first: h.kind)\n"
            }
        }
        let path = (directory as NSString).appendingPathComponent("main.qr")
        try rules.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
