// Line diff by longest common subsequence. Pure: no DOM.

/**
 * The line diff turning `oldText` into `newText`: a list of
 * {op: 'same' | 'del' | 'add', text, oldLine, newLine} in display order (line numbers from 1,
 * null on the side a line does not exist). Deletions come before additions in a changed block.
 */
export function diffLines(oldText, newText) {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  // Common prefix and suffix are trimmed first: config versions usually differ in a few lines,
  // which keeps the quadratic LCS table small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out = [];
  for (let i = 0; i < start; i++) out.push(same(a[i], i, i));
  out.push(...middle(a, b, start, endA, endB));
  for (let i = endA, j = endB; i < a.length; i++, j++) out.push(same(a[i], i, j));
  return out;
}

/** The number of added and deleted lines of a diff. */
export function diffStats(diff) {
  let added = 0;
  let deleted = 0;
  for (const line of diff) {
    if (line.op === 'add') added++;
    else if (line.op === 'del') deleted++;
  }
  return {added, deleted};
}

/** A value as stable pretty JSON: keys in their order, two-space indent, for diffing versions. */
export function prettyJson(value) {
  return JSON.stringify(value, null, 2);
}

function middle(a, b, start, endA, endB) {
  const n = endA - start;
  const m = endB - start;
  // lcs[i][j] = length of the LCS of a[start+i..endA) and b[start+j..endB)
  const lcs = Array.from({length: n + 1}, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] =
        a[start + i] === b[start + j]
          ? lcs[i + 1][j + 1] + 1
          : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let dels = [];
  let adds = [];
  const flush = () => {
    out.push(...dels, ...adds);
    dels = [];
    adds = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      flush();
      out.push(same(a[start + i], start + i, start + j));
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      dels.push({op: 'del', text: a[start + i], oldLine: start + i + 1, newLine: null});
      i++;
    } else {
      adds.push({op: 'add', text: b[start + j], oldLine: null, newLine: start + j + 1});
      j++;
    }
  }
  flush();
  return out;
}

function same(text, i, j) {
  return {op: 'same', text, oldLine: i + 1, newLine: j + 1};
}

function splitLines(text) {
  if (text == null || text === '') return [];
  return String(text).replace(/\r\n/g, '\n').split('\n');
}
