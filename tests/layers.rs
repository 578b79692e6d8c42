//! The one-way rule (docs/architecture.md): each top-level module of `src/` sits on a layer, and
//! code may name only modules of lower layers (or its own). This test reads every `crate::` path
//! in the sources and fails on one that runs up or sideways, naming the file and line.

use std::fs;
use std::path::{Path, PathBuf};

/// The layers, bottom first. Modules on one line are peers and may not name each other.
const LAYERS: &[&[&str]] = &[
    &["model"],
    &["negotiation"],
    &["content"],
    &["game"],
    &["save"],
    &["advisor"],
    &["oman"],
    &["narrate"],
    &["report"],
    &["app"],
    &["ui"],
    &["run"],
    &["tui", "plain"],
    &["cli"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level modules that `crate::` paths in `code` name, with the line each is on.
fn named_modules(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                // `use crate::{a::x, b};`: every name at the group's first level.
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let name = item.trim().split("::").next().unwrap_or("").trim();
                    if !name.is_empty() {
                        found.push((n + 1, name.to_string()));
                    }
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push((n + 1, name));
            }
            rest = after;
        }
    }
    found
}

/// Every place in `code` (a file of module `module`) that names a module above or beside it.
fn violations(module: &str, code: &str) -> Vec<String> {
    let Some(own) = layer(module) else {
        return vec![format!(
            "module `{module}` is on no layer: add it to LAYERS"
        )];
    };
    named_modules(code)
        .into_iter()
        .filter(|(_, name)| name != module)
        .filter_map(|(line, name)| match layer(&name) {
            Some(theirs) if theirs < own => None,
            Some(theirs) => Some(format!(
                "line {line}: `{module}` (layer {own}) names `{name}` (layer {theirs})"
            )),
            None => Some(format!("line {line}: `{name}` is on no layer")),
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/game/verbs.rs` -> `game`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).ok()?.components().next()?;
    let name = first.as_os_str().to_string_lossy();
    let name = name.strip_suffix(".rs").unwrap_or(&name);
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

#[test]
fn every_import_points_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let code = fs::read_to_string(file).expect("a source file is readable");
        for v in violations(&module, &code) {
            problems.push(format!("{}: {v}", file.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "imports that run up or sideways:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_module_of_lib_is_on_a_layer() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("src/lib.rs is readable");
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    assert!(modules.len() >= LAYERS.iter().map(|l| l.len()).sum::<usize>());
    for m in modules {
        assert!(layer(m).is_some(), "`{m}` is on no layer: add it to LAYERS");
    }
}

#[test]
fn an_upward_or_sideways_import_is_caught() {
    let upward = "use crate::ui::Theme;\nfn f() { crate::app::App::new(); }\n";
    assert_eq!(
        violations("game", upward),
        [
            "line 1: `game` (layer 3) names `ui` (layer 10)",
            "line 2: `game` (layer 3) names `app` (layer 9)",
        ]
    );
    assert_eq!(
        violations("tui", "use crate::plain::run;"),
        ["line 1: `tui` (layer 12) names `plain` (layer 12)"]
    );
    assert_eq!(
        violations("content", "use crate::{model::Side, game::Text};"),
        ["line 1: `content` (layer 2) names `game` (layer 3)"]
    );
    // Downward imports, the module's own paths and comments pass.
    let fine = "use crate::game::{Side, Text};\nuse crate::narrate::x; // crate::app\n";
    assert!(violations("narrate", fine).is_empty());
}
