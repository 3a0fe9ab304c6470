import CSCCore
import Testing
import Transformers

@Suite("903 integrity: every child is in Header (INT01–INT09)")
struct IntegrityChildNotInHeaderTests {
    typealias F = IntegrityFixtures

    @Test("A child in Episodes, Reviews, AD1 or UASC with no Header row is reported once per row, with its own code")
    func orphansReported() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2)]),
            ("Episodes", [F.episode("A1", "2024-01-01", line: 2), F.episode("B2", "2024-02-01", "2024-03-01", rec: "X1", line: 3),
                          F.episode("B2", "2024-03-01", line: 4)]),
            ("Reviews", [F.review("B2", "2024-02-10", line: 5)]),
            ("AD1", [F.adoption("C3", line: 2)]),
            ("UASC", [F.uasc("D4", line: 7)]),
        ])
        #expect(issues.map(\.rule) == ["INT01", "INT03", "INT03", "INT08", "INT09"])
        let episodes = issues.filter { $0.rule == "INT03" }
        #expect(episodes.map(\.line) == [3, 4])
        #expect(episodes.allSatisfy { $0.childID == "B2" && $0.column == "CHILD" && $0.dataset == "cla_episodes" })
        #expect(episodes.allSatisfy { $0.severity == .error && $0.file == "episodes.csv" && !$0.hint.isEmpty })
        #expect(issues.first { $0.rule == "INT08" }?.message == "child B2 is in Reviews but has no row in Header")
    }

    @Test("SWEpisodes has no INT code and gets child-not-in-header")
    func socialWorkerEpisodes() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2)]),
            ("SWEpisodes", [F.allocation("A1", worker: "SW1", line: 2), F.allocation("Z9", worker: "SW1", line: 3)]),
        ])
        #expect(issues.map(\.rule) == ["child-not-in-header"])
        #expect(issues.first?.line == 3)
    }

    @Test("Children all in Header raise nothing")
    func allPresent() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2), F.header("B2", line: 3)]),
            ("Episodes", [F.episode("A1", "2024-01-01", line: 2), F.episode("B2", "2024-02-01", line: 3)]),
            ("OC3", [F.careLeaver("B2", dob: "2015-03-01", line: 2)]),
        ])
        #expect(issues.isEmpty)
    }

    @Test("An empty Header file leaves every child orphaned; no Header file at all checks nothing")
    func headerFilePresence() {
        let episodes = [F.episode("A1", "2024-01-01", line: 2)]
        #expect(SSDA903Integrity.check([("Header", []), ("Episodes", episodes)]).map(\.rule) == ["INT03"])
        #expect(SSDA903Integrity.check([("Episodes", episodes)]).isEmpty)
    }
}

@Suite("903 integrity: OC2 health outcomes (INT05, INT33)")
struct IntegrityHealthOutcomesTests {
    typealias F = IntegrityFixtures

    @Test("A child in OC2 but not in Header, and a child twice in OC2")
    func orphanAndRepeat() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2), F.header("B2", line: 3)]),
            ("OC2", [F.healthOutcome("A1", line: 2), F.healthOutcome("B2", line: 3), F.healthOutcome("B2", line: 4),
                     F.healthOutcome("Z9", line: 5)]),
        ])
        #expect(issues.map(\.rule).sorted() == ["INT05", "INT33"])
        let orphan = issues.first { $0.rule == "INT05" }
        #expect(orphan?.line == 5 && orphan?.childID == "Z9" && orphan?.dataset == "health_outcomes")
        #expect(issues.first { $0.rule == "INT33" }?.line == 4)
    }
}

@Suite("903 integrity: PrevPerm (INT07, INT35) and DoLo")
struct IntegrityPermanenceAndLibertyTests {
    typealias F = IntegrityFixtures

    @Test("A child in PrevPerm but not in Header, and a child twice in PrevPerm")
    func previousPermanence() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2), F.header("B2", line: 3)]),
            ("PrevPerm", [F.previousPermanence("A1", line: 2), F.previousPermanence("B2", line: 3),
                          F.previousPermanence("B2", option: "Z1", line: 4), F.previousPermanence("Z9", line: 5)]),
        ])
        #expect(issues.map(\.rule) == ["INT07", "INT35"])
        let orphan = issues.first { $0.rule == "INT07" }
        #expect(orphan?.line == 5 && orphan?.childID == "Z9" && orphan?.dataset == "previous_permanence")
        #expect(orphan?.message == "child Z9 is in PrevPerm but has no row in Header")
        #expect(issues.first { $0.rule == "INT35" }?.message == "child B2 is in PrevPerm again: first at line 3")
    }

    @Test("DoLo has no INT code: a child not in Header is child-not-in-header, a repeated order a duplicate row")
    func deprivationOfLiberty() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", line: 2)]),
            ("DoLo", [F.deprivationOfLiberty("A1", "2026-05-01", line: 2), F.deprivationOfLiberty("A1", "2026-09-01", line: 3),
                      F.deprivationOfLiberty("A1", "2026-09-01", line: 4), F.deprivationOfLiberty("Z9", "2026-06-01", line: 5)]),
        ])
        #expect(issues.map(\.rule) == ["child-not-in-header", "duplicate-row"])
        #expect(issues.map(\.line) == [5, 4])
        #expect(issues.allSatisfy { $0.dataset == "deprivation_of_liberty" })
    }
}
