import CSCCore
import Foundation
import Loaders
import Testing

/// A canonical record with the named columns filled and the rest empty.
private func row(_ table: CanonicalTable, _ values: [String: String]) -> Record {
    var record = Record(table, source: SourceLocation(file: "test", line: 1))
    for (column, value) in values { record[column] = value }
    return record
}

private func tables(_ records: [Record]) -> [CanonicalTable: [Record]] {
    Dictionary(grouping: records, by: \.table)
}

private let year2425 = CollectionYear(startYear: 2024)
private let asOf = Day(iso: "2025-03-31")!

@Suite("CIN census return: which children and events a year holds")
struct CINCensusReturnScopeTests {
    /// The census's text, written from `records` for 2024-25 unless told.
    func census(_ records: [Record], year: CollectionYear = year2425) throws -> String {
        try withTemporaryFolder { folder in
            let path = CINCensusReturnWriter.path(inRunFolder: folder.path)
            try CINCensusReturnWriter(tables: tables(records), year: year, asOf: asOf).write(to: path)
            return try readText(path)
        }
    }

    func referral(_ child: String, _ date: String, closed: String = "") -> Record {
        row(.referrals, ["child_id": child, "referral_id": child + "/" + date, "referral_date": date,
                         "referral_source": "2A", "closure_date": closed, "closure_reason": closed.isEmpty ? "" : "RC8",
                         "nfa": "0"])
    }

    @Test("a referral closed on 31 March before the year is out; one closed on 1 April is in; one made after it is out")
    func referralEdges() throws {
        let xml = try census([
            row(.children, ["child_id": "CLOSED", "sex": "F", "ethnicity": "WBRI", "la_code": "201"]),
            referral("CLOSED", "2023-05-01", closed: "2024-03-31"),
            row(.assessments, ["child_id": "CLOSED", "referral_id": "CLOSED/2023-05-01", "start_date": "2023-05-02"]),
            row(.children, ["child_id": "FIRSTDAY", "sex": "M", "ethnicity": "WBRI", "la_code": "201"]),
            referral("FIRSTDAY", "2023-06-01", closed: "2024-04-01"),
            row(.children, ["child_id": "LASTDAY", "sex": "U", "ethnicity": "", "la_code": "999"]),
            referral("LASTDAY", "2025-03-31"),
            referral("LASTDAY", "2025-04-01"),
            row(.children, ["child_id": "NEXTYEAR", "sex": "F", "ethnicity": "WBRI"]),
            referral("NEXTYEAR", "2025-04-01"),
        ])
        #expect(!xml.contains("<LAchildID>CLOSED</LAchildID>"))
        #expect(!xml.contains("2023-05-02"), "an event of an out-of-year referral is not written")
        #expect(xml.contains("<LAchildID>FIRSTDAY</LAchildID>"))
        #expect(xml.contains("<CINclosureDate>2024-04-01</CINclosureDate>"))
        #expect(xml.contains("<LAchildID>LASTDAY</LAchildID>"))
        #expect(xml.contains("<CINreferralDate>2025-03-31</CINreferralDate>"))
        #expect(!xml.contains("2025-04-01"))
        #expect(!xml.contains("NEXTYEAR"))
        #expect(xml.contains("<LEA>201</LEA>"), "the commonest LA code of the census's children")
        #expect(xml.contains("<Year>2025</Year>") && xml.contains("<ReferenceDate>2025-03-31</ReferenceDate>"))
        #expect(xml.contains("<Ethnicity>NOBT</Ethnicity>"), "an unknown ethnicity is written as not yet obtained")
        #expect(xml.contains("<Sex>U</Sex>"))
    }

