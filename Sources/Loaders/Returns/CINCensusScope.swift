import CSCCore

/// The children and events one year's CIN census holds, grouped the way the
/// XML nests them: child → referral (`CINdetails`) → assessments, CIN plans,
/// section 47 enquiries and protection plans with their reviews.
///
/// A referral is in the census when it was open at some point in the
/// collection year: made on or before 31 March and not closed before 1 April.
/// A child is in the census when one of their referrals is, and every in-year
/// referral comes with all of its events (the DfE census carries an episode's
/// whole history, not only its in-year part).
///
/// Events find their referral by `referral_id` (the referral's own, or the
/// census's `child_id/referral_date`); an event from a source that has no
/// referral id (or an id no referral has) goes to the child's latest in-year
/// referral made on or before the event started. An event whose
/// referral is outside the year, or that starts before any in-year referral,
/// is left out.
struct CINCensusScope {
    struct Referral {
        var record: Record
        var assessments: [Record] = []
        var cinPlans: [Record] = []
        /// Enquiries, and the referral-level initial conferences (a row with no start date).
        var enquiries: [Record] = []
        var protectionPlans: [ProtectionPlan] = []
    }

    struct ProtectionPlan {
        var record: Record
        var reviews: [Record] = []
    }

    struct Child {
        let id: String
        /// The child's `children` row, nil when only their referrals are known.
        var record: Record?
        var referrals: [Referral] = []
    }

    /// In the order of the `children` table, then any child known only from referrals.
    private(set) var children: [Child] = []

    init(tables: [CanonicalTable: [Record]], year: CollectionYear) {
        let yearStart = year.start.iso, yearEnd = year.end.iso
        var childIndex: [String: Int] = [:]
        var referralIndex: [String: (child: Int, referral: Int)] = [:]
        var outOfYearReferrals: Set<String> = []

        typealias R = CanonicalColumns.Referrals
        for record in tables[.referrals] ?? [] {
            let date = record.values[R.referralDate], closed = record.values[R.closureDate]
            let id = record.values[R.referralID], childID = record.values[R.childID]
            // The CIN census's own id (child/referral date) too: a case system's
            // export may have replaced the id on a referral the census also holds.
            let censusID = childID + "/" + date
            guard !date.isEmpty, date <= yearEnd, closed.isEmpty || closed >= yearStart else {
                if !id.isEmpty { outOfYearReferrals.insert(id) }
                outOfYearReferrals.insert(censusID)
                continue
            }
            let c: Int
            if let known = childIndex[childID] {
                c = known
            } else {
                c = children.count
                childIndex[childID] = c
                children.append(Child(id: childID))
            }
            for key in [id, censusID] where !key.isEmpty { referralIndex[key] = (c, children[c].referrals.count) }
            children[c].referrals.append(Referral(record: record))
        }

        var order: [String: Int] = [:]
        for (position, record) in (tables[.children] ?? []).enumerated() {
            let id = record.values[CanonicalColumns.Children.childID]
            guard let c = childIndex[id], children[c].record == nil else { continue }
            children[c].record = record
            order[id] = position
        }

        // Which referral of the child an event belongs to: its id, else the dates.
        func place(_ record: Record, childColumn: Int, referralColumn: Int, date: String)
            -> (child: Int, referral: Int)? {
            guard let c = childIndex[record.values[childColumn]] else { return nil }
            let id = record.values[referralColumn]
            if let known = referralIndex[id], known.child == c { return known }
            if outOfYearReferrals.contains(id) { return nil }
            var best: Int?
            for (i, referral) in children[c].referrals.enumerated()
            where referral.record.values[R.referralDate] <= date {
                if let b = best, children[c].referrals[b].record.values[R.referralDate] > referral.record.values[R.referralDate] {
                    continue
                }
                best = i
            }
            return best.map { (c, $0) }
        }

        typealias A = CanonicalColumns.Assessments
        typealias P = CanonicalColumns.CINPlans
        typealias S = CanonicalColumns.Section47
        typealias CP = CanonicalColumns.CPPlans
        for record in tables[.assessments] ?? [] {
            guard let at = place(record, childColumn: A.childID, referralColumn: A.referralID, date: record.values[A.startDate])
            else { continue }
            children[at.child].referrals[at.referral].assessments.append(record)
        }
        for record in tables[.cin_plans] ?? [] {
            guard let at = place(record, childColumn: P.childID, referralColumn: P.referralID, date: record.values[P.startDate])
            else { continue }
            children[at.child].referrals[at.referral].cinPlans.append(record)
        }
        for record in tables[.section47] ?? [] {
            let start = record.values[S.startDate]
            let date = start.isEmpty ? record.values[S.icpcDate] : start
            guard !date.isEmpty,
                  let at = place(record, childColumn: S.childID, referralColumn: S.referralID, date: date)
            else { continue }
            children[at.child].referrals[at.referral].enquiries.append(record)
        }
        for record in tables[.cp_plans] ?? [] {
            guard let at = place(record, childColumn: CP.childID, referralColumn: CP.referralID, date: record.values[CP.startDate])
            else { continue }
            children[at.child].referrals[at.referral].protectionPlans.append(ProtectionPlan(record: record))
        }
        for record in tables[.cp_reviews] ?? [] {
            guard let c = childIndex[record.values[CanonicalColumns.CPReviews.childID]] else { continue }
            Self.attach(review: record, to: &children[c])
        }

        for c in children.indices { children[c].sortEvents() }
        // Sort positions, not children: moving a child moves all its referrals' arrays.
        let rank = children.map { order[$0.id] ?? Int.max }
        let sorted = children.indices.sorted { (rank[$0], $0) < (rank[$1], $1) }
        if sorted != Array(children.indices) { children = sorted.map { children[$0] } }
    }

