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
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes).map_err(|err| file.error(&err))?;
    file.commit()
}

/// A file being written in the target's folder under a temporary name: [`commit`]
/// renames it over the target; dropped before that, it is deleted. Animations stream
/// their frames through one, so no frame is held longer than it takes to encode it.
///
/// [`commit`]: AtomicFile::commit
pub struct AtomicFile {
    /// The path as the user gave it (for messages).
    shown: PathBuf,
    /// Where the file goes (a link's target, where the path is a link).
    target: PathBuf,
    /// The temporary file's path.
    temporary: PathBuf,
    /// The open temporary file; `None` once committed.
    file: Option<std::io::BufWriter<std::fs::File>>,
    /// The replaced file's permissions, kept.
    permissions: Option<std::fs::Permissions>,
}

impl AtomicFile {
    /// Open a temporary file beside `path`, after checking that `path` may be written.
    pub fn create(path: &Path) -> Result<AtomicFile, ExportError> {
        Self::open(path).map_err(ExportError::Write)
    }

    fn open(shown: &Path) -> Result<AtomicFile, String> {
        let target = if std::fs::symlink_metadata(shown).is_ok_and(|m| m.file_type().is_symlink()) {
            std::fs::canonicalize(shown)
                .map_err(|err| format!("{}: cannot follow the link: {err}", shown.display()))?
        } else {
            shown.to_path_buf()
        };
        let existing = std::fs::metadata(&target).ok();
        // Only a regular file is replaced: a rename over a device (/dev/full through a
        // link), a pipe or a folder would destroy it or fail after all the work.
        if let Some(metadata) = &existing
            && !metadata.is_file()
        {
            return Err(format!(
                "{}: not a regular file (a folder, device or pipe); give a file name",
                shown.display()
            ));
        }
        let permissions = existing.map(|m| m.permissions());
        // The file is replaced by a rename, which the folder allows even where the file
        // is read-only: refuse, as `cp` would, rather than replace a protected file.
        if permissions.is_some()
            && let Err(err) = std::fs::OpenOptions::new().append(true).open(&target)
            && err.kind() == std::io::ErrorKind::PermissionDenied
        {
            return Err(format!(
                "{}: the file exists and may not be written (it is read-only)",
                shown.display()
            ));
        }
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| format!("{}: not a file name", target.display()))?;
        if !folder.is_dir() {
            return Err(format!(
                "{}: the folder {} does not exist",
                target.display(),
                folder.display()
            ));
        }
        let temporary = folder.join(format!(".{name}.{}.part", std::process::id()));
        let file = std::fs::File::create(&temporary)
            .map_err(|err| format!("{}: cannot write the file: {err}", shown.display()))?;
        register(&temporary);
        Ok(AtomicFile {
            shown: shown.to_path_buf(),
            target,
            temporary,
            file: Some(std::io::BufWriter::new(file)),
            permissions,
        })
    }

    /// The temporary file's path, for a program that writes the file itself (ffmpeg).
    pub fn temporary_path(&self) -> &Path {
        &self.temporary
    }

    /// The error for a failed write, naming the path the user gave.
    pub fn error(&self, err: &dyn std::fmt::Display) -> ExportError {
        ExportError::Write(format!(
            "{}: cannot write the file: {err}",
            self.shown.display()
        ))
    }

    /// Flush, keep the old file's permissions, and rename over the target.
    pub fn commit(mut self) -> Result<(), ExportError> {
        let result = match self.file.take() {
            Some(writer) => writer
                .into_inner()
                .map_err(|err| err.into_error())
                .and_then(|file| {
                    if let Some(permissions) = &self.permissions {
                        file.set_permissions(permissions.clone())?;
                    }
                    file.sync_all()
                }),
            None => Ok(()),
        }
        .and_then(|()| std::fs::rename(&self.temporary, &self.target));
        result.map_err(|err| self.error(&err))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(file) => file.write(bytes),
            None => Err(std::io::Error::other("the file was already committed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().map_or(Ok(()), |file| file.flush())
    }
}

impl Drop for AtomicFile {
    /// Whatever did not reach [`AtomicFile::commit`] (an error, a cancel) leaves no file.
    fn drop(&mut self) {
        // After a commit the temporary file has become the target: nothing is left.
        self.file = None;
        if self.temporary.exists() {
            let _ = std::fs::remove_file(&self.temporary);
        }
        unregister(&self.temporary);
    }
}

/// The temporary files being written now, for [`remove_temporaries`].
static TEMPORARIES: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn register(path: &Path) {
    if let Ok(mut paths) = TEMPORARIES.lock() {
        paths.push(path.to_path_buf());
    }
}

fn unregister(path: &Path) {
    if let Ok(mut paths) = TEMPORARIES.lock() {
        paths.retain(|p| p != path);
    }
}

/// Delete every temporary file still being written: for Ctrl+C and SIGTERM, which
/// end the process without running destructors (an animation takes long enough to be
/// interrupted, and must leave no half-written file).
pub fn remove_temporaries() {
    if let Ok(paths) = TEMPORARIES.lock() {
        for path in paths.iter() {
            let _ = std::fs::remove_file(path);
        }
    }
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
    fn a_file_dropped_before_commit_leaves_the_old_one_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("map.gif");
        std::fs::write(&target, b"old").unwrap();
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"half a frame").unwrap();
        drop(file);
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_link_to_a_device_or_a_folder_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("full.gif");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        let err = write_atomically(&link, b"GIF").unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
        let folder = dir.path().join("folder.gif");
        std::fs::create_dir(&folder).unwrap();
        assert!(AtomicFile::create(&folder).is_err());
        assert!(folder.is_dir());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file: {left:?}");
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
