#!/usr/bin/env python3
"""Records what torchvision's own AutoAugment(CIFAR10) and RandAugment do, for AutoAugmentTest and
RandAugmentTest. Run from the repository root with Debian's python3-torchvision (torchvision 0.14,
torch 1.13, Pillow 9.4):

    /usr/bin/python3 src/test/resources/dev/cnnlab/technique/make_torchvision_augment.py

cnnlab draws from its own random streams, so no draw sequence can be compared. What can be: the
distribution of outputs. For one fixed image, this script runs torchvision's real forward() once for
every combination of its random decisions (AutoAugment: the sub-policy, whether each of its two
operations fires, each sign; RandAugment: each operation and each sign), the decisions forced by
replacing only torchvision's random draws, and writes every distinct output (CRC32 of its planar RGB
bytes) with the probability torchvision gives it. The Java tests apply cnnlab's transform to the
same image under many seeds and check that every output is one of torchvision's and that the
outputs come with torchvision's frequencies.

It also writes torchvision's CIFAR10 policy table and its magnitude tables (_augmentation_space) as
torchvision holds them, so a mismatch can be pinned to a table entry.

Output: torchvision_autoaugment.txt and torchvision_randaugment.txt beside this script. Lines:
    policy <index> <op> <prob> <bin|None> <op> <prob> <bin|None>
    magnitude <bins> <op> <signed 0|1> <value for bin 0> ... (float32 values printed as doubles)
    input <crc32 of the input image>
    outcome <crc32> <probability> <tuples> <one decision tuple that gives it>
"""
import itertools
import math
import os
import zlib
from collections import OrderedDict

import numpy as np
import torch
import torchvision
from PIL import Image
from torchvision.transforms import autoaugment as tv_aa

HERE = os.path.dirname(os.path.abspath(__file__))


