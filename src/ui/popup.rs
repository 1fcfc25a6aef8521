//! The pop-up of a clicked country: what was sent (each team's arrival, size, sender
//! and sources, or "not reported") and what was said (quotes, verbatim, with speaker,
//! date and outlet). Kept wholly inside the window, opening towards its centre.

use egui::{Align2, Id, Order, Pos2, RichText, vec2};

use crate::data::aid::{Quote, Team};
use crate::scene::MapModel;
use crate::scene::text::{as_of, long_date, plural};

/// Width of the pop-up in points.
const WIDTH: f32 = 380.0;

/// Show the pop-up for `country` pointing at `anchor`. Returns true when the user
/// asked to close it.
pub fn ui(ctx: &egui::Context, model: &MapModel, country: usize, anchor: Pos2) -> bool {
    let screen = ctx.content_rect();
    let right_half = anchor.x > screen.center().x;
    let lower_half = anchor.y > screen.center().y;
    let pivot = match (right_half, lower_half) {
        (false, false) => Align2::LEFT_TOP,
        (true, false) => Align2::RIGHT_TOP,
        (false, true) => Align2::LEFT_BOTTOM,
        (true, true) => Align2::RIGHT_BOTTOM,
    };
    let offset = vec2(
        if right_half { -12.0 } else { 12.0 },
        if lower_half { -12.0 } else { 12.0 },
    );
    let mut close = false;
    egui::Area::new(Id::unique("country pop-up"))
        .order(Order::Foreground)
        .fixed_pos(anchor + offset)
        .pivot(pivot)
        .constrain_to(screen)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(WIDTH);
                close = contents(ui, model, country);
            });
        });
    close
}

fn contents(ui: &mut egui::Ui, model: &MapModel, country: usize) -> bool {
    let name = &model.outlines.countries[country].name;
    let mut close = false;
    ui.horizontal(|ui| {
        ui.heading(RichText::new(name).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            close = ui.button("× Close").on_hover_text("Close (Esc)").clicked();
        });
    });
    let destination = model.destination_by_country[country].map(|d| &model.aid.destinations[d]);
    let Some(destination) = destination else {
        let text = match as_of(&model.aid) {
            Some(date) => format!("No team reported as of {date}."),
            None => "No team reported.".to_string(),
        };
        ui.label(text);
        return close;
    };
    let teams = destination.teams;
    ui.label(RichText::new(format!("{teams} {}", plural(teams, "team", "teams"))).strong());
    ui.separator();
    let max_height = (ui.ctx().content_rect().height() * 0.6).min(420.0);
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .show(ui, |ui| {
            if destination.details.is_empty() {
                ui.label("Arrival, size and sender: not reported.");
            }
            for team in &destination.details {
                team_entry(ui, team);
                ui.add_space(6.0);
            }
            let quotes = &model.aid.quotes;
            let country_quotes: Vec<&String> = destination
                .details
                .iter()
                .filter_map(|t| t.quote.as_ref())
                .collect();
            if !quotes.is_empty() || !country_quotes.is_empty() {
                ui.separator();
                ui.label(RichText::new("What was said").strong());
                for quote in country_quotes {
                    ui.label(RichText::new(format!("“{quote}”")).italics());
                }
                for quote in quotes {
                    quote_entry(ui, model, quote);
                    ui.add_space(6.0);
                }
            }
        });
    close
}

fn team_entry(ui: &mut egui::Ui, team: &Team) {
    let arrived = team
        .arrived
        .map_or_else(|| "Arrival date not reported".to_string(), long_date);
    let heading = match (&team.place, team.count) {
        (Some(place), 1) => format!("{arrived} · {place}"),
        (Some(place), n) => format!("{arrived} · {place} · {n} teams"),
        (None, 1) => arrived,
        (None, n) => format!("{arrived} · {n} teams"),
    };
    ui.label(RichText::new(heading).strong());
    let members = match (team.members, &team.members_note) {
        (Some(n), Some(note)) => format!("{n} members ({note})"),
        (Some(n), None) => format!("{n} members"),
        (None, Some(note)) => format!("Members: not reported as one number ({note})"),
        (None, None) => "Members: not reported".to_string(),
    };
    ui.label(members);
    ui.label(format!(
        "Sent by: {}",
        team.sent_by.as_deref().unwrap_or("not reported")
    ));
    if !team.sources.is_empty() {
        ui.label(RichText::new(format!("Sources: {}", team.sources.join("; "))).weak());
    }
}

fn quote_entry(ui: &mut egui::Ui, model: &MapModel, quote: &Quote) {
    ui.label(RichText::new(format!("“{}”", quote.text)).italics());
    let mut attribution = Vec::new();
    if let Some(speaker) = &quote.speaker {
        attribution.push(match &quote.role {
            Some(role) => format!("{speaker}, {role}"),
            None => speaker.clone(),
        });
    }
    if let Some(date) = quote.date {
        attribution.push(long_date(date));
    }
    let outlet = quote.outlet.clone().or_else(|| {
        quote
            .source
            .as_deref()
            .and_then(|id| model.aid.source(id))
            .and_then(|s| s.outlet.clone())
    });
    if let Some(outlet) = outlet {
        attribution.push(outlet);
    }
    if !attribution.is_empty() {
        ui.label(RichText::new(format!("— {}", attribution.join(" · "))).weak());
    }
}
