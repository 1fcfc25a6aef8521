//! Writing export files safely: the bytes go to a temporary file in the target folder,
//! which is then renamed over the target. An error or an interruption leaves the old
//! file (or none), never a partial one; a missing folder, a read-only folder or a full
//! disk becomes an error that names the path.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::export::error::ExportError;

/// Write `bytes` to `path` atomically. The error message names the path. Where `path`
/// is a symbolic link, the file it points to is replaced (the link stays a link), and
/// a file that exists keeps its permissions (a private 0600 file stays private).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_through(path, bytes).map_err(ExportError::Write)
}

fn write_through(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let shown = path;
    let resolved = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        std::fs::canonicalize(path)
            .map_err(|err| format!("{}: cannot follow the link: {err}", shown.display()))?
    } else {
        path.to_path_buf()
    };
    let path = resolved.as_path();
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    // The file is replaced by a rename, which the folder allows even where the file is
    // read-only: refuse, as `cp` would, rather than replace a file its owner protected.
    if permissions.is_some()
        && let Err(err) = std::fs::OpenOptions::new().append(true).open(path)
        && err.kind() == std::io::ErrorKind::PermissionDenied
    {
        return Err(format!(
            "{}: the file exists and may not be written (it is read-only)",
            shown.display()
        ));
    }
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
            if let Some(permissions) = &permissions {
                file.set_permissions(permissions.clone())?;
            }
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, path));
    if let Err(err) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(format!("{}: cannot write the file: {err}", shown.display()));
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
        assert!(matches!(err, ExportError::Write(_)), "{err:?}");
        let err = err.to_string();
        assert!(
            err.contains("no-such-folder/map.png") && err.contains("does not exist"),
            "{err}"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_link_is_written_through_and_a_private_file_stays_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.png");
        std::fs::write(&target, b"old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("link.png");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
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
