import CSCCore

/// The `child_id` and `referral_id` positions of the tables the CIN reader
/// fills, for code that handles any of them.
enum CINColumns {
    /// `child_id` of any table that has one (every table the reader fills does).
    static func childID(of table: CanonicalTable) -> Int {
        switch table {
        case .children: CanonicalColumns.Children.childID
        case .referrals: CanonicalColumns.Referrals.childID
        case .assessments: CanonicalColumns.Assessments.childID
        case .cin_plans: CanonicalColumns.CINPlans.childID
        case .section47: CanonicalColumns.Section47.childID
        case .cp_plans: CanonicalColumns.CPPlans.childID
        case .cp_reviews: CanonicalColumns.CPReviews.childID
        default: table.index(of: "child_id")
        }
    }

    /// `referral_id`, for the tables that carry one.
    static func referralID(of table: CanonicalTable) -> Int? {
        switch table {
        case .referrals: CanonicalColumns.Referrals.referralID
        case .assessments: CanonicalColumns.Assessments.referralID
        case .cin_plans: CanonicalColumns.CINPlans.referralID
        case .section47: CanonicalColumns.Section47.referralID
        case .cp_plans: CanonicalColumns.CPPlans.referralID
        default: nil
        }
    }
}
