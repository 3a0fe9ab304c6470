import CSCCore

/// The rows one year's SSDA903 return holds, chosen from the canonical tables.
///
/// - Episodes: every episode open at some point in the collection year
///   (started on or before 31 March, not ended before 1 April).
/// - Header (and UASC for children marked `uasc` = 1): the children with an
///   episode in the return, in the order of their first episode, then the
///   care leavers and OC2 children without one (every child in a 903 table
///   must have a Header row).
/// - Reviews: the reviews, dated in the year, of children with an episode in the return.
/// - Missing: those children's missing or away spells open at some point in the year.
/// - OC3 and OC2: the rows whose `year` is the collection year.
/// - AD1 and PlacedAdoption: the return's children's adoption records; a
///   record with a matching date is the child's AD1 row, one without is a
///   decision (PlacedAdoption), left out when it was reversed before the year.
/// - SWEpisodes (from 2023-24): the return's children's allocations open at
///   some point in the year.
/// - PrevPerm: the return's children's previous permanence rows.
/// - DoLo (from 2026-27): the return's children's deprivation of liberty
///   orders in force at some point in the year.
struct SSDA903ReturnScope {
    private(set) var episodes: [Record] = []
    /// The Header's children: id and `children` row (nil when no row is known).
    private(set) var children: [(id: String, record: Record?)] = []
    private(set) var reviews: [Record] = []
    private(set) var missing: [Record] = []
    private(set) var careLeavers: [Record] = []
    private(set) var healthOutcomes: [Record] = []
    private(set) var adoptions: [Record] = []
    private(set) var allocations: [Record] = []
    private(set) var previousPermanence: [Record] = []
    private(set) var deprivationOfLiberty: [Record] = []
    /// Birth dates by child, for the tables that repeat DOB.
    private(set) var birthDates: [String: String] = [:]

    init(tables: [CanonicalTable: [Record]], year: CollectionYear) {
        let start = year.start.iso, end = year.end.iso
        func isOpen(from first: String, to last: String) -> Bool {
            !first.isEmpty && first <= end && (last.isEmpty || last >= start)
        }
        let e = (child: CanonicalTable.cla_episodes.index(of: "child_id"),
                 start: CanonicalTable.cla_episodes.index(of: "start_date"),
                 end: CanonicalTable.cla_episodes.index(of: "end_date"))
        var inReturn: [String: Int] = [:]
        for record in tables[.cla_episodes] ?? [] where isOpen(from: record.values[e.start], to: record.values[e.end]) {
            episodes.append(record)
            let id = record.values[e.child]
            if inReturn[id] == nil {
                inReturn[id] = children.count
                children.append((id, nil))
            }
        }

        let r = (child: CanonicalTable.cla_reviews.index(of: "child_id"),
                 date: CanonicalTable.cla_reviews.index(of: "review_date"))
        reviews = (tables[.cla_reviews] ?? []).filter { review in
            let date = review.values[r.date]
            return inReturn[review.values[r.child]] != nil && date >= start && date <= end
        }
        let m = (child: CanonicalTable.missing_episodes.index(of: "child_id"),
                 start: CanonicalTable.missing_episodes.index(of: "start_date"),
                 end: CanonicalTable.missing_episodes.index(of: "end_date"))
        missing = (tables[.missing_episodes] ?? []).filter {
            inReturn[$0.values[m.child]] != nil && isOpen(from: $0.values[m.start], to: $0.values[m.end])
        }
        let yearName = year.description
        let leaverYear = CanonicalTable.care_leavers.index(of: "year")
        careLeavers = (tables[.care_leavers] ?? []).filter { $0.values[leaverYear] == yearName }
        let outcomeYear = CanonicalTable.health_outcomes.index(of: "year")
        healthOutcomes = (tables[.health_outcomes] ?? []).filter { $0.values[outcomeYear] == yearName }
        let ad = (child: CanonicalTable.adoptions.index(of: "child_id"),
                  matched: CanonicalTable.adoptions.index(of: "matched_date"),
                  decided: CanonicalTable.adoptions.index(of: "decision_date"),
                  reversed: CanonicalTable.adoptions.index(of: "decision_reversed_date"))
        adoptions = (tables[.adoptions] ?? []).filter {
            guard inReturn[$0.values[ad.child]] != nil else { return false }
            if !$0.values[ad.matched].isEmpty { return true }
            return isOpen(from: $0.values[ad.decided], to: $0.values[ad.reversed])
        }
        if year >= SSDA903ReturnWriter.socialWorkerEpisodesFrom {
            let al = (child: CanonicalTable.allocations.index(of: "child_id"),
                      worker: CanonicalTable.allocations.index(of: "worker_id"),
                      start: CanonicalTable.allocations.index(of: "start_date"),
                      end: CanonicalTable.allocations.index(of: "end_date"))
            allocations = (tables[.allocations] ?? []).filter {
                inReturn[$0.values[al.child]] != nil && !$0.values[al.worker].isEmpty
                    && isOpen(from: $0.values[al.start], to: $0.values[al.end])
            }
        }
        let pp = CanonicalTable.previous_permanence.index(of: "child_id")
        previousPermanence = (tables[.previous_permanence] ?? []).filter { inReturn[$0.values[pp]] != nil }
        if year >= SSDA903ReturnWriter.deprivationOfLibertyFrom {
            let dl = (child: CanonicalTable.deprivation_of_liberty.index(of: "child_id"),
                      start: CanonicalTable.deprivation_of_liberty.index(of: "start_date"),
                      end: CanonicalTable.deprivation_of_liberty.index(of: "end_date"))
            deprivationOfLiberty = (tables[.deprivation_of_liberty] ?? []).filter {
                inReturn[$0.values[dl.child]] != nil && isOpen(from: $0.values[dl.start], to: $0.values[dl.end])
            }
        }
        // Every child of the return has a Header row (903 integrity rules INT01–INT06):
        // care leavers and OC2 children need not have had an episode this year.
        let leaverChild = CanonicalTable.care_leavers.index(of: "child_id")
        let outcomeChild = CanonicalTable.health_outcomes.index(of: "child_id")
        for id in careLeavers.map({ $0.values[leaverChild] }) + healthOutcomes.map({ $0.values[outcomeChild] })
        where inReturn[id] == nil {
            inReturn[id] = children.count
            children.append((id, nil))
        }
        for record in tables[.children] ?? [] {
            guard let i = inReturn[record.values[CanonicalColumns.Children.childID]], children[i].record == nil else { continue }
            children[i].record = record
            birthDates[children[i].id] = record.values[CanonicalColumns.Children.birthDate]
        }
        let leaverBirth = CanonicalTable.care_leavers.index(of: "birth_date")
        for record in careLeavers where (birthDates[record.values[leaverChild]] ?? "").isEmpty {
            birthDates[record.values[leaverChild]] = record.values[leaverBirth]
        }
    }
}
