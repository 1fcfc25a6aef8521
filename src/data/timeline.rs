//! Time in an aid data set: the days teams arrived, and the data set as it stood on
//! any one day. Teams without an arrival date count from the start (the data cannot
//! say when they came, and leaving them out would hide them); `aidmap check` says how
//! many there are.

use chrono::NaiveDate;

use crate::data::aid::{AidDataset, Destination};

/// The span of days a data set covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The first arrival.
    pub first: NaiveDate,
    /// The claim's date, or the last arrival where that is later (or there is no
    /// claim): the day the whole data set is in.
    pub last: NaiveDate,
    /// Each day a team arrived, in order, once.
    pub arrival_days: Vec<NaiveDate>,
    /// Teams with no arrival date.
    pub undated_teams: u32,
}

impl Timeline {
    /// The timeline of `aid`; `None` when no team has an arrival date.
    pub fn of(aid: &AidDataset) -> Option<Timeline> {
        let mut days: Vec<NaiveDate> = teams(aid).filter_map(|(_, arrived)| arrived).collect();
        days.sort_unstable();
        days.dedup();
        let first = *days.first()?;
        let last_arrival = *days.last()?;
        let last = aid
            .claim
            .as_ref()
            .map_or(last_arrival, |claim| claim.as_of.max(last_arrival));
        Some(Timeline {
            first,
            last,
            arrival_days: days,
            undated_teams: undated_teams(aid),
        })
    }

    /// The number of days from the first to the last, both included.
    pub fn day_count(&self) -> u32 {
        days_between(self.first, self.last) + 1
    }

    /// The day `offset` days after the first, at most the last.
    pub fn day_at(&self, offset: u32) -> NaiveDate {
        let day = self
            .first
            .checked_add_days(chrono::Days::new(u64::from(offset)))
            .unwrap_or(self.last);
        day.min(self.last)
    }

    /// Days from the first to `day` (0 before the first, at most the last's offset).
    pub fn offset_of(&self, day: NaiveDate) -> u32 {
        days_between(self.first, day.clamp(self.first, self.last))
    }

    /// True when a team arrived on `day`.
    pub fn is_arrival_day(&self, day: NaiveDate) -> bool {
        self.arrival_days.binary_search(&day).is_ok()
    }
}

/// Whole days from `from` to `to` (0 when `to` is not later).
fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days().max(0)).unwrap_or(u32::MAX)
}

/// Every team entry's count and arrival date.
fn teams(aid: &AidDataset) -> impl Iterator<Item = (u32, Option<NaiveDate>)> + '_ {
    aid.destinations
        .iter()
        .flat_map(|d| d.details.iter().map(|t| (t.count, t.arrived)))
}

/// Teams with no arrival date: entries without one, and teams a destination counts
/// beyond its entries.
pub fn undated_teams(aid: &AidDataset) -> u32 {
    aid.destinations
        .iter()
        .map(|d| d.teams.saturating_sub(dated_teams(d)))
        .fold(0u32, u32::saturating_add)
}

fn dated_teams(destination: &Destination) -> u32 {
    destination
        .details
        .iter()
        .filter(|t| t.arrived.is_some())
        .map(|t| t.count)
        .fold(0u32, u32::saturating_add)
}

/// `aid` as it stood at the end of `day`: the teams that had arrived by then (and
/// those with no date), each destination kept (with 0 teams where none had yet), so
/// that indices into `destinations` stay valid.
pub fn as_of(aid: &AidDataset, day: NaiveDate) -> AidDataset {
    let mut state = aid.clone();
    for destination in &mut state.destinations {
        let later: u32 = destination
            .details
            .iter()
            .filter(|t| t.arrived.is_some_and(|arrived| arrived > day))
            .map(|t| t.count)
            .fold(0u32, u32::saturating_add);
        destination.teams = destination.teams.saturating_sub(later);
        destination
            .details
            .retain(|t| t.arrived.is_none_or(|arrived| arrived <= day));
    }
    state
}

