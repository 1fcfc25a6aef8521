//! The map on a day and animated exports: `--date`, GIF, APNG and MP4 (through
//! ffmpeg), decoded and checked frame by frame; bad dates and ranges.

use std::path::Path;
use std::process::Command;

use crate::common::*;

/// The rows of the subtitle in a 1600×800 export (where the date is written).
const SUBTITLE_ROWS: std::ops::Range<u16> = 40..70;

fn svg_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn on_21_march_the_map_shows_five_teams_in_four_countries_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d.svg");
    let (status, _, stderr) = run_command(
        "export",
        &["--date", "2020-03-21", "--out", out.to_str().unwrap()],
    );
    assert_eq!(status, 0, "{stderr}");
    let svg = svg_text(&out);
    assert!(
        svg.contains("5 teams to 4 countries, as of 21 March 2020 (arrived that day: Serbia)"),
        "{svg}"
    );
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let badges: Vec<(String, u32)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("badge"))
        .map(|n| {
            let code = n.attribute("data-code").unwrap().to_string();
            (code, n.attribute("data-teams").unwrap().parse().unwrap())
        })
        .collect();
    let mut codes: Vec<&str> = badges.iter().map(|(c, _)| c.as_str()).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["IRN", "IRQ", "ITA", "SRB"]);
    assert_eq!(badges.iter().map(|(_, t)| t).sum::<u32>(), 5);
    let arrived: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("arrived"))
        .filter_map(|n| n.attribute("data-code"))
        .collect();
    assert_eq!(arrived, ["SRB"]);
}

#[test]
fn the_default_export_is_the_whole_data_set_with_no_day_marked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("all.svg");
    let (status, _, stderr) = run_command("export", &["--out", out.to_str().unwrap()]);
    assert_eq!(status, 0, "{stderr}");
    let svg = svg_text(&out);
    assert!(
        svg.contains(">12 teams to 10 countries, as of 9 April 2020<"),
        "{svg}"
    );
    assert!(!svg.contains("class=\"arrived\""));
}

#[test]
fn a_gif_holds_41_frames_from_29_february_to_9_april_each_with_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("teams.gif");
    // Without arcs, a frame a day (arcs add frames as they grow: see below).
    let args = ["--out", out.to_str().unwrap(), "--no-flows"];
    let (status, stdout, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.contains("teams.gif"), "{stdout}");
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::Indexed);
    let mut decoder = options
        .read_info(std::fs::File::open(&out).unwrap())
        .unwrap();
    assert_eq!((decoder.width(), decoder.height()), (1600, 800));
    let mut frames = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        frames.push(frame.clone());
    }
    assert_eq!(frames.len(), 41);
    assert_eq!(frames[0].delay, 25, "4 frames a second");
    assert_eq!(frames[40].delay, 225, "the last one held 2 seconds more");
    // Every later frame redraws the subtitle's date (unchanged pixels are transparent).
    for (k, frame) in frames.iter().enumerate().skip(1) {
        let transparent = frame.transparent;
        let redraws_date = (0..frame.height).any(|y| {
            let row = frame.top + y;
            SUBTITLE_ROWS.contains(&row)
                && (0..frame.width)
                    .any(|x| Some(frame.buffer[(y * frame.width + x) as usize]) != transparent)
        });
        assert!(redraws_date, "frame {k} leaves the date as it was");
    }
}

#[test]
fn an_apng_holds_41_full_colour_frames_that_play_forever() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("teams.apng");
    let (status, _, stderr) = run_command(
        "export",
        &[
            "--out",
            out.to_str().unwrap(),
            "--fps",
            "8",
            "--hold",
            "1",
            "--no-flows",
        ],
    );
    assert_eq!(status, 0, "{stderr}");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let control = reader.info().animation_control.unwrap();
    assert_eq!((control.num_frames, control.num_plays), (41, 0));
    assert_eq!(reader.info().size(), (1600, 800));
    let title = reader
        .info()
        .uncompressed_latin1_text
        .iter()
        .find(|chunk| chunk.keyword == "Title")
        .map(|chunk| chunk.text.clone());
    assert_eq!(
        title.as_deref(),
        Some("China's medical expert teams abroad")
    );
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let mut delays = Vec::new();
    for _ in 0..41 {
        reader.next_frame(&mut buffer).unwrap();
        let frame = reader.info().frame_control.unwrap();
        delays.push(frame.delay_num as f32 / frame.delay_den as f32);
        assert!(
            u32::from(frame.y_offset as u16) < 70,
            "each frame redraws the date"
        );
    }
    assert!((delays[0] - 0.125).abs() < 1e-3, "{delays:?}");
    assert!((delays[40] - 1.125).abs() < 1e-3, "{delays:?}");
}

