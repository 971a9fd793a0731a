//! Grouping pairs into claims: items linked by any pair (directly or
//! through others) are one claim, found with union-find. A claim is
//! contested when any of its pairs diverges; claims are ranked by the most
//! severe reason, then by how many articles carry them.

use std::collections::HashMap;

use super::{Claim, ItemKind, ItemRef, Label, Pair, Reason, Reprint};

/// Union-find with path halving and union by size.
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn new() -> Self {
        UnionFind {
            parent: Vec::new(),
            size: Vec::new(),
        }
    }

    fn push(&mut self) -> usize {
        self.parent.push(self.parent.len());
        self.size.push(1);
        self.parent.len() - 1
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

/// An item's identity for grouping: narration is identified by sentence.
fn item_key(r: &ItemRef) -> (i64, ItemKind, usize) {
    (r.article, r.kind, r.index)
}

/// Groups `pairs` into claims, ranked: contested claims first, by the most
/// severe reason, then by the number of articles and pairs.
///
/// A reprint joins the claim of the item it repeats; a claim needs items of
/// two articles at least.
pub fn claims(pairs: &[Pair], reprints: &[Reprint]) -> Vec<Claim> {
    let mut ids: HashMap<(i64, ItemKind, usize), usize> = HashMap::new();
    let mut items: Vec<ItemRef> = Vec::new();
    let mut uf = UnionFind::new();
    let mut id_of = |r: &ItemRef, uf: &mut UnionFind, items: &mut Vec<ItemRef>| {
        *ids.entry(item_key(r)).or_insert_with(|| {
            items.push(*r);
            uf.push()
        })
    };
    let mut ends = Vec::with_capacity(pairs.len());
    for p in pairs {
        let a = id_of(&p.a, &mut uf, &mut items);
        let b = id_of(&p.b, &mut uf, &mut items);
        uf.union(a, b);
        ends.push(a);
    }
    for r in reprints {
        let a = id_of(&r.of, &mut uf, &mut items);
        let b = id_of(&r.item, &mut uf, &mut items);
        uf.union(a, b);
    }
    join_nested(&items, &mut uf);
    let mut groups: HashMap<usize, Claim> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let root = uf.find(i);
        groups
            .entry(root)
            .or_insert_with(|| Claim::empty(item.kind))
            .items
            .push(*item);
    }
    for (pi, p) in pairs.iter().enumerate() {
        let root = uf.find(ends[pi]);
        let claim = groups.get_mut(&root).expect("every pair end has a group");
        claim.pairs.push(pi);
        if p.label == Label::Diverges {
            claim.contested = true;
            claim.reasons.extend(p.reasons.iter().copied());
        }
    }
    let mut out: Vec<Claim> = groups
        .into_values()
        .map(|mut c| {
            c.reasons.sort();
            c.reasons.dedup();
            c.severity = c.reasons.first().copied();
            c.items
                .sort_by_key(|r| (r.article, r.kind, r.index, r.start));
            if c.items.iter().any(|r| r.kind == ItemKind::Figure) {
                c.kind = ItemKind::Figure;
            } else {
                c.kind = ItemKind::Quote;
            }
            c.articles = c.items.iter().map(|r| r.article).collect();
            c.articles.sort_unstable();
            c.articles.dedup();
            c
        })
        .filter(|c| c.articles.len() >= 2)
        .collect();
    out.sort_by(|x, y| {
        y.contested
            .cmp(&x.contested)
            .then_with(|| rank(x.severity).cmp(&rank(y.severity)))
            .then_with(|| y.articles.len().cmp(&x.articles.len()))
            .then_with(|| y.pairs.len().cmp(&x.pairs.len()))
            .then_with(|| item_key(&x.items[0]).cmp(&item_key(&y.items[0])))
    });
    for (i, c) in out.iter_mut().enumerate() {
        c.id = i;
    }
    out
}

/// Whether figure `f` lies inside quote `q` of the same article.
fn nested(q: &ItemRef, f: &ItemRef) -> bool {
    q.article == f.article
        && q.kind == ItemKind::Quote
        && f.kind == ItemKind::Figure
        && q.start <= f.start
        && f.end <= q.end
}

/// A figure inside a quote is part of what the quote says: both join one
/// claim, so a number changed inside matching words ("partners from 150
/// countries") is one contested claim, not a quote claim and a figure claim.
fn join_nested(items: &[ItemRef], uf: &mut UnionFind) {
    let mut by_article: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, r) in items.iter().enumerate() {
        if matches!(r.kind, ItemKind::Quote | ItemKind::Figure) {
            by_article.entry(r.article).or_default().push(i);
        }
    }
    for members in by_article.values() {
        for &q in members {
            for &f in members {
                if nested(&items[q], &items[f]) {
                    uf.union(q, f);
                }
            }
        }
    }
}

/// Sort rank of a claim's most severe reason (none sorts last).
fn rank(r: Option<Reason>) -> u8 {
    r.map_or(u8::MAX, |r| 7 - r.severity())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::Basis;

    fn r(article: i64, index: usize) -> ItemRef {
        ItemRef {
            article,
            kind: ItemKind::Quote,
            index,
            start: 0,
            end: 0,
        }
    }

    fn pair(a: ItemRef, b: ItemRef, reasons: &[Reason]) -> Pair {
        Pair {
            a,
            b,
            label: if reasons.is_empty() {
                Label::Restates
            } else {
                Label::Diverges
            },
            reasons: reasons.to_vec(),
            score: 1.0,
            basis: Basis::Exact,
            diff: None,
        }
    }

    #[test]
    fn transitive_pairs_make_one_claim_ranked_by_severity() {
        let pairs = vec![
            pair(r(1, 0), r(2, 0), &[]),
            pair(r(2, 0), r(3, 4), &[Reason::Wording]),
            pair(r(1, 5), r(2, 6), &[Reason::SpeakerTitle]),
            pair(r(4, 0), r(5, 0), &[]),
            pair(r(6, 1), r(7, 1), &[Reason::Value, Reason::SpeakerTitle]),
        ];
        let claims = claims(&pairs, &[]);
        assert_eq!(claims.len(), 4);
        assert_eq!(claims[0].severity, Some(Reason::Value));
        assert_eq!(claims[1].severity, Some(Reason::Wording));
        assert_eq!(claims[1].articles, [1, 2, 3]);
        assert_eq!(claims[1].pairs, [0, 1]);
        assert_eq!(claims[2].severity, Some(Reason::SpeakerTitle));
        assert!(!claims[3].contested);
        assert!(claims.iter().enumerate().all(|(i, c)| c.id == i));
    }
}
