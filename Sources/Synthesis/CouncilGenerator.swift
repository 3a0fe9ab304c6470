import CSCCore

/// Draws children until the census of the as-of year holds the number asked
/// for, then gives each an id and a UPN.
///
/// Every candidate gets its own generator seeded from the council's, so one
/// child's journey never shifts the random numbers of the next; candidates
/// whose involvement ended before the year are dropped.
struct CouncilGenerator: Sendable {
    let asOf: Day
    let laCode: String
    let rules: CINYearRules
    let codes: CodeDistributions
    /// 1 April of the collection year containing `asOf`.
    let yearStart: Day
    /// First referrals fall from here to `asOf`: three years of history.
    let historyStart: Day

    init(asOf: Day, laCode: String) {
        self.asOf = asOf
        self.laCode = laCode
        let year = CollectionYear(containing: asOf)
        rules = CINYearRules(year: year)
        codes = CodeDistributions(rules: rules)
        yearStart = year.start
        historyStart = year.start.adding(years: -3)
    }

    func generate(children count: Int, seed: UInt64) -> [SyntheticChild] {
        var council = SeededGenerator(seed: seed)
        let upnOffset = council.int(in: 0...999_999_999)
        var lastID = council.int(in: 10_000...99_999)
        var children: [SyntheticChild] = []
        children.reserveCapacity(count)
        while children.count < count {
            var journey = JourneyGenerator(council: self, rng: SeededGenerator(seed: council.next()))
            guard var child = journey.makeChild(),
                  child.episodes.contains(where: { SyntheticCouncil.isInCensus($0, from: yearStart, asOf: asOf) })
            else { continue }
            lastID += council.int(in: 1...24)
            child.id = Self.childID(lastID)
            assignPupilNumber(&child, serial: children.count, offset: upnOffset, rng: &journey.rng)
            children.append(child)
        }
        return children
    }

    /// Digits, zero-padded to seven like many case systems' ids.
    static func childID(_ n: Int) -> String {
        let digits = String(n)
        return digits.count >= 7 ? digits : String(repeating: "0", count: 7 - digits.count) + digits
    }

    /// School-age children mostly have a UPN; the others carry the reason
    /// (UN1 not of school age, UN7 only when every referral was NFA, rule 8772).
    private func assignPupilNumber(_ child: inout SyntheticChild, serial: Int, offset: Int, rng: inout SeededGenerator) {
        let age = child.birthDate.map { asOf.age(since: $0) }
        let hasUPN: Bool
        switch age {
        case nil: hasUPN = false
        case let a? where a >= 5: hasUPN = rng.chance(0.9)
        case 4: hasUPN = rng.chance(0.6)
        default: hasUPN = rng.chance(0.05)
        }
        if hasUPN {
            child.upn = UniquePupilNumber.make(laCode: laCode, serial: serial, offset: offset)
            if rng.chance(0.015) {
                // Former UPNs come from the upper half of the serial space, so
                // they never repeat a current one.
                child.formerUPN = UniquePupilNumber.make(laCode: laCode, serial: 500_000_000 + serial, offset: offset)
            }
            return
        }
        let onlyNFA = child.episodes.allSatisfy(\.referralNFA)
        if onlyNFA && rng.chance(0.3) {
            child.upnUnknown = "UN7"
        } else if let a = age, a >= 5 {
            child.upnUnknown = codes.upnUnknownSchoolAge.pick(&rng)
        } else {
            child.upnUnknown = "UN1"
        }
    }
}
