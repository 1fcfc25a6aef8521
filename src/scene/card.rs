//! The card of one country: what was sent (each team's arrival, size, sender and
//! sources, or "not reported") and what was said (quotes, verbatim, with speaker, date
//! and outlet), as lines of plain English with their role. The window's pop-up shows
//! these lines as widgets and exports lay them out with `export_card`, so a pop-up and
//! an exported card always say the same words.

use crate::data::aid::{Quote, Team};
use crate::scene::model::MapModel;
use crate::scene::text::{as_of, long_date, plural};

/// What a line of the card is, which decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// "3 teams", or "No team reported as of …".
    Summary,
    /// A team's arrival date and place.
    TeamHeading,
    /// A plain fact (members, sender).
    Body,
    /// Where a fact comes from.
    Source,
    /// "What was said".
    SectionHeading,
    /// A quote, verbatim, in quotation marks.
    Quote,
    /// Who said a quote, when, and where it was published.
    Attribution,
}

/// One line of the card (it may wrap when laid out).
#[derive(Debug, Clone, PartialEq)]
pub struct CardLine {
    /// The words.
    pub text: String,
    /// How the line looks.
    pub role: LineRole,
}

/// What a block of lines is about, so a shortened card can say what it left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// One team (or a group of teams from one CSV row).
    Team,
    /// The "What was said" heading.
    QuotesHeading,
    /// One quote with its attribution.
    Quote,
    /// A line on what the card does not show on this day (quotes said later).
    Note,
}

/// Lines that belong together: a card is shortened a whole block at a time.
#[derive(Debug, Clone, PartialEq)]
pub struct CardBlock {
    /// What the block is about.
    pub kind: BlockKind,
    /// Its lines, in order.
    pub lines: Vec<CardLine>,
}

/// Everything the card of one country says.
#[derive(Debug, Clone, PartialEq)]
pub struct CardContent {
    /// The country's name.
    pub title: String,
    /// The team count, or that none was reported.
    pub summary: String,
    /// The teams, then the quotes.
    pub blocks: Vec<CardBlock>,
}

/// The card of `country` in `model`.
pub fn card_content(model: &MapModel, country: usize) -> CardContent {
    let title = model.outlines.countries[country].name.clone();
    let destination = model
        .destination_by_country
        .get(country)
        .copied()
        .flatten()
        .map(|d| &model.aid.destinations[d])
        // On a day before its first team arrived, a recipient has none yet.
        .filter(|d| d.teams > 0);
    // With one donor chosen (the window's donor filter), the card says whose teams.
    let from = model.donor_phrase();
    let Some(destination) = destination else {
        let summary = match as_of(model) {
            Some(date) => format!("No team{from} reported as of {date}."),
            None => format!("No team{from} reported."),
        };
        return CardContent {
            title,
            summary,
            blocks: Vec::new(),
        };
    };
    let teams = destination.teams;
    let summary = format!("{teams} {}{from}", plural(teams, "team", "teams"));
    let mut blocks = team_blocks(model, &destination.details);
    let team_quotes: Vec<&Quote> = destination
        .details
        .iter()
        .filter_map(|t| t.quote.as_ref())
        .collect();
    // On a day of the timeline, what was said after it is not yet said: a line says
    // how many quotes wait for later days, so none is hidden in silence.
    let said_by = |q: &&Quote| match (model.day, q.date) {
        (Some(day), Some(date)) => date <= day,
        _ => true,
    };
    let quotes: Vec<&Quote> = model.aid.quotes.iter().filter(said_by).collect();
    let later = model.aid.quotes.len() - quotes.len();
    if !quotes.is_empty() || !team_quotes.is_empty() || later > 0 {
        blocks.push(CardBlock {
            kind: BlockKind::QuotesHeading,
            lines: vec![line("What was said", LineRole::SectionHeading)],
        });
    }
    if let (Some(day), true) = (model.day, later > 0) {
        let text = format!(
            "{later} {} from after {} not shown on this day.",
            plural(later as u32, "quote", "quotes"),
            long_date(day)
        );
        blocks.push(CardBlock {
            kind: BlockKind::Note,
            lines: vec![line(&text, LineRole::Source)],
        });
    }
    blocks.extend(team_quotes.into_iter().map(|q| quote_block(model, q)));
    blocks.extend(quotes.into_iter().map(|q| quote_block(model, q)));
    CardContent {
        title,
        summary,
        blocks,
    }
}

