//! The menu bar: File (open outlines or data, export a picture or an animation,
//! quit), View (projection, theme, flows, reset) and the Export… and Reset view
//! buttons. It changes nothing itself: it returns what was chosen, and the app
//! applies it.

use crate::export::Format;
use crate::geometry::projection::Projection;
use crate::scene::arcs::FlowWidth;
use crate::scene::fill_value::FillValue;
use crate::scene::label_choice::LabelChoice;
use crate::scene::palette::Palette;
use crate::scene::style::ThemeChoice;
use crate::ui::export::ExportKind;
use crate::ui::files::FileKind;

/// What the menu bar shows as chosen.
#[derive(Debug, Clone, Copy)]
pub struct MenuState {
    /// The projection in use.
    pub projection: Projection,
    /// The theme chosen.
    pub theme: ThemeChoice,
    /// Whether exports include an open pop-up.
    pub include_popup: bool,
    /// Whether exported pictures have no background.
    pub transparent: bool,
    /// Whether the data has dates (an animation can be made).
    pub has_timeline: bool,
    /// Whether the arcs are drawn; `None` where the data has none to draw.
    pub flows: Option<bool>,
    /// What the arcs' widths stand for.
    pub flow_width: FlowWidth,
    /// The fills' palette.
    pub palette: Palette,
    /// Which countries are named.
    pub labels: LabelChoice,
    /// What the fills stand for.
    pub value: FillValue,
}

/// What the user chose in the menu bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuAction {
    /// Ask for a file to open.
    Open(FileKind),
    /// Export the picture.
    Export(ExportKind),
    /// Open the animation export window.
    ExportAnimation,
    /// Include an open pop-up in exports, or not.
    IncludePopup(bool),
    /// Export pictures without a background, or not.
    Transparent(bool),
    /// Switch projection.
    Projection(Projection),
    /// Switch theme.
    Theme(ThemeChoice),
    /// Draw the arcs from senders to recipients, or not.
    Flows(bool),
    /// What the arcs' widths stand for.
    FlowWidth(FlowWidth),
    /// Open the Title and notes window.
    Captions,
    /// Open the Data table.
    DataTable,
    /// Save the data, joined, as CSV.
    ExportData,
    /// Fill the recipients with this palette.
    Palette(Palette),
    /// Open the recent file at this place in File → Open recent.
    OpenRecent(usize),
    /// Open Help → About.
    About,
    /// Name these countries on the map.
    Labels(LabelChoice),
    /// Make the fills stand for this.
    Value(FillValue),
    /// Show the whole world.
    ResetView,
    /// Close the window.
    Quit,
}

/// Draw the menu bar, with `recent` files (most recent first) under File → Open
/// recent; what was chosen, if anything.
pub fn menu_bar(ui: &mut egui::Ui, state: &MenuState, recent: &[String]) -> Option<MenuAction> {
    let mut action = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            action = action.or(file_menu(ui, state, recent))
        });
        ui.menu_button("View", |ui| action = action.or(view_menu(ui, state)));
        if ui
            .button("Export…")
            .on_hover_text("Save the map as PNG (Ctrl+S); SVG and PDF are in the File menu")
            .clicked()
        {
            action = Some(MenuAction::Export(ExportKind::File(Format::Png)));
        }
        if ui
            .button("Reset view")
            .on_hover_text("Show the whole world (Home)")
            .clicked()
        {
            action = Some(MenuAction::ResetView);
        }
        ui.menu_button("Help", |ui| {
            if ui.button("About aidmap").clicked() {
                action = Some(MenuAction::About);
                ui.close();
            }
        });
    });
    action
}

