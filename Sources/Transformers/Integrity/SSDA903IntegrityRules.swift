import CSCCore

/// The rules the SSDA903 integrity checks raise: the DfE's INT codes where the
/// 903 validator has one, our own kebab-case ids for the episode-sequence and
/// repeated-row checks it has no INT code for.
enum SSDA903IntegrityRules {
    private static let notInHeaderHint =
        "add the child to the Header file, or correct CHILD in this row: ids must match exactly across the 903 files"

    private static func notInHeader(_ id: String, _ table903: String, _ dataset: String) -> Rule {
        Rule(id: id, severity: .error, message: "Child in \(table903) does not exist in Header.",
             hint: notInHeaderHint, tables: [dataset, "children"])
    }

    /// Child in a table but not in Header, by 903 table.
    static let childNotInHeader: [String: Rule] = [
        "AD1": notInHeader("INT01", "AD1", "adoptions"),
        "PlacedAdoption": notInHeader("INT02", "PlacedAdoption", "adoptions"),
        "Episodes": notInHeader("INT03", "Episodes", "cla_episodes"),
        "Missing": notInHeader("INT04", "Missing", "missing_episodes"),
        "OC2": notInHeader("INT05", "OC2", "health_outcomes"),
        "OC3": notInHeader("INT06", "OC3", "care_leavers"),
        "PrevPerm": notInHeader("INT07", "PrevPerm", "previous_permanence"),
        "Reviews": notInHeader("INT08", "Reviews", "cla_reviews"),
        "UASC": notInHeader("INT09", "UASC", "children"),
    ]

    /// Tables with no INT code of their own (SWEpisodes, DoLo).
    static let otherChildNotInHeader = Rule(
        id: "child-not-in-header", severity: .error, message: "Child in this table does not exist in Header.",
        hint: notInHeaderHint, tables: ["allocations", "deprivation_of_liberty", "children"])

    /// DOB differing from Header's, for the tables whose canonical record keeps
    /// a birth date (INT11–14, 16, 17 cannot be checked: see HeaderAgreementCheck).
    static let birthDateDiffers: [String: Rule] = [
        "OC3": Rule(id: "INT15", severity: .error, message: "DOB in OC3 is different to DOB in Header.",
                    hint: "correct the date of birth in the source system so every 903 table carries the same one",
                    tables: ["care_leavers", "children"]),
        "UASC": Rule(id: "INT18", severity: .error, message: "DOB in UASC is different to DOB in Header.",
                     hint: "correct the date of birth in the source system so every 903 table carries the same one",
                     tables: ["children"]),
    ]

    static let sexDiffers: [String: Rule] = [
        "UASC": Rule(id: "INT21", severity: .error, message: "SEX in UASC is different to SEX in Header.",
                     hint: "correct the child's sex in the source system so Header and UASC agree",
                     tables: ["children"]),
    ]

    private static func onceOnly(_ id: String, _ table903: String, _ dataset: String) -> Rule {
        Rule(id: id, severity: .error, message: "Child should only exist once in \(table903).",
             hint: "this table has one row per child: remove the extra row, or merge the two in the source system",
             tables: [dataset])
    }

    /// Tables with one row per child, by 903 table.
    static let onceOnlyTables: [String: Rule] = [
        "AD1": onceOnly("INT31", "AD1", "adoptions"),
        "Header": onceOnly("INT32", "Header", "children"),
        "OC2": onceOnly("INT33", "OC2", "health_outcomes"),
        "OC3": onceOnly("INT34", "OC3", "care_leavers"),
        "PrevPerm": onceOnly("INT35", "PrevPerm", "previous_permanence"),
        "UASC": onceOnly("INT36", "UASC", "children"),
    ]

    static let duplicateRow = Rule(
        id: "duplicate-row", severity: .error,
        message: "The same row appears twice in this table.",
        hint: "remove the copy in the source system or the export; once merged it would be indistinguishable from the first")

    static let episodeSameStart = Rule(
        id: "episode-same-start", severity: .error,
        message: "Two episodes of the same child start on the same day.",
        hint: "an episode is one row: two rows with the same DECOM usually mean one replaced the other but was not deleted; keep the right one",
        tables: ["cla_episodes"])

    static let episodeOverlap = Rule(
        id: "episode-overlap", severity: .error,
        message: "This episode starts before an earlier episode of the same child ended.",
        hint: "a child has one episode at a time: the earlier episode's DEC should be on or before this DECOM",
        tables: ["cla_episodes"])

    static let episodeGap = Rule(
        id: "episode-gap", severity: .error,
        message: "The previous episode ended with REC X1 but this one does not start that day.",
        hint: "X1 means a new episode starts the day the last one ends: set this DECOM to that DEC, or change REC if the child left care",
        tables: ["cla_episodes"])

    static let openEpisodeNotLatest = Rule(
        id: "open-episode-not-latest", severity: .error,
        message: "This episode has no end date but is not the child's latest.",
        hint: "only the child's latest episode can be open: give this episode its DEC and REC",
        tables: ["cla_episodes"])

    /// Every rule, in the order the report lists their issues.
    static let all: [Rule] =
        childNotInHeader.values.sorted { $0.id < $1.id } + [otherChildNotInHeader]
        + birthDateDiffers.values.sorted { $0.id < $1.id } + sexDiffers.values.sorted { $0.id < $1.id }
        + onceOnlyTables.values.sorted { $0.id < $1.id }
        + [duplicateRow, episodeSameStart, episodeOverlap, episodeGap, openEpisodeNotLatest]
}
