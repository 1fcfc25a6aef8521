//! The `aidmap` binary: parse the command line and run the command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use aidmap::check;
use aidmap::cli::{Cli, Command, ExportArgs, ExportTheme, Inputs, WindowArgs};
use aidmap::data::{self, bundled};
use aidmap::data::{AidDataset, Outlines};
use aidmap::error::{LoadError, printable};
use aidmap::export::{self, ExportError, ExportRequest, Format, FrameOptions};
use aidmap::scene::MapModel;
use aidmap::ui::screenshot::ScreenshotTarget;
use aidmap::ui::settings::{GivenOnCommandLine, Settings};
use aidmap::ui::{AidMapApp, AppOptions, FileKind};
use clap::Parser;

/// mimalloc instead of the system allocator: every frame, egui builds meshes of a few
/// megabytes and frees them; glibc hands that memory back to the kernel and faults it
/// in again next frame, which cost 5 ms of a 5.5 ms frame at 1:50m (measured with
/// `cargo bench --bench frame`). mimalloc keeps it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    tune_allocator();
    install_panic_hook();
    let cli = Cli::parse();
    let outcome = cli
        .inputs
        .validate()
        .map_err(Failure::Invalid)
        .and_then(|()| match &cli.command {
            Some(Command::Check) => run_check(&cli.inputs),
            Some(Command::Export(args)) => run_export(&cli.inputs, args),
            None => run_window(&cli.inputs, &cli.window),
        });
    // The one place a failure becomes words and an exit status.
    match outcome {
        Ok(status) => ExitCode::from(u8::try_from(status).unwrap_or(2)),
        Err(failure) => {
            eprintln!("error: {}", printable(&failure.to_string()));
            ExitCode::from(failure.status())
        }
    }
}

/// Why a command failed: printed after `error:`, with its exit status.
#[derive(Debug)]
enum Failure {
    /// Options, files or a write that failed: exit status 2.
    Invalid(String),
    /// `--strict`, and some of the data is not on the map: exit status 1.
    Unmatched(String),
}

impl Failure {
    fn status(&self) -> u8 {
        match self {
            Failure::Invalid(_) => check::EXIT_INVALID as u8,
            Failure::Unmatched(_) => check::EXIT_UNMATCHED as u8,
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Invalid(message) | Failure::Unmatched(message) => f.write_str(message),
        }
    }
}

impl From<LoadError> for Failure {
    fn from(err: LoadError) -> Self {
        Failure::Invalid(err.to_string())
    }
}

impl From<ExportError> for Failure {
    fn from(err: ExportError) -> Self {
        Failure::Invalid(err.to_string())
    }
}

/// mimalloc's defaults suit long-running servers, not a command that runs for a tenth
/// of a second: it committed its arena in large chunks up front (peak memory 108 MiB
/// for a 1:50m export, 58 MiB without) and handed freed memory back to the kernel
/// after 10 ms, only to fault it in again, zeroed, moments later (a third of the run
/// in the kernel). Commit on demand, and keep what was freed until the process ends;
/// without transparent huge pages, a fault zeroes 4 KiB, not 2 MiB. Measured with
/// `MIMALLOC_SHOW_STATS=1` (see bench/RESULTS.md).
fn tune_allocator() {
    /// mimalloc's option numbers (`mi_option_t` in mimalloc.h, v3).
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    const ALLOW_THP: libmimalloc_sys::mi_option_t = 46;
    for (option, value) in [(ARENA_EAGER_COMMIT, 0), (PURGE_DELAY, -1), (ALLOW_THP, 0)] {
        // SAFETY: sets a number in mimalloc's option table; called first thing in
        // `main`, before any other thread exists (the calls are not thread safe).
        unsafe { libmimalloc_sys::mi_option_set(option, value) };
    }
    // mimalloc reserved its arena before `main`, with huge pages allowed: the kernel's
    // per-process switch turns them off for the faults still to come.
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes an integer flag and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// The last resort, not the mechanism: bad input ends in `error:` messages long before
/// this. Should aidmap still fail inside, say so plainly, say that files are untouched
/// (every write is atomic), and keep the details in a log for the bug report.
fn install_panic_hook() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let log = std::env::temp_dir().join("aidmap-crash.log");
        let details = format!("{info}\n{}\n", std::backtrace::Backtrace::force_capture());
        let saved = std::fs::write(&log, &details).is_ok();
        eprintln!("error: aidmap failed inside: {info}");
        eprintln!("No file was changed: exports are written whole or not at all.");
        if saved {
            eprintln!("Details for a bug report are in {}.", log.display());
        } else {
            default_hook(info);
        }
    }));
}

