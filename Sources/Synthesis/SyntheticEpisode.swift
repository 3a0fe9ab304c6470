import CSCCore

/// One CIN episode: a referral and everything that followed it, up to its
/// closure or the as-of date. The fields mirror the census `CINdetails` module.
///
/// Dates are coherent by construction: assessments, enquiries and plans start
/// on or after the referral, a plan starts on its conference day, reviews
/// follow the plan start, and the closure follows everything.
public struct SyntheticEpisode: Sendable, Hashable {
    public var referralDate: Day
    public var referralSource: String
    public var primaryNeed: String?
    public var closureDate: Day?
    /// RC1–RC9; set exactly when `closureDate` is.
    public var closureReason: String?
    /// A referral closed with no further action: no assessment, enquiry or plan.
    public var referralNFA: Bool
    /// An initial conference held without a section 47 enquiry in this episode
    /// (a child moving in on another council's plan): the census's
    /// `CINdetails`-level `DateOfInitialCPC`.
    public var conferenceWithoutEnquiry: Day?
    public var assessments: [Assessment]
    public var cinPlans: [CINPlan]
    public var enquiries: [Section47Enquiry]
    public var protectionPlans: [ProtectionPlan]

    public var isOpen: Bool { closureDate == nil }

    /// A child and family assessment; authorised = completed.
    public struct Assessment: Sendable, Hashable {
        public var startDate: Day
        public var authorisedDate: Day?
        /// Factor codes in recorded order; empty while the assessment is open.
        public var factors: [String]
    }

    /// A child in need plan.
    public struct CINPlan: Sendable, Hashable {
        public var startDate: Day
        public var endDate: Day?
    }

    /// A section 47 enquiry and the initial child protection conference it led to.
    public struct Section47Enquiry: Sendable, Hashable {
        public var startDate: Day
        /// 15 working days after the start.
        public var conferenceTargetDate: Day
        public var conferenceDate: Day?
        public var conferenceNotRequired: Bool
        /// The day the enquiry concluded: the conference, or the decision that
        /// none was needed; nil while it is open.
        public var outcomeDate: Day?
    }

    /// A child protection plan, starting on the day of the conference that made it.
    public struct ProtectionPlan: Sendable, Hashable {
        public var startDate: Day
        public var endDate: Day?
        public var initialCategory: String
        public var latestCategory: String
        /// Plans the child had before this one, in this council or elsewhere.
        public var previousPlans: Int
        /// Review conferences, oldest first, each after the start.
        public var reviewDates: [Day]
    }
}
