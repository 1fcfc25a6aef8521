//! `aidmap check`: load outlines and aid data, join them, and say in plain text what
//! was read, what adds up and what did not join. It prints nothing itself; `main`
//! writes the report and exits with its status.

use std::fmt::Write as _;
use std::path::Path;

use crate::data::{self, AidDataset, Join, Outlines, bundled};
use crate::error::{LoadError, inline};

/// Exit status: everything joined.
pub const EXIT_OK: i32 = 0;
/// Exit status: the files were read, but some entries did not join or some places
/// could not be located.
pub const EXIT_UNMATCHED: i32 = 1;

/// Exit status: a file is unreadable or invalid.
pub const EXIT_INVALID: i32 = 2;

/// Unlocated places listed one by one; the rest are counted.
const UNLOCATED_LISTED: usize = 20;

/// The outcome of a check: the report to print and the exit status.
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// What to print on standard output.
    pub text: String,
    /// [`EXIT_OK`] or [`EXIT_UNMATCHED`].
    pub status: i32,
}

/// Load the given files (the bundled ones where `None`), join and report.
pub fn run(
    countries: Option<&Path>,
    data_file: Option<&Path>,
    object: Option<&str>,
    limits: data::Limits,
) -> Result<CheckReport, LoadError> {
    let outlines = match countries {
        Some(path) => data::load_outlines_within(path, object, limits)?,
        None => bundled::outlines()?,
    };
    let aid = match data_file {
        Some(path) => data::load_aid_within(path, limits.max_file_bytes)?,
        None => bundled::aid_data()?,
    };
    let joined = data::join(&outlines, &aid);
    Ok(report(&outlines, &aid, &joined))
}

/// The report for already loaded and joined files.
pub fn report(outlines: &Outlines, aid: &AidDataset, joined: &Join) -> CheckReport {
    let mut text = String::new();
    let features = outlines.countries.len();
    let _ = writeln!(text, "outlines: {}", outlines.file);
    let _ = writeln!(
        text,
        "  {features} countries read, {} vertices",
        outlines.vertex_count()
    );
    for (reason, count) in &outlines.skipped.0 {
        let _ = writeln!(text, "  skipped: {count} {}", inline(reason));
    }
    for doubt in &outlines.questionable {
        let _ = writeln!(text, "  questionable: {}", inline(doubt));
    }
    let _ = writeln!(text, "aid data: {} (\"{}\")", aid.file, inline(&aid.title));
    let _ = writeln!(text, "  {}", aid.summary());
    let _ = writeln!(text, "  {}", dates_line(aid));
    let donors = crate::scene::donors::Donors::of(aid, outlines);
    if let Some(line) = donors_line(&donors) {
        let _ = writeln!(text, "  {line}");
    }
    for note in &aid.notes {
        let _ = writeln!(text, "  note: {}", inline(note));
    }
    if let Some(claim) = &aid.claim {
        let _ = writeln!(text, "  {}", claim_line(aid, claim));
    }
    let joined_count = joined.matches.iter().filter(|m| m.is_some()).count();
    let _ = writeln!(
        text,
        "joined: {joined_count} of {} countries",
        aid.destinations.len()
    );
    let flows = flows_of(outlines, aid, joined, &donors);
    for outside in &flows.outside {
        let _ = writeln!(
            text,
            "  questionable: the arrival point of {} lies outside its country's outline \
             (are lat and lon swapped?); its arc is not drawn",
            inline(outside)
        );
    }
    for same in &flows.same_place {
        let _ = writeln!(
            text,
            "  questionable: a team to {} was sent from where it arrived; its arc is not \
             drawn (a line from a place to itself)",
            inline(same)
        );
    }
    for country in &flows.no_end {
        let _ = writeln!(
            text,
            "  questionable: {} has no point inside its outline for an arc to end at; the \
             arc is not drawn",
            inline(country)
        );
    }
    // What --strict refuses, check fails on too.
    let arcs_left_out =
        !(flows.outside.is_empty() && flows.same_place.is_empty() && flows.no_end.is_empty());
    let without_arcs = if crate::scene::has_origins(aid) {
        flows.without_origin
    } else {
        0
    };
    if without_arcs > 0 {
        let _ = writeln!(
            text,
            "  no arc: {without_arcs} {} (no sender place given, or one listed as unlocated \
             below); the picture says so",
            if without_arcs == 1 { "team" } else { "teams" }
        );
    }
    for &pair in &joined.merged {
        let _ = writeln!(text, "  questionable: {}", data::merge_message(aid, pair));
    }
    for issue in &joined.issues {
        let kind = if issue.is_unmatched() {
            "unmatched"
        } else {
            "questionable"
        };
        let _ = writeln!(text, "  {kind}: {issue}");
    }
    for unlocated in aid.unlocated.iter().take(UNLOCATED_LISTED) {
        let _ = writeln!(text, "  unlocated: {}", inline(&unlocated.to_string()));
    }
    if aid.unlocated.len() > UNLOCATED_LISTED {
        let more = aid.unlocated.len() - UNLOCATED_LISTED;
        let _ = writeln!(
            text,
            "  unlocated: {more} more places (fix the ones above first)"
        );
    }
    CheckReport {
        text,
        status: if joined.all_joined()
            && aid.unlocated.is_empty()
            && without_arcs == 0
            && !arcs_left_out
        {
            EXIT_OK
        } else {
            EXIT_UNMATCHED
        },
    }
}

