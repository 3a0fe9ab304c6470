import CSCCore

/// One audit of the synthetic audit tool's export: the cells as the tool
/// writes them (messy grade spellings included) beside the canonical values a
/// reader makes of them.
struct SyntheticAudit: Sendable, Hashable {
    /// One grade cell: as written, and the canonical grade (nil: not graded,
    /// no `audit_grades` row; "": unrecognised, an `unknown-code` issue).
    struct Grade: Sendable, Hashable {
        var written: String
        var canonical: String?
    }

    var id: String
    /// Empty for a thematic audit.
    var childID: String
    var date: Day
    var auditor: String
    var team: String
    var worker: String
    var overall: Grade
    /// Parallel to `AuditGenerator.domains`.
    var domains: [Grade]
}

/// Audits about one child in twenty, plus one or two thematic audits with no
/// child, completed in the eighteen months before the as-of date.
///
/// Drawn from a generator of its own, so that adding audits changed nothing
/// else `cscpipe synth` writes for a seed.
struct AuditGenerator {
    /// The domain columns, as the calibration council's tool heads them, with their canonical names.
    static let domains: [(name: String, heading: String)] = [
        ("voice_of_the_child", "Voice of the Child"), ("assessment", "Assessment"),
        ("planning", "Planning"), ("management_oversight", "Management Oversight"),
    ]

    static let thematicTeam = "Quality Assurance Team"
    private static let auditors = ["Alex Carter", "Priya Shah", "Owen Davies", "Grace Okoye", "Tom Whitfield"]
    private static let workers: [String: [String]] = [
        "Assessment Team": ["Sam Patel", "Nadia Hussain", "Chris Lowe"],
        "Children in Need Team": ["Emma Booth", "Kwame Mensah", "Lucy Fraser"],
        "Child Protection Team": ["Daniel Reid", "Aisha Rahman", "Megan Price"],
        "Children Looked After Team": ["Joe Harper", "Fatima Ali", "Ruth Kennedy"],
        "Disabled Children Team": ["Ian Moss", "Sophie Grant"],
    ]

    /// The grade an auditor gives overall, before it is spelt; nil is not graded.
    private static let overallGrades = WeightedChoice<AuditGrade?>([
        (.outstanding, 8), (.good, 45), (.requiresImprovement, 35), (.inadequate, 7), (nil, 5),
    ])
    /// How often a domain is judged differently from the overall grade, in percent.
    private static let domainDiffersPercent = 35

    let council: SyntheticCouncil

    /// The audits in date order (then child id), numbered in that order.
    func audits() -> [SyntheticAudit] {
        let options = council.options
        var rng = SeededGenerator(seed: options.seed ^ 0xA0D1_7A0D_1700_0001)
        let asOf = options.asOf
        let earliest = asOf.adding(months: -18)
        let cared = Set(council.careHistories.map(\.childID))
        let careByChild = Dictionary(council.careHistories.map { ($0.childID, $0) }, uniquingKeysWith: { a, _ in a })

        // Children with an episode that was open at some point in the window, long enough after its referral.
        var candidates: [(child: SyntheticChild, episode: SyntheticEpisode, from: Day, to: Day)] = []
        for child in council.children {
            guard let episode = child.episodes.last(where: { window(of: $0, earliest: earliest, asOf: asOf) != nil }),
                  let (from, to) = window(of: episode, earliest: earliest, asOf: asOf) else { continue }
            candidates.append((child, episode, from, to))
        }
        let wanted = min(candidates.count, max(1, (council.children.count + 10) / 20))
        // A partial Fisher–Yates shuffle: the first `wanted` are a uniform sample.
        for i in 0..<wanted {
            candidates.swapAt(i, rng.int(in: i...(candidates.count - 1)))
        }

        var drafts: [SyntheticAudit] = []
        for (child, episode, from, to) in candidates.prefix(wanted) {
            let date = Weekdays.onOrBefore(from.adding(days: rng.int(in: 0...Int(to.daysSinceEpoch - from.daysSinceEpoch))))
            let clamped = date < from ? from : date
            let team = team(child, episode, at: clamped, lookedAfter: cared.contains(child.id) ? careByChild[child.id] : nil)
            drafts.append(draft(childID: child.id, date: clamped, team: team, worker: rng.pick(Self.workers[team]!),
                                rng: &rng))
        }
        let thematic = council.children.count >= 200 ? 2 : 1
        for _ in 0..<thematic {
            let span = Int(asOf.daysSinceEpoch - earliest.daysSinceEpoch)
            let date = Weekdays.onOrBefore(earliest.adding(days: rng.int(in: 0...span)))
            drafts.append(draft(childID: "", date: max(date, earliest), team: Self.thematicTeam, worker: "", rng: &rng))
        }
        drafts.sort { ($0.date, $0.childID) < ($1.date, $1.childID) }
        for i in drafts.indices {
            let number = String(1001 + i)
            drafts[i].id = "CFA-" + String(repeating: "0", count: max(0, 5 - number.count)) + number
        }
        return drafts
    }

