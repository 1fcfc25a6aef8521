//! Everything the map shows about one pair of files, prepared once: the outlines and
//! aid data, how they joined, the projected shapes, and the team-count classes. A
//! projection change re-projects; nothing here changes on pan or zoom. A day on the
//! timeline changes only the counts: the colour classes stay those of the whole data
//! set, so a colour means the same on every day.

use chrono::NaiveDate;

use crate::data::matcher::{CountryMatch, match_country};
use crate::data::timeline::{self, Timeline};
use crate::data::{AidDataset, Join, JoinIssue, Outlines, join, merge_same_outline};
use crate::geometry::projected::ProjectedMap;
use crate::geometry::projection::Projection;
use crate::scene::arcs::{Flow, FlowWidth, Flows, arcs_of};
use crate::scene::captions::Captions;
use crate::scene::classes::TeamClasses;
use crate::scene::donors::Donors;
use crate::scene::fill_value::{FillValue, members_of};
use crate::scene::label_choice::LabelChoice;
use crate::scene::model_build::{classes_for, drawn_destinations, has_origins, project};
use crate::scene::palette::Palette;

/// Teams the data records that the map cannot show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotShown {
    /// The country as the data names it.
    pub country: String,
    /// Its teams.
    pub teams: u32,
    /// Why it is not on the map.
    pub reason: &'static str,
}

/// The data of one map, ready to paint and hit-test.
pub struct MapModel {
    /// The country outlines.
    pub outlines: Outlines,
    /// The aid data set as it stood on [`MapModel::day`]: every team when no day is
    /// set.
    pub aid: AidDataset,
    /// The whole aid data set, every team whatever its date.
    pub full: AidDataset,
    /// The day shown; `None` for the whole data set (its claim's date, if it has one).
    pub day: Option<NaiveDate>,
    /// The one donor shown (an index into `donors`); `None` shows every donor's teams.
    pub donor: Option<usize>,
    /// The first day whose arrivals are news (outlined and named): the day itself,
    /// or, in an animation a week a frame, the day after the frame before.
    pub news_from: Option<NaiveDate>,
    /// The days the data covers; `None` when no team has a date.
    pub timeline: Option<Timeline>,
    /// Draw the arcs from senders to recipients (View → Flows, `--flows`); on when
    /// the data says where some team came from.
    pub show_flows: bool,
    /// The arcs of the day shown, and the teams without one.
    pub flows: Flows,
    /// Who sent the teams, most teams first (the whole data set's).
    pub donors: Donors,
    /// How much of the arcs of the day's news is drawn, from the sender on (1: all):
    /// while the timeline plays, and in an animation's frames, an arriving team's
    /// arc grows over its day.
    pub growth: f32,
    /// The user's title, subtitle and note for the picture.
    pub captions: Captions,
    /// The fills' palette (View → Palette, `--palette`); set it with
    /// [`MapModel::set_palette`], which has the fills redrawn.
    pub palette: Palette,
    /// Which countries are named on the map (View → Labels, `--labels`).
    pub labels: LabelChoice,
    /// What the fills stand for (View → Colour by, `--value`); set it with
    /// [`MapModel::set_value`], which makes the classes again.
    pub value: FillValue,
    /// Keep this many footer note lines even on a day with fewer to say: an animation
    /// some of whose frames have notes sets it, so that the map keeps its place.
    pub note_lines_kept: usize,
    /// What the arcs' widths stand for (View → Arc width, `--flow-width`).
    pub flow_width: FlowWidth,
    /// The most members any one entry of the whole data set reports: the widest arc
    /// when widths stand for members (0 where none is reported).
    pub max_members: u32,
    /// The countries whose arrivals are news on the day shown (see `news_from`),
    /// kept with the day: the map, the badges and the subtitle all ask each frame.
    news: Vec<usize>,
    /// Whether some team of the whole data set has a known sender place.
    origins_known: bool,
    /// How the data joined to the outlines.
    pub join: Join,
    /// The outlines in the current projection.
    pub projected: ProjectedMap,
    /// Shade classes of team counts.
    pub classes: TeamClasses,
    /// For each country (outline index), the destination that joined to it.
    pub destination_by_country: Vec<Option<usize>>,
    /// True when the outlines are the bundled Natural Earth ones (for the credit line).
    pub natural_earth: bool,
    /// For a model made for one picture: its width in pixels, which sets how much
    /// detail the outlines keep (see [`MapModel::for_picture`]); `None` keeps all.
    pixels_wide: Option<f32>,
    /// Changes whenever the outlines, data or projection do, so caches know to rebuild.
    pub generation: u64,
    /// Changes whenever the counts do (a new day on the timeline): fills and badges
    /// are redrawn, the shapes are kept.
    pub counts_generation: u64,
}

