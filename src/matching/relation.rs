//! How any two items relate once reprints are taken into account: a
//! reprint is never compared itself, so the pair between two items may be
//! recorded between the items they repeat.

use std::collections::HashMap;

use super::{reversed, Basis, ItemKind, ItemRef, Label, Matching, Pair};

type Key = (i64, ItemKind, usize);

fn key(r: &ItemRef) -> Key {
    (r.article, r.kind, r.index)
}

/// Pairs and reprints indexed for lookups between any two items.
pub struct Relations<'a> {
    /// Each reprint's first item of its form.
    first: HashMap<Key, ItemRef>,
    /// Pairs by their two items, either way round.
    pairs: HashMap<(Key, Key), &'a Pair>,
}

impl Matching {
    /// Pairs and reprints indexed for [`Relations::get`].
    pub fn relations(&self) -> Relations<'_> {
        let first = self.reprints.iter().map(|r| (key(&r.item), r.of)).collect();
        let mut pairs = HashMap::with_capacity(self.pairs.len() * 2);
        for p in &self.pairs {
            pairs.insert((key(&p.a), key(&p.b)), p);
            pairs.insert((key(&p.b), key(&p.a)), p);
        }
        Relations { first, pairs }
    }
}

impl Relations<'_> {
    fn form_of(&self, r: &ItemRef) -> ItemRef {
        self.first.get(&key(r)).copied().unwrap_or(*r)
    }

    /// How `a` relates to `b`, as a pair oriented from `a` to `b`: two
    /// items of one form restate each other exactly; otherwise the pair
    /// recorded between them, or between the items they repeat. `None`
    /// when they are not linked directly.
    pub fn get(&self, a: &ItemRef, b: &ItemRef) -> Option<Pair> {
        let (fa, fb) = (self.form_of(a), self.form_of(b));
        if key(&fa) == key(&fb) {
            return Some(Pair {
                a: *a,
                b: *b,
                label: Label::Restates,
                reasons: Vec::new(),
                score: 1.0,
                basis: Basis::Exact,
                diff: None,
            });
        }
        let p = *self.pairs.get(&(key(&fa), key(&fb)))?;
        let mut out = p.clone();
        out.a = *a;
        out.b = *b;
        if key(&p.a) != key(&fa) {
            out.diff = p.diff.as_deref().map(reversed);
        }
        Some(out)
    }
}
