//! The bundled places (each team's arrival city, each sender's seat): every one the
//! data names has coordinates, and each lies inside its country's outline.

use aidmap::data::bundled;
use geo::{Contains, Distance, Euclidean, Point};

/// How far outside its generalised 1:50m outline a city may lie, in degrees (about
/// 5 km): Natural Earth 1:50m smooths coasts by a few kilometres, and Fuzhou, on the
/// Min estuary, lies half a kilometre outside China's.
const COASTLINE_SLACK: f64 = 0.05;

/// `point` is inside `outline`, or within [`COASTLINE_SLACK`] of it.
fn within(outline: &geo::MultiPolygon<f64>, point: Point<f64>) -> bool {
    outline.contains(&point) || Euclidean.distance(&point, outline) < COASTLINE_SLACK
}

/// The bundled 1:50m outline of the country with ISO alpha-3 `code`.
fn outline_of(outlines: &aidmap::data::Outlines, code: &str) -> geo::MultiPolygon<f64> {
    outlines
        .countries
        .iter()
        .find(|c| c.iso_a3.as_deref() == Some(code))
        .map(|c| c.shape.clone())
        .unwrap_or_else(|| panic!("no outline for {code}"))
}

#[test]
fn every_arrival_city_lies_inside_its_recipient_and_every_seat_inside_china() {
    let outlines = bundled::outlines().unwrap();
    let aid = bundled::aid_data().unwrap();
    let places = bundled::places().unwrap();
    assert!(places.source.contains("GeoNames"), "{}", places.source);
    let china = outline_of(&outlines, "CHN");
    let mut checked = 0;
    for destination in &aid.destinations {
        let country = outline_of(&outlines, &destination.country);
        for team in &destination.details {
            if let Some(place) = &team.place {
                let city = places
                    .arrival(place)
                    .unwrap_or_else(|| panic!("no coordinates for {place}"));
                let point = Point::new(city.lon, city.lat);
                assert!(
                    country.contains(&point),
                    "{place} is not in {}",
                    destination.country
                );
                checked += 1;
            }
            let sender = team.sent_by.as_deref().unwrap();
            let seat = places
                .seat(sender)
                .unwrap_or_else(|| panic!("no seat for {sender}"));
            assert!(within(&china, Point::new(seat.lon, seat.lat)), "{sender}");
            checked += 1;
        }
    }
    // Eleven arrival places (Venezuela's is not reported) and twelve senders.
    assert_eq!(checked, 23);
    assert_eq!(places.seat("Fujian province").unwrap().city, "Fuzhou");
    assert!(
        (places.seat("Fujian province").unwrap().lat - 26.06).abs() < 0.01,
        "Fujian's Fuzhou"
    );
    assert_eq!(places.arrival("Rome Fiumicino").unwrap().city, "Rome");
    // Only coastal cities need the slack: the others lie well inside.
    let tehran = places.arrival("Tehran").unwrap();
    assert!(outline_of(&outlines, "IRN").contains(&Point::new(tehran.lon, tehran.lat)));
}
