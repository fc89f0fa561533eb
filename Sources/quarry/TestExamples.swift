import ArgumentParser
import Quarry

struct TestExamples: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Check the examples written in the rule files.")

    @OptionGroup var rulesOption: RulesOption

    func run() throws {
        let program = try rulesOption.compile()
        let checker = ExampleChecker(extractor: try Extractor(program: program))
        let failures = checker.failures()
        for failure in failures {
            let location = failure.example.location
            Console.write("\(location.file):\(location.line): example failed: \"\(failure.example.text)\"")
            for problem in failure.problems { Console.write("  \(problem)") }
            if failure.found.isEmpty { Console.write("  found: nothing") }
            for record in failure.found { Console.write("  found: \(ExampleChecker.describe(record))") }
        }
        let total = program.examples.count
        if !failures.isEmpty { Console.write("(quarry explain --text TEXT --rule NAME shows how far a rule got on a text and what it needed)") }
        Console.write("\(total - failures.count) passed, \(failures.count) failed")
        Console.flush()
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
