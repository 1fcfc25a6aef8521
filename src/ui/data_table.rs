//! View → Data table: every entry of the data (the whole data set, whatever day or
//! donor the map shows), with its country, date, teams, members, sender, donor, place
//! and sources; sorted by a click on a column's heading, filtered by what is typed,
//! rows picked with a click (Ctrl or Shift for more), copied as tab-separated text, or
//! the whole table saved as CSV. Only the rows in view are laid out, so a table of a
//! million entries scrolls as one of ten.

use std::collections::BTreeSet;

use egui::RichText;

use crate::scene::MapModel;
use crate::scene::data_rows::{DataRow, cells, data_rows};

/// The table's columns: their headings and the [`cells`] each shows.
const COLUMNS: [(&str, usize, f32); 8] = [
    ("Country", 0, 130.0),
    ("Arrived", 4, 90.0),
    ("Teams", 3, 50.0),
    ("Members", 5, 70.0),
    ("Sent by", 7, 170.0),
    ("Donor", 8, 80.0),
    ("Place", 12, 120.0),
    ("Sources", 15, 200.0),
];

/// Height of a row, in points.
const ROW_HEIGHT: f32 = 20.0;

/// What the user asked of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableAction {
    /// Save the whole table as CSV.
    SaveCsv,
    /// Copied these rows (as text) to the clipboard: say so.
    Copied(usize),
}

/// The table's window and what it keeps between frames.
#[derive(Debug, Default)]
pub struct DataTable {
    /// Whether the window is open.
    pub open: bool,
    /// The filter as typed.
    pub filter: String,
    /// The column sorted by (an index into [`COLUMNS`]) and whether ascending.
    pub sort: Option<(usize, bool)>,
    /// The rows picked, by their place in the data.
    pub selected: BTreeSet<usize>,
    /// The row a Shift-click picks from: the last one clicked.
    anchor: Option<usize>,
    /// The rows, their cells and the order shown, for one model generation.
    cache: Option<Cache>,
}

/// What the table keeps of the data between frames.
#[derive(Debug, Default)]
struct Cache {
    generation: u64,
    rows: Vec<DataRow>,
    texts: Vec<[String; 16]>,
    /// The filter and order `shown` was worked out for.
    shown_for: Option<(String, Option<(usize, bool)>)>,
    shown: Vec<usize>,
}

/// The rows whose cells contain `needle` (any letter case), in `sort`'s order.
fn shown_rows(
    rows: &[DataRow],
    texts: &[[String; 16]],
    needle: &str,
    sort: Option<(usize, bool)>,
) -> Vec<usize> {
    let mut shown: Vec<usize> = (0..rows.len())
        .filter(|&i| {
            needle.is_empty()
                || COLUMNS
                    .iter()
                    .any(|&(_, cell, _)| texts[i][cell].to_lowercase().contains(needle))
        })
        .collect();
    if let Some((column, ascending)) = sort {
        let cell = COLUMNS[column].1;
        shown.sort_by(|&a, &b| {
            // Cells with no value (not reported, or only a note) come last whichever
            // way the column is sorted: a note is not the largest number.
            let (ea, eb) = (
                lacks_value(&rows[a], &texts[a][cell], cell),
                lacks_value(&rows[b], &texts[b][cell], cell),
            );
            if ea != eb {
                return ea.cmp(&eb);
            }
            let order = compare(&rows[a], &rows[b], &texts[a][cell], &texts[b][cell], cell);
            if ascending { order } else { order.reverse() }
        });
    }
    shown
}

impl DataTable {
    /// The rows shown (filtered and sorted), as indices into the data's rows; worked
    /// out again only when the data, the filter or the order change.
    pub fn shown(&mut self, model: &MapModel) -> Vec<usize> {
        let key = (self.filter.trim().to_lowercase(), self.sort);
        let cache = self.cache_of(model);
        if cache.shown_for.as_ref() != Some(&key) {
            cache.shown = shown_rows(&cache.rows, &cache.texts, &key.0, key.1);
            cache.shown_for = Some(key);
        }
        cache.shown.clone()
    }

    /// The data's rows and their cells, made again when the data or outlines change.
    fn cache_of(&mut self, model: &MapModel) -> &mut Cache {
        if self
            .cache
            .as_ref()
            .is_none_or(|c| c.generation != model.generation)
        {
            let rows = data_rows(model);
            let texts = rows.iter().map(cells).collect();
            self.selected.clear();
            self.cache = Some(Cache {
                generation: model.generation,
                rows,
                texts,
                shown_for: None,
                shown: Vec::new(),
            });
        }
        self.cache.get_or_insert_with(Cache::default)
    }

    /// The picked rows as tab-separated text with a heading line, in the order shown.
    pub fn selection_text(&mut self, model: &MapModel) -> String {
        let shown = self.shown(model);
        let picked: Vec<usize> = shown
            .into_iter()
            .filter(|i| self.selected.contains(i))
            .collect();
        let texts = &self.cache_of(model).texts;
        let mut lines = vec![COLUMNS.map(|(heading, _, _)| heading).join("\t")];
        for index in picked.into_iter().filter(|&i| i < texts.len()) {
            let row = &texts[index];
            let line: Vec<String> = COLUMNS
                .iter()
                .map(|&(_, cell, _)| row[cell].replace(['\t', '\n'], " "))
                .collect();
            lines.push(line.join("\t"));
        }
        lines.join("\n")
    }

