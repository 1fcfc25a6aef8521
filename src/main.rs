//! The `aidmap` binary: parse the command line and run the command.

use std::process::ExitCode;

use aidmap::check;
use aidmap::cli::{Cli, Command, Inputs};
use aidmap::data::{self, bundled};
use aidmap::error::LoadError;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Some(Command::Check) => run_check(&cli.inputs),
        None => run_window(&cli.inputs),
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

fn run_window(inputs: &Inputs) -> i32 {
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
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("aidmap")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    let app = aidmap::ui::AidMapApp::new(&outlines, &aid);
    match eframe::run_native("aidmap", options, Box::new(|_cc| Ok(Box::new(app)))) {
        Ok(()) => 0,
        Err(err) => {
            eprintln!("error: cannot open the window: {err}");
            check::EXIT_INVALID
        }
    }
}
