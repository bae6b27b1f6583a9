//! Dependency parsing: a greedy arc-hybrid transition parser (Kuhlmann,
//! Gómez-Rodríguez & Satta 2011) scored by an averaged perceptron and
//! trained with a dynamic oracle (Goldberg & Nivre 2013), so it learns to
//! recover from its own mistakes. The root sits at the end of the buffer,
//! and only one word may attach to it.
//!
//! Transitions: SHIFT moves the front of the buffer onto the stack; LEFT(l)
//! pops the top of the stack as an `l` dependent of the buffer front;
//! RIGHT(l) pops it as an `l` dependent of the word below it.

use super::hash::{Part, key};
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
    // Every value spread once (`Part`), then each template's key from the
    // spread values: several templates share each value.
    let w = |i| Part::of(cx.word(s, i));
    let t = |i| Part::of(cx.tag(s, i));
    let lab = |i| Part::of(label(s, i));
    let z = Part::of(0);
    let d = Part::of(match (s0, b0) {
        (Some(a), Some(b)) => bucket(b - a),
        _ => 0,
    });
    let d2 = Part::of(match (s1, s0) {
        (Some(a), Some(b)) => bucket(b - a),
        _ => 0,
    });
    let nl = |i: Option<usize>| {
        Part::of(
            i.and_then(|i| s.lefts.get(i))
                .map_or(0, |v| v.len().min(4) as u64),
        )
    };
    let nr = |i: Option<usize>| {
        Part::of(
            i.and_then(|i| s.rights.get(i))
                .map_or(0, |v| v.len().min(4) as u64),
        )
    };
    let ls = |i: Option<usize>, left: bool| {
        Part::of(
            i.and_then(|i| {
                if left {
                    s.lefts.get(i)
                } else {
                    s.rights.get(i)
                }
            })
            .map_or(0, |v| labels_set(s, v)),
        )
    };
    let (ws0, ts0, ws1, ts1, ts2) = (w(s0), t(s0), w(s1), t(s1), t(s2));
    let (wb0, tb0, wb1, tb1, tb2) = (w(b0), t(b0), w(b1), t(b1), t(b2));
    let wt = |w: Part, t: Part| Part::of(key(200, w, t, z));
    let (wts0, wts1, wtb0, wtb1, wtb2) = (
        wt(ws0, ts0),
        wt(ws1, ts1),
        wt(wb0, tb0),
        wt(wb1, tb1),
        wt(w(b2), tb2),
    );
    let (ts0l1, ts0r1, tb0l1) = (t(s0l1), t(s0r1), t(b0l1));
    let (ts0l2, ts0r2, tb0l2) = (t(s0l2), t(s0r2), t(b0l2));
    let (ts1r1, ts1l1) = (t(s1r1), t(s1l1));
    out.extend([
        key(0, z, z, z),
        key(1, wts0, z, z),
        key(2, ws0, z, z),
        key(3, ts0, z, z),
        key(4, wtb0, z, z),
        key(5, wb0, z, z),
        key(6, tb0, z, z),
        key(7, wtb1, z, z),
        key(8, wb1, z, z),
        key(9, tb1, z, z),
        key(10, wtb2, z, z),
        key(11, tb2, z, z),
        key(12, wts1, z, z),
        key(13, ws1, z, z),
        key(14, ts1, z, z),
        key(15, ts2, z, z),
        key(16, wts0, wtb0, z),
        key(17, wts0, wb0, z),
        key(18, ws0, wtb0, z),
        key(19, wts0, tb0, z),
        key(20, ts0, wtb0, z),
        key(21, ws0, wb0, z),
        key(22, ts0, tb0, z),
        key(23, tb0, tb1, z),
        key(24, tb0, tb1, tb2),
        key(25, ts0, tb0, tb1),
        key(26, ts1, ts0, tb0),
        key(27, ts0, ts0l1, tb0),
        key(28, ts0, ts0r1, tb0),
        key(29, ts0, tb0, tb0l1),
        key(30, ts1, ts0, z),
        key(31, ws1, ws0, z),
        key(32, wts1, wts0, z),
        key(33, ts1, ts0, ts0r1),
        key(34, ts2, ts1, ts0),
        key(35, ws0, d, z),
        key(36, ts0, d, z),
        key(37, wb0, d, z),
        key(38, tb0, d, z),
        key(39, ws0, wb0, d),
        key(40, ts0, tb0, d),
        key(41, ts1, ts0, d2),
        key(42, ws0, nl(s0), z),
        key(43, ts0, nl(s0), z),
        key(44, ws0, nr(s0), z),
        key(45, ts0, nr(s0), z),
        key(46, wb0, nl(b0), z),
        key(47, tb0, nl(b0), z),
        key(48, w(s0l1), z, z),
        key(49, ts0l1, z, z),
        key(50, lab(s0l1), z, z),
        key(51, w(s0r1), z, z),
        key(52, ts0r1, z, z),
        key(53, lab(s0r1), z, z),
        key(54, w(b0l1), z, z),
        key(55, tb0l1, z, z),
        key(56, lab(b0l1), z, z),
        key(57, ts0l2, lab(s0l2), z),
        key(58, ts0r2, lab(s0r2), z),
        key(59, tb0l2, lab(b0l2), z),
        key(60, ts0, ts0l1, ts0l2),
        key(61, ts0, ts0r1, ts0r2),
        key(62, tb0, tb0l1, tb0l2),
        key(63, ws0, ls(s0, true), z),
        key(64, ts0, ls(s0, true), z),
        key(65, ws0, ls(s0, false), z),
        key(66, ts0, ls(s0, false), z),
        key(67, wb0, ls(b0, true), z),
        key(68, tb0, ls(b0, true), z),
        key(69, ts1r1, lab(s1r1), ts1),
        key(70, ts1l1, lab(s1l1), ts1),
        key(71, ws0, ts0, tb1),
        key(72, ts0, wb0, tb1),
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
    // What the state allows, asked once rather than once per class.
    let (shift, left, right) = (
        s.valid(Move::Shift),
        s.valid(Move::Left),
        s.valid(Move::Right),
    );
    // A left arc from the last word goes to the root and carries its
    // label; no other arc does.
    let left_to_root = s.front == s.n;
    let allowed_move = |c: usize| {
        if c == SHIFT {
            shift
        } else if c % 2 == 1 {
            left && left_to_root == (label_of(c) == root)
        } else {
            right && label_of(c) != root
        }
    };
    // The first class of the highest score: a class is tested only when it
    // would win.
    let mut best: Option<(i32, usize)> = None;
    for (c, &sc) in scores.iter().enumerate() {
        if best.is_some_and(|b| sc <= b.0) || !allowed_move(c) || !allowed(c) {
            continue;
        }
        best = Some((sc, c));
    }
    best.map(|(_, c)| match c {
        SHIFT => (Move::Shift, 0, c),
        _ if c % 2 == 1 => (Move::Left, label_of(c), c),
        _ => (Move::Right, label_of(c), c),
    })
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
