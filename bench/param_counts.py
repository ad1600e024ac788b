#!/usr/bin/env python3
"""Trainable-parameter counts of cnnlab's model families, from PyTorch definitions.

Run with Debian's python3-torch: /usr/bin/python3 bench/param_counts.py
The bottleneck family is the one in ../shared/bench/pytorch_preact_resnet.py; the basic family
follows He et al. 2016 (pre-activation basic blocks, 16/32/64); PreAct ResNet-18 is
facebookresearch/mixup-cifar10's models/resnet.py ResNet18 (PreActBlock, [2,2,2,2]), 100 classes.
The numbers are pinned in src/test/java/dev/cnnlab/model/FamiliesTest.java.

Fractional widths (the "widen" lines) use channels(base, widen) below, the same rule as
dev.cnnlab.model.ModelSpec.channels: max(4, 4 * round(base * widen / 4)), round half up as Java's
Math.round; the stem does not scale. They are pinned in src/test/java/dev/cnnlab/model/WidthTest.java.

The bottleneck lines (totals for depth 11, which TrainerTest and TechniquesInTrainingTest train,
with and without SE, and per-part counts pinned in src/test/java/dev/cnnlab/model/PreActResNetTest.java)
come from the peer definition itself, ../shared/bench/pytorch_preact_resnet.py, imported unchanged.
"""
import math
import os
import sys

import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench"))
import pytorch_preact_resnet as peer  # noqa: E402


def java_round(x):
    """Java's Math.round: the closest integer, ties towards positive infinity."""
    r = math.floor(x)
    return r + 1 if x - r >= 0.5 else r


def channels(base, widen):
    """cnnlab's width rule: max(4, 4 * round(base * widen / 4)), evaluated in doubles as in Java."""
    return max(4, 4 * java_round(base * widen / 4))


