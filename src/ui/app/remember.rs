//! The app's side of remembered settings: the settings of the window as it is, taking
//! up remembered ones at start (the command line wins; a file that is gone is said),
//! and File → Open recent.

use crate::geometry::projection::Projection;
use crate::scene::arcs::FlowWidth;
use crate::scene::fill_value::FillValue;
use crate::scene::label_choice::LabelChoice;
use crate::scene::palette::Palette;
use crate::scene::style::ThemeChoice;
use crate::ui::app::AidMapApp;
use crate::ui::files::FileKind;
use crate::ui::settings::{GivenOnCommandLine, RecentFile, Settings, kind_name, theme_name};

impl AidMapApp {
    /// The settings to remember from the window as it is.
    pub fn settings(&self) -> Settings {
        Settings {
            theme: theme_name(self.theme).to_string(),
            projection: self.model.projected.projection.key().to_string(),
            palette: self.model.palette.name().to_string(),
            labels: self.model.labels.name().to_string(),
            value: self.model.value.name().to_string(),
            flows: self.model.show_flows,
            flow_width: self.model.flow_width.name().to_string(),
            days_per_second: self.player.days_per_second,
            looping: self.player.looping,
            include_popup: self.exporter.include_popup,
            transparent: self.exporter.transparent,
            outlines: self.files_shown[0].clone(),
            data: self.files_shown[1].clone(),
            recent: self.recent.clone(),
        }
    }

    /// Take up remembered `settings`, but for what `given` says the command line set.
    /// The remembered files are loaded as if opened; one that is gone leaves the
    /// bundled data on the map and says so (the window always starts).
    pub fn restore(&mut self, settings: Settings, given: GivenOnCommandLine) {
        if !given.theme {
            self.theme = match settings.theme.as_str() {
                "light" => ThemeChoice::Light,
                "dark" => ThemeChoice::Dark,
                _ => ThemeChoice::System,
            };
        }
        if !given.projection
            && let Some(projection) = Projection::from_key(&settings.projection)
        {
            self.set_projection(projection);
        }
        self.model
            .set_palette(Palette::named(&settings.palette).unwrap_or_default());
        self.model.labels = LabelChoice::named(&settings.labels).unwrap_or_default();
        self.model
            .set_value(FillValue::named(&settings.value).unwrap_or_default());
        self.model.show_flows = settings.flows;
        self.model.flow_width = FlowWidth::named(&settings.flow_width).unwrap_or_default();
        if settings.days_per_second.is_finite() && settings.days_per_second > 0.0 {
            self.player.days_per_second = settings.days_per_second;
        }
        self.player.looping = settings.looping;
        self.exporter.include_popup = settings.include_popup;
        self.exporter.transparent = settings.transparent;
        // Files the command line put on the map stay at the head of the list.
        self.recent =
            settings
                .recent
                .into_iter()
                .fold(std::mem::take(&mut self.recent), |list, file| {
                    if list.contains(&file) || list.len() >= crate::ui::settings::MAX_RECENT {
                        list
                    } else {
                        [list, vec![file]].concat()
                    }
                });
        let remembered = [
            (FileKind::Outlines, settings.outlines, given.countries),
            (FileKind::Data, settings.data, given.data),
        ];
        let mut gone = Vec::new();
        for (kind, path, given) in remembered {
            let Some(path) = path.filter(|_| !given) else {
                continue;
            };
            if path.is_file() {
                self.open_file(kind, path);
            } else {
                let what = kind_name(kind);
                gone.push(format!(
                    "the last session's {what}, {}, are no longer there: showing the \
                     bundled {what} instead",
                    path.display()
                ));
            }
        }
        if !gone.is_empty() {
            self.error = Some(format!("The{}", &gone.join("; ")[3..]));
        }
    }

    /// Open a file from File → Open recent; one that is gone is said and taken off
    /// the list.
    pub fn open_recent(&mut self, file: &RecentFile) {
        let Some(kind) = file.kind() else {
            return;
        };
        if file.path.is_file() {
            self.open_file(kind, file.path.clone());
        } else {
            self.recent.retain(|f| f != file);
            self.error = Some(format!(
                "{} is no longer there; it is taken off File → Open recent",
                file.path.display()
            ));
        }
    }
}
