//! The recipients panel: a search box that finds any country by name or code, and the
//! list of recipients (name, teams, first arrival), sortable by each column. Rows are
//! ordinary selectable labels, so Tab and the arrow keys walk them and Enter opens one.

use chrono::NaiveDate;
use egui::RichText;

use crate::data::matcher::{Candidate, CountryMatch};
use crate::scene::{MapModel, text};

/// The column the list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    /// By country name.
    Country,
    /// By number of teams.
    #[default]
    Teams,
    /// By first arrival.
    Arrival,
}

/// What the user asked for in the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideAction {
    /// A row was chosen: select that country and open its pop-up.
    Select(usize),
    /// The search found a country: select it and zoom to it.
    Find(usize),
    /// Show only this donor's teams (an index into the model's donors), or all.
    Donor(Option<usize>),
}

/// The panel's own state.
#[derive(Debug, Clone)]
pub struct SidePanel {
    /// The search text.
    pub search: String,
    /// The sort column.
    pub sort: SortColumn,
    /// Ascending or descending.
    pub ascending: bool,
    /// The message under the search box after a search that found nothing, or
    /// several countries.
    pub search_message: Option<String>,
    /// The countries a search could mean, to choose from.
    pub candidates: Vec<Candidate>,
    /// List the recipients under each donor (where the data has several).
    pub group_by_donor: bool,
}

impl Default for SidePanel {
    fn default() -> Self {
        SidePanel {
            search: String::new(),
            sort: SortColumn::Teams,
            ascending: false,
            search_message: None,
            candidates: Vec::new(),
            group_by_donor: false,
        }
    }
}

struct Row {
    country: usize,
    name: String,
    teams: u32,
    first_arrival: Option<NaiveDate>,
}

impl SidePanel {
    /// Run the search: one country is found at once; several are listed to choose
    /// from; none says so, naming the country where the outlines lack it.
    fn find(&mut self, model: &MapModel) -> Option<SideAction> {
        let text = self.search.trim().to_string();
        self.candidates.clear();
        self.search_message = None;
        match model.find_country(&text) {
            CountryMatch::One(country) => return Some(SideAction::Find(country)),
            CountryMatch::Several(candidates) => {
                self.search_message = Some(format!("“{text}” could be any of these:"));
                self.candidates = candidates;
            }
            CountryMatch::None { known: Some(known) } => {
                self.search_message = Some(format!("{known} is not on this map."));
            }
            CountryMatch::None { known: None } => {
                self.search_message = Some(format!(
                    "No country matches “{text}”. Type a whole name or an ISO code."
                ));
            }
        }
        None
    }