/// `aidmap check`: the report's status (0, or 1 where some data joins no outline).
fn run_check(inputs: &Inputs) -> Result<i32, Failure> {
    let report = check::run(
        inputs.countries.as_deref(),
        inputs.data.as_deref(),
        inputs.object.as_deref(),
        inputs.limits(),
    )?;
    print!("{}", printable(&report.text));
    Ok(report.status)
}

/// The outlines and aid data the command line names, or the bundled ones.
fn load_inputs(inputs: &Inputs) -> Result<(Outlines, AidDataset), LoadError> {
    let outlines = match &inputs.countries {
        Some(path) => data::load_outlines_within(path, inputs.object.as_deref(), inputs.limits())?,
        None => bundled::outlines()?,
    };
    let aid = match &inputs.data {
        Some(path) => data::load_aid_within(path, inputs.limits().max_file_bytes)?,
        None => bundled::aid_data()?,
    };
    Ok((outlines, aid))
}

/// Animations of at least this many frames show their progress on a terminal.
const PROGRESS_FROM_FRAMES: usize = 100;

/// The exit status after Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: i32 = 130;

fn run_export(inputs: &Inputs, args: &ExportArgs) -> Result<i32, Failure> {
    // Interrupted, an export leaves no half-written temporary file behind. Without
    // the handler the default action (ending the process) stands.
    let _ = ctrlc::set_handler(|| {
        export::file::remove_temporaries();
        eprintln!("\ninterrupted: no file was written");
        std::process::exit(EXIT_INTERRUPTED);
    });
    let request = export_request(args);
    request.validate()?;
    let started = std::time::Instant::now();
    let (outlines, aid) = load_inputs(inputs)?;
    let loaded = started.elapsed();
    let natural_earth = inputs.countries.is_none();
    // A raster picture shows the detail its pixels can; a vector one may be enlarged.
    let format = Format::of(&request.out)?;
    let mut model = match format {
        format if format.is_raster() => MapModel::for_picture(
            outlines,
            aid,
            request.projection,
            natural_earth,
            request.width * request.pixel_scale(),
        ),
        _ => MapModel::new(outlines, aid, request.projection, natural_earth),
    };
    let prepared = started.elapsed();
    // The warning tells what the picture will: with its donor and arcs as asked, on
    // its day (an animation's last frame shows every team).
    export::apply_flow_options(&mut model, &request).map_err(export::ExportError::Request)?;
    if !format.is_animation() && request.date.is_some() {
        model.set_day(request.date);
    }
    if let Some(note) = aidmap::scene::text::donor_cities_note(&model) {
        eprintln!("note: {} (the picture says so too)", printable(&note));
    }
    if let Some(note) = aidmap::scene::text::not_shown_note(&model) {
        if args.strict {
            return Err(Failure::Unmatched(format!(
                "--strict: {note}; nothing was written"
            )));
        }
        eprintln!(
            "warning: {} (the picture says so too; --strict makes this an error)",
            printable(&note)
        );
    }
    let mut progress = terminal_progress();
    let result = export::export(&mut model, &request, &mut progress);
    if std::env::var_os("AIDMAP_TIMINGS").is_some() {
        eprintln!(
            "timings: load {:.1} ms, project and triangulate {:.1} ms, draw and write {:.1} ms",
            loaded.as_secs_f64() * 1e3,
            (prepared - loaded).as_secs_f64() * 1e3,
            (started.elapsed() - prepared).as_secs_f64() * 1e3
        );
    }
    result?;
    println!("wrote {}", printable(&request.out.display().to_string()));
    Ok(check::EXIT_OK)
}

/// What `aidmap export`'s options ask for.
fn export_request(args: &ExportArgs) -> ExportRequest {
    ExportRequest {
        out: args.out.clone(),
        width: args.width,
        height: args.height,
        scale: args.scale,
        projection: args.projection.into(),
        dark: args.theme == ExportTheme::Dark,
        select: args.select.clone(),
        popup: args.popup,
        date: args.date,
        flows: match (args.flows, args.no_flows) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
        flow_width: args.flow_width.map(Into::into),
        donor: args.donor.clone(),
        captions: [args.title.clone(), args.subtitle.clone(), args.note.clone()],
        palette: args.palette,
        labels: args.labels.map(Into::into),
        value: args.value.map(Into::into),
        transparent: args.transparent,
        frames: FrameOptions {
            from: args.from,
            to: args.to,
            step_days: args.step_days,
            fps: args.fps,
            hold: args.hold,
        },
    }
}

/// A long animation says how far it is, on a terminal (not in logs or pipes).
fn terminal_progress() -> impl FnMut(usize, usize) -> bool {
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    move |done: usize, total: usize| {
        if terminal && total >= PROGRESS_FROM_FRAMES {
            eprint!("\rframe {done} of {total}");
            if done == total {
                eprintln!();
            }
        }
        true
    }
}

