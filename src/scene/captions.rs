//! The words a user gives the picture: a title of their own, a subtitle that comes
//! before aidmap's counts (never instead of them: the counts, and an animation's
//! date, are facts the picture states), and a note on the line above the source. Set
//! in the window's Title and notes panel or by `--title`, `--subtitle` and `--note`;
//! every output draws them, as it draws the rest of the scene.

use crate::data::text::{MAX_NAME_CHARS, MAX_TEXT_CHARS, too_long};

/// The user's words for the picture; `None` keeps aidmap's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Captions {
    /// The title, instead of the data's own (or the file name of a CSV).
    pub title: Option<String>,
    /// A subtitle, before the counts: "Spring 2020 · 12 teams to 10 countries, …".
    pub subtitle: Option<String>,
    /// A line above the source: "Teams as announced by China's Foreign Ministry".
    pub note: Option<String>,
}

/// The longest note, in characters: a line, wrapped no further.
pub const MAX_NOTE_CHARS: usize = 500;

impl Captions {
    /// The captions given as `title`, `subtitle` and `note` (as typed: trimmed, and
    /// `None` where empty), or what is wrong with one of them, naming `names`' entry
    /// for it ("--title").
    pub fn new(
        [title, subtitle, note]: [Option<&str>; 3],
        names: [&str; 3],
    ) -> Result<Captions, String> {
        let limits = [
            MAX_NAME_CHARS,
            MAX_NAME_CHARS,
            MAX_NOTE_CHARS.min(MAX_TEXT_CHARS),
        ];
        let mut kept = [None, None, None];
        for (k, text) in [title, subtitle, note].into_iter().enumerate() {
            let Some(text) = text else { continue };
            let text = text.trim();
            if text.is_empty() {
                return Err(format!("{} is empty", names[k]));
            }
            if text.chars().any(char::is_control) {
                return Err(format!(
                    "{} has a line break or control character",
                    names[k]
                ));
            }
            if let Some(message) = too_long(names[k], text, limits[k]) {
                return Err(message);
            }
            // Boxes instead of letters, or a right-to-left line the picture would turn
            // around (numbers and all): refused, never drawn wrong.
            let missing = crate::scene::fonts::undrawable(text);
            if !missing.is_empty() {
                let shown: Vec<String> = missing
                    .iter()
                    .take(5)
                    .map(|c| format!("\"{c}\" (U+{:04X})", *c as u32))
                    .collect();
                return Err(format!(
                    "{} has characters the picture's fonts cannot draw: {}",
                    names[k],
                    shown.join(", ")
                ));
            }
            kept[k] = Some(text.to_string());
        }
        let [title, subtitle, note] = kept;
        Ok(Captions {
            title,
            subtitle,
            note,
        })
    }

    /// The title to draw: the user's, else `data_title`.
    pub fn title<'a>(&'a self, data_title: &'a str) -> &'a str {
        self.title.as_deref().unwrap_or(data_title)
    }

    /// The subtitle to draw: the user's before aidmap's `counts`, or the counts alone.
    pub fn subtitle(&self, counts: String) -> String {
        match &self.subtitle {
            Some(own) => format!("{own} \u{b7} {counts}"),
            None => counts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 3] = ["--title", "--subtitle", "--note"];

    #[test]
    fn captions_are_trimmed_bounded_and_one_line_each() {
        let captions = Captions::new([Some(" Aid "), None, Some("As announced")], NAMES).unwrap();
        assert_eq!(captions.title("Data title"), "Aid");
        assert_eq!(captions.subtitle("12 teams".into()), "12 teams");
        assert_eq!(captions.note.as_deref(), Some("As announced"));
        let with = Captions::new([None, Some("Spring 2020"), None], NAMES).unwrap();
        assert_eq!(with.title("Data title"), "Data title");
        assert_eq!(
            with.subtitle("12 teams".into()),
            "Spring 2020 \u{b7} 12 teams"
        );
        let err = |given: [Option<&str>; 3]| Captions::new(given, NAMES).unwrap_err();
        assert_eq!(err([Some("  "), None, None]), "--title is empty");
        assert!(err([None, Some("a\nb"), None]).starts_with("--subtitle has a line break"));
        assert!(err([None, None, Some(&"n".repeat(501))]).starts_with("--note is 501"));
        let emoji = err([Some("Aid 🚑"), None, None]);
        assert!(emoji.contains("cannot draw: \"🚑\" (U+1F691)"), "{emoji}");
        assert!(err([None, Some("עזרה רפואית"), None]).contains("cannot draw"));
        assert!(Captions::new([Some("Ayuda médica · Ürümqi – “aid”"), None, None], NAMES).is_ok());
    }
}
