import CSCCore

/// A child's episodes, in start order, must follow one another: none starts
/// before an earlier one ended, an episode ended with REC X1 ("episode ends,
/// new one same day") is followed by one starting that day, and only the
/// latest can be open.
///
/// Of two episodes starting the same day only the first is looked at here
/// (the second is `episode-same-start`), and an episode with no readable DECOM
/// cannot be placed in the sequence (the reader has reported it). An open
/// episode that is not the latest is reported once, as such, and not again as
/// overlapping every episode after it.
enum EpisodeSequenceCheck {
    private struct Episode {
        let row: SSDA903IntegrityRow
        let start: Day
        /// nil when the episode is open (DEC empty).
        let end: Day?
        let endText: String
        let reasonEnded: String
    }

    static func issues(_ rows: [SSDA903IntegrityRow]) -> [Issue] {
        var byChild: [String: [Episode]] = [:]
        var seenStart: Set<String> = []
        for row in rows where row.table == "Episodes" && !row.childID.isEmpty {
            let startText = row.value("start_date")
            guard let start = Day(iso: startText), seenStart.insert(row.childID + "\u{0}" + startText).inserted else {
                continue
            }
            let endText = row.value("end_date")
            byChild[row.childID, default: []].append(
                Episode(row: row, start: start, end: Day(iso: endText), endText: endText,
                        reasonEnded: row.value("reason_ended")))
        }
        var issues: [Issue] = []
        for childID in byChild.keys.sorted() {
            // The sort is stable, so same-day ties keep file order.
            let episodes = byChild[childID, default: []].sorted { $0.start < $1.start }
            issues += sequenceIssues(episodes)
        }
        return issues
    }

    private static func sequenceIssues(_ episodes: [Episode]) -> [Issue] {
        var issues: [Issue] = []
        // The closed episode reaching furthest so far: a short episode between
        // two others must not hide an overlap with a long one before it.
        var furthest: Episode?
        for (previous, next) in zip(episodes, episodes.dropFirst()) {
            if let end = previous.end, furthest?.end.map({ end > $0 }) ?? true {
                furthest = previous
            }
            if let reach = furthest, let reachEnd = reach.end, next.start < reachEnd {
                issues.append(issue(SSDA903IntegrityRules.episodeOverlap, next, column: "DECOM",
                                    value: next.start.ukFormat,
                                    message: "episode starting \(next.start.ukFormat) at \(next.row.place(seenFrom: next.row)) "
                                        + "overlaps the one at \(reach.row.place(seenFrom: next.row)), which ends \(reachEnd.ukFormat)"))
            }
            if previous.end == nil {
                issues.append(issue(SSDA903IntegrityRules.openEpisodeNotLatest, previous, column: "DEC",
                                    value: previous.endText,
                                    message: "episode starting \(previous.start.ukFormat) at "
                                        + "\(previous.row.place(seenFrom: previous.row)) has no end date (DEC), but the "
                                        + "episode at \(next.row.place(seenFrom: previous.row)) starts later, on \(next.start.ukFormat)"))
            } else if let end = previous.end, previous.reasonEnded == "X1", next.start > end {
                issues.append(issue(SSDA903IntegrityRules.episodeGap, next, column: "DECOM",
                                    value: next.start.ukFormat,
                                    message: "episode starting \(next.start.ukFormat) at \(next.row.place(seenFrom: next.row)) "
                                        + "should start \(end.ukFormat): the one at \(previous.row.place(seenFrom: next.row)) "
                                        + "ended that day with REC X1 (new episode the same day)"))
            }
        }
        return issues
    }

    private static func issue(_ rule: Rule, _ episode: Episode, column: String, value: String, message: String) -> Issue {
        Issue(rule, dataset: episode.row.dataset, file: episode.row.file, line: episode.row.line, column: column,
              childID: episode.row.childID, value: value, message: message)
    }
}
