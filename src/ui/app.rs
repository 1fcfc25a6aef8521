//! The application state and the composition of its panels.

mod about;
mod bars;
mod remember;
#[cfg(feature = "gui")]
mod window;

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::data::{AidDataset, Outlines};
use crate::export::Format;
use crate::geometry::projection::Projection;
use crate::scene::style::ThemeChoice;
use crate::scene::{MapModel, MapStyle, MapView};
use crate::ui::captions_panel::CaptionsPanel;
use crate::ui::data_table::{DataTable, TableAction};
use crate::ui::export::{ExportKind, Shown, WindowExport};
use crate::ui::export_animation::AnimationExport;
use crate::ui::files::{FileKind, FileLoader};
use crate::ui::map_widget::{MapMemory, MapWidget};
use crate::ui::menus::{MenuAction, MenuState, menu_bar};
use crate::ui::popup;
use crate::ui::screenshot::{ScreenshotJob, ScreenshotTarget};
use crate::ui::settings::{RecentFile, with_recent};
use crate::ui::side_panel::{SideAction, SidePanel};
use crate::ui::timeline::TimelinePlayer;

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// The projection to start in.
    pub projection: Projection,
    /// The theme to start in.
    pub theme: ThemeChoice,
    /// Save the first fully drawn frame and close (`--screenshot`).
    pub screenshot: Option<ScreenshotTarget>,
    /// Save exports here without asking (instead of a save dialog).
    pub export_folder: Option<std::path::PathBuf>,
    /// Limits for outline files opened in the window.
    pub limits: crate::data::Limits,
    /// The window's size given on the command line: it wins over the remembered one.
    pub window_size: Option<egui::Vec2>,
}

/// The whole application state.
pub struct AidMapApp {
    /// The data on the map.
    pub model: MapModel,
    /// The map's view, hover, selection and caches.
    pub map: MapMemory,
    /// The pop-up, when one is open: the country it is about.
    pub popup: Option<usize>,
    /// Counts pop-up openings, so each opens fresh (see `popup::ui`).
    popup_opening: u64,
    /// Where the pop-up was drawn in the last frame.
    popup_rect: Option<egui::Rect>,
    /// The theme choice.
    pub theme: ThemeChoice,
    /// The last load error, shown in the window until dismissed.
    pub error: Option<String>,
    /// The recipients list and search box.
    pub side_panel: SidePanel,
    /// Exports from the window and their toasts.
    pub exporter: WindowExport,
    /// The timeline's player (playing, speed, loop).
    pub player: TimelinePlayer,
    /// File → Export animation…: its window and the export running.
    pub animation: AnimationExport,
    /// View → Title and notes…: its window.
    pub captions: CaptionsPanel,
    /// View → Data table: its window.
    pub data_table: DataTable,
    /// Files opened, most recent first (File → Open recent).
    pub recent: Vec<RecentFile>,
    /// Help → About is open.
    pub about_open: bool,
    /// The outline and data files on the map (`None`: the bundled ones), to be
    /// remembered for the next start.
    pub files_shown: [Option<std::path::PathBuf>; 2],
    /// A size to give the window on its first frame (`--size`).
    pending_size: Option<egui::Vec2>,
    /// Remember the settings when the window closes (not for `--screenshot`, whose
    /// picture must not depend on the last session).
    pub remember: bool,
    loader: FileLoader,
    screenshot: Option<ScreenshotJob>,
    theme_applied: Option<ThemeChoice>,
    fonts_ready: bool,
    /// With `AIDMAP_TIMINGS`: when the process started, and how long loading took;
    /// the first drawn frame reports the rest.
    startup_report: Option<(std::time::Instant, std::time::Duration, std::time::Duration)>,
}

impl AidMapApp {
    /// An app showing `outlines` and `aid`. `natural_earth` says whether the outlines
    /// are the bundled Natural Earth ones (for the credit line).
    pub fn new(
        outlines: Outlines,
        aid: AidDataset,
        natural_earth: bool,
        options: AppOptions,
    ) -> Self {
        AidMapApp {
            model: MapModel::new(outlines, aid, options.projection, natural_earth),
            map: MapMemory::default(),
            popup: None,
            popup_opening: 0,
            popup_rect: None,
            theme: options.theme,
            error: None,
            side_panel: SidePanel::default(),
            exporter: WindowExport::saving_to(options.export_folder.clone()),
            player: TimelinePlayer::default(),
            animation: AnimationExport::default(),
            captions: CaptionsPanel::default(),
            data_table: DataTable::default(),
            recent: Vec::new(),
            about_open: false,
            files_shown: [None, None],
            remember: true,
            pending_size: options.window_size,
            loader: FileLoader::with_limits(options.limits),
            screenshot: options.screenshot.map(ScreenshotJob::new),
            theme_applied: None,
            fonts_ready: false,
            startup_report: None,
        }
    }

