import CSCCore

/// Positions of the canonical columns the return writers read, looked up once
/// by name so the tables may gain columns without breaking the writers.
enum ReturnColumns {
    enum Children {
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
        static let uasc = CanonicalTable.children.index(of: "uasc")
        static let laCode = CanonicalTable.children.index(of: "la_code")
    }

    enum Referrals {
        static let childID = CanonicalTable.referrals.index(of: "child_id")
        static let referralID = CanonicalTable.referrals.index(of: "referral_id")
        static let referralDate = CanonicalTable.referrals.index(of: "referral_date")
        static let source = CanonicalTable.referrals.index(of: "referral_source")
        static let primaryNeed = CanonicalTable.referrals.index(of: "primary_need")
        static let closureDate = CanonicalTable.referrals.index(of: "closure_date")
        static let closureReason = CanonicalTable.referrals.index(of: "closure_reason")
        static let nfa = CanonicalTable.referrals.index(of: "nfa")
    }

    enum Assessments {
        static let childID = CanonicalTable.assessments.index(of: "child_id")
        static let referralID = CanonicalTable.assessments.index(of: "referral_id")
        static let start = CanonicalTable.assessments.index(of: "start_date")
        static let authorised = CanonicalTable.assessments.index(of: "authorised_date")
        static let factors = CanonicalTable.assessments.index(of: "factors")
    }

    enum CINPlans {
        static let childID = CanonicalTable.cin_plans.index(of: "child_id")
        static let referralID = CanonicalTable.cin_plans.index(of: "referral_id")
        static let start = CanonicalTable.cin_plans.index(of: "start_date")
        static let end = CanonicalTable.cin_plans.index(of: "end_date")
    }

    enum Section47 {
        static let childID = CanonicalTable.section47.index(of: "child_id")
        static let referralID = CanonicalTable.section47.index(of: "referral_id")
        static let start = CanonicalTable.section47.index(of: "start_date")
        static let icpcTarget = CanonicalTable.section47.index(of: "icpc_target_date")
        static let icpcDate = CanonicalTable.section47.index(of: "icpc_date")
        static let icpcNotRequired = CanonicalTable.section47.index(of: "icpc_not_required")
    }

    enum CPPlans {
        static let childID = CanonicalTable.cp_plans.index(of: "child_id")
        static let referralID = CanonicalTable.cp_plans.index(of: "referral_id")
        static let start = CanonicalTable.cp_plans.index(of: "start_date")
        static let end = CanonicalTable.cp_plans.index(of: "end_date")
        static let initialCategory = CanonicalTable.cp_plans.index(of: "initial_category")
        static let latestCategory = CanonicalTable.cp_plans.index(of: "latest_category")
        static let previousPlans = CanonicalTable.cp_plans.index(of: "previous_plans")
    }

    enum CPReviews {
        static let childID = CanonicalTable.cp_reviews.index(of: "child_id")
        static let planStart = CanonicalTable.cp_reviews.index(of: "plan_start_date")
        static let reviewDate = CanonicalTable.cp_reviews.index(of: "review_date")
    }
}