/// The window's size on a first start, in points.
const DEFAULT_WINDOW_SIZE: [f32; 2] = [1400.0, 860.0];

fn run_window(inputs: &Inputs, window: &WindowArgs) -> Result<i32, Failure> {
    let started = std::time::Instant::now();
    let startup = bundled::load_or_bundled(
        inputs.countries.as_deref(),
        inputs.data.as_deref(),
        inputs.object.as_deref(),
        inputs.limits(),
    );
    let files = startup?;
    // The window opens anyway, on the bundled data, and says so.
    for error in &files.errors {
        eprintln!("error: {}", printable(error));
    }
    let (outlines, aid, natural_earth, errors) =
        (files.outlines, files.aid, files.natural_earth, files.errors);
    let outcome = Arc::new(Mutex::new(None));
    let options = AppOptions {
        projection: window.projection.unwrap_or_default().into(),
        theme: window.theme.unwrap_or_default().into(),
        screenshot: window.screenshot.clone().map(|path| ScreenshotTarget {
            path,
            outcome: outcome.clone(),
        }),
        export_folder: None,
        limits: inputs.limits(),
        window_size: window.size.map(egui::Vec2::from),
    };
    // A screenshot shows the command line's choices only; a size given on it wins over
    // the remembered one.
    let remember = window.screenshot.is_none() && !window.fresh;
    let scratch = (!remember).then(|| {
        std::env::temp_dir().join(format!("aidmap-{}-unremembered.ron", std::process::id()))
    });
    let native = native_options(&aid.title, window, remember, scratch.clone());
    let given = GivenOnCommandLine {
        projection: window.projection.is_some(),
        theme: window.theme.is_some(),
        countries: inputs.countries.is_some(),
        data: inputs.data.is_some(),
    };
    let loaded = started.elapsed();
    let mut app = AidMapApp::new(outlines, aid, natural_earth, options);
    app.remember = remember;
    note_given_files(&mut app, inputs);
    if std::env::var_os("AIDMAP_TIMINGS").is_some() {
        app.report_startup(started, loaded);
    }
    if !errors.is_empty() {
        app.error = Some(format!(
            "{}; showing the bundled data instead",
            errors.join("; ")
        ));
    }
    eframe::run_native(
        "aidmap",
        native,
        Box::new(move |cc| {
            let remembered = cc.storage.filter(|_| remember).and_then(Settings::load);
            if let Some(settings) = remembered {
                app.restore(settings, given);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| Failure::Invalid(format!("cannot open the window: {err}")))?;
    if let Some(scratch) = &scratch {
        let _ = std::fs::remove_file(scratch);
    }
    let result = outcome.lock().ok().and_then(|mut o| o.take());
    screenshot_outcome(result, window.screenshot.as_deref())
}

/// Files given on the command line that are on the map head File → Open recent (one
/// that could not be read is not on the map: the bundled data stands for it).
fn note_given_files(app: &mut AidMapApp, inputs: &Inputs) {
    let on_map = [
        (
            FileKind::Outlines,
            &inputs.countries,
            app.model.outlines.file.clone(),
        ),
        (FileKind::Data, &inputs.data, app.model.aid.file.clone()),
    ];
    for (kind, given, shown) in on_map {
        if let Some(path) = given
            .as_deref()
            .filter(|p| p.display().to_string() == shown)
        {
            app.note_shown(kind, path);
        }
    }
}

/// The window's options: its title, size (the command line's, else the default) and
/// whether eframe keeps its size and place (`scratch`: a storage file of its own for a
/// run that must not depend on the last session).
fn native_options(
    title: &str,
    window: &WindowArgs,
    remember: bool,
    scratch: Option<PathBuf>,
) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("aidmap — {title}"))
            .with_inner_size(window.size.unwrap_or(DEFAULT_WINDOW_SIZE))
            .with_min_inner_size([640.0, 420.0]),
        persist_window: remember && window.size.is_none(),
        // eframe reads the remembered window's size and place whatever persist_window
        // says, so a run that must not depend on the last session has storage of its own.
        persistence_path: scratch,
        ..Default::default()
    }
}

/// How a window run ends: with the screenshot saved, its error, or the window closed
/// before a frame was captured.
fn screenshot_outcome(
    result: Option<Result<(), ExportError>>,
    screenshot: Option<&Path>,
) -> Result<i32, Failure> {
    match (result, screenshot) {
        (Some(Ok(())), Some(path)) => {
            println!("saved {}", path.display());
            Ok(check::EXIT_OK)
        }
        (Some(Err(err)), _) => Err(err.into()),
        (None, Some(path)) => Err(Failure::Invalid(format!(
            "{}: the window closed before a frame was captured",
            path.display()
        ))),
        (_, None) => Ok(check::EXIT_OK),
    }
}
