import CSCCore

/// What the CIN census of one collection year allows: which elements exist and
/// which codes are valid (formats.md §1.3–1.4; the XSD is named after the year
/// the collection ends, so `CIN_schema_2025.xsd` is the 2024-25 census).
///
/// The generator only draws codes valid in the target year and the writer only
/// writes that year's elements, so a synthetic file never fails on a code or an
/// element the year does not know.
struct CINYearRules: Sendable {
    let year: CollectionYear

    /// The year the collection ends, as the header's `Year` and the XSD name give it.
    var endYear: Int { year.startYear + 1 }

    /// `Sex` (M/F/U) from 2024-25; `GenderCurrent` (1/2/0/9) before.
    var writesSex: Bool { endYear >= 2025 }

    /// The `CINPlanDates` module, from the 2022 schema (2021-22 collection).
    var hasCINPlanDates: Bool { endYear >= 2022 }

    /// Referral source 5D and closure reason RC9 (early help), from 2022-23.
    var hasEarlyHelpCodes: Bool { endYear >= 2023 }

    /// Factors 18B/18C/19B/19C, from 2020-21; from then 18A/19A draw a query
    /// (8945Q/8950Q), so the generator stops using them.
    var hasSplitAbuseFactors: Bool { endYear >= 2021 }

    /// Factor 24A (child criminal exploitation), from 2021-22.
    var hasCriminalExploitationFactor: Bool { endYear >= 2022 }
}
