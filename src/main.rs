//! The `aidmap` binary: parse the command line and run the command.

use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use aidmap::check;
use aidmap::cli::{Cli, Command, Inputs, WindowArgs};
use aidmap::data::{self, bundled};
use aidmap::error::LoadError;
use aidmap::ui::screenshot::ScreenshotTarget;
use aidmap::ui::{AidMapApp, AppOptions};
use clap::Parser;

/// mimalloc instead of the system allocator: every frame, egui builds meshes of a few
/// megabytes and frees them; glibc hands that memory back to the kernel and faults it
/// in again next frame, which cost 5 ms of a 5.5 ms frame at 1:50m (measured with
/// `cargo bench --bench frame`). mimalloc keeps it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Some(Command::Check) => run_check(&cli.inputs),
        None => run_window(&cli.inputs, &cli.window),
    };
    ExitCode::from(u8::try_from(status).unwrap_or(2))
}

fn run_check(inputs: &Inputs) -> i32 {
    match check::run(
        inputs.countries.as_deref(),
        inputs.data.as_deref(),
        inputs.object.as_deref(),
    ) {
        Ok(report) => {
            print!("{}", report.text);
            report.status
        }
        Err(err) => {
            eprintln!("error: {err}");
            check::EXIT_INVALID
        }
    }
}

fn run_window(inputs: &Inputs, window: &WindowArgs) -> i32 {
    let loaded = (|| -> Result<_, LoadError> {
        let outlines = match &inputs.countries {
            Some(path) => data::load_outlines(path, inputs.object.as_deref())?,
            None => bundled::outlines()?,
        };
        let aid = match &inputs.data {
            Some(path) => data::load_aid(path)?,
            None => bundled::aid_data()?,
        };
        Ok((outlines, aid))
    })();
    let (outlines, aid) = match loaded {
        Ok(files) => files,
        Err(err) => {
            eprintln!("error: {err}");
            return check::EXIT_INVALID;
        }
    };
    let outcome = Arc::new(Mutex::new(None));
    let options = AppOptions {
        projection: window.projection.into(),
        theme: window.theme.into(),
        screenshot: window.screenshot.clone().map(|path| ScreenshotTarget {
            path,
            outcome: outcome.clone(),
        }),
    };
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("aidmap — {}", aid.title))
            .with_inner_size(window.size)
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    let natural_earth = inputs.countries.is_none();
    let app = AidMapApp::new(outlines, aid, natural_earth, options);
    if let Err(err) = eframe::run_native("aidmap", native, Box::new(|_cc| Ok(Box::new(app)))) {
        eprintln!("error: cannot open the window: {err}");
        return check::EXIT_INVALID;
    }
    let result = outcome.lock().ok().and_then(|mut o| o.take());
    match (result, &window.screenshot) {
        (Some(Ok(())), Some(path)) => {
            println!("saved {}", path.display());
            0
        }
        (Some(Err(message)), _) => {
            eprintln!("error: {message}");
            check::EXIT_INVALID
        }
        (None, Some(path)) => {
            eprintln!(
                "error: {}: the window closed before a frame was captured",
                path.display()
            );
            check::EXIT_INVALID
        }
        (_, None) => 0,
    }
}