#[test]
fn a_week_at_a_time_from_a_chosen_day_ends_on_the_last_day() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("weekly.gif");
    let args = [
        "--out",
        out.to_str().unwrap(),
        "--from",
        "2020-03-01",
        "--step-days",
        "7",
        "--width",
        "400",
        "--height",
        "240",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    let mut decoder = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&out).unwrap())
        .unwrap();
    let mut count = 0;
    while decoder.read_next_frame().unwrap().is_some() {
        count += 1;
    }
    // 1, 8, 15, 22, 29 March, 5 April, and 9 April; every week but the first brings
    // an arrival, whose arc grows in 4 frames.
    assert_eq!(count, 1 + 6 * 4);
}

#[test]
fn impossible_dates_reversed_ranges_and_misplaced_options_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let gif = dir.path().join("x.gif");
    let png = dir.path().join("x.png");
    let cases: [(&[&str], &str); 5] = [
        (
            &["--date", "2020-02-30", "--out", png.to_str().unwrap()],
            "--date",
        ),
        (
            &[
                "--from",
                "2020-04-01",
                "--to",
                "2020-03-01",
                "--out",
                gif.to_str().unwrap(),
            ],
            "--from",
        ),
        (&["--fps", "3", "--out", png.to_str().unwrap()], "--fps"),
        (
            &["--date", "2020-03-01", "--out", gif.to_str().unwrap()],
            "--date",
        ),
        (
            &["--step-days", "0", "--out", gif.to_str().unwrap()],
            "--step-days",
        ),
    ];
    for (args, option) in cases {
        let (status, _, stderr) = run_command("export", args);
        assert_eq!(status, 2, "{args:?}: {stderr}");
        assert!(
            stderr.contains("error:") && stderr.contains(option),
            "{args:?}: {stderr}"
        );
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_day_outside_the_data_draws_nothing_arrived_or_everything() {
    let dir = tempfile::tempdir().unwrap();
    for (date, words) in [
        (
            "2019-12-31",
            ">0 teams to 0 countries, as of 31 December 2019<",
        ),
        (
            "2020-12-31",
            ">12 teams to 10 countries, as of 31 December 2020 (the data ends on 9 April 2020)<",
        ),
    ] {
        let out = dir.path().join(format!("{date}.svg"));
        let (status, _, stderr) =
            run_command("export", &["--date", date, "--out", out.to_str().unwrap()]);
        assert_eq!(status, 0, "{stderr}");
        assert!(svg_text(&out).contains(words), "{date}");
    }
}

#[test]
fn an_animation_into_a_missing_folder_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing/x.apng");
    let (status, _, stderr) = run_command("export", &["--out", out.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Run `aidmap export` with PATH set to `path` only.
fn export_with_path(path: &Path, args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_aidmap"))
        .arg("export")
        .args(args)
        .env("PATH", path)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn mp4_without_ffmpeg_says_so_and_with_it_pipes_every_frame() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("teams.mp4");
    let empty = tempfile::tempdir().unwrap();
    let (status, stderr) = export_with_path(empty.path(), &["--out", out.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("ffmpeg") && stderr.contains("PATH"),
        "{stderr}"
    );
    assert!(!out.exists());

    // A stand-in ffmpeg that keeps what it is sent in the file it is told to write.
    let bin = tempfile::tempdir().unwrap();
    let fake = bin.path().join("ffmpeg");
    std::fs::write(
        &fake,
        "#!/bin/sh\nfor a; do last=$a; done\nexec /bin/cat > \"$last\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let args = [
        "--out",
        out.to_str().unwrap(),
        "--width",
        "200",
        "--height",
        "100",
        "--hold",
        "1",
    ];
    let (status, stderr) = export_with_path(bin.path(), &args);
    assert_eq!(status, 0, "{stderr}");
    // 41 days at 4 frames a second, the last held 1 second more; the arcs grow in
    // quarter days, so the video runs at 16 frames a second: 41 × 4 + 16 frames of
    // 200 × 100 RGBA.
    assert_eq!(
        std::fs::metadata(&out).unwrap().len(),
        (41 * 4 + 16) * 200 * 100 * 4
    );
}

#[test]
fn check_says_when_teams_arrived_and_how_many_have_no_date() {
    let (status, stdout, _) = run_command("check", &[]);
    assert_eq!(status, 0);
    assert!(
        stdout.contains(
            "arrivals from 2020-02-29 to 2020-04-08 (41 days on the timeline, to 2020-04-09); \
             0 teams without an arrival date"
        ),
        "{stdout}"
    );
}

/// Every `step`-th day of the timeline drawn whole and drawn over the frame before
/// must be the same picture, pixel for pixel: the incremental frames redraw all that
/// changed. With steps of several days, fills change on days that outline no arrival.
fn incremental_frames_match_whole_renders(
    picture: aidmap::export::offscreen::Picture,
    step: usize,
) {
    use aidmap::export::offscreen::Renderer;
    let mut model = bundled_model();
    let timeline = model.timeline.clone().unwrap();
    let mut whole = Renderer::new(&picture);
    let mut incremental = Renderer::new(&picture);
    for offset in (0..timeline.day_count()).step_by(step) {
        let day = timeline.day_at(offset);
        model.set_day(Some(day));
        // Half grown, then whole: the day's new arcs as an animation draws them.
        for growth in [0.5, 1.0] {
            model.growth = growth;
            let expected = whole.render(&model, &picture).unwrap();
            let drawn = incremental.render_next(&model, &picture).unwrap();
            let differing = expected
                .pixels
                .iter()
                .zip(&drawn.pixels)
                .filter(|(a, b)| a != b)
                .count();
            assert_eq!(differing, 0, "{day} at {growth}: {differing} pixels differ");
        }
    }
}

#[test]
fn incremental_animation_frames_are_the_whole_pictures_light_with_a_card() {
    let mut picture = aidmap::export::offscreen::Picture::whole_world(egui::vec2(640.0, 360.0));
    let model = bundled_model();
    picture.selected = Some(model.find_country("Italy").one().unwrap());
    picture.popup = true;
    incremental_frames_match_whole_renders(picture, 1);
}

#[test]
fn incremental_animation_frames_are_the_whole_pictures_dark_at_scale_2() {
    let mut picture = aidmap::export::offscreen::Picture::whole_world(egui::vec2(400.0, 240.0));
    picture.dark = true;
    picture.scale = 2.0;
    incremental_frames_match_whole_renders(picture, 3);
}

#[test]
fn a_small_apng_and_one_with_fiji_across_the_antimeridian_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("small.apng");
    let (status, _, stderr) = run_command(
        "export",
        &[
            "--out",
            out.to_str().unwrap(),
            "--width",
            "100",
            "--height",
            "100",
        ],
    );
    assert_eq!(status, 0, "{stderr}");
    let fiji = write(dir.path(), "fiji.csv", "country,arrived\nFiji,2020-03-03\n");
    let out = dir.path().join("fiji.apng");
    let args = [
        "--data",
        fiji.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--from",
        "2020-03-01",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let reader = decoder.read_info().unwrap();
    assert_eq!(reader.info().animation_control.unwrap().num_frames, 3);
}

#[test]
fn an_animation_frame_larger_than_8k_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("huge.gif");
    let args = [
        "--out",
        out.to_str().unwrap(),
        "--width",
        "4000",
        "--height",
        "2000",
        "--scale",
        "3",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 2);
    assert!(stderr.contains("an animation's frame allows"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn an_interrupted_animation_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("long.gif");
    // A thousand frames: long enough to be interrupted half way.
    let mut child = Command::new(env!("CARGO_BIN_EXE_aidmap"))
        .args([
            "export",
            "--out",
            out.to_str().unwrap(),
            "--from",
            "2017-07-15",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the temporary file is there, then interrupt as Ctrl+C does.
    let started = std::time::Instant::now();
    while std::fs::read_dir(dir.path()).unwrap().count() == 0 {
        assert!(
            started.elapsed().as_secs() < 60,
            "no temporary file appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: sends a signal to the child this test started; touches no memory.
    unsafe { libc::kill(pid, libc::SIGINT) };
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn an_arriving_teams_arc_grows_from_its_sender_over_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("grow.gif");
    let (status, _, stderr) = run_command("export", &["--out", out.to_str().unwrap()]);
    assert_eq!(status, 0, "{stderr}");
    let mut decoder = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&out).unwrap())
        .unwrap();
    let mut frames = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        frames.push(frame.clone());
    }
    // 41 days; on each of the 12 days with an arrival the arc grows in 4 frames
    // that share the day's quarter second: the animation lasts as long as before.
    assert_eq!(frames.len(), 41 + 12 * 3);
    let total: u32 = frames.iter().map(|f| u32::from(f.delay)).sum();
    assert_eq!(total, 41 * 25 + 200);
    let day_one: u32 = frames[..4].iter().map(|f| u32::from(f.delay)).sum();
    assert_eq!(
        day_one, 25,
        "29 February's four frames take its quarter second"
    );
    // Frames 1 to 3 draw more of Beijing's arc to Tehran and leave the date alone;
    // frame 4 is 1 March.
    for (k, frame) in frames.iter().enumerate().take(4).skip(1) {
        let drawn = frame
            .buffer
            .iter()
            .filter(|&&p| Some(p) != frame.transparent)
            .count();
        assert!(drawn > 0, "frame {k} adds nothing");
        let rows = frame.top..frame.top + frame.height;
        assert!(
            !SUBTITLE_ROWS.clone().any(|r| rows.contains(&r)),
            "frame {k} redraws the date"
        );
    }
    let rows = frames[4].top..frames[4].top + frames[4].height;
    assert!(SUBTITLE_ROWS.clone().any(|r| rows.contains(&r)));
}