    @Test("events go to their referral by id or by date, in the year's element order")
    func eventsAndOrder() throws {
        let xml = try census([
            row(.children, ["child_id": "C1", "sex": "M", "ethnicity": "WBRI", "disabilities": "HAND;VIS"]),
            referral("C1", "2024-05-01"),
            row(.assessments, ["child_id": "C1", "referral_id": "C1/2024-05-01", "start_date": "2024-05-02",
                               "authorised_date": "2024-05-20", "factors": "3A;16A"]),
            row(.cin_plans, ["child_id": "C1", "start_date": "2024-06-01"]),
            row(.section47, ["child_id": "C1", "start_date": "2024-05-10", "icpc_target_date": "2024-05-24",
                             "icpc_date": "2024-05-23", "icpc_not_required": "0"]),
            row(.section47, ["child_id": "C1", "referral_id": "C1/2024-05-01", "icpc_date": "2024-05-09"]),
            row(.cp_plans, ["child_id": "C1", "referral_id": "C1/2024-05-01", "start_date": "2024-05-23",
                            "initial_category": "NEG", "latest_category": "EMO", "previous_plans": "0"]),
            row(.cp_reviews, ["child_id": "C1", "plan_start_date": "2024-05-23", "review_date": "2024-08-01"]),
            row(.cp_reviews, ["child_id": "C1", "review_date": "2024-11-01"]),
        ])
        let order = ["<Sex>M</Sex>", "<Disability>HAND</Disability>", "<Disability>VIS</Disability>",
                     "<CINreferralDate>2024-05-01</CINreferralDate>", "<DateOfInitialCPC>2024-05-09</DateOfInitialCPC>",
                     "<AssessmentFactors>3A</AssessmentFactors>", "<AssessmentFactors>16A</AssessmentFactors>",
                     "<CINPlanStartDate>2024-06-01</CINPlanStartDate>", "<S47ActualStartDate>2024-05-10</S47ActualStartDate>",
                     "<ICPCnotRequired>0</ICPCnotRequired>", "<ReferralNFA>0</ReferralNFA>",
                     "<CPPstartDate>2024-05-23</CPPstartDate>", "<CPPreviewDate>2024-08-01</CPPreviewDate>",
                     "<CPPreviewDate>2024-11-01</CPPreviewDate>"]
        let positions = order.map { xml.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "missing: \(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted(), "elements out of order")
        #expect(xml.components(separatedBy: "<DateOfInitialCPC>").count == 3,
                "the conference without an enquiry once at referral level, the enquiry's once")
    }

    @Test("before 2024-25 sex is GenderCurrent 1/2/0; from 2024-25 it is Sex M/F/U")
    func sexByYear() throws {
        let records = [row(.children, ["child_id": "A", "sex": "F", "ethnicity": "WBRI"]), referral("A", "2023-09-01")]
        #expect(try census(records, year: CollectionYear(startYear: 2023)).contains("<GenderCurrent>2</GenderCurrent>"))
        #expect(try census(records, year: year2425).contains("<Sex>F</Sex>"))
        let fromSchema2022 = try census(records + [row(.cin_plans, ["child_id": "A", "start_date": "2023-09-05"])],
                                    year: CollectionYear(startYear: 2020).adding(3))
        #expect(fromSchema2022.contains("CINPlanDates"))
        #expect(!(try census(records + [row(.cin_plans, ["child_id": "A", "start_date": "2021-01-05"]),
                                        referral("A", "2021-01-01")],
                             year: CollectionYear(startYear: 2020))).contains("CINPlanDates"),
                "no CINPlanDates before the 2022 schema")
    }
}

private extension CollectionYear {
    func adding(_ years: Int) -> CollectionYear { CollectionYear(startYear: startYear + years) }
}

@Suite("SSDA903 return: which rows a year holds and in which codes")
struct SSDA903ReturnScopeTests {
    /// Each file written, parsed, by name.
    func files(_ records: [Record], year: CollectionYear = year2425) throws -> [String: [[String]]] {
        try withTemporaryFolder { folder in
            let out = SSDA903ReturnWriter.folder(inRunFolder: folder.path)
            let written = try SSDA903ReturnWriter(tables: tables(records), year: year).write(toFolder: out)
            var result: [String: [[String]]] = [:]
            for (file, rows) in written {
                let parsed = try #require(parseCSV(try readText(out + "/" + file)))
                #expect(parsed.count == rows + 1)
                result[file] = parsed
            }
            return result
        }
    }