impl MapModel {
    /// Join, project and index `outlines` and `aid`, keeping every point of the
    /// outlines (for the window, which zooms in).
    pub fn new(
        outlines: Outlines,
        aid: AidDataset,
        projection: Projection,
        natural_earth: bool,
    ) -> Self {
        Self::build(outlines, aid, projection, natural_earth, None)
    }

    /// Like [`MapModel::new`], for pictures at most `pixels_wide` pixels wide (a PNG or
    /// an animation of the whole world): the outlines keep the detail a pixel can
    /// show, a quarter of one (at 1:10m, a tenth of the points).
    pub fn for_picture(
        outlines: Outlines,
        aid: AidDataset,
        projection: Projection,
        natural_earth: bool,
        pixels_wide: f32,
    ) -> Self {
        Self::build(outlines, aid, projection, natural_earth, Some(pixels_wide))
    }

    fn build(
        outlines: Outlines,
        aid: AidDataset,
        projection: Projection,
        natural_earth: bool,
        pixels_wide: Option<f32>,
    ) -> Self {
        let joined = join(&outlines, &aid);
        let (aid, join) = merge_same_outline(aid, joined);
        let projected = project(&outlines, projection, pixels_wide);
        let destination_by_country =
            drawn_destinations(&join, &projected, outlines.countries.len());
        let classes = classes_for(FillValue::Teams, &aid, &destination_by_country);
        let show_flows = has_origins(&aid);
        let donors = Donors::of(&aid, &outlines);
        let flows = arcs_of(&aid, &outlines, &destination_by_country, &donors);
        MapModel {
            outlines,
            timeline: Timeline::of(&aid),
            show_flows,
            flows,
            donors,
            flow_width: FlowWidth::Teams,
            growth: 1.0,
            note_lines_kept: 0,
            captions: Captions::default(),
            palette: Palette::default(),
            labels: LabelChoice::default(),
            value: FillValue::Teams,
            max_members: aid
                .destinations
                .iter()
                .flat_map(|d| &d.details)
                .filter_map(|t| t.members)
                .max()
                .unwrap_or(0),
            news: Vec::new(),
            origins_known: show_flows,
            full: aid.clone(),
            aid,
            day: None,
            donor: None,
            news_from: None,
            join,
            projected,
            classes,
            destination_by_country,
            natural_earth,
            pixels_wide,
            generation: next_generation(),
            counts_generation: next_generation(),
        }
    }

    /// Re-project for `projection` (no-op when it is the current one).
    pub fn set_projection(&mut self, projection: Projection) {
        if self.projected.projection != projection {
            self.projected = project(&self.outlines, projection, self.pixels_wide);
            self.destination_by_country =
                drawn_destinations(&self.join, &self.projected, self.outlines.countries.len());
            self.flows = arcs_of(
                &self.aid,
                &self.outlines,
                &self.destination_by_country,
                &self.donors,
            );
            self.news = self.news_of_day();
            self.generation = next_generation();
        }
    }

    /// Show the data as it stood at the end of `day` (`None`: the whole data set);
    /// the arrivals of that day are the news.
    pub fn set_day(&mut self, day: Option<NaiveDate>) {
        self.set_day_with_news(day, day);
    }

    /// Show `day`, with the arrivals from `news_from` to `day` as the news (a frame
    /// of an animation that steps several days).
    pub fn set_day_with_news(&mut self, day: Option<NaiveDate>, news_from: Option<NaiveDate>) {
        if self.day == day && self.news_from == news_from {
            return;
        }
        if self.day != day {
            self.day = day;
            self.derive_shown();
        }
        self.news_from = news_from;
        self.news = self.news_of_day();
        self.counts_generation = next_generation();
    }

