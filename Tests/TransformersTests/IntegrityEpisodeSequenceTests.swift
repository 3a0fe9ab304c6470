import CSCCore
import Testing
import Transformers

@Suite("903 integrity: a child's episodes follow one another")
struct IntegrityEpisodeSequenceTests {
    typealias F = IntegrityFixtures

    func check(_ episodes: [Record]) -> [CSCCore.Issue] {
        SSDA903Integrity.check([("Header", [F.header("A1", line: 2)]), ("Episodes", episodes)])
    }

    @Test("Episodes each starting the day the last ended, the latest open, raise nothing")
    func continuous() {
        #expect(check([
            F.episode("A1", "2024-01-01", "2024-03-05", rec: "X1", line: 11),
            F.episode("A1", "2024-03-05", "2024-06-01", rec: "E4A", line: 12),
            F.episode("A1", "2024-09-01", line: 13),
        ]).isEmpty)
    }

    @Test("An episode starting before the previous one ended is an overlap on the later one")
    func overlap() {
        let issues = check([
            F.episode("A1", "2024-03-01", "2024-04-01", rec: "E4A", line: 12),
            F.episode("A1", "2024-01-01", "2024-03-05", rec: "X1", line: 11),
        ])
        #expect(issues.map(\.rule) == ["episode-overlap"])
        let issue = issues[0]
        #expect(issue.line == 12 && issue.column == "DECOM" && issue.value == "01/03/2024" && issue.severity == .error)
        #expect(issue.message == "episode starting 01/03/2024 at line 12 overlaps the one at line 11, which ends 05/03/2024")
    }

    @Test("A short episode in between does not hide an overlap with a long one before it")
    func overlapBehindAShortEpisode() {
        let issues = check([
            F.episode("A1", "2024-01-01", "2024-12-01", rec: "E4A", line: 11),
            F.episode("A1", "2024-02-01", "2024-03-01", rec: "E4A", line: 12),
            F.episode("A1", "2024-04-01", "2024-05-01", rec: "E4A", line: 13),
        ])
        #expect(issues.map(\.line) == [12, 13])
        #expect(issues.allSatisfy { $0.rule == "episode-overlap" && $0.message.hasSuffix("the one at line 11, which ends 01/12/2024") })
    }

    @Test("REC X1 followed by a later DECOM is a gap; a different REC is a new period of care")
    func gap() {
        let issues = check([
            F.episode("A1", "2024-01-01", "2024-03-05", rec: "X1", line: 11),
            F.episode("A1", "2024-03-09", "2024-04-01", rec: "E4A", line: 12),
            F.episode("A1", "2024-06-01", line: 13),
        ])
        #expect(issues.map(\.rule) == ["episode-gap"])
        #expect(issues.first?.line == 12 && issues.first?.value == "09/03/2024")
        #expect(issues.first?.message == "episode starting 09/03/2024 at line 12 should start 05/03/2024: the one at line 11 "
            + "ended that day with REC X1 (new episode the same day)")
    }

    @Test("An open episode that is not the latest is reported on itself, and once only")
    func openNotLatest() {
        let issues = check([
            F.episode("A1", "2024-01-01", line: 11),
            F.episode("A1", "2024-03-01", "2024-04-01", rec: "X1", line: 12),
            F.episode("A1", "2024-04-01", line: 13),
        ])
        #expect(issues.map(\.rule) == ["open-episode-not-latest"])
        #expect(issues.first?.line == 11 && issues.first?.column == "DEC" && issues.first?.value == "")
        #expect(issues.first?.message == "episode starting 01/01/2024 at line 11 has no end date (DEC), but the episode at "
            + "line 12 starts later, on 01/03/2024")
    }

    @Test("Different children's episodes are never compared")
    func perChild() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2), F.header("B2", line: 3)]),
            ("Episodes", [F.episode("A1", "2024-01-01", line: 11), F.episode("B2", "2024-02-01", line: 12)]),
        ])
        #expect(issues.isEmpty)
    }
}