fn file_menu(ui: &mut egui::Ui, state: &MenuState, recent: &[String]) -> Option<MenuAction> {
    let mut action = None;
    let mut choose = |ui: &mut egui::Ui, clicked: bool, chosen: MenuAction| {
        if clicked {
            action = Some(chosen);
            ui.close();
        }
    };
    for (label, kind) in [
        ("Open outlines…", FileKind::Outlines),
        ("Open data…", FileKind::Data),
    ] {
        let clicked = ui.button(label).clicked();
        choose(ui, clicked, MenuAction::Open(kind));
    }
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for (index, label) in recent.iter().enumerate() {
                let clicked = ui.button(label).clicked();
                choose(ui, clicked, MenuAction::OpenRecent(index));
            }
        })
        .response
        .on_disabled_hover_text("No file opened yet");
    });
    ui.separator();
    let png = egui::Button::new("Export as PNG…").shortcut_text("Ctrl+S");
    let clicked = ui.add(png).clicked();
    choose(
        ui,
        clicked,
        MenuAction::Export(ExportKind::File(Format::Png)),
    );
    for format in [Format::Svg, Format::Pdf] {
        let label = format!("Export as {}…", format.extension().to_uppercase());
        let clicked = ui.button(label).clicked();
        choose(ui, clicked, MenuAction::Export(ExportKind::File(format)));
    }
    let clicked = ui
        .add_enabled(state.has_timeline, egui::Button::new("Export animation…"))
        .on_disabled_hover_text("The data has no arrival dates to animate")
        .clicked();
    choose(ui, clicked, MenuAction::ExportAnimation);
    let copy = egui::Button::new("Copy picture").shortcut_text("Ctrl+Shift+C");
    let clicked = ui.add(copy).clicked();
    choose(ui, clicked, MenuAction::Export(ExportKind::Clipboard));
    let clicked = ui.button("Export data as CSV…").clicked();
    choose(ui, clicked, MenuAction::ExportData);
    let mut include = state.include_popup;
    if ui
        .checkbox(&mut include, "Include the pop-up in exports")
        .changed()
    {
        action = Some(MenuAction::IncludePopup(include));
    }
    let mut transparent = state.transparent;
    if ui
        .checkbox(&mut transparent, "Transparent background in exports")
        .on_hover_text("PNG, SVG and PDF: no background outside the map, for a slide's own")
        .changed()
    {
        action = Some(MenuAction::Transparent(transparent));
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        action = Some(MenuAction::Quit);
        ui.close();
    }
    action
}

fn view_menu(ui: &mut egui::Ui, state: &MenuState) -> Option<MenuAction> {
    let mut action = None;
    look_items(ui, state, &mut action);
    ui.separator();
    flow_items(ui, state, &mut action);
    ui.separator();
    for (label, chosen) in [
        ("Data table", MenuAction::DataTable),
        ("Title and notes…", MenuAction::Captions),
        ("Reset view (Home)", MenuAction::ResetView),
    ] {
        if ui.button(label).clicked() {
            action = Some(chosen);
            ui.close();
        }
    }
    action
}

/// One radio button per choice, the current one set; a click closes the menu and
/// makes `action` the choice's.
fn radios<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    current: T,
    choices: impl IntoIterator<Item = (T, &'static str)>,
    make: impl Fn(T) -> MenuAction,
    action: &mut Option<MenuAction>,
) {
    for (choice, label) in choices {
        if ui.radio(current == choice, label).clicked() {
            *action = Some(make(choice));
            ui.close();
        }
    }
}

/// View → projection, theme, palette, what the fills stand for, and labels.
fn look_items(ui: &mut egui::Ui, state: &MenuState, action: &mut Option<MenuAction>) {
    ui.label("Projection");
    let projections = Projection::ALL.map(|p| (p, p.label()));
    radios(
        ui,
        state.projection,
        projections,
        MenuAction::Projection,
        action,
    );
    ui.separator();
    ui.label("Theme");
    let themes = [
        (ThemeChoice::System, "Follow the system"),
        (ThemeChoice::Light, "Light"),
        (ThemeChoice::Dark, "Dark"),
    ];
    radios(ui, state.theme, themes, MenuAction::Theme, action);
    ui.separator();
    ui.menu_button("Palette", |ui| {
        let palettes = Palette::ALL.map(|p| (p, p.label()));
        radios(ui, state.palette, palettes, MenuAction::Palette, action);
    });
    let values = FillValue::ALL.map(|v| (v, v.label()));
    radios(ui, state.value, values, MenuAction::Value, action);
    ui.menu_button("Labels", |ui| {
        let labels = LabelChoice::ALL.map(|l| (l, l.label()));
        radios(ui, state.labels, labels, MenuAction::Labels, action);
    });
}

/// View → Flows and what an arc's width stands for (both off where no arcs are).
fn flow_items(ui: &mut egui::Ui, state: &MenuState, action: &mut Option<MenuAction>) {
    let mut flows = state.flows.unwrap_or(false);
    let toggle = ui
        .add_enabled(
            state.flows.is_some(),
            egui::Checkbox::new(&mut flows, "Flows"),
        )
        .on_hover_text("Arcs from each team's sender to where it arrived")
        .on_disabled_hover_text("The data does not say where the teams came from");
    if toggle.changed() {
        *action = Some(MenuAction::Flows(flows));
    }
    let arcs_drawn = state.flows == Some(true);
    for (width, label) in [
        (FlowWidth::Teams, "Arc width: teams"),
        (FlowWidth::Members, "Arc width: members"),
    ] {
        let radio = ui
            .add_enabled(
                arcs_drawn,
                egui::RadioButton::new(state.flow_width == width, label),
            )
            .on_disabled_hover_text("No arcs are drawn");
        if radio.clicked() {
            *action = Some(MenuAction::FlowWidth(width));
            ui.close();
        }
    }
}
