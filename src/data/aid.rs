//! What an aid data set says: who sent teams where, when, how many people, who said
//! what about it, and where each fact comes from. Readers for the JSON and CSV forms
//! live in `aid_json` and `aid_csv`; joining to outlines is `join`'s job.

use chrono::NaiveDate;

use crate::error::Location;

/// The most teams a data set may record in all: far above any real aid programme,
/// and low enough that no sum of counts can wrap around.
pub const MAX_TEAMS: u32 = 1_000_000;

/// The most rows of a CSV, or entries in one list of the JSON form (teams, sources,
/// quotes), a data set may have: a million teams one to a row. Rows of 0 teams add
/// nothing to [`MAX_TEAMS`], so memory needs its own bound.
pub const MAX_ENTRIES: usize = 1_000_000;

/// A whole aid data set.
#[derive(Debug, Clone, PartialEq)]
pub struct AidDataset {
    /// The file as named to the user.
    pub file: String,
    /// The map's title, e.g. "China's medical expert teams abroad".
    pub title: String,
    /// The country that sent the aid, if the data says.
    pub provider: Option<Provider>,
    /// What the source claims in total, if the data records it.
    pub claim: Option<Claim>,
    /// One entry per receiving country, in first-seen order.
    pub destinations: Vec<Destination>,
    /// Quotes, verbatim, with who said them and where.
    pub quotes: Vec<Quote>,
    /// The documents the facts come from.
    pub sources: Vec<Source>,
    /// Things noticed while reading that are not errors (unused CSV columns, ...).
    pub notes: Vec<String>,
    /// Who the places' coordinates come from, to credit on a picture that draws them
    /// ("GeoNames"); `None` where the data has none, or gives its own.
    pub places_credit: Option<String>,
    /// Places named without coordinates that the gazetteer could not locate, each
    /// with its row: `check` lists them as it lists unmatched countries.
    pub unlocated: Vec<Unlocated>,
}

/// The sender of the aid.
#[derive(Debug, Clone, PartialEq)]
pub struct Provider {
    /// Country name or code, e.g. "China".
    pub country: String,
    /// Where from, e.g. "Beijing".
    pub place: Option<String>,
}

/// The totals a source states, e.g. 12 teams to 10 countries as of 9 April 2020.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Number of teams claimed.
    pub teams: u32,
    /// Number of countries claimed.
    pub countries: u32,
    /// The date the claim was made for.
    pub as_of: NaiveDate,
    /// Who made it.
    pub by: Option<String>,
    /// The id of the source that reports it.
    pub source: Option<String>,
}

/// One receiving country and the teams it got.
#[derive(Debug, Clone, PartialEq)]
pub struct Destination {
    /// The country as the data names it ("ITA", "Laos", "418").
    pub country: String,
    /// Where it was first named in the file (for messages).
    pub location: Location,
    /// Number of teams.
    pub teams: u32,
    /// What is known of each team or group of teams.
    pub details: Vec<Team>,
}

/// What is known of a team (or, from a CSV row, a group of teams).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Team {
    /// How many teams this entry stands for (1 in the JSON form).
    pub count: u32,
    /// Arrival date, local time.
    pub arrived: Option<NaiveDate>,
    /// Where it arrived.
    pub place: Option<String>,
    /// Number of members; `None` when no primary report gives it.
    pub members: Option<u32>,
    /// What the reports say of the members when no single number can be given,
    /// e.g. "12 or 13 (reports differ)".
    pub members_note: Option<String>,
    /// Who sent it.
    pub sent_by: Option<String>,
    /// The donor country, as the row names it (a CSV's `from`); `None` where the row
    /// names none (the data set's provider, if any, stands for it).
    pub donor: Option<String>,
    /// Where these facts come from.
    pub sources: Vec<String>,
    /// A quote about this team, verbatim, with who said it where known (from a CSV's
    /// `quote`, `quote_by`, `quote_date` and `quote_source` columns).
    pub quote: Option<Quote>,
    /// Where the team was sent from (the sender's seat), with coordinates, where
    /// known: the start of its arc on the map.
    pub origin: Option<Located>,
    /// Where the data says it was sent from, by name, where no coordinates locate it
    /// (kept so `check` can say its arc is not drawn).
    pub from_place: Option<String>,
    /// The place it arrived at, with coordinates, where known: the end of its arc.
    pub arrival_point: Option<Located>,
    /// The city a `from` named instead of a country, as written, whose country
    /// aidmap made the donor: every picture of this team says so.
    pub donor_city: Option<String>,
}

/// A place a row names that the gazetteer could not locate: why, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Unlocated {
    /// The row or team it is in.
    pub location: Location,
    /// What is wrong, naming the field and the place.
    pub message: String,
}

impl std::fmt::Display for Unlocated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// A named place with coordinates (degrees).
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The place's name ("Hangzhou").
    pub name: String,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
}

/// A quote, word for word.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The words, exactly as published.
    pub text: String,
    /// Who said it.
    pub speaker: Option<String>,
    /// The speaker's role.
    pub role: Option<String>,
    /// When it was said.
    pub date: Option<NaiveDate>,
    /// The outlet that published it.
    pub outlet: Option<String>,
    /// The id of the source document.
    pub source: Option<String>,
}

/// A document facts come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Short id other entries refer to.
    pub id: String,
    /// Headline or title.
    pub title: String,
    /// The outlet that published it.
    pub outlet: Option<String>,
    /// Its date.
    pub date: Option<NaiveDate>,
    /// A note on provenance (wire service, byline).
    pub note: Option<String>,
}

impl AidDataset {
    /// The total number of teams.
    pub fn total_teams(&self) -> u32 {
        self.destinations.iter().map(|d| d.teams).sum()
    }

    /// The number of countries that received at least one team.
    pub fn country_count(&self) -> usize {
        self.destinations.iter().filter(|d| d.teams > 0).count()
    }

    /// "12 teams in 10 countries", with singulars where they belong.
    pub fn summary(&self) -> String {
        let teams = self.total_teams();
        let countries = self.country_count();
        format!(
            "{teams} {} in {countries} {}",
            if teams == 1 { "team" } else { "teams" },
            if countries == 1 {
                "country"
            } else {
                "countries"
            }
        )
    }

    /// The source with id `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

impl AidDataset {
    /// Who sent `team`, as the data names the country: the row's own donor (`from`),
    /// else the data set's provider; `None` where the data names neither.
    pub fn donor_of<'a>(&'a self, team: &'a Team) -> Option<&'a str> {
        team.donor
            .as_deref()
            .or(self.provider.as_ref().map(|p| p.country.as_str()))
    }
}

/// What tells donors apart: the ISO alpha-3 code of the country `donor` names ("CHN"
/// for "China" and "CHN" alike), else its name reduced to letters and digits.
pub fn donor_key(donor: &str) -> String {
    crate::data::country_names::alpha3_of(donor)
        .unwrap_or_else(|| crate::data::country_names::normalized(donor))
}
