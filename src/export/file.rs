//! Writing export files safely: the bytes go to a temporary file in the target folder,
//! which is then renamed over the target. An error or an interruption leaves the old
//! file (or none), never a partial one; a missing folder, a read-only folder or a full
//! disk becomes an error that names the path.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Write `bytes` to `path` atomically. The error message names the path.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| format!("{}: not a file name", path.display()))?;
    if !folder.is_dir() {
        return Err(format!(
            "{}: the folder {} does not exist",
            path.display(),
            folder.display()
        ));
    }
    let temporary = folder.join(format!(".{name}.{}.part", std::process::id()));
    let result = std::fs::File::create(&temporary)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, path));
    if let Err(err) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(format!("{}: cannot write the file: {err}", path.display()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_is_an_error_naming_the_path_and_nothing_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no-such-folder/map.png");
        let err = write_atomically(&target, b"x").unwrap_err();
        assert!(
            err.contains("no-such-folder/map.png") && err.contains("does not exist"),
            "{err}"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn the_old_file_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("map.png");
        std::fs::write(&target, b"old").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
