#!/usr/bin/env python3
"""Writes a plan of N items (sections of ten items, each with a title and a body) to stdout,
to measure how render time grows with plan size: scripts/scale.py 10000 > /tmp/big.yaml"""
import sys

n = int(sys.argv[1])
print("organization: 城东中学工会\nyear: 2027\nsections:")
for s in range((n + 9) // 10):
    print(f"  - title: 第{s}部分重点工作\n    items:")
    for i in range(min(10, n - s * 10)):
        print(f"      - title: 加强民主管理，提升民主意识{i}。\n"
              f"        body: 组织教职工积极参与学校民主管理，为学校的发展献计献策，切实维护教职工合法权益。")