    /// Draw the window if it is open; what the user asked for, if anything.
    pub fn show(&mut self, ctx: &egui::Context, model: &MapModel) -> Option<TableAction> {
        if !self.open {
            return None;
        }
        let mut open = self.open;
        let mut action = None;
        egui::Window::new("Data table")
            .open(&mut open)
            .default_size([960.0, 420.0])
            .show(ctx, |ui| action = self.contents(ui, model));
        self.open = open;
        action
    }

    fn contents(&mut self, ui: &mut egui::Ui, model: &MapModel) -> Option<TableAction> {
        let mut action = None;
        let shown = self.shown(model);
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(200.0))
                .labelled_by(label.id);
            let all = self.cache_of(model).rows.len();
            ui.label(format!("{} of {all} entries", shown.len()));
            let copy = ui.add_enabled(!self.selected.is_empty(), egui::Button::new("Copy rows"));
            if copy.clicked() {
                let text = self.selection_text(model);
                ui.ctx().copy_text(text);
                action = Some(TableAction::Copied(self.selected.len()));
            }
            if ui.button("Export as CSV…").clicked() {
                action = Some(TableAction::SaveCsv);
            }
        });
        ui.separator();
        self.headings(ui);
        egui::ScrollArea::both().auto_shrink(false).show_rows(
            ui,
            ROW_HEIGHT,
            shown.len(),
            |ui, range| {
                for k in range {
                    let texts = self.cache_of(model).texts[shown[k]].clone();
                    self.row(ui, &shown, k, &texts);
                }
            },
        );
        action
    }

    /// The headings: a click sorts by the column, a second reverses.
    fn headings(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for (column, &(heading, _, width)) in COLUMNS.iter().enumerate() {
                let arrow = match self.sort {
                    Some((c, true)) if c == column => " ▲",
                    Some((c, false)) if c == column => " ▼",
                    _ => "",
                };
                let button = egui::Button::new(RichText::new(format!("{heading}{arrow}")).strong())
                    .frame(false);
                if ui.add_sized([width, ROW_HEIGHT], button).clicked() {
                    self.sort = match self.sort {
                        Some((c, ascending)) if c == column => Some((column, !ascending)),
                        _ => Some((column, true)),
                    };
                }
            }
        });
    }

    /// The `k`th row shown: a click picks it alone; with Ctrl, adds or removes it;
    /// with Shift, picks every row shown from the last one clicked to it.
    fn row(&mut self, ui: &mut egui::Ui, shown: &[usize], k: usize, texts: &[String; 16]) {
        let index = shown[k];
        let picked = self.selected.contains(&index);
        let response = ui
            .horizontal(|ui| {
                let mut clicked = false;
                for &(_, cell, width) in &COLUMNS {
                    let text = truncated(&shown_text(texts, cell), width);
                    let label = egui::Button::selectable(picked, text);
                    clicked |= ui.add_sized([width, ROW_HEIGHT], label).clicked();
                }
                clicked
            })
            .inner;
        if !response {
            return;
        }
        let (shift, more) = ui.input(|i| (i.modifiers.shift, i.modifiers.command));
        let from = self.anchor.and_then(|a| shown.iter().position(|&i| i == a));
        match (shift, from) {
            (true, Some(from)) => {
                let (low, high) = (from.min(k), from.max(k));
                self.selected.extend(&shown[low..=high]);
            }
            _ if more => {
                if !self.selected.remove(&index) {
                    self.selected.insert(index);
                }
                self.anchor = Some(index);
            }
            _ => {
                self.selected.clear();
                self.selected.insert(index);
                self.anchor = Some(index);
            }
        }
    }
}

/// What a cell shows: its text, or the members' note where no number was reported,
/// or "not reported" where the data says nothing.
fn shown_text(texts: &[String; 16], cell: usize) -> String {
    match texts[cell].as_str() {
        "" if cell == 5 && !texts[6].is_empty() => texts[6].clone(),
        "" => "not reported".to_string(),
        text => text.to_string(),
    }
}

/// True when `row` has no value in column `cell` (its text `text`): no date, no
/// number of members (a note is not one), no text.
fn lacks_value(row: &DataRow, text: &str, cell: usize) -> bool {
    match cell {
        3 => false,
        4 => row.arrived.is_none(),
        5 => row.members.is_none(),
        _ => text.is_empty(),
    }
}

/// Two rows with values in a column's order: numbers and dates as such, text without
/// regard to case.
fn compare(a: &DataRow, b: &DataRow, ta: &str, tb: &str, cell: usize) -> std::cmp::Ordering {
    match cell {
        3 => a.teams.cmp(&b.teams),
        4 => a.arrived.cmp(&b.arrived),
        5 => a.members.cmp(&b.members),
        _ => ta.to_lowercase().cmp(&tb.to_lowercase()),
    }
}

/// `text` cut to about what fits `width` points, with an ellipsis where it is cut:
/// the whole text is in the copied rows and the CSV.
fn truncated(text: &str, width: f32) -> String {
    let fits = (width / 7.5) as usize;
    match text.chars().count() > fits {
        true => format!(
            "{}…",
            text.chars()
                .take(fits.saturating_sub(1))
                .collect::<String>()
        ),
        false => text.to_string(),
    }
}
