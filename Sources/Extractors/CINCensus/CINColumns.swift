import CSCCore

/// Positions of the canonical columns the CIN reader fills, looked up once by
/// name so that the tables may gain columns without breaking the reader.
enum CINColumns {
    enum Children {
        static let count = CanonicalTable.children.columns.count
        static let childID = CanonicalTable.children.index(of: "child_id")
        static let upn = CanonicalTable.children.index(of: "upn")
        static let formerUPN = CanonicalTable.children.index(of: "former_upn")
        static let upnUnknown = CanonicalTable.children.index(of: "upn_unknown")
        static let birthDate = CanonicalTable.children.index(of: "birth_date")
        static let expectedBirthDate = CanonicalTable.children.index(of: "expected_birth_date")
        static let sex = CanonicalTable.children.index(of: "sex")
        static let ethnicity = CanonicalTable.children.index(of: "ethnicity")
        static let deathDate = CanonicalTable.children.index(of: "death_date")
        static let disabilities = CanonicalTable.children.index(of: "disabilities")
        static let laCode = CanonicalTable.children.index(of: "la_code")
    }

    enum Referrals {
        static let count = CanonicalTable.referrals.columns.count
        static let referralDate = CanonicalTable.referrals.index(of: "referral_date")
        static let referralSource = CanonicalTable.referrals.index(of: "referral_source")
        static let primaryNeed = CanonicalTable.referrals.index(of: "primary_need")
        static let closureDate = CanonicalTable.referrals.index(of: "closure_date")
        static let closureReason = CanonicalTable.referrals.index(of: "closure_reason")
        static let nfa = CanonicalTable.referrals.index(of: "nfa")
    }

    enum Assessments {
        static let count = CanonicalTable.assessments.columns.count
        static let startDate = CanonicalTable.assessments.index(of: "start_date")
        static let authorisedDate = CanonicalTable.assessments.index(of: "authorised_date")
        static let factors = CanonicalTable.assessments.index(of: "factors")
    }

    enum CINPlans {
        static let count = CanonicalTable.cin_plans.columns.count
        static let startDate = CanonicalTable.cin_plans.index(of: "start_date")
        static let endDate = CanonicalTable.cin_plans.index(of: "end_date")
    }

    enum Section47 {
        static let count = CanonicalTable.section47.columns.count
        static let startDate = CanonicalTable.section47.index(of: "start_date")
        static let icpcTargetDate = CanonicalTable.section47.index(of: "icpc_target_date")
        static let icpcDate = CanonicalTable.section47.index(of: "icpc_date")
        static let icpcNotRequired = CanonicalTable.section47.index(of: "icpc_not_required")
    }

    enum CPPlans {
        static let count = CanonicalTable.cp_plans.columns.count
        static let startDate = CanonicalTable.cp_plans.index(of: "start_date")
        static let endDate = CanonicalTable.cp_plans.index(of: "end_date")
        static let initialCategory = CanonicalTable.cp_plans.index(of: "initial_category")
        static let latestCategory = CanonicalTable.cp_plans.index(of: "latest_category")
        static let previousPlans = CanonicalTable.cp_plans.index(of: "previous_plans")
    }

    enum CPReviews {
        static let count = CanonicalTable.cp_reviews.columns.count
        static let planStartDate = CanonicalTable.cp_reviews.index(of: "plan_start_date")
        static let reviewDate = CanonicalTable.cp_reviews.index(of: "review_date")
    }

    /// `child_id` of any table that has one (every table the reader fills does).
    static func childID(of table: CanonicalTable) -> Int {
        switch table {
        case .children: Children.childID
        case .referrals: referralsChildID
        case .assessments: assessmentsChildID
        case .cin_plans: cinPlansChildID
        case .section47: section47ChildID
        case .cp_plans: cpPlansChildID
        case .cp_reviews: cpReviewsChildID
        default: table.index(of: "child_id")
        }
    }

    /// `referral_id`, for the tables that carry one.
    static func referralID(of table: CanonicalTable) -> Int? {
        switch table {
        case .referrals: referralsReferralID
        case .assessments: assessmentsReferralID
        case .cin_plans: cinPlansReferralID
        case .section47: section47ReferralID
        case .cp_plans: cpPlansReferralID
        default: nil
        }
    }

    private static let referralsChildID = CanonicalTable.referrals.index(of: "child_id")
    private static let assessmentsChildID = CanonicalTable.assessments.index(of: "child_id")
    private static let cinPlansChildID = CanonicalTable.cin_plans.index(of: "child_id")
    private static let section47ChildID = CanonicalTable.section47.index(of: "child_id")
    private static let cpPlansChildID = CanonicalTable.cp_plans.index(of: "child_id")
    private static let cpReviewsChildID = CanonicalTable.cp_reviews.index(of: "child_id")
    private static let referralsReferralID = CanonicalTable.referrals.index(of: "referral_id")
    private static let assessmentsReferralID = CanonicalTable.assessments.index(of: "referral_id")
    private static let cinPlansReferralID = CanonicalTable.cin_plans.index(of: "referral_id")
    private static let section47ReferralID = CanonicalTable.section47.index(of: "referral_id")
    private static let cpPlansReferralID = CanonicalTable.cp_plans.index(of: "referral_id")
}
