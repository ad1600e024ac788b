#!/usr/bin/env python3
"""ImageOpsPillowTest's Pillow reference at other image sides, for ImageOpsPillowSizesTest. Run from
the repository root with Debian's python3-pil (Pillow 9.4) and python3-numpy:

    /usr/bin/python3 src/test/resources/dev/cnnlab/technique/make_pillow_sizes.py

Exactly ImageOpsPillowTest's script (see its Javadoc) with the side as a parameter: the three
images (full-range noise, a gradient with noise, a checkerboard of 8-pixel cells) are made by the
same LCG at side x side, every operation of torchvision's _apply_op is applied at every bin of the
10- and 31-bin tables with both signs (translations at 150/331 of the side, as torchvision's
_augmentation_space(n, (side, side))), and Rotate also at extra angles. The CRC32 of all outputs of
one operation, in that order, is written per side.

Output: pillow_sizes.txt beside this script, lines "<side> <AugmentOp name> <crc32 hex>".
"""
import math
import os
import zlib

import numpy as np
from PIL import Image, ImageEnhance, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
SIDES = (16, 64)
OPS = ["Identity", "ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate", "Brightness", "Color",
       "Contrast", "Sharpness", "Posterize", "Solarize", "AutoContrast", "Equalize", "Invert"]
SIGNED = {"ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate", "Brightness", "Color", "Contrast",
          "Sharpness"}
EXTRA_ANGLES = [90.0, -90.0, 180.0, 270.0, 45.0, -135.0, 360.0, 1e-9]


def images(side):
    out, s, plane = [], 12345, side * side
    for kind in range(3):
        px = bytearray(3 * plane)
        for i in range(len(px)):
            s = (s * 1103515245 + 12345) & 0x7FFFFFFF
            noise = (s >> 16) & 0xFF
            c, p = divmod(i, plane)
            y, x = divmod(p, side)
            if kind == 0:
                px[i] = noise
            elif kind == 1:
                px[i] = 40 + (x * 3 + y * 2 + c * 7 + noise % 23) % 150
            else:
                px[i] = 60 + 40 * c if (x // 8 + y // 8) % 2 == 0 else 200 - 30 * c
        out.append(bytes(px))
    return out


def to_pil(px, side):
    return Image.fromarray(np.frombuffer(px, np.uint8).reshape(3, side, side).transpose(1, 2, 0).copy(), "RGB")


def from_pil(img):
    return np.asarray(img, np.uint8).transpose(2, 0, 1).tobytes()


def inverse_affine_matrix(center, angle, translate, scale, shear):  # torchvision 0.14's
    rot = math.radians(angle)
    sx = math.radians(shear[0])
    sy = math.radians(shear[1])
    cx, cy = center
    tx, ty = translate
    a = math.cos(rot - sy) / math.cos(sy)
    b = -math.cos(rot - sy) * math.tan(sx) / math.cos(sy) - math.sin(rot)
    c = math.sin(rot - sy) / math.cos(sy)
    d = -math.sin(rot - sy) * math.tan(sx) / math.cos(sy) + math.cos(rot)
    m = [d, -b, 0.0, -c, a, 0.0]
    m = [x / scale for x in m]
    m[2] += m[0] * (-cx - tx) + m[1] * (-cy - ty)
    m[5] += m[3] * (-cx - tx) + m[4] * (-cy - ty)
    m[2] += cx
    m[5] += cy
    return m


def affine(img, center, translate, shear):
    center = center or [img.size[0] * 0.5, img.size[1] * 0.5]
    m = inverse_affine_matrix(center, 0.0, translate, 1.0, shear)
    return img.transform(img.size, Image.AFFINE, m, Image.NEAREST, fillcolor=(0, 0, 0))


def apply_op(img, op, mag):  # torchvision's _apply_op, PIL branch
    if op == "ShearX":
        return affine(img, [0, 0], [0, 0], [math.degrees(math.atan(mag)), 0.0])
    if op == "ShearY":
        return affine(img, [0, 0], [0, 0], [0.0, math.degrees(math.atan(mag))])
    if op == "TranslateX":
        return affine(img, None, [int(mag), 0], [0.0, 0.0])
    if op == "TranslateY":
        return affine(img, None, [0, int(mag)], [0.0, 0.0])
    if op == "Rotate":
        return img.rotate(mag, Image.NEAREST, False, None, fillcolor=(0, 0, 0))
    if op in ("Brightness", "Color", "Contrast", "Sharpness"):
        return getattr(ImageEnhance, op)(img).enhance(1.0 + mag)
    if op == "Posterize":
        return ImageOps.posterize(img, int(mag))
    if op == "Solarize":
        return ImageOps.solarize(img, mag)
    if op == "AutoContrast":
        return ImageOps.autocontrast(img)
    if op == "Equalize":
        return ImageOps.equalize(img)
    if op == "Invert":
        return ImageOps.invert(img)
    return img


def linspace(start, end, n, k):  # PyTorch's float32 CPU linspace
    start, end = np.float32(start), np.float32(end)
    step = np.float32((end - start) / np.float32(n - 1))
    return float(start + step * np.float32(k)) if k < n // 2 else float(end - step * np.float32(n - k - 1))


def magnitude(op, k, n, side):  # torchvision's _augmentation_space(n, (side, side))
    if op in ("ShearX", "ShearY"):
        return linspace(0.0, 0.3, n, k)
    if op in ("TranslateX", "TranslateY"):
        return linspace(0.0, 150.0 / 331.0 * side, n, k)
    if op == "Rotate":
        return linspace(0.0, 30.0, n, k)
    if op in ("Brightness", "Color", "Contrast", "Sharpness"):
        return linspace(0.0, 0.9, n, k)
    if op == "Posterize":
        return 8 - int(np.round(np.float32(k) / np.float32((n - 1) / 4)))
    if op == "Solarize":
        return linspace(255.0, 0.0, n, k)
    return 0.0


def java_name(op):  # "AutoContrast" -> "AUTO_CONTRAST"
    return "".join("_" + ch if ch.isupper() and i else ch for i, ch in enumerate(op)).upper()


def main():
    lines = []
    for side in SIDES:
        pxs = images(side)
        for op in OPS:
            crc = 0
            for n in (10, 31):
                for k in range(n):
                    for sign in ((1.0, -1.0) if op in SIGNED else (1.0,)):
                        for px in pxs:
                            out = apply_op(to_pil(px, side), op, sign * magnitude(op, k, n, side))
                            crc = zlib.crc32(from_pil(out), crc)
            if op == "Rotate":
                for a in EXTRA_ANGLES:
                    for px in pxs:
                        crc = zlib.crc32(from_pil(apply_op(to_pil(px, side), op, a)), crc)
            lines.append("%d %s %08x" % (side, java_name(op), crc))
    with open(os.path.join(HERE, "pillow_sizes.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