    /// The selected country's name, if any.
    pub fn selected_name(&self) -> Option<&str> {
        self.map
            .state
            .selected
            .map(|c| self.model.outlines.countries[c].name.as_str())
    }

    /// Where longitude/latitude `lon`, `lat` is on screen in the last drawn frame.
    pub fn screen_position(&self, lon: f64, lat: f64) -> Option<egui::Pos2> {
        let map_rect = self.map.last_map_rect()?;
        let transform = self
            .map
            .view
            .transform(self.model.projected.world_bounds, map_rect);
        Some(transform.to_screen(self.model.projected.projection.forward(lon, lat)))
    }

    /// Say whether a file dialog can open (`None`: ask the system).
    pub fn set_file_dialogs(&mut self, available: Option<bool>) {
        self.loader.dialogs = available;
    }

    /// Where the pop-up was drawn in the last frame, if one is open.
    pub fn popup_rect(&self) -> Option<egui::Rect> {
        self.popup_rect
    }

    /// The map area of the last drawn frame.
    pub fn last_map_rect(&self) -> Option<egui::Rect> {
        self.map.last_map_rect()
    }

    /// Centre the view on `lon`, `lat` at `zoom` (1 = whole world).
    pub fn look_at(&mut self, lon: f64, lat: f64, zoom: f64) {
        self.map.view = MapView {
            center: self.model.projected.projection.forward(lon, lat),
            zoom,
        };
        if let Some(map_rect) = self.map.last_map_rect() {
            self.map
                .view
                .clamp(self.model.projected.world_bounds, map_rect);
        }
    }

    /// Select `country` and open its pop-up (or clear both with `None`).
    pub fn select(&mut self, country: Option<usize>) {
        if country.is_some() && country != self.popup {
            self.popup_opening += 1;
        }
        self.map.state.selected = country;
        self.popup = country;
    }

    /// Switch projection, keeping the selection.
    pub fn set_projection(&mut self, projection: Projection) {
        self.model.set_projection(projection);
        self.map.view = MapView::default();
    }

    /// Back to the whole world.
    pub fn reset_view(&mut self) {
        self.map.view = MapView::default();
    }

    /// Replace the outlines or the data with a file's. On failure the map stays as it
    /// was and the error is shown.
    pub fn load_file(&mut self, kind: FileKind, path: &std::path::Path) {
        let loaded = crate::ui::files::load(kind, path, &self.model, self.loader.limits);
        let opened = Some((kind, path.to_path_buf()));
        self.take_loaded(opened, loaded.map_err(|err| err.to_string()));
    }

    /// Queue a file to load on a worker thread, as File → Open and dropping do.
    pub fn open_file(&mut self, kind: FileKind, path: std::path::PathBuf) {
        self.loader.queue(kind, path);
    }

    /// Note that `path` is on the map as the `kind` file: it heads File → Open recent
    /// and is opened again at the next start.
    pub fn note_shown(&mut self, kind: FileKind, path: &std::path::Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent = with_recent(&self.recent, RecentFile::new(kind, &path));
        let slot = match kind {
            FileKind::Outlines => 0,
            FileKind::Data => 1,
        };
        self.files_shown[slot] = Some(path);
    }

    /// True while a file is loading.
    pub fn is_loading(&self) -> bool {
        self.loader.loading_file().is_some()
    }

