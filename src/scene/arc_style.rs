//! How thick an arc is and whether it is dashed: by the teams it stands for (the
//! default), or by the people in them, scaled to the most members any entry of the
//! whole data set reports (so a width means the same on every day). An arc whose
//! members are not reported is drawn dashed at the thinnest width: its size is not
//! guessed, and the legend says what the dashes mean.

use egui::Pos2;

use crate::scene::arcs::{Flow, FlowWidth};

/// Width of the thinnest arc (one team, or the fewest members), in points at layout
/// scale 1.
pub const ARC_WIDTH: f32 = 1.3;
/// Width added for each further team an arc stands for (up to [`MAX_EXTRA_TEAMS`]).
const WIDTH_PER_TEAM: f32 = 0.7;
/// Teams beyond the first that still widen an arc.
const MAX_EXTRA_TEAMS: u32 = 6;
/// Width the arc with the most members adds to the thinnest: as wide as the widest
/// arc by teams.
const MAX_EXTRA_FOR_MEMBERS: f32 = WIDTH_PER_TEAM * MAX_EXTRA_TEAMS as f32;
/// Length of a dash and of the gap after it, in points at layout scale 1.
pub const DASH: f32 = 4.0;
/// Length of the gap between dashes, in points at layout scale 1.
pub const DASH_GAP: f32 = 3.0;

/// The width of `flow`'s arc at layout scale 1, and whether it is dashed (members
/// chosen but not reported). `max_members` is the data set's most.
pub fn arc_width(flow: &Flow, width: FlowWidth, max_members: u32) -> (f32, bool) {
    match width {
        FlowWidth::Teams => {
            let extra = flow.teams.saturating_sub(1).min(MAX_EXTRA_TEAMS) as f32;
            (ARC_WIDTH + WIDTH_PER_TEAM * extra, false)
        }
        FlowWidth::Members => match flow.members {
            Some(members) => {
                let share = match max_members {
                    0 => 0.0,
                    most => members.min(most) as f32 / most as f32,
                };
                (ARC_WIDTH + MAX_EXTRA_FOR_MEMBERS * share, false)
            }
            None => (ARC_WIDTH, true),
        },
    }
}

/// `pieces` cut into dashes `dash` long with `gap` between them, the pattern running
/// on from one piece to the next.
pub fn dashes(pieces: &[Vec<Pos2>], dash: f32, gap: f32) -> Vec<Vec<Pos2>> {
    let period = dash + gap;
    let mut out = Vec::new();
    if period <= 0.0 {
        return pieces.to_vec();
    }
    let mut phase = 0.0f32; // distance into the current period
    for piece in pieces {
        let mut current: Vec<Pos2> = Vec::new();
        for pair in piece.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let length = a.distance(b);
            let mut done = 0.0f32;
            while done < length {
                let in_dash = phase < dash;
                let left_in_part = if in_dash {
                    dash - phase
                } else {
                    period - phase
                };
                let step = left_in_part.min(length - done);
                let from = a.lerp(b, done / length);
                let to = a.lerp(b, (done + step) / length);
                if in_dash {
                    if current.is_empty() {
                        current.push(from);
                    }
                    current.push(to);
                }
                done += step;
                phase += step;
                if phase >= period {
                    phase -= period;
                }
                if in_dash && phase >= dash && current.len() > 1 {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
        if current.len() > 1 {
            out.push(current);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn flow(teams: u32, members: Option<u32>) -> Flow {
        Flow {
            country: 0,
            from: "A".into(),
            origin: [0.0, 0.0],
            to: "B".into(),
            target: [1.0, 1.0],
            teams,
            donor: None,
            sent_by: None,
            arrived: None,
            members,
            members_note: None,
            entries: 1,
        }
    }

    #[test]
    fn widths_follow_teams_or_members_and_unreported_members_are_dashed() {
        assert_eq!(
            arc_width(&flow(1, None), FlowWidth::Teams, 0),
            (ARC_WIDTH, false)
        );
        let (two, _) = arc_width(&flow(2, None), FlowWidth::Teams, 0);
        assert!(two > ARC_WIDTH);
        let (most, dashed) = arc_width(&flow(1, Some(130)), FlowWidth::Members, 130);
        let (few, _) = arc_width(&flow(1, Some(6)), FlowWidth::Members, 130);
        assert!(!dashed && most > few && few > ARC_WIDTH, "{most} {few}");
        assert_eq!(
            arc_width(&flow(3, None), FlowWidth::Members, 130),
            (ARC_WIDTH, true)
        );
        // Zero members is a number reported, not a gap.
        assert_eq!(
            arc_width(&flow(1, Some(0)), FlowWidth::Members, 0),
            (ARC_WIDTH, false)
        );
    }

    #[test]
    fn dashes_alternate_along_a_line_and_carry_over_corners() {
        let line = vec![vec![pos2(0.0, 0.0), pos2(10.0, 0.0), pos2(10.0, 4.0)]];
        let cut = dashes(&line, 4.0, 3.0);
        // 0–4, 7–10 then on round the corner to 10,1; 10,4 ends in the gap.
        assert_eq!(cut.len(), 2, "{cut:?}");
        assert_eq!(cut[0], vec![pos2(0.0, 0.0), pos2(4.0, 0.0)]);
        assert_eq!(
            cut[1],
            vec![pos2(7.0, 0.0), pos2(10.0, 0.0), pos2(10.0, 1.0)]
        );
    }
}