    /// A review belongs to the plan with its `plan_start_date`, or else to the
    /// latest plan that started on or before it and had not ended.
    private static func attach(review: Record, to child: inout Child) {
        typealias CP = CanonicalColumns.CPPlans
        let start = review.values[CanonicalColumns.CPReviews.planStartDate]
        let date = review.values[CanonicalColumns.CPReviews.reviewDate]
        var best: (referral: Int, plan: Int, start: String)?
        for (i, referral) in child.referrals.enumerated() {
            for (j, plan) in referral.protectionPlans.enumerated() {
                let planStarted = plan.record.values[CP.startDate]
                if !start.isEmpty {
                    if planStarted == start { best = (i, j, planStarted) }
                    continue
                }
                let planEnded = plan.record.values[CP.endDate]
                guard planStarted <= date, planEnded.isEmpty || planEnded >= date else { continue }
                if let b = best, b.start > planStarted { continue }
                best = (i, j, planStarted)
            }
        }
        if let best { child.referrals[best.referral].protectionPlans[best.plan].reviews.append(review) }
    }
}

extension CINCensusScope.Child {
    /// Referrals and their events in date order, as a census lists them.
    /// Stable sorts: events on the same day keep the order the run read them in.
    mutating func sortEvents() {
        referrals = Self.sorted(referrals, on: CanonicalColumns.Referrals.referralDate) { $0.record }
        for i in referrals.indices {
            referrals[i].assessments = Self.sorted(referrals[i].assessments, on: CanonicalColumns.Assessments.startDate) { $0 }
            referrals[i].cinPlans = Self.sorted(referrals[i].cinPlans, on: CanonicalColumns.CINPlans.startDate) { $0 }
            referrals[i].enquiries = Self.sorted(referrals[i].enquiries, on: CanonicalColumns.Section47.startDate) { $0 }
            referrals[i].protectionPlans = Self.sorted(referrals[i].protectionPlans, on: CanonicalColumns.CPPlans.startDate) {
                $0.record
            }
        }
    }

    private static func sorted<T>(_ items: [T], on column: Int, _ record: (T) -> Record) -> [T] {
        // Most sources list events in date order already: check before paying for a sort.
        if zip(items, items.dropFirst()).allSatisfy({ record($0.0).values[column] <= record($0.1).values[column] }) {
            return items
        }
        return items.enumerated().sorted {
            (record($0.element).values[column], $0.offset) < (record($1.element).values[column], $1.offset)
        }.map(\.element)
    }
}
