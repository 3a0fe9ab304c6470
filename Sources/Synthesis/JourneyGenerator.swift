import CSCCore

/// One child's profile and journey: contact → referral → assessment → (maybe)
/// section 47 enquiry → conference → protection plan, child in need plans,
/// closure, and sometimes a re-referral, repeated up to the as-of date.
///
/// Each episode is planned in full first and then cut where the child's story
/// stops: at the as-of date (everything later has not happened yet, so it is
/// left open), or at a death or 18th birthday (the episode closes that day).
/// Planning whole episodes keeps every date coherent; cutting keeps every date
/// on or before the as-of date.
struct JourneyGenerator {
    let council: CouncilGenerator
    var rng: SeededGenerator

    private var codes: CodeDistributions { council.codes }
    private var asOf: Day { council.asOf }

    /// A child and their journey, or nil when the child's first referral would
    /// come after they stopped being a child.
    mutating func makeChild() -> SyntheticChild? {
        let firstReferral = referralDay(rng.int(in: Int(council.historyStart.daysSinceEpoch)...Int(asOf.daysSinceEpoch)))
        let (birth, expected) = birthDates(firstReferral: firstReferral)
        let born = birth <= asOf ? birth : nil
        var child = SyntheticChild(
            id: "", upn: nil, formerUPN: nil, upnUnknown: nil, birthDate: born, expectedBirthDate: expected,
            sex: born == nil ? .unknown : sex(), ethnicity: codes.ethnicity.pick(&rng), deathDate: nil,
            disabilities: born == nil ? ["NONE"] : disabilities(), contacts: [], episodes: [])
        if let b = born, rng.chance(0.006) {
            let death = firstReferral.adding(days: rng.int(in: 20...1400))
            if death > b && death <= asOf { child.deathDate = death }
        }
        // The day the child's story ends for a reason other than the as-of date.
        var storyEnd: Day? = child.deathDate
        if let b = born {
            let lastDayAged17 = b.adding(years: 18).adding(days: -1)
            storyEnd = min(storyEnd ?? lastDayAged17, lastDayAged17)
        }
        // Services do not open a new case for a child about to turn 18.
        let lastReferralAge = born?.adding(years: 17).adding(months: 10)

        var plansSoFar = Shape.plansBeforeHistory.pick(&rng)  // plans before our history
        var referral = firstReferral
        var previousClosure: Day?
        if rng.chance(0.25) {
            let earlyContact = firstReferral.adding(days: -rng.int(in: 30...400))
            if born.map({ earlyContact >= $0 }) ?? true {
                child.contacts.append(SyntheticContact(date: earlyContact, source: codes.referralSource.pick(&rng)))
            }
        }
        while referral <= asOf {
            if let end = storyEnd, referral >= end { break }
            if let last = lastReferralAge, referral >= last, !child.episodes.isEmpty { break }
            var episode = planEpisode(referral: referral, unborn: birth > referral,
                                      ageAtReferral: referral.age(since: birth), plansSoFar: &plansSoFar)
            let contactGap = rng.chance(0.7) ? 0 : rng.int(in: 1...3)
            var contact = referral.adding(days: -contactGap)
            if let p = previousClosure, contact <= p { contact = referral }
            child.contacts.append(SyntheticContact(date: contact, source: episode.referralSource))

            let plannedClosure = episode.closureDate!
            if let end = storyEnd, end <= asOf, plannedClosure > end {
                let reason = end == child.deathDate ? "RC2" : (rng.chance(0.4) ? "RC6" : "RC7")
                episode.close(at: end, reason: reason)
                child.episodes.append(episode)
                break
            }
            if plannedClosure > asOf {
                episode.cut(at: asOf)
                child.episodes.append(episode)
                break
            }
            child.episodes.append(episode)
            guard rng.chance(reReferralChance(after: episode, plansSoFar: plansSoFar)) else { break }
            let gap = rng.chance(0.7) ? rng.int(in: 7...240) : rng.int(in: 241...900)
            let next = referralDay(Int(plannedClosure.daysSinceEpoch) + gap)
            referral = next > plannedClosure ? next : plannedClosure.adding(days: gap)
            previousClosure = plannedClosure
        }
        return child.episodes.isEmpty ? nil : child
    }

