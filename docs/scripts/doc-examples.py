#!/usr/bin/env python3
"""Counts, per crate, the public items with a runnable example in their doc comment.

A public item is a `pub fn`, `pub const fn`, `pub struct`, `pub enum`, `pub trait` or
`pub type` (not `pub(crate)`) of a crate's `src/`. It has an example when its doc comment (the
`///` lines above it) holds a code block, or (for a method) when the type's own doc does and
the method is a trivial accessor: this script does not guess that, it counts only the item's
own doc. Usage: docs/scripts/doc-examples.py [crate ...]
"""
import re, sys, pathlib

ITEM = re.compile(r'^\s*pub (?:const )?(?:unsafe )?(fn|struct|enum|trait|type) ([A-Za-z_][A-Za-z0-9_]*)')

def count(crate):
    total = with_example = 0
    missing = []
    for path in sorted(pathlib.Path(f'crates/{crate}/src').rglob('*.rs')):
        lines = path.read_text().splitlines()
        in_test = False
        for index, line in enumerate(lines):
            if re.match(r'^\s*#\[cfg\(test\)\]', line):
                in_test = True
            m = ITEM.match(line)
            if not m or in_test:
                continue
            doc = []
            j = index - 1
            while j >= 0 and (lines[j].strip().startswith('///') or lines[j].strip().startswith('#[')):
                doc.append(lines[j])
                j -= 1
            total += 1
            if any('```' in d for d in doc):
                with_example += 1
            else:
                missing.append(f'{path}:{index + 1}: {m.group(1)} {m.group(2)}')
    return total, with_example, missing

crates = sys.argv[1:] or sorted(p.name for p in pathlib.Path('crates').iterdir() if p.name != 'apkalpe-testkit')
for crate in crates:
    total, with_example, missing = count(crate)
    share = 100 * with_example / total if total else 100
    print(f'{crate:22} {with_example:4} of {total:4} public items with an example ({share:.0f} %)')
