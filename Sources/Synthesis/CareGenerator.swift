import CSCCore

/// Decides which children of a synthetic council become looked after and
/// builds their SSDA903 history from their CIN journey.
///
/// Children whose child protection plan escalates are the likeliest; a few
/// other children in need come into care too. Care always starts while the
/// CIN episode it grows from is open, and before the child's 18th birthday.
/// Every code written is valid in the collection year the 903 files are for
/// (the reader checks old episodes against that year's lists too).
struct CareGenerator {
    let asOf: Day
    let year: CollectionYear
    let seed: UInt64

    init(asOf: Day, seed: UInt64) {
        self.asOf = asOf
        self.year = CollectionYear(containing: asOf)
        self.seed = seed
    }

    /// The histories of the children who were looked after, in the children's order.
    func histories(of children: [SyntheticChild]) -> [SyntheticCareHistory] {
        children.compactMap { history(of: $0) }
    }

    /// Each child draws from a generator of its own, so adding a child never
    /// changes another child's care.
    private func generator(for childID: String) -> SeededGenerator {
        var h: UInt64 = seed ^ 0x5353_4441_3930_3300
        for byte in childID.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var rng = SeededGenerator(seed: h)
        _ = rng.next()
        return rng
    }

    func history(of child: SyntheticChild) -> SyntheticCareHistory? {
        guard let birth = child.birthDate, child.deathDate == nil else { return nil }
        // 1/2 were the only SEX codes before 2024-25.
        if child.sex == .unknown && year.startYear < 2024 { return nil }
        var rng = generator(for: child.id)
        for episode in child.episodes.reversed() where !episode.referralNFA {
            let escalates = !episode.protectionPlans.isEmpty
            guard rng.chance(escalates ? 0.3 : 0.025) else { continue }
            return history(of: child, birth: birth, from: episode, escalates: escalates, rng: &rng)
        }
        return nil
    }

    private func history(of child: SyntheticChild, birth: Day, from cin: SyntheticEpisode, escalates: Bool,
                         rng: inout SeededGenerator) -> SyntheticCareHistory? {
        let eighteenth = birth.adding(years: 18)
        let base = escalates ? cin.protectionPlans[0].startDate : cin.referralDate
        let earliest = max(base.adding(days: 1), birth)
        var latest = min(asOf, eighteenth.adding(days: -1))
        if let closed = cin.closureDate { latest = min(latest, closed.adding(days: -1)) }
        guard earliest <= latest else { return nil }
        let start = earliest.adding(days: rng.int(in: 0...min(days(earliest, latest), 240)))

        var plannedEnd = start.adding(days: rng.int(in: 20...1100))
        let leavesAt18 = plannedEnd >= eighteenth
        if leavesAt18 { plannedEnd = eighteenth }
        let ended = plannedEnd <= asOf
        let horizon = ended ? plannedEnd : asOf

        let need = cin.primaryNeed.flatMap { Self.needs.contains($0) ? $0 : nil } ?? "N1"
        let home = postcode(&rng)
        var episodes: [SyntheticCareEpisode] = []
        var legal = initialLegalStatus(&rng)
        var placement = self.placement(age: start.age(since: birth), legal: legal, &rng)
        episodes.append(SyntheticCareEpisode(
            startDate: start, reasonNewEpisode: "S", legalStatus: legal, categoryOfNeed: need,
            placement: placement.code, provider: placement.provider, endDate: nil, reasonEnded: nil,
            reasonPlaceChange: nil, homePostcode: home, placementPostcode: placement.postcode, urn: placement.urn))

        for change in changeDays(from: start, to: horizon, &rng) {
            let age = change.age(since: birth)
            let next = Self.nextLegalStatus[legal].flatMap { $0 == "E1" && age >= 10 ? nil : $0 }
            let sameCarer = Self.longTermWithSameCarer[placement.code]
            var reason: String?
            let rne: String
            if let next, rng.chance(0.35) {
                rne = "L"
                legal = next
            } else if let longTerm = sameCarer, rng.chance(0.3) {
                rne = "T"
                reason = "PLACE"
                placement.code = longTerm
            } else {
                rne = "P"
                reason = rng.pick(Self.placeChangeReasons)
                placement = self.placement(age: age, legal: legal, &rng)
            }
            let last = episodes.count - 1
            episodes[last].endDate = change
            episodes[last].reasonEnded = "X1"
            episodes[last].reasonPlaceChange = reason
            episodes.append(SyntheticCareEpisode(
                startDate: change, reasonNewEpisode: rne, legalStatus: legal, categoryOfNeed: need,
                placement: placement.code, provider: placement.provider, endDate: nil, reasonEnded: nil,
                reasonPlaceChange: nil, homePostcode: home, placementPostcode: placement.postcode, urn: placement.urn))
        }
        if ended {
            let last = episodes.count - 1
            episodes[last].endDate = plannedEnd
            episodes[last].reasonEnded = leavesAt18 ? rng.pick(["E17", "E5", "E5", "E6", "E8"]) : endReason(&rng)
        }

        var history = SyntheticCareHistory(childID: child.id, episodes: episodes, reviews: [], missing: [],
                                           careLeaver: nil)
        history.reviews = reviews(from: start, to: horizon, birth: birth, &rng)
        if horizon.age(since: birth) >= 11, rng.chance(0.3) {
            history.missing = missing(from: start, to: horizon, &rng)
        }
        if ended, (17...21).contains(asOf.age(since: birth)), plannedEnd.age(since: birth) >= 16 {
            history.careLeaver = careLeaver(&rng)
        }
        // Drawn last, so the rest of the history is what it was before PrevPerm was written.
        history.previousPermanence = previousPermanence(birth: birth, start: start, &rng)
        return history
    }

