import ArgumentParser

@main
struct QuarryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarry",
        abstract: "Rule-based information extraction.",
        subcommands: [Extract.self, Check.self, TestExamples.self, Explain.self, Profile.self, Bench.self])
}
