/// Positions of the canonical columns the readers fill and the return writers
/// read, looked up once by name so the tables may gain columns without
/// breaking either (`Record`'s by-name subscript hashes the name on every call).
public enum CanonicalColumns {
    public enum Children {
        public static let childID = CanonicalTable.children.index(of: "child_id")
        public static let upn = CanonicalTable.children.index(of: "upn")
        public static let formerUPN = CanonicalTable.children.index(of: "former_upn")
        public static let upnUnknown = CanonicalTable.children.index(of: "upn_unknown")
        public static let birthDate = CanonicalTable.children.index(of: "birth_date")
        public static let expectedBirthDate = CanonicalTable.children.index(of: "expected_birth_date")
        public static let sex = CanonicalTable.children.index(of: "sex")
        public static let ethnicity = CanonicalTable.children.index(of: "ethnicity")
        public static let deathDate = CanonicalTable.children.index(of: "death_date")
        public static let disabilities = CanonicalTable.children.index(of: "disabilities")
        public static let uasc = CanonicalTable.children.index(of: "uasc")
        public static let laCode = CanonicalTable.children.index(of: "la_code")
    }

    public enum Referrals {
        public static let childID = CanonicalTable.referrals.index(of: "child_id")
        public static let referralID = CanonicalTable.referrals.index(of: "referral_id")
        public static let referralDate = CanonicalTable.referrals.index(of: "referral_date")
        public static let referralSource = CanonicalTable.referrals.index(of: "referral_source")
        public static let primaryNeed = CanonicalTable.referrals.index(of: "primary_need")
        public static let closureDate = CanonicalTable.referrals.index(of: "closure_date")
        public static let closureReason = CanonicalTable.referrals.index(of: "closure_reason")
        public static let nfa = CanonicalTable.referrals.index(of: "nfa")
    }

    public enum Assessments {
        public static let childID = CanonicalTable.assessments.index(of: "child_id")
        public static let referralID = CanonicalTable.assessments.index(of: "referral_id")
        public static let startDate = CanonicalTable.assessments.index(of: "start_date")
        public static let authorisedDate = CanonicalTable.assessments.index(of: "authorised_date")
        public static let factors = CanonicalTable.assessments.index(of: "factors")
    }

    public enum CINPlans {
        public static let childID = CanonicalTable.cin_plans.index(of: "child_id")
        public static let referralID = CanonicalTable.cin_plans.index(of: "referral_id")
        public static let startDate = CanonicalTable.cin_plans.index(of: "start_date")
        public static let endDate = CanonicalTable.cin_plans.index(of: "end_date")
    }

    public enum Section47 {
        public static let childID = CanonicalTable.section47.index(of: "child_id")
        public static let referralID = CanonicalTable.section47.index(of: "referral_id")
        public static let startDate = CanonicalTable.section47.index(of: "start_date")
        public static let icpcTargetDate = CanonicalTable.section47.index(of: "icpc_target_date")
        public static let icpcDate = CanonicalTable.section47.index(of: "icpc_date")
        public static let icpcNotRequired = CanonicalTable.section47.index(of: "icpc_not_required")
    }

    public enum CPPlans {
        public static let childID = CanonicalTable.cp_plans.index(of: "child_id")
        public static let referralID = CanonicalTable.cp_plans.index(of: "referral_id")
        public static let startDate = CanonicalTable.cp_plans.index(of: "start_date")
        public static let endDate = CanonicalTable.cp_plans.index(of: "end_date")
        public static let initialCategory = CanonicalTable.cp_plans.index(of: "initial_category")
        public static let latestCategory = CanonicalTable.cp_plans.index(of: "latest_category")
        public static let previousPlans = CanonicalTable.cp_plans.index(of: "previous_plans")
    }

    public enum CPReviews {
        public static let childID = CanonicalTable.cp_reviews.index(of: "child_id")
        public static let planStartDate = CanonicalTable.cp_reviews.index(of: "plan_start_date")
        public static let reviewDate = CanonicalTable.cp_reviews.index(of: "review_date")
    }
}
