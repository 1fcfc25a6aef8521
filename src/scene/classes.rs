//! Classes of team counts for the highlight shades and the legend. With few distinct
//! counts (up to five) each is a class's top, so the legend reads "1", "2–3" where
//! countries have 1 and 3 teams; with more, counts are grouped into up to five ranges.
//! No class is one no country of the data has: a range nobody falls in joins the next
//! (a day of the timeline may show a count between two of the data's: "2–3" holds it).

/// The classes of one data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamClasses {
    /// Inclusive upper bound of each class, ascending.
    upper_bounds: Vec<u32>,
}

const MAX_SINGLE_CLASSES: u32 = 5;

impl TeamClasses {
    /// Classes for these team counts (zeros are ignored).
    pub fn new(counts: impl IntoIterator<Item = u32>) -> Self {
        let mut counts: Vec<u32> = counts.into_iter().filter(|&c| c > 0).collect();
        counts.sort_unstable();
        counts.dedup();
        let max = counts.last().copied().unwrap_or(1);
        let upper_bounds = if counts.len() <= MAX_SINGLE_CLASSES as usize {
            if counts.is_empty() { vec![1] } else { counts }
        } else {
            // Five ranges of roughly equal width, each bound a whole number; a range
            // no count falls in joins the next.
            let mut bounds: Vec<u32> = (1..=5u32)
                .map(|k| ((max as f64) * k as f64 / 5.0).ceil() as u32)
                .collect();
            bounds.dedup();
            let mut lower = 0;
            bounds.retain(|&upper| {
                let used = counts.iter().any(|&c| lower < c && c <= upper);
                if used {
                    lower = upper;
                }
                used
            });
            bounds
        };
        TeamClasses { upper_bounds }
    }

    /// The number of classes.
    pub fn len(&self) -> usize {
        self.upper_bounds.len()
    }

    /// True when there are no classes.
    pub fn is_empty(&self) -> bool {
        self.upper_bounds.is_empty()
    }

    /// The class of `teams` (which must be at least 1).
    pub fn class_of(&self, teams: u32) -> usize {
        self.upper_bounds
            .iter()
            .position(|&upper| teams <= upper)
            .unwrap_or(self.upper_bounds.len().saturating_sub(1))
    }

    /// The legend label of each class: "1", "2", ... or "1–4", "5–8", ...
    pub fn labels(&self) -> Vec<String> {
        let mut lower = 1;
        self.upper_bounds
            .iter()
            .map(|&upper| {
                let label = if lower == upper {
                    upper.to_string()
                } else {
                    format!("{lower}–{upper}")
                };
                lower = upper + 1;
                label
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_counts_get_one_class_each() {
        let classes = TeamClasses::new([1, 3, 1, 1]);
        assert_eq!(
            classes.labels(),
            ["1", "2–3"],
            "no class that no country has"
        );
        assert_eq!(classes.class_of(3), 1);
        assert_eq!(classes.class_of(2), 1, "a day between two counts");
        assert_eq!(classes.class_of(1), 0);
    }

    #[test]
    fn many_counts_are_grouped_into_five_ranges() {
        let classes = TeamClasses::new([1, 2, 3, 12, 20, 33, 40]);
        assert_eq!(classes.labels(), ["1–8", "9–16", "17–24", "25–40"]);
        assert_eq!(classes.class_of(40), 3);
        assert_eq!(classes.class_of(9), 1);
        // Two counts far apart: two classes, not five ranges with three empty.
        assert_eq!(TeamClasses::new([1, 40]).labels(), ["1", "2–40"]);
    }
}
