import CSCCore
import Foundation
import Testing
@testable import Synthesis

@Suite("synthetic journeys: coherence, codes, realism")
struct JourneyTests {
    @Test("journeys are coherent and nothing happens after the as-of date", arguments: [
        ("2025-03-31", UInt64(1)), ("2025-11-14", 2), ("2024-04-01", 3), ("2022-08-15", 4), ("2020-12-01", 5),
    ])
    func coherence(asOf: String, seed: UInt64) {
        let council = SyntheticCouncil(children: 1500, seed: seed, asOf: .iso(asOf))
        #expect(council.children.count == 1500)
        let problems = JourneyChecks.problems(in: council)
        #expect(problems.isEmpty, "\(problems.count) problems, e.g. \(problems.prefix(8))")
    }

    @Test("the checks catch a broken journey")
    func checksCanFail() {
        let council = SyntheticCouncil(children: 200, seed: 9, asOf: .iso("2025-03-31"))
        var broken = council.children
        let i = broken.firstIndex { !$0.episodes[0].assessments.isEmpty }!
        broken[i].episodes[0].assessments[0].startDate = broken[i].episodes[0].referralDate.adding(days: -1)
        let tampered = SyntheticCouncil(options: council.options, children: broken)
        #expect(JourneyChecks.problems(in: tampered).contains { $0.contains("assessment before referral") })
    }

    @Test("only codes valid in the collection year", arguments: ["2025-03-31", "2023-06-30", "2022-02-28", "2021-03-31", "2019-12-31"])
    func codesValidInYear(asOf: String) throws {
        let council = SyntheticCouncil(children: 1500, seed: 31, asOf: .iso(asOf))
        let year = council.collectionYear
        let lists = try ["ethnicity", "disability", "referral_source", "primary_need", "closure_reason",
                         "category_of_abuse", "assessment_factors", "upn_unknown"]
            .reduce(into: [String: CodeList]()) { $0[$1] = try loadCodeList($1) }
        func check(_ list: String, _ code: String?) {
            guard let code else { return }
            #expect(lists[list]!.contains(code, in: year), "\(list) \(code) in \(year)")
        }
        var used: [String: Set<String>] = [:]
        for child in council.children {
            check("ethnicity", child.ethnicity)
            child.disabilities.forEach { check("disability", $0) }
            check("upn_unknown", child.upnUnknown)
            for e in child.episodes {
                check("referral_source", e.referralSource)
                check("primary_need", e.primaryNeed)
                check("closure_reason", e.closureReason)
                used["source", default: []].insert(e.referralSource)
                if let r = e.closureReason { used["closure", default: []].insert(r) }
                for a in e.assessments {
                    a.factors.forEach { check("assessment_factors", $0) }
                    used["factor", default: []].formUnion(a.factors)
                }
                for p in e.protectionPlans {
                    check("category_of_abuse", p.initialCategory)
                    check("category_of_abuse", p.latestCategory)
                }
            }
        }
        let endYear = year.startYear + 1
        #expect(used["closure"]!.contains("RC9") == (endYear >= 2023))
        #expect(used["source"]!.contains("5D") == (endYear >= 2023))
        #expect(used["factor"]!.contains("24A") == (endYear >= 2022))
        #expect(used["factor"]!.contains("18A") == (endYear < 2021))
        #expect(used["factor"]!.contains("18C") == (endYear >= 2021))
    }

    @Test("UPNs pass the check letter and carry the LA code")
    func pupilNumbers() {
        // A check letter worked by hand: 8·2 + 7·3 + ... + 2·13 = 401 ≡ 10 (mod 23) → L.
        #expect(UniquePupilNumber.isValid("L873515716932"))
        #expect(!UniquePupilNumber.isValid("M873515716932"))
        let council = SyntheticCouncil(children: 800, seed: 2, asOf: .iso("2025-03-31"), laCode: "812")
        let upns = council.children.compactMap(\.upn)
        #expect(upns.count > 400)
        #expect(upns.allSatisfy { UniquePupilNumber.isValid($0) && $0.dropFirst().hasPrefix("812") })
        #expect(Set(upns).count == upns.count)
        #expect(Set(council.children.compactMap(\.upnUnknown)).isSuperset(of: ["UN1", "UN7"]))
    }

