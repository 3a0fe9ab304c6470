import CSCCore

/// The day-to-day casework a case-management system records for a synthetic
/// council, beyond what the statutory returns carry: contacts, referrals with
/// their team and worker, statutory visits and worker allocations. Both
/// example exports (`CaseSystemExportWriter`) write exactly these events, each
/// in its own system's shape, so reading either through its mapping must give
/// the same canonical tables.
public struct CaseSystemActivity: Sendable {
    public struct Contact: Sendable, Hashable {
        public var childID: String
        public var date: Day
        /// CIN referral source code (`6`, `2A`).
        public var source: String
    }

    public struct Referral: Sendable, Hashable {
        public var childID: String
        public var date: Day
        public var source: String
        public var primaryNeed: String?
        public var closureDate: Day?
        public var closureReason: String?
        public var nfa: Bool
        public var team: String
        public var worker: String
    }

    /// A statutory visit: `cp` (child protection plan), `cla` (looked after) or `cin` (child in need plan).
    public struct Visit: Sendable, Hashable {
        public var childID: String
        public var date: Day
        /// Minutes after midnight; exports write a time, the canonical table keeps the day.
        public var minute: Int
        public var kind: String
        /// True, false, or nil when not recorded.
        public var seenAlone: Bool?
        public var worker: String
    }

    public struct Allocation: Sendable, Hashable {
        public var childID: String
        public var workerID: String
        public var workerName: String
        public var team: String
        public var startDate: Day
        public var endDate: Day?
        /// `new` for the first worker of a referral, `reallocated` for a change of worker.
        public var reason: String
    }

    /// Oldest first, then by child.
    public var contacts: [Contact] = []
    public var referrals: [Referral] = []
    /// In the order a case system lists them: by day and time, then child.
    public var visits: [Visit] = []
    public var allocations: [Allocation] = []

    /// Visits start this long before the as-of date: the KPI pack looks back 13 months.
    static let visitHistoryMonths = 15

    /// The casework of `council`; the same council gives the same activity.
    public init(council: SyntheticCouncil) {
        let asOf = council.options.asOf
        let visitsFrom = asOf.adding(months: -Self.visitHistoryMonths)
        let care = Dictionary(council.careHistories.map { ($0.childID, $0) }, uniquingKeysWith: { a, _ in a })
        let roster = WorkforceRoster.standard
        for child in council.children {
            var rng = SeededGenerator(seed: council.options.seed ^ Self.hash(child.id))
            for contact in child.contacts {
                contacts.append(Contact(childID: child.id, date: contact.date, source: contact.source))
            }
            for episode in child.episodes {
                let isProtection = !episode.protectionPlans.isEmpty || !episode.enquiries.isEmpty
                let team = roster.pickTeam(protection: isProtection, rng: &rng)
                let first = roster.pickWorker(in: team, rng: &rng)
                referrals.append(Referral(childID: child.id, date: episode.referralDate, source: episode.referralSource,
                                          primaryNeed: episode.primaryNeed, closureDate: episode.closureDate,
                                          closureReason: episode.closureReason, nfa: episode.referralNFA,
                                          team: team.name, worker: first.name))
                let workers = allocate(child.id, episode, team: team, first: first, roster: roster, asOf: asOf, rng: &rng)
                for plan in episode.protectionPlans {
                    addVisits(child.id, kind: "cp", from: plan.startDate, to: plan.endDate ?? asOf, every: 7...21,
                              window: visitsFrom, workers: workers, rng: &rng)
                }
                for plan in episode.cinPlans {
                    addVisits(child.id, kind: "cin", from: plan.startDate, to: plan.endDate ?? asOf, every: 14...28,
                              window: visitsFrom, workers: workers, rng: &rng)
                }
            }
            if let history = care[child.id] {
                let team = roster.teams[roster.teams.count - 1]
                let worker = roster.pickWorker(in: team, rng: &rng)
                addVisits(child.id, kind: "cla", from: history.startDate, to: history.endDate ?? asOf, every: 14...28,
                          window: visitsFrom, workers: [(history.startDate, worker)], rng: &rng)
            }
        }
        contacts.sort { ($0.date, $0.childID) < ($1.date, $1.childID) }
        referrals.sort { ($0.date, $0.childID) < ($1.date, $1.childID) }
        visits.sort { ($0.date, $0.minute, $0.childID, $0.kind) < ($1.date, $1.minute, $1.childID, $1.kind) }
        allocations.sort { ($0.startDate, $0.childID, $0.workerID) < ($1.startDate, $1.childID, $1.workerID) }
    }

