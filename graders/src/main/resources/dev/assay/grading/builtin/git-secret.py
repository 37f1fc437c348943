"""The git grader's secret finder, run by git-facts.sh in the sandbox: git-secret.py SOURCE CLONE SECRET_FILE.

SOURCE is the candidate's git directory as read (every object it stores), CLONE what our git cloned out of it
with --mirror (every ref a server advertises, and only the objects they reach). Every object of SOURCE (blobs,
trees with their file names, commits and tags with their messages) and every ref name is searched for the secret
as written and in the forms a reader undoes in a moment: split by spaces, quotes or line breaks, escaped
(%XX, \\xXX, \\uXXXX, &#NN;, 0xNN), reversed, rot13 or any other shift of the letters, hex, base64 (either alphabet, at any offset in a longer
encoded text, wrapped or not), base32, decimal byte lists, gzip/zlib/bzip2/xz/zip, and those nested two deep; and
as pieces of at least 8 characters that together make up the whole secret.

An object that holds it counts when a ref reaches it (a clone gets it), or when no ref does but a reachable object
names it by its full id: protocol v2 servers send any object they store to a client that asks for it by id.
Prints facts, one a line, "name<TAB>value..."; never the secret itself.
"""

import base64
import bz2
import io
import lzma
import re
import subprocess
import sys
import zipfile
import zlib

MAX_DEPTH = 2
DECODE_BUDGET = 32 << 20
INFLATE_CAP = 8 << 20
SEPARATORS = b" \t\r\n\x0b\x0c\x00\"'`+.,\\()[]{}|:;#*-_=<>/"
HIDDEN = "(a name that holds it)"
LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def deleting_all_but(keep):
    return bytes(b for b in range(256) if b not in keep)