    /// Show only the teams of the donor `donor` (an index into [`MapModel::donors`]),
    /// or every donor's (`None`). Counts, fills, badges, arcs, the subtitle and the
    /// pop-ups all follow; the colour classes stay those of the whole data set.
    pub fn set_donor(&mut self, donor: Option<usize>) {
        let donor = donor.filter(|&d| d < self.donors.len());
        if self.donor == donor {
            return;
        }
        self.donor = donor;
        self.derive_shown();
        self.news = self.news_of_day();
        self.counts_generation = next_generation();
    }

    /// Fill with `palette`: the fills are drawn anew (the mesh cache keeps colours until
    /// the counts' generation changes).
    pub fn set_palette(&mut self, palette: Palette) {
        if self.palette != palette {
            self.palette = palette;
            self.counts_generation = next_generation();
        }
    }

    /// Fill by `value`: the classes are made again from the whole data set, and the
    /// fills redrawn.
    pub fn set_value(&mut self, value: FillValue) {
        if self.value != value {
            self.value = value;
            self.classes = classes_for(value, &self.full, &self.destination_by_country);
            self.counts_generation = next_generation();
        }
    }

    /// What country `country`'s fill stands for on the day shown: `None` where it
    /// received no team; `Some(None)` where its members are not all reported (with
    /// [`FillValue::Members`]); else the number.
    pub fn value_of(&self, country: usize) -> Option<Option<u32>> {
        let destination = self
            .destination_by_country
            .get(country)
            .copied()
            .flatten()?;
        let destination = &self.aid.destinations[destination];
        if destination.teams == 0 {
            return None;
        }
        Some(match self.value {
            FillValue::Teams => Some(destination.teams),
            FillValue::Members => members_of(destination),
        })
    }

    /// The picture's title: the user's, else the data's.
    pub fn title(&self) -> &str {
        self.captions.title(&self.aid.title)
    }

    /// " from Cuba" while one donor is chosen (the window's Donor box, `--donor`), for
    /// the words that count teams; empty otherwise.
    pub fn donor_phrase(&self) -> String {
        self.donor
            .map(|d| format!(" from {}", self.donors.names[d]))
            .unwrap_or_default()
    }

    /// Works out `aid` and its arcs from the whole data set for the day and donor set.
    fn derive_shown(&mut self) {
        let by_day = match self.day {
            Some(day) => timeline::as_of(&self.full, day),
            None => self.full.clone(),
        };
        self.aid = match self.donor {
            Some(donor) => self.donors.only(by_day, donor),
            None => by_day,
        };
        self.flows = arcs_of(
            &self.aid,
            &self.outlines,
            &self.destination_by_country,
            &self.donors,
        );
    }

    /// True when `flow`'s team arrived on the day shown (or since `news_from`): its
    /// arc is news, and grows while [`MapModel::growth`] is below 1.
    pub fn is_news(&self, flow: &Flow) -> bool {
        let (Some(day), Some(arrived)) = (self.day, flow.arrived) else {
            return false;
        };
        let first = self.news_from.unwrap_or(day).min(day);
        first <= arrived && arrived <= day
    }

    /// How much of `flow`'s arc is drawn: [`MapModel::growth`] for news, else all.
    pub fn arc_growth(&self, flow: &Flow) -> f32 {
        match self.growth < 1.0 && self.is_news(flow) {
            true => self.growth.max(0.0),
            false => 1.0,
        }
    }

    /// True when the data says where some team came from: there are arcs to draw, or
    /// to say are missing.
    pub fn has_flows(&self) -> bool {
        self.origins_known
    }

    /// The day the map shows, for "as of …": the day set, else the timeline's last
    /// (the claim's date, or the last arrival where a team came after the claim),
    /// else the claim's date. Never a date before a team the map counts.
    pub fn shown_day(&self) -> Option<NaiveDate> {
        self.day
            .or_else(|| self.timeline.as_ref().map(|t| t.last))
            .or_else(|| self.aid.claim.as_ref().map(|claim| claim.as_of))
    }

