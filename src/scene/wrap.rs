//! Breaking a text into rows no wider than a width, for text laid out by aidmap itself
//! (the exported card), where the PNG and the SVG must break at the same places.

/// Break `text` into rows no wider than `width`, at spaces where it can and inside a
/// word only where the word alone is wider than a row.
pub fn wrap(text: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let mut rows = Vec::new();
    let mut row = String::new();
    for word in text.split(' ') {
        let candidate = if row.is_empty() {
            word.to_string()
        } else {
            format!("{row} {word}")
        };
        if measure(&candidate) <= width {
            row = candidate;
            continue;
        }
        if !row.is_empty() {
            rows.push(std::mem::take(&mut row));
        }
        if measure(word) <= width {
            row = word.to_string();
        } else {
            for piece in break_word(word, width, &measure) {
                if !row.is_empty() {
                    rows.push(std::mem::take(&mut row));
                }
                row = piece;
            }
        }
    }
    if !row.is_empty() || rows.is_empty() {
        rows.push(row);
    }
    rows
}

/// A word too wide for a row, in pieces that fit (at least one character each).
fn break_word(word: &str, width: f32, measure: &impl Fn(&str) -> f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if measure(&piece) > width && piece.chars().count() > 1 {
            piece.pop();
            pieces.push(std::mem::take(&mut piece));
            piece.push(c);
        }
    }
    pieces.push(piece);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> f32 {
        text.chars().count() as f32
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_only_splits_words_too_long_for_a_row() {
        assert_eq!(wrap("one two three", 7.0, chars), ["one two", "three"]);
        assert_eq!(
            wrap("abcdefghij xy", 4.0, chars),
            ["abcd", "efgh", "ij", "xy"]
        );
        assert_eq!(wrap("", 4.0, chars), [""]);
        let rejoined = wrap("a quote of several words", 8.0, chars).join(" ");
        assert_eq!(rejoined, "a quote of several words");
    }
}
