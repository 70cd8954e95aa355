import CDMStore

extension ConsentRegister {
    /// The register's table, created when missing: for SQL that reads the register where
    /// `createGovernanceSchema` may not have run (cohort generation, a script for a SQL shell).
    public static func createTable(_ dialect: SQLDialect) -> SQLStatement {
        SQLStatement(GovernanceSchema.statements(dialect).first { $0.contains("optima_objection") }!)
    }
}
