//! The donors of a data set: the countries that sent the teams (a CSV's `from`, or
//! the data's provider), each drawn in its own hue where there are several. Donors are ordered by
//! the teams they sent, most first, so the hues go to the biggest; donors beyond the
//! palette share one grey, and the legend says how many.

use std::collections::HashMap;

use crate::data::aid::donor_key;
use crate::data::country_names::alpha3_of;
use crate::data::{AidDataset, Outlines};

/// The donors of a data set, most teams first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Donors {
    /// Each donor's key ([`donor_key`]).
    keys: Vec<String>,
    /// Each donor's name for the legend and pop-ups ("China").
    pub names: Vec<String>,
    /// Teams each donor sent, in the whole data set.
    pub teams: Vec<u32>,
    /// Every way the data writes a donor ("CHN", "China"), to its index: asked for
    /// each team every frame, it must not resolve names each time.
    by_text: HashMap<String, usize>,
    /// Teams of no known donor in the whole data set (none named, or a name that is
    /// no country).
    pub unknown: u32,
}

impl Donors {
    /// The donors of `aid` (every team, whatever its day), named as the outlines name
    /// their countries where they can ("China" for "CHN"), else as the data does.
    /// Each way of writing a donor is resolved once.
    pub fn of(aid: &AidDataset, outlines: &Outlines) -> Donors {
        let mut found: Vec<(String, String, u32)> = Vec::new();
        let mut key_of_text: HashMap<&str, Option<String>> = HashMap::new();
        for team in aid.destinations.iter().flat_map(|d| &d.details) {
            // Only a country is a donor: a name that is none ("Atlantis") or could be
            // two ("Congo") is not counted as one (`check` lists it with its row).
            let Some(donor) = aid.donor_of(team) else {
                continue;
            };
            let key = key_of_text.entry(donor).or_insert_with(|| alpha3_of(donor));
            let Some(key) = key.clone() else {
                continue;
            };
            match found.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, _, teams)) => *teams = teams.saturating_add(team.count),
                None => {
                    let name = outlines
                        .countries
                        .iter()
                        .find(|c| c.iso_a3.as_deref() == Some(key.as_str()))
                        .map_or_else(|| donor.trim().to_string(), |c| c.name.clone());
                    found.push((key, name, team.count));
                }
            }
        }
        // Most teams first; a stable sort keeps the data's order among equals.
        found.sort_by_key(|d| std::cmp::Reverse(d.2));
        let keys: Vec<String> = found.iter().map(|(k, _, _)| k.clone()).collect();
        let by_text = key_of_text
            .into_iter()
            .filter_map(|(text, key)| {
                let index = keys.iter().position(|k| Some(k) == key.as_ref())?;
                Some((text.to_string(), index))
            })
            .collect();
        let all: u32 = aid.destinations.iter().map(|d| d.teams).sum();
        let known: u32 = found.iter().map(|(_, _, t)| *t).sum();
        Donors {
            keys,
            names: found.iter().map(|(_, n, _)| n.clone()).collect(),
            teams: found.iter().map(|(_, _, t)| *t).collect(),
            by_text,
            unknown: all.saturating_sub(known),
        }
    }

    /// The index of the donor of `team` (of the data set `aid`).
    pub fn index_of(&self, aid: &AidDataset, team: &crate::data::aid::Team) -> Option<usize> {
        self.by_text.get(aid.donor_of(team)?).copied()
    }

    /// `aid` with only the teams of the donor `donor`: each destination keeps the
    /// teams that donor sent (none, for the others).
    pub fn only(&self, mut aid: AidDataset, donor: usize) -> AidDataset {
        let provider = aid.provider.clone();
        for destination in &mut aid.destinations {
            destination.details.retain(|team| {
                let named = team
                    .donor
                    .as_deref()
                    .or(provider.as_ref().map(|p| p.country.as_str()));
                named.and_then(|text| self.by_text.get(text)) == Some(&donor)
            });
            destination.teams = destination
                .details
                .iter()
                .map(|t| t.count)
                .fold(0, u32::saturating_add);
        }
        aid
    }

    /// The donor `text` names: by its country (a code or any name of it), or by the
    /// name shown, in any letter case.
    pub fn find(&self, text: &str) -> Option<usize> {
        let key = donor_key(text);
        self.keys.iter().position(|k| *k == key).or_else(|| {
            self.names
                .iter()
                .position(|n| n.to_lowercase() == text.trim().to_lowercase())
        })
    }

    /// How many donors there are.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when the data names no donor.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// True when the teams came from more than one donor.
    pub fn several(&self) -> bool {
        self.keys.len() > 1
    }

    /// True when donors are told apart on the map: arcs get a hue each, the legend a
    /// line each, and teams of no known donor their own grey. So with several donors,
    /// and with one donor whose teams are not all the teams (one hue would make the
    /// unknown donor's arcs read as that donor's).
    pub fn told_apart(&self) -> bool {
        self.several() || (self.len() == 1 && self.unknown > 0)
    }
}
