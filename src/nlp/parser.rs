//! Dependency parsing: a greedy arc-hybrid transition parser (Kuhlmann,
//! Gómez-Rodríguez & Satta 2011) scored by an averaged perceptron and
//! trained with a dynamic oracle (Goldberg & Nivre 2013), so it learns to
//! recover from its own mistakes. The root sits at the end of the buffer,
//! and only one word may attach to it.
//!
//! Transitions: SHIFT moves the front of the buffer onto the stack; LEFT(l)
//! pops the top of the stack as an `l` dependent of the buffer front;
//! RIGHT(l) pops it as an `l` dependent of the word below it.

use super::hash::feature;
use super::perceptron::{Perceptron, Rng};
use super::weights::Weights;
use super::word::WordKey;
use super::{Deprel, GoldSentence, Upos};

pub(crate) struct Parser {
    pub weights: Weights,
    /// Index of the `root` label.
    pub root: u16,
}

const NONE: u64 = 1;
const ROOT_WORD: u64 = 2;
const NONE_TAG: u64 = 40;
const ROOT_TAG: u64 = 41;
const NO_LABEL: u64 = 999;

/// Class 0 is SHIFT; class 1 + 2l is LEFT(l) and 2 + 2l is RIGHT(l).
const SHIFT: usize = 0;
fn label_of(class: usize) -> u16 {
    ((class - 1) / 2) as u16
}

/// A parse in progress over `n` words; the root is position `n`.
struct State {
    n: usize,
    stack: Vec<usize>,
    front: usize,
    heads: Vec<Option<usize>>,
    labels: Vec<u16>,
    lefts: Vec<Vec<usize>>,
    rights: Vec<Vec<usize>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Move {
    Shift,
    Left,
    Right,
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            front: 0,
            heads: vec![None; n],
            labels: vec![0; n],
            lefts: vec![Vec::new(); n + 1],
            rights: vec![Vec::new(); n + 1],
        }
    }

    fn done(&self) -> bool {
        self.front == self.n && self.stack.is_empty()
    }

    fn valid(&self, m: Move) -> bool {
        match m {
            Move::Shift => self.front < self.n,
            Move::Left => !self.stack.is_empty() && (self.front < self.n || self.stack.len() == 1),
            Move::Right => self.stack.len() >= 2,
        }
    }

    fn apply(&mut self, m: Move, label: u16) {
        match m {
            Move::Shift => {
                self.stack.push(self.front);
                self.front += 1;
            }
            Move::Left | Move::Right => {
                let Some(s0) = self.stack.pop() else { return };
                let head = if m == Move::Left {
                    self.front
                } else {
                    match self.stack.last() {
                        Some(h) => *h,
                        None => return,
                    }
                };
                if let Some(h) = self.heads.get_mut(s0) {
                    *h = Some(head);
                }
                if let Some(l) = self.labels.get_mut(s0) {
                    *l = label;
                }
                let kids = if head > s0 {
                    self.lefts.get_mut(head)
                } else {
                    self.rights.get_mut(head)
                };
                if let Some(kids) = kids {
                    kids.push(s0);
                }
            }
        }
    }

    /// Gold arcs lost by a move (Goldberg & Nivre's arc-hybrid costs).
    fn cost(&self, m: Move, gold: &[usize]) -> usize {
        let n = self.n;
        let in_buffer = |k: usize| k >= self.front && k <= n;
        match m {
            Move::Shift => {
                let b = self.front;
                let s0 = self.stack.last().copied();
                let head_of_b = gold.get(b).copied();
                self.stack
                    .iter()
                    .filter(|&&k| {
                        gold.get(k) == Some(&b) || (head_of_b == Some(k) && Some(k) != s0)
                    })
                    .count()
            }
            Move::Left | Move::Right => {
                let Some(&s0) = self.stack.last() else {
                    return usize::MAX;
                };
                let deps = gold
                    .iter()
                    .take(n)
                    .skip(self.front)
                    .filter(|&&g| g == s0)
                    .count();
                let Some(&h) = gold.get(s0) else {
                    return usize::MAX;
                };
                let s1 = self.stack.iter().rev().nth(1).copied();
                let lost_head = if m == Move::Left {
                    h != self.front && (Some(h) == s1 || (in_buffer(h) && h > self.front))
                } else {
                    Some(h) != s1 && in_buffer(h)
                };
                deps + usize::from(lost_head)
            }
        }
    }
}

