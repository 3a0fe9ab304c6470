import CSCCore
import Testing
import Transformers

/// Hand-worked cases for every indicator of the shipped pack, each on its
/// edges (specs/kpis.md). Working days were counted on a calendar by hand.
@Suite("The standard KPI pack, by hand")
struct StandardPackTests {
    // MARK: referrals

    @Test func referralsCountTheirPeriodOnly() throws {
        var f = StandardPackFixture()
        for date in ["2025-03-31", "2025-04-01", "2025-04-30", "2025-05-01"] {
            f.add(.referrals, ["child_id": "C1", "referral_id": "C1/\(date)", "referral_date": date])
        }
        let (figure, cohort) = try f.evaluate("referrals", from: "2025-04-01", to: "2025-04-30")
        #expect(figure.fields == ["referrals", "Referrals", "2025-04-01", "2025-04-30", "2", "", "2", "", ""])
        #expect(cohort.map(\.itemID) == ["C1/2025-04-01", "C1/2025-04-30"])
    }

    @Test func reReferralExactlyTwelveMonthsAfterCounts() throws {
        var f = StandardPackFixture()
        f.add(.referrals, ["child_id": "A", "referral_id": "A/1", "referral_date": "2024-05-15"])
        f.add(.referrals, ["child_id": "A", "referral_id": "A/2", "referral_date": "2025-05-15"])
        f.add(.referrals, ["child_id": "B", "referral_id": "B/1", "referral_date": "2024-05-14"])
        f.add(.referrals, ["child_id": "B", "referral_id": "B/2", "referral_date": "2025-05-15"])
        // 28 February 2025 − 1 year is 28 February 2024, so 29 February 2024 is within the 12 months.
        f.add(.referrals, ["child_id": "C", "referral_id": "C/1", "referral_date": "2024-02-29"])
        f.add(.referrals, ["child_id": "C", "referral_id": "C/2", "referral_date": "2025-02-28"])
        let may = try f.members("rereferrals_12m", from: "2025-05-01", to: "2025-05-31")
        #expect(may == ["A/2": true, "B/2": false])
        let february = try f.members("rereferrals_12m", from: "2025-02-01", to: "2025-02-28")
        #expect(february == ["C/2": true])
    }