    /// Most children come into care from no permanence order (Z1); a few from
    /// a special guardianship or child arrangements order, or from an adoption
    /// that broke down, made between birth and this period of care.
    private func previousPermanence(birth: Day, start: Day, _ rng: inout SeededGenerator) -> SyntheticPreviousPermanence {
        let roll = rng.int(in: 0...99)
        let option = roll < 80 ? "Z1" : roll < 84 ? "P4" : roll < 92 ? "P2" : roll < 97 ? "P3" : "P1"
        let undated = SyntheticPreviousPermanence(option: option, orderDate: nil, known: .nothing)
        let first = birth.adding(days: 30), last = start.adding(days: -30)
        guard PreviousPermanence.isDatedOrder(option), first <= last else { return undated }
        let order = first.adding(days: rng.int(in: 0...days(first, last)))
        let precision = rng.int(in: 0...99)
        let known: SyntheticPreviousPermanence.KnownPart = precision < 70 ? .day : precision < 90 ? .month
            : precision < 98 ? .year : .nothing
        return SyntheticPreviousPermanence(option: option, orderDate: order, known: known)
    }

    private func days(_ from: Day, _ to: Day) -> Int { Int(to.daysSinceEpoch - from.daysSinceEpoch) }

    /// Up to three distinct days strictly between `start` and `end`, in order.
    private func changeDays(from start: Day, to end: Day, _ rng: inout SeededGenerator) -> [Day] {
        let span = days(start, end)
        guard span >= 2 else { return [] }
        var offsets: Set<Int> = []
        for _ in 0..<rng.int(in: 0...3) { offsets.insert(rng.int(in: 1...(span - 1))) }
        return offsets.sorted().map { start.adding(days: $0) }
    }

    private func initialLegalStatus(_ rng: inout SeededGenerator) -> String {
        let roll = rng.int(in: 0...99)
        return roll < 50 ? "V2" : roll < 85 ? "C1" : "L2"
    }

