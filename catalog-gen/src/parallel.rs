//! Work on rows spread over the machine's cores, where there are enough rows to pay for it.
//!
//! Results come back in input order, so output does not depend on scheduling. Small inputs
//! (any real page) stay on the calling thread: starting a thread costs more than they take.

use std::num::NonZeroUsize;
use std::sync::{Mutex, OnceLock, mpsc};
use std::thread;

/// Below this many items per thread, work stays on one thread.
const MIN_ITEMS_PER_THREAD: usize = 2048;

/// The cores the process may use, asked once: `available_parallelism` reads the cgroup's CPU
/// quota from files on each call (its docs: not for hot code), and a regeneration of a large
/// page asked about fifteen times, each a few `open`, `read` and `close` calls.
pub(crate) fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| thread::available_parallelism().map_or(1, NonZeroUsize::get))
}

fn threads_for(items: usize) -> usize {
    (items / MIN_ITEMS_PER_THREAD).clamp(1, cores())
}

/// `f` of every item, in order.
pub fn map<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    map_with(items, || (), |(), item| f(item))
}

/// `f` of every item, in order, with a state that each thread makes once with `init` and
/// passes to `f` for each of its items: a cache of what rows repeat (a page's links, made
/// absolute), kept per thread so that no lock is taken. `f`'s result must not depend on the state
/// (a cache gives what it would compute), so results do not depend on how items are split.
pub fn map_with<'a, T: Sync, S, R: Send>(
    items: &'a [T],
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &'a T) -> R + Sync,
) -> Vec<R> {
    let threads = threads_for(items.len());
    if threads == 1 {
        let mut state = init();
        return items.iter().map(|item| f(&mut state, item)).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let parts: Vec<(usize, &[T])> = items.chunks(chunk).enumerate().collect();
    // The first part's results go into a vector with room for all, which the other parts then
    // join: the results take fresh memory for all of them and the other parts' share (once and
    // a half on two cores), not twice (at 200k rows, the variants are tens of megabytes, and
    // fresh memory costs the time to zero it).
    let done = each(&parts, |&(index, part)| {
        let mut results = Vec::with_capacity(if index == 0 { items.len() } else { part.len() });
        let mut state = init();
        results.extend(part.iter().map(|item| f(&mut state, item)));
        results
    });
    let mut done = done.into_iter();
    let mut all = done.next().unwrap_or_default();
    done.for_each(|part| all.extend(part));
    all
}

/// `f` of consecutive runs of `items`, one run per thread where the items pay for more than
/// one, the results in the runs' order: for a pass over every row that finds little, so that
/// no result per row is kept (the warnings: a few for 200k rows).
pub fn chunks<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a [T]) -> R + Sync) -> Vec<R> {
    let threads = threads_for(items.len());
    if threads == 1 {
        return vec![f(items)];
    }
    each(items.chunks(items.len().div_ceil(threads)), f)
}

