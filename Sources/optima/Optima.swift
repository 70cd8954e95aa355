import ArgumentParser

@main
struct Optima: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optima",
        abstract: "Real-world oncology evidence on an OMOP CDM v5.4 database.",
        discussion: """
            The database is embedded SQLite by default (optima-data/optima.sqlite); name another with
            --db sqlite:PATH or --db postgres://USER[:PASS]@HOST[:PORT]/DB[?schema=NAME], or OPTIMA_DB.
            """,
        subcommands: [
            DemoCommand.self, InitCommand.self, ImportCommand.self, ExportCommand.self, InfoCommand.self, VerifyCommand.self,
            GenerateCommand.self, CohortCommand.self, AnalyzeCommand.self, StatsCommand.self, ServeCommand.self,
            UserCommand.self, TokenCommand.self, AuditCommand.self, PersonCommand.self, ConsentCommand.self, SiteCommand.self,
            CDSCommand.self, BenchCommand.self,
            NodeCommand.self, StudyCommand.self, ModelCommand.self,
        ])
}
