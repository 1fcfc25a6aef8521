//! The pop-up of a clicked country: the country's card (`scene::card`: what was sent
//! and what was said) as widgets, with a Close button and a scroll area. Kept wholly
//! inside the window, opening towards its centre.

use egui::{Align2, Id, Order, Pos2, RichText, vec2};

use crate::scene::MapModel;
use crate::scene::card::{BlockKind, CardLine, LineRole, card_content};

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
    let card = card_content(model, country);
    let mut close = false;
    ui.horizontal(|ui| {
        ui.heading(RichText::new(&card.title).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            close = ui.button("× Close").on_hover_text("Close (Esc)").clicked();
        });
    });
    ui.label(RichText::new(&card.summary).strong());
    if card.blocks.is_empty() {
        return close;
    }
    ui.separator();
    let max_height = (ui.ctx().content_rect().height() * 0.6).min(420.0);
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .show(ui, |ui| {
            for block in &card.blocks {
                if block.kind == BlockKind::QuotesHeading {
                    ui.separator();
                }
                for line in &block.lines {
                    ui.label(rich(line));
                }
                if block.kind != BlockKind::QuotesHeading {
                    ui.add_space(6.0);
                }
            }
        });
    close
}

/// How a card line looks in the window.
fn rich(line: &CardLine) -> RichText {
    let text = RichText::new(&line.text);
    match line.role {
        LineRole::Summary | LineRole::TeamHeading | LineRole::SectionHeading => text.strong(),
        LineRole::Body => text,
        LineRole::Source | LineRole::Attribution => text.weak(),
        LineRole::Quote => text.italics(),
    }
}