    // MARK: Profile

    /// Most referrals arrive on weekdays; police and out-of-hours ones at weekends.
    private mutating func referralDay(_ daysSinceEpoch: Int) -> Day {
        let d = Day(daysSinceEpoch: Int32(daysSinceEpoch))
        return d.isWeekend && rng.chance(0.8) ? Weekdays.onOrBefore(d) : d
    }

    /// The birth date (possibly after the as-of date: not born yet) and, for
    /// a child referred before birth, the expected date of birth.
    private mutating func birthDates(firstReferral r: Day) -> (birth: Day, expected: Day?) {
        let band = Shape.ageAtFirstReferral.pick(&rng)
        if band.lowerBound < 0 {
            // Referred before birth, no more than 40 weeks ahead (rule 8606).
            let expected = r.adding(days: rng.int(in: 28...200))
            let birth = expected.adding(days: rng.int(in: -14...10))
            return (max(birth, r.adding(days: 1)), expected)
        }
        let years = rng.int(in: band)
        let days = years == 0 ? rng.int(in: 1...364) : rng.int(in: 0...364)
        return (r.adding(years: -years).adding(days: -days), nil)
    }

    private mutating func sex() -> SyntheticChild.Sex {
        Shape.sex.pick(&rng)
    }

    private mutating func disabilities() -> [String] {
        guard rng.chance(0.12) else { return ["NONE"] }
        let count = Shape.disabilityCount.pick(&rng)
        return distinctCodes(count, from: codes.disability)
    }

    private mutating func distinctCodes(_ count: Int, from choice: WeightedChoice<String>) -> [String] {
        var picked: [String] = []
        while picked.count < count {
            let c = choice.pick(&rng)
            if !picked.contains(c) { picked.append(c) }
        }
        return picked
    }

    // MARK: Episodes

    private func reReferralChance(after episode: SyntheticEpisode, plansSoFar: Int) -> Double {
        let base: Double
        if episode.referralNFA {
            base = 0.55
        } else if episode.closureReason == "RC8" || episode.closureReason == "RC9" {
            base = 0.48
        } else {
            base = 0.32
        }
        return base + (plansSoFar > 0 ? 0.06 : 0)
    }

    private enum Step {
        case decideAfterAssessment
        case cinPlan(from: Day)
        case protectionPlan(from: Day)
    }

