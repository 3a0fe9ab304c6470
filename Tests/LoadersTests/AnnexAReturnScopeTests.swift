import CSCCore
import Loaders
import Testing

/// A canonical record with the named columns filled and the rest empty.
private func row(_ table: CanonicalTable, _ values: [String: String]) -> Record {
    var record = Record(table, source: SourceLocation(file: "test", line: 1))
    for (column, value) in values { record[column] = value }
    return record
}

private let asOf = Day(iso: "2025-11-14")!
private let codes = AnnexATemplateCodes(rows: [
    (.yesNo, "1", "a) Yes"), (.yesNo, "0", "b) No"), (.gender, "F", "b) Female"),
    (.caseStatus, "looked_after", "a) Looked after child"), (.caseStatus, "child_protection", "b) Child Protection plan"),
    (.caseStatus, "child_in_need", "c) Child in need plan"), (.caseStatus, "open_assessment", "d) Open assessment"),
    (.caseStatus, "closed", "e) Closed episode"),
], codeBook: CodeBook(lists: []))

private func writer(_ records: [Record]) -> AnnexAReturnWriter {
    AnnexAReturnWriter(tables: Dictionary(grouping: records, by: \.table), asOf: asOf, codes: codes)
}

private func day(_ iso: String) -> XLSXOutputCell { .date(Day(iso: iso)!) }

/// The cell under `heading` in each row of `list`.
private func column(_ heading: String, of list: AnnexAList, in w: AnnexAReturnWriter) -> [XLSXOutputCell] {
    let i = list.headings.firstIndex(of: heading)!
    return w.rows(of: list).map { $0[i] }
}

@Suite("Annex A return: which rows each list holds and its derived columns")
struct AnnexAReturnScopeTests {
    @Test("every row has one cell per heading of its list")
    func rowWidths() {
        let w = writer([
            row(.children, ["child_id": "C1", "sex": "F", "birth_date": "2015-02-01"]),
            row(.contacts, ["child_id": "C1", "contact_date": "2025-10-01"]),
            row(.early_help, ["child_id": "C1", "start_date": "2025-10-01"]),
            row(.referrals, ["child_id": "C1", "referral_date": "2025-10-01", "nfa": "0"]),
            row(.assessments, ["child_id": "C1", "start_date": "2025-10-02"]),
            row(.section47, ["child_id": "C1", "start_date": "2025-10-03"]),
            row(.cp_plans, ["child_id": "C1", "start_date": "2025-10-20"]),
            row(.cla_episodes, ["child_id": "C1", "start_date": "2025-11-01", "reason_new_episode": "S"]),
            row(.care_leavers, ["child_id": "C1", "year": "2025-26"]),
            row(.adoptions, ["child_id": "C1", "decision_date": "2025-11-02"]),
            row(.adopters, ["adopter_id": "A1", "enquiry_date": "2025-01-02"]),
        ])
        for list in AnnexAList.allCases {
            let rows = w.rows(of: list)
            #expect(rows.count == 1, "\(list.title)")
            #expect(rows.allSatisfy { $0.count == list.headings.count }, "\(list.title)")
        }
    }

    @Test("team and worker: the row's own, else the allocation open on the as-of day (the latest started), else empty")
    func allocatedTeamAndWorker() {
        let w = writer([
            row(.referrals, ["child_id": "C1", "referral_date": "2025-10-01", "team": "Front Door", "worker": "W9"]),
            row(.referrals, ["child_id": "C2", "referral_date": "2025-10-02"]),
            row(.referrals, ["child_id": "C3", "referral_date": "2025-10-03"]),
            row(.referrals, ["child_id": "C4", "referral_date": "2025-10-04"]),
            row(.allocations, ["child_id": "C1", "worker_id": "W1", "team": "North", "start_date": "2025-01-01"]),
            row(.allocations, ["child_id": "C2", "worker_id": "W2", "team": "North", "start_date": "2025-01-01"]),
            row(.allocations, ["child_id": "C2", "worker_id": "W3", "team": "South", "start_date": "2025-06-01"]),
            row(.allocations, ["child_id": "C2", "worker_id": "W4", "team": "East", "start_date": "2025-08-01",
                               "end_date": "2025-11-14"]),  // ended on the as-of day: no longer open
            row(.allocations, ["child_id": "C3", "worker_id": "W5", "team": "West", "start_date": "2025-11-15"]),  // not yet open
        ])
        #expect(column("Allocated Team", of: .referrals, in: w) == [.text("Front Door"), .text("South"), .empty, .empty])
        #expect(column("Allocated Worker", of: .referrals, in: w) == [.text("W9"), .text("W3"), .empty, .empty])
    }