fn line(text: &str, role: LineRole) -> CardLine {
    CardLine {
        text: text.to_string(),
        role,
    }
}

/// A block per team, in the order they arrived (undated last), as a reader follows
/// them; one saying nothing was reported where the data has no detail.
fn team_blocks(model: &MapModel, details: &[Team]) -> Vec<CardBlock> {
    if details.is_empty() {
        return vec![CardBlock {
            kind: BlockKind::Team,
            lines: vec![line(
                "Arrival, size and sender: not reported.",
                LineRole::Body,
            )],
        }];
    }
    let mut teams: Vec<&Team> = details.iter().collect();
    teams.sort_by_key(|team| (team.arrived.is_none(), team.arrived));
    teams
        .into_iter()
        .map(|team| team_block(model, team))
        .collect()
}

fn team_block(model: &MapModel, team: &Team) -> CardBlock {
    let arrived = team
        .arrived
        .map_or_else(|| "Arrival date not reported".to_string(), long_date);
    let heading = match (&team.place, team.count) {
        (Some(place), 1) => format!("{arrived} · {place}"),
        (Some(place), n) => format!("{arrived} · {place} · {n} teams"),
        (None, 1) => arrived,
        (None, n) => format!("{arrived} · {n} teams"),
    };
    let mut lines = vec![
        line(&heading, LineRole::TeamHeading),
        line(&members_line(team), LineRole::Body),
        line(&sent_by_line(model, team), LineRole::Body),
    ];
    if !team.sources.is_empty() {
        lines.push(line(
            &format!("Sources: {}", team.sources.join("; ")),
            LineRole::Source,
        ));
    }
    CardBlock {
        kind: BlockKind::Team,
        lines,
    }
}

/// "Sent by: Zhejiang province", with the donor where the data has several ("Sent by:
/// Zhejiang province (China)", or "Sent by: Cuba" where the row names no sender).
fn sent_by_line(model: &MapModel, team: &Team) -> String {
    let donor = model
        .donors
        .index_of(&model.aid, team)
        .map(|d| model.donors.names[d].as_str());
    match (team.sent_by.as_deref(), donor) {
        (Some(by), Some(donor)) if model.donors.told_apart() => format!("Sent by: {by} ({donor})"),
        (Some(by), _) => format!("Sent by: {by}"),
        (None, Some(donor)) => format!("Sent by: {donor}"),
        (None, None) => "Sent by: not reported".to_string(),
    }
}

/// "12 members", "Members: 12 or 13 (reports differ)", "12 members (10 experts, 2
/// officials)" or "Members: not reported": read aloud, each is a plain sentence.
pub fn members_line(team: &Team) -> String {
    match (team.members, team.members_note.as_deref()) {
        (Some(n), Some(note)) => format!("{n} {} ({note})", plural(n, "member", "members")),
        (Some(n), None) => format!("{n} {}", plural(n, "member", "members")),
        (None, Some(note)) => format!("Members: {note}"),
        (None, None) => "Members: not reported".to_string(),
    }
}

fn quote_block(model: &MapModel, quote: &Quote) -> CardBlock {
    let mut lines = vec![line(&quoted(&quote.text), LineRole::Quote)];
    let mut attribution = Vec::new();
    if let Some(speaker) = &quote.speaker {
        attribution.push(match &quote.role {
            Some(role) => format!("{speaker}, {role}"),
            None => speaker.clone(),
        });
    }
    if let Some(date) = quote.date {
        attribution.push(long_date(date));
    }
    let outlet = quote.outlet.clone().or_else(|| {
        quote
            .source
            .as_deref()
            .and_then(|id| model.aid.source(id))
            .and_then(|s| s.outlet.clone())
    });
    if let Some(outlet) = outlet {
        attribution.push(outlet);
    }
    if !attribution.is_empty() {
        lines.push(line(
            &format!("— {}", attribution.join(" · ")),
            LineRole::Attribution,
        ));
    }
    CardBlock {
        kind: BlockKind::Quote,
        lines,
    }
}

