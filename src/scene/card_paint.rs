//! Painting an exported card (`export_card`) with epaint shapes, for the PNG and any
//! other picture drawn through egui. Positions and colours come from the layout.

use egui::text::{LayoutJob, TextFormat};
use egui::{CornerRadius, FontId, Painter, Stroke, StrokeKind};

use crate::scene::export_card::ExportCard;

/// Paint `card`: leader line, frame, rules and text.
pub fn paint_card(painter: &Painter, card: &ExportCard) {
    let stroke = Stroke::new(card.line_width, card.edge);
    painter.line_segment(card.leader, stroke);
    if let Some(dot) = card.dot {
        painter.circle_filled(dot, card.line_width * 2.2, card.edge);
    }
    painter.rect(
        card.frame,
        CornerRadius::same(card.corner_radius.round().clamp(0.0, 255.0) as u8),
        card.fill,
        stroke,
        StrokeKind::Inside,
    );
    for rule in &card.rules {
        painter.line_segment(*rule, Stroke::new(card.line_width * 0.6, card.edge));
    }
    for run in &card.runs {
        let job = LayoutJob::single_section(
            run.text.clone(),
            TextFormat {
                font_id: FontId::proportional(run.size),
                color: run.color,
                italics: run.italic,
                ..TextFormat::default()
            },
        );
        let galley = painter.layout_job(job);
        painter.galley(run.pos, galley, run.color);
    }
}