    /// The whole episode as it would unfold, ignoring the as-of date; always closed.
    private mutating func planEpisode(referral r: Day, unborn: Bool, ageAtReferral: Int,
                                      plansSoFar: inout Int) -> SyntheticEpisode {
        var episode = SyntheticEpisode(
            referralDate: r, referralSource: (unborn ? codes.unbornReferralSource : codes.referralSource).pick(&rng),
            primaryNeed: nil, closureDate: nil, closureReason: nil, referralNFA: false, conferenceWithoutEnquiry: nil,
            assessments: [], cinPlans: [], enquiries: [], protectionPlans: [])
        if rng.chance(0.19) {
            episode.referralNFA = true
            if rng.chance(0.5) { episode.primaryNeed = codes.primaryNeed.pick(&rng) }
            episode.closureDate = r.adding(days: rng.chance(0.8) ? 0 : rng.int(in: 1...4))
            episode.closureReason = "RC7"
            return episode
        }
        episode.primaryNeed = (unborn ? codes.unbornPrimaryNeed : codes.primaryNeed).pick(&rng)
        var latest = r

        let assessmentStart = Weekdays.onOrAfter(r.adding(days: rng.chance(0.55) ? 0 : rng.int(in: 1...6)))
        let assessment = plannedAssessment(start: assessmentStart)
        episode.assessments.append(assessment)
        let authorised = assessment.authorisedDate!
        latest = max(latest, authorised)
        let noFactors = assessment.factors == ["21"]

        var step = Step.decideAfterAssessment
        let concern = (episode.primaryNeed == "N1" ? 0.42 : 0.1) + (plansSoFar > 0 ? 0.15 : 0)
        if !noFactors && rng.chance(0.015) {
            // A family moving in on another council's plan: a transfer-in
            // conference with no enquiry of ours.
            episode.referralSource = "5C"
            episode.primaryNeed = "N1"
            let conference = Weekdays.adding(rng.int(in: 3...15), to: r)
            episode.conferenceWithoutEnquiry = conference
            step = .protectionPlan(from: conference)
        } else if !noFactors && rng.chance(concern) {
            let start = Weekdays.onOrAfter(max(assessmentStart, r.adding(days: rng.int(in: 0...8))))
            let (enquiry, planFollows) = plannedEnquiry(start: start)
            episode.enquiries.append(enquiry)
            latest = max(latest, enquiry.outcomeDate!)
            if let conference = enquiry.conferenceDate {
                step = planFollows
                    ? .protectionPlan(from: conference)
                    : .cinPlan(from: Weekdays.onOrAfter(max(conference, authorised).adding(days: rng.int(in: 0...7))))
            }
        }

        var hadStepDown = false, hadEscalation = false
        var closeFrom: Day
        var reason: String
        planning: while true {
            switch step {
            case .decideAfterAssessment:
                if noFactors || rng.chance(0.52) {
                    closeFrom = authorised.adding(days: rng.int(in: 0...10))
                    reason = council.rules.hasEarlyHelpCodes && rng.chance(0.25) ? "RC9" : "RC8"
                    break planning
                }
                step = .cinPlan(from: Weekdays.onOrAfter(authorised.adding(days: rng.int(in: 0...14))))

            case .cinPlan(let start):
                var end = start.adding(days: cinPlanDays())
                let length = Int(end.daysSinceEpoch - start.daysSinceEpoch)
                if !hadStepDown && !hadEscalation && length > 90 && rng.chance(0.07) {
                    hadEscalation = true
                    let enquiryStart = Weekdays.onOrAfter(start.adding(days: rng.int(in: 30...(length - 60))))
                    let (enquiry, planFollows) = plannedEnquiry(start: enquiryStart)
                    episode.enquiries.append(enquiry)
                    latest = max(latest, enquiry.outcomeDate!)
                    if let conference = enquiry.conferenceDate, planFollows {
                        episode.cinPlans.append(.init(startDate: start, endDate: conference))
                        step = .protectionPlan(from: conference)
                        continue planning
                    }
                    end = max(end, enquiry.outcomeDate!.adding(days: 7))
                }
                if length > 200 && rng.chance(0.1) {
                    // A reassessment part-way through the plan, after the first is done.
                    let from = max(start.adding(days: rng.int(in: 60...(length - 90))), authorised.adding(days: 1))
                    let again = plannedAssessment(start: Weekdays.onOrAfter(from))
                    episode.assessments.append(again)
                    latest = max(latest, again.authorisedDate!)
                }
                episode.cinPlans.append(.init(startDate: start, endDate: end))
                latest = max(latest, end)
                closeFrom = end.adding(days: rng.int(in: 0...14))
                reason = Shape.closureAfterCINPlan.pick(&rng)
                break planning

            case .protectionPlan(let start):
                let plan = plannedProtectionPlan(start: start, previousPlans: plansSoFar)
                plansSoFar += 1
                episode.protectionPlans.append(plan)
                let end = plan.endDate!
                latest = max(latest, end)
                if !hadStepDown && rng.chance(0.55) {
                    hadStepDown = true
                    step = .cinPlan(from: Weekdays.onOrAfter(end.adding(days: rng.int(in: 1...10))))
                    continue planning
                }
                closeFrom = end.adding(days: rng.int(in: 0...14))
                // Adoption only ends the plans of young children.
                reason = (ageAtReferral < 6 ? Shape.closureAfterPlanYoungChild : Shape.closureAfterPlan).pick(&rng)
                break planning
            }
        }
        episode.closureDate = max(closeFrom, latest)
        episode.closureReason = reason
        return episode
    }

    /// Most assessments are authorised within 45 working days; some run late.
    private mutating func plannedAssessment(start: Day) -> SyntheticEpisode.Assessment {
        let band = Shape.assessmentWorkingDays.pick(&rng)
        let authorised = Weekdays.adding(rng.int(in: band), to: start)
        let factors: [String]
        if rng.chance(0.06) {
            factors = ["21"]  // no factors identified: alone (rule 8869)
        } else {
            factors = distinctCodes(Shape.factorCount.pick(&rng),
                                    from: codes.assessmentFactor)
        }
        return .init(startDate: start, authorisedDate: authorised, factors: factors)
    }