def images():
    """ImageOpsPillowTest's three 3x32x32 planar RGB images, from one LCG."""
    out, s = [], 12345
    for kind in range(3):
        px = bytearray(3 * 32 * 32)
        for i in range(len(px)):
            s = (s * 1103515245 + 12345) & 0x7FFFFFFF
            noise = (s >> 16) & 0xFF
            c, p = divmod(i, 1024)
            y, x = divmod(p, 32)
            if kind == 0:
                px[i] = noise
            elif kind == 1:
                px[i] = 40 + (x * 3 + y * 2 + c * 7 + noise % 23) % 150
            else:
                px[i] = 60 + 40 * c if (x // 8 + y // 8) % 2 == 0 else 200 - 30 * c
        out.append(bytes(px))
    return out


def to_pil(px):
    return Image.fromarray(np.frombuffer(px, np.uint8).reshape(3, 32, 32).transpose(1, 2, 0).copy(), "RGB")


def crc(img):
    return "%08x" % zlib.crc32(np.asarray(img, np.uint8).transpose(2, 0, 1).tobytes())


def java_name(op):  # "AutoContrast" -> "AUTO_CONTRAST", as cnnlab's AugmentOp enum
    return "".join("_" + ch if ch.isupper() and i else ch for i, ch in enumerate(op)).upper()


def magnitude_lines(transform, bins):
    lines = []
    for op, (mags, signed) in transform._augmentation_space(bins, (32, 32)).items():
        values = [repr(float(v)) for v in mags.reshape(-1)] if mags.ndim > 0 else []
        lines.append(" ".join(["magnitude", str(bins), java_name(op), str(int(signed))] + values))
    return lines


def outcome_lines(results):
    """results: list of (crc, probability, description) -> aggregated 'outcome' lines."""
    table = OrderedDict()
    for key, p, desc in results:
        if p == 0:
            continue
        total, n, first = table.get(key, (0.0, 0, desc))
        table[key] = (total + p, n + 1, first)
    total = sum(p for p, _, _ in table.values())
    assert math.isclose(total, 1.0, rel_tol=1e-12), total
    return ["outcome %s %r %d %s" % (k, p, n, d) for k, (p, n, d) in table.items()]


def autoaugment(px):
    policy = tv_aa.AutoAugment(tv_aa.AutoAugmentPolicy.CIFAR10)
    lines = []
    for i, ((op1, p1, b1), (op2, p2, b2)) in enumerate(policy.policies):
        lines.append("policy %d %s %r %s %s %r %s" % (i, java_name(op1), p1, b1, java_name(op2), p2, b2))
    lines += magnitude_lines(policy, 10)
    lines.append("input " + crc(to_pil(px)))
    results = []
    n = len(policy.policies)
    for t, sub in enumerate(policy.policies):
        for fires in itertools.product((True, False), repeat=2):
            for signs in itertools.product((0, 1), repeat=2):
                # torchvision fires operation i when its draw probs[i] <= p: 0.0 always fires, 0.999 never
                # (the table's largest p is 0.9)
                probs = torch.tensor([0.0 if f else 0.999 for f in fires])
                policy.get_params = lambda _n, t=t, probs=probs, signs=signs: (t, probs, torch.tensor(signs))
                out = policy(to_pil(px))
                p = 1.0 / n
                for (_, prob, _), f in zip(sub, fires):
                    p *= prob if f else 1.0 - prob
                p *= 0.25  # two fair sign draws
                desc = "sub=%d,fires=%d%d,signs=%d%d" % (t, fires[0], fires[1], signs[0], signs[1])
                results.append((crc(out), p, desc))
    return lines + outcome_lines(results)


class ScriptedTorch:
    """Stands in for the torch module inside torchvision.transforms.autoaugment: randint returns the
    scripted values in order; everything else is real torch."""

    def __init__(self, values):
        self.values = list(values)

    def randint(self, high, size, **kw):
        v = self.values.pop(0)
        assert 0 <= v < high
        return torch.tensor([v])

    def __getattr__(self, name):
        return getattr(torch, name)


def randaugment(px, num_ops, magnitude):
    transform = tv_aa.RandAugment(num_ops=num_ops, magnitude=magnitude)
    space = transform._augmentation_space(transform.num_magnitude_bins, (32, 32))
    names = list(space.keys())
    lines = magnitude_lines(transform, transform.num_magnitude_bins)
    lines.append("input " + crc(to_pil(px)))
    # one choice = (op index, sign draw or None for unsigned ops); each with its probability
    choices = []
    for k, name in enumerate(names):
        if space[name][1]:
            choices += [((k, 0), 1 / len(names) / 2), ((k, 1), 1 / len(names) / 2)]
        else:
            choices.append(((k,), 1 / len(names)))
    results = []
    real_torch = tv_aa.torch
    try:
        for combo in itertools.product(choices, repeat=num_ops):
            script = [v for choice, _ in combo for v in choice]
            tv_aa.torch = ScriptedTorch(script)
            out = transform(to_pil(px))
            assert not tv_aa.torch.values, "torchvision drew fewer values than scripted"
            p = math.prod(q for _, q in combo)
            desc = "+".join(names[c[0]] + ("" if len(c) == 1 else ("-" if c[1] else "+")) for c, _ in combo)
            results.append((crc(out), p, desc))
    finally:
        tv_aa.torch = real_torch
    return lines + outcome_lines(results)


def write(name, header, lines):
    with open(os.path.join(HERE, name), "w") as f:
        f.write("# %s\n# made by make_torchvision_augment.py with torchvision %s, torch %s, Pillow %s\n"
                % (header, torchvision.__version__, torch.__version__, Image.__version__))
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    px = images()[1]
    write("torchvision_autoaugment.txt", "AutoAugment(AutoAugmentPolicy.CIFAR10), PIL input, image 1",
          autoaugment(px))
    ra = []
    for num_ops, magnitude in ((2, 9), (1, 30), (1, 20)):
        ra.append("config %d %d" % (num_ops, magnitude))
        ra += randaugment(px, num_ops, magnitude)
    write("torchvision_randaugment.txt", "RandAugment(num_ops, magnitude), 31 bins, PIL input, image 1", ra)