    @Test("section 47: enquiries and conferences in the 12 months before the child's latest enquiry; a conference alone in the window is in")
    func section47Counts() {
        let w = writer([
            row(.section47, ["child_id": "C1", "start_date": "2024-08-01", "icpc_date": "2024-08-20"]),  // before the 12 months
            row(.section47, ["child_id": "C1", "start_date": "2025-01-10", "icpc_date": "2025-01-30"]),
            row(.section47, ["child_id": "C1", "start_date": "2025-03-01"]),  // no conference
            row(.section47, ["child_id": "C1", "start_date": "2025-10-01", "icpc_date": "2025-10-20"]),  // the latest
            row(.section47, ["child_id": "C2", "start_date": "2025-04-01", "icpc_date": "2025-06-01"]),  // conferenced in the 6 months
            row(.section47, ["child_id": "C3", "start_date": "2025-04-01", "icpc_date": "2025-04-20"]),  // neither in the 6 months
        ])
        #expect(column("Child Unique ID", of: .section47, in: w) == [.text("C1"), .text("C2")])
        #expect(column("Number of Section 47 Enquiries in the last 12 months", of: .section47, in: w) == [.number(2), .number(0)])
        #expect(column("Number of ICPCs in the last 12 months", of: .section47, in: w) == [.number(1), .number(0)])
    }

    @Test("lists 1–9 reach back 6 months to the day after: 15/05/2025 is in for an as-of of 14/11/2025, 14/05/2025 and 15/11/2025 are out")
    func sixMonthWindow() {
        let w = writer(["2025-05-14", "2025-05-15", "2025-11-14", "2025-11-15"].map {
            row(.contacts, ["child_id": "C1", "contact_date": $0])
        })
        #expect(column("Date of Contact", of: .contacts, in: w) == [day("2025-05-15"), day("2025-11-14")])
    }

    @Test("referrals in the last 12 months count those made in the 12 months before the child's latest, on all their rows")
    func referralCounts() {
        let w = writer([
            row(.referrals, ["child_id": "C1", "referral_date": "2024-09-29"]),  // more than 12 months before the latest
            row(.referrals, ["child_id": "C1", "referral_date": "2024-09-30"]),  // exactly 12 months before
            row(.referrals, ["child_id": "C1", "referral_date": "2025-06-01"]),
            row(.referrals, ["child_id": "C1", "referral_date": "2025-09-30"]),
            row(.referrals, ["child_id": "C2", "referral_date": "2025-07-01"]),
        ])
        #expect(column("Number of Referrals in Last 12 Months", of: .referrals, in: w) == [.number(2), .number(2), .number(0)])
    }

