//! One sort for the whole app.
//!
//! The standard library's sorts are generic: every `sort_by` on a new element type or with a new
//! closure compiles a whole driftsort or ipnsort (about 3 KB of wasm each), and the app had some
//! twenty of them in its first load. Here the sorting itself happens once, on indices, through a
//! `dyn` comparison ([`permutation`]); what stays generic per call site is a closure and a
//! permutation loop of a few instructions.
//!
//! The order is stable (equal elements keep their order), like `slice::sort_by`, so it also
//! replaces `sort_unstable*` wherever equal elements are indistinguishable. Cost: one indirect
//! call per comparison and a `Vec<u32>` of indices, which nothing here notices (5,518 items sort
//! in well under a millisecond).

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let perm = {
        let items: &[T] = v;
        permutation(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    apply(v, perm);
}

/// Sorts `v` by the key `key` gives each element, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The order of `0..len` under `cmp`: position `k` of the result is the index of the element
/// that goes to position `k`. Not generic, so compiled once.
#[inline(never)]
fn permutation(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    // Item counts are far below u32::MAX (a catalogue has thousands of fiches).
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Moves the elements of `v` so that position `k` receives the element that was at `perm[k]`,
/// following each cycle of the permutation with swaps (no copy, no `Clone`).
fn apply<T>(v: &mut [T], mut perm: Vec<u32>) {
    for start in 0..v.len() {
        let mut at = start;
        while perm[at] as usize != start {
            let from = perm[at] as usize;
            v.swap(at, from);
            perm[at] = at as u32;
            at = from;
        }
        perm[at] = at as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no `rand` in the core).
    fn numbers(seed: u64, len: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for (seed, len, modulo) in [
            (1, 0, 10),
            (2, 1, 10),
            (3, 2, 2),
            (4, 7, 3),
            (5, 100, 5),
            (6, 1_000, 1_000_000),
            (7, 5_518, 40),
        ] {
            // Pairs (key, original position): equal keys must keep their order.
            let items: Vec<(u64, usize)> = numbers(seed, len, modulo)
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = items.clone();
            std.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std, "seed {seed}, {len} items");
        }
    }

    #[test]
    fn sort_by_reverses_and_sort_is_natural() {
        let mut v = vec!["b", "c", "a", "c"];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["c", "c", "b", "a"]);
        sort(&mut v);
        assert_eq!(v, ["a", "b", "c", "c"]);
    }

    #[test]
    fn moves_values_without_cloning() {
        // Strings own their buffers: the permutation moves them, it does not copy.
        let mut v: Vec<String> = ["delta", "alpha", "charlie", "bravo"]
            .map(String::from)
            .to_vec();
        sort(&mut v);
        assert_eq!(v, ["alpha", "bravo", "charlie", "delta"]);
    }
}