    @Test func nfaIsARateOfReferrals() throws {
        var f = StandardPackFixture()
        f.add(.referrals, ["child_id": "A", "referral_id": "A/1", "referral_date": "2025-04-02", "nfa": "1"])
        f.add(.referrals, ["child_id": "B", "referral_id": "B/1", "referral_date": "2025-04-03", "nfa": "0"])
        f.add(.referrals, ["child_id": "C", "referral_id": "C/1", "referral_date": "2025-04-04"])
        let (figure, _) = try f.evaluate("referrals_nfa", from: "2025-04-01", to: "2025-04-30")
        // 1/3 = 0.3333: above green 0.30, within amber 0.40.
        #expect(figure.fields == ["referrals_nfa", "Referrals with no further action", "2025-04-01", "2025-04-30",
                                  "1", "3", "0.3333", "0.30", "amber"])
    }

    // MARK: working days

    @Test func assessmentOnThe45thWorkingDayAcrossEaster() throws {
        // From Monday 3 March 2025, Good Friday 18 April, Easter Monday 21 April
        // and the May Day holiday 5 May skipped: 8 May is the 45th working day.
        var f = StandardPackFixture()
        f.add(.assessments, ["child_id": "D45", "start_date": "2025-03-03", "authorised_date": "2025-05-08"])
        f.add(.assessments, ["child_id": "D46", "start_date": "2025-03-03", "authorised_date": "2025-05-09"])
        #expect(try f.members("assessments_45wd", from: "2025-05-01", to: "2025-05-31")
            == ["D45/2025-03-03": true, "D46/2025-03-03": false])
    }

    @Test func assessmentAcrossChristmas() throws {
        // From 4 November 2024: 25 and 26 December and 1 January skipped, so
        // 9 January 2025 is the 45th working day and 10 January the 46th.
        var f = StandardPackFixture()
        f.add(.assessments, ["child_id": "A", "start_date": "2024-11-04", "authorised_date": "2025-01-09"])
        f.add(.assessments, ["child_id": "B", "start_date": "2024-11-04", "authorised_date": "2025-01-10"])
        #expect(try f.members("assessments_45wd", from: "2025-01-01", to: "2025-01-31")
            == ["A/2024-11-04": true, "B/2024-11-04": false])
    }

    @Test func assessmentAcrossThe2022OneOffDays() throws {
        // 2 and 3 June 2022 (the Jubilee, instead of the late May holiday) and
        // 19 September 2022 (the State Funeral) are not working days.
        var f = StandardPackFixture()
        f.add(.assessments, ["child_id": "J45", "start_date": "2022-04-25", "authorised_date": "2022-06-30"])
        f.add(.assessments, ["child_id": "J46", "start_date": "2022-04-25", "authorised_date": "2022-07-01"])
        f.add(.assessments, ["child_id": "F45", "start_date": "2022-07-25", "authorised_date": "2022-09-28"])
        f.add(.assessments, ["child_id": "F46", "start_date": "2022-07-25", "authorised_date": "2022-09-29"])
        #expect(try f.members("assessments_45wd", from: "2022-06-01", to: "2022-09-30")
            == ["J45/2022-04-25": true, "J46/2022-04-25": false, "F45/2022-07-25": true, "F46/2022-07-25": false])
    }

    @Test func assessmentAuthorisedBeforeItStartedIsLeftOut() throws {
        var f = StandardPackFixture()
        f.add(.assessments, ["child_id": "A", "start_date": "2025-04-10", "authorised_date": "2025-04-09"])
        f.add(.assessments, ["child_id": "B", "start_date": "2025-04-10", "authorised_date": "2025-04-10"])
        f.add(.assessments, ["child_id": "C", "authorised_date": "2025-04-10"])
        #expect(try f.members("assessments_45wd", from: "2025-04-01", to: "2025-04-30") == ["B/2025-04-10": true])
    }

    @Test func icpcOnThe15thWorkingDayAcrossEaster() throws {
        // From Monday 14 April 2025: 18 and 21 April and 5 May skipped.
        var f = StandardPackFixture()
        f.add(.section47, ["child_id": "A", "start_date": "2025-04-14", "icpc_date": "2025-05-08"])
        f.add(.section47, ["child_id": "B", "start_date": "2025-04-14", "icpc_date": "2025-05-09"])
        f.add(.section47, ["child_id": "C", "icpc_date": "2025-05-09"])  // no enquiry in the year: not in the population
        #expect(try f.members("icpc_15wd", from: "2025-05-01", to: "2025-05-31")
            == ["A/2025-04-14": true, "B/2025-04-14": false])
    }

    // MARK: child protection

    @Test func repeatPlanByHistoryOrByPreviousPlans() throws {
        var f = StandardPackFixture()
        f.add(.cp_plans, ["child_id": "A", "start_date": "2023-01-10", "end_date": "2024-01-10"])
        f.add(.cp_plans, ["child_id": "A", "start_date": "2025-06-02"])
        f.add(.cp_plans, ["child_id": "B", "start_date": "2025-06-03", "previous_plans": "1"])
        f.add(.cp_plans, ["child_id": "C", "start_date": "2025-06-04", "previous_plans": "0"])
        #expect(try f.members("cp_repeat", from: "2025-06-01", to: "2025-06-30")
            == ["A/2025-06-02": true, "B/2025-06-03": true, "C/2025-06-04": false])
        #expect(try f.evaluate("cp_plans_started", from: "2025-06-01", to: "2025-06-30").figure.value == "3")
    }

    @Test func planEndingExactlyTwoYearsAfterItStarted() throws {
        var f = StandardPackFixture()
        f.add(.cp_plans, ["child_id": "EXACT", "start_date": "2023-05-10", "end_date": "2025-05-10"])
        f.add(.cp_plans, ["child_id": "SHORT", "start_date": "2023-05-10", "end_date": "2025-05-09"])
        // 29 February 2024 + 2 years is 28 February 2026, clamped.
        f.add(.cp_plans, ["child_id": "LEAP", "start_date": "2024-02-29", "end_date": "2026-02-28"])
        f.add(.cp_plans, ["child_id": "LEAPSHORT", "start_date": "2024-02-29", "end_date": "2026-02-27"])
        #expect(try f.members("cp_ended_2y_plus", from: "2025-05-01", to: "2025-05-31")
            == ["EXACT/2023-05-10": true, "SHORT/2023-05-10": false])
        #expect(try f.members("cp_ended_2y_plus", from: "2026-02-01", to: "2026-02-28")
            == ["LEAP/2024-02-29": true, "LEAPSHORT/2024-02-29": false])
    }

    @Test func openPlansCountChildrenOnceAndEndDayIsNotOpen() throws {
        var f = StandardPackFixture()
        f.add(.cp_plans, ["child_id": "A", "start_date": "2025-01-01"])
        f.add(.cp_plans, ["child_id": "A", "start_date": "2025-02-01"])
        f.add(.cp_plans, ["child_id": "B", "start_date": "2025-01-01", "end_date": "2025-03-31"])
        f.add(.cp_plans, ["child_id": "C", "start_date": "2025-01-01", "end_date": "2025-04-01"])
        f.add(.cp_plans, ["child_id": "D", "start_date": "2025-04-01"])
        let (figure, cohort) = try f.evaluate("cp_open", from: "2025-03-01", to: "2025-03-31")
        #expect(figure.value == "2")
        #expect(cohort.map(\.childID) == ["A", "C"])
    }

    @Test func visitsWithinTenWorkingDaysOfThePeriodEnd() throws {
        // Period ends Friday 30 May 2025; 10 working days back (26 May a
        // holiday) is Thursday 15 May.
        var f = StandardPackFixture()
        for child in ["IN", "EDGE", "OUT", "NONE", "CLA", "NEW"] {
            f.add(.cp_plans, ["child_id": child, "start_date": child == "NEW" ? "2025-05-20" : "2025-01-06"])
        }
        f.add(.visits, ["child_id": "IN", "visit_date": "2025-05-16", "kind": "cp"])
        f.add(.visits, ["child_id": "EDGE", "visit_date": "2025-05-15", "kind": "cp"])
        f.add(.visits, ["child_id": "OUT", "visit_date": "2025-05-14", "kind": "cp"])
        f.add(.visits, ["child_id": "OUT", "visit_date": "2025-06-02", "kind": "cp"])  // after the period: not seen
        f.add(.visits, ["child_id": "CLA", "visit_date": "2025-05-29", "kind": "cla"])
        let members = try f.members("cp_visits_10wd", from: "2025-05-01", to: "2025-05-30")
        // NEW's plan is 7 working days old: too new to be measured.
        #expect(members == ["IN": true, "EDGE": true, "OUT": false, "NONE": false, "CLA": false])
    }

    // MARK: looked after

    @Test func shortBreaksAreLeftOut() throws {
        var f = StandardPackFixture()
        f.add(.cla_episodes, ["child_id": "A", "start_date": "2025-04-03", "reason_new_episode": "S", "legal_status": "C2"])
        f.add(.cla_episodes, ["child_id": "B", "start_date": "2025-04-04", "reason_new_episode": "S", "legal_status": "V3"])
        f.add(.cla_episodes, ["child_id": "C", "start_date": "2025-04-05", "reason_new_episode": "S", "legal_status": "V4"])
        #expect(try f.evaluate("cla_open", from: "2025-04-01", to: "2025-04-30").cohort.map(\.childID) == ["A"])
        #expect(try f.evaluate("cla_started", from: "2025-04-01", to: "2025-04-30").cohort.map(\.itemID) == ["A/2025-04-03"])
    }

    @Test func threePlacementsInTheTwelveMonthsUpToThePeriodEnd() throws {
        var f = StandardPackFixture()
        // Three placements started in (2024-04-30, 2025-04-30].
        f.add(.cla_episodes, ["child_id": "A", "start_date": "2024-05-01", "end_date": "2024-09-01", "reason_new_episode": "S"])
        f.add(.cla_episodes, ["child_id": "A", "start_date": "2024-09-01", "end_date": "2025-01-01", "reason_new_episode": "P"])
        f.add(.cla_episodes, ["child_id": "A", "start_date": "2025-01-01", "reason_new_episode": "T"])
        // The first started exactly a year before the period end: outside.
        f.add(.cla_episodes, ["child_id": "B", "start_date": "2024-04-30", "end_date": "2024-09-01", "reason_new_episode": "S"])
        f.add(.cla_episodes, ["child_id": "B", "start_date": "2024-09-01", "end_date": "2025-01-01", "reason_new_episode": "P"])
        f.add(.cla_episodes, ["child_id": "B", "start_date": "2025-01-01", "end_date": "2025-02-01", "reason_new_episode": "B"])
        f.add(.cla_episodes, ["child_id": "B", "start_date": "2025-02-01", "reason_new_episode": "L"])  // a legal change, not a move
        #expect(try f.members("cla_3plus_placements", from: "2025-04-01", to: "2025-04-30") == ["A": true, "B": false])
    }

    @Test func longTermStabilityFollowsThePeriodOfCare() throws {
        var f = StandardPackFixture()
        let end = "2025-06-30"  // − 30 months = 2022-12-30; − 2 years = 2023-06-30
        // STABLE: in care since 2022-01-10, same placement since 2023-06-30 (a legal-status change later).
        f.add(.children, ["child_id": "STABLE", "birth_date": "2015-03-01"])
        f.add(.cla_episodes, ["child_id": "STABLE", "start_date": "2022-01-10", "end_date": "2023-06-30", "reason_new_episode": "S"])
        f.add(.cla_episodes, ["child_id": "STABLE", "start_date": "2023-06-30", "end_date": "2024-02-01", "reason_new_episode": "P"])
        f.add(.cla_episodes, ["child_id": "STABLE", "start_date": "2024-02-01", "reason_new_episode": "L"])
        // MOVED: moved a day too late.
        f.add(.children, ["child_id": "MOVED", "birth_date": "2015-03-01"])
        f.add(.cla_episodes, ["child_id": "MOVED", "start_date": "2022-01-10", "end_date": "2023-07-01", "reason_new_episode": "S"])
        f.add(.cla_episodes, ["child_id": "MOVED", "start_date": "2023-07-01", "reason_new_episode": "P"])
        // RECENT: the period of care began at an S inside the 30 months (an earlier one ended the day it started).
        f.add(.children, ["child_id": "RECENT", "birth_date": "2015-03-01"])
        f.add(.cla_episodes, ["child_id": "RECENT", "start_date": "2020-01-01", "end_date": "2023-01-02", "reason_new_episode": "S"])
        f.add(.cla_episodes, ["child_id": "RECENT", "start_date": "2023-01-02", "reason_new_episode": "S"])
        // OLDER: 16 on the period end's day.
        f.add(.children, ["child_id": "OLDER", "birth_date": "2009-06-30"])
        f.add(.cla_episodes, ["child_id": "OLDER", "start_date": "2020-01-01", "reason_new_episode": "S"])
        // GAP: a break in care starts a new chain; the episode before the gap is not joined.
        f.add(.children, ["child_id": "GAP", "birth_date": "2015-03-01"])
        f.add(.cla_episodes, ["child_id": "GAP", "start_date": "2020-01-01", "end_date": "2023-03-01", "reason_new_episode": "S"])
        f.add(.cla_episodes, ["child_id": "GAP", "start_date": "2023-03-02", "reason_new_episode": "P"])
        // HISTORY: the chain begins with an L whose earlier history is in no input: its start counts for both.
        f.add(.children, ["child_id": "HISTORY", "birth_date": "2015-03-01"])
        f.add(.cla_episodes, ["child_id": "HISTORY", "start_date": "2022-06-01", "reason_new_episode": "L"])
        #expect(try f.members("cla_long_term_stability", from: "2025-06-01", to: end)
            == ["STABLE": true, "MOVED": false, "HISTORY": true])
    }

    // MARK: care leavers

    @Test func careLeaversByBirthdayInPeriodAndInTheRowsYear() throws {
        var f = StandardPackFixture()
        // Born 29 February 2004: the 21st birthday is 28 February 2025.
        f.add(.care_leavers, ["child_id": "LEAP", "year": "2024-25", "birth_date": "2004-02-29", "in_touch": "YES",
                              "activity": "F2", "accommodation": "B", "accommodation_suitable": "1"])
        // The same child's 2025-26 row: its birthday is not in that year.
        f.add(.care_leavers, ["child_id": "LEAP", "year": "2025-26", "birth_date": "2004-02-29", "in_touch": "YES"])
        f.add(.care_leavers, ["child_id": "NOTKNOWN", "year": "2024-25", "birth_date": "2006-02-10", "in_touch": "NO",
                              "activity": "G4", "accommodation": "0"])
        f.add(.care_leavers, ["child_id": "DIED", "year": "2024-25", "birth_date": "2006-02-11", "in_touch": "DIED"])
        f.add(.care_leavers, ["child_id": "EIGHTEEN", "year": "2024-25", "birth_date": "2007-02-11", "in_touch": "YES"])
        #expect(try f.members("care_leavers_suitable_accommodation", from: "2025-02-01", to: "2025-02-28")
            == ["LEAP/2024-25": true, "NOTKNOWN/2024-25": false])
        #expect(try f.members("care_leavers_eet", from: "2025-02-01", to: "2025-02-28")
            == ["LEAP/2024-25": true, "NOTKNOWN/2024-25": false])
    }

    // MARK: audits

    @Test func auditsGradedAndUngraded() throws {
        var f = StandardPackFixture()
        f.add(.audits, ["audit_id": "A1", "child_id": "C1", "audit_date": "2025-09-02", "overall_grade": "good"])
        f.add(.audits, ["audit_id": "A2", "child_id": "C2", "audit_date": "2025-09-03", "overall_grade": "inadequate"])
        f.add(.audits, ["audit_id": "A3", "audit_date": "2025-09-04", "overall_grade": "outstanding"])
        f.add(.audits, ["audit_id": "A4", "child_id": "C4", "audit_date": "2025-09-05"])
        #expect(try f.evaluate("audits_completed", from: "2025-09-01", to: "2025-09-30").figure.value == "4")
        let good = try f.evaluate("audits_good_or_better", from: "2025-09-01", to: "2025-09-30").figure
        #expect([good.numerator, good.denominator, good.value, good.rag?.rawValue] == ["2", "3", "0.6667", "amber"])
        let inadequate = try f.evaluate("audits_inadequate", from: "2025-09-01", to: "2025-09-30").figure
        #expect([inadequate.value, inadequate.rag?.rawValue] == ["0.3333", "red"])
    }

    // MARK: empty populations and exact thresholds

    @Test func anEmptyPopulationHasNoValueAndNoRating() throws {
        let f = StandardPackFixture()
        let (figure, cohort) = try f.evaluate("assessments_45wd", from: "2025-04-01", to: "2025-04-30")
        #expect(figure.fields == ["assessments_45wd", "Assessments authorised within 45 working days",
                                  "2025-04-01", "2025-04-30", "0", "0", "", "0.85", ""])
        #expect(cohort.isEmpty)
        #expect(try f.evaluate("cla_open", from: "2025-04-01", to: "2025-04-30").figure.value == "0")
    }

    @Test func aValueExactlyOnTheGreenThresholdIsGreen() throws {
        var f = StandardPackFixture()
        // 11 re-referrals out of 50 is exactly 0.22, the green threshold of a `lower` KPI.
        for i in 0..<50 {
            f.add(.referrals, ["child_id": "C\(i)", "referral_id": "C\(i)/2", "referral_date": "2025-04-10"])
            if i < 11 { f.add(.referrals, ["child_id": "C\(i)", "referral_id": "C\(i)/1", "referral_date": "2025-01-10"]) }
        }
        let figure = try f.evaluate("rereferrals_12m", from: "2025-04-01", to: "2025-04-30").figure
        #expect([figure.value, figure.rag?.rawValue] == ["0.2200", "green"])
    }
}
