//! Which countries are named on the map: a choice of the model's (View → Labels,
//! `--labels`), kept apart from the placing of the names (`labels`) so the model
//! need not know how names are placed.

/// Which countries are named on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LabelChoice {
    /// None.
    None,
    /// The recipients only (the default).
    #[default]
    Recipients,
    /// The recipients, then every other country the zoom gives room.
    All,
}

impl LabelChoice {
    /// Every choice, in menu order.
    pub const ALL: [LabelChoice; 3] =
        [LabelChoice::None, LabelChoice::Recipients, LabelChoice::All];

    /// Its name on the command line (`--labels all`).
    pub fn name(self) -> &'static str {
        match self {
            LabelChoice::None => "none",
            LabelChoice::Recipients => "recipients",
            LabelChoice::All => "all",
        }
    }

    /// Its label in the View menu.
    pub fn label(self) -> &'static str {
        match self {
            LabelChoice::None => "No country names",
            LabelChoice::Recipients => "Recipients' names",
            LabelChoice::All => "Every country's name (as the zoom allows)",
        }
    }

    /// The choice called `name`.
    pub fn named(name: &str) -> Option<LabelChoice> {
        LabelChoice::ALL.into_iter().find(|c| c.name() == name)
    }
}