/// The destinations (indices) a team arrived in on `day`.
pub fn arrivals_on(aid: &AidDataset, day: NaiveDate) -> impl Iterator<Item = usize> + '_ {
    arrivals_between(aid, day, day)
}

/// The destinations (indices) a team arrived in from `first` to `last`, both included.
pub fn arrivals_between(
    aid: &AidDataset,
    first: NaiveDate,
    last: NaiveDate,
) -> impl Iterator<Item = usize> + '_ {
    let within = move |day: Option<NaiveDate>| day.is_some_and(|d| first <= d && d <= last);
    aid.destinations
        .iter()
        .enumerate()
        .filter(move |(_, d)| d.details.iter().any(|t| t.count > 0 && within(t.arrived)))
        .map(|(index, _)| index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundled;

    fn day(text: &str) -> NaiveDate {
        crate::data::date::parse(text).unwrap()
    }

    #[test]
    fn the_bundled_teams_arrive_from_29_february_to_the_claim_of_9_april() {
        let aid = bundled::aid_data().unwrap();
        let timeline = Timeline::of(&aid).unwrap();
        assert_eq!(timeline.first, day("2020-02-29"));
        assert_eq!(timeline.last, day("2020-04-09"));
        assert_eq!(timeline.day_count(), 41);
        assert_eq!(timeline.undated_teams, 0);
        assert!(timeline.is_arrival_day(day("2020-03-21")));
        assert!(!timeline.is_arrival_day(day("2020-03-22")));
        assert_eq!(timeline.day_at(0), timeline.first);
        assert_eq!(timeline.day_at(40), timeline.last);
        assert_eq!(timeline.day_at(400), timeline.last);
        assert_eq!(timeline.offset_of(day("2020-03-01")), 1);
        assert_eq!(timeline.offset_of(day("2019-01-01")), 0);
    }

    #[test]
    fn on_21_march_five_teams_had_reached_four_countries() {
        let aid = bundled::aid_data().unwrap();
        let state = as_of(&aid, day("2020-03-21"));
        assert_eq!(state.total_teams(), 5);
        assert_eq!(state.country_count(), 4);
        assert_eq!(state.destinations.len(), aid.destinations.len());
        let italy = state
            .destinations
            .iter()
            .find(|d| d.country == "ITA")
            .unwrap();
        assert_eq!(italy.teams, 2);
        assert_eq!(italy.details.len(), 2);
        let serbia: Vec<usize> = arrivals_on(&state, day("2020-03-21")).collect();
        assert_eq!(state.destinations[serbia[0]].country, "SRB");
        assert_eq!(serbia.len(), 1);
    }

    #[test]
    fn before_the_first_arrival_nothing_and_after_the_claim_everything() {
        let aid = bundled::aid_data().unwrap();
        assert_eq!(as_of(&aid, day("2020-01-01")).total_teams(), 0);
        assert_eq!(as_of(&aid, day("2021-01-01")), aid);
    }

    #[test]
    fn teams_without_a_date_count_from_the_start() {
        let mut aid = bundled::aid_data().unwrap();
        aid.destinations[0].details[0].arrived = None;
        let counted_before_all = as_of(&aid, day("2019-01-01")).total_teams();
        assert_eq!(counted_before_all, aid.destinations[0].details[0].count);
        assert_eq!(undated_teams(&aid), 1);
        // A destination counting more teams than it has entries: the rest are undated.
        aid.destinations[1].teams += 2;
        assert_eq!(undated_teams(&aid), 3);
        assert_eq!(as_of(&aid, day("2019-01-01")).total_teams(), 3);
    }

    #[test]
    fn a_data_set_without_dates_has_no_timeline() {
        let mut aid = bundled::aid_data().unwrap();
        for destination in &mut aid.destinations {
            for team in &mut destination.details {
                team.arrived = None;
            }
        }
        assert_eq!(Timeline::of(&aid), None);
    }
}
