//! The one matcher from what a person types to the outlines: used by Find in the
//! window, by `--select`, and by the data join, so the three never disagree. Exact
//! ISO codes (alpha-2, alpha-3, numeric), names and aliases, case- and
//! accent-insensitive; never a prefix, never the closest spelling. A name that stands
//! for several countries ("Congo") yields every candidate, for the caller to show.

use std::collections::HashMap;

use crate::data::country_names::{self, Resolved};
use crate::data::outline::Country;

/// A country a text could mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its name (the outline's, or the ISO name when no outline has it).
    pub name: String,
    /// Its ISO alpha-3 code, where known.
    pub code: Option<String>,
    /// The outline it is drawn with, if any.
    pub outline: Option<usize>,
}

impl std::fmt::Display for Candidate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{} ({code})", self.name),
            None => write!(f, "{}", self.name),
        }
    }
}

/// What a text matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountryMatch {
    /// Exactly one outline.
    One(usize),
    /// Several countries: the caller shows them and lets the user choose.
    Several(Vec<Candidate>),
    /// Nothing. `known` is the country the text names when the outlines lack it.
    None {
        /// The ISO name and code of a country the text names that has no outline.
        known: Option<Candidate>,
    },
}

impl CountryMatch {
    /// The outline, when exactly one matched.
    pub fn one(&self) -> Option<usize> {
        match self {
            CountryMatch::One(index) => Some(*index),
            _ => None,
        }
    }
}

/// The message for a text that matched several countries:
/// "Congo: Republic of the Congo (COG) or Democratic Republic of the Congo (COD)?".
pub fn several_message(text: &str, candidates: &[Candidate]) -> String {
    let names: Vec<String> = candidates.iter().map(Candidate::to_string).collect();
    format!("{}: {}?", text.trim(), or_list(&names))
}

/// "A, B or C".
pub fn or_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

/// Which of `countries` `text` means (for one question; to ask many, build a
/// [`CountryIndex`] once).
pub fn match_country(countries: &[Country], text: &str) -> CountryMatch {
    CountryIndex::new(countries).find(text)
}

/// The outlines' codes and names, looked up by hash: a data set of 60,000 rows is
/// joined in one pass, not 60,000 passes over every outline's names.
pub struct CountryIndex<'a> {
    countries: &'a [Country],
    /// Outlines by ISO alpha-3 code.
    by_code: HashMap<&'a str, Vec<usize>>,
    /// Outlines by each of their names, normalised.
    by_name: HashMap<String, Vec<usize>>,
    /// For each outline, the codes its own names resolve to.
    name_codes: Vec<Vec<String>>,
}

impl<'a> CountryIndex<'a> {
    /// Index `countries`.
    pub fn new(countries: &'a [Country]) -> Self {
        let mut by_code: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut name_codes = Vec::with_capacity(countries.len());
        for (i, country) in countries.iter().enumerate() {
            if let Some(code) = country.iso_a3.as_deref() {
                by_code.entry(code).or_default().push(i);
            }
            let names = country.names.iter().chain(std::iter::once(&country.name));
            let mut keys: Vec<String> = names.map(|n| country_names::normalized(n)).collect();
            keys.sort();
            keys.dedup();
            for key in keys.into_iter().filter(|k| !k.is_empty()) {
                by_name.entry(key).or_default().push(i);
            }
            name_codes.push(
                country
                    .names
                    .iter()
                    .filter_map(|n| country_names::alpha3_of(n))
                    .collect(),
            );
        }
        CountryIndex {
            countries,
            by_code,
            by_name,
            name_codes,
        }
    }

    /// Which outline `text` means.
    pub fn find(&self, text: &str) -> CountryMatch {
        match country_names::resolve(text) {
            Resolved::Country(code) => self.by_code(&code, text),
            Resolved::Ambiguous(candidates) => CountryMatch::Several(
                candidates
                    .iter()
                    .map(|(code, name)| Candidate {
                        name: name.to_string(),
                        code: Some(code.to_string()),
                        outline: self.by_code.get(code).and_then(|v| v.first().copied()),
                    })
                    .collect(),
            ),
            Resolved::Unknown => self.by_name(text),
        }
    }

    /// The outlines with ISO code `code`; where several share it (Australia and the
    /// Ashmore and Cartier Islands), the one whose own name is that country.
    fn by_code(&self, code: &str, text: &str) -> CountryMatch {
        let with_code = self.by_code.get(code).cloned().unwrap_or_default();
        // Map-unit files give England, Scotland, Wales and Northern Ireland one code
        // each (GBR): a text that is one feature's own name means that feature.
        if with_code.len() > 1
            && let CountryMatch::One(named) = self.by_name(text)
        {
            return CountryMatch::One(named);
        }
        let named: Vec<usize> = with_code
            .iter()
            .copied()
            .filter(|&i| self.name_codes[i].iter().any(|c| c == code))
            .collect();
        let narrowed = if named.is_empty() { with_code } else { named };
        match narrowed.as_slice() {
            [] => match self.by_name(text) {
                CountryMatch::None { .. } => CountryMatch::None {
                    known: Some(Candidate {
                        name: country_names::name_of(code),
                        code: Some(code.to_string()),
                        outline: None,
                    }),
                },
                found => found,
            },
            [only] => CountryMatch::One(*only),
            // Several outlines carry the code and the country's name (the parts of the
            // United Kingdom in a map-unit file): none of them is the whole country,
            // so the user chooses.
            several => self.several(several),
        }
    }

    /// Outlines one of whose names is `text`, letter for letter after normalising.
    fn by_name(&self, text: &str) -> CountryMatch {
        let found = self
            .by_name
            .get(&country_names::normalized(text))
            .cloned()
            .unwrap_or_default();
        match found.as_slice() {
            [] => CountryMatch::None { known: None },
            [only] => CountryMatch::One(*only),
            several => self.several(several),
        }
    }

    /// The outlines `indices` as candidates to choose from.
    fn several(&self, indices: &[usize]) -> CountryMatch {
        CountryMatch::Several(
            indices
                .iter()
                .map(|&i| Candidate {
                    name: self.countries[i].name.clone(),
                    code: self.countries[i].iso_a3.clone(),
                    outline: Some(i),
                })
                .collect(),
        )
    }
}