def flops(m):
    """Forward FLOPs for one 32x32 image as ModelSummary counts them: 2 x multiply-adds of convs and linears.

    The blocks above only hold layers (no forward): a block's branch convs (c1, c2, c3) run one after
    the other and its shortcut on the block's input; 3x3 convs pad 1, so a side becomes ceil(side / stride)."""
    side, total = 32, 0

    def conv(c, at):
        out = -(-at // c.stride[0])
        return 2 * c.weight.numel() * out * out, out

    for layer in m:
        if isinstance(layer, nn.Conv2d):
            f, side = conv(layer, side)
            total += f
        elif isinstance(layer, nn.Linear):
            total += 2 * layer.weight.numel()
        elif isinstance(layer, (Basic, Bottleneck)):
            if layer.sc is not None:
                total += conv(layer.sc, side)[0]
            for c in (layer.c1, layer.c2, getattr(layer, "c3", None)):
                if c is not None:
                    f, side = conv(c, side)
                    total += f
    return total


def widened(bases, widen):
    return tuple(channels(b, widen) for b in bases)


def count(m):
    return sum(p.numel() for p in m.parameters())


class Basic(nn.Module):
    def __init__(self, i, o, s):
        super().__init__()
        self.bn1, self.c1 = nn.BatchNorm2d(i), nn.Conv2d(i, o, 3, s, 1, bias=False)
        self.bn2, self.c2 = nn.BatchNorm2d(o), nn.Conv2d(o, o, 3, 1, 1, bias=False)
        self.sc = nn.Conv2d(i, o, 1, s, bias=False) if s != 1 or i != o else None


class Bottleneck(nn.Module):
    def __init__(self, i, w, s):
        super().__init__()
        o = 4 * w
        self.bn1, self.c1 = nn.BatchNorm2d(i), nn.Conv2d(i, w, 1, bias=False)
        self.bn2, self.c2 = nn.BatchNorm2d(w), nn.Conv2d(w, w, 3, s, 1, bias=False)
        self.bn3, self.c3 = nn.BatchNorm2d(w), nn.Conv2d(w, o, 1, bias=False)
        self.sc = nn.Conv2d(i, o, 1, s, bias=False) if s != 1 or i != o else None


def cifar(block, n, widths, expansion, stem=16, stem_bn=False, final_bn=True, classes=100):
    layers, i = [nn.Conv2d(3, stem, 3, 1, 1, bias=False)], stem
    if stem_bn:
        layers.append(nn.BatchNorm2d(stem))
    for k, w in enumerate(widths):
        for b in range(n):
            layers.append(block(i, w, 2 if k > 0 and b == 0 else 1))
            i = w * expansion
    if final_bn:
        layers.append(nn.BatchNorm2d(i))
    layers.append(nn.Linear(i, classes))
    return nn.Sequential(*layers)


def peer_parts(n, se):
    """Per-part counts of the peer bottleneck network, in cnnlab's part order: stem, 3 stages, head."""
    m = peer.PreActResNet(n, se)
    blocks = list(m.blocks)
    stages = [blocks[k * n:(k + 1) * n] for k in range(3)]
    parts = [count(m.conv)] + [sum(count(b) for b in stage) for stage in stages] + [count(m.bn) + count(m.fc)]
    assert sum(parts) == count(m)
    return parts


if __name__ == "__main__":
    for n in (1, 3, 18):
        for se in (False, True):
            print(f"peer bottleneck depth {9 * n + 2}{' se' if se else ''}: {count(peer.PreActResNet(n, se))}"
                  f" parts (stem, stage1-3, head) {peer_parts(n, se)}"
                  f" flops {peer.analytic_flops(n, se)}")
    for depth in (20, 56, 110):
        print(f"basic depth {depth}: {count(cifar(Basic, (depth - 2) // 6, (16, 32, 64), 1))}")
    print(f"basic depth 20 widen 4: {count(cifar(Basic, 3, (64, 128, 256), 1))}")
    for depth in (29, 164):
        print(f"bottleneck depth {depth}: {count(cifar(Bottleneck, (depth - 2) // 9, (16, 32, 64), 4))}")
    print(f"bottleneck depth 29 widen 2: {count(cifar(Bottleneck, 3, (32, 64, 128), 4))}")
    print(f"bottleneck depth 29 flops (check against the peer's analytic count): "
          f"{flops(cifar(Bottleneck, 3, (16, 32, 64), 4))}")
    print(f"preact18: {count(cifar(Basic, 2, (64, 128, 256, 512), 1, stem=64, stem_bn=True, final_bn=False))}")
    print(f"preact18 widen 2: {count(cifar(Basic, 2, (128, 256, 512, 1024), 1, stem=64, stem_bn=True, final_bn=False))}")
    # fractional (and integer) widths with the width rule; 0.625 checks round-half-up (16 -> 12, not 8),
    # 0.3 and 0.1 check rounding to the nearest multiple of 4 (basic 0.1 also the floor of 4 channels)
    for widen in (0.25, 0.3, 0.5, 0.75, 2):
        print(f"width bottleneck depth 29 widen {widen} {widened((16, 32, 64), widen)}:"
              f" {count(cifar(Bottleneck, 3, widened((16, 32, 64), widen), 4))}"
              f" flops {flops(cifar(Bottleneck, 3, widened((16, 32, 64), widen), 4))}")
    for widen in (0.1, 0.25, 0.5, 0.625, 0.75, 2):
        print(f"width basic depth 20 widen {widen} {widened((16, 32, 64), widen)}:"
              f" {count(cifar(Basic, 3, widened((16, 32, 64), widen), 1))}"
              f" flops {flops(cifar(Basic, 3, widened((16, 32, 64), widen), 1))}")
    for widen in (0.1, 0.25, 0.5, 0.75, 2):
        bases = (64, 128, 256, 512)
        print(f"width preact18 widen {widen} {widened(bases, widen)}:"
              f" {count(cifar(Basic, 2, widened(bases, widen), 1, stem=64, stem_bn=True, final_bn=False))}"
              f" flops {flops(cifar(Basic, 2, widened(bases, widen), 1, stem=64, stem_bn=True, final_bn=False))}")
