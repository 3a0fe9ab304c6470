/// The tables of the canonical model (specs/canonical-model.md): one per kind
/// of event, keyed by the LA's child id. Every reader fills these; every rule,
/// KPI, report and return reads them.
///
/// Column names are a contract: add freely, rename none. Each table also
/// carries `source_file` and `source_line`, held on `Record` itself.
public enum CanonicalTable: String, CaseIterable, Sendable, Hashable, Codable {
    case children, contacts, early_help, referrals, assessments, cin_plans, section47
    case cp_plans, cp_reviews, visits, cla_episodes, cla_reviews, missing_episodes
    case care_leavers, health_outcomes, adoptions, adopters, allocations, audits, audit_grades
    case previous_permanence, deprivation_of_liberty

    public var name: String { rawValue }

    /// The table's columns, in the order a record holds its values.
    public var columns: [String] { Self.columnsByTable[ordinal] }

    /// How many columns the table has: `columns.count` without taking the array.
    public var columnCount: Int { Self.columnCounts[ordinal] }

    // Made once, by position in `allCases` (hashing the enum would hash its
    // name): rules, writers and `Record`'s by-name subscript ask for a table's
    // columns and positions per value, millions of times a run.
    private static let columnsByTable = {
        var byOrdinal = [[String]](repeating: [], count: allCases.count)
        for table in allCases {
            // Every table has a slot of its own: two sharing one would give one the other's columns.
            precondition(byOrdinal[table.ordinal].isEmpty, "\(table) shares its ordinal with another table")
            byOrdinal[table.ordinal] = table.definedColumns
        }
        return byOrdinal
    }()
    private static let columnCounts = columnsByTable.map(\.count)
    private static let positionsByTable = columnsByTable.map {
        Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($1, $0) })
    }

    private var ordinal: Int {
        switch self {
        case .children: 0
        case .contacts: 1
        case .early_help: 2
        case .referrals: 3
        case .assessments: 4
        case .cin_plans: 5
        case .section47: 6
        case .cp_plans: 7
        case .cp_reviews: 8
        case .visits: 9
        case .cla_episodes: 10
        case .cla_reviews: 11
        case .missing_episodes: 12
        case .care_leavers: 13
        case .health_outcomes: 14
        case .adoptions: 15
        case .adopters: 16
        case .allocations: 17
        case .audits: 18
        case .audit_grades: 19
        case .previous_permanence: 20
        case .deprivation_of_liberty: 21
        }
    }

    private var definedColumns: [String] {
        switch self {
        case .children:
            ["child_id", "upn", "former_upn", "upn_unknown", "birth_date", "expected_birth_date", "sex",
             "ethnicity", "death_date", "disabilities", "uasc", "la_code"]
        case .contacts: ["child_id", "contact_date", "contact_source"]
        case .early_help: ["child_id", "start_date", "end_date", "organisation"]
        case .referrals:
            ["child_id", "referral_id", "referral_date", "referral_source", "primary_need", "closure_date",
             "closure_reason", "nfa", "team", "worker"]
        case .assessments:
            ["child_id", "referral_id", "start_date", "authorised_date", "factors", "child_seen",
             "further_action", "team", "worker"]
        case .cin_plans: ["child_id", "referral_id", "start_date", "end_date"]
        case .section47:
            ["child_id", "referral_id", "start_date", "icpc_target_date", "icpc_date", "icpc_not_required",
             "cp_plan_started"]
        case .cp_plans:
            ["child_id", "referral_id", "start_date", "end_date", "initial_category", "latest_category",
             "previous_plans"]
        case .cp_reviews: ["child_id", "plan_start_date", "review_date"]
        case .visits: ["child_id", "visit_date", "kind", "seen_alone", "worker"]
        case .cla_episodes:
            ["child_id", "start_date", "reason_new_episode", "legal_status", "category_of_need", "placement",
             "placement_provider", "end_date", "reason_ended", "reason_place_change", "home_postcode",
             "placement_postcode", "urn"]
        case .cla_reviews: ["child_id", "review_date", "participation"]
        case .missing_episodes: ["child_id", "kind", "start_date", "end_date"]
        case .care_leavers:
            ["child_id", "year", "birth_date", "in_touch", "activity", "accommodation", "accommodation_suitable",
             "eligibility", "personal_adviser", "pathway_plan_review_date", "latest_contact_date"]
        case .health_outcomes:
            // SSDA903 OC2: children looked after for 12 months at 31 March.
            ["child_id", "year", "sdq_score", "sdq_reason", "convicted", "health_check", "immunisations",
             "teeth_check", "health_assessment", "substance_misuse", "intervention_received", "intervention_offered"]
        case .adoptions:
            ["child_id", "decision_date", "placement_order_date", "matched_date", "placed_date",
             "adoption_order_date", "decision_reversed_date", "reason_reversed"]
        case .adopters:
            ["adopter_id", "family_id", "sex", "ethnicity", "enquiry_date", "stage1_start", "stage1_end",
             "stage2_start", "stage2_end", "approved_date", "matched_date", "placed_date", "adoption_order_date",
             "left_date", "reason_left"]
        case .allocations: ["child_id", "worker_id", "team", "start_date", "end_date", "reason"]
        case .audits:
            ["audit_id", "child_id", "audit_date", "auditor", "team", "worker", "audit_type", "overall_grade"]
        case .audit_grades: ["audit_id", "domain", "grade"]
        case .previous_permanence:
            // SSDA903 PrevPerm: the arrangement a child left before this period of care. order_date is
            // ISO with the parts the return does not know left off (`2019-05`, `2019`), empty if none is.
            ["child_id", "previous_permanence", "arranged_la", "order_date"]
        case .deprivation_of_liberty:
            // SSDA903 DoLo (from 2026-27): orders depriving a looked-after child of liberty.
            ["child_id", "start_date", "end_date"]
        }
    }

    /// The columns that make two records the same record when inputs overlap
    /// (canonical-model.md, "When two inputs describe the same record").
    /// Empty means the whole row is the key.
    public var naturalKey: [String] {
        switch self {
        case .children: ["child_id"]
        case .referrals: ["child_id", "referral_date"]
        case .assessments, .cin_plans, .cp_plans, .cla_episodes: ["child_id", "start_date"]
        case .section47: ["child_id", "start_date"]  // or icpc_date when start_date is empty: see MergedTable
        case .cp_reviews: ["child_id", "review_date"]
        case .visits: ["child_id", "visit_date", "kind"]
        case .cla_reviews: ["child_id", "review_date"]
        case .missing_episodes: ["child_id", "kind", "start_date"]
        case .care_leavers, .health_outcomes: ["child_id", "year"]
        case .deprivation_of_liberty: ["child_id", "start_date"]
        case .audits: ["audit_id"]
        case .audit_grades: ["audit_id", "domain"]
        case .contacts, .early_help, .adoptions, .adopters, .allocations, .previous_permanence: []
        }
    }

    /// Columns holding ISO dates (typed as dates in the warehouse and reports).
    public var dateColumns: Set<String> {
        Set(columns.filter { $0.hasSuffix("_date") || $0.hasPrefix("stage") })
    }

    /// Position of `column` in `columns`. A misspelt column is a programming
    /// error caught by the tests, so this traps rather than returning nil.
    public func index(of column: String) -> Int {
        guard let i = Self.positionsByTable[ordinal][column] else {
            preconditionFailure("\(rawValue) has no column \(column)")
        }
        return i
    }

    /// A record of this table with every column empty (cheap enough to make per record: see `EmptyValues`).
    public func emptyValues() -> [String] { EmptyValues.make(count: columnCount) }
}
