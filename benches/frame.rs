//! CPU time of one frame of the map window while panning, at Natural Earth 1:50m:
//! the whole UI pass (panels, scene, hover) plus epaint's tessellation, which is all
//! the CPU does before the GPU takes over. Run: `cargo bench --bench frame`.

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
    let options = AppOptions {
        theme: ThemeChoice::Light,
        ..AppOptions::default()
    };
    let mut app = AidMapApp::new(
        bundled::outlines().unwrap(),
        bundled::aid_data().unwrap(),
        true,
        options,
    );
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
    c.bench_function("frame while panning, 1:50m, 1400x860", |b| {
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
    c.bench_function("frame with the view still (hover only), 1:50m", |b| {
        b.iter(|| frame(&ctx, &mut app, vec![Event::PointerMoved(pos2(x, 451.0))]))
    });

    let outlines = bundled::outlines().unwrap();
    c.bench_function(
        "project, triangulate and index 1:50m (once per projection)",
        |b| {
            b.iter(|| {
                ProjectedMap::new(&outlines.shapes(), Projection::EqualEarth)
                    .countries
                    .len()
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench_frames
}
criterion_main!(benches);
