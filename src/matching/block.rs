//! Blocking: an inverted index from rare keys to the items that carry them,
//! so that each item is compared only with the few items that share a rare
//! key, and the work grows with the number of items, not its square.
//!
//! Keys are 32-bit hashes. A collision only adds a candidate that scoring
//! then rejects, so the index trades exactness for memory: one posting is
//! one `u64` (`key << 32 | item`).
//!
//! The index is a sorted array of postings with a bucket directory on the
//! high key bits (a lookup touches one small bucket), plus a hash map of
//! recent postings for incremental additions; the map is merged into the
//! array when it grows past a fraction of it, so repeated small additions
//! cost amortised linear time overall.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::normalize::{hash_bytes, mix64};

/// Key families, so that different kinds of keys never meet by accident.
pub(crate) mod family {
    /// Anchored character grams of quotes and narration.
    pub const GRAM: u64 = 0x9e37_79b9_7f4a_7c15;
    /// A whole short quote.
    pub const WHOLE: u64 = 0xc2b2_ae3d_27d4_eb4f;
    /// Speaker surname with a content word of the quote.
    pub const SPEAKER: u64 = 0x1656_67b1_9e37_79f9;
    /// Figure kind with a word of its subject.
    pub const FIGURE: u64 = 0x27d4_eb2f_1656_67c5;
    /// Figure kind and rounded value with a word of its subject.
    pub const FIGURE_VALUE: u64 = 0x85eb_ca77_c2b2_ae63;
    /// Figure kind with two words of its subject.
    pub const FIGURE_PAIR: u64 = 0xd6e8_feb8_6659_fd93;
    /// Figure kind with the anchor of a figure beside it (the event).
    pub const FIGURE_CONTEXT: u64 = 0x4cf5_ad43_2745_937f;
}

/// Length in bytes of the character grams anchored at word starts. A
/// quote at least this long that lies inside another text shares all its
/// anchored grams with it, whatever the spacing of compounds
/// ("cyber security" / "cybersecurity").
pub(crate) const GRAM_LEN: usize = 16;

/// Winnowing window over narration grams: any run of `WINNOW` consecutive
/// grams keeps its smallest, so shared narration of about
/// `WINNOW + 3` words or more is always found while only ~2/(WINNOW+1) of
/// the grams are stored.
pub(crate) const WINNOW: usize = 4;

/// A 32-bit key from a family seed and bytes.
pub(crate) fn key(family: u64, bytes: &[u8]) -> u32 {
    (hash_bytes(family, bytes) >> 32) as u32
}

/// A 32-bit key from a family seed and two hashes.
pub(crate) fn key2(family: u64, a: u64, b: u64) -> u32 {
    (mix64(family ^ mix64(a ^ mix64(b))) >> 32) as u32
}

/// Anchored grams of a squashed text: for each anchor (byte offset where a
/// word starts) with at least `GRAM_LEN` bytes after it, the key of those
/// bytes, with the anchor's position in `anchors`.
pub(crate) fn anchored_grams(squashed: &[u8], anchors: &[u32], out: &mut Vec<(u32, usize)>) {
    for (i, &a) in anchors.iter().enumerate() {
        let a = a as usize;
        if a + GRAM_LEN <= squashed.len() {
            out.push((key(family::GRAM, &squashed[a..a + GRAM_LEN]), i));
        }
    }
}

/// Winnowing: the minimum of each window of `WINNOW` consecutive grams
/// (rightmost on ties), each kept once.
pub(crate) fn winnow(grams: &[(u32, usize)], out: &mut Vec<(u32, usize)>) {
    if grams.len() <= WINNOW {
        // A short run keeps its minimum only; all would also do, but the
        // guarantee needs just one per window.
        if let Some(m) = grams.iter().min_by_key(|g| g.0) {
            out.push(*m);
        }
        return;
    }
    let mut last: Option<usize> = None;
    for w in 0..=grams.len() - WINNOW {
        let mut best = w;
        for j in w..w + WINNOW {
            if grams[j].0 <= grams[best].0 {
                best = j;
            }
        }
        if last != Some(best) {
            out.push(grams[best]);
            last = Some(best);
        }
    }
}

/// Keys are hashes already: hashing them again is wasted work.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u32(&mut self, n: u32) {
        // Spread the bits so that hashbrown's top-7-bit tags vary.
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Postings from which a key gets a direct entry in the index.
const BIG_KEY: usize = 32;

/// An inverted index from 32-bit keys to 32-bit item ids.
#[derive(Debug, Default)]
pub(crate) struct KeyIndex {
    /// Sorted postings `key << 32 | item`.
    base: Vec<u64>,
    /// `dir[b]..dir[b + 1]` is the range of `base` whose keys have high bits `b`.
    dir: Vec<u32>,
    dir_bits: u32,
    /// Keys with many postings, with their range in `base`: a bucket holding
    /// such a key is large, and binary search in it costs a cache miss per
    /// step; these keys are common (every lookup of a frequent word) so they
    /// get a direct entry.
    big: HashMap<u32, (u32, u32), BuildHasherDefault<KeyHasher>>,
    /// Postings added since `base` was last rebuilt.
    delta: HashMap<u32, Vec<u32>, BuildHasherDefault<KeyHasher>>,
    delta_len: usize,
}