    /// An enquiry and whether a protection plan follows its conference. Most
    /// conferences fall within 15 working days of the start.
    private mutating func plannedEnquiry(start: Day) -> (SyntheticEpisode.Section47Enquiry, planFollows: Bool) {
        let target = Weekdays.adding(15, to: start)
        if rng.chance(0.4) {
            let decided = Weekdays.adding(rng.int(in: 2...12), to: start)
            return (.init(startDate: start, conferenceTargetDate: target, conferenceDate: nil,
                          conferenceNotRequired: true, outcomeDate: decided), false)
        }
        let days = rng.chance(0.8) ? rng.int(in: 4...15) : rng.int(in: 16...35)
        let conference = Weekdays.adding(days, to: start)
        return (.init(startDate: start, conferenceTargetDate: target, conferenceDate: conference,
                      conferenceNotRequired: false, outcomeDate: conference), rng.chance(0.86))
    }

    /// A plan reviewed within three months and then every six; most end at a
    /// review conference, a few last beyond two years.
    private mutating func plannedProtectionPlan(start: Day, previousPlans: Int) -> SyntheticEpisode.ProtectionPlan {
        let initial = codes.categoryOfAbuse.pick(&rng)
        let latest = rng.chance(0.85) ? initial : codes.categoryOfAbuse.pick(&rng)
        let conferences = Shape.protectionConferences.pick(&rng)
        var reviews = [Weekdays.onOrAfter(start.adding(days: rng.int(in: 60...88)))]
        while reviews.count < conferences {
            reviews.append(Weekdays.onOrAfter(reviews[reviews.count - 1].adding(days: rng.int(in: 170...188))))
        }
        var end = reviews[reviews.count - 1]
        if rng.chance(0.1) {
            // Ended between reviews (a move away, a court order).
            reviews.removeLast()
            let after = reviews.last ?? start
            let gap = Int(end.daysSinceEpoch - after.daysSinceEpoch)
            end = after.adding(days: rng.int(in: 1...max(1, gap - 1)))
        }
        return .init(startDate: start, endDate: end, initialCategory: initial, latestCategory: latest,
                     previousPlans: previousPlans, reviewDates: reviews)
    }

    private mutating func cinPlanDays() -> Int {
        rng.int(in: Shape.cinPlanDays.pick(&rng))
    }
}

/// The shapes of a typical council's journeys, as weighted choices.
private enum Shape {
    /// Plans a child had before the three years of history (or in another council).
    static let plansBeforeHistory = WeightedChoice([(0, 90), (1, 8), (2, 2)])
    /// Age in years at the first referral; -1 = before birth.
    static let ageAtFirstReferral = WeightedChoice([
        (-1...(-1), 4), (0...0, 9), (1...4, 20), (5...9, 26), (10...15, 31), (16...17, 10),
    ])
    static let sex = WeightedChoice([(SyntheticChild.Sex.male, 510), (.female, 488), (.unknown, 2)])
    static let disabilityCount = WeightedChoice([(1, 70), (2, 22), (3, 8)])
    static let assessmentWorkingDays = WeightedChoice([(8...45, 85), (46...80, 12), (81...160, 3)])
    static let factorCount = WeightedChoice([(1, 30), (2, 30), (3, 22), (4, 12), (5, 6)])
    /// Conferences a plan has before it ends: the first review at three
    /// months, then every six; five or more means the plan passes two years.
    static let protectionConferences = WeightedChoice([(1, 18), (2, 38), (3, 26), (4, 13), (5, 3), (6, 1)])
    static let cinPlanDays = WeightedChoice([(60...120, 25), (121...240, 40), (241...400, 25), (401...700, 10)])
    static let closureAfterCINPlan = WeightedChoice([("RC7", 88), ("RC5", 5), ("RC3", 3), ("RC4", 4)])
    static let closureAfterPlan = WeightedChoice([("RC7", 80), ("RC5", 7), ("RC3", 4), ("RC4", 6)])
    static let closureAfterPlanYoungChild = WeightedChoice([("RC7", 80), ("RC5", 7), ("RC3", 4), ("RC4", 6), ("RC1", 3)])
}
