#!/usr/bin/env python3
"""Tuned precision: score a later build's conflicts with verdicts already given.

Usage: rescore-union.py UNION_DIR ALL_CONFLICTS_JSONL...

Matches each conflict (event and message) to an item of a judged union packet
(union-packet.py make, verdicts in UNION_DIR/verdicts.txt) and prints the
verdict counts, correct and same-fact precision over the matched ones, and the
unjudged conflicts. Figures from it are tuned, not blind, once the verdicts
have been read.
"""
import json,re,sys,collections
union=sys.argv[1]; files=sys.argv[2:]
items={(i['event'],i['message']):i for i in map(json.loads,open(f'{union}/items.jsonl'))}
v={}
for l in open(f'{union}/verdicts.txt'):
    m=re.match(r'\s*(\d+)\s+([A-Z-]+)\s*(.*)',l)
    if m: v[int(m.group(1))]=(m.group(2),m.group(3))
n=collections.Counter()
for fn in files:
    for f in map(json.loads,open(fn)):
        it=items.get((f['event'],f['message']))
        if not it: n['unjudged']+=1; print('unjudged',f['event'],f['message'][:90]); continue
        x=v[it['item']][0]; n[x]+=1; n['judged']+=1
        n['correct']+= x=='REAL' or (x=='ROUNDING' and f['rule']=='numeric.precision')
print(dict(n), 'correct %.2f'%(n['correct']/max(1,n['judged'])), 'same-fact %.2f'%((n['REAL']+n['ROUNDING'])/max(1,n['judged'])))
