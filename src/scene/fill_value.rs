//! What the recipients' fills stand for: the number of teams (the default) or the
//! number of members in them. A country's members are a sum only where every one of
//! its teams reports a number; where any does not, the country is "not fully
//! reported" and is filled so, never with the part that is known.

use crate::data::aid::Destination;

/// What the fills stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FillValue {
    /// Teams (the default).
    #[default]
    Teams,
    /// Members, where every team reports them.
    Members,
}

impl FillValue {
    /// Every choice, in menu order.
    pub const ALL: [FillValue; 2] = [FillValue::Teams, FillValue::Members];

    /// Its name on the command line and in the settings (`--value members`).
    pub fn name(self) -> &'static str {
        match self {
            FillValue::Teams => "teams",
            FillValue::Members => "members",
        }
    }

    /// Its label in the View menu.
    pub fn label(self) -> &'static str {
        match self {
            FillValue::Teams => "Colour by teams",
            FillValue::Members => "Colour by members",
        }
    }

    /// The choice called `name`.
    pub fn named(name: &str) -> Option<FillValue> {
        FillValue::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// The members `destination` received: the sum of its teams' members when every team
/// it counts reports a number (0 is a number); `None` when any does not, or when its
/// entries do not account for all its teams.
pub fn members_of(destination: &Destination) -> Option<u32> {
    let counted: u32 = destination
        .details
        .iter()
        .map(|team| team.count)
        .fold(0, u32::saturating_add);
    if counted != destination.teams {
        return None;
    }
    destination.details.iter().try_fold(0u32, |sum, team| {
        team.members.map(|m| sum.saturating_add(m))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::aid::Team;
    use crate::error::Location;

    fn destination(teams: u32, members: &[(u32, Option<u32>)]) -> Destination {
        Destination {
            country: "ITA".into(),
            location: Location::Part("test".into()),
            teams,
            details: members
                .iter()
                .map(|&(count, members)| Team {
                    count,
                    members,
                    ..Team::default()
                })
                .collect(),
        }
    }

    #[test]
    fn members_add_up_only_when_every_team_reports_them() {
        assert_eq!(
            members_of(&destination(2, &[(1, Some(9)), (1, Some(14))])),
            Some(23)
        );
        assert_eq!(
            members_of(&destination(2, &[(1, Some(9)), (1, None)])),
            None
        );
        assert_eq!(
            members_of(&destination(3, &[(1, Some(9)), (1, Some(14))])),
            None
        );
        assert_eq!(members_of(&destination(1, &[(1, Some(0))])), Some(0));
    }
}