def cores(secret, encode, group, bits):
    """The part of the encoding of secret that is the same wherever it starts within a longer encoded text."""
    found = []
    for offset in range(group):
        encoded = encode(b"\0" * offset + secret)
        start = -(-8 * offset // bits)
        end = 8 * (offset + len(secret)) // bits
        if end - start >= 6:
            found.append(encoded[start:end])
    return found


class Family:
    """A way of writing the secret, the view of a text in which it is contiguous, and what to look for there."""

    def __init__(self, keep_or_drop, fold, needles, keep=True):
        self.delete = deleting_all_but(keep_or_drop) if keep else keep_or_drop
        self.fold = fold
        self.needles = [(needle, label) for needle, label in needles if needle]

    def view(self, data):
        return self.fold(data).translate(None, self.delete)


def families(secret):
    def same(data):
        return data

    forms = [(secret, ""), (secret[::-1], "reversed ")]
    plain = [(secret, "as written"), (secret[::-1], "reversed")]
    for shift in range(1, 26):
        shifted = secret.translate(bytes.maketrans(LETTERS, LETTERS[shift:26] + LETTERS[:shift] + LETTERS[26 + shift:] + LETTERS[26:26 + shift]))
        label = "rot13" if shift == 13 else "letters shifted by %d" % shift
        plain += [(shifted, label), (shifted[::-1], "reversed " + label)]
    alphabet64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return [
        Family(bytes(b for b in SEPARATORS if b not in secret), same, plain, keep=False),
        Family(b"0123456789abcdef", bytes.lower, [(s.hex().encode(), p + "hex") for s, p in forms]),
        Family(alphabet64 + b"+/", same,
               [(c, p + "base64") for s, p in forms for c in cores(s, base64.b64encode, 3, 6)]),
        Family(alphabet64 + b"-_", same,
               [(c, p + "base64") for s, p in forms for c in cores(s, base64.urlsafe_b64encode, 3, 6)]),
        Family(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", bytes.upper,
               [(c, p + "base32") for s, p in forms for c in cores(s, base64.b32encode, 5, 5)]),
    ]


ESCAPE = re.compile(
    rb"%([0-9A-Fa-f]{2})|\\x([0-9A-Fa-f]{2})|\\u00([0-9A-Fa-f]{2})|&#[xX]0*([0-9A-Fa-f]{1,2});|&#0*([0-9]{1,3});"
    rb"|0[xX]([0-9A-Fa-f]{2})\b|\\([0-7]{3})|\\(/)|&(amp|lt|gt|quot|apos);")
ENTITIES = {b"amp": b"&", b"lt": b"<", b"gt": b">", b"quot": b'"', b"apos": b"'"}


def unescape_one(match):
    for group, base in ((1, 16), (2, 16), (3, 16), (4, 16), (5, 10), (6, 16), (7, 8)):
        if match.group(group):
            value = int(match.group(group), base)
            return bytes([value]) if value < 256 else match.group(0)
    return match.group(8) or ENTITIES[match.group(9)]


def unescape(data):
    for _ in range(2):
        data = ESCAPE.sub(unescape_one, data)
    return data


DECIMALS = re.compile(rb"(?:\b\d{1,3}\s*,\s*)+\d{1,3}\b")
FLATTEN = b" \t\r\n\"'`\\"


def inflate(data):
    """What a compressed file holds (at most INFLATE_CAP of each), by its magic bytes."""
    try:
        if data.startswith(b"\x1f\x8b"):
            return [(zlib.decompressobj(47).decompress(data, INFLATE_CAP), "gunzipped")]
        if data[:1] == b"\x78" and len(data) > 2 and (data[0] * 256 + data[1]) % 31 == 0:
            return [(zlib.decompressobj().decompress(data, INFLATE_CAP), "inflated")]
        if data.startswith(b"BZh"):
            return [(bz2.BZ2Decompressor().decompress(data, INFLATE_CAP), "bunzipped")]
        if data.startswith(b"\xfd7zXZ\x00"):
            return [(lzma.LZMADecompressor().decompress(data, INFLATE_CAP), "unxz'd")]
        if data.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return [(archive.open(info).read(INFLATE_CAP), "unzipped") for info in archive.infolist()[:100]]
    except Exception:  # a damaged or encrypted archive holds nothing readable
        return []
    return []


def runs(shortest):
    """Patterns of encoded runs long enough to decode into a text of at least shortest bytes, with their decoding
    and the size of their groups (a run is decoded from each offset within a group)."""
    return [
        (re.compile(rb"[A-Za-z0-9+/]{%d,}" % max(16, -(-4 * shortest // 3))), base64.b64decode, 4, "base64-decoded"),
        (re.compile(rb"[A-Za-z0-9_-]{%d,}" % max(16, -(-4 * shortest // 3))), base64.urlsafe_b64decode, 4,
         "base64-decoded"),
        (re.compile(rb"[A-Z2-7]{%d,}" % max(16, -(-8 * shortest // 5))), base64.b32decode, 8, "base32-decoded"),
    ]


def decoded(data, shortest, encoded_runs):
    """Texts decoded out of data that could hold the secret in a further form (an encoded text decoded into one
    shorter than the secret cannot): compressed content; base64, base32 and hex runs; decimal byte lists."""
    yield from inflate(data)
    flat = data.translate(None, FLATTEN)
    for pattern, decode, group, how in encoded_runs:
        for run in pattern.finditer(flat):
            for offset in range(group):
                piece = run.group()[offset:]
                yield decode(piece[: len(piece) // group * group]), how
    hex_digits = data.translate(None, b" \t\r\n:,-")
    for run in re.finditer(rb"[0-9A-Fa-f]{%d,}" % max(16, 2 * shortest), hex_digits):
        for offset in range(2):
            piece = run.group()[offset:]
            yield bytes.fromhex(piece[: len(piece) // 2 * 2].decode()), "hex-decoded"
    for run in DECIMALS.finditer(data):
        numbers = [int(n) for n in re.findall(rb"\d+", run.group())]
        if len(numbers) >= shortest and all(n < 256 for n in numbers):
            yield bytes(numbers), "decimal bytes"


class Finder:
    def __init__(self, secret):
        self.secret = secret
        self.families = families(secret)
        self.plain = self.families[0]
        self.width = max(6, min(8, len(secret) // 2))
        short = len(secret) <= 256
        self.grams = [secret[i : i + self.width] for i in range(len(secret) - self.width + 1)] if short else []
        self.budget = 0
        self.exhausted = False
        # A decoded text shorter than the secret holds it in no form looked for: runs too short are not decoded.
        self.shortest = len(secret)
        self.runs = runs(self.shortest)

    def search(self, data, pieces, depth=0):
        for family in self.families:
            view = family.view(data)
            for needle, label in family.needles:
                if needle in view:
                    split = family is self.plain and needle not in data
                    return label + (", split by spaces or punctuation" if split else "")
        if depth <= 1:
            plain = self.plain.view(data)
            pieces.update(i for i, gram in enumerate(self.grams) if i not in pieces and gram in plain)
        return None

    def find(self, data, pieces, depth=0):
        """How the secret is written in data, or None; the pieces of it found are added to pieces."""
        label = self.search(data, pieces, depth)
        if label:
            return label
        plain = unescape(data)
        if plain != data:
            label = self.search(plain, pieces, depth)
            if label:
                return "escaped, " + label
        if depth >= MAX_DEPTH:
            return None
        for child, how in decoded(data, self.shortest, self.runs):
            self.budget -= len(child)
            if self.budget < 0:
                self.exhausted = True
                return None
            label = self.find(child, pieces, depth + 1)
            if label:
                return how + ", " + label
        return None

    def whole_from(self, present):
        """Whether pieces at the given gram positions, each at least self.width long, make up the whole secret."""
        n, w = len(self.secret), self.width
        if not self.grams:
            return False
        tiled = [True] + [False] * n
        for end in range(w, n + 1):
            tiled[end] = any(
                tiled[start] and all(k in present for k in range(start, end - w + 1))
                for start in range(0, end - w + 1))
        return tiled[n]


def objects(gitdir):
    """Every object stored in gitdir: (id, type, content)."""
    process = subprocess.Popen(
        ["git", "--git-dir", gitdir, "cat-file", "--batch-all-objects", "--batch", "--unordered"],
        stdout=subprocess.PIPE)
    out = process.stdout
    while True:
        header = out.readline()
        if not header:
            break
        oid, kind, size = header.split()
        content = out.read(int(size))
        out.read(1)
        yield oid.decode(), kind.decode(), content
    process.wait()


def shown(text):
    return "".join(c if c.isprintable() and c != "\t" else "?" for c in text)[:200]


def main(source, clone, secret_file):
    with open(secret_file, "rb") as f:
        secret = f.read().strip()
    finder = Finder(secret)
    reachable = set(git(clone, "cat-file", "--batch-all-objects", "--batch-check=%(objectname)").decode().split())
    id_length = len(next(iter(reachable), "0" * 40))
    names = re.compile(rb"\b[0-9a-f]{%d}\b" % id_length)
    hits, stored, named, pieces_in, undecoded = {}, set(), {}, {}, 0
    for oid, kind, content in objects(source):
        stored.add(oid)
        finder.budget = min(DECODE_BUDGET, max(1 << 20, 8 * len(content)))
        finder.exhausted = False
        pieces = set()
        label = finder.find(content, pieces)
        undecoded += finder.exhausted
        if label:
            hits[oid] = (kind, label)
        elif pieces:
            pieces_in[oid] = (kind, pieces)
        if oid in reachable and kind != "tree":
            for name in names.findall(content):
                named.setdefault(name.decode(), oid)
    present = set().union(*[p for oid, (_, p) in pieces_in.items() if oid in reachable]) if pieces_in else set()
    if finder.whole_from(present):
        for oid, (kind, _) in pieces_in.items():
            if oid in reachable:
                hits[oid] = (kind, "one of its pieces")
        print("split\t%d" % sum(1 for oid in pieces_in if oid in reachable))
    report_refs(clone, finder, {oid for oid in hits if oid in reachable}, hits)
    unreferenced = {oid for oid in hits if oid not in reachable}
    print("unreferenced\t%d" % len(unreferenced))
    if unreferenced:
        report_named(source, {n: by for n, by in named.items() if n in stored and n not in reachable}, unreferenced)
    for oid, (kind, label) in sorted(hits.items(), key=lambda item: item[0] not in reachable)[:10]:
        print("found\t%s\t%s\t%s\t%s" % (oid, kind, label, "reachable" if oid in reachable else "unreferenced"))
    if undecoded:
        print("undecoded\t%d" % undecoded)


def report_refs(clone, finder, held, hits):
    refs = git(clone, "for-each-ref", "--format=%(refname)").decode("utf-8", "replace").split("\n")
    refs = [ref for ref in refs if ref]
    if subprocess.run(["git", "--git-dir", clone, "rev-parse", "-q", "--verify", "HEAD"], capture_output=True).returncode == 0:
        refs.insert(0, "HEAD")
    print("refs\t%d" % len(refs))
    for ref in refs[:5000]:
        if finder.find(ref.encode(), set()):
            print("refname\t1")
            continue
        if not held:
            continue
        count, path = 0, ""
        for line in git(clone, "rev-list", "--objects", ref, "--").decode("utf-8", "replace").split("\n"):
            oid, _, where = line.partition(" ")
            if oid in held:
                count += 1
                if not path and where and hits[oid][0] == "blob":
                    path = HIDDEN if finder.find(where.encode(), set()) else shown(where)
        if count:
            print("ref\t%d\t%s\t%s" % (count, shown(ref), path))


def report_named(source, candidates, unreferenced):
    for name, by in list(candidates.items())[:100]:
        listed = subprocess.run(
            ["git", "--git-dir", source, "rev-list", "--objects", "--missing=allow-any", name, "--"],
            capture_output=True).stdout.decode("utf-8", "replace")
        if any(line[: len(name)] in unreferenced for line in listed.split("\n")):
            print("exposed\t%s\t%s" % (name, by))


if __name__ == "__main__":
    main(*sys.argv[1:4])