    fn take_loaded(
        &mut self,
        opened: Option<(FileKind, PathBuf)>,
        loaded: Result<MapModel, String>,
    ) {
        match loaded {
            Ok(mut model) => {
                if let Some((kind, path)) = opened {
                    self.note_shown(kind, &path);
                }
                // New outlines for the same data keep the words written for it.
                if model.aid.file == self.model.aid.file {
                    model.captions = self.model.captions.clone();
                }
                model.set_palette(self.model.palette);
                // The user's choices of how to draw carry over to the new files.
                model.labels = self.model.labels;
                model.set_value(self.model.value);
                model.flow_width = self.model.flow_width;
                model.show_flows &= self.model.show_flows;
                self.model = model;
                self.player.playing = false;
                self.select(None);
                self.map.view = MapView::default();
                self.error = None;
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// Print, at the end of the first frame, how long start-up took and where it went
    /// (`AIDMAP_TIMINGS=1`): reading the files (`loaded`), projecting and
    /// triangulating (until now), and opening the window and drawing.
    pub fn report_startup(&mut self, started: std::time::Instant, loaded: std::time::Duration) {
        self.startup_report = Some((started, loaded, started.elapsed()));
    }

    /// Draw the whole window into `ui` and handle its input.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.before_frame(&ctx);
        self.handle_shortcuts(&ctx);
        self.step_timeline(&ctx);
        self.menu_bar_ui(ui, &ctx);
        self.status_bars(ui);
        let side = egui::Panel::left("recipients")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| {
                self.side_panel.ui(ui, &self.model, self.map.state.selected)
            });
        if let Some(action) = side.inner {
            self.apply_side_action(action);
        }
        self.timeline_bar(ui, &ctx);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.map_and_popup(ui));
        self.loader.take_dropped(&ctx);
        self.after_map(&ctx);
    }

