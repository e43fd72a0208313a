//! Why a run stops early.

/// Why a run stopped early.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunError {
    /// The command cannot run as given (a missing input, an output that is an input);
    /// nothing was read or written.
    Usage(String),
    /// Writing failed (a full disk, a file that cannot be created).
    Io(String),
    /// The reader of stdout went away (`| head`): the run ends quietly, as a success.
    BrokenPipe,
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            RunError::Usage(m) | RunError::Io(m) => f.write_str(m),
            RunError::BrokenPipe => f.write_str("broken pipe"),
        }
    }
}