/// "3 donors: Cuba (3 teams), China (2), Russia (2)", where the data names several
/// (the first ten named, the rest counted).
fn donors_line(donors: &crate::scene::donors::Donors) -> Option<String> {
    /// Donors named one by one.
    const LISTED: usize = 10;
    if !donors.several() {
        return None;
    }
    let mut named: Vec<String> = donors
        .names
        .iter()
        .zip(&donors.teams)
        .take(LISTED)
        .enumerate()
        .map(|(i, (name, teams))| match i {
            0 => format!(
                "{} ({teams} {})",
                inline(name),
                if *teams == 1 { "team" } else { "teams" }
            ),
            _ => format!("{} ({teams})", inline(name)),
        })
        .collect();
    if donors.len() > LISTED {
        named.push(format!("{} more", donors.len() - LISTED));
    }
    Some(format!("{} donors: {}", donors.len(), named.join(", ")))
}

/// The arcs as a picture of the whole data set draws them: what lies outside its
/// country, what has no sender place.
fn flows_of(
    outlines: &Outlines,
    aid: &AidDataset,
    joined: &Join,
    donors: &crate::scene::donors::Donors,
) -> crate::scene::arcs::Flows {
    let mut by_country = vec![None; outlines.countries.len()];
    for (destination, matched) in joined.matches.iter().enumerate() {
        if let Some(country) = *matched {
            by_country[country] = Some(destination);
        }
    }
    crate::scene::arcs::arcs_of(aid, outlines, &by_country, donors)
}

/// Whether the data agrees with its claim, counted as of the claim's date: teams that
/// arrived later are not part of what the claim says.
fn claim_line(aid: &AidDataset, claim: &crate::data::aid::Claim) -> String {
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let stated = format!(
        "{} to {} as of {}",
        plural(claim.teams, "team", "teams"),
        plural(claim.countries, "country", "countries"),
        claim.as_of
    );
    let by_then = crate::data::timeline::as_of(aid, claim.as_of);
    let later = aid.total_teams().saturating_sub(by_then.total_teams());
    let agrees =
        claim.teams == by_then.total_teams() && claim.countries as usize == by_then.country_count();
    let after = match later {
        0 => String::new(),
        n => format!("; {} arrived after it", plural(n, "team", "teams")),
    };
    if agrees {
        format!("the data agrees with its claim: {stated}{after}")
    } else {
        format!(
            "questionable: the claim says {stated}, but the data adds up to {} by then{after}",
            by_then.summary()
        )
    }
}

/// When the teams arrived, and how many have no date (they count from the first day).
fn dates_line(aid: &AidDataset) -> String {
    let undated = crate::data::timeline::undated_teams(aid);
    let without = format!(
        "{undated} {} without an arrival date",
        if undated == 1 { "team" } else { "teams" }
    );
    match crate::data::Timeline::of(aid) {
        Some(timeline) => format!(
            "arrivals from {} to {} ({} days on the timeline, to {}); {without}{}",
            timeline.first,
            timeline
                .arrival_days
                .last()
                .copied()
                .unwrap_or(timeline.first),
            timeline.day_count(),
            timeline.last,
            if undated > 0 {
                " (counted on every day)"
            } else {
                ""
            }
        ),
        None => format!("no arrival dates: no timeline; {without}"),
    }
}