    @Test("a realistic council: the KPI pack has something to measure")
    func realism() {
        let council = SyntheticCouncil(children: 4000, seed: 2024, asOf: .iso("2025-03-31"))
        let episodes = council.children.flatMap { c in c.episodes.filter(council.isInCensus).map { (c, $0) } }
        let yearStart = council.collectionYear.start
        let referralsInYear = episodes.filter { $0.1.referralDate >= yearStart }
        let share = { (part: Int, whole: Int) in Double(part) / Double(max(whole, 1)) }

        let nfa = share(referralsInYear.filter { $0.1.referralNFA }.count, referralsInYear.count)
        #expect((0.12...0.3).contains(nfa), "NFA \(nfa)")

        let rereferred = referralsInYear.filter { child, e in
            child.episodes.contains { $0.referralDate < e.referralDate && $0.referralDate >= e.referralDate.adding(years: -1) }
        }
        let rereferral = share(rereferred.count, referralsInYear.count)
        #expect((0.15...0.3).contains(rereferral), "re-referrals \(rereferral)")

        let assessments = episodes.flatMap(\.1.assessments).filter { $0.authorisedDate.map { $0 >= yearStart } ?? false }
        let onTime = share(assessments.filter { weekdays($0.startDate, $0.authorisedDate!) <= 45 }.count, assessments.count)
        #expect((0.75...0.95).contains(onTime), "assessments in 45 days \(onTime)")
        #expect(episodes.flatMap(\.1.assessments).contains { $0.authorisedDate == nil })

        let enquiries = episodes.flatMap(\.1.enquiries).filter { $0.conferenceDate.map { $0 >= yearStart } ?? false }
        let conferencesOnTime = share(enquiries.filter { weekdays($0.startDate, $0.conferenceDate!) <= 15 }.count, enquiries.count)
        #expect((0.65...0.92).contains(conferencesOnTime), "conferences in 15 days \(conferencesOnTime)")

        let plans = episodes.flatMap(\.1.protectionPlans)
        let started = plans.filter { $0.startDate >= yearStart }
        let repeatShare = share(started.filter { $0.previousPlans > 0 }.count, started.count)
        #expect((0.1...0.35).contains(repeatShare), "repeat plans \(repeatShare)")
        let ended = plans.filter { $0.endDate.map { $0 >= yearStart } ?? false }
        let long = share(ended.filter { $0.endDate! >= $0.startDate.adding(years: 2) }.count, ended.count)
        #expect((0.005...0.1).contains(long), "plans over two years \(long)")
        #expect(plans.contains { $0.endDate == nil && !$0.reviewDates.isEmpty })

        let reasons = Set(episodes.compactMap(\.1.closureReason))
        #expect(reasons.isSuperset(of: ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]), "\(reasons.sorted())")
        #expect(episodes.contains { $0.1.conferenceWithoutEnquiry != nil })
        #expect(episodes.contains { $0.1.enquiries.contains { $0.conferenceNotRequired } })
        #expect(council.children.contains { $0.isUnborn })
        #expect(council.children.contains { $0.birthDate != nil && $0.expectedBirthDate != nil })
        #expect(council.children.contains { $0.deathDate != nil })
        #expect(council.children.contains { $0.formerUPN != nil })
        #expect(Set(council.children.flatMap(\.disabilities)).count >= 10)
        let ethnicities = Dictionary(grouping: council.children, by: \.ethnicity).mapValues(\.count)
        #expect(ethnicities.count >= 18)
        #expect(share(ethnicities["WBRI"] ?? 0, council.children.count) > 0.5)
    }

    private func weekdays(_ from: Day, _ to: Day) -> Int {
        var n = 0
        var d = from
        while d < to {
            d = d.adding(days: 1)
            if !d.isWeekend { n += 1 }
        }
        return n
    }
}
