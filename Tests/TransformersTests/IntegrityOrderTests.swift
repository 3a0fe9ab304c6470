import CSCCore
import Testing
import Transformers

@Suite("903 integrity: report order and rule catalogue")
struct IntegrityOrderTests {
    typealias F = IntegrityFixtures

    static let files: [(table: String, records: [Record])] = [
        ("Reviews", [F.review("Z9", "2024-02-01", line: 3), F.review("Z9", "2024-02-01", line: 2)]),
        ("Episodes", [F.episode("Y8", "2024-01-01", line: 5), F.episode("A1", "2024-02-01", line: 4),
                      F.episode("A1", "2024-01-01", "2024-03-01", rec: "X1", line: 3)]),
        ("Header", [F.header("A1", line: 2), F.header("A1", line: 3)]),
    ]

    @Test("Issues come by rule, then file, then line, whatever order the files and records came in")
    func order() {
        let issues = SSDA903Integrity.check(Self.files)
        #expect(issues.map(\.rule) == ["INT03", "INT08", "INT08", "INT32", "duplicate-row", "episode-overlap"])
        #expect(issues.filter { $0.rule == "INT08" }.map(\.line) == [2, 3])
        #expect(issues.first { $0.rule == "duplicate-row" }?.line == 3)
        let reversed = SSDA903Integrity.check(Self.files.reversed().map { ($0.table, $0.records.reversed()) })
        #expect(reversed == issues)
    }

    @Test("Every issue's rule is in the catalogue, and the catalogue has each id once")
    func catalogue() {
        let ids = SSDA903Integrity.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("INT01") && ids.contains("INT21") && ids.contains("INT36") && ids.contains("episode-gap"))
        #expect(SSDA903Integrity.check(Self.files).allSatisfy { ids.contains($0.rule) })
    }
}