impl KeyIndex {
    /// Adds postings (`key << 32 | item`), in any order.
    pub fn insert(&mut self, mut postings: Vec<u64>) {
        if postings.is_empty() {
            return;
        }
        let threshold = (self.base.len() / 4).max(1 << 16);
        if self.delta_len + postings.len() <= threshold {
            self.delta_len += postings.len();
            for p in postings {
                self.delta
                    .entry((p >> 32) as u32)
                    .or_default()
                    .push(p as u32);
            }
            return;
        }
        // Rebuild: everything in the map and the new postings, sorted, then
        // merged with the sorted base in one pass.
        for (k, items) in self.delta.drain() {
            postings.extend(
                items
                    .into_iter()
                    .map(|i| (u64::from(k) << 32) | u64::from(i)),
            );
        }
        self.delta_len = 0;
        postings.par_sort_unstable();
        let old = std::mem::take(&mut self.base);
        self.base = merge_sorted(old, postings);
        self.rebuild_directory();
    }

    fn rebuild_directory(&mut self) {
        let n = self.base.len().max(1);
        let bits = (usize::BITS - (n / 4).leading_zeros()).clamp(4, 24);
        self.dir_bits = bits;
        let buckets = 1usize << bits;
        let mut dir = vec![0u32; buckets + 1];
        let shift = 64 - bits;
        for &p in &self.base {
            dir[(p >> shift) as usize + 1] += 1;
        }
        for b in 0..buckets {
            dir[b + 1] += dir[b];
        }
        self.dir = dir;
        self.big.clear();
        let mut start = 0usize;
        while start < self.base.len() {
            let key = self.base[start] >> 32;
            let mut end = start + 1;
            while end < self.base.len() && self.base[end] >> 32 == key {
                end += 1;
            }
            if end - start > BIG_KEY {
                self.big.insert(key as u32, (start as u32, end as u32));
            }
            start = end;
        }
    }

    fn base_range(&self, key: u32) -> &[u64] {
        if self.base.is_empty() {
            return &[];
        }
        if let Some(&(s, e)) = self.big.get(&key) {
            return &self.base[s as usize..e as usize];
        }
        let shift = 32 - self.dir_bits;
        let b = (key >> shift) as usize;
        let bucket = &self.base[self.dir[b] as usize..self.dir[b + 1] as usize];
        let lo = bucket.partition_point(|&p| ((p >> 32) as u32) < key);
        let hi = lo + bucket[lo..].partition_point(|&p| ((p >> 32) as u32) == key);
        &bucket[lo..hi]
    }

    /// The items that carry `key`.
    pub fn get(&self, key: u32) -> Postings<'_> {
        Postings {
            base: self.base_range(key),
            delta: if self.delta.is_empty() {
                &[]
            } else {
                self.delta.get(&key).map_or(&[], Vec::as_slice)
            },
        }
    }

    /// How many items carry `key`.
    pub fn df(&self, key: u32) -> usize {
        self.get(key).len()
    }
}

/// The items carrying one key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Postings<'a> {
    base: &'a [u64],
    delta: &'a [u32],
}

impl<'a> Postings<'a> {
    pub fn len(&self) -> usize {
        self.base.len() + self.delta.len()
    }

    /// The last `n` items below `limit`: items are added in ascending
    /// order (the base, then the delta), so these are the most recently
    /// added of the earlier items.
    pub fn last_before(&self, limit: u32, n: usize) -> Postings<'a> {
        let d_end = self.delta.partition_point(|&i| i < limit);
        let b_end = self.base.partition_point(|&p| (p as u32) < limit);
        let from_delta = d_end.min(n);
        let from_base = (n - from_delta).min(b_end);
        Postings {
            base: &self.base[b_end - from_base..b_end],
            delta: &self.delta[d_end - from_delta..d_end],
        }
    }

    /// Calls `f` for every item.
    pub fn for_each(&self, mut f: impl FnMut(u32)) {
        for &p in self.base {
            f(p as u32);
        }
        for &i in self.delta {
            f(i);
        }
    }
}

fn merge_sorted(a: Vec<u64>, b: Vec<u64>) -> Vec<u64> {
    if a.is_empty() {
        return b;
    }
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The postings of an item's keys that someone else carries too (a key
/// only the item itself carries gives no candidate), rarest first.
fn shared_rarest_first<'a>(index: &'a KeyIndex, keys: &[u32]) -> Vec<Postings<'a>> {
    let mut found: Vec<Postings<'a>> = keys
        .iter()
        .map(|&k| index.get(k))
        .filter(|p| p.len() > 1)
        .collect();
    found.sort_unstable_by_key(Postings::len);
    found
}