    /// How a legal status moves on in court: EPO or s20 to an interim order,
    /// to a full order, to a placement order (young children only).
    private static let nextLegalStatus: [String: String] = ["L2": "C1", "V2": "C1", "C1": "C2", "C2": "E1"]
    /// Short-term foster placements that can become long-term with the same carers.
    private static let longTermWithSameCarer: [String: String] = ["U6": "U4", "U3": "U1"]
    private static let needs: Set<String> = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]
    private static let placeChangeReasons = ["CARPL", "CARPL", "CREQB", "CREQO", "CHILD", "LAREQ", "STAND", "OTHER"]

    private struct Placement {
        var code: String
        var provider: String
        var postcode: String
        var urn: String
    }

    private func placement(age: Int, legal: String, _ rng: inout SeededGenerator) -> Placement {
        let code: String
        let roll = rng.int(in: 0...99)
        if legal == "E1", roll < 50 {
            code = rng.pick(["A5", "A6"])
        } else if age >= 16, roll < 50 {
            code = year.startYear >= 2024 ? "K3" : "H5"
        } else if age >= 11 {
            code = roll < 30 ? "K2" : roll < 80 ? rng.pick(["U4", "U6"]) : rng.pick(["U1", "U3"])
        } else if legal == "C2", roll < 8 {
            code = "P1"
        } else {
            code = roll < 45 ? "U6" : roll < 65 ? "U4" : roll < 85 ? "U3" : roll < 95 ? "U1" : "U5"
        }
        let provider: String
        switch code {
        case "P1": provider = "PR0"
        case "K2", "K3", "H5": provider = rng.pick(["PR4", "PR4", "PR1", "PR5"])
        case "A5", "A6": provider = rng.pick(["PR1", "PR1", "PR2", "PR5"])
        default: provider = rng.pick(["PR1", "PR1", "PR1", "PR4", "PR4"])
        }
        let urn = code == "P1" || code == "K3" || code == "H5" ? "XXXXXXX" : "SC" + digits(6, &rng)
        return Placement(code: code, provider: provider, postcode: postcode(&rng), urn: urn)
    }

    private func endReason(_ rng: inout SeededGenerator) -> String {
        let roll = rng.int(in: 0...99)
        switch roll {
        case ..<40: return "E4A"
        case ..<48: return "E4B"
        case ..<60: return "E13"
        case ..<68: return "E41"
        case ..<84: return year.startYear >= 2018 ? rng.pick(["E45", "E46", "E47", "E48"]) : rng.pick(["E43", "E44"])
        case ..<90: return "E3"
        default: return "E8"
        }
    }

    /// The first review within 20 working days, the second three months on,
    /// then every six months, while the child is looked after.
    private func reviews(from start: Day, to end: Day, birth: Day, _ rng: inout SeededGenerator) -> [SyntheticCareReview] {
        var result: [SyntheticCareReview] = []
        var date = start.adding(days: rng.int(in: 14...27))
        var gapMonths = 3
        while date <= end {
            let code = date.age(since: birth) < 4 ? "PN0" : rng.pick(["PN1", "PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"])
            result.append(SyntheticCareReview(date: date, participation: code))
            date = date.adding(months: gapMonths).adding(days: rng.int(in: -7...7))
            gapMonths = 6
        }
        return result
    }

    /// One to three spells missing or away, in order and not overlapping;
    /// the last may still be open at the as-of date.
    private func missing(from start: Day, to end: Day, _ rng: inout SeededGenerator) -> [SyntheticMissingEpisode] {
        var result: [SyntheticMissingEpisode] = []
        var cursor = start
        for _ in 0..<rng.int(in: 1...3) {
            let from = cursor.adding(days: rng.int(in: 5...150))
            guard from <= end else { break }
            let to = from.adding(days: rng.int(in: 0...4))
            let kind = rng.chance(0.6) ? "M" : "A"
            if to > asOf {
                result.append(SyntheticMissingEpisode(kind: kind, startDate: from, endDate: nil))
                break
            }
            result.append(SyntheticMissingEpisode(kind: kind, startDate: from, endDate: min(to, end)))
            cursor = min(to, end)
        }
        return result
    }

    private func careLeaver(_ rng: inout SeededGenerator) -> SyntheticCareLeaver {
        let roll = rng.int(in: 0...99)
        guard roll < 82 else {
            return SyntheticCareLeaver(inTouch: roll < 90 ? "NO" : roll < 95 ? "REFU" : "NREQ", activity: "0",
                                       accommodation: "0")
        }
        let work = year.startYear >= 2021 ? ["F4", "F5", "P5"] : ["F3", "P3"]
        let activity = rng.pick(["F1", "F2", "F2", "P2", "G4", "G5", "G5", "G6"] + work)
        let letter = rng.pick(["U", "U", "D", "E", "Z", "B", "T", "S", "V"])
        let suitable = letter == "S" || letter == "V" || rng.chance(0.08) ? "2" : "1"
        return SyntheticCareLeaver(inTouch: "YES", activity: activity, accommodation: letter + suitable)
    }

    /// A full postcode in the `ZZ` area, which no real address has.
    private func postcode(_ rng: inout SeededGenerator) -> String {
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
        return "ZZ\(rng.int(in: 1...99)) \(rng.int(in: 0...9))\(rng.pick(letters))\(rng.pick(letters))"
    }

    private func digits(_ n: Int, _ rng: inout SeededGenerator) -> String {
        var s = ""
        for _ in 0..<n { s += String(rng.int(in: 0...9)) }
        return s
    }
}
