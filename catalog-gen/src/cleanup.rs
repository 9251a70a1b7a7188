//! What a generation does with what it is done with: the page readings once the model is
//! built, the model once the files are compared, the API once the changes are reviewed.

use crate::parallel;

/// How a generation disposes of what it is done with.
///
/// At 200k rows these are strings and vectors by the hundred thousand: freeing them one by
/// one takes time on the way to the result (the page readings, 0.03 s before anything is
/// written) or beside it (the model, freed on a thread of its own while the files are
/// written, whose cores that thread shares). A process that exits as soon as the run is
/// reported can leave all of it to the operating system, which takes back a process's memory
/// whole, as compilers do (clang's driver runs its front end with `-disable-free`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cleanup {
    /// Free it: for any caller that goes on running after the generation.
    #[default]
    Free,
    /// Leave it allocated until the process exits: only for a caller that exits once the
    /// generation is reported, such as `cargo xtask regen`. Memory left this way is never
    /// freed, so a caller that generates again in the same process must not choose it.
    AtExit,
}

impl Cleanup {
    /// Frees `value` (on a thread of its own where `items`, the rows it holds, make that worth
    /// it: [`parallel::drop_aside`]), or leaves it.
    pub(crate) fn dispose<T: Send + 'static>(self, items: usize, value: T) {
        match self {
            Cleanup::Free => parallel::drop_aside(items, value),
            Cleanup::AtExit => std::mem::forget(value),
        }
    }

    /// Frees `value` here, or leaves it: for what borrows the input (the page readings), which
    /// no other thread may free.
    pub(crate) fn dispose_here<T>(self, value: T) {
        match self {
            Cleanup::Free => drop(value),
            Cleanup::AtExit => std::mem::forget(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn freed_values_are_dropped_and_left_ones_are_not() {
        let value = Arc::new(());
        Cleanup::Free.dispose_here(Arc::clone(&value));
        Cleanup::Free.dispose(1, Arc::clone(&value));
        assert_eq!(Arc::strong_count(&value), 1, "freed");
        Cleanup::AtExit.dispose_here(Arc::clone(&value));
        Cleanup::AtExit.dispose(1_000_000, Arc::clone(&value));
        assert_eq!(Arc::strong_count(&value), 3, "left until the process exits");
    }
}