    @Test("list 6: one row per child, their latest CIN episode; a no-further-action referral is not one; case status by precedence")
    func childrenInNeed() {
        let w = writer([
            row(.referrals, ["child_id": "LAC", "referral_date": "2024-01-01", "nfa": "0"]),
            row(.referrals, ["child_id": "LAC", "referral_date": "2025-06-01", "nfa": "0"]),
            row(.cla_episodes, ["child_id": "LAC", "start_date": "2025-07-01"]),
            row(.cp_plans, ["child_id": "LAC", "start_date": "2025-06-20"]),
            row(.referrals, ["child_id": "CP", "referral_date": "2025-06-01", "nfa": "0"]),
            row(.cp_plans, ["child_id": "CP", "start_date": "2025-06-20"]),
            row(.referrals, ["child_id": "OPENASS", "referral_date": "2025-10-01", "nfa": "0"]),
            row(.assessments, ["child_id": "OPENASS", "start_date": "2025-10-02"]),
            row(.referrals, ["child_id": "CLOSED", "referral_date": "2025-01-01", "nfa": "0", "closure_date": "2025-06-01"]),
            row(.referrals, ["child_id": "GONE", "referral_date": "2024-01-01", "nfa": "0", "closure_date": "2025-05-14"]),
            row(.referrals, ["child_id": "NFA", "referral_date": "2025-10-01", "nfa": "1"]),
            row(.referrals, ["child_id": "NOPLAN", "referral_date": "2025-10-01", "nfa": "0"]),
        ])
        #expect(column("Child Unique ID", of: .childrenInNeed, in: w)
                == ["CLOSED", "CP", "LAC", "NOPLAN", "OPENASS"].map { .text($0) })
        #expect(column("CIN Start Date", of: .childrenInNeed, in: w)[2] == day("2025-06-01"))
        #expect(column("Case Status", of: .childrenInNeed, in: w) == [
            .text("e) Closed episode"), .text("b) Child Protection plan"), .text("a) Looked after child"), .empty,
            .text("d) Open assessment"),
        ])
    }

    @Test("list 7: the latest plan, its previous plans counted when not recorded, the last CP visit in it, EPO from L2 episodes")
    func childProtection() {
        let w = writer([
            row(.cp_plans, ["child_id": "C1", "start_date": "2023-01-01", "end_date": "2023-09-01"]),
            row(.cp_plans, ["child_id": "C1", "start_date": "2025-01-01", "end_date": "2025-06-01"]),
            row(.cp_plans, ["child_id": "C1", "start_date": "2025-08-01"]),
            row(.visits, ["child_id": "C1", "visit_date": "2025-07-15", "kind": "cp", "seen_alone": "0"]),
            row(.visits, ["child_id": "C1", "visit_date": "2025-09-01", "kind": "cp", "seen_alone": "1"]),
            row(.visits, ["child_id": "C1", "visit_date": "2025-10-01", "kind": "cin", "seen_alone": "0"]),
            row(.cp_reviews, ["child_id": "C1", "plan_start_date": "2025-08-01", "review_date": "2025-10-20"]),
            row(.cla_episodes, ["child_id": "C1", "start_date": "2025-07-20", "end_date": "2025-07-28", "legal_status": "L2"]),
            row(.cp_plans, ["child_id": "C2", "start_date": "2025-02-01", "end_date": "2025-03-01", "previous_plans": "4"]),
            row(.cp_plans, ["child_id": "C3", "start_date": "2025-02-01", "end_date": "2025-06-01", "previous_plans": "4"]),
        ])
        #expect(column("Child Unique ID", of: .childProtection, in: w) == [.text("C1"), .text("C3")])
        #expect(column("Number of Previous Child Protection Plans", of: .childProtection, in: w) == [.number(2), .number(4)])
        #expect(column("Date of the Last Statutory Visit", of: .childProtection, in: w) == [day("2025-09-01"), .empty])
        #expect(column("Was the Child Seen Alone?", of: .childProtection, in: w) == [.text("a) Yes"), .empty])
        #expect(column("Date of latest review conference", of: .childProtection, in: w) == [day("2025-10-20"), .empty])
        #expect(column("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                       of: .childProtection, in: w) == [.text("a) Yes"), .text("b) No")])
    }

    @Test("list 8: the latest period of care, when its legal status and placement began, placements and missing spells in 12 months")
    func childrenInCare() {
        let w = writer([
            // An earlier period, ended 10 months ago: this is a second period within 12 months.
            row(.cla_episodes, ["child_id": "C1", "start_date": "2024-10-01", "end_date": "2025-01-10",
                                "reason_new_episode": "S", "legal_status": "V2", "placement": "U4"]),
            row(.cla_episodes, ["child_id": "C1", "start_date": "2025-03-01", "end_date": "2025-06-01",
                                "reason_new_episode": "S", "legal_status": "V2", "placement": "U6"]),
            row(.cla_episodes, ["child_id": "C1", "start_date": "2025-06-01", "end_date": "2025-08-01",
                                "reason_new_episode": "L", "legal_status": "C2", "placement": "U6"]),
            row(.cla_episodes, ["child_id": "C1", "start_date": "2025-08-01", "reason_new_episode": "P",
                                "legal_status": "C2", "placement": "K2", "placement_postcode": "AB1 2CD"]),
            row(.missing_episodes, ["child_id": "C1", "kind": "M", "start_date": "2025-09-01"]),
            row(.missing_episodes, ["child_id": "C1", "kind": "M", "start_date": "2024-09-01"]),
            row(.missing_episodes, ["child_id": "C1", "kind": "A", "start_date": "2025-09-05"]),
            // Ceased 7 months ago: out.
            row(.cla_episodes, ["child_id": "C2", "start_date": "2024-01-01", "end_date": "2025-04-01", "reason_new_episode": "S"]),
        ])
        func cell(_ h: String) -> [XLSXOutputCell] { column(h, of: .childrenInCare, in: w) }
        #expect(cell("Child Unique ID") == [.text("C1")])
        #expect(cell("Date Started to be Looked After") == [day("2025-03-01")])
        #expect(cell("Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)")
                == [.text("a) Yes")])
        #expect(cell("Start date of current legal status") == [day("2025-06-01")])
        #expect(cell("Start Date of Most Recent Placement") == [day("2025-08-01")])
        #expect(cell("Number of Placements in the Last 12 months") == [.number(3)], "U4 of the earlier period, U6, K2")
        #expect(cell("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months") == [.number(1)])
        #expect(cell("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months") == [.number(1)])
        #expect(cell("Placement postcode") == [.text("AB1 2CD")])
    }

    @Test("an unborn child has the expected date of birth and age -1; a child's age is in whole years at the as-of day")
    func ages() {
        let w = writer([
            row(.children, ["child_id": "UNBORN", "expected_birth_date": "2026-01-10"]),
            row(.children, ["child_id": "LEAP", "birth_date": "2008-02-29"]),
            row(.contacts, ["child_id": "LEAP", "contact_date": "2025-10-01"]),
            row(.contacts, ["child_id": "UNBORN", "contact_date": "2025-10-01"]),
        ])
        #expect(column("Date of Birth", of: .contacts, in: w) == [day("2008-02-29"), day("2026-01-10")])
        #expect(column("Age of Child (Years)", of: .contacts, in: w) == [.number(17), .number(-1)])
    }

    @Test("lists 10 and 11 reach back 12 months, and keep a decision or an adopter still in the process")
    func adoption() {
        let w = writer([
            row(.adoptions, ["child_id": "OLD", "decision_date": "2023-01-01", "adoption_order_date": "2024-01-01"]),
            row(.adoptions, ["child_id": "WAITING", "decision_date": "2023-01-01"]),
            row(.adoptions, ["child_id": "ORDERED", "decision_date": "2024-01-01", "adoption_order_date": "2024-11-15"]),
            row(.cla_episodes, ["child_id": "ORDERED", "start_date": "2023-06-01", "end_date": "2023-09-01",
                                "reason_new_episode": "S", "placement": "U6"]),
            row(.cla_episodes, ["child_id": "ORDERED", "start_date": "2023-09-01", "reason_new_episode": "P",
                                "placement": "U5"]),
            row(.adopters, ["adopter_id": "LEFT", "enquiry_date": "2023-01-01", "left_date": "2024-11-01"]),
            row(.adopters, ["adopter_id": "OPEN", "enquiry_date": "2023-01-01"]),
        ])
        #expect(column("Child Unique ID", of: .adoption, in: w) == [.text("ORDERED"), .text("WAITING")])
        #expect(column("Date the Child Entered Care", of: .adoption, in: w) == [day("2023-06-01"), .empty])
        #expect(column("Date the child was placed for fostering in FFA or concurrent planning placement", of: .adoption, in: w)
                == [day("2023-09-01"), .empty])
        #expect(column("Individual adopter identifier", of: .adopters, in: w) == [.text("OPEN")])
    }
}
