//! Hovering an arc: which arc is under the pointer, and the tooltip that names its
//! team (and the tooltip every hover shows). A badge wins over an arc, and an arc over the country under it; a click on an
//! arc opens its recipient's pop-up.

use egui::{Align2, Id, Order, Pos2, vec2};

use crate::scene::MapModel;
use crate::scene::arcs::Flow;
use crate::scene::badges::Badge;
use crate::scene::donors::Donors;
use crate::scene::flows::DrawnArc;
use crate::scene::text::long_date;

/// How far beyond an arc's edge the pointer still finds it, in points.
pub const ARC_REACH: f32 = 4.0;
/// How near a leader's dot the pointer finds the dot's country rather than an arc.
const LEADER_DOT_REACH: f32 = 5.0;

/// The arc (its index in the model's flows) under `p`: the nearest within its half
/// width and [`ARC_REACH`], unless a badge is under `p`.
pub fn arc_at(arcs: &[DrawnArc], badges: &[Badge], p: Pos2) -> Option<usize> {
    // A badge, or the dot a badge's leader starts from, wins over an arc.
    if badges
        .iter()
        .any(|b| b.center.distance(p) <= b.radius || b.anchor.distance(p) <= LEADER_DOT_REACH)
    {
        return None;
    }
    arcs.iter()
        .map(|arc| (arc.flow, arc.distance(p) - arc.half_width))
        .filter(|&(_, gap)| gap <= ARC_REACH)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(flow, _)| flow)
}

/// The tooltip of the arc `flow` of `model`, beside `pointer`.
pub fn arc_tooltip(ctx: &egui::Context, model: &MapModel, flow: usize, pointer: Pos2) {
    let Some(flow) = model.flows.arcs.get(flow) else {
        return;
    };
    let (heading, lines) = described(flow, &model.donors);
    show_tooltip(ctx, pointer, &heading, &lines);
}

/// A tooltip beside `pointer`: `heading` in bold, then `lines`, none of them wrapped.
pub fn show_tooltip(ctx: &egui::Context, pointer: Pos2, heading: &str, lines: &[String]) {
    egui::Area::new(Id::unique("map tooltip"))
        .order(Order::Tooltip)
        .fixed_pos(pointer + vec2(14.0, 16.0))
        .pivot(Align2::LEFT_TOP)
        .constrain(true)
        .interactable(false)
        .show(ctx, |ui| {
            // egui remembers an area's size from the frame before and wraps text to it:
            // after a short tooltip ("Iran, 1 team") a longer one would break mid-word.
            // The lines never wrap; the area takes their width.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(heading);
                for line in lines {
                    ui.label(line);
                }
            });
        });
}

/// What the window says of the arc under the pointer: its heading ("Hangzhou →
/// Milan") and a line each on the teams and who sent them, when they arrived and
/// how many people; what the data does not say is "not reported".
pub fn described(flow: &Flow, donors: &Donors) -> (String, Vec<String>) {
    let teams = match flow.teams {
        1 => "1 team".to_string(),
        n => format!("{n} teams"),
    };
    let donor = flow.donor.map(|d| donors.names[d].as_str());
    let sent = match (&flow.sent_by, donor) {
        (Some(by), Some(donor)) => format!("{teams} sent by {by} ({donor})"),
        (Some(by), None) => format!("{teams} sent by {by}"),
        (None, Some(donor)) => format!("{teams} from {donor}"),
        (None, None) => teams,
    };
    let arrived = match flow.arrived {
        Some(day) => format!("arrived {}", long_date(day)),
        // Entries merged on one route keep only what they share.
        None if flow.entries > 1 => format!(
            "{} entries on this route: click for each one's date",
            flow.entries
        ),
        None => "arrival date not reported".to_string(),
    };
    let members = match (flow.members, &flow.members_note) {
        (Some(n), _) => format!("{n} members"),
        (None, Some(note)) => format!("members: {note}"),
        (None, None) if flow.entries > 1 => "members: not reported for every entry".to_string(),
        (None, None) => "members not reported".to_string(),
    };
    (
        format!("{} \u{2192} {}", flow.from, flow.to),
        vec![sent, arrived, members],
    )
}