struct Context<'a> {
    keys: &'a [WordKey],
    tags: &'a [Upos],
}

impl Context<'_> {
    fn word(&self, s: &State, i: Option<usize>) -> u64 {
        match i {
            None => NONE,
            Some(i) if i == s.n => ROOT_WORD,
            Some(i) => self.keys.get(i).map_or(NONE, |k| k.norm),
        }
    }
    fn tag(&self, s: &State, i: Option<usize>) -> u64 {
        match i {
            None => NONE_TAG,
            Some(i) if i == s.n => ROOT_TAG,
            Some(i) => self.tags.get(i).map_or(NONE_TAG, |t| t.index() as u64),
        }
    }
}

fn label(s: &State, i: Option<usize>) -> u64 {
    i.and_then(|i| s.labels.get(i))
        .map_or(NO_LABEL, |l| u64::from(*l))
}

fn labels_set(s: &State, of: &[usize]) -> u64 {
    of.iter()
        .filter_map(|&c| s.labels.get(c))
        .fold(0u64, |acc, l| acc | (1u64 << (l % 64)))
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

fn features(cx: &Context, s: &State, out: &mut Vec<u64>) {
    out.clear();
    let st = |k: usize| s.stack.iter().rev().nth(k).copied();
    let bf = |k: usize| (s.front + k <= s.n).then_some(s.front + k);
    let (s0, s1, s2) = (st(0), st(1), st(2));
    let (b0, b1, b2) = (
        bf(0),
        bf(1).filter(|&i| i < s.n),
        bf(2).filter(|&i| i < s.n),
    );
    // Left children are added nearest first and right children leftmost
    // first, so the outermost child of either side is the last one added.
    let kids = |i: Option<usize>, left: bool, k: usize| -> Option<usize> {
        let v = if left {
            s.lefts.get(i?)?
        } else {
            s.rights.get(i?)?
        };
        v.len().checked_sub(k + 1).and_then(|j| v.get(j)).copied()
    };
    let (s0l1, s0l2, s0r1, s0r2) = (
        kids(s0, true, 0),
        kids(s0, true, 1),
        kids(s0, false, 0),
        kids(s0, false, 1),
    );
    let (b0l1, b0l2) = (kids(b0, true, 0), kids(b0, true, 1));
    let (s1r1, s1l1) = (kids(s1, false, 0), kids(s1, true, 0));
    let w = |i| cx.word(s, i);
    let t = |i| cx.tag(s, i);
    let wt = |i| feature(200, w(i), t(i), 0);
    let d = match (s0, b0) {
        (Some(a), Some(b)) => bucket(b - a),
        _ => 0,
    };
    let d2 = match (s1, s0) {
        (Some(a), Some(b)) => bucket(b - a),
        _ => 0,
    };
    let nl = |i: Option<usize>| {
        i.and_then(|i| s.lefts.get(i))
            .map_or(0, |v| v.len().min(4) as u64)
    };
    let nr = |i: Option<usize>| {
        i.and_then(|i| s.rights.get(i))
            .map_or(0, |v| v.len().min(4) as u64)
    };
    let ls = |i: Option<usize>, left: bool| {
        i.and_then(|i| {
            if left {
                s.lefts.get(i)
            } else {
                s.rights.get(i)
            }
        })
        .map_or(0, |v| labels_set(s, v))
    };
    // Each word-and-tag key once (several templates share them).
    let (wts0, wts1, wtb0, wtb1, wtb2) = (wt(s0), wt(s1), wt(b0), wt(b1), wt(b2));
    out.extend([
        feature(0, 0, 0, 0),
        feature(1, wts0, 0, 0),
        feature(2, w(s0), 0, 0),
        feature(3, t(s0), 0, 0),
        feature(4, wtb0, 0, 0),
        feature(5, w(b0), 0, 0),
        feature(6, t(b0), 0, 0),
        feature(7, wtb1, 0, 0),
        feature(8, w(b1), 0, 0),
        feature(9, t(b1), 0, 0),
        feature(10, wtb2, 0, 0),
        feature(11, t(b2), 0, 0),
        feature(12, wts1, 0, 0),
        feature(13, w(s1), 0, 0),
        feature(14, t(s1), 0, 0),
        feature(15, t(s2), 0, 0),
        feature(16, wts0, wtb0, 0),
        feature(17, wts0, w(b0), 0),
        feature(18, w(s0), wtb0, 0),
        feature(19, wts0, t(b0), 0),
        feature(20, t(s0), wtb0, 0),
        feature(21, w(s0), w(b0), 0),
        feature(22, t(s0), t(b0), 0),
        feature(23, t(b0), t(b1), 0),
        feature(24, t(b0), t(b1), t(b2)),
        feature(25, t(s0), t(b0), t(b1)),
        feature(26, t(s1), t(s0), t(b0)),
        feature(27, t(s0), t(s0l1), t(b0)),
        feature(28, t(s0), t(s0r1), t(b0)),
        feature(29, t(s0), t(b0), t(b0l1)),
        feature(30, t(s1), t(s0), 0),
        feature(31, w(s1), w(s0), 0),
        feature(32, wts1, wts0, 0),
        feature(33, t(s1), t(s0), t(s0r1)),
        feature(34, t(s2), t(s1), t(s0)),
        feature(35, w(s0), d, 0),
        feature(36, t(s0), d, 0),
        feature(37, w(b0), d, 0),
        feature(38, t(b0), d, 0),
        feature(39, w(s0), w(b0), d),
        feature(40, t(s0), t(b0), d),
        feature(41, t(s1), t(s0), d2),
        feature(42, w(s0), nl(s0), 0),
        feature(43, t(s0), nl(s0), 0),
        feature(44, w(s0), nr(s0), 0),
        feature(45, t(s0), nr(s0), 0),
        feature(46, w(b0), nl(b0), 0),
        feature(47, t(b0), nl(b0), 0),
        feature(48, w(s0l1), 0, 0),
        feature(49, t(s0l1), 0, 0),
        feature(50, label(s, s0l1), 0, 0),
        feature(51, w(s0r1), 0, 0),
        feature(52, t(s0r1), 0, 0),
        feature(53, label(s, s0r1), 0, 0),
        feature(54, w(b0l1), 0, 0),
        feature(55, t(b0l1), 0, 0),
        feature(56, label(s, b0l1), 0, 0),
        feature(57, t(s0l2), label(s, s0l2), 0),
        feature(58, t(s0r2), label(s, s0r2), 0),
        feature(59, t(b0l2), label(s, b0l2), 0),
        feature(60, t(s0), t(s0l1), t(s0l2)),
        feature(61, t(s0), t(s0r1), t(s0r2)),
        feature(62, t(b0), t(b0l1), t(b0l2)),
        feature(63, w(s0), ls(s0, true), 0),
        feature(64, t(s0), ls(s0, true), 0),
        feature(65, w(s0), ls(s0, false), 0),
        feature(66, t(s0), ls(s0, false), 0),
        feature(67, w(b0), ls(b0, true), 0),
        feature(68, t(b0), ls(b0, true), 0),
        feature(69, t(s1r1), label(s, s1r1), t(s1)),
        feature(70, t(s1l1), label(s, s1l1), t(s1)),
        feature(71, w(s0), t(s0), t(b1)),
        feature(72, t(s0), w(b0), t(b1)),
    ]);
}

/// The best valid class and its label, with the root's label forced for an
/// attachment to the root and forbidden elsewhere.
fn best_valid(
    s: &State,
    scores: &[i32],
    root: u16,
    allowed: impl Fn(usize) -> bool,
) -> Option<(Move, u16, usize)> {
    let mut best: Option<(i32, Move, u16, usize)> = None;
    // What the state allows, asked once rather than once per class.
    let (shift, left, right) = (
        s.valid(Move::Shift),
        s.valid(Move::Left),
        s.valid(Move::Right),
    );
    let left_to_root = s.front == s.n;
    for (c, &sc) in scores.iter().enumerate() {
        let (m, l, valid) = if c == SHIFT {
            (Move::Shift, 0, shift)
        } else if c % 2 == 1 {
            (Move::Left, label_of(c), left)
        } else {
            (Move::Right, label_of(c), right)
        };
        if !valid || best.is_some_and(|b| sc <= b.0) || !allowed(c) {
            continue;
        }
        let to_root = m == Move::Left && left_to_root;
        if m != Move::Shift && (to_root != (l == root)) {
            continue;
        }
        best = Some((sc, m, l, c));
    }
    best.map(|(_, m, l, c)| (m, l, c))
}

impl Parser {
    /// Heads (`None` for the root) and labels of a tagged sentence.
    pub fn parse(&self, keys: &[WordKey], tags: &[Upos]) -> (Vec<Option<usize>>, Vec<Deprel>) {
        let n = keys.len();
        let cx = Context { keys, tags };
        let mut s = State::new(n);
        let mut feats = Vec::with_capacity(80);
        let mut scores = vec![0i32; self.weights.classes()];
        while !s.done() {
            features(&cx, &s, &mut feats);
            scores.iter_mut().for_each(|x| *x = 0);
            self.weights.score(&feats, &mut scores);
            let Some((m, l, _)) = best_valid(&s, &scores, self.root, |_| true) else {
                break;
            };
            s.apply(m, l);
        }
        let heads = s.heads.iter().map(|h| h.filter(|&h| h < n)).collect();
        (heads, s.labels.iter().map(|l| Deprel(*l)).collect())
    }

    /// Trains on gold trees with the given tags (predicted tags make the
    /// parser robust to tagging errors). `labels` maps relation names to ids.
    pub fn train(
        data: &[GoldSentence],
        tags: &[Vec<Upos>],
        labels: &[String],
        epochs: usize,
        seed: u64,
    ) -> Parser {
        let root = labels.iter().position(|l| l == "root").unwrap_or(0) as u16;
        let label_id = |name: &str| labels.iter().position(|l| l == name).unwrap_or(0) as u16;
        let classes = 1 + 2 * labels.len();
        let mut model = Perceptron::new(classes);
        let keyed: Vec<Vec<WordKey>> = data
            .iter()
            .map(|s| s.words.iter().map(|w| WordKey::new(&w.form)).collect())
            .collect();
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng::new(seed);
        let mut feats = Vec::with_capacity(80);
        let mut fscores: Vec<f32> = Vec::new();
        let mut scores = vec![0i32; classes];
        for epoch in 0..epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                let (Some(sentence), Some(keys), Some(predicted)) =
                    (data.get(k), keyed.get(k), tags.get(k))
                else {
                    continue;
                };
                let words = &sentence.words;
                let n = words.len();
                let gold: Vec<usize> = words
                    .iter()
                    .map(|w| if w.head == 0 { n } else { w.head - 1 })
                    .collect();
                let gold_label: Vec<u16> = words.iter().map(|w| label_id(&w.deprel)).collect();
                let cx = Context {
                    keys,
                    tags: predicted,
                };
                let mut s = State::new(n);
                while !s.done() {
                    features(&cx, &s, &mut feats);
                    model.score(&feats, &mut fscores);
                    // Integer scores for the shared decision rule, scaled so
                    // fractional perceptron weights still order the classes.
                    for (x, f) in scores.iter_mut().zip(&fscores) {
                        *x = (*f * 16.0) as i32;
                    }
                    let costs = [Move::Shift, Move::Left, Move::Right].map(|m| {
                        if s.valid(m) {
                            s.cost(m, &gold)
                        } else {
                            usize::MAX
                        }
                    });
                    let least = costs.iter().copied().min().unwrap_or(usize::MAX);
                    let [shift_cost, left_cost, right_cost] = costs;
                    let s0 = s.stack.last().copied();
                    let zero = |c: usize| -> bool {
                        let (m, cost) = if c == SHIFT {
                            (Move::Shift, shift_cost)
                        } else if c % 2 == 1 {
                            (Move::Left, left_cost)
                        } else {
                            (Move::Right, right_cost)
                        };
                        if cost != least {
                            return false;
                        }
                        match (m, s0) {
                            (Move::Shift, _) => true,
                            (_, Some(s0)) => {
                                let head = if m == Move::Left {
                                    Some(s.front)
                                } else {
                                    s.stack.iter().rev().nth(1).copied()
                                };
                                head != gold.get(s0).copied()
                                    || Some(label_of(c)) == gold_label.get(s0).copied()
                            }
                            _ => false,
                        }
                    };
                    let Some((pm, pl, pc)) = best_valid(&s, &scores, root, |_| true) else {
                        break;
                    };
                    let Some((tm, tl, tc)) = best_valid(&s, &scores, root, zero) else {
                        break;
                    };
                    model.tick();
                    if !zero(pc) {
                        model.update(tc, pc, &feats);
                    }
                    // Explore: after the first epoch, follow the model's own
                    // choice most of the time.
                    if epoch > 0 && rng.below(10) < 9 {
                        s.apply(pm, pl);
                    } else {
                        s.apply(tm, tl);
                    }
                }
            }
        }
        Parser {
            weights: model.average(),
            root,
        }
    }
}