    /// The days an audit of `episode` could be completed: from ten days after
    /// the referral (and no earlier than the window) to its closure or the as-of date.
    private func window(of episode: SyntheticEpisode, earliest: Day, asOf: Day) -> (Day, Day)? {
        let from = max(episode.referralDate.adding(days: 10), earliest)
        let to = min(episode.closureDate ?? asOf, asOf)
        return from <= to ? (from, to) : nil
    }

    /// The team holding the case on the audit day.
    private func team(_ child: SyntheticChild, _ episode: SyntheticEpisode, at day: Day,
                      lookedAfter care: SyntheticCareHistory?) -> String {
        if let care, care.startDate <= day, (care.endDate.map { $0 > day } ?? true) { return "Children Looked After Team" }
        if episode.protectionPlans.contains(where: { $0.startDate <= day && ($0.endDate.map { $0 > day } ?? true) }) {
            return "Child Protection Team"
        }
        if child.disabilities != ["NONE"] { return "Disabled Children Team" }
        if episode.assessments.contains(where: { $0.startDate <= day && ($0.authorisedDate.map { $0 > day } ?? true) }) {
            return "Assessment Team"
        }
        return "Children in Need Team"
    }

    private func draft(childID: String, date: Day, team: String, worker: String,
                       rng: inout SeededGenerator) -> SyntheticAudit {
        let overall = Self.overallGrades.pick(&rng)
        let domains = Self.domains.map { _ -> SyntheticAudit.Grade in
            if rng.int(in: 0...99) < 4 { return Self.notGraded(&rng) }
            let differs = overall == nil || rng.int(in: 0...99) < Self.domainDiffersPercent
            let grade = differs ? Self.overallGrades.pick(&rng) : overall
            return grade.map { Self.spelt($0, &rng) } ?? Self.notGraded(&rng)
        }
        return SyntheticAudit(id: "", childID: childID, date: date, auditor: rng.pick(Self.auditors), team: team,
                              worker: worker, overall: overall.map { Self.spelt($0, &rng) } ?? Self.notGraded(&rng),
                              domains: domains)
    }

    /// The grade as an auditor types it: mostly the label, sometimes a number,
    /// a letter, stray spaces or lower case, and now and then something no
    /// reader can take.
    private static func spelt(_ grade: AuditGrade, _ rng: inout SeededGenerator) -> SyntheticAudit.Grade {
        let roll = rng.int(in: 0...199)
        if roll < 3 { return .init(written: rng.pick(["TBC", "Excelent", "Good/RI", "Pending"]), canonical: "") }
        let label: String
        let variants: [String]
        switch grade {
        case .outstanding: (label, variants) = ("Outstanding", ["1", "O", "outstanding", " Outstanding"])
        case .good: (label, variants) = ("Good", ["2", " Good ", "G", "good"])
        case .requiresImprovement:
            (label, variants) = ("Requires Improvement", ["RI", "RIG", "3", "Requires improvement to be good"])
        case .inadequate: (label, variants) = ("Inadequate", ["4", "I", "inadequate"])
        }
        let written = roll < 150 ? label : rng.pick(variants)
        return .init(written: written, canonical: grade.rawValue)
    }

    private static func notGraded(_ rng: inout SeededGenerator) -> SyntheticAudit.Grade {
        .init(written: rng.pick(["", "N/A", "Not graded"]), canonical: nil)
    }
}