    func episode(_ child: String, _ start: String, _ end: String) -> Record {
        row(.cla_episodes, ["child_id": child, "start_date": start, "reason_new_episode": "S", "legal_status": "C2",
                            "category_of_need": "N1", "placement": "U1", "placement_provider": "PR1",
                            "end_date": end, "reason_ended": end.isEmpty ? "" : "E8"])
    }

    @Test("an episode ending on 31 March before the year is out; one starting 1 April after it is out")
    func episodeEdges() throws {
        let f = try files([
            row(.children, ["child_id": "ENDED", "sex": "M", "birth_date": "2010-01-02", "ethnicity": "WBRI", "upn": "A123"]),
            episode("ENDED", "2023-01-01", "2024-03-31"),
            row(.children, ["child_id": "FIRSTDAY", "sex": "F", "birth_date": "2012-03-04", "ethnicity": "WBRI",
                            "upn_unknown": "UN7", "uasc": "1"]),
            episode("FIRSTDAY", "2023-01-01", "2024-04-01"),
            row(.children, ["child_id": "LASTDAY", "sex": "F", "birth_date": "2011-05-06", "ethnicity": "BAFR"]),
            episode("LASTDAY", "2025-03-31", ""),
            episode("LASTDAY", "2025-04-01", ""),
            row(.children, ["child_id": "LATER", "sex": "M", "birth_date": "2011-05-06", "ethnicity": "WBRI"]),
            episode("LATER", "2025-04-01", ""),
            row(.cla_reviews, ["child_id": "FIRSTDAY", "review_date": "2024-03-31", "participation": "PN1"]),
            row(.cla_reviews, ["child_id": "FIRSTDAY", "review_date": "2024-04-01", "participation": "PN1"]),
            row(.cla_reviews, ["child_id": "LASTDAY", "review_date": "2025-03-31", "participation": "PN2"]),
            row(.cla_reviews, ["child_id": "ENDED", "review_date": "2024-05-01", "participation": "PN2"]),
            row(.missing_episodes, ["child_id": "LASTDAY", "kind": "M", "start_date": "2025-03-31"]),
            row(.missing_episodes, ["child_id": "FIRSTDAY", "kind": "A", "start_date": "2024-03-01", "end_date": "2024-03-31"]),
        ])
        #expect(f["episodes.csv"]?.dropFirst().map { [$0[0], $0[1], $0[7]] } == [
            ["FIRSTDAY", "01/01/2023", "01/04/2024"], ["LASTDAY", "31/03/2025", ""],
        ])
        #expect(f["header.csv"]?.dropFirst().map { $0 } == [
            ["FIRSTDAY", "F", "04/03/2012", "WBRI", "UN4", "", ""], ["LASTDAY", "F", "06/05/2011", "BAFR", "", "", ""],
        ])
        #expect(f["reviews.csv"]?.dropFirst().map { [$0[0], $0[2]] } == [["FIRSTDAY", "01/04/2024"], ["LASTDAY", "31/03/2025"]])
        #expect(f["missing.csv"]?.dropFirst().map { $0 } == [["LASTDAY", "06/05/2011", "M", "31/03/2025", ""]])
        #expect(f["uasc.csv"]?.dropFirst().map { $0 } == [["FIRSTDAY", "F", "04/03/2012", ""]])
        #expect(f["oc3.csv"]?.count == 1, "written with its header even when empty")
        #expect(f["ad1.csv"] == nil && f["oc2.csv"] == nil && f["sw_episodes.csv"] == nil)
    }

    @Test("OC3 of the year: ACCOM letter and suitability, and a Header row for a care leaver with no episode")
    func careLeavers() throws {
        let f = try files([
            row(.children, ["child_id": "L1", "sex": "M", "birth_date": "2006-01-02", "ethnicity": "WBRI"]),
            row(.care_leavers, ["child_id": "L1", "year": "2024-25", "in_touch": "YES", "activity": "F2",
                                "accommodation": "U", "accommodation_suitable": "0"]),
            row(.care_leavers, ["child_id": "L2", "year": "2024-25", "birth_date": "2005-07-08", "in_touch": "NO",
                                "activity": "0", "accommodation": "0"]),
            row(.care_leavers, ["child_id": "L3", "year": "2023-24", "in_touch": "YES", "activity": "F2",
                                "accommodation": "U", "accommodation_suitable": "1"]),
        ], year: CollectionYear(startYear: 2023).adding(1))
        #expect(f["oc3.csv"]?.dropFirst().map { $0 } == [
            ["L1", "02/01/2006", "YES", "F2", "U2"], ["L2", "08/07/2005", "NO", "0", "0"],
        ])
        #expect(f["header.csv"]?.dropFirst().map { [$0[0], $0[1], $0[2]] } == [["L1", "M", "02/01/2006"], ["L2", "", "08/07/2005"]])
    }

    @Test("PrevPerm: the return's children's rows, DATE_PERM's unknown parts written back as ZZ")
    func previousPermanence() throws {
        let f = try files([
            row(.children, ["child_id": "A", "birth_date": "2010-01-02"]),
            episode("A", "2024-06-01", ""),
            episode("B", "2024-07-01", ""),
            episode("C", "2024-08-01", ""),
            episode("D", "2024-09-01", ""),
            episode("E", "2024-10-01", ""),
            row(.previous_permanence, ["child_id": "A", "previous_permanence": "P1", "arranged_la": "921", "order_date": "2019-05"]),
            row(.previous_permanence, ["child_id": "B", "previous_permanence": "P2", "order_date": "2019"]),
            row(.previous_permanence, ["child_id": "C", "previous_permanence": "P3", "order_date": ""]),
            row(.previous_permanence, ["child_id": "D", "previous_permanence": "Z1", "order_date": ""]),
            row(.previous_permanence, ["child_id": "E", "previous_permanence": "P4", "order_date": ""]),
            row(.previous_permanence, ["child_id": "OUT", "previous_permanence": "P1", "order_date": "2018-02-03"]),
        ])
        #expect(f["previous_permanence.csv"]?.first == ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"])
        #expect(f["previous_permanence.csv"]?.dropFirst().map { $0 } == [
            ["A", "02/01/2010", "P1", "921", "ZZ/05/2019"], ["B", "", "P2", "", "ZZ/ZZ/2019"],
            ["C", "", "P3", "", "ZZ/ZZ/ZZZZ"], ["D", "", "Z1", "", ""], ["E", "", "P4", "", ""],
        ])
        #expect(f["dolo.csv"] == nil)
    }

    @Test("DoLo from 2026-27: the return's children's orders in force in the year")
    func deprivationOfLiberty() throws {
        let records = [
            row(.children, ["child_id": "A", "birth_date": "2010-01-02"]),
            episode("A", "2025-06-01", ""),
            row(.deprivation_of_liberty, ["child_id": "A", "start_date": "2026-03-01", "end_date": "2026-03-31"]),
            row(.deprivation_of_liberty, ["child_id": "A", "start_date": "2026-07-01", "end_date": "2026-09-30"]),
            row(.deprivation_of_liberty, ["child_id": "A", "start_date": "2027-01-10", "end_date": ""]),
            row(.deprivation_of_liberty, ["child_id": "OUT", "start_date": "2026-07-01", "end_date": ""]),
        ]
        #expect(try files(records, year: CollectionYear(startYear: 2026))["dolo.csv"]?.dropFirst().map { $0 } == [
            ["A", "02/01/2010", "01/07/2026", "30/09/2026"], ["A", "02/01/2010", "10/01/2027", ""],
        ])
        #expect(try files(records, year: CollectionYear(startYear: 2025))["dolo.csv"] == nil, "no DoLo table before 2026-27")
    }

    @Test("SEX is 1/2 up to 2023-24 and M/F/U from 2024-25")
    func sexByYear() throws {
        let records = [row(.children, ["child_id": "A", "sex": "M", "birth_date": "2010-01-02"]),
                       episode("A", "2020-01-01", "")]
        #expect(try files(records, year: CollectionYear(startYear: 2023))["header.csv"]?[1][1] == "1")
        #expect(try files(records, year: year2425)["header.csv"]?[1][1] == "M")
    }
}
