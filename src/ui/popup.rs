//! The pop-up of a clicked country: the country's card (`scene::card`: what was sent
//! and what was said) as widgets, with a Close button and a scroll area. Kept wholly
//! inside the window, opening towards its centre.

use egui::{Align2, Id, Order, Pos2, RichText, vec2};

use crate::scene::card::{BlockKind, CardLine, LineRole, card_content};
use crate::scene::{MapModel, MapStyle};

/// Width of the pop-up in points.
const WIDTH: f32 = 380.0;
/// Height of the window taken by what is not the pop-up's scrolling part (menu bar,
/// heading, summary, margins), in points.
const POPUP_CHROME: f32 = 190.0;
/// The scrolling part is never shorter than this, in points.
const MIN_SCROLL: f32 = 120.0;

/// Show the pop-up for `country` pointing at `anchor`, inside `bounds` (the map's
/// area: the timeline and the menus stay in view). `opening` numbers each opening
/// of a pop-up: egui remembers an area's size and a scroll area's offset by id, so a
/// new id per opening makes every pop-up open at the top, sized to its own content
/// (with one id, a pop-up reopened after a short one kept its height, and a pop-up
/// opened after a scrolled one started scrolled past its first facts).
pub fn ui(
    ctx: &egui::Context,
    model: &MapModel,
    country: usize,
    anchor: Pos2,
    opening: u64,
    bounds: egui::Rect,
) -> PopupOutcome {
    let screen = bounds;
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
    // A new day or donor changes what the pop-up says: it is laid out afresh, sized
    // to what it says now (egui keeps an area's size from the frame before).
    let id = Id::unique(("country pop-up", opening, model.counts_generation));
    let shown = egui::Area::new(id)
        .order(Order::Foreground)
        .fixed_pos(anchor + offset)
        .pivot(pivot)
        // egui's default area size (600 × 400) would cap the first layout, and so
        // every later one; the area shrinks to its content from the window's height.
        .default_size(vec2(WIDTH, screen.height()))
        .constrain_to(screen)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(WIDTH);
                close = contents(ui, model, country, screen.height());
            });
        });
    PopupOutcome {
        close,
        rect: shown.response.rect,
    }
}

/// What the pop-up did this frame.
#[derive(Debug, Clone, Copy)]
pub struct PopupOutcome {
    /// The user asked to close it.
    pub close: bool,
    /// Where it is on screen.
    pub rect: egui::Rect,
}

fn contents(ui: &mut egui::Ui, model: &MapModel, country: usize, room: f32) -> bool {
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
    let style = MapStyle::for_dark_mode(ui.visuals().dark_mode);
    // As tall as the window allows; what does not fit scrolls, with a scroll bar that
    // is always shown so no fact is hidden without a sign.
    let max_height = (room - POPUP_CHROME).max(MIN_SCROLL);
    // egui's scroll bars float, thin and faint until hovered: a solid one shows that
    // the card goes on.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    // Full width: a short card's scroll bar sits at the card's edge, not in the middle.
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .max_height(max_height)
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            for block in &card.blocks {
                if block.kind == BlockKind::QuotesHeading {
                    ui.separator();
                }
                for line in &block.lines {
                    ui.label(rich(line, &style));
                }
                if block.kind != BlockKind::QuotesHeading {
                    ui.add_space(6.0);
                }
            }
        });
    close
}

/// How a card line looks in the window: the map's own text colours (egui's "weak" is
/// under 3:1 on a pop-up), headings strong, sources and attributions muted.
fn rich(line: &CardLine, style: &MapStyle) -> RichText {
    let text = RichText::new(&line.text);
    match line.role {
        LineRole::Summary | LineRole::TeamHeading | LineRole::SectionHeading => text.strong(),
        LineRole::Body => text.color(style.text),
        LineRole::Source | LineRole::Attribution => text.color(style.muted_text),
        LineRole::Quote => text.italics().color(style.text),
    }
}
