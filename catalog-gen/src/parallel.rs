//! Work on rows spread over the machine's cores, where there are enough rows to pay for it.
//!
//! Results come back in input order, so output does not depend on scheduling. Small inputs
//! (any real page) stay on the calling thread: starting a thread costs more than they take.

use std::num::NonZeroUsize;
use std::thread;

/// Below this many items per thread, work stays on one thread.
const MIN_ITEMS_PER_THREAD: usize = 2048;

fn threads_for(items: usize) -> usize {
    let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    (items / MIN_ITEMS_PER_THREAD).clamp(1, cores)
}

/// `f` of every item, in order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads_for(items.len());
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let parts: Vec<&[T]> = items.chunks(chunk).collect();
    let done = each(&parts, |part| part.iter().map(&f).collect::<Vec<R>>());
    done.into_iter().flatten().collect()
}

/// `f` of every item, each on its own thread where there are several: for a few large items
/// (the generated files to write). Results in order; a panic in `f` is carried to the caller.
pub fn each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() < 2 {
        return items.iter().map(f).collect();
    }
    thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items.iter().map(|item| scope.spawn(move || f(item))).collect();
        let joined = handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        joined.collect()
    })
}

/// `a()` and `b()`, at the same time when `items` (the rows they work on) pay for it.
pub fn join<A: Send, B: Send>(
    items: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B,
) -> (A, B) {
    if threads_for(items) == 1 {
        return (a(), b());
    }
    thread::scope(|scope| {
        let a = scope.spawn(a);
        let b = b();
        (a.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order_at_any_size() {
        for size in [0, 1, 100, MIN_ITEMS_PER_THREAD * 3 + 7] {
            let items: Vec<usize> = (0..size).collect();
            assert_eq!(map(&items, |n| n * 2), items.iter().map(|n| n * 2).collect::<Vec<_>>());
        }
        assert_eq!(join(100_000, || 1, || 2), (1, 2));
        assert_eq!(each(&[1, 2, 3], |n| n * 2), [2, 4, 6]);
    }
}