/// `f` of every item `items` gives, in order, on every core: each thread takes the next item
/// when it is done with one. For items that are each worth a thread's start (a large page's
/// pieces): they are found as they are taken (the page is scanned for the next cut by the
/// thread that takes it), and a slow item holds no other up. Each thread makes its state once
/// with `init`, as in [`map_with`]. A panic in `f` or in `items` is carried to the caller.
pub fn map_taken<T: Send, S, R: Send>(
    items: impl Iterator<Item = T> + Send,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, T) -> R + Sync,
) -> Vec<R> {
    let threads = cores();
    if threads == 1 {
        let mut state = init();
        return items.map(|item| f(&mut state, item)).collect();
    }
    let items = Mutex::new(items.enumerate());
    // A lock poisoned by a panic in `items` stops the other threads; the panic is carried.
    let take = || items.lock().ok()?.next();
    let work = || {
        let mut state = init();
        let mut done = Vec::new();
        while let Some((index, item)) = take() {
            done.push((index, f(&mut state, item)));
        }
        done
    };
    let mut done = thread::scope(|scope| {
        let others: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for other in others {
            done.extend(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        done
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

/// `f` of every item, each on its own thread where there are several: for a few large items
/// (the generated files to compare, write and rename), borrowed or owned. Results in order; a
/// panic in `f` is carried to the caller.
pub fn each<T: Send, R: Send>(
    items: impl IntoIterator<Item = T>,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let items: Vec<T> = items.into_iter().collect();
    if items.len() < 2 {
        return items.into_iter().map(f).collect();
    }
    thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items.into_iter().map(|item| scope.spawn(move || f(item))).collect();
        let joined = handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        joined.collect()
    })
}

/// Texts each thread may have made ahead of the reader: enough to keep the threads busy while
/// the reader compares or writes one, few enough that little is held.
const MADE_AHEAD: usize = 2;

/// `read` of each text that `make` writes for the indexes `0..count`, in order; stops at the
/// first error `read` returns. Where `items` (the rows the texts are made of) pays for it, the
/// texts are made on every core ahead of the reader, each into a text the reader is done with:
/// a generated file of hundreds of megabytes is made and read (compared, written) without
/// ever being held whole, and without touching fresh memory for it, which on a large catalog
/// cost more than making it. A panic in `make` is carried to the caller.
pub fn ordered<E>(
    items: usize,
    count: usize,
    make: impl Fn(usize, &mut String) + Sync,
    mut read: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let threads = threads_for(items).min(count);
    if threads < 2 {
        let mut text = String::new();
        for index in 0..count {
            text.clear();
            make(index, &mut text);
            read(&text)?;
        }
        return Ok(());
    }
    thread::scope(|scope| {
        let make = &make;
        // A lane per thread: thread `lane` makes the texts `lane`, `lane + threads`, ... and
        // hands each over in its own channel, so the reader takes them in order by taking
        // from the lanes in turn; the texts read go back to the thread to be written again.
        let (lanes, makers): (Vec<_>, Vec<_>) = (0..threads)
            .map(|lane| {
                let (made, made_receiver) = mpsc::sync_channel::<String>(MADE_AHEAD);
                let (done, done_receiver) = mpsc::channel::<String>();
                let maker = scope.spawn(move || {
                    for index in (lane..count).step_by(threads) {
                        let mut text = done_receiver.try_recv().unwrap_or_default();
                        text.clear();
                        make(index, &mut text);
                        // The reader has stopped (it returned an error or panicked): stop too.
                        if made.send(text).is_err() {
                            return;
                        }
                    }
                });
                ((made_receiver, done), maker)
            })
            .unzip();
        let mut read_all = || {
            for index in 0..count {
                let (made, done) = &lanes[index % threads];
                // No text where its thread panicked: the panic is carried below.
                let Ok(text) = made.recv() else { break };
                read(&text)?;
                let _ = done.send(text);
            }
            Ok(())
        };
        let result = read_all();
        // The lanes closed, a thread still making texts stops at its next one.
        drop(lanes);
        for maker in makers {
            maker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        }
        result
    })
}

/// `a()` and `b()`, at the same time when `items` (the rows they work on) pay for it.
pub fn join<A: Send, B>(
    items: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B,
) -> (A, B) {
    beside(threads_for(items) > 1, a, b)
}

/// `a()` on a thread of its own beside `b()` where `apart` (the caller's measure of what they
/// cost) says it pays, else one after the other. A panic in `a` is carried to the caller.
pub fn beside<A: Send, B>(
    apart: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B,
) -> (A, B) {
    if !apart {
        return (a(), b());
    }
    thread::scope(|scope| {
        let a = scope.spawn(a);
        let b = b();
        (a.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), b)
    })
}

/// Drops `value`, on a thread of its own where `items` (the rows it holds) make that worth
/// it: freeing a large catalog's API or its rows (strings by the hundred thousand) takes a
/// noticeable part of regen's time, and nothing waits for it. Only for what is freed where
/// little is allocated after it: memory freed on that thread is not reused at once by this
/// one. The thread is not joined; should it not start, `value` is dropped here.
pub fn drop_aside<T: Send + 'static>(items: usize, value: T) {
    if threads_for(items) == 1 {
        return drop(value);
    }
    // A thread that fails to start drops the closure, and so `value`, here.
    let _ = thread::Builder::new().name("drop".into()).spawn(move || drop(value));
}

/// Items handed from the producer's thread to the consumer's at a time.
const BATCH: usize = 1024;

/// Batches that may wait for the consumer: enough to even out bursts, few enough that the
/// producer cannot run far ahead and hold many items in memory.
const BATCHES_IN_FLIGHT: usize = 8;

/// `consume` of the items of `produce`, with `produce` run on a thread of its own while
/// `consume` reads, where `items` (about how many rows the items make) pays for it. The
/// consumer sees every item in order, exactly as if it read `produce` itself: the thread only
/// lets the two halves of a sequential pass (pulldown-cmark making events, the page reader
/// taking them) use two cores. A panic on the producer's thread is carried to the caller.
pub fn pipe<I: Iterator<Item: Send> + Send, R>(
    items: usize,
    produce: I,
    consume: impl FnOnce(&mut Piped<I>) -> R,
) -> R {
    if threads_for(items) == 1 {
        return consume(&mut Piped::Here(produce));
    }
    pipe_through_thread(produce, consume)
}

/// The items of a [`pipe`], as its consumer reads them: one concrete iterator either way, so
/// that the consumer's loops are compiled for it (a `dyn Iterator` cost a call per item, a
/// few hundred thousand per large page).
pub enum Piped<I: Iterator> {
    /// Made on the consumer's thread.
    Here(I),
    /// Made on the producer's thread and received in batches.
    Received {
        /// Where the batches come from.
        batches: mpsc::Receiver<Vec<I::Item>>,
        /// The batch being read.
        batch: std::vec::IntoIter<I::Item>,
    },
}

impl<I: Iterator> Iterator for Piped<I> {
    type Item = I::Item;

    #[inline]
    fn next(&mut self) -> Option<I::Item> {
        match self {
            Piped::Here(produce) => produce.next(),
            Piped::Received { batches, batch } => loop {
                if let Some(item) = batch.next() {
                    return Some(item);
                }
                *batch = batches.recv().ok()?.into_iter();
            },
        }
    }
}

/// [`pipe`] on two threads whatever the size.
pub(crate) fn pipe_through_thread<I: Iterator<Item: Send> + Send, R>(
    produce: I,
    consume: impl FnOnce(&mut Piped<I>) -> R,
) -> R {
    thread::scope(|scope| {
        let (sender, receiver) = mpsc::sync_channel::<Vec<I::Item>>(BATCHES_IN_FLIGHT);
        let producer = scope.spawn(move || {
            let mut produce = produce;
            loop {
                // Made at its full size: collected, a batch would grow by doubling from four
                // items (a pulldown-cmark iterator tells no size), copying it eight times.
                let mut batch: Vec<I::Item> = Vec::with_capacity(BATCH);
                batch.extend(produce.by_ref().take(BATCH));
                let last = batch.len() < BATCH;
                // The consumer has stopped reading (it returned or panicked): stop too.
                if sender.send(batch).is_err() || last {
                    return produce;
                }
            }
        });
        let mut received = Piped::Received { batches: receiver, batch: Vec::new().into_iter() };
        let result = consume(&mut received);
        drop(received);
        // The receiver is gone now, so a producer the consumer left unread stops. It is
        // handed back to be freed here (pulldown-cmark's tree, hundreds of megabytes on a large
        // page): memory freed on this thread is what this thread allocates from next, while
        // memory freed on a thread that then ends stays with the process until reclaimed.
        let produce = producer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        drop(produce);
        result
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
        // One state per thread: the items each thread sees, counted.
        let many: Vec<usize> = (0..MIN_ITEMS_PER_THREAD * 3 + 7).collect();
        let seen = map_with(
            &many,
            || 0,
            |count, _| {
                *count += 1;
                *count
            },
        );
        assert_eq!(seen.iter().filter(|&&count| count == 1).count(), threads_for(many.len()));
        assert_eq!(each(&[1, 2, 3], |n| n * 2), [2, 4, 6]);
        for size in [0, 1, 2, 1000] {
            let taken = map_taken(0..size, || (), |(), n| n * 2);
            assert_eq!(taken, (0..size).map(|n| n * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_pipe_hands_over_every_item_in_order_or_stops_when_the_reader_does() {
        let many = MIN_ITEMS_PER_THREAD * 4;
        for (items, count) in [(1, 10), (many, 0), (many, BATCH), (many, BATCH * 20 + 3)] {
            let read: Vec<usize> = pipe(items, 0..count, |items| items.collect());
            assert_eq!(read, (0..count).collect::<Vec<_>>());
        }
        // A reader that stops early does not leave the producer blocked: were it blocked, the
        // pipe would never return, so it runs on a thread watched with a deadline.
        let (sender, receiver) = mpsc::channel();
        thread::spawn(move || {
            let items = 0..BATCH * (BATCHES_IN_FLIGHT + 4);
            sender.send(pipe(many, items, |items| items.take(3).sum::<usize>()))
        });
        assert_eq!(receiver.recv_timeout(std::time::Duration::from_secs(10)), Ok(3));
    }

    #[test]
    fn texts_made_ahead_are_read_in_order_and_stop_when_the_reader_does() {
        let many = MIN_ITEMS_PER_THREAD * 4;
        let make = |index: usize, out: &mut String| out.push_str(&format!("{index};"));
        for (items, count) in [(1, 5), (many, 0), (many, 1), (many, 3), (many, 1001)] {
            let mut read = String::new();
            let all = ordered(items, count, make, |text| {
                read.push_str(text);
                Ok::<(), ()>(())
            });
            assert_eq!(all, Ok(()));
            assert_eq!(read, (0..count).map(|index| format!("{index};")).collect::<String>());
        }
        // The first error stops the reading, and the threads making texts ahead with it.
        let mut calls = 0;
        let stopped = ordered(many, 1000, make, |text| {
            calls += 1;
            if text == "7;" { Err(7) } else { Ok(()) }
        });
        assert_eq!((stopped, calls), (Err(7), 8));
    }

    #[test]
    #[should_panic(expected = "making failed")]
    fn a_panic_making_a_text_reaches_the_reader() {
        let make = |index: usize, out: &mut String| {
            assert!(index != 500, "making failed");
            out.push('x');
        };
        let _ = ordered(MIN_ITEMS_PER_THREAD * 4, 1000, make, |_| Ok::<(), ()>(()));
    }

    #[test]
    fn what_is_dropped_aside_is_dropped() {
        let value = std::sync::Arc::new(());
        drop_aside(1, value.clone());
        assert_eq!(std::sync::Arc::strong_count(&value), 1, "small: dropped at once");
        drop_aside(MIN_ITEMS_PER_THREAD * 4, value.clone());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::sync::Arc::strong_count(&value) > 1 {
            assert!(std::time::Instant::now() < deadline, "large: dropped on its thread");
            thread::yield_now();
        }
    }

    #[test]
    #[should_panic(expected = "the producer failed")]
    fn a_producers_panic_reaches_the_caller() {
        let failing =
            (0..BATCH * 3).map(|n| if n == BATCH + 1 { panic!("the producer failed") } else { n });
        pipe(MIN_ITEMS_PER_THREAD * 4, failing, |items| items.count());
    }
}
