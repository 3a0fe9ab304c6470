/// The labels the two example case systems show instead of canonical codes.
/// `pipelines/mappings/lcs-*.yaml` and `mosaic-*.yaml` map them back; the
/// two tables here and there must agree (a test reads synth's exports through
/// the mapping files).
enum CaseSystemLabels {
    /// CIN referral source labels (the code list's wording).
    static let sources: [String: String] = [
        "1A": "Individual: family member, relative or carer", "1B": "Individual: acquaintance",
        "1C": "Individual: self", "1D": "Individual: other", "2A": "Schools", "2B": "Education services",
        "3A": "Health services: GP", "3B": "Health services: health visitor", "3C": "Health services: school nurse",
        "3D": "Health services: other primary health services", "3E": "Health services: A&E",
        "3F": "Health services: other", "4": "Housing", "5A": "LA services: social care (e.g. adults)",
        "5B": "LA services: other internal", "5C": "LA services: external", "5D": "LA services: early help",
        "6": "Police", "7": "Other legal agency", "8": "Other", "9": "Anonymous", "10": "Unknown",
    ]

    static let needs: [String: String] = [
        "N0": "Not stated", "N1": "Abuse or neglect", "N2": "Child's disability",
        "N3": "Parental disability or illness", "N4": "Family in acute stress", "N5": "Family dysfunction",
        "N6": "Socially unacceptable behaviour", "N7": "Low income", "N8": "Absent parenting",
        "N9": "Cases other than children in need",
    ]

    static let closures: [String: String] = [
        "RC1": "Adopted", "RC2": "Died", "RC3": "Child arrangements order", "RC4": "Special guardianship order",
        "RC5": "Transferred to services of another local authority", "RC6": "Transferred to adult social care services",
        "RC7": "Services ceased for any other reason, including child no longer in need",
        "RC8": "Case closed after assessment, no further action",
        "RC9": "Case closed after assessment, referred to early help",
    ]

    /// Liquidlogic style: `6 - Police`, `N1 - Abuse or neglect`.
    static func lcs(_ code: String, _ labels: [String: String]) -> String {
        labels[code].map { "\(code) - \($0)" } ?? code
    }
}
