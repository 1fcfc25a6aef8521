//! CPU time of one frame of the map window while panning, at Natural Earth 1:50m:
//! the whole UI pass (panels, scene, hover) plus epaint's tessellation, which is all
//! the CPU does before the GPU takes over; projecting and triangulating; and finding
//! the country under a point. Run: `cargo bench --bench frame`. With
//! `AIDMAP_BENCH_10M=FILE` (Natural Earth 1:10m as GeoJSON, e.g. world-atlas's
//! countries-10m converted as in bench/RESULTS.md), the same at 1:10m too.

use aidmap::data::bundled;
use aidmap::geometry::projected::ProjectedMap;
use aidmap::geometry::projection::Projection;
use aidmap::scene::style::ThemeChoice;
use aidmap::ui::{AidMapApp, AppOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Pos2, RawInput, Rect, pos2, vec2};

/// The same allocator as the app (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn raw_input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 860.0))),
        events,
        ..RawInput::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut AidMapApp, events: Vec<Event>) -> usize {
    let output = ctx.run_ui(raw_input(events), |ui| app.show(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn bench_frames(c: &mut Criterion) {
    let outlines = bundled::outlines().unwrap();
    bench_panning(c, "1:50m", outlines.clone());
    bench_geometry(c, "1:50m", &outlines);
    if let Some(path) = std::env::var_os("AIDMAP_BENCH_10M") {
        let path = std::path::PathBuf::from(path);
        let detailed = aidmap::data::load_outlines(&path, None).unwrap();
        bench_panning(c, "1:10m", detailed.clone());
        bench_geometry(c, "1:10m", &detailed);
    }
}

/// Frames of the window on `outlines`: zoomed in and dragged (every frame pans), then
/// with the view still.
fn bench_panning(c: &mut Criterion, scale: &str, outlines: aidmap::data::Outlines) {
    let options = AppOptions {
        theme: ThemeChoice::Light,
        ..AppOptions::default()
    };
    let mut app = AidMapApp::new(outlines, bundled::aid_data().unwrap(), true, options);
    let ctx = egui::Context::default();
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }

    // Zoomed in (at zoom 1 the whole world shows and there is nothing to pan to).
    app.look_at(20.0, 30.0, 3.0);
    frame(&ctx, &mut app, Vec::new());
    // A drag: the pointer is held down and moves a few points each frame, so every
    // frame pans the map and rebuilds what the view changes.
    let start = pos2(800.0, 450.0);
    frame(
        &ctx,
        &mut app,
        vec![
            Event::PointerMoved(start),
            Event::PointerButton {
                pos: start,
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers: egui::Modifiers::NONE,
            },
        ],
    );
    let before = app.map.view.center;
    frame(
        &ctx,
        &mut app,
        vec![Event::PointerMoved(pos2(start.x + 5.0, start.y))],
    );
    frame(
        &ctx,
        &mut app,
        vec![Event::PointerMoved(pos2(start.x + 10.0, start.y))],
    );
    assert_ne!(app.map.view.center, before, "the drag must pan the map");
    let mut x = start.x + 10.0;
    let mut direction = 3.0;
    c.bench_function(&format!("frame while panning, {scale}, 1400x860"), |b| {
        b.iter(|| {
            x += direction;
            if !(600.0..1000.0).contains(&x) {
                direction = -direction;
            }
            frame(&ctx, &mut app, vec![Event::PointerMoved(pos2(x, 450.0))])
        })
    });

    let panned = app.map.view.center;
    assert_ne!(panned, before, "the benchmark must pan the map");
    c.bench_function(
        &format!("frame with the view still (hover only), {scale}"),
        |b| b.iter(|| frame(&ctx, &mut app, vec![Event::PointerMoved(pos2(x, 451.0))])),
    );
}

/// Projecting and triangulating `outlines`, and hit-testing points on them.
fn bench_geometry(c: &mut Criterion, scale: &str, outlines: &aidmap::data::Outlines) {
    c.bench_function(
        &format!("project, triangulate and index {scale} (once per projection)"),
        |b| {
            b.iter(|| {
                ProjectedMap::new(&outlines.shapes(), Projection::EqualEarth)
                    .countries
                    .len()
            })
        },
    );
    let map = ProjectedMap::new(&outlines.shapes(), Projection::EqualEarth);
    // 400 points spread over the world, land and sea, hit-tested in turn with the
    // window's reach (20 points at zoom 1 on a 1400-point map, in projected units).
    let [x0, y0, x1, y1] = map.world_bounds;
    let points: Vec<[f64; 2]> = (0..400)
        .map(|i| {
            let (u, v) = (
                (i % 20) as f64 / 20.0 + 0.025,
                (i / 20) as f64 / 20.0 + 0.025,
            );
            [x0 + u * (x1 - x0), y0 + v * (y1 - y0)]
        })
        .collect();
    let reach = 20.0 * (x1 - x0) / 1400.0;
    let mut next = 0;
    c.bench_function(&format!("the country under a point, {scale}"), |b| {
        b.iter(|| {
            next = (next + 1) % points.len();
            map.country_at(points[next], reach)
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench_frames
}
criterion_main!(benches);