    /// The countries (outline indices) a team arrived in on the day set (or since
    /// [`MapModel::news_from`]), if one is set.
    pub fn arrivals_today(&self) -> &[usize] {
        &self.news
    }

    /// Works out [`MapModel::arrivals_today`] for the day and projection set.
    fn news_of_day(&self) -> Vec<usize> {
        let Some(day) = self.day else {
            return Vec::new();
        };
        let first = self.news_from.unwrap_or(day).min(day);
        let arrived: Vec<usize> = timeline::arrivals_between(&self.aid, first, day).collect();
        (0..self.destination_by_country.len())
            .filter(|&c| self.destination_by_country[c].is_some_and(|d| arrived.contains(&d)))
            .collect()
    }

    /// The number of teams country `country` received (0 for none).
    pub fn teams_of(&self, country: usize) -> u32 {
        self.destination_by_country
            .get(country)
            .copied()
            .flatten()
            .map_or(0, |d| self.aid.destinations[d].teams)
    }

    /// The fill of country `country`: the palette's colour for the class of its value
    /// (teams or members), the "not fully reported" grey where its members are not all
    /// reported, or plain land when it received none. Every picture uses it.
    pub fn fill_of(&self, country: usize, style: &crate::scene::MapStyle) -> egui::Color32 {
        match self.value_of(country) {
            None => style.land,
            Some(None) => style.unreported,
            Some(Some(value)) => self.class_color(self.classes.class_of(value), style),
        }
    }

    /// The fill of the class `class` of team counts, in the palette chosen.
    pub fn class_color(&self, class: usize, style: &crate::scene::MapStyle) -> egui::Color32 {
        self.palette.color(style, class, self.classes.len())
    }

    /// Teams and countries on the map: only what joined to an outline counts.
    pub fn drawn_totals(&self) -> (u32, u32) {
        let teams = self.recipients().map(|c| self.teams_of(c)).sum();
        (teams, self.recipients().count() as u32)
    }

    /// The donors (indices into [`MapModel::donors`]) of the teams the map draws on
    /// the day shown, most teams first, and how many of those teams have no known
    /// donor (a `from` that names no country, or none).
    pub fn drawn_donors(&self) -> (Vec<usize>, u32) {
        let mut drawn = vec![false; self.donors.len()];
        let mut unknown = 0u32;
        for country in self.recipients() {
            let Some(destination) = self.destination_by_country[country] else {
                continue;
            };
            for team in self.aid.destinations[destination].details.iter() {
                match self.donors.index_of(&self.aid, team) {
                    _ if team.count == 0 => {}
                    Some(donor) => drawn[donor] = true,
                    None => unknown = unknown.saturating_add(team.count),
                }
            }
        }
        ((0..drawn.len()).filter(|&d| drawn[d]).collect(), unknown)
    }

    /// The destinations with teams that are not on the map, and why, in data order.
    pub fn not_shown(&self) -> Vec<NotShown> {
        let mut issues = self.join.issues.iter();
        self.aid
            .destinations
            .iter()
            .zip(&self.join.matches)
            .filter_map(|(destination, matched)| {
                let reason = match matched {
                    Some(country) if self.destination_by_country[*country].is_some() => {
                        return None;
                    }
                    Some(_) => "its outline is outside what this projection shows",
                    None => match issues.next() {
                        Some(JoinIssue::Ambiguous { .. }) => "its name fits several countries",
                        _ => "no matching outline",
                    },
                };
                (destination.teams > 0).then(|| NotShown {
                    country: destination.country.clone(),
                    teams: destination.teams,
                    reason,
                })
            })
            .collect()
    }

    /// Indices of the countries that received at least one team.
    pub fn recipients(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.outlines.countries.len()).filter(|&c| self.teams_of(c) > 0)
    }

    /// Which country `text` (a name or code) means, by the same rules as the join:
    /// exact codes, names and aliases only, every candidate where several fit.
    pub fn find_country(&self, text: &str) -> CountryMatch {
        match_country(&self.outlines.countries, text)
    }
}

fn next_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