    /// Draw the panel; returns what the user chose, if anything.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &MapModel,
        selected: Option<usize>,
    ) -> Option<SideAction> {
        let muted = crate::scene::MapStyle::for_dark_mode(ui.visuals().dark_mode).muted_text;
        let found = self.search_ui(ui, model, muted);
        ui.add_space(10.0);
        ui.label(RichText::new("Recipients").strong());
        ui.label(
            RichText::new(format!("{} · {}", model.title(), text::subtitle(model))).color(muted),
        );
        if let Some(note) = text::not_shown_note(model) {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        if let Some(note) = text::donor_cities_note(model) {
            ui.label(RichText::new(note).color(muted));
        }
        let donor = donor_controls(ui, model, &mut self.group_by_donor);
        ui.add_space(4.0);
        let chosen = egui::ScrollArea::vertical()
            .show(ui, |ui| {
                let chosen = if self.group_by_donor && model.donors.told_apart() {
                    self.grouped_by_donor(ui, model, selected, muted)
                } else {
                    self.recipients_grid(ui, model, selected, None)
                };
                unmatched_note(ui, model);
                chosen
            })
            .inner;
        chosen.or(found).or(donor)
    }

    /// The recipients under each donor shown, each donor's teams only.
    fn grouped_by_donor(
        &mut self,
        ui: &mut egui::Ui,
        model: &MapModel,
        selected: Option<usize>,
        muted: egui::Color32,
    ) -> Option<SideAction> {
        let mut action = None;
        let (donors, unknown) = model.drawn_donors();
        let mut groups: Vec<Option<usize>> = donors.into_iter().map(Some).collect();
        if unknown > 0 {
            groups.push(None);
        }
        for donor in groups {
            let rows = self.sorted_rows(model, Some(donor));
            let teams: u32 = rows.iter().map(|r| r.teams).fold(0, u32::saturating_add);
            let heading = match donor {
                Some(d) => format!("From {}", model.donors.names[d]),
                None => "Donor not known".to_string(),
            };
            ui.add_space(6.0);
            ui.label(RichText::new(heading).strong());
            ui.label(
                RichText::new(format!(
                    "{teams} {} to {} {}",
                    text::plural(teams, "team", "teams"),
                    rows.len(),
                    text::plural(rows.len() as u32, "country", "countries")
                ))
                .color(muted),
            );
            action = action.or(self.recipients_grid(ui, model, selected, Some(donor)));
        }
        action
    }

    /// The search box, its messages and candidates; a country found, if any.
    fn search_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &MapModel,
        muted: egui::Color32,
    ) -> Option<SideAction> {
        let mut action = None;
        ui.add_space(6.0);
        let heading = ui.label(RichText::new("Find a country").strong());
        let search = ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text("Name or code, e.g. Laos or LAO")
                .desired_width(f32::INFINITY),
        );
        let search = search.labelled_by(heading.id);
        if search.changed() {
            // What the last search said no longer answers what is typed now.
            self.search_message = None;
            self.candidates.clear();
        }
        let submitted = search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (submitted || ui.small_button("Find").clicked()) && !self.search.trim().is_empty() {
            action = self.find(model);
        }
        if let Some(message) = &self.search_message {
            ui.colored_label(ui.visuals().warn_fg_color, message);
        }
        for candidate in &self.candidates {
            let Some(outline) = candidate.outline else {
                ui.label(RichText::new(format!("{candidate}: not on this map")).color(muted));
                continue;
            };
            if ui.button(candidate.to_string()).clicked() {
                action = Some(SideAction::Find(outline));
            }
        }
        if matches!(action, Some(SideAction::Find(_))) {
            self.candidates.clear();
            self.search_message = None;
        }
        action
    }

    /// The sortable table of recipients (of `donor`'s teams only, if given: see
    /// [`SidePanel::sorted_rows`]); the row clicked, if any.
    fn recipients_grid(
        &mut self,
        ui: &mut egui::Ui,
        model: &MapModel,
        selected: Option<usize>,
        donor: Option<Option<usize>>,
    ) -> Option<SideAction> {
        let mut action = None;
        let rows = self.sorted_rows(model, donor);
        egui::Grid::new(("recipients grid", donor))
            .striped(true)
            .num_columns(3)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                self.header(ui, "Country", SortColumn::Country);
                self.header(ui, "Teams", SortColumn::Teams);
                self.header(ui, "First arrival", SortColumn::Arrival);
                ui.end_row();
                for row in &rows {
                    if ui
                        .selectable_label(selected == Some(row.country), &row.name)
                        .clicked()
                    {
                        action = Some(SideAction::Select(row.country));
                    }
                    ui.label(row.teams.to_string());
                    ui.label(row.first_arrival.map_or_else(
                        || "not reported".to_string(),
                        |d| d.format("%-d %b %Y").to_string(),
                    ));
                    ui.end_row();
                }
            });
        action
    }

    fn header(&mut self, ui: &mut egui::Ui, label: &str, column: SortColumn) {
        let arrow = match (self.sort == column, self.ascending) {
            (true, true) => " ▲",
            (true, false) => " ▼",
            (false, _) => "",
        };
        let button = ui
            .add(egui::Button::new(RichText::new(format!("{label}{arrow}")).strong()).frame(false));
        let button = button.on_hover_text(format!("Sort by {}", label.to_lowercase()));
        if button.clicked() {
            if self.sort == column {
                self.ascending = !self.ascending;
            } else {
                self.sort = column;
                self.ascending = column != SortColumn::Teams;
            }
        }
    }

    /// The recipients' rows in the order chosen: of every team (`donor` is `None`), or
    /// of one donor's only (`Some(Some(index))`), or of the teams whose donor is not
    /// known (`Some(None)`); countries with no such team are left out.
    fn sorted_rows(&self, model: &MapModel, donor: Option<Option<usize>>) -> Vec<Row> {
        let mut rows: Vec<Row> = model
            .recipients()
            .filter_map(|country| {
                let destination = &model.aid.destinations[model.destination_by_country[country]?];
                let teams: Vec<&crate::data::aid::Team> = destination
                    .details
                    .iter()
                    .filter(|t| donor.is_none_or(|d| model.donors.index_of(&model.aid, t) == d))
                    .collect();
                let count = match donor {
                    None => model.teams_of(country),
                    Some(_) => teams.iter().map(|t| t.count).fold(0, u32::saturating_add),
                };
                (count > 0).then(|| Row {
                    country,
                    name: model.outlines.countries[country].name.clone(),
                    teams: count,
                    first_arrival: teams.iter().filter_map(|t| t.arrived).min(),
                })
            })
            .collect();
        rows.sort_by(|a, b| {
            let order = match self.sort {
                SortColumn::Country => a.name.cmp(&b.name),
                SortColumn::Teams => a.teams.cmp(&b.teams).then_with(|| b.name.cmp(&a.name)),
                SortColumn::Arrival => match (a.first_arrival, b.first_arrival) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.name.cmp(&b.name),
                },
            };
            if self.ascending {
                order
            } else {
                order.reverse()
            }
        });
        rows
    }
}

/// Where the data has several donors: which to show (all, or one) and whether to
/// group the list by donor. Returns the donor chosen, if the choice changed.
fn donor_controls(
    ui: &mut egui::Ui,
    model: &MapModel,
    group_by_donor: &mut bool,
) -> Option<SideAction> {
    if !model.donors.told_apart() {
        return None;
    }
    let mut chosen = model.donor;
    let label = |d: Option<usize>| match d {
        None => format!("All {} donors", model.donors.len()),
        Some(d) => {
            let teams = model.donors.teams[d];
            format!(
                "{} ({teams} {})",
                model.donors.names[d],
                text::plural(teams, "team", "teams")
            )
        }
    };
    ui.horizontal(|ui| {
        let heading = ui.label("Donor");
        egui::ComboBox::from_id_salt("donor filter")
            .selected_text(label(chosen))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, label(None));
                for d in 0..model.donors.len() {
                    ui.selectable_value(&mut chosen, Some(d), label(Some(d)));
                }
            })
            .response
            .labelled_by(heading.id);
    });
    ui.checkbox(group_by_donor, "Group by donor");
    (chosen != model.donor).then_some(SideAction::Donor(chosen))
}

/// The countries of the data that no outline matched, named under the table.
fn unmatched_note(ui: &mut egui::Ui, model: &MapModel) {
    let unmatched: Vec<&str> = model
        .join
        .matches
        .iter()
        .zip(&model.aid.destinations)
        .filter(|(m, _)| m.is_none())
        .map(|(_, d)| d.country.as_str())
        .collect();
    if !unmatched.is_empty() {
        ui.add_space(8.0);
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "Not on the map (no matching outline): {}",
                unmatched.join(", ")
            ),
        );
    }
}
