import CSCCore
@testable import Synthesis

/// Every way a council's journeys break the coherence the generator promises,
/// as messages naming the child (empty = coherent).
enum JourneyChecks {
    static func problems(in council: SyntheticCouncil) -> [String] {
        var found: [String] = []
        let asOf = council.options.asOf
        var ids: Set<String> = [], upns: Set<String> = [], formerUPNs: [String] = []
        var previousID = ""
        for child in council.children {
            func problem(_ message: String) { found.append("\(child.id): \(message)") }
            if !ids.insert(child.id).inserted { problem("duplicate id") }
            if child.id.count < 7 || child.id.count > 20 || !child.id.allSatisfy(\.isNumber) { problem("bad id") }
            if child.id.count < previousID.count || (child.id.count == previousID.count && child.id <= previousID) {
                problem("ids not ascending")
            }
            previousID = child.id
            checkIdentity(child, laCode: council.options.laCode, asOf: asOf, upns: &upns, formerUPNs: &formerUPNs, problem)
            checkEpisodes(child, council: council, problem)
        }
        for former in formerUPNs where upns.contains(former) { found.append("former UPN \(former) is a current UPN") }
        return found
    }

    private static func checkIdentity(_ child: SyntheticChild, laCode: String, asOf: Day, upns: inout Set<String>,
                                      formerUPNs: inout [String], _ problem: (String) -> Void) {
        if (child.upn == nil) == (child.upnUnknown == nil) { problem("needs exactly one of UPN and UPNunknown") }
        for upn in [child.upn, child.formerUPN].compactMap({ $0 }) {
            if !UniquePupilNumber.isValid(upn) { problem("UPN \(upn) fails the check letter") }
            if String(Array(upn)[1...3]) != laCode { problem("UPN \(upn) is not in LA \(laCode)") }
        }
        if let upn = child.upn, !upns.insert(upn).inserted { problem("UPN \(upn) used twice") }
        if let former = child.formerUPN { formerUPNs.append(former) }
        if child.upnUnknown == "UN7" && !child.episodes.allSatisfy(\.referralNFA) { problem("UN7 with further action") }
        if let birth = child.birthDate {
            if birth > asOf { problem("born after the as-of date") }
        } else {
            if child.expectedBirthDate == nil { problem("unborn without an expected date") }
            if child.sex != .unknown { problem("unborn with sex \(child.sex)") }
            if child.deathDate != nil { problem("unborn with a death date") }
        }
        if let death = child.deathDate {
            if death > asOf { problem("dies after the as-of date") }
            if let birth = child.birthDate, death <= birth { problem("dies before birth") }
        }
        if child.disabilities.isEmpty || (child.disabilities.contains("NONE") && child.disabilities.count > 1)
            || Set(child.disabilities).count != child.disabilities.count {
            problem("bad disabilities \(child.disabilities)")
        }
    }

