//! Map projections, forward (longitude/latitude in degrees → plane) and inverse, on the
//! unit sphere (x to the east, y to the north). Equal Earth is the default; Natural
//! Earth I, Equirectangular and Mercator are the usual others. The formulas are short
//! and well published (references on each), and reference values from PROJ (pyproj)
//! check them in the tests; no projection crate handles all four without C PROJ.

use std::f64::consts::{FRAC_PI_2, PI};

/// Mercator stops at ±85° latitude (the usual web-map limit is 85.0511°).
pub const MERCATOR_MAX_LATITUDE: f64 = 85.0;

/// A world map projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Projection {
    /// Equal Earth (Šavrič, Patterson, Jenny 2018): equal-area, pleasing shapes.
    #[default]
    EqualEarth,
    /// Natural Earth I (Šavrič et al. 2011): a compromise projection.
    NaturalEarth1,
    /// Equirectangular (plate carrée): longitude and latitude as x and y.
    Equirectangular,
    /// Mercator, clipped at ±85° latitude.
    Mercator,
}

impl Projection {
    /// Every projection, in menu order.
    pub const ALL: [Projection; 4] = [
        Projection::EqualEarth,
        Projection::NaturalEarth1,
        Projection::Equirectangular,
        Projection::Mercator,
    ];

    /// The name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Projection::EqualEarth => "Equal Earth",
            Projection::NaturalEarth1 => "Natural Earth I",
            Projection::Equirectangular => "Equirectangular",
            Projection::Mercator => "Mercator",
        }
    }

    /// The short name used on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Projection::EqualEarth => "equal-earth",
            Projection::NaturalEarth1 => "natural-earth",
            Projection::Equirectangular => "equirectangular",
            Projection::Mercator => "mercator",
        }
    }

    /// The projection with command-line name `key`.
    pub fn from_key(key: &str) -> Option<Projection> {
        Projection::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Project longitude/latitude (degrees) to the plane of the unit sphere.
    pub fn forward(self, lon: f64, lat: f64) -> [f64; 2] {
        let lambda = lon.to_radians();
        let phi = lat.to_radians();
        match self {
            Projection::EqualEarth => equal_earth::forward(lambda, phi),
            Projection::NaturalEarth1 => natural_earth::forward(lambda, phi),
            Projection::Equirectangular => [lambda, phi],
            Projection::Mercator => {
                let phi = phi.clamp(
                    -MERCATOR_MAX_LATITUDE.to_radians(),
                    MERCATOR_MAX_LATITUDE.to_radians(),
                );
                [lambda, (PI / 4.0 + phi / 2.0).tan().ln()]
            }
        }
    }

    /// Longitude/latitude (degrees) of a point of the plane, or `None` outside the map.
    pub fn inverse(self, x: f64, y: f64) -> Option<[f64; 2]> {
        let (lambda, phi) = match self {
            Projection::EqualEarth => equal_earth::inverse(x, y)?,
            Projection::NaturalEarth1 => natural_earth::inverse(x, y)?,
            Projection::Equirectangular => (x, y),
            Projection::Mercator => (x, 2.0 * y.exp().atan() - FRAC_PI_2),
        };
        let (lon, lat) = (lambda.to_degrees(), phi.to_degrees());
        let limit = if self == Projection::Mercator {
            MERCATOR_MAX_LATITUDE + 1e-9
        } else {
            90.0 + 1e-9
        };
        (lon.abs() <= 180.0 + 1e-9 && lat.abs() <= limit && lon.is_finite() && lat.is_finite())
            .then_some([lon, lat])
    }

    /// The bounds of the whole world in the plane: `[min_x, min_y, max_x, max_y]`.
    pub fn world_bounds(self) -> [f64; 4] {
        let [max_x, _] = self.forward(180.0, 0.0);
        let top = if self == Projection::Mercator {
            MERCATOR_MAX_LATITUDE
        } else {
            90.0
        };
        let [_, max_y] = self.forward(0.0, top);
        [-max_x, -max_y, max_x, max_y]
    }
}

/// Equal Earth, after Šavrič, Patterson & Jenny (2018), "The Equal Earth map
/// projection", IJGIS 33(3); the same polynomial as PROJ's `eqearth` on a sphere.
mod equal_earth {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;

    fn m() -> f64 {
        3f64.sqrt() / 2.0
    }

    fn y_of(theta: f64) -> f64 {
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    }

    fn dy_of(theta: f64) -> f64 {
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)
    }

    pub fn forward(lambda: f64, phi: f64) -> [f64; 2] {
        let theta = (m() * phi.sin()).asin();
        [lambda * theta.cos() / (m() * dy_of(theta)), y_of(theta)]
    }

    pub fn inverse(x: f64, y: f64) -> Option<(f64, f64)> {
        // Newton's method for theta, as in the paper.
        let mut theta = y;
        for _ in 0..20 {
            let delta = (y_of(theta) - y) / dy_of(theta);
            theta -= delta;
            if delta.abs() < 1e-13 {
                break;
            }
        }
        let sin_phi = theta.sin() / m();
        if !(-1.0 - 1e-12..=1.0 + 1e-12).contains(&sin_phi) {
            return None;
        }
        let lambda = m() * x * dy_of(theta) / theta.cos();
        Some((lambda, sin_phi.clamp(-1.0, 1.0).asin()))
    }
}

/// Natural Earth I, after Šavrič, Jenny, Patterson, Petrovič & Hurni (2011), "A
/// polynomial equation for the Natural Earth projection"; as PROJ's `natearth`.
mod natural_earth {
    const A0: f64 = 0.8707;
    const A1: f64 = -0.131979;
    const A2: f64 = -0.013791;
    const A3: f64 = 0.003971;
    const A4: f64 = -0.001529;
    const B0: f64 = 1.007226;
    const B1: f64 = 0.015085;
    const B2: f64 = -0.044475;
    const B3: f64 = 0.028874;
    const B4: f64 = -0.005916;

    fn x_factor(phi: f64) -> f64 {
        let p2 = phi * phi;
        let p4 = p2 * p2;
        A0 + p2 * (A1 + p2 * (A2 + p4 * p2 * (A3 + p2 * A4)))
    }

    fn y_of(phi: f64) -> f64 {
        let p2 = phi * phi;
        let p4 = p2 * p2;
        phi * (B0 + p2 * (B1 + p4 * (B2 + p2 * B3 + p4 * B4)))
    }

    fn dy_of(phi: f64) -> f64 {
        let p2 = phi * phi;
        let p4 = p2 * p2;
        B0 + p2 * (3.0 * B1 + p4 * (7.0 * B2 + 9.0 * p2 * B3 + 11.0 * p4 * B4))
    }

    pub fn forward(lambda: f64, phi: f64) -> [f64; 2] {
        [lambda * x_factor(phi), y_of(phi)]
    }

    pub fn inverse(x: f64, y: f64) -> Option<(f64, f64)> {
        let max_y = y_of(std::f64::consts::FRAC_PI_2);
        if y.abs() > max_y + 1e-12 {
            return None;
        }
        let mut phi = y;
        for _ in 0..30 {
            let delta = (y_of(phi) - y) / dy_of(phi);
            phi -= delta;
            if delta.abs() < 1e-13 {
                break;
            }
        }
        Some((x / x_factor(phi), phi))
    }
}