/// A quote in quotation marks: “…”, with quotation marks inside it turned to single
/// ones (“China never ‘exports’ …”) as nested quotes are printed. A quote that already
/// stands in double quotation marks gets no second pair. The words stay as published.
pub fn quoted(text: &str) -> String {
    let text = text.trim();
    let opens = |c: char| matches!(c, '“' | '"' | '„');
    let closes = |c: char| matches!(c, '”' | '"' | '“');
    let mut chars = text.chars();
    let already_quoted = text.chars().count() >= 2
        && chars.next().is_some_and(opens)
        && chars.next_back().is_some_and(closes);
    let inner = if already_quoted {
        let mut inner = text.chars();
        inner.next();
        inner.next_back();
        inner.as_str()
    } else {
        text
    };
    let mut out = String::with_capacity(inner.len() + 8);
    out.push('“');
    let mut open = true;
    for c in inner.chars() {
        match c {
            '“' | '„' => out.push('‘'),
            '”' => out.push('’'),
            '"' => {
                out.push(if open { '‘' } else { '’' });
                open = !open;
            }
            other => out.push(other),
        }
    }
    out.push('”');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model_on(day: &str) -> MapModel {
        let mut model = MapModel::new(
            crate::data::bundled::outlines().unwrap(),
            crate::data::bundled::aid_data().unwrap(),
            crate::geometry::projection::Projection::EqualEarth,
            true,
        );
        model.set_day(Some(crate::data::date::parse(day).unwrap()));
        model
    }

    #[test]
    fn before_its_first_team_a_recipient_has_no_team_and_later_quotes_wait() {
        let model = model_on("2020-02-29");
        let italy = model.find_country("ITA").one().unwrap();
        let card = card_content(&model, italy);
        assert_eq!(card.summary, "No team reported as of 29 February 2020.");
        assert!(card.blocks.is_empty());
        let iran = model.find_country("IRN").one().unwrap();
        let card = card_content(&model, iran);
        assert_eq!(card.summary, "1 team");
        let texts: Vec<&str> = card
            .blocks
            .iter()
            .flat_map(|b| &b.lines)
            .map(|l| l.text.as_str())
            .collect();
        assert!(
            texts.contains(&"3 quotes from after 29 February 2020 not shown on this day."),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|t| t.contains("As of now")), "{texts:?}");
        // On the day they were said, the quotes are there.
        let card = card_content(&model_on("2020-04-09"), iran);
        assert!(card.blocks.iter().any(|b| b.kind == BlockKind::Quote));
        assert!(!card.blocks.iter().any(|b| b.kind == BlockKind::Note));
    }

    #[test]
    fn quotes_get_one_pair_of_marks_and_nested_quotes_alternate() {
        assert_eq!(quoted("We help."), "“We help.”");
        assert_eq!(quoted("“We help.”"), "“We help.”");
        assert_eq!(quoted("\"We help.\""), "“We help.”");
        assert_eq!(
            quoted("China never “exports” the Chinese model"),
            "“China never ‘exports’ the Chinese model”"
        );
        assert_eq!(
            quoted("China never \"exports\" it"),
            "“China never ‘exports’ it”"
        );
    }

    #[test]
    fn members_read_as_plain_sentences() {
        let team = |members, note: Option<&str>| Team {
            members,
            members_note: note.map(str::to_string),
            ..Team::default()
        };
        assert_eq!(
            members_line(&team(None, Some("12 or 13 (reports differ)"))),
            "Members: 12 or 13 (reports differ)"
        );
        assert_eq!(members_line(&team(Some(7), None)), "7 members");
        assert_eq!(members_line(&team(Some(1), None)), "1 member");
        assert_eq!(
            members_line(&team(Some(12), Some("10 experts, 2 officials"))),
            "12 members (10 experts, 2 officials)"
        );
        assert_eq!(members_line(&team(None, None)), "Members: not reported");
    }
}