    private static func checkEpisodes(_ child: SyntheticChild, council: SyntheticCouncil, _ problem: (String) -> Void) {
        let asOf = council.options.asOf
        if child.episodes.isEmpty { problem("no episode") }
        if !child.episodes.contains(where: council.isInCensus) { problem("not in the census year") }
        var plansBefore = 0
        var lastClosure: Day?
        var lastPlanEnd: Day?
        var lastPlanOpen = false
        for (n, e) in child.episodes.enumerated() {
            func eproblem(_ m: String) { problem("episode \(e.referralDate): \(m)") }
            var dates: [Day] = [e.referralDate]
            if let c = lastClosure, e.referralDate <= c { eproblem("starts before the previous one closed") }
            if e.isOpen && n != child.episodes.count - 1 { eproblem("open but not the latest") }
            if let birth = child.birthDate ?? child.expectedBirthDate, e.referralDate < birth.adding(days: -280) {
                eproblem("referred more than 40 weeks before birth")
            }
            if let birth = child.birthDate, e.referralDate >= birth.adding(years: 18) { eproblem("referred as an adult") }
            if (e.closureDate == nil) != (e.closureReason == nil) { eproblem("closure date and reason disagree") }
            if let c = e.closureDate {
                dates.append(c)
                if c < e.referralDate { eproblem("closed before referral") }
                if e.closureReason == "RC2" && child.deathDate.map({ $0 > c }) ?? true { eproblem("RC2 without a death") }
                if (e.closureReason == "RC8" || e.closureReason == "RC9") && e.assessments.isEmpty {
                    eproblem("\(e.closureReason!) with no assessment")
                }
            }
            if e.referralNFA && (!e.assessments.isEmpty || !e.enquiries.isEmpty || !e.protectionPlans.isEmpty
                || !e.cinPlans.isEmpty || e.conferenceWithoutEnquiry != nil) {
                eproblem("NFA referral with activity")
            }
            if !e.referralNFA && e.primaryNeed == nil { eproblem("further action without a primary need") }
            var lastAuthorised: Day?
            for a in e.assessments {
                dates.append(a.startDate)
                if a.startDate < e.referralDate { eproblem("assessment before referral") }
                if let p = lastAuthorised, a.startDate <= p { eproblem("assessments overlap") }
                if let done = a.authorisedDate {
                    dates.append(done)
                    lastAuthorised = done
                    if done < a.startDate { eproblem("assessment authorised before it started") }
                    if a.factors.isEmpty { eproblem("completed assessment without factors") }
                } else {
                    lastAuthorised = asOf
                    if !a.factors.isEmpty { eproblem("open assessment with factors") }
                    if !e.isOpen { eproblem("closed episode with an open assessment") }
                }
                if a.factors.contains("21") && a.factors.count > 1 { eproblem("factor 21 not alone") }
                if Set(a.factors).count != a.factors.count { eproblem("repeated factor") }
            }
            var conferences: [Day] = e.conferenceWithoutEnquiry.map { [$0] } ?? []
            if let c = e.conferenceWithoutEnquiry {
                dates.append(c)
                if c < e.referralDate || c.isWeekend { eproblem("bad CIN-level conference \(c)") }
                if !e.enquiries.isEmpty { eproblem("conference at both levels") }
            }
            for s in e.enquiries {
                dates.append(s.startDate)
                if s.startDate < e.referralDate { eproblem("enquiry before referral") }
                if s.conferenceTargetDate != Weekdays.adding(15, to: s.startDate) { eproblem("conference target not 15 days on") }
                if let c = s.conferenceDate {
                    dates.append(c)
                    conferences.append(c)
                    if c < s.startDate || c.isWeekend { eproblem("bad conference \(c)") }
                    if s.conferenceNotRequired { eproblem("conference held but flagged not required") }
                } else if !e.isOpen && !s.conferenceNotRequired {
                    eproblem("closed episode with an unfinished enquiry")
                }
            }
            for p in e.protectionPlans {
                dates.append(p.startDate)
                if !conferences.contains(p.startDate) { eproblem("plan \(p.startDate) starts on no conference day") }
                if lastPlanOpen { eproblem("plan starts while another is open") }
                if let end = lastPlanEnd, p.startDate < end { eproblem("plans overlap") }
                if p.previousPlans < plansBefore { eproblem("plan counts \(p.previousPlans) previous, the child had \(plansBefore)") }
                plansBefore += 1
                var lastReview = p.startDate
                for r in p.reviewDates {
                    dates.append(r)
                    if r <= lastReview { eproblem("review \(r) not after the start or the previous review") }
                    if let end = p.endDate, r > end { eproblem("review after the plan ended") }
                    lastReview = r
                }
                if let end = p.endDate {
                    dates.append(end)
                    if end <= p.startDate { eproblem("plan ends on or before its start") }
                    lastPlanEnd = end
                    lastPlanOpen = false
                } else {
                    lastPlanOpen = true
                    if !e.isOpen { eproblem("closed episode with an open plan") }
                }
            }
            for p in e.cinPlans {
                dates.append(p.startDate)
                if p.startDate < e.referralDate { eproblem("CIN plan before referral") }
                if let end = p.endDate {
                    dates.append(end)
                    if end <= p.startDate { eproblem("CIN plan ends on or before its start") }
                } else if !e.isOpen {
                    eproblem("closed episode with an open CIN plan")
                }
                let cinEnd = p.endDate ?? Day(year: 9999, month: 12, day: 31)!
                for cp in e.protectionPlans {
                    let cpEnd = cp.endDate ?? Day(year: 9999, month: 12, day: 31)!
                    if p.startDate < cpEnd && cp.startDate < cinEnd { eproblem("CIN plan \(p.startDate) overlaps a CP plan") }
                }
            }
            for d in dates {
                if d > asOf { eproblem("\(d) is after the as-of date") }
                if let c = e.closureDate, d > c { eproblem("\(d) is after the closure") }
                if let death = child.deathDate, d > death { eproblem("\(d) is after the death") }
            }
            lastClosure = e.closureDate
        }
    }
}