    /// What a frame does before drawing: a size asked for, the fonts and theme once,
    /// a file that finished loading, and the next file to load.
    fn before_frame(&mut self, ctx: &egui::Context) {
        if let Some(size) = self.pending_size.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
        }
        if !self.fonts_ready {
            ctx.set_fonts(crate::scene::fonts::fonts());
            self.fonts_ready = true;
        }
        if self.theme_applied != Some(self.theme) {
            ctx.set_theme(self.theme.preference());
            self.theme_applied = Some(self.theme);
        }
        if let Some((kind, path, loaded)) = self.loader.finished() {
            self.take_loaded(Some((kind, path)), loaded);
        }
        self.loader.start_next(&self.model, ctx);
    }

    /// The menu bar, and what its choice does.
    fn menu_bar_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let menu_state = MenuState {
            projection: self.model.projected.projection,
            theme: self.theme,
            include_popup: self.exporter.include_popup,
            transparent: self.exporter.transparent,
            has_timeline: self.model.timeline.is_some(),
            flows: self.model.has_flows().then_some(self.model.show_flows),
            flow_width: self.model.flow_width,
            palette: self.model.palette,
            labels: self.model.labels,
            value: self.model.value,
        };
        let recent: Vec<String> = self.recent.iter().map(RecentFile::label).collect();
        let menu = egui::Panel::top("menu bar").show(ui, |ui| menu_bar(ui, &menu_state, &recent));
        if let Some(action) = menu.inner {
            self.apply_menu_action(action, ctx);
        }
    }

    /// What a frame does once the map is drawn: exports under way, the windows over
    /// the map (animation export, title and notes, About, data table), a screenshot
    /// job, and the start-up timings once.
    fn after_map(&mut self, ctx: &egui::Context) {
        let ctx = ctx.clone();
        let shown = Shown {
            view: self.map.view,
            selected: self.map.state.selected,
            popup_open: self.popup.is_some(),
        };
        self.exporter
            .step(&ctx, self.map.last_scene_rect(), &self.model, &shown);
        let picture = self
            .exporter
            .picture(&ctx, self.map.last_scene_rect(), &shown);
        let folder = self.exporter.folder.clone();
        if let Some((text, error)) = self.animation.ui(&ctx, &self.model, picture, folder) {
            self.exporter.toast(&ctx, text, error);
        }
        self.captions.show(&ctx, &mut self.model);
        self.about_window(&ctx);
        match self.data_table.show(&ctx, &self.model) {
            Some(TableAction::SaveCsv) => self.save_data_csv(&ctx),
            Some(TableAction::Copied(n)) => {
                let rows = if n == 1 { "row" } else { "rows" };
                self.exporter
                    .toast(&ctx, format!("Copied {n} {rows}"), false);
            }
            None => {}
        }
        if let Some(job) = &mut self.screenshot {
            job.step(&ctx, &self.model);
        }
        if let Some((started, loaded, prepared)) = self.startup_report.take() {
            eprintln!(
                "timings: first frame drawn {:.1} ms after start (load {:.1} ms, project and \
                 triangulate {:.1} ms, window and first frame {:.1} ms)",
                started.elapsed().as_secs_f64() * 1e3,
                loaded.as_secs_f64() * 1e3,
                (prepared - loaded).as_secs_f64() * 1e3,
                (started.elapsed() - prepared).as_secs_f64() * 1e3
            );
        }
    }

    /// Ctrl+Shift+C copies the picture, Ctrl+S saves it, Esc closes the pop-up.
    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let copy = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
        if ctx.input_mut(|i| i.consume_shortcut(&copy)) {
            self.exporter.start(ExportKind::Clipboard);
        }
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        if ctx.input_mut(|i| i.consume_shortcut(&save)) {
            self.exporter.start(ExportKind::File(Format::Png));
        }
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            self.select(None);
        }
    }

    /// Save the whole data, joined to the outlines, as CSV (File → Export data as
    /// CSV…, and the Data table's button).
    fn save_data_csv(&mut self, ctx: &egui::Context) {
        let rows = crate::scene::data_rows::data_rows(&self.model);
        match crate::scene::data_rows::to_csv(&rows) {
            Ok(bytes) => {
                let day = self
                    .model
                    .shown_day()
                    .unwrap_or_else(|| chrono::Utc::now().date_naive());
                let name = format!("aidmap-{}-data.csv", day.format("%Y%m%d"));
                self.exporter.save_data(ctx, name, bytes);
            }
            Err(message) => self
                .exporter
                .toast(ctx, format!("Export failed: {message}"), true),
        }
    }

    /// Show the map as it stood on `day`.
    pub fn show_day(&mut self, day: chrono::NaiveDate) {
        self.model.set_day(Some(day));
    }

    /// The map, and the open pop-up over it.
    fn map_and_popup(&mut self, ui: &mut egui::Ui) {
        let style = MapStyle::for_dark_mode(ui.visuals().dark_mode);
        let widget = MapWidget::new(&self.model, &mut self.map, &style, self.popup);
        let outcome = widget.ui(ui);
        if let Some(clicked) = outcome.clicked {
            self.select(clicked);
        }
        self.popup_rect = None;
        if let Some(anchor) = outcome.popup_anchor
            && let Some(country) = self.popup
        {
            let bounds = ui.max_rect();
            let shown = popup::ui(
                ui.ctx(),
                &self.model,
                country,
                anchor,
                self.popup_opening,
                bounds,
            );
            self.popup_rect = Some(shown.rect);
            if shown.close {
                // Close does what Esc does: the selection goes with the pop-up.
                self.select(None);
            }
        }
    }

    fn apply_side_action(&mut self, action: SideAction) {
        match action {
            SideAction::Select(country) => {
                self.select(Some(country));
                self.map.ensure_visible(&self.model, country);
            }
            SideAction::Find(country) => {
                self.select(Some(country));
                self.map.focus_on(&self.model, country);
            }
            SideAction::Donor(donor) => self.model.set_donor(donor),
        }
    }

    fn apply_menu_action(&mut self, action: MenuAction, ctx: &egui::Context) {
        match action {
            MenuAction::Open(kind) => {
                if let Err(message) = self.loader.open_dialog(kind, ctx) {
                    self.exporter.toast(ctx, message, true);
                }
            }
            MenuAction::Export(kind) => self.exporter.start(kind),
            MenuAction::ExportAnimation => self.animation.open = true,
            MenuAction::IncludePopup(include) => self.exporter.include_popup = include,
            MenuAction::Transparent(transparent) => self.exporter.transparent = transparent,
            MenuAction::Projection(projection) => self.set_projection(projection),
            MenuAction::Theme(theme) => self.theme = theme,
            MenuAction::Flows(show) => self.model.show_flows = show,
            MenuAction::FlowWidth(width) => self.model.flow_width = width,
            MenuAction::Captions => self.captions.open_for(&self.model),
            MenuAction::DataTable => self.data_table.open = true,
            MenuAction::ExportData => self.save_data_csv(ctx),
            MenuAction::Palette(palette) => self.model.set_palette(palette),
            MenuAction::Labels(labels) => self.model.labels = labels,
            MenuAction::Value(value) => self.model.set_value(value),
            MenuAction::OpenRecent(index) => {
                if let Some(file) = self.recent.get(index).cloned() {
                    self.open_recent(&file);
                }
            }
            MenuAction::About => self.about_open = true,
            MenuAction::ResetView => self.reset_view(),
            MenuAction::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }
}
