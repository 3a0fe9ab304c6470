import CSCCore
import Testing
import Transformers

@Suite("Merging records by natural key")
struct MergedTableTests {
    func child(_ id: String, birth: String = "", sex: String = "", ethnicity: String = "", file: String, line: Int) -> Record {
        var r = Record(.children, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["birth_date"] = birth
        r["sex"] = sex
        r["ethnicity"] = ethnicity
        return r
    }

    @Test("A later input wins the fields it fills and never clears a value")
    func laterWins() {
        var t = MergedTable(table: .children)
        t.add(child("001", birth: "2015-01-01", sex: "F", ethnicity: "WBRI", file: "a.xml", line: 10))
        t.add(child("001", birth: "2015-01-01", sex: "F", ethnicity: "", file: "b.xml", line: 20))
        #expect(t.count == 1)
        #expect(t.records[0]["ethnicity"] == "WBRI")
        #expect(t.records[0].source == SourceLocation(file: "b.xml", line: 20))
    }

    @Test("A changed birth date is a conflict; the later value is kept")
    func birthDateConflict() {
        var t = MergedTable(table: .children)
        t.add(child("9087943", birth: "2015-07-29", file: "a.xml", line: 8856))
        let conflicts = t.add(child("9087943", birth: "2015-08-29", file: "b.xml", line: 6615))
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.column == "birth_date")
        #expect(conflicts.first?.earlierValue == "2015-07-29")
        #expect(conflicts.first?.laterSource.file == "b.xml")
        #expect(conflicts.first?.issue.rule == "conflicting-values")
        #expect(conflicts.first?.issue.severity == .warning)
        #expect(t.records[0]["birth_date"] == "2015-08-29")
    }

    @Test("Sex U counts as empty: it gives way to M or F and never hides them")
    func unknownSex() {
        var t = MergedTable(table: .children)
        t.add(child("1", sex: "U", file: "a", line: 1))
        #expect(t.add(child("1", sex: "M", file: "b", line: 1)).isEmpty)
        #expect(t.records[0]["sex"] == "M")
        #expect(t.add(child("1", sex: "U", file: "c", line: 1)).isEmpty)
        #expect(t.records[0]["sex"] == "M")
        #expect(t.add(child("1", sex: "F", file: "d", line: 1)).count == 1)
        #expect(t.records[0]["sex"] == "F")
    }

    @Test("Rows keep the order their key first appeared in")
    func firstAppearanceOrder() {
        var t = MergedTable(table: .children)
        for (i, id) in ["3", "1", "2", "1", "4", "3"].enumerated() { t.add(child(id, file: "f", line: i + 1)) }
        #expect(t.records.map { $0["child_id"] } == ["3", "1", "2", "4"])
        #expect(t.records.map(\.source.line) == ["6", "4", "3", "5"])
    }

    @Test("A key with an empty part matches nothing")
    func emptyKeyPart() {
        var t = MergedTable(table: .referrals)
        for line in [1, 2] {
            var r = Record(.referrals, source: SourceLocation(file: "f", line: line))
            r["child_id"] = "1"
            t.add(r)
        }
        #expect(t.count == 2)
    }

    @Test("A referral-level ICPC is keyed by its ICPC date")
    func referralLevelICPC() {
        var t = MergedTable(table: .section47)
        for (file, start) in [("a", ""), ("b", ""), ("b", "2024-04-01")] {
            var r = Record(.section47, source: SourceLocation(file: file, line: 1))
            r["child_id"] = "5550587"
            r["start_date"] = start
            r["icpc_date"] = "2024-04-08"
            t.add(r)
        }
        #expect(t.count == 2)
        #expect(t.records[0].source.file == "b")
    }

    @Test("Tables with no natural key merge identical rows only")
    func wholeRowKey() {
        var t = MergedTable(table: .contacts)
        for (id, date) in [("1", "2025-01-01"), ("1", "2025-01-01"), ("1", "2025-01-02")] {
            var r = Record(.contacts, source: SourceLocation(file: "f", line: 1))
            r["child_id"] = id
            r["contact_date"] = date
            t.add(r)
        }
        #expect(t.count == 2)
    }
}
