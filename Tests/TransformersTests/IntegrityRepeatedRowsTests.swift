import CSCCore
import Testing
import Transformers

@Suite("903 integrity: rows that should be there once (INT31–INT36, duplicate-row, episode-same-start)")
struct IntegrityRepeatedRowsTests {
    typealias F = IntegrityFixtures

    @Test("A child twice in Header is INT32 on the second row, naming the first")
    func headerTwice() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2), F.header("B2", line: 3), F.header("A1", dob: "2015-04-01", line: 7)]),
        ])
        #expect(issues.map(\.rule) == ["INT32"])
        #expect(issues.first?.line == 7 && issues.first?.childID == "A1")
        #expect(issues.first?.message == "child A1 is in Header again: first at line 2")
    }

    @Test("An exact repeat in a once-only table says so and is not also a duplicate-row")
    func exactRepeatInOnceOnlyTable() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2)]),
            ("OC3", [F.careLeaver("A1", dob: "2015-03-01", line: 2), F.careLeaver("A1", dob: "2015-03-01", line: 3)]),
            ("AD1", [F.adoption("A1", line: 2), F.adoption("A1", decided: "2024-02-01", line: 3)]),
            ("UASC", [F.uasc("A1", line: 2), F.uasc("A1", line: 3)]),
        ])
        #expect(issues.map(\.rule) == ["INT31", "INT34", "INT36"])
        #expect(issues.first { $0.rule == "INT34" }?.message == "child A1 is in OC3 again: first at line 2, an exact repeat of that row")
    }

    @Test("A once-only table counts a child once per table: Header and UASC each hold it once")
    func onceOnlyIsPerTable() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2)]), ("UASC", [F.uasc("A1", line: 2)]),
            ("OC3", [F.careLeaver("A1", dob: "2015-03-01", line: 2)]),
        ])
        #expect(issues.isEmpty)
    }

    @Test("An exactly repeated row in Reviews or Episodes is a duplicate-row; different rows are not")
    func exactRepeats() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2)]),
            ("Reviews", [F.review("A1", "2024-02-01", line: 2), F.review("A1", "2024-05-01", line: 3),
                         F.review("A1", "2024-02-01", line: 4)]),
            ("Episodes", [F.episode("A1", "2024-01-01", line: 2), F.episode("A1", "2024-01-01", line: 3)]),
        ])
        #expect(issues.map(\.rule) == ["duplicate-row", "duplicate-row"])
        #expect(issues.map(\.file) == ["episodes.csv", "reviews.csv"])
        #expect(issues.map(\.line) == [3, 4])
        #expect(issues.last?.message == "this Reviews row for child A1 repeats line 2 exactly")
    }

    @Test("Two different episodes of a child starting the same day are episode-same-start, not an overlap")
    func sameStart() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2), F.header("B2", line: 3)]),
            ("Episodes", [F.episode("A1", "2024-01-01", "2024-02-01", rec: "E11", line: 2),
                          F.episode("A1", "2024-01-01", "2024-03-01", rec: "E11", placement: "U3", line: 3),
                          F.episode("B2", "2024-01-01", line: 4)]),
        ])
        #expect(issues.map(\.rule) == ["episode-same-start"])
        #expect(issues.first?.line == 3 && issues.first?.column == "DECOM" && issues.first?.value == "01/01/2024")
        #expect(issues.first?.message == "episode starting 01/01/2024 starts the same day as the one at line 2, with different details")
    }
}