/// Which of an item's keys to look up, with their postings. Keys with at
/// most `cap` items are all used; an item whose keys are all common (a
/// famous quote repeated everywhere) still uses its `fallback` rarest keys,
/// so it is matched without every common phrase dragging in thousands of
/// candidates: of each, only the latest `cap` items below `limit` (the
/// earlier items) are read, so a story reprinted a thousand times costs
/// each new copy `cap` candidates, not a thousand. Keys only the item
/// itself carries do not count as rare: a reworded copy of a quote
/// reprinted everywhere has such keys (its new words) and must still fall
/// back to the common ones.
pub(crate) fn probe_keys<'a>(
    index: &'a KeyIndex,
    keys: &[u32],
    cap: usize,
    fallback: usize,
    limit: u32,
) -> Vec<Postings<'a>> {
    let mut found = shared_rarest_first(index, keys);
    let rare = found.iter().take_while(|p| p.len() <= cap).count();
    if rare > 0 {
        found.truncate(rare);
        return found;
    }
    found.truncate(fallback);
    found.iter().map(|p| p.last_before(limit, cap)).collect()
}

/// Rarest-first keys within a budget of postings: keys carried by more
/// than `budget` items are never used (a subject word that common says
/// nothing); of the rest, at least `min_keys`, then more while the postings
/// looked at stay within `budget`. So one item never costs more than
/// about `(min_keys + 1) * budget` candidates, however large the index.
pub(crate) fn budget_keys<'a>(
    index: &'a KeyIndex,
    keys: &[u32],
    budget: usize,
    min_keys: usize,
) -> Vec<Postings<'a>> {
    let mut found = shared_rarest_first(index, keys);
    let mut spent = 0usize;
    let mut take = 0;
    for p in &found {
        let df = p.len();
        if df > budget || (take >= min_keys && spent + df > budget) {
            break;
        }
        spent += df;
        take += 1;
    }
    found.truncate(take);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(k: u32, i: u32) -> u64 {
        (u64::from(k) << 32) | u64::from(i)
    }

    #[test]
    fn index_finds_postings_across_rebuilds() {
        let mut idx = KeyIndex::default();
        idx.insert(vec![post(7, 1), post(9, 2), post(7, 3)]);
        assert_eq!(idx.df(7), 2);
        // Force a rebuild into the sorted base.
        let many: Vec<u64> = (0..70_000u32)
            .map(|i| post(i.wrapping_mul(2_654_435_761), i + 10))
            .collect();
        idx.insert(many);
        idx.insert(vec![post(7, 5)]);
        let mut got = Vec::new();
        idx.get(7).for_each(|i| got.push(i));
        got.sort();
        assert_eq!(got, [1, 3, 5]);
        assert_eq!(idx.df(9), 1);
    }

    #[test]
    fn winnowing_keeps_a_gram_of_every_window() {
        let grams: Vec<(u32, usize)> = [5u32, 3, 8, 1, 9, 7, 6, 2, 4]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        let mut kept = Vec::new();
        winnow(&grams, &mut kept);
        for w in grams.windows(WINNOW) {
            assert!(w.iter().any(|g| kept.contains(g)));
        }
        assert!(kept.len() < grams.len());
    }

    #[test]
    fn common_keys_are_skipped_unless_nothing_else() {
        let mut idx = KeyIndex::default();
        let mut p = Vec::new();
        for i in 0..100 {
            p.push(post(1, i));
        }
        p.push(post(2, 0));
        p.push(post(2, 1));
        idx.insert(p);
        let lens = |ps: Vec<Postings>| ps.iter().map(Postings::len).collect::<Vec<_>>();
        assert_eq!(lens(probe_keys(&idx, &[1, 2], 10, 2, u32::MAX)), [2]);
        assert_eq!(lens(probe_keys(&idx, &[1], 10, 2, 1000)), [10]);
        assert_eq!(lens(budget_keys(&idx, &[1, 2, 3], 50, 1)), [2]);
        // A key only the item itself carries is not a rare key to stop at.
        let mut idx2 = KeyIndex::default();
        idx2.insert((0..100).map(|i| post(1, i)).chain([post(3, 100)]).collect());
        assert_eq!(lens(probe_keys(&idx2, &[1, 3], 10, 2, 100)), [10]);
    }

    #[test]
    fn last_postings_before_a_limit_span_base_and_delta() {
        let mut idx = KeyIndex::default();
        // 70,000 postings force the first batch into the sorted base.
        idx.insert((0..70_000u32).map(|i| post(4, i)).collect());
        idx.insert((70_000..70_010u32).map(|i| post(4, i)).collect());
        let last = |limit: u32, n: usize| {
            let mut got = Vec::new();
            idx.get(4).last_before(limit, n).for_each(|i| got.push(i));
            got
        };
        assert_eq!(last(70_005, 3), [70_002, 70_003, 70_004]);
        assert_eq!(last(70_002, 4), [69_998, 69_999, 70_000, 70_001]);
        assert_eq!(last(3, 10), [0, 1, 2]);
        assert!(last(0, 10).is_empty());
    }
}
