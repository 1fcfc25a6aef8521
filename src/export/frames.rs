//! Which days an animation shows and for how long: `--from`, `--to`, `--step-days`,
//! `--fps` and `--hold`, checked before any frame is drawn.

use chrono::NaiveDate;

use crate::data::Timeline;

/// The most frames an animation may have: at 1600×800 about a minute of work. A range
/// of years a day at a time is refused with a hint, not ground through for hours.
pub const MAX_FRAMES: usize = 1000;
/// Frames per second unless `--fps` says otherwise.
pub const DEFAULT_FPS: f32 = 4.0;
/// Seconds the last frame stays unless `--hold` says otherwise.
pub const DEFAULT_HOLD: f32 = 2.0;

/// The animation options as given; `None` where the default applies.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FrameOptions {
    /// The first day shown (default: the first arrival).
    pub from: Option<NaiveDate>,
    /// The last day shown (default: the claim's date, or the last arrival).
    pub to: Option<NaiveDate>,
    /// Days from one frame to the next (default 1).
    pub step_days: Option<u32>,
    /// Frames per second (default 4).
    pub fps: Option<f32>,
    /// Seconds on the last frame (default 2).
    pub hold: Option<f32>,
}

impl FrameOptions {
    /// The options that were given, by their command-line names.
    pub fn given(&self) -> Vec<&'static str> {
        [
            ("--from", self.from.is_some()),
            ("--to", self.to.is_some()),
            ("--step-days", self.step_days.is_some()),
            ("--fps", self.fps.is_some()),
            ("--hold", self.hold.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, given)| given.then_some(name))
        .collect()
    }

    /// Frames per second.
    pub fn fps(&self) -> f32 {
        self.fps.unwrap_or(DEFAULT_FPS)
    }

    /// Seconds the last frame stays.
    pub fn hold(&self) -> f32 {
        self.hold.unwrap_or(DEFAULT_HOLD)
    }

    /// Ranges and order, each error naming its option.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(fps) = self.fps
            && !(fps.is_finite() && (0.1..=60.0).contains(&fps))
        {
            return Err(format!("--fps {fps} is out of range (0.1 to 60)"));
        }
        if let Some(hold) = self.hold
            && !(hold.is_finite() && (0.0..=60.0).contains(&hold))
        {
            return Err(format!("--hold {hold} is out of range (0 to 60 seconds)"));
        }
        if let Some(step) = self.step_days
            && !(1..=3660).contains(&step)
        {
            return Err(format!("--step-days {step} is out of range (1 to 3660)"));
        }
        if let (Some(from), Some(to)) = (self.from, self.to)
            && from > to
        {
            return Err(format!("--from {from} is after --to {to}"));
        }
        Ok(())
    }

    /// The days to draw, one a frame: from `--from` (or the first arrival) to `--to`
    /// (or the timeline's last day) every `--step-days` days; the last day is always
    /// drawn, so the animation ends on the whole picture.
    pub fn days(&self, timeline: Option<&Timeline>) -> Result<Vec<NaiveDate>, String> {
        self.validate()?;
        let from = self.from.or(timeline.map(|t| t.first));
        let to = self.to.or(timeline.map(|t| t.last));
        let (Some(from), Some(to)) = (from, to) else {
            return Err(
                "the data has no arrival dates, so there is nothing to animate: \
                 give --from and --to, or export a still picture"
                    .to_string(),
            );
        };
        if from > to {
            return Err(match (self.from, self.to) {
                (Some(from), None) => {
                    format!("--from {from} is after the data's last day, {to}: give --to as well")
                }
                (None, Some(to)) => {
                    format!("--to {to} is before the data's first day, {from}: give --from as well")
                }
                _ => format!("--from {from} is after --to {to}"),
            });
        }
        let step = i64::from(self.step_days.unwrap_or(1));
        let span = (to - from).num_days();
        let count = usize::try_from(span / step + 1).unwrap_or(usize::MAX);
        if count > MAX_FRAMES {
            return Err(format!(
                "{from} to {to} a frame every {step} days is {count} frames; an animation \
                 may have at most {MAX_FRAMES} (raise --step-days or shorten --from/--to)"
            ));
        }
        let mut days: Vec<NaiveDate> = (0..count as i64)
            .filter_map(|k| from.checked_add_signed(chrono::Duration::days(k * step)))
            .collect();
        if days.last() != Some(&to) {
            days.push(to);
        }
        Ok(days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundled;

    fn day(text: &str) -> NaiveDate {
        crate::data::date::parse(text).unwrap()
    }

    #[test]
    fn the_bundled_data_animates_in_41_days_ending_on_the_claim() {
        let timeline = Timeline::of(&bundled::aid_data().unwrap()).unwrap();
        let days = FrameOptions::default().days(Some(&timeline)).unwrap();
        assert_eq!(days.len(), 41);
        assert_eq!(days[0], day("2020-02-29"));
        assert_eq!(days[40], day("2020-04-09"));
        let weekly = FrameOptions {
            step_days: Some(7),
            ..FrameOptions::default()
        };
        let days = weekly.days(Some(&timeline)).unwrap();
        assert_eq!(days.len(), 7, "6 weeks and the claim's day: {days:?}");
        assert_eq!(days.last(), Some(&day("2020-04-09")));
    }

    #[test]
    fn bad_ranges_are_errors_naming_the_option() {
        let timeline = Timeline::of(&bundled::aid_data().unwrap()).unwrap();
        let reversed = FrameOptions {
            from: Some(day("2020-04-01")),
            to: Some(day("2020-03-01")),
            ..FrameOptions::default()
        };
        let err = reversed.days(Some(&timeline)).unwrap_err();
        assert!(
            err.contains("--from 2020-04-01 is after --to 2020-03-01"),
            "{err}"
        );
        let late = FrameOptions {
            from: Some(day("2021-01-01")),
            ..FrameOptions::default()
        };
        let err = late.days(Some(&timeline)).unwrap_err();
        assert!(
            err.contains("--from 2021-01-01 is after the data's last day"),
            "{err}"
        );
        let early = FrameOptions {
            to: Some(day("2020-02-20")),
            ..FrameOptions::default()
        };
        let err = early.days(Some(&timeline)).unwrap_err();
        assert!(
            err.contains("--to 2020-02-20 is before the data's first day"),
            "{err}"
        );
        let outside = FrameOptions {
            from: Some(day("2020-01-01")),
            to: Some(day("2020-01-03")),
            ..FrameOptions::default()
        };
        assert_eq!(
            outside.days(Some(&timeline)).unwrap().len(),
            3,
            "drawn as they were"
        );
        let huge = FrameOptions {
            from: Some(day("1900-01-01")),
            to: Some(day("2100-01-01")),
            ..FrameOptions::default()
        };
        assert!(
            huge.days(Some(&timeline))
                .unwrap_err()
                .contains("at most 1000")
        );
        for (options, name) in [
            (
                FrameOptions {
                    fps: Some(0.0),
                    ..FrameOptions::default()
                },
                "--fps",
            ),
            (
                FrameOptions {
                    fps: Some(f32::NAN),
                    ..FrameOptions::default()
                },
                "--fps",
            ),
            (
                FrameOptions {
                    hold: Some(-1.0),
                    ..FrameOptions::default()
                },
                "--hold",
            ),
            (
                FrameOptions {
                    step_days: Some(0),
                    ..FrameOptions::default()
                },
                "--step-days",
            ),
        ] {
            assert!(options.validate().unwrap_err().starts_with(name), "{name}");
        }
        assert!(
            FrameOptions::default()
                .days(None)
                .unwrap_err()
                .contains("no arrival dates")
        );
    }
}