    /// The episode's allocations (a change of worker now and then in a long
    /// episode); returns each worker with the day they took the case.
    private mutating func allocate(_ childID: String, _ episode: SyntheticEpisode, team: WorkforceRoster.Team,
                                   first: WorkforceRoster.Worker, roster: WorkforceRoster, asOf: Day,
                                   rng: inout SeededGenerator) -> [(from: Day, worker: WorkforceRoster.Worker)] {
        let end = episode.closureDate
        var held: [(from: Day, worker: WorkforceRoster.Worker)] = [(episode.referralDate, first)]
        var start = episode.referralDate
        while true {
            let change = Weekdays.onOrAfter(start.adding(days: rng.int(in: 120...420)))
            guard change < (end ?? asOf), change <= asOf else { break }
            var next = roster.pickWorker(in: team, rng: &rng)
            if next.id == held[held.count - 1].worker.id { next = roster.pickWorker(in: team, rng: &rng) }
            guard next.id != held[held.count - 1].worker.id else { break }
            held.append((change, next))
            start = change
        }
        for (i, entry) in held.enumerated() {
            let until = i + 1 < held.count ? held[i + 1].from : end
            allocations.append(Allocation(childID: childID, workerID: entry.worker.id, workerName: entry.worker.name,
                                          team: team.name, startDate: entry.from, endDate: until,
                                          reason: i == 0 ? "new" : "reallocated"))
        }
        return held
    }

    /// Visits on weekdays every `every` days from a few days after `from`
    /// up to `to`, keeping those on or after `window`.
    private mutating func addVisits(_ childID: String, kind: String, from: Day, to: Day, every: ClosedRange<Int>,
                                    window: Day, workers: [(from: Day, worker: WorkforceRoster.Worker)],
                                    rng: inout SeededGenerator) {
        var day = Weekdays.onOrAfter(from.adding(days: rng.int(in: 0...5)))
        while day <= to {
            if day >= window {
                let worker = workers.last { $0.from <= day }?.worker ?? workers[0].worker
                let seen: Bool? = rng.chance(0.15) ? nil : rng.chance(0.65)
                visits.append(Visit(childID: childID, date: day, minute: 8 * 60 + 15 * rng.int(in: 0...43), kind: kind,
                                    seenAlone: seen, worker: worker.name))
            }
            day = Weekdays.onOrAfter(day.adding(days: rng.int(in: every)))
        }
    }

    private static func hash(_ id: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}

/// The synthetic council's teams and social workers (invented names).
struct WorkforceRoster: Sendable {
    struct Worker: Sendable, Hashable {
        var id: String
        var name: String
    }

    struct Team: Sendable {
        var name: String
        var workers: [Worker]
    }

    /// Assessment and safeguarding teams first; the last team is Children in Care.
    let teams: [Team]

    static let standard: WorkforceRoster = {
        let names = ["Assessment North", "Assessment South", "Safeguarding East", "Safeguarding West",
                     "Children in Need", "Children in Care"]
        let first = ["Priya", "Farah", "Wendy", "Laura", "Vikram", "Imran", "Amira", "Gareth", "Zoe", "Hannah",
                     "Yusuf", "Sophie", "Kofi", "Tom", "Grace", "Owen"]
        let last = ["Young", "Fletcher", "Iqbal", "Shah", "Khan", "Hughes", "Okafor", "Quinn", "Gill", "Lewis",
                    "Turner", "Dlamini", "Usman", "Patel", "Evans", "Murphy"]
        var serial = 100
        let teams = names.enumerated().map { t, name in
            Team(name: name, workers: (0..<6).map { w in
                serial += 7
                return Worker(id: "SW\(serial)", name: "\(first[(t * 6 + w) % first.count]) \(last[(t * 5 + w * 3) % last.count])")
            })
        }
        return WorkforceRoster(teams: teams)
    }()

    func pickTeam(protection: Bool, rng: inout SeededGenerator) -> Team {
        protection ? teams[rng.int(in: 2...3)] : teams[rng.pick([0, 1, 4])]
    }

    func pickWorker(in team: Team, rng: inout SeededGenerator) -> Worker { rng.pick(team.workers) }
}
