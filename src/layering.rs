//! A test of the architecture: the layers import one way (geometry ← error ← data ←
//! scene ← export ← ui ← check, cli, main) and no two modules import each other, even
//! through others. It reads the sources, so a new import that breaks the rule fails here
//! instead of growing into a tangle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The rank of a top-level module: a module may import only from its own rank or lower.
fn rank(module: &str) -> usize {
    match module.split("::").next().unwrap_or("") {
        "geometry" => 0,
        "error" => 1,
        "data" => 2,
        "scene" => 3,
        "export" => 4,
        "ui" => 5,
        _ => 6,
    }
}

/// Every module under `src/` (by its path, `scene::compose`) and its source without
/// its tests.
fn modules() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src/ is readable in a test") {
            let path = entry.expect("src/ is readable in a test").path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(&root)
                .expect("found under src/")
                .with_extension("");
            let name = relative.to_string_lossy().replace('/', "::");
            let name = name.trim_end_matches("::mod").to_string();
            if matches!(name.as_str(), "lib" | "main" | "layering") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file is text");
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            found.insert(name, code);
        }
    }
    found
}

/// The `crate::…` paths `code` uses, with groups (`crate::a::{b, c::D}`) spread out.
fn crate_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for (start, _) in code.match_indices("crate::") {
        let rest = &code[start + "crate::".len()..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let prefix = rest[..end].trim_end_matches(':');
        if rest[end..].starts_with('{') {
            let group = &rest[end + 1..rest[end..].find('}').map_or(rest.len(), |i| end + i)];
            for item in group.split(',') {
                paths.push(format!("{prefix}::{}", item.trim()));
            }
        } else {
            paths.push(prefix.to_string());
        }
    }
    paths
}

/// `pub use a::{B, C};` in a `mod.rs`: which submodule each re-exported name is from.
fn re_exports(code: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for line in code
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub use "))
    {
        let line = line.trim_end_matches(';');
        let Some((module, items)) = line.split_once("::") else {
            continue;
        };
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            names.insert(item.trim().to_string(), module.to_string());
        }
    }
    names
}

/// The modules each module imports.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let resolve = |path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").collect();
        for k in (1..=parts.len()).rev() {
            let candidate = parts[..k].join("::");
            if !modules.contains_key(&candidate) {
                continue;
            }
            // A name re-exported by a folder's mod.rs comes from one of its files.
            let via = parts
                .get(k)
                .and_then(|name| re_exports(&modules[&candidate]).get(*name).cloned());
            return Some(via.map_or(candidate.clone(), |m| format!("{candidate}::{m}")));
        }
        None
    };
    modules
        .iter()
        .map(|(name, code)| {
            let used = crate_paths(code)
                .iter()
                .filter_map(|p| resolve(p))
                .filter(|m| m != name && !name.starts_with(&format!("{m}::")))
                .collect();
            (name.clone(), used)
        })
        .collect()
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    for (module, used) in imports() {
        for other in used {
            assert!(
                rank(&other) <= rank(&module),
                "{module} imports {other}, a higher layer"
            );
        }
    }
}

#[test]
fn no_modules_import_each_other_even_through_others() {
    let graph = imports();
    // Depth-first search for a path from a module back to itself.
    for start in graph.keys() {
        let mut stack: Vec<Vec<&String>> = vec![vec![start]];
        let mut seen = BTreeSet::new();
        while let Some(path) = stack.pop() {
            let Some(&last) = path.last() else { continue };
            for next in graph.get(last).into_iter().flatten() {
                assert!(next != start, "a circle: {path:?} -> {next}");
                if seen.insert(next) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push(longer);
                }
            }
        }
    }
}

#[test]
fn the_reader_sees_imports_in_groups_and_nested_paths() {
    let code = "use crate::scene::{MapModel, compose::Scene};\nuse crate::data::join;";
    assert_eq!(
        crate_paths(code),
        ["scene::MapModel", "scene::compose::Scene", "data::join"]
    );
}
