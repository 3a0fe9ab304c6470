import CSCCore

/// Cutting a fully planned episode where the child's story stops.
extension SyntheticEpisode {
    /// The state of the episode on `day` when nothing after it has happened
    /// yet: later starts vanish, later ends and decisions are not yet known,
    /// and the episode is open.
    mutating func cut(at day: Day) {
        assessments = assessments.filter { $0.startDate <= day }.map { a in
            var a = a
            if let done = a.authorisedDate, done > day {
                a.authorisedDate = nil
                a.factors = []  // factors are recorded on completion (rule 8614)
            }
            return a
        }
        enquiries = enquiries.filter { $0.startDate <= day }.map { e in
            var e = e
            if let outcome = e.outcomeDate, outcome > day {
                e.conferenceDate = nil
                e.conferenceNotRequired = false
                e.outcomeDate = nil
            }
            return e
        }
        cinPlans = cinPlans.filter { $0.startDate <= day }.map { p in
            var p = p
            if let end = p.endDate, end > day { p.endDate = nil }
            return p
        }
        protectionPlans = protectionPlans.filter { $0.startDate <= day }.map { p in
            var p = p
            if let end = p.endDate, end > day { p.endDate = nil }
            p.reviewDates = p.reviewDates.filter { $0 <= day }
            return p
        }
        if let conference = conferenceWithoutEnquiry, conference > day { conferenceWithoutEnquiry = nil }
        closureDate = nil
        closureReason = nil
    }

    /// Closes the episode on `day` (a death, an 18th birthday): work that began
    /// before it ends that day, work planned from that day on never starts.
    mutating func close(at day: Day, reason: String) {
        assessments = assessments.filter { $0.startDate < day }.map { a in
            var a = a
            if let done = a.authorisedDate, done > day { a.authorisedDate = day }
            return a
        }
        enquiries = enquiries.filter { $0.startDate < day }.map { e in
            var e = e
            if let outcome = e.outcomeDate, outcome > day {
                e.conferenceDate = nil
                e.conferenceNotRequired = true
                e.outcomeDate = day
            }
            return e
        }
        cinPlans = cinPlans.filter { $0.startDate < day }.map { p in
            var p = p
            if let end = p.endDate, end > day { p.endDate = day }
            return p
        }
        protectionPlans = protectionPlans.filter { $0.startDate < day }.map { p in
            var p = p
            if let end = p.endDate, end > day { p.endDate = day }
            p.reviewDates = p.reviewDates.filter { $0 <= day }
            return p
        }
        if let conference = conferenceWithoutEnquiry, conference >= day { conferenceWithoutEnquiry = nil }
        closureDate = day
        closureReason = reason
    }
}
