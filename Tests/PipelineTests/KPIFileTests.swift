import CSCCore
import Foundation
import Pipeline
import Testing

/// KPI files are configuration: every mistake names the file, line and key,
/// and `cscpipe validate` runs each query before any data is read.
@Suite("KPI files")
struct KPIFileTests {
    static let good = """
        kpis:
          - id: referrals
            title: Referrals
            kind: count
            sql: |
              SELECT child_id, referral_id AS item_id FROM referrals
              WHERE referral_date BETWEEN :period_start AND :period_end
        """

    @Test func theShippedPackHasNineteenIndicators() throws {
        let pack = try KPIFileLoader.load(path: packageRoot + "/pipelines/kpis/standard.yaml")
        #expect(pack.count == 19)
        #expect(pack.filter { $0.kind == .rate }.allSatisfy { $0.rating != nil })
        #expect(pack.first?.line == 15)
    }

    @Test(arguments: [
        ("kpis:\n  - id: a\n    title: A\n    kind: ratio\n    sql: SELECT 1", 4, "kpis[1].kind", "`ratio` is not a kind"),
        ("kpis:\n  - id: a\n    title: A\n    kind: rate\n    better: up\n    green: 0.8\n    amber: 0.7\n    sql: SELECT 1", 5, "kpis[1].better", "must be higher or lower"),
        ("kpis:\n  - id: a\n    title: A\n    kind: rate\n    better: higher\n    green: 80%\n    amber: 0.7\n    sql: SELECT 1", 6, "kpis[1].green", "not a number"),
        ("kpis:\n  - id: a\n    title: A\n    kind: rate\n    better: higher\n    green: 0.6\n    amber: 0.7\n    sql: SELECT 1", 7, "kpis[1].amber", "at or below green"),
        ("kpis:\n  - id: a\n    title: A\n    kind: count\n    green: 3\n    sql: SELECT 1", 5, "kpis[1].green", "a count is not rated"),
        ("kpis:\n  - id: a\n    title: A\n    kind: count\n    sqll: SELECT 1", 5, "kpis[1].sqll", "did you mean `sql`"),
        ("kpis:\n  - id: a\n    title: A\n    kind: count", 2, "kpis[1].sql", "missing"),
        ("kpis:\n  - id: a b\n    title: A\n    kind: count\n    sql: SELECT 1", 2, "kpis[1].id", "only letters, digits and _"),
        ("kpis:\n  - id: a\n    title: A\n    kind: count\n    sql: SELECT 1\n  - id: a\n    title: B\n    kind: count\n    sql: SELECT 2", 6, "kpis[2].id", "already defined at line 2"),
        ("kpi:\n  - id: a", 1, "kpi", "unknown key"),
    ])
    func mistakesNameTheLineAndKey(yaml: String, line: Int, key: String, message: String) throws {
        let error = try #require(throws: ConfigError.self) { try KPIFileLoader.parse(yaml, file: "kpis/local.yaml") }
        #expect(error.file == "kpis/local.yaml")
        #expect(error.line == line, "\(error)")
        #expect(error.key == key, "\(error)")
        #expect(error.message.contains(message), "\(error)")
    }

    @Test func aPipelineListsItsKPIFiles() throws {
        let ws = try Workspace()
        try ws.write("kpis/local.yaml", Self.good)
        try ws.write("cin/a.xml", cinCensus(children: [cinChild(id: "C1")]))
        let result = try ws.run(inputs: [("cin-census", "cin/a.xml")], extra: "kpis: [kpis/local.yaml]")
        #expect(result.published)
        let rows = try ws.csvRows("out/latest/kpis.csv")
        #expect(rows.first == ["kpi", "title", "period_start", "period_end", "numerator", "denominator", "value", "target", "rag"])
        #expect(rows.count == 14)  // 13 periods
        #expect(ws.exists("out/latest/kpi_cohorts.csv"))
    }

    @Test func validateRunsEveryQueryOnAnEmptyWarehouse() throws {
        let ws = try Workspace()
        try ws.write("kpis/local.yaml", Self.good + """

              - id: broken
                title: Broken
                kind: rate
                sql: |
                  SELECT child_id, referral_id AS item_id, nfa AS in_numerator FROM referals
            """)
        try ws.write("cin/a.xml", cinCensus(children: [cinChild(id: "C1")]))
        try ws.write("pipeline.yaml", """
            name: test
            output: out
            reference: \(packageRoot)/pipelines/reference
            kpis: [kpis/local.yaml]
            inputs:
              - kind: cin-census
                path: cin/a.xml
            """)
        let error = try #require(throws: ConfigError.self) { try PipelineValidator.validate(path: ws.path + "/pipeline.yaml") }
        #expect(error.file.hasSuffix("kpis/local.yaml"))
        #expect(error.line == 11)  // the `sql:` key of `broken`
        #expect(error.message.contains("KPI `broken`"))
        #expect(error.message.contains("no such table: referals"))
    }

    @Test func aMissingKPIFileIsAConfigurationError() throws {
        let ws = try Workspace()
        try ws.write("cin/a.xml", cinCensus(children: [cinChild(id: "C1")]))
        let error = try #require(throws: ConfigError.self) {
            try ws.run(inputs: [("cin-census", "cin/a.xml")], extra: "kpis: [kpis/nowhere.yaml]")
        }
        #expect(error.key == "kpis[1]")
        #expect(error.message.contains("no KPI file"))
    }
}
