//! Writing the chosen nodes out as plain text: one paragraph per block,
//! a blank line between paragraphs, whitespace collapsed, furniture lines
//! ("ADVERTISEMENT") left out.

use super::content::is_block;
use super::tree::Page;
use crate::ingest::format::is_boilerplate_line;

/// Collects text, paragraph by paragraph.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    para: String,
}

impl Paragraphs {
    fn push(&mut self, s: &str) {
        if s.starts_with(char::is_whitespace) {
            self.space();
        }
        for (i, word) in s.split_whitespace().enumerate() {
            if i > 0 {
                self.para.push(' ');
            }
            self.para.push_str(word);
        }
        // Words split only by inline tags ("<b>para</b>graph") stay joined;
        // whitespace at either end of a string keeps them apart.
        if s.ends_with(char::is_whitespace) {
            self.space();
        }
    }

    fn space(&mut self) {
        if !self.para.is_empty() && !self.para.ends_with(' ') {
            self.para.push(' ');
        }
    }

    fn end(&mut self) {
        let p = self.para.trim();
        if !p.is_empty() && !is_boilerplate_line(p) {
            self.done.push(p.to_string());
        }
        self.para.clear();
    }
}

/// The paragraphs of `roots` (in order), leaving out dropped nodes.
pub fn paragraphs(page: &Page, roots: &[usize], dropped: &[bool]) -> Vec<String> {
    let nodes = &page.nodes;
    let mut out = Paragraphs::default();
    // (node, leaving): a block ends a paragraph on the way in and out.
    let mut stack: Vec<(usize, bool)> = roots.iter().rev().map(|&r| (r, false)).collect();
    while let Some((i, leaving)) = stack.pop() {
        let n = &nodes[i];
        if leaving {
            out.end();
            continue;
        }
        if dropped[i] {
            continue;
        }
        if n.is_text() {
            out.push(&n.text);
            continue;
        }
        if is_block(&n.tag) {
            out.end();
            stack.push((i, true));
        }
        stack.extend(n.children.iter().rev().map(|&c| (c, false)));
    }
    out.end();
    out.done
}
